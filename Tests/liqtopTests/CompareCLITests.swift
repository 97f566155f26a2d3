import Foundation
import LiqtopCore
import Testing
import LiqtopTestSupport

/// `liqtop compare` (issue 16, item 3): the demo archive's long flush against its short squeeze,
/// and on a recorded archive each day's column equals `summary --at DAY` for that day.
@Suite struct CompareCLITests {
    /// The value cells of a row (`24h long   $16.7B   $120.0M`): split on runs of 2+ spaces.
    static func row(_ text: String, _ name: String) -> [String] {
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(name + " ") }) else { return [] }
        return line.dropFirst(name.count).components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// `summary --json`'s 24 h figures of a day, written as compare writes them.
    static func summaryColumn(_ json: String) throws -> [String: String] {
        let d = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let w = try #require(((d["liquidations"] as? [String: Any])?["windows"] as? [String: Any])?["24h"] as? [String: Any])
        func usd(_ v: Any?) -> String {
            let cents = Int64(((v as? Double) ?? 0) * 100 + ((v as? Double) ?? 0 >= 0 ? 0.5 : -0.5))
            return USD(micros: cents * 10_000).compact()
        }
        let venues = (w["venues"] as? [String: [String: Any]]) ?? [:]
        let top = venues.sorted { ($0.value["total_usd"] as? Double ?? 0) > ($1.value["total_usd"] as? Double ?? 0) }.first
        return ["24h long": usd(w["long_usd"]), "24h short": usd(w["short_usd"]), "24h total": usd(w["total_usd"]),
                "short %": "\(w["short_percent"] as? Double ?? -1)%", "orders": Figures.count(w["count"] as? Int ?? -1),
                "  #1": top.map { "\($0.key) \(usd($0.value["total_usd"])) \($0.value["share_percent"] as? Double ?? -1)%" } ?? ""]
    }

    @Test func theDemoArchiveComparesTheCrashWithTheSqueeze() async throws {
        let r = try await LiqtopBinary.run(["compare", "2025-10-10", "2026-01-14"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("generated from published totals"))
        #expect(Self.row(r.stdout, "24h long") == ["$16.7B", "$120.0M"])
        #expect(Self.row(r.stdout, "24h short") == ["$2.5B", "$577.0M"])
        #expect(Self.row(r.stdout, "largest order").last == "$8.4M BTC short bybit")
        #expect(Self.row(r.stdout, "  at").last == "2026-01-14 23:17:42.318")
        #expect(Self.row(r.stdout, "peak minute").last == "23:17 $9.7M")
        #expect(r.stdout.contains("2026-01-14 note (Philadelphia Fed, 17:40 UTC): "))
        // The squeeze's column is the demo day's summary.
        let summary = try await LiqtopBinary.run(["summary", "--json"])
        for (name, value) in try Self.summaryColumn(summary.stdout) {
            #expect(Self.row(r.stdout, name).last == value, "\(name)")
        }
    }

    @Test func eachDayOfARecordedArchiveIsSummarysDay() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("liqtop-compare-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let days = try DuckDBArchiveTests.archive(in: dir)
        let r = try await LiqtopBinary.run(["compare", days[0].day, days[2].day, dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.path + "/.liqtop-index/liqtop-\(days[0].day).ndjson.digest"))
        for (k, d) in [days[0], days[2]].enumerated() {
            let summary = try await LiqtopBinary.run(["summary", "--json", "--at", d.day, dir.path])
            for (name, value) in try Self.summaryColumn(summary.stdout) {
                let cells = Self.row(r.stdout, name)
                #expect(cells.count == 2 && cells[k] == value, "\(d.day) \(name): \(cells) vs \(value)")
            }
        }
        #expect(Self.row(r.stdout, "  BTC") == ["+$1.00M", "+$1.00M"])
        // From the index the second time: the same text.
        let again = try await LiqtopBinary.run(["compare", days[0].day, days[2].day, dir.path])
        #expect(again.stdout == r.stdout)
    }

    @Test func aBadOrMissingDayIsOneLineAndStatusTwo() async throws {
        let bad = try await LiqtopBinary.run(["compare", "2026-13-01", "2026-01-14"])
        #expect(bad.status == 2 && bad.stderr == "liqtop: cannot read day '2026-13-01': use e.g. 2026-01-14\n", "\(bad.stderr)")
        let missing = try await LiqtopBinary.run(["compare", "2024-01-01", "2026-01-14"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "liqtop: no data for 2024-01-01 in the inputs (the inputs hold 2025-09-01 to 2026-01-14)\n", "\(missing.stderr)")
    }

    @Test func historyWithoutATerminalPointsToCompare() async throws {
        let r = try await LiqtopBinary.run(["history"])
        #expect(r.status == 2)
        #expect(r.stderr == "liqtop: history needs a terminal; for two days as text use `liqtop compare DAY DAY`\n", "\(r.stderr)")
        let stdin = try await LiqtopBinary.run(["history", "-"])
        #expect(stdin.status == 2 && stdin.stderr.contains("history reads the keyboard from stdin"), "\(stdin.stderr)")
    }
}
