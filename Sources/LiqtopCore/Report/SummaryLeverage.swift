/// The order `summary` lists the leverage coins in, text and JSON alike.
enum SummaryLeverage {
    /// Largest open interest first (coins without one after), then by name.
    static func coins(_ s: Snapshot) -> [CoinLeverage] {
        s.leverage.values.sorted { a, b in
            let x = a.oiUSD ?? USD(micros: -1), y = b.oiUSD ?? USD(micros: -1)
            return x != y ? x > y : a.coin < b.coin
        }
    }
}
