import Foundation
import Testing
import LiqtopCore
import LiqtopTestSupport

/// `liqtop alerts` as a user runs it: on a generated native file with known orders, the demo
/// day, a bad rule, a file with nothing in it, and a growing file with `--follow`.
@Suite struct AlertsCLITests {
    /// A native NDJSON liquidation line with `usd` = price × qty exactly (price in cents, qty in thousandths).
    static func line(_ t: Millis, _ venue: String, _ coin: String, _ side: String, cents: Int64, milli: Int64) -> String {
        let usd = USD(micros: cents * milli * 10)
        let price = FixedDecimal(mantissa: cents, scale: 2)!, qty = FixedDecimal(mantissa: milli, scale: 3)!
        return #"{"type":"liquidation","time":\#(t),"venue":"\#(venue)","instrument":"\#(coin)USDT","coin":"\#(coin)","side":"\#(side)","price":"\#(price)","qty":"\#(qty)","usd":"\#(usd.exactString)"}"#
    }

    /// The orders of a generated day and their USD (micro-dollars), counted here, not by liqtop.
    static func generatedDay() -> (text: String, micros: [Int64]) {
        var rng = SeededRandom(seed: 0x5EED_A1E7)
        let start: Millis = 1_768_348_800_000 // 2026-01-14T00:00:00Z
        var lines: [String] = [], micros: [Int64] = []
        var t = start
        for _ in 0 ..< 2_000 {
            t += rng.int(0 ... 40_000)
            let coin = ["BTC", "ETH", "SOL"][rng.below(3)], venue = ["binance", "bybit", "okx"][rng.below(3)]
            let cents = rng.int(9_000_000 ... 9_800_000)
            // Mostly small, some at and around $1M (qty 11.111 at ~$90k crosses it or not), a few large.
            let milli = rng.chance(3) ? rng.int(10_000 ... 60_000) : (rng.chance(3) ? rng.int(10_500 ... 11_500) : rng.int(1 ... 2_000))
            lines.append(line(t, venue, coin, rng.chance(50) ? "long" : "short", cents: cents, milli: milli))
            micros.append(cents * milli * 10)
        }
        return (lines.joined(separator: "\n") + "\n", micros)
    }

    @Test func oneLinePerOrderOfAMillionOrMore() async throws {
        let day = Self.generatedDay()
        let expected = day.micros.filter { $0 >= 1_000_000_000_000 }.count
        #expect(expected > 50 && day.micros.contains { $0 < 1_000_000_000_000 && $0 > 900_000_000_000 })
        let f = try LiqtopBinary.temporaryFile("alerts-\(UUID().uuidString).ndjson", day.text)
        defer { try? FileManager.default.removeItem(at: f) }
        let r = try await LiqtopBinary.run(["alerts", "--alert", "order >= 1M", f.path])
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == expected)
        var times: [String] = []
        for l in lines {
            let o = try #require(try JSONSerialization.jsonObject(with: Data(l.utf8)) as? [String: Any], "\(l)")
            #expect(Set(o.keys) == ["time", "rule", "side", "coin", "venue", "usd", "text"])
            #expect(o["rule"] as? String == "order >= 1M")
            #expect(["long", "short"].contains(o["side"] as? String ?? ""))
            #expect(["BTC", "ETH", "SOL"].contains(o["coin"] as? String ?? ""))
            #expect(["binance", "bybit", "okx"].contains(o["venue"] as? String ?? ""))
            #expect((o["usd"] as? Double ?? 0) >= 1_000_000)
            #expect((o["text"] as? String)?.contains(" on ") == true)
            times.append(o["time"] as? String ?? "")
        }
        #expect(times == times.sorted())
        #expect(times.allSatisfy { $0.hasPrefix("2026-01-1") && $0.hasSuffix("Z") })
    }

    @Test func theDemoDayHasTheWhale() async throws {
        let r = try await LiqtopBinary.run(["alerts"])
        #expect(r.status == 0)
        #expect(r.stdout.split(separator: "\n").contains { $0.hasPrefix(#"{"time":"2026-01-14T23:17:42.318Z","rule":"order >= 1M","side":"short","coin":"BTC","venue":"bybit","usd":8419967.1187,"text":"BTC short $8.42M on Bybit at "#) }, "\(r.stdout)")
    }

    @Test func badInputExitsTwoWithOneLine() async throws {
        let r = try await LiqtopBinary.run(["alerts", "--alert", "order >= 1M", "--alert", "cascade >= 20M in forever"])
        #expect(r.status == 2 && r.stdout.isEmpty)
        #expect(r.stderr == "liqtop: --alert 'cascade >= 20M in forever': cascade: cannot read interval \"forever\": use whole seconds, minutes or hours up to 24h, like 60s, 5m or 1h\n")
        let p = try await LiqtopBinary.run(["alerts", "/etc/passwd"])
        #expect(p.status == 2 && p.stdout.isEmpty)
        #expect(p.stderr.hasPrefix("liqtop: no events recognized in /etc/passwd: "), "\(p.stderr)")
        let f = try await LiqtopBinary.run(["alerts", "--follow"])
        #expect(f.status == 2 && f.stderr.contains("--follow needs files"))
    }

    @Test func followPrintsAnAlertForAnAppendedLine() async throws {
        let start: Millis = 1_768_348_800_000
        let f = try LiqtopBinary.temporaryFile("follow-\(UUID().uuidString).ndjson",
                                               Self.line(start, "bybit", "BTC", "short", cents: 9_000_000, milli: 1_000) + "\n")
        defer { try? FileManager.default.removeItem(at: f) }
        let (p, out, err) = try LiqtopBinary.start(["alerts", "--follow", "--alert", "order >= 1M", f.path])
        try await Task.sleep(for: .seconds(1))
        func append(_ line: String) throws {
            let handle = try FileHandle(forWritingTo: f)
            handle.seekToEndOfFile()
            handle.write(Data((line + "\n").utf8))
            try handle.close()
        }
        try append(Self.line(start + 5_000, "okx", "ETH", "long", cents: 330_000, milli: 1_000_000))
        let first = await LiqtopBinary.readLines(out, atLeast: 1, within: .seconds(20))
        // A line older than the last one evaluated (one venue's recorder lagging): alerted once, late.
        try append(Self.line(start + 2_000, "binance", "BTC", "short", cents: 9_000_000, milli: 20_000))
        let second = await LiqtopBinary.readLines(out, atLeast: 1, within: .seconds(20))
        p.terminate()
        _ = await LiqtopBinary.finish(p, out: out, err: err)
        #expect(first == #"{"time":"2026-01-14T00:00:05.000Z","rule":"order >= 1M","side":"long","coin":"ETH","venue":"okx","usd":3300000.0,"text":"ETH long $3.30M on OKX at 3,300"}"# + "\n")
        #expect(second == #"{"time":"2026-01-14T00:00:02.000Z","rule":"order >= 1M","side":"short","coin":"BTC","venue":"binance","usd":1800000.0,"text":"BTC short $1.80M on Binance at 90,000"}"# + "\n")
    }
}
