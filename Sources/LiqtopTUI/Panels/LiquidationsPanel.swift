import LiqtopCore

/// The dashboard's left panel: window totals with share bars, the "highest since" marker,
/// the minute chart, top coins and the tape of recent large orders.
enum LiquidationsPanel {
    static func draw(_ s: Snapshot, _ v: ViewState, in r: Rect, into g: inout CellGrid) {
        let focused = v.focus == .liquidations
        g.box(r, title: "1 Liquidations" + (v.coinFocus.map { " · \($0) · Esc clears" } ?? ""), style: Style(focused ? .focus : .border), titleStyle: Style(focused ? .focus : .title, bold: true))
        var area = r.inset(by: 1)
        area = Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: area.height)
        guard !area.isEmpty else { return }

        let cursorLargest = s.focus.span == v.storeFocus.span ? s.spanLargest : nil
        let price = s.leverage[v.coinFocus ?? priceCoin]
        if v.lowerPane == .price, isTabbed(area, s) {
            // 80×24: the chart with its price band over the whole panel; `x` brings the totals back.
            drawChart(s.minutes, window: v.window, clock: s.clock, cursor: v.chartCursor, cursorLargest: cursorLargest,
                      area, &g, outages: s, tabs: .price, price: price, zone: v.zone)
            return
        }
        // Window totals: shown beside every pane but the price, with each venue's share as columns when they all fit.
        let (totalsRect, rest0) = area.splitTop(Window.allCases.count + 1)
        let columns = VenueSplit.columns(s, width: totalsRect.width - windowColumnsWidth - 16)
        drawWindows(s, v, totalsRect, &g, venues: columns ?? [])
        var rest = rest0
        if let h = s.highestSince, rest.height > 0 {
            let text = "▲ \(h.window.rawValue) \(h.side.rawValue)s \(Fmt.usd(h.total)): "
                + (h.isRecord ? "highest in the history (since \(h.since))" : "highest since \(h.since)")
            g.put(text, x: rest.x, y: rest.y, style: Style(.warn, bold: true), clip: rest)
            rest = rest.splitTop(1).1
        }
        // Else one line of shares for the selected window, when there is room for it beside the chart.
        if columns == nil, rest.height >= 10 {
            VenueSplit.line(s, v.window, rest.row(0), &g)
            rest = rest.splitTop(1).1
        }
        if rest.height < tabbedBelow {
            // Too short for all three (80×24): one of chart, coins and tape, `x` switches.
            let pane = v.lowerPane
            switch pane {
            case .chart, .price:
                drawChart(s.minutes, window: v.window, clock: s.clock, cursor: v.chartCursor, cursorLargest: cursorLargest,
                          rest, &g, outages: s, tabs: pane, price: price, zone: v.zone)
            case .coins: drawTopCoins(s, v, rest, &g, focused: focused, tabs: pane)
            case .tape: drawTape(s, rest, &g, tabs: pane, zone: v.zone)
            }
            return
        }
        // Chart gets about 40 % of what is left (at least 4 rows), then coins and tape share the rest.
        let lists = max(0, rest.height - max(4, rest.height * 2 / 5) - 1)
        let chartHeight = rest.height - lists
        let (chartArea, after) = rest.splitTop(chartHeight)
        drawChart(s.minutes, window: v.window, clock: s.clock, cursor: v.chartCursor, cursorLargest: cursorLargest, chartArea, &g, outages: s,
                  price: price, zone: v.zone)
        rest = after
        if rest.width >= 76 {
            let (left, right) = rest.splitLeft(rest.width / 2)
            drawTopCoins(s, v, Rect(x: left.x, y: left.y, width: left.width - 2, height: left.height), &g, focused: focused)
            drawTape(s, right, &g, zone: v.zone)
        } else {
            let (top, bottom) = rest.splitTop((rest.height + 1) / 2)
            drawTopCoins(s, v, top, &g, focused: focused)
            drawTape(s, bottom, &g, zone: v.zone)
        }
    }

    /// The window's order count per size tier, right-aligned, as many tiers as fit (the
    /// highest first to go: it is the rarest, usually 0).
    static func drawTierCounts(_ c: TierCounts, _ r: Rect, _ g: inout CellGrid) {
        var parts = Tier.counts(c)
        let prefix = c.window.rawValue + " "
        func width(_ p: [(String, Style)]) -> Int { TextWidth.of(prefix) + p.reduce(0) { $0 + TextWidth.of($1.0) + 1 } }
        while !parts.isEmpty, width(parts) > r.width { parts.removeLast() }
        guard !parts.isEmpty else { return }
        var x = r.maxX - width(parts) + 1
        x += g.put(prefix, x: x, y: r.y, style: .dim, clip: r)
        for (text, style) in parts { x += g.put(text, x: x, y: r.y, style: style, clip: r) + 1 }
    }

    /// The coin whose price the chart draws when no coin is focused.
    static let priceCoin = "BTC"

    /// Below this many rows under the totals, the chart, coins and tape take turns (`x`).
    static let tabbedBelow = 10

    /// `chart · coins · tape` at the right of a pane's title row, the shown one bold.
    /// Whether `area` (the panel inside its border) is too short for chart, coins and tape at once.
    /// (Kept in step with `draw`: the totals, then the "highest since" line when there is one.)
    static func isTabbed(_ area: Rect, _ s: Snapshot) -> Bool {
        area.height - (Window.allCases.count + 1) - (s.highestSince == nil ? 0 : 1) < tabbedBelow
    }

    /// The tab labels' width at the right of a pane's title row.
    static let tabsWidth = LowerPane.allCases.reduce(0) { $0 + TextWidth.of($1.rawValue) + 1 }

    static func drawTabs(_ shown: LowerPane, _ row: Rect, _ g: inout CellGrid) {
        var x = row.maxX - tabsWidth + 1
        // Clear what the title row put there (a long peak label) first.
        g.put(String(repeating: " ", count: max(0, row.maxX - x + 1)), x: x - 1, y: row.y, style: .text, clip: row)
        for p in LowerPane.allCases {
            x += g.put(p.rawValue, x: x, y: row.y, style: p == shown ? Style(.focus, bold: true, underline: true) : .dim, clip: row) + 1
        }
    }

    /// Columns of a window row besides the bar: window, long, gaps, short, short %, orders.
    static let windowColumnsWidth = 4 + 9 + 2 + 9 + 7 + 9

    /// window · long · bar (the rest) · short · short% · orders · a column per venue.
    static func windowColumns(_ r: Rect, venues: [Venue]) -> [Rect] {
        r.split(.horizontal, [.fixed(4), .fixed(9), .fixed(1), .min(4), .fixed(1), .fixed(9), .fixed(1), .fixed(6), .fixed(1), .fixed(8)]
                + venues.map { .fixed(VenueSplit.columnWidth($0)) })
    }

    static func drawWindows(_ s: Snapshot, _ v: ViewState, _ r: Rect, _ g: inout CellGrid, venues: [Venue] = []) {
        let c = windowColumns(r, venues: venues)
        let (long, bar, short, share, orders) = (c[1], c[3], c[5], c[7], c[9])
        let venueColumns = Array(c.dropFirst(10))
        for (text, col, right) in [("long", long, true), ("short", short, false), ("short%", share, true), ("orders", orders, true)] {
            put(text, col.row(0), right: right, style: .dim, &g)
        }
        for (venue, col) in zip(venues, venueColumns) { put(venue.rawValue, col.row(0), right: true, style: .dim, &g) }
        for (k, w) in Window.allCases.enumerated() {
            let y = r.y + 1 + k
            guard y < r.maxY else { break }
            let t = s.windows[w] ?? SideTotals()
            let selected = w == v.window
            let row = { (col: Rect) in Rect(x: col.x, y: y, width: col.width, height: 1) }
            put(w.rawValue, row(c[0]), right: false, style: Style(selected ? .title : .dim, bold: selected), &g)
            put(Fmt.usd(t.longUSD), row(long), right: true, style: Style(.long), &g)
            Bars.share(t, width: bar.width, into: &g, x: bar.x, y: y)
            put(Fmt.usd(t.shortUSD), row(short), right: false, style: Style(.short, bold: true), &g)
            put(t.sharePercent(.short), row(share), right: true, style: .text, &g)
            put(Fmt.count(t.count), row(orders), right: true, style: .dim, &g)
            for (venue, col) in zip(venues, venueColumns) {
                let pct = (s.byVenue[w] ?? []).first { $0.venue == venue }.map { $0.totals.sharePercent(of: t) } ?? "–"
                put(pct, row(col), right: true, style: .text, &g)
            }
        }
    }

    /// `text` in its cell, left or right aligned, clipped to it.
    static func put(_ text: String, _ cell: Rect, right: Bool, style: Style, _ g: inout CellGrid) {
        if right { g.putRight(text, right: cell.maxX, y: cell.y, style: style, clip: cell) } else { g.put(text, x: cell.x, y: cell.y, style: style, clip: cell) }
    }

    /// The chart of the selected window: a header (bucket size, legend, the peak bucket and its
    /// time, or what the cursor is on), the value scale on the left, the time axis below.
    /// `price`: a coin's leverage whose per-minute price is drawn above the bars on the same
    /// time axis, its scale on the right (where the chart has the rows).
    static func drawChart(_ m: MinuteSeries, window: Window, clock: Millis, cursor: Millis? = nil, cursorLargest: Liquidation? = nil,
                          _ r: Rect, _ g: inout CellGrid, outages s: Snapshot? = nil, tabs: LowerPane? = nil,
                          clickable: Bool = true, price: CoinLeverage? = nil, zone: DisplayZone = .utc) {
        let (label, rest) = r.splitTop(1)
        defer { if let tabs { drawTabs(tabs, label, &g) } }
        let chart = ChartSeries(m, window: window, clock: clock)
        let cursorIndex = cursor.map { chart.index(of: $0) }
        if let i = cursorIndex {
            let b = chart.buckets[i], from = chart.bucketStart(i)
            var x = label.x
            x += g.put(ISOTime.clock(zone.local(from), seconds: false) + "–" + ISOTime.clock(zone.local(from + chart.bucketDuration), seconds: false) + "  ",
                       x: x, y: label.y, style: Style(.focus, bold: true), clip: label)
            x += g.put("▲ " + Fmt.usd(b.shortUSD, 2) + "  ", x: x, y: label.y, style: Style(.short), clip: label)
            x += g.put("▼ " + Fmt.usd(b.longUSD, 2) + "  ", x: x, y: label.y, style: Style(.long), clip: label)
            x += g.put(Fmt.count(b.count) + " orders", x: x, y: label.y, style: .text, clip: label)
            if let o = cursorLargest {
                g.put("  largest " + Fmt.usd(o.usd, 2) + " " + o.venue.rawValue + " " + o.coin + " " + o.side.rawValue,
                      x: x, y: label.y, style: Tier.style(o.usd, tiers: s?.tiers.tiers(for: o.coin) ?? .standard, base: .text), clip: label)
            }
        } else {
            let head = "per \(chart.bucketMinutes) min, \(window.rawValue): "
            var x = label.x + g.put(head, x: label.x, y: label.y, style: .dim, clip: label)
            x += g.put("▲ short", x: x, y: label.y, style: Style(.short), clip: label)
            g.put(" ▼ long", x: x, y: label.y, style: Style(.long), clip: label)
            if let p = chart.peak {
                g.putRight("peak \(Fmt.usd(p.totals.totalUSD, 2)) at \(ISOTime.clock(zone.local(chart.bucketStart(p.index)), seconds: false))",
                           right: label.maxX - (tabs == nil ? 0 : tabsWidth), y: label.y, style: .dim, clip: label)
            }
            if let s, !s.outages.isEmpty { g.putRight("░ feed down", right: label.maxX - 24, y: label.y, style: .dim, clip: label) }
        }
        guard rest.height >= 3 else { return }
        var (plot, axisRow) = rest.splitTop(rest.height - 1)
        let scaleWidth = 7
        // The price band: a third of the plot's rows, right scale of `priceScaleWidth`.
        let withPrice = price.map { !$0.minutes.isEmpty } ?? false && plot.height >= 7 && plot.width >= 40
        // A third of the rows beside the bars; half in the `price` tab, which is there for it.
        let band: Rect? = withPrice ? plot.splitTop(max(2, plot.height / (tabs == .price ? 2 : 3))).0 : nil
        if let band { plot = Rect(x: plot.x, y: band.maxY, width: plot.width - priceScaleWidth, height: plot.height - band.height) }
        let (scaleColumn, area) = plot.splitLeft(scaleWidth)
        let scale = chart.scale
        if scale > .zero {
            g.put(Fmt.lpad(Fmt.usd(scale), scaleWidth - 1), x: scaleColumn.x, y: plot.y, style: Style(.axis), clip: scaleColumn)
            g.put(Fmt.lpad(Fmt.usd(scale), scaleWidth - 1), x: scaleColumn.x, y: plot.maxY - 1, style: Style(.axis), clip: scaleColumn)
        }
        let geo = MinuteChart.draw(chart, in: area, into: &g, cursor: cursorIndex) { from, to in s?.wasDown(from: from, to: to) ?? false }
        if clickable {
            for col in area.x ..< area.maxX {
                if let b = geo.bucket(at: col, count: chart.buckets.count) {
                    g.hit(Rect(x: col, y: plot.y, width: 1, height: plot.height), .chartBucket(chart.bucketStart(b)))
                }
            }
        }
        MinuteChart.timeAxis(chart, geo, in: Rect(x: area.x, y: axisRow.y, width: area.width, height: 1), into: &g, zone: zone)
        if let band, let price { drawPrice(price, chart, geo, band: band, area: area, &g) }
    }

    static let priceScaleWidth = 11

    /// `BTC 96,981.9` at the top right, the band's low below it, the line over the buckets.
    static func drawPrice(_ c: CoinLeverage, _ chart: ChartSeries, _ geo: MinuteChart.Geometry, band: Rect, area: Rect, _ g: inout CellGrid) {
        let line = Rect(x: geo.x, y: band.y, width: area.maxX - geo.x, height: band.height)
        let points = PriceLine.points(c.minutes, chart, geo)
        guard let (low, high) = PriceLine.draw(points, in: line, style: Style(.title), into: &g) else { return }
        let scale = Rect(x: area.maxX + 1, y: band.y, width: band.maxX - area.maxX - 1, height: band.height)
        g.put(Fmt.price(high), x: scale.x, y: scale.y, style: Style(.axis), clip: scale)
        g.put(Fmt.price(low), x: scale.x, y: scale.maxY - 1, style: Style(.axis), clip: scale)
        g.put(c.coin, x: band.x, y: band.y, style: Style(.title, bold: true), clip: Rect(x: band.x, y: band.y, width: max(0, geo.x - band.x - 1), height: 1))
    }

    /// coin · total · short bar then long bar (the rest).
    static func coinColumns(_ row: Rect) -> [Rect] {
        row.split(.horizontal, [.fixed(6), .fixed(8), .fixed(1), .min(0)])
    }

    static func drawTopCoins(_ s: Snapshot, _ v: ViewState, _ r: Rect, _ g: inout CellGrid, focused: Bool, tabs: LowerPane? = nil) {
        defer { if let tabs { drawTabs(tabs, r.row(0), &g) } }
        let coins = Listing.coins(s, v)
        g.put("Top coins \(v.window.rawValue)" + (v.filter.isEmpty ? "" : " /\(v.filter)") + " · sort \(v.sort.rawValue)",
              x: r.x, y: r.y, style: Style(.title), clip: r)
        let rows = r.height - 1
        guard rows > 0 else { return }
        if focused { g.listRows = rows }
        let selected = v.dashboardSelection[.liquidations, default: 0]
        let offset = ListView.follow(selected: selected, scroll: v.dashboardScroll[.liquidations, default: 0], count: coins.count, rows: rows)
        let peak = coins.first.map { _ in coins.map(\.totals.totalUSD.micros).max() ?? 0 } ?? 0
        for k in 0 ..< min(rows, coins.count - offset) {
            let c = coins[offset + k], y = r.y + 1 + k
            let row = Rect(x: r.x, y: y, width: r.width, height: 1)
            let cell = coinColumns(row)
            g.hit(row, .panelRow(.liquidations, offset + k))
            put(c.coin, cell[0], right: false, style: Style(c.coin == v.coinFocus ? .focus : .text, bold: true), &g)
            put(Fmt.usd(c.totals.totalUSD), cell[1], right: true, style: .text, &g)
            let bars = cell[3]
            let shortBar = Bars.horizontal(c.totals.shortUSD.micros, max: peak, width: bars.width, role: .short, glyphs: g.glyphs)
            let longBar = Bars.horizontal(c.totals.longUSD.micros, max: peak, width: bars.width, role: .long, glyphs: g.glyphs)
            g.put(shortBar, x: bars.x, y: y, style: Style(.short), clip: bars)
            g.put(longBar, x: bars.x + TextWidth.of(shortBar), y: y, style: Style(.long), clip: bars)
            if offset + k == selected { g.patch(row, with: .selected(focused: focused)) }
        }
    }

    /// time · venue · coin · side · USD · the order's price (as the venue sent it), as room allows.
    static func tapeColumns(_ row: Rect) -> [Rect] {
        row.split(.horizontal, [.fixed(8), .fixed(1), .fixed(7), .fixed(1), .fixed(5), .fixed(1), .fixed(5), .fixed(1),
                                .fixed(8), .fixed(2), .min(0)])
    }

    static func drawTape(_ s: Snapshot, _ r: Rect, _ g: inout CellGrid, tabs: LowerPane? = nil, zone: DisplayZone = .utc) {
        defer { if let tabs { drawTabs(tabs, r.row(0), &g) } }
        let title = g.put("Recent large orders", x: r.x, y: r.y, style: Style(.title), clip: r)
        if let c = s.tierCounts { drawTierCounts(c, Rect(x: r.x + title + 2, y: r.y, width: r.width - title - 2, height: 1), &g) }
        for (k, o) in s.tape.prefix(r.height - 1).enumerated() {
            let c = tapeColumns(Rect(x: r.x, y: r.y + 1 + k, width: r.width, height: 1))
            put(Fmt.time(o.time, zone), c[0], right: false, style: .dim, &g)
            put(o.venue.rawValue, c[2], right: false, style: .dim, &g)
            put(o.coin, c[4], right: false, style: Style(.text, bold: true), &g)
            put(o.side.rawValue, c[6], right: false, style: Style(o.side == .long ? .long : .short), &g)
            put(Fmt.usd(o.usd, 2), c[8], right: true, style: Tier.style(o.usd, coin: o.coin, s, base: .text), &g)
            // `summary --json`'s tape `price`; dropped, not cut, when it does not fit.
            let price = "@ " + Fmt.price(o.price)
            if TextWidth.of(price) <= c[10].width { put(price, c[10], right: false, style: .dim, &g) }
        }
        if s.tape.isEmpty, r.height > 1 { g.put("none at or above the tape threshold yet", x: r.x, y: r.y + 1, style: .dim, clip: r) }
    }
}

/// Scrolling for lists that keep the selection visible, as htop does: the view stays where it
/// was and moves only as far as the selection needs.
enum ListView {
    static func follow(selected: Int, scroll: Int, count: Int, rows: Int) -> Int {
        guard count > rows, rows > 0 else { return 0 }
        var first = min(max(0, scroll), count - rows)
        if selected < first { first = selected }
        if selected >= first + rows { first = selected - rows + 1 }
        return max(0, min(count - rows, first))
    }
}
