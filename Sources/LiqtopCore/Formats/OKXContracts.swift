/// Contract values (`ctVal`) of the OKX swaps liqtop knows, so `sz` (contracts) becomes USD.
///
/// OKX publishes these on `GET /api/v5/public/instruments`; the table ships the majors listed
/// in FORMATS.md (also documented by the crypto-contract-value crate: BTC-USDT-SWAP 0.01 BTC,
/// BTC-USD-SWAP 100 USD). Anything else is refused as unknown rather than guessed: a wrong
/// ctVal would silently scale a whole venue's totals.
enum OKXContracts {
    struct Contract {
        /// Coins per contract (linear) or USD per contract (inverse).
        let ctVal: FixedDecimal
        /// Inverse (`-USD-SWAP`): sized in USD, so the notional does not involve the price.
        let inverse: Bool
    }

    private static let table: [(StaticString, Contract)] = [
        ("BTC-USDT-SWAP", Contract(ctVal: FixedDecimal(uncheckedMantissa: 1, scale: 2), inverse: false)),
        ("ETH-USDT-SWAP", Contract(ctVal: FixedDecimal(uncheckedMantissa: 1, scale: 1), inverse: false)),
        ("SOL-USDT-SWAP", Contract(ctVal: FixedDecimal(1), inverse: false)),
        ("BTC-USD-SWAP", Contract(ctVal: FixedDecimal(100), inverse: true)),
        ("ETH-USD-SWAP", Contract(ctVal: FixedDecimal(10), inverse: true)),
    ]

    /// The contract for the raw `instId` bytes, or `nil` when it is not in the table.
    static func contract(_ instId: UnsafeBufferPointer<UInt8>) -> Contract? {
        for (name, contract) in table where matches(instId, name) { return contract }
        return nil
    }

    private static func matches(_ raw: UnsafeBufferPointer<UInt8>, _ name: StaticString) -> Bool {
        let len = name.utf8CodeUnitCount
        guard raw.count == len else { return false }
        let p = name.utf8Start
        for k in 0 ..< len where raw[k] != p[k] { return false }
        return true
    }
}
