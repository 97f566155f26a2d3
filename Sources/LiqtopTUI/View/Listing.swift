import LiqtopCore

/// The rows a context lists, computed from the snapshot in one place so that drawing and
/// key handling (which row Enter opens) always agree.
public enum Listing {
    public static func coins(_ s: Snapshot, _ v: ViewState) -> [CoinTotals] {
        let all = s.byCoin[v.window] ?? []
        let filtered = v.filter.isEmpty ? all : all.filter { $0.coin.localizedCaseInsensitiveContainsASCII(v.filter) }
        switch v.sort {
        case .total: return filtered
        case .short: return filtered.sorted { ($0.totals.shortUSD, $1.coin) > ($1.totals.shortUSD, $0.coin) }
        case .long: return filtered.sorted { ($0.totals.longUSD, $1.coin) > ($1.totals.longUSD, $0.coin) }
        case .count: return filtered.sorted { ($0.totals.count, $1.coin) > ($1.totals.count, $0.coin) }
        case .name: return filtered.sorted { $0.coin < $1.coin }
        }
    }

    public static func venues(_ s: Snapshot) -> [VenueTotals] {
        (s.detail?.venues ?? []).filter { $0.totals.count > 0 }
    }

    public static func orders(_ s: Snapshot) -> [Liquidation] { s.detail?.orders ?? [] }

    public static func etfAssets(_ s: Snapshot) -> [EtfAssetSummary] {
        EtfAsset.allCases.compactMap { s.etf[$0] }
    }

    public static func funds(_ s: Snapshot, _ asset: EtfAsset, _ v: ViewState) -> [EtfFlow] {
        let funds = s.etf[asset]?.funds ?? []
        return v.filter.isEmpty ? funds : funds.filter { $0.fund.localizedCaseInsensitiveContainsASCII(v.filter) }
    }

    public static func fundHistory(_ s: Snapshot) -> [EtfFlow] { (s.detail?.fundHistory ?? []).reversed() }

    /// Coins with a price, open interest or funding: largest open interest first, then by name.
    public static func leverage(_ s: Snapshot) -> [CoinLeverage] {
        s.leverage.values.sorted { ($0.oiUSD?.micros ?? -1, $1.coin) > ($1.oiUSD?.micros ?? -1, $0.coin) }
    }

    /// Number of selectable rows in the current context.
    public static func count(_ s: Snapshot, _ v: ViewState) -> Int {
        switch v.context {
        case .dashboard:
            switch v.focus {
            case .liquidations: return coins(s, v).count
            case .etf: return etfAssets(s).count
            case .macro: return s.macro.notes.count
            case .leverage: return leverage(s).count
            }
        case .coins: return coins(s, v).count
        case .coin: return venues(s).count
        case .orders: return orders(s).count
        case .etfAsset(let a): return funds(s, a, v).count
        case .etfFund: return fundHistory(s).count
        case .notes: return s.macro.notes.count
        case .note: return 0
        case .rejections: return s.input.rejections.count
        case .venues: return Venue.allCases.count
        case .leverageCoin(let c): return s.leverage[c]?.oiByVenue.count ?? 0
        case .alerts: return v.alerts.count
        }
    }

    /// The context Enter opens from the selected row, if any.
    public static func drill(_ s: Snapshot, _ v: ViewState) -> Context? {
        let i = v.isDashboard ? v.dashboardSelection[v.focus, default: 0] : v.top.selected
        switch v.context {
        case .dashboard:
            switch v.focus {
            case .liquidations: return .coins
            case .etf: return etfAssets(s)[safe: i].map { .etfAsset($0.asset) }
            case .macro: return .notes
            case .leverage: return leverage(s)[safe: i].map { .leverageCoin($0.coin) }
            }
        case .coins: return coins(s, v)[safe: i].map { .coin($0.coin) }
        case .coin(let c): return venues(s)[safe: i].map { .orders(coin: c, venue: $0.venue) }
        case .etfAsset(let a): return funds(s, a, v)[safe: i].map { .etfFund(a, fund: $0.fund) }
        case .notes: return s.macro.notes[safe: i].map { .note($0) }
        case .orders, .etfFund, .note, .rejections, .venues, .leverageCoin, .alerts: return nil
        }
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}

extension String {
    /// Case-insensitive containment for ASCII tickers, without Foundation.
    func localizedCaseInsensitiveContainsASCII(_ needle: String) -> Bool {
        let h = Array(uppercased()), n = Array(needle.uppercased())
        guard !n.isEmpty else { return true }
        guard h.count >= n.count else { return false }
        return (0 ... h.count - n.count).contains { Array(h[$0 ..< $0 + n.count]) == n }
    }
}
