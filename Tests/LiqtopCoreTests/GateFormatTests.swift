import Testing
@testable import LiqtopCore
import LiqtopTestSupport

private func push(_ entries: [String]) -> String {
    #"{"channel":"futures.public_liquidates","event":"update","time":1541505434,"time_ms":1541505434123,"result":[\#(entries.joined(separator: ","))]}"#
}

/// No real Gate liquidation frame was at hand: these are Gate's published examples.
@Suite struct GateFormatTests {
    /// Gate futures WebSocket docs, public liquidate order notification, as of 2026-08-20 (with
    /// `X-Gate-Size-Decimal: 1`; https://www.gate.com/docs/developers/futures/ws/zh_CN/, read from
    /// a saved diff of the page): two orders of one contract in one push.
    static let documented = #"{ "channel": "futures.public_liquidates", "event": "update", "time": 1541505434, "time_ms": 1541505434123, "result": [ { "price": "215.1", "size": "-124.5", "time": 1541486601123, "contract": "BTC_USDT" }, { "price": "215.2", "size": "-10.5", "time": 1541486601456, "contract": "BTC_USDT" } ] }"#
    /// The same page, without the header: `size` is an integer.
    static let documentedInteger = #"{ "channel": "futures.public_liquidates", "event": "update", "time": 1541505434, "time_ms": 1541505434123, "result": [ { "price": "215.1", "size": -124, "time": 1541486601123, "contract": "BTC_USDT" }, { "price": "215.2", "size": -10, "time": 1541486601456, "contract": "BTC_USDT" } ] }"#
    /// The English page before 2026-08 (https://www.gate.com/docs/developers/futures/ws/en/
    /// #public-liquidates-order-api): price a number, `time_ms`, a BTC-settled contract.
    static let documentedOld = #"{"channel": "futures.public_liquidates", "event": "update", "time": 1541505434, "time_ms": 1541505434123, "result": [{"price": 215.1, "size": -124, "time_ms": 1541486601123, "contract": "BTC_USD"}]}"#

    @Test func documentedAggregatedPushCountsEveryOrder() throws {
        let out = decode(Self.documented)
        #expect(out.rejections.isEmpty)
        let all = liquidations(out)
        #expect(all.count == 2) // since 2026-08 each entry is its own order
        #expect(all.allSatisfy { $0.venue == .gate && $0.coin == "BTC" && $0.instrument == "BTC_USDT" })
        // A negative size is a sell order: a long was liquidated.
        #expect(all.map(\.side) == [.long, .long])
        #expect(all.map(\.time) == [1_541_486_601_123, 1_541_486_601_456])
        // 124.5 contracts × 0.0001 BTC = 0.01245 BTC × 215.1 = 2.677995 → 2.68;
        // 10.5 × 0.0001 = 0.00105 BTC × 215.2 = 0.22596 → 0.23.
        #expect(all.map(\.usd.centsString) == ["2.68", "0.23"])
        #expect(all.map(\.usd.micros) == [2_677_995, 225_960])
        #expect(all.map(\.quantity) == [try FixedDecimal.parse("0.01245"), try FixedDecimal.parse("0.00105")])
    }

    @Test func integerSizes() {
        let all = liquidations(decode(Self.documentedInteger))
        // 124 × 0.0001 × 215.1 = 2.66724 → 2.67; 10 × 0.0001 × 215.2 = 0.2152 → 0.22.
        #expect(all.map(\.usd.centsString) == ["2.67", "0.22"])
        #expect(all.map(\.side) == [.long, .long])
    }

    @Test func positiveSizeIsAShortLiquidated() throws {
        let out = decode(push([#"{"price":"97000.5","size":"3","time":1768348700000,"contract":"ETH_USDT"}"#,
                               #"{"price":"180.25","size":"-40","time":1768348700001,"contract":"SOL_USDT"}"#]))
        #expect(out.rejections.isEmpty)
        let all = liquidations(out)
        #expect(all.map(\.side) == [.short, .long])
        #expect(all.map(\.coin) == ["ETH", "SOL"])
        // 3 × 0.01 ETH × 97000.5 = 2910.015 → 2910.02 (half-even on .015 → .02); 40 × 1 × 180.25 = 7210.
        #expect(all.map(\.usd.centsString) == ["2910.02", "7210.00"])
    }

    @Test func olderDocumentedExampleIsAnUnknownContract() {
        let out = decode(Self.documentedOld)
        #expect(out.events.isEmpty)
        #expect(out.rejections.map(\.reason)
            == ["unknown Gate contract BTC_USD: quanto_multiplier not known (load Gate's contract list with --instruments FILE)"])
    }

    @Test func secondsAndMillisecondTimes() {
        // Gate's example before 2026-08 sent `time` in seconds; since then in milliseconds.
        let all = liquidations(decode(push([#"{"price":"215.1","size":"-1","time":1541486601,"contract":"BTC_USDT"}"#,
                                            #"{"price":"215.1","size":"-1","time":1541486601123,"contract":"BTC_USDT"}"#])))
        #expect(all.map(\.time) == [1_541_486_601_000, 1_541_486_601_123])
    }

    @Test func badEntriesAreRejectedOneByOne() {
        let out = decode(push([#"{"price":"215.1","size":"0","time":1541486601123,"contract":"BTC_USDT"}"#,
                               #"{"price":"215.1","size":"-1","contract":"BTC_USDT"}"#,
                               #"{"price":"215.1","size":"-1","time":1541486601123,"contract":"PEPE_USDT"}"#,
                               #"{"price":"215.1","size":"-1","time":1541486601123,"contract":"BTC_USDT"}"#]))
        #expect(liquidations(out).count == 1)
        #expect(out.rejections.map(\.reason) == [
            "quantity is zero or negative", "missing result.time",
            "unknown Gate contract PEPE_USDT: quanto_multiplier not known (load Gate's contract list with --instruments FILE)",
        ])
    }

    @Test func acksPongsTickersIgnoredErrorsRejected() {
        // The subscribe ack and a pong (Gate docs), then the captured `futures.tickers` frames
        // (captured in tardis-node's tests, two of its shapes).
        let out = decode([
            #"{"time":1545459681,"time_ms":1545459681123,"channel":"futures.public_liquidates","event":"subscribe","result":{"status":"success"}}"#,
            #"{"time":1545404023,"time_ms":1545404023123,"channel":"futures.pong","event":"","result":null}"#,
            #"{"time":1593561606,"channel":"futures.tickers","event":"update","error":null,"result":[{"contract":"ETC_USD","last":"5.67","total_size":"46366"}]}"#,
            #"{"channel":"futures.public_liquidates","event":"update","result":[]}"#,
            #"{"time":1545459681,"time_ms":1545459681123,"channel":"futures.public_liquidates","event":"subscribe","error":{"code":2,"message":"unknown contract BTC_XYZ"},"result":null}"#,
        ].joined(separator: "\n"))
        // The tickers frame now gives ETC_USD's open interest (issue 14; GateTicker), in
        // contracts: no multiplier is known for it.
        #expect(out.events.map { (e: Event) -> OpenInterestUnit? in if case .openInterest(let o) = e { o.unit } else { nil } } == [.contracts])
        #expect(out.ignored == 3)
        #expect(out.rejections.map(\.reason) == ["Gate error 2: unknown contract BTC_XYZ"])
    }
}
