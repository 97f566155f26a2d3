import Foundation
import Testing
import LiqtopTestSupport

/// Builds a mixed Binance/Bybit/OKX/native file, computes its totals independently with
/// Foundation's `Decimal` (each order rounded half-even to a micro-dollar, as documented),
/// and compares `liqtop summary --json` to the cent.
@Suite struct MixedFileTotalsTests {
    struct Expected {
        var bySide: [String: Decimal] = [:]
        var byVenue: [String: [String: Decimal]] = [:]
        var byCoin: [String: [String: Decimal]] = [:]
        var count = 0

        mutating func add(_ venue: String, _ coin: String, _ side: String, _ usd: Decimal) {
            var exact = usd, rounded = Decimal()
            NSDecimalRound(&rounded, &exact, 6, .bankers)
            bySide[side, default: 0] += rounded
            byVenue[venue, default: [:]][side, default: 0] += rounded
            byCoin[coin, default: [:]][side, default: 0] += rounded
            count += 1
        }
    }

    static func cents(_ d: Decimal?) -> String {
        var x = d ?? 0, r = Decimal()
        NSDecimalRound(&r, &x, 2, .bankers)
        let f = NumberFormatter()
        f.minimumFractionDigits = 2; f.maximumFractionDigits = 2; f.usesGroupingSeparator = false
        f.decimalSeparator = "."
        return f.string(from: r as NSDecimalNumber)!
    }

    @Test func summaryMatchesIndependentDecimalTotals() async throws {
        var rng: UInt64 = 20260114
        func next(_ n: UInt64) -> UInt64 { rng = rng &* 6364136223846793005 &+ 1442695040888963407; return (rng >> 33) % n }
        let start: Int64 = 1_768_348_800_000 // 2026-01-14T00:00Z
        var lines: [String] = []
        var expected = Expected()
        for i in 0 ..< 600 {
            let t = start + Int64(i) * 120_000 + Int64(next(1000))
            switch i % 4 {
            case 0: // Binance, every third one in the combined-stream wrapper
                let (sym, coin) = [("BTCUSDT", "BTC"), ("ETHUSDT", "ETH"), ("1000PEPEUSDT", "PEPE")][Int(next(3))]
                let q = "\(next(5000) + 1).\(next(1000))", ap = "\(next(90000) + 100).\(next(100))"
                let sideRaw = next(2) == 0 ? "SELL" : "BUY"
                var msg = #"{"e":"forceOrder","E":\#(t),"o":{"s":"\#(sym)","S":"\#(sideRaw)","o":"LIMIT","f":"IOC","q":"\#(q)","p":"1","ap":"\#(ap)","X":"FILLED","l":"\#(q)","z":"\#(q)","T":\#(t)}}"#
                if i % 3 == 0 { msg = #"{"stream":"!forceOrder@arr","data":\#(msg)}"# }
                lines.append(msg)
                expected.add("binance", coin, sideRaw == "SELL" ? "long" : "short", Decimal(string: q)! * Decimal(string: ap)!)
            case 1: // Bybit allLiquidation with 1-3 entries; "Buy" = a long was liquidated
                var entries: [String] = []
                for _ in 0 ... next(3) {
                    let (sym, coin) = [("SOLUSDT", "SOL"), ("XRPUSDT", "XRP"), ("BTCUSDT", "BTC")][Int(next(3))]
                    let v = "\(next(900) + 1).\(next(100))", p = "\(next(3000) + 1).\(next(10000))"
                    let s = next(2) == 0 ? "Buy" : "Sell"
                    entries.append(#"{"T":\#(t),"s":"\#(sym)","S":"\#(s)","v":"\#(v)","p":"\#(p)"}"#)
                    expected.add("bybit", coin, s == "Buy" ? "long" : "short", Decimal(string: v)! * Decimal(string: p)!)
                }
                lines.append(#"{"topic":"allLiquidation.MULTI","type":"snapshot","ts":\#(t),"data":[\#(entries.joined(separator: ","))]}"#)
            case 2: // OKX linear swap: contracts × 0.01 BTC × bankruptcy price
                let sz = next(500) + 1, px = "\(next(20000) + 80000).\(next(10))"
                let pos = next(2) == 0 ? "long" : "short"
                lines.append(#"{"arg":{"channel":"liquidation-orders","instType":"SWAP"},"data":[{"details":[{"bkLoss":"0","bkPx":"\#(px)","ccy":"","posSide":"\#(pos)","side":"\#(pos == "long" ? "sell" : "buy")","sz":"\#(sz)","ts":"\#(t)"}],"instFamily":"BTC-USDT","instId":"BTC-USDT-SWAP","instType":"SWAP","uly":"BTC-USDT"}]}"#)
                expected.add("okx", "BTC", pos, Decimal(sz) * Decimal(string: "0.01")! * Decimal(string: px)!)
            default: // native
                let usd = "\(next(2_000_000)).\(next(1_000_000))"
                let side = next(2) == 0 ? "long" : "short"
                lines.append(#"{"type":"liquidation","time":\#(t),"venue":"bybit","instrument":"DOGEUSDT","coin":"DOGE","side":"\#(side)","price":"0.1","qty":"1","usd":"\#(usd)"}"#)
                expected.add("bybit", "DOGE", side, Decimal(string: usd)!)
            }
        }
        let file = try LiqtopBinary.temporaryFile("mixed.ndjson", lines.joined(separator: "\n") + "\n")
        let r = try await LiqtopBinary.run(["summary", "--json", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        let json = r.stdout
        #expect(JSONText.number(json, ["windows", "24h", "long_usd"]) == Self.cents(expected.bySide["long"]))
        #expect(JSONText.number(json, ["windows", "24h", "short_usd"]) == Self.cents(expected.bySide["short"]))
        #expect(JSONText.number(json, ["windows", "24h", "count"]) == String(expected.count))
        for (venue, sides) in expected.byVenue {
            #expect(JSONText.number(json, ["by_venue", venue, "long_usd"]) == Self.cents(sides["long"]), "\(venue)")
            #expect(JSONText.number(json, ["by_venue", venue, "short_usd"]) == Self.cents(sides["short"]), "\(venue)")
        }
        for (coin, sides) in expected.byCoin {
            #expect(JSONText.number(json, ["by_coin", coin, "long_usd"]) == Self.cents(sides["long"]), "\(coin)")
            #expect(JSONText.number(json, ["by_coin", coin, "short_usd"]) == Self.cents(sides["short"]), "\(coin)")
        }
        #expect(JSONText.number(json, ["input", "rejected"]) == "0")
    }
}
