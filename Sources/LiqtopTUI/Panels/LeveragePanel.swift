import LiqtopCore

/// Panel 4: the leverage structure per coin — price and its change, open interest and its
/// change, funding (OI-weighted, per 8 h and annualized) — largest open interest first. Every
/// figure is `summary --json`'s `leverage` (`Figures` writes both).
enum LeveragePanel {
    static func draw(_ s: Snapshot, _ v: ViewState, in r: Rect, into g: inout CellGrid) {
        let focused = v.focus == .leverage
        g.box(r, title: "4 Leverage", style: Style(focused ? .focus : .border), titleStyle: Style(focused ? .focus : .title, bold: true))
        let area = Rect(x: r.x + 2, y: r.y + 1, width: r.width - 4, height: r.height - 2)
        guard !area.isEmpty else { return }
        let coins = Listing.leverage(s)
        guard !coins.isEmpty else {
            g.put("no price, open interest or funding loaded", x: area.x, y: area.y, style: .dim, clip: area)
            return
        }
        let columns = fitting(area.width)
        let selected = focused ? v.dashboardSelection[.leverage, default: 0] : nil
        Table.draw(columns, count: coins.count, selected: selected, scroll: v.dashboardScroll[.leverage, default: 0],
                   in: Rect(x: area.x, y: area.y, width: area.width, height: min(area.height, coins.count + 1)), into: &g) { i in
            row(coins[i], focus: v.coinFocus).prefix(columns.count).map { $0 }
        }
        // Row hits register as panel rows (the table's own are for drill levels).
        for k in 0 ..< min(coins.count, area.height - 1) {
            g.hit(Rect(x: area.x, y: area.y + 1 + k, width: area.width, height: 1), .panelRow(.leverage, k))
        }
        let below = area.y + 1 + coins.count
        if below < area.maxY, let next = coins.compactMap(\.nextFunding).min() {
            g.put("next funding \(ISOTime.clock(v.zone.local(next), seconds: false)) \(v.zone.label(at: next)) · funding OI-weighted, per 8 h",
                  x: area.x, y: below, style: .dim, clip: area)
        }
    }

    static let allColumns: [Column] = [
        Column("coin", 5), Column("price", 12, right: true), Column("1h", 7, right: true), Column("24h", 7, right: true),
        Column("OI", 8, right: true), Column("OI 1h", 7, right: true), Column("OI 24h", 7, right: true),
        Column("fund/8h", 9, right: true), Column("a year", 10, right: true),
    ]

    /// The columns that fit whole, from the left.
    static func fitting(_ width: Int) -> [Column] {
        var used = 0
        return Array(allColumns.prefix { c in
            used += c.width + 1
            return used - 1 <= width
        })
    }

    static func row(_ c: CoinLeverage, focus: String?) -> [(String, Style)] {
        let mine = c.coin == focus
        func change(_ text: String?) -> (String, Style) {
            guard let text else { return ("–", .dim) }
            return (text, Style(text.hasPrefix("-") ? .outflow : text.hasPrefix("+") ? .inflow : .text))
        }
        let funding = c.fundingOIWeighted8h
        return [
            (c.coin, Style(mine ? .focus : .text, bold: true, underline: mine)),
            (c.price.map(Fmt.price) ?? "–", .text),
            change(c.priceChange[.h1].flatMap { Figures.changePercent($0) }),
            change(c.priceChange[.h24].flatMap { Figures.changePercent($0) }),
            (c.oiUSD.map { Fmt.usd($0, 2) } ?? "–", .text),
            change(c.oiChange[.h1].flatMap { Figures.changePercent($0) }),
            change(c.oiChange[.h24].flatMap { Figures.changePercent($0) }),
            (funding.map { Figures.funding($0) } ?? "–", funding == nil ? .dim : .text),
            (funding.map { Figures.fundingAnnualized($0, intervalHours: 8) } ?? "–", .dim),
        ]
    }
}
