import Foundation
import Testing
import LiqtopTestSupport

/// `liqtop export` (issue 16, item 5): the normalized events as native NDJSON, which `summary -`
/// reads back to the same figures; its filters against a naive one over the whole export.
@Suite struct ExportCLITests {
    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// summary's JSON without `input` (the sources' names and line counts differ by design).
    static func figures(_ text: String) throws -> NSDictionary {
        var d = try json(text)
        d["input"] = nil
        return d as NSDictionary
    }

    @Test func theDemoDayExportedSummarizesToTheSameFigures() async throws {
        let export = try await LiqtopBinary.run(["export"])
        #expect(export.status == 0 && export.stderr.isEmpty, "\(export.stderr)")
        let lines = export.stdout.split(separator: "\n")
        #expect(lines.count > 80_000)
        let direct = try await LiqtopBinary.run(["summary", "--json"])
        let back = try await LiqtopBinary.run(["summary", "--json", "-"], stdin: export.stdout)
        #expect(back.status == 0 && back.stderr.isEmpty, "\(back.stderr)")
        #expect(try Self.figures(back.stdout) == Self.figures(direct.stdout))
        #expect(try Self.json(back.stdout)["at"] as? String == "2026-01-14T23:59:59.080Z")
    }

    /// Real frames of five venues through export and back: the same figures. HTX's BSV-USD line
    /// (contract size unknown) is rejected by both, with its file and line.
    @Test func realFramesExportedSummarizeToTheSameFigures() async throws {
        let files = try ["bybit_v5__DOCS-example.ndjson", "binance_um__tardis-node.ndjson", "bitget_liquidation__tardis-node.ndjson",
                         "htx_liquidation_orders__tardis-node.ndjson", "deribit_trades_liquidation__tardis-node.ndjson"]
            .map { try #require(RealSamples.path($0), "../shared/samples/real/\($0) is not beside the checkout") }
        let export = try await LiqtopBinary.run(["export"] + files)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stderr.contains("liqtop: rejected \(files[3]):5: unknown HTX coin-margined contract BSV-USD"), "\(export.stderr)")
        #expect(export.stdout.split(separator: "\n").count >= 8)
        #expect(export.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix(#"{"type":"liquidation","#) })
        let direct = try await LiqtopBinary.run(["summary", "--json"] + files)
        let back = try await LiqtopBinary.run(["summary", "--json", "-"], stdin: export.stdout)
        #expect(try Self.figures(back.stdout) == Self.figures(direct.stdout))
    }

    /// The filters give exactly what a naive filter over the whole export keeps, in the same order.
    @Test func filtersKeepWhatANaiveFilterKeeps() async throws {
        let all = try await LiqtopBinary.run(["export"])
        let from = 1_768_431_600_000 as Int64 // 2026-01-14T23:00Z
        let expected = try all.stdout.split(separator: "\n").filter { line in
            let o = try Self.json(String(line))
            guard o["type"] as? String == "liquidation", o["coin"] as? String == "BTC" else { return false }
            let t = (o["time"] as? NSNumber)?.int64Value ?? -1
            return t >= from
        }
        #expect(expected.count > 100)
        let r = try await LiqtopBinary.run(["export", "--coins", "btc", "--types", "liquidation", "--from", "2026-01-14T23:00Z", "--to", "2026-01-14"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.split(separator: "\n") == expected)

        // Dated events pass on the day they overlap; market-wide ones stay under --coins.
        let etf = try await LiqtopBinary.run(["export", "--types", "etf_flow,rate", "--coins", "SOL", "--from", "2026-01-14T12:00Z"])
        let kept = try etf.stdout.split(separator: "\n").map { try Self.json(String($0)) }
        #expect(kept.contains { $0["type"] as? String == "etf_flow" && $0["asset"] as? String == "SOL" && $0["date"] as? String == "2026-01-14" })
        #expect(kept.allSatisfy { ($0["type"] as? String == "etf_flow" && $0["asset"] as? String == "SOL") || $0["type"] as? String == "rate" })
        #expect(kept.allSatisfy { ($0["date"] as? String ?? "") >= "2026-01-14" })
    }

    @Test func badOptionsAndFilesAreOneLineErrors() async throws {
        let t = try await LiqtopBinary.run(["export", "--types", "liquidations"])
        #expect(t.status == 2 && t.stderr.contains("unknown type 'liquidations': use liquidation, etf_flow"), "\(t.stderr)")
        let at = try await LiqtopBinary.run(["export", "--from", "yesterday"])
        #expect(at.status == 2 && at.stderr.contains("cannot read time 'yesterday'"), "\(at.stderr)")
        let order = try await LiqtopBinary.run(["export", "--from", "2026-01-15", "--to", "2026-01-14"])
        #expect(order.status == 2 && order.stderr.contains("--from is after --to"), "\(order.stderr)")
        let p = try await LiqtopBinary.run(["export", "/etc/passwd"])
        #expect(p.status == 2 && p.stderr.contains("no events recognized in /etc/passwd"), "\(p.stderr)")
        #expect(p.stdout.isEmpty)
    }

    /// Escapes in the data stay escaped: nothing below 0x20 but the line breaks reaches stdout,
    /// and a bad line is reported with its source and line, the good ones still exported.
    @Test func controlBytesNeverReachStdoutAndBadLinesAreCounted() async throws {
        let input = #"{"type":"note","time":1768435199000,"source":"x\u001b[2Jy","text":"bell\u0007 and \u009b31m"}"# + "\n"
            + "not json at all\n"
            + #"{"type":"liquidation","time":1768435199000,"venue":"binance","instrument":"BTCUSDT","coin":"BTC","side":"short","price":"97000.5","qty":"2","usd":"194001"}"# + "\n"
        let r = try await LiqtopBinary.run(["export", "-"], stdin: input)
        #expect(r.status == 0)
        #expect(r.stdout.split(separator: "\n").count == 2)
        #expect(!r.stdout.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F ... 0x9F).contains($0.value) })
        #expect(r.stderr.contains("liqtop: rejected -:2: "), "\(r.stderr)")
    }
}
