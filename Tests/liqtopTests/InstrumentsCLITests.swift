import Foundation
import Testing
import LiqtopTestSupport

/// `--instruments FILE` on the command line, and recordings that carry the facts they used.
@Suite struct InstrumentsCLITests {
    /// OKX `GET /api/v5/public/instruments?instType=SWAP` as saved from the venue (shape from
    /// OKX v5 docs "Get instruments"; see LiqtopCoreTests/InstrumentFixtures.swift).
    static let okxSwaps = """
        {"code":"0","msg":"","data":[
        {"instType":"SWAP","instId":"CELO-USDT-SWAP","uly":"CELO-USDT","instFamily":"CELO-USDT","settleCcy":"USDT","ctVal":"10","ctMult":"1","ctValCcy":"CELO","ctType":"linear","state":"live"},
        {"instType":"OPTION","instId":"BTC-USD-230929-30000-C","uly":"BTC-USD","ctVal":"1","ctMult":"0.01","ctValCcy":"BTC","ctType":"","state":"live"}
        ]}
        """
    /// 8.55 contracts of CELO-USDT-SWAP at 0.6123, long liquidated: 85.5 CELO × 0.6123 = $52.35165.
    static let celoOrder = #"{"arg":{"channel":"liquidation-orders","instType":"SWAP"},"data":[{"details":[{"bkLoss":"0","bkPx":"0.6123","ccy":"","posSide":"long","side":"sell","sz":"8.55","ts":"1768348000000"}],"instFamily":"CELO-USDT","instId":"CELO-USDT-SWAP","instType":"SWAP","uly":"CELO-USDT"}]}"#

