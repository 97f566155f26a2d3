import LiqtopCore

/// The dashboard focused on one coin: the snapshot with the Liquidations panel's figures
/// (window totals, venue split, chart, tape, largest order) replaced by that coin's, so every
/// panel draws it with the code it uses for the market. Top coins keeps the whole list.
enum CoinFocus {
    /// nil while the store's detail is for another focus (the frame then says "loading").
    static func snapshot(_ s: Snapshot, coin: String) -> Snapshot? {
        guard s.focus.coin == coin, let d = s.detail else { return nil }
        var f = s
        for w in Window.allCases { f.windows[w] = (s.byCoin[w] ?? []).first { $0.coin == coin }?.totals ?? SideTotals() }
        f.byVenue = d.windowVenues
        f.minutes = d.minutes
        f.tape = d.tape
        f.largestEver = d.largestEver
        f.highestSince = nil // a market figure
        return f
    }
}
