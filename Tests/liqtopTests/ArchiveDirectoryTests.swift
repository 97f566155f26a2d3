import Foundation
import Testing
import LiqtopCore
import LiqtopTestSupport

/// A directory where files are accepted (issue 16, item 1, its first part): the recordings and
/// tables in it, a raw twin left out, hidden entries and other files ignored.
@Suite struct ArchiveDirectoryTests {
    static func figures(_ text: String) throws -> NSDictionary {
        var d = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        d["input"] = nil
        return d as NSDictionary
    }

    @Test func aDirectoryReadsAsItsFilesWithoutTheRawTwin() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("liqtop-archive-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let days = try DuckDBArchiveTests.archive(in: dir)
        // The raw twin of the first day holds the same orders: read too, it would double them.
        try FileManager.default.copyItem(atPath: days[0].file, toPath: dir.appendingPathComponent("liqtop-\(days[0].day).raw.ndjson").path)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent(".liqtop-index"), withIntermediateDirectories: true)
        try "ignored".write(to: dir.appendingPathComponent("README.txt"), atomically: true, encoding: .utf8)
        try "not,a,table\n1,2,3\n".write(to: dir.appendingPathComponent("bogus.csv"), atomically: true, encoding: .utf8)

        let named = try await LiqtopBinary.run(["summary", "--json"] + days.map(\.file))
        let whole = try await LiqtopBinary.run(["summary", "--json", dir.path])
        #expect(whole.status == 0, "\(whole.stderr)")
        #expect(try Self.figures(whole.stdout) == Self.figures(named.stdout))
        #expect(whole.stderr.contains("liqtop: skipped: no events recognized in \(dir.path)/bogus.csv"), "\(whole.stderr)")
        let exported = try await LiqtopBinary.run(["export", "--types", "liquidation", dir.path])
        #expect(exported.stdout.split(separator: "\n").count == days.count * 1_502)

        let empty = dir.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let none = try await LiqtopBinary.run(["summary", empty.path])
        #expect(none.status == 2 && none.stderr.contains("no recordings or tables in it"), "\(none.stderr)")
    }

    /// Following a directory would wait for nothing: `tail` and `alerts --follow` say so (exit 2).
    @Test func followingADirectoryIsAUsageError() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("liqtop-follow-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for arguments in [["tail", dir.path, "--print"], ["alerts", "--follow", dir.path]] {
            let r = try await LiqtopBinary.run(arguments, limit: .seconds(20))
            #expect(r.status == 2, "\(arguments): \(r.stderr)")
            #expect(r.stderr.contains("\(dir.path) is a directory: \(arguments[0] == "tail" ? "tail" : "alerts --follow") follows files; name them"), "\(r.stderr)")
        }
    }
}

/// Issue 16, item 1: the daily history behind "highest since" extends itself from the archive:
/// a directory's earlier days count as history, so the last day's shorts are measured against them.
@Suite struct ArchiveHistoryTests {
    @Test func highestSinceReachesBackThroughTheArchivesDays() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("liqtop-highest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // Ten days: the first with $100M of shorts, then $10M a day, the last with $50M.
        for d in 0 ..< 10 {
            let start = DuckDBArchiveTests.firstDay + Int64(d) * DuckDBArchiveTests.day
            let dollars: UInt64 = d == 0 ? 100_000_000 : d == 9 ? 50_000_000 : 10_000_000
            let name = ISOTime.format(start).prefix(10)
            let line = DuckDBArchiveTests.order(start + 3_600_000, "BTC", "short", micros: dollars * 1_000_000)
            try (line + "\n").write(to: dir.appendingPathComponent("liqtop-\(name).ndjson"), atomically: true, encoding: .utf8)
        }
        let r = try await LiqtopBinary.run(["summary", "--json", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let highest = (json["liquidations"] as? [String: Any])?["highest_since"] as? [String: Any]
        let first = String(ISOTime.format(DuckDBArchiveTests.firstDay).prefix(10))
        #expect(highest?["side"] as? String == "short" && highest?["since"] as? String == first, "\(r.stdout.prefix(600))")
        // The archive's days never move the summary's time: still the last order's.
        #expect(json["at"] as? String == ISOTime.format(DuckDBArchiveTests.firstDay + 9 * DuckDBArchiveTests.day + 3_600_000))
    }
}
