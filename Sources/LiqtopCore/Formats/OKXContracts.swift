/// Contract values (`ctVal`) of OKX instruments, so `sz` (contracts) becomes USD: first from the
/// instrument book (OKX's own list, `--instruments`, or a recording's `instrument` lines), then
/// from the bundled table.
///
/// The bundled table holds the majors (their values as OKX lists them, also documented by the
/// crypto-contract-value crate: BTC-USDT-SWAP 0.01 BTC, BTC-USD-SWAP 100 USD). Anything else is
/// refused as unknown rather than guessed: a wrong ctVal would silently scale a whole venue's totals.
enum OKXContracts {
    static let venue = "okx"
    /// When the bundled table was written (2026-11-25).
    static let bundledAsOf: Millis = 1_795_564_800_000

    static let bundled = InstrumentBook([
        linear("BTC-USDT-SWAP", FixedDecimal(uncheckedMantissa: 1, scale: 2)),
        linear("ETH-USDT-SWAP", FixedDecimal(uncheckedMantissa: 1, scale: 1)),
        linear("SOL-USDT-SWAP", FixedDecimal(1)),
        InstrumentFacts(venue: venue, instrument: "BTC-USD-SWAP", contractValue: FixedDecimal(100), unit: .usd, kind: .inverse, asOf: bundledAsOf),
        InstrumentFacts(venue: venue, instrument: "ETH-USD-SWAP", contractValue: FixedDecimal(10), unit: .usd, kind: .inverse, asOf: bundledAsOf),
    ])

    private static func linear(_ name: String, _ value: FixedDecimal) -> InstrumentFacts {
        InstrumentFacts(venue: venue, instrument: name, contractValue: value, unit: .coin, kind: .linear, asOf: bundledAsOf)
    }

    /// The contract for the raw `instId` bytes, or `nil` when neither the book nor the table knows it.
    static func contract(_ instId: UnsafeBufferPointer<UInt8>, book: InstrumentBook) -> InstrumentFacts? {
        (book.isEmpty ? nil : book.facts(venue: venue, instrument: instId)) ?? bundledContract(instId)
    }

    /// The bundled table's names as bytes: five names compared directly cost less than hashing
    /// the venue and the name on every line.
    private static let bundledList = bundled.all
    private static let bundledNames: [[UInt8]] = bundledList.map { Array($0.instrument.utf8) }

    static func bundledContract(_ instId: UnsafeBufferPointer<UInt8>) -> InstrumentFacts? {
        for (k, name) in bundledNames.enumerated() where name.count == instId.count && name.elementsEqual(instId) {
            return bundledList[k]
        }
        return nil
    }

    /// What an unknown instrument's rejection tells the user to do.
    static let howToFix = "load the venue's instrument list with --instruments FILE"
}
