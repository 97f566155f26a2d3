import LiqtopCore

/// Each venue's share of a window's liquidations, the same figure as `summary`'s "By venue"
/// (`share_percent` in `--json`): as columns beside the window rows, or as one line.
enum VenueSplit {
    /// The venues with liquidations in the last 24 h, largest 24 h total first (a stable order
    /// for every window row).
    static func venues(_ s: Snapshot) -> [Venue] {
        (s.byVenue[.h24] ?? []).filter { $0.totals.count > 0 }
            .sorted { ($0.totals.totalUSD, $1.venue) > ($1.totals.totalUSD, $0.venue) }.map(\.venue)
    }

    /// A venue column: its name or `100.0%`, whichever is wider, and a gap.
    static func columnWidth(_ v: Venue) -> Int { max(TextWidth.of(v.rawValue), 6) + 1 }

    /// The venues as columns when every one fits in `width`, else nil.
    static func columns(_ s: Snapshot, width: Int) -> [Venue]? {
        let list = venues(s)
        guard !list.isEmpty, list.reduce(0, { $0 + columnWidth($1) }) <= width else { return nil }
        return list
    }

    /// `venues 24h  binance 44.5%  bybit 37.8%  okx 17.7%`, clipped to `r`.
    static func line(_ s: Snapshot, _ window: Window, _ r: Rect, _ g: inout CellGrid) {
        let whole = s.windows[window] ?? SideTotals()
        let byVenue = s.byVenue[window] ?? []
        var x = r.x + g.put("venues \(window.rawValue)", x: r.x, y: r.y, style: .dim, clip: r)
        for venue in venues(s) {
            guard let t = byVenue.first(where: { $0.venue == venue })?.totals, t.count > 0 else { continue }
            x += g.put("  " + venue.rawValue + " ", x: x, y: r.y, style: .dim, clip: r)
            x += g.put(t.sharePercent(of: whole), x: x, y: r.y, style: Style(.text, bold: true), clip: r)
        }
    }
}
