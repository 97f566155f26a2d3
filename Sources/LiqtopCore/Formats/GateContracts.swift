/// Coins per contract (`quanto_multiplier`) of the Gate USDT perpetuals liqtop knows, so that
/// `size` (contracts) becomes coins and USD. Gate publishes them on
/// `GET /api/v4/futures/usdt/contracts` and may change them (its `futures.contract_info` channel,
/// 2026-08, exists to announce such changes), so this table is a stopgap for the majors only
/// until the instrument book (`--instruments FILE`) prices every contract from Gate's own list.
///
/// Sources: the offline copy of that endpoint in crypto-contract-value
/// (crypto-crawler-rs, `crypto-contract-value/src/exchanges/gate.rs`, the crate the OKX table
/// also cites). BTC_USDT is confirmed twice more: Gate's docs example for `futures.contract_info`
/// gives `"quanto_multiplier": "0.0001"`, and the captured `futures.tickers` frame
/// (captured by tardis-node, https://github.com/tardis-dev/tardis-node) has BTC_USDT `volume_24h` /
/// `volume_24h_base` = 155496714 / 15549 ≈ 10000 contracts per BTC. Any other contract is refused,
/// never guessed: a wrong multiplier would silently scale a whole venue's totals.
enum GateContracts {
    private static let table: [(StaticString, FixedDecimal)] = [
        ("BTC_USDT", FixedDecimal(uncheckedMantissa: 1, scale: 4)),
        ("ETH_USDT", FixedDecimal(uncheckedMantissa: 1, scale: 2)),
        ("SOL_USDT", FixedDecimal(1)),
        ("XRP_USDT", FixedDecimal(10)),
        ("DOGE_USDT", FixedDecimal(10)),
    ]

    /// Coins per contract for the raw `contract` bytes, or nil when it is not in the table.
    static func multiplier(_ contract: UnsafeBufferPointer<UInt8>) -> FixedDecimal? {
        for (name, value) in table where matches(contract, name) { return value }
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
