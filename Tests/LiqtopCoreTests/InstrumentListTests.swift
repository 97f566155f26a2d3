import Testing
@testable import LiqtopCore

private let asOf: Millis = 1_768_348_800_000

private func facts(_ list: InstrumentList, _ name: String) -> InstrumentFacts? {
    list.facts.first { $0.instrument == name }
}

@Suite struct InstrumentListTests {
    @Test func okxSwapsLinearAndInverse() throws {
        let list = try InstrumentList.parse(InstrumentFixtures.okxSwaps, asOf: asOf)
        #expect(list.venue == "okx")
        #expect(facts(list, "CELO-USDT-SWAP") == InstrumentFacts(venue: "okx", instrument: "CELO-USDT-SWAP",
                                                                 contractValue: FixedDecimal(10), unit: .coin, kind: .linear, asOf: asOf))
        #expect(facts(list, "BTC-USD-SWAP")?.contractValue == FixedDecimal(100))
        #expect(facts(list, "BTC-USD-SWAP")?.unit == .usd)
        // linear valued in USD is contradictory: skipped with its reason, never guessed.
        #expect(facts(list, "ODD-USDT-SWAP") == nil)
        #expect(list.skipped.counts == ["linear contract valued in USD, not its base coin": 1])
    }

    @Test func okxFuturesSkipOptions() throws {
        let list = try InstrumentList.parse(InstrumentFixtures.okxFutures, asOf: asOf)
        #expect(list.facts.map(\.instrument) == ["XRP-USD-230929"])
        #expect(list.facts.first?.kind == .inverse)
        #expect(list.skippedCount == 1)
    }

    @Test func binanceCoinM() throws {
        let list = try InstrumentList.parse(InstrumentFixtures.binanceCoinM, asOf: asOf)
        #expect(list.venue == "binance")
        #expect(facts(list, "DOGEUSD_PERP") == InstrumentFacts(venue: "binance", instrument: "DOGEUSD_PERP",
                                                               contractValue: FixedDecimal(10), unit: .usd, kind: .inverse, asOf: asOf))
        #expect(facts(list, "BTCUSD_PERP")?.contractValue == FixedDecimal(100))
    }

    @Test func gateUSDTContracts() throws {
        let list = try InstrumentList.parse(InstrumentFixtures.gateContracts, asOf: asOf)
        #expect(list.venue == "gate")
        let tenThousandth = try FixedDecimal.parse("0.0001")
        #expect(facts(list, "BTC_USDT")?.contractValue == tenThousandth)
        #expect(facts(list, "BTC_USDT")?.unit == .coin)
        #expect(facts(list, "BTC_USD") == nil) // inverse: not priced by quanto_multiplier
        #expect(list.skippedCount == 1)
    }

    @Test func htxLinearSwaps() throws {
        let list = try InstrumentList.parse(InstrumentFixtures.htxContracts, asOf: asOf)
        #expect(list.venue == "htx")
        let thousandth = try FixedDecimal.parse("0.001")
        #expect(facts(list, "BTC-USDT")?.contractValue == thousandth)
        #expect(facts(list, "DOGE-USDT")?.contractValue == FixedDecimal(100))
    }

    @Test func bitmexInverseLinearQuanto() throws {
        let list = try InstrumentList.parse(InstrumentFixtures.bitmexInstruments, asOf: asOf)
        #expect(list.venue == "bitmex")
        #expect(facts(list, "XBTUSD") == InstrumentFacts(venue: "bitmex", instrument: "XBTUSD", contractValue: FixedDecimal(1),
                                                         unit: .usd, kind: .inverse, asOf: asOf))
        let millionth = try FixedDecimal.parse("0.000001")
        #expect(facts(list, "XBTUSDT")?.contractValue == millionth)
        #expect(facts(list, "XBTUSDT")?.unit == .coin)
        #expect(facts(list, "ETHM19") == nil)
        #expect(facts(list, "ETHUSD") == nil)
        #expect(list.skipped.counts == ["linear contract quoted in XBT, not USD": 1, "quanto contract": 1])
    }

    /// The real WebSocket capture: a sparse update, a partial of two XBT-priced futures, more updates.
    @Test func bitmexWebSocketFramesFromTheRealSample() throws {
        let text = """
            {"table":"instrument","action":"update","data":[{"symbol":"XBTUSD","lastTickDirection":"ZeroMinusTick","timestamp":"2019-06-01T00:00:19.163Z"}]}
            {"table":"instrument","action":"partial","filter":{},"data":[{"symbol":"ETHM19","quoteCurrency":"XBT","multiplier":100000000,"underlyingToPositionMultiplier":1,"underlyingToSettleMultiplier":null,"isQuanto":false,"isInverse":false}]}
            """
        let list = try InstrumentList.parse(text, asOf: asOf)
        #expect(list.facts.isEmpty)
        #expect(list.skipped.counts == ["no multiplier (a sparse update)": 1, "linear contract quoted in XBT, not USD": 1])
    }

    @Test func otherJSONIsNotAList() {
        for text in [#"{"e":"forceOrder"}"#, "[1,2]", #"{"data":[{"instId":"BTC-USDT-SWAP"}]}"#, "not json", "[]"] {
            #expect(throws: InputError.self) { try InstrumentList.parse(text, asOf: asOf) }
        }
    }

    @Test func bookLooksUpByBytesAndReplaces() throws {
        var book = InstrumentBook(try InstrumentList.parse(InstrumentFixtures.okxSwaps, asOf: asOf).facts)
        let copy = book
        book.add(InstrumentFacts(venue: "okx", instrument: "CELO-USDT-SWAP", contractValue: FixedDecimal(1), unit: .coin, kind: .linear, asOf: asOf + 1))
        #expect(book.facts(venue: "okx", instrument: "CELO-USDT-SWAP")?.contractValue == FixedDecimal(1))
        #expect(copy.facts(venue: "okx", instrument: "CELO-USDT-SWAP")?.contractValue == FixedDecimal(10)) // value semantics
        #expect(book.facts(venue: "gate", instrument: "CELO-USDT-SWAP") == nil)
        #expect(book.facts(venue: "okx", instrument: "CELO-USDT-SWA") == nil)
        // Many entries: growth keeps every one reachable.
        for i in 0 ..< 500 {
            book.add(InstrumentFacts(venue: "gate", instrument: "C\(i)_USDT", contractValue: FixedDecimal(Int64(i + 1)), unit: .coin, kind: .linear, asOf: asOf))
        }
        for i in 0 ..< 500 { #expect(book.facts(venue: "gate", instrument: "C\(i)_USDT")?.contractValue == FixedDecimal(Int64(i + 1))) }
        #expect(book.count == 503)
    }

    @Test func exactQuotient() throws {
        #expect(FixedDecimal.exactQuotient(FixedDecimal(-100_000_000), FixedDecimal(-100_000_000)) == FixedDecimal(1))
        let millionth = try FixedDecimal.parse("0.000001")
        #expect(FixedDecimal.exactQuotient(FixedDecimal(1), FixedDecimal(1_000_000)) == millionth)
        #expect(FixedDecimal.exactQuotient(FixedDecimal(1), FixedDecimal(3)) == nil)
    }
}
