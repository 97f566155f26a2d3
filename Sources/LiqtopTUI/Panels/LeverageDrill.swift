import LiqtopCore

extension DrillViews {
    /// One coin's leverage: its price and changes, then per venue the open interest and funding,
    /// then the reference price over the day on the chart's time axis.
    static func leverageCoin(_ s: Snapshot, _ v: ViewState, _ coin: String, _ sel: Int, _ r: Rect, _ g: inout CellGrid, scroll: Int = 0) {
        guard let c = s.leverage[coin] else {
            g.put("no price, open interest or funding for \(coin)", x: r.x, y: r.y, style: .dim, clip: r)
            return
        }
        var head = "\(coin) " + (c.price.map(Fmt.price) ?? "–")
        if let venue = c.priceVenue { head += " (mark on \(venue.rawValue): the most open interest)" }
        for w in [Window.h1, .h24] {
            if let ch = c.priceChange[w].flatMap({ Figures.changePercent($0) }) { head += " · \(w.rawValue) \(ch)" }
        }
        g.put(head, x: r.x, y: r.y, style: Style(.title, bold: true), clip: r)
        var info = "open interest " + (c.oiUSD.map { Fmt.usd($0, 2) } ?? "–")
        for w in [Window.h1, .h24] {
            if let ch = c.oiChange[w].flatMap({ Figures.changePercent($0) }) { info += " · \(w.rawValue) \(ch)" }
        }
        if let f = c.fundingOIWeighted8h { info += " · funding " + Figures.funding(f) + " per 8 h, OI-weighted (" + Figures.fundingAnnualized(f, intervalHours: 8) + ")" }
        g.put(info, x: r.x, y: r.y + 1, style: .text, clip: r)
        let venues = c.oiByVenue
        let tableHeight = min(max(2, venues.count + 1), max(0, r.height - 3))
        let table = Rect(x: r.x, y: r.y + 3, width: r.width, height: tableHeight)
        let funding = Dictionary(c.funding.map { ($0.venue, $0) }, uniquingKeysWith: { a, _ in a })
        let total = venues.reduce(Int64(0)) { $0 + $1.usd.micros }
        Table.draw([Column("venue", 11), Column("open interest", 14, right: true), Column("share", 6, right: true),
                    Column("funding", 9, right: true), Column("every", 5, right: true), Column("a year", 10, right: true),
                    Column("next", 5, right: true), Column("as of", 0)],
                   count: venues.count, selected: sel, scroll: scroll, in: table, into: &g) { i in
            let o = venues[i], f = funding[o.venue]
            return [(o.venue.rawValue, Style(.text, bold: true)), (Fmt.usd(o.usd, 2), .text), (Percent.text(o.usd.micros, of: total), .dim),
                    (f.map { Figures.funding($0.rate) } ?? "–", .text), (f.map { "\($0.intervalHours)h" } ?? "–", .dim),
                    (f.map { Figures.fundingAnnualized($0.rate, intervalHours: $0.intervalHours) } ?? "–", .dim),
                    (f?.nextFundingTime.map { ISOTime.clock(v.zone.local($0), seconds: false) } ?? "–", .dim),
                    (Fmt.time(max(o.time, f?.time ?? o.time), v.zone), .dim)]
        }
        // Per venue, open interest (and funding, where the rows allow) over the day, then the
        // day's price, all on the 24 h chart's time axis.
        var chartArea = Rect(x: r.x, y: table.maxY + 1, width: r.width, height: r.maxY - table.maxY - 1)
        let chart = ChartSeries(s.minutes, window: .h24, clock: s.clock)
        let plotWidth = chartArea.width - 7 - LiquidationsPanel.priceScaleWidth
        let geo = MinuteChart.geometry(chart, in: Rect(x: chartArea.x + 7, y: chartArea.y, width: plotWidth, height: 1))
        let days = c.venueDays, n = c.venueDays.count
        for (title, isOI) in [("open interest by venue, 24 h (each row low to high)", true), ("funding per 8 h by venue, 24 h", false)] {
            // A block takes its rows only while the price keeps 6 rows below (8 for the second).
            guard n > 0, chartArea.height - (n + 2) >= (isOI ? 6 : 8) else { break }
            let labels = Rect(x: chartArea.x, y: chartArea.y, width: 7, height: n + 1)
            let used = isOI
                ? VenueStrips.draw(title, days, { $0.openInterest }, scaled: { Int128($0.micros) }, geo: geo, labels: labels, width: 7 + plotWidth, into: &g)
                : VenueStrips.draw(title, days, { $0.funding8h }, scaled: { $0.scaled(to: 12) }, geo: geo, labels: labels, width: 7 + plotWidth, into: &g)
            chartArea = Rect(x: chartArea.x, y: chartArea.y + used + 1, width: chartArea.width, height: chartArea.height - used - 1)
        }
        guard chartArea.height >= 4, !c.minutes.isEmpty else { return }
        g.put("\(coin) price, 24 h (per 15 min)", x: chartArea.x, y: chartArea.y, style: .dim, clip: chartArea)
        let plot = Rect(x: chartArea.x + 7, y: chartArea.y + 1, width: plotWidth, height: chartArea.height - 2)
        let points = PriceLine.points(c.minutes, chart, geo)
        if let (low, high) = PriceLine.draw(points, in: Rect(x: geo.x, y: plot.y, width: plot.maxX - geo.x, height: plot.height), style: Style(.title), into: &g) {
            g.put(Fmt.price(high), x: plot.maxX + 1, y: plot.y, style: Style(.axis), clip: chartArea)
            g.put(Fmt.price(low), x: plot.maxX + 1, y: plot.maxY - 1, style: Style(.axis), clip: chartArea)
        }
        MinuteChart.timeAxis(chart, geo, in: Rect(x: plot.x, y: plot.maxY, width: plot.width, height: 1), into: &g, zone: v.zone)
    }
}
