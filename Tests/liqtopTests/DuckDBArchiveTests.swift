import Foundation
import Testing
import LiqtopTestSupport

/// Months of recordings in another engine (issue 16, item 6): DuckDB reads a generated archive
/// of day files as they are, with the README's query (`Docs/duckdb-daily-totals.sql`), and every
/// day × coin row equals `liqtop summary --json --at DAY` to the cent. Needs Python's `duckdb`
/// (`.ci/run` installs it).
@Suite struct DuckDBArchiveTests {
    static let firstDay: Int64 = 1_768_262_400_000 // 2026-01-13T00:00Z
    static let day: Int64 = 86_400_000
    static let coins = ["BTC", "ETH", "SOL", "DOGE"]

    /// SplitMix64: the same archive on every run.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: UInt64) -> UInt64 { next() % n }
    }

    static func order(_ time: Int64, _ coin: String, _ side: String, micros: UInt64) -> String {
        let fraction = String(micros % 1_000_000)
        let usd = "\(micros / 1_000_000)." + String(repeating: "0", count: 6 - fraction.count) + fraction
        return #"{"type":"liquidation","time":\#(time),"venue":"bybit","instrument":"\#(coin)USDT","coin":"\#(coin)","side":"\#(side)","price":"1","qty":"\#(usd)","usd":"\#(usd)"}"#
    }

    /// Three days; each has orders at its first and last millisecond (the day's edges), a note
    /// and an ETF line (which the query must skip), and 1,500 orders of up to $2M with micro-dollars.
    static func archive(in dir: URL) throws -> [(day: String, file: String)] {
        var random = Random(state: 2026)
        var days: [(String, String)] = []
        for d in 0 ..< 3 {
            let start = firstDay + Int64(d) * day
            let name = String(ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(start) / 1000)).prefix(10))
            var lines = [order(start, "BTC", "long", micros: 1_000_005), order(start + day - 1, "ETH", "short", micros: 2_500_015),
                         #"{"type":"note","time":\#(start + 1000),"source":"test","text":"a note"}"#,
                         #"{"type":"etf_flow","date":"\#(name)","asset":"BTC","fund":"IBIT","usd":"1000000"}"#]
            for _ in 0 ..< 1_500 {
                let t = start + Int64(random.below(UInt64(day)))
                let coin = coins[Int(random.below(UInt64(coins.count)))]
                lines.append(order(t, coin, random.below(3) == 0 ? "long" : "short", micros: random.below(2_000_000_000_000) + 1))
            }
            let file = dir.appendingPathComponent("liqtop-\(name).ndjson")
            try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
            days.append((name, file.path))
        }
        return days
    }

    @Test func duckDBsDailyTotalsEqualSummarysToTheCent() async throws {
        let python = try #require(LiqtopProcess.which("python3"), "python3 is needed for the DuckDB test")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("liqtop-duckdb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let days = try Self.archive(in: dir)
        let query = LiqtopProcess.packageRoot + "/Docs/duckdb-daily-totals.sql"
        // Rounded to cents as liqtop rounds (half to even), printed as `day coin long short orders`.
        let script = """
            import sys, duckdb
            from decimal import Decimal, ROUND_HALF_EVEN
            cent = Decimal('0.01')
            for day, coin, l, s, n in duckdb.sql(open(sys.argv[1]).read()).fetchall():
                print(day, coin, l.quantize(cent, ROUND_HALF_EVEN), s.quantize(cent, ROUND_HALF_EVEN), n)
            """
        let duck = try await LiqtopProcess.run(python, ["-c", script, query], directory: dir.path)
        try #require(duck.status == 0, "DuckDB query failed (pip install duckdb): \(duck.stderr)")
        var fromDuckDB: [String: [String]] = [:]
        for row in duck.stdout.split(separator: "\n") {
            let f = row.split(separator: " ").map(String.init)
            fromDuckDB[f[0] + " " + f[1]] = Array(f[2...])
        }
        #expect(fromDuckDB.count == days.count * Self.coins.count)

        var fromLiqtop: [String: [String]] = [:]
        for (day, _) in days {
            let r = try await LiqtopBinary.run(["summary", "--json", "--at", day, dir.path]) // the directory as the archive
            #expect(r.status == 0, "\(r.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            // Under $10^13 a double prints its cents back exactly (fewer than 16 digits).
            let byCoin = try #require((json["liquidations"] as? [String: Any])?["by_coin"] as? [String: [String: Any]])
            for (coin, t) in byCoin {
                func cents(_ key: String) -> String { (t[key] as? NSNumber).map { String(format: "%.2f", $0.doubleValue) } ?? "?" }
                fromLiqtop[day + " " + coin] = [cents("long_usd"), cents("short_usd"), "\((t["count"] as? Int) ?? -1)"]
            }
        }
        #expect(fromLiqtop == fromDuckDB)
    }
}