    @Test func summaryPricesWithTheSavedList() async throws {
        let list = try LiqtopBinary.temporaryFile("okx-swaps-\(UUID().uuidString).json", Self.okxSwaps)
        let capture = try LiqtopBinary.temporaryFile("okx-capture-\(UUID().uuidString).ndjson", Self.celoOrder + "\n")
        defer { try? FileManager.default.removeItem(at: list); try? FileManager.default.removeItem(at: capture) }
        let r = try await LiqtopBinary.run(["summary", "--json", "--instruments", list.path, capture.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(JSONText.number(r.stdout, ["24h", "long_usd"]) == "52.35")
        #expect(r.stderr.contains("1 okx instruments (OKX /api/v5/public/instruments); 1 skipped: 1 × OPTION instruments are not swaps or futures"), "\(r.stderr)")

        // Without the list its only order is rejected, so the file gave nothing: an error that says how to fix it.
        let without = try await LiqtopBinary.run(["summary", "--json", capture.path])
        #expect(without.status == 2 && without.stdout.isEmpty)
        #expect(without.stderr.contains("unknown OKX instrument CELO-USDT-SWAP: contract value not known (load the venue's instrument list with --instruments FILE)"), "\(without.stderr)")
    }

    @Test func aFileThatIsNoListIsOneLineAndExitTwo() async throws {
        let capture = try LiqtopBinary.temporaryFile("not-a-list-\(UUID().uuidString).ndjson", Self.celoOrder + "\n")
        defer { try? FileManager.default.removeItem(at: capture) }
        for args in [["summary", capture.path], ["tail", "-", "--print"]] {
            let r = try await LiqtopBinary.run(args + ["--instruments", capture.path], stdin: "")
            #expect(r.status == 2)
            #expect(r.stderr.hasPrefix("liqtop: --instruments: cannot read \(capture.path): not a saved instrument list (expected OKX /api/v5/public/instruments"), "\(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1)
        }
        let missing = try await LiqtopBinary.run(["tail", "-", "--print", "--instruments", "/nonexistent/list.json"], stdin: "")
        #expect(missing.status == 2)
        #expect(missing.stderr == "liqtop: --instruments: cannot read /nonexistent/list.json: No such file or directory\n")
    }

    /// Acceptance: the order priced live with `--instruments` replays with the same USD from
    /// the recording alone — the normalized day file and the raw one — without the flag.
    @Test func aRecordingReplaysWithoutTheFlag() async throws {
        let list = try LiqtopBinary.temporaryFile("okx-swaps-\(UUID().uuidString).json", Self.okxSwaps)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("liqtop-rec-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: list); try? FileManager.default.removeItem(at: dir) }
        let live = try await LiqtopBinary.run(["tail", "-", "--print", "--record", dir.path, "--record-raw", "--instruments", list.path],
                                        stdin: Self.celoOrder + "\n" + Self.celoOrder + "\n")
        #expect(live.status == 0, "\(live.stderr)")
        #expect(live.stdout.split(separator: "\n").count == 2)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        let day = try #require(files.first { $0 == "liqtop-2026-01-13.ndjson" })
        let raw = try #require(files.first { $0.hasSuffix(".raw.ndjson") })
        let dayText = try String(contentsOfFile: dir.path + "/" + day, encoding: .utf8)
        let lines = dayText.split(separator: "\n")
        // The facts once, before the first order priced with them.
        #expect(lines.count == 3)
        #expect(lines.first?.hasPrefix(#"{"type":"instrument","venue":"okx","instrument":"CELO-USDT-SWAP","contract_value":"10","unit":"coin","contract_type":"linear","as_of":"#) == true, "\(dayText)")
        let rawText = try String(contentsOfFile: dir.path + "/" + raw, encoding: .utf8)
        #expect(rawText.hasPrefix(#"{"type":"instrument","venue":"okx","instrument":"CELO-USDT-SWAP""#), "\(rawText)")
        for file in [day, raw] {
            let r = try await LiqtopBinary.run(["summary", "--json", dir.path + "/" + file])
            #expect(r.status == 0)
            #expect(JSONText.number(r.stdout, ["24h", "long_usd"]) == "104.70", "\(file): \(r.stdout) \(r.stderr)") // 2 × 52.35165 = 104.7033
            #expect(r.stderr.isEmpty, "\(file): \(r.stderr)")
        }
    }
    /// The venue list (`v`) of a replay says what priced each venue: the `--instruments` file, or
    /// the recording's own instrument lines.
    @Test(.timeLimit(.minutes(1)))
    func theVenueListNamesTheInstrumentSource() async throws {
        try #require(TmuxSession.executable != nil, Comment(rawValue: TmuxSession.missingMessage))
        let list = try LiqtopBinary.temporaryFile("okx-swaps-\(UUID().uuidString).json", Self.okxSwaps)
        let capture = try LiqtopBinary.temporaryFile("okx-capture-\(UUID().uuidString).ndjson", Self.celoOrder + "\n")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("liqtop-rec-\(UUID().uuidString)")
        defer { for u in [list, capture, dir] { try? FileManager.default.removeItem(at: u) } }
        let binary = LiqtopBinary.url.path
        let given = try TmuxSession(width: 160, height: 48, script: "env LANG=C.UTF-8 \(binary.shellQuoted) replay --instruments \(list.path.shellQuoted) \(capture.path.shellQuoted); sleep 60")
        defer { given.kill() }
        try await given.waitFor("1 Liquidations")
        try given.send("v")
        try await given.waitFor("Dashboard › Venues", "--instruments \(list.path)", "Not read: KuCoin")

        let live = try await LiqtopBinary.run(["tail", "-", "--print", "--record", dir.path, "--instruments", list.path], stdin: Self.celoOrder + "\n")
        #expect(live.status == 0, "\(live.stderr)")
        let day = dir.path + "/liqtop-2026-01-13.ndjson"
        let recorded = try TmuxSession(width: 160, height: 48, script: "env LANG=C.UTF-8 \(binary.shellQuoted) replay \(day.shellQuoted); sleep 60")
        defer { recorded.kill() }
        try await recorded.waitFor("1 Liquidations")
        try recorded.send("v")
        try await recorded.waitFor("Dashboard › Venues", "recorded in \(day)")
    }
}
