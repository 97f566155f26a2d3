import Testing
@testable import LiqtopCore

/// Binance's `1000PEPEUSDT` quotes 1,000 PEPE: its mark is kept per coin, so PEPE's reference
/// price does not jump 1,000× when the venue with the most open interest changes, and its open
/// interest in (thousands of) coins keeps its USD value.
@Suite struct MultipliedContractLeverageTests {
    static let t: Millis = 1_768_435_000_000

    @Test func marksArePerCoinAndOpenInterestKeepsItsValue() {
        var book = LeverageBook()
        book.insert(.markPrice(MarkPrice(time: Self.t, venue: .binance, instrument: "1000PEPEUSDT", coin: "PEPE",
                                         mark: try! FixedDecimal.parse("0.01234"), index: try! FixedDecimal.parse("0.01233"))))
        // 2,000,000 contracts of 1,000 PEPE at 0.01234 each: $24,680.
        book.insert(.openInterest(OpenInterest(time: Self.t, venue: .binance, instrument: "1000PEPEUSDT", coin: "PEPE",
                                               size: FixedDecimal(2_000_000), unit: .coin)))
        book.insert(.markPrice(MarkPrice(time: Self.t + 5, venue: .okx, instrument: "PEPE-USDT-SWAP", coin: "PEPE",
                                         mark: try! FixedDecimal.parse("0.00001238"))))
        book.insert(.openInterest(OpenInterest(time: Self.t + 5, venue: .okx, instrument: "PEPE-USDT-SWAP", coin: "PEPE",
                                               size: FixedDecimal(1_000_000_000), unit: .coin)))
        #expect(book.refused == 0)
        let c = book.figures("PEPE", at: Self.t + Duration.minute + 1, withMinutes: true)!
        #expect(c.priceVenue == .binance)
        #expect(c.price == (try! FixedDecimal.parse("0.00001234")))
        #expect(c.oiByVenue.map(\.usd) == [USD(dollars: 24_680), USD(dollars: 12_380)])
        #expect(c.minutes.allSatisfy { $0.close < (try! FixedDecimal.parse("0.0001")) })
    }
}
