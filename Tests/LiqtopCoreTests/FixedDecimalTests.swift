import Testing
@testable import LiqtopCore

@Suite struct FixedDecimalTests {
    @Test func parsesAndNormalizes() throws {
        let d = try FixedDecimal.parse("9910.500")
        #expect(d.mantissa == 99105 && d.scale == 1)
        #expect(d.description == "9910.5")
        #expect(try FixedDecimal.parse("0.014").description == "0.014")
        #expect(try FixedDecimal.parse("-0.5").description == "-0.5")
        #expect(try FixedDecimal.parse("1e-3").description == "0.001")
        #expect(try FixedDecimal.parse("12E2").description == "1200")
        #expect(try FixedDecimal.parse("000") == .zero)
    }

    @Test func refusesNonNumbers() {
        for bad in ["", "NaN", "Infinity", "-inf", "+1", "1.2.3", "1e", "abc", "1e999",
                    "1234567890123456789", "0.0000000000000000001"] {
            #expect(throws: InputError.self, "\(bad)") { try FixedDecimal.parse(bad) }
        }
    }

    @Test func productRoundsHalfEvenToMicros() throws {
        let usd = try #require(USD.product(FixedDecimal.parse("0.014"), FixedDecimal.parse("9910")))
        #expect(usd.micros == 138_740_000)
        #expect(usd.centsString == "138.74")
        // 0.0000005 rounds to even (0), 0.0000015 rounds to 0.000002
        #expect(USD.product(try .parse("0.0000005"), try .parse("1"))?.micros == 0)
        #expect(USD.product(try .parse("0.0000015"), try .parse("1"))?.micros == 2)
    }

    @Test func usdFormatting() {
        #expect(USD(dollars: 577_000_000).compact() == "$577.0M")
        #expect(USD(micros: 1_234_567_890_000_000).compact(decimals: 2) == "$1.23B")
        #expect(USD(dollars: -849_920_000).grouped == "-$849,920,000")
        #expect(USD(micros: 5_000).cents == 0)   // half-even: 0.005 → 0.00
        #expect(USD(micros: 15_000).cents == 2)  // 0.015 → 0.02
        #expect(USD(micros: -1_234_567).centsString == "-1.23")
    }

    @Test func coinsToEightDecimals() throws {
        #expect(try FixedDecimal.parse("8933").formatted(fractionDigits: 8) == "8933.00000000")
        #expect(try FixedDecimal.parse("0.123456785").formatted(fractionDigits: 8) == "0.12345678")
    }
}
