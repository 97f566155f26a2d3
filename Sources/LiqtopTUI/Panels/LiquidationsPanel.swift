import LiqtopCore

/// The dashboard's left panel: window totals with share bars, the "highest since" marker,
/// the minute chart, top coins and the tape of recent large orders.
enum LiquidationsPanel {
    static func draw(_ s: Snapshot, _ v: ViewState, in r: Rect, into g: inout CellGrid) {
        let focused = v.focus == .liquidations
        g.box(r, title: "1 Liquidations", style: Style(focused ? .focus : .border), titleStyle: Style(focused ? .focus : .title, bold: true))
        var area = r.inset(by: 1)
        area = Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: area.height)
        guard !area.isEmpty else { return }

        // Window totals: always shown.
        let (totalsRect, rest0) = area.splitTop(Window.allCases.count + 1)
        drawWindows(s, v, totalsRect, &g)
        var rest = rest0
        if let h = s.highestSince, rest.height > 0 {
            let text = "▲ \(h.window.rawValue) \(h.side.rawValue)s \(Fmt.usd(h.total)): "
                + (h.isRecord ? "highest in the history (since \(h.since))" : "highest since \(h.since)")
            g.put(text, x: rest.x, y: rest.y, style: Style(.warn, bold: true), clip: rest)
            rest = rest.splitTop(1).1
        }
        // Chart gets about 40 % of what is left (at least 4 rows), then coins and tape share the rest.
        let lists = max(0, rest.height - max(4, rest.height * 2 / 5) - 1)
        let chartHeight = rest.height - lists
        if chartHeight >= 3 {
            let (chartArea, after) = rest.splitTop(chartHeight)
            drawChart(s.minutes, chartArea, &g, outages: s)
            rest = after
        }
        guard rest.height >= 2 else { return }
        if rest.width >= 76 {
            let (left, right) = rest.splitLeft(rest.width / 2)
            drawTopCoins(s, v, Rect(x: left.x, y: left.y, width: left.width - 2, height: left.height), &g, focused: focused)
            drawTape(s, right, &g)
        } else {
            let (top, bottom) = rest.splitTop((rest.height + 1) / 2)
            drawTopCoins(s, v, top, &g, focused: focused)
            drawTape(s, bottom, &g)
        }
    }

    static func drawWindows(_ s: Snapshot, _ v: ViewState, _ r: Rect, _ g: inout CellGrid) {
        let numbers = 9
        let barWidth = max(4, r.width - 4 - 2 * numbers - 5 - 5 - 8) // window, two amounts, share, orders, gaps
        g.put("    " + Fmt.lpad("long", numbers) + " " + Fmt.pad("", barWidth) + " " + Fmt.pad("short", numbers) + " short  orders",
              x: r.x, y: r.y, style: .dim, clip: r)
        for (k, w) in Window.allCases.enumerated() {
            let y = r.y + 1 + k
            guard y < r.maxY else { break }
            let t = s.windows[w] ?? SideTotals()
            let selected = w == v.window
            g.put(Fmt.pad(w.rawValue, 4), x: r.x, y: y, style: Style(selected ? .title : .dim, bold: selected), clip: r)
            g.put(Fmt.lpad(Fmt.usd(t.longUSD), numbers), x: r.x + 4, y: y, style: Style(.long), clip: r)
            Bars.share(t, width: barWidth, into: &g, x: r.x + 5 + numbers, y: y)
            let after = r.x + 6 + numbers + barWidth
            g.put(Fmt.pad(Fmt.usd(t.shortUSD), numbers), x: after, y: y, style: Style(.short, bold: true), clip: r)
            g.put(Fmt.lpad(Fmt.percent(basisPoints: t.shareBasisPoints(.short)), 5), x: after + numbers + 1, y: y, style: .text, clip: r)
            g.put(Fmt.lpad(Fmt.count(t.count), 8), x: after + numbers + 7, y: y, style: .dim, clip: r)
        }
    }

    static func drawChart(_ m: MinuteSeries, _ r: Rect, _ g: inout CellGrid, outages s: Snapshot? = nil) {
        let (label, chart) = r.splitTop(1)
        let minutes = min(m.buckets.count, chart.width * 2)
        let span = minutes >= 120 ? "\(minutes / 60)h\(minutes % 60 == 0 ? "" : " \(minutes % 60)m")" : "\(minutes)m"
        g.put("per minute, last \(span): ", x: label.x, y: label.y, style: .dim, clip: label)
        let x = label.x + TextWidth.of("per minute, last \(span): ")
        g.put("▲ shorts", x: x, y: label.y, style: Style(.short), clip: label)
        g.put(" ▼ longs", x: x + 8, y: label.y, style: Style(.long), clip: label)
        let peak = m.buckets.suffix(minutes).reduce(USD.zero) { max($0, $1.shortUSD, $1.longUSD) }
        if peak > .zero { g.putRight("peak \(Fmt.usd(peak))/min", right: label.maxX, y: label.y, style: .dim, clip: label) }
        MinuteChart.draw(m, in: chart, into: &g) { start in s?.wasDown(from: start, to: start + Duration.minute) ?? false }
        if let s, !s.outages.isEmpty { g.putRight("░ feed down", right: label.maxX - 22, y: label.y, style: .dim, clip: label) }
    }

    static func drawTopCoins(_ s: Snapshot, _ v: ViewState, _ r: Rect, _ g: inout CellGrid, focused: Bool) {
        let coins = Listing.coins(s, v)
        g.put("Top coins \(v.window.rawValue)" + (v.filter.isEmpty ? "" : " /\(v.filter)") + " · sort \(v.sort.rawValue)",
              x: r.x, y: r.y, style: Style(.title), clip: r)
        let rows = r.height - 1
        guard rows > 0 else { return }
        let selected = v.dashboardSelection[.liquidations, default: 0]
        let offset = ListView.offset(selected: selected, count: coins.count, rows: rows)
        let peak = coins.first.map { _ in coins.map(\.totals.totalUSD.micros).max() ?? 0 } ?? 0
        for k in 0 ..< min(rows, coins.count - offset) {
            let c = coins[offset + k], y = r.y + 1 + k
            g.put(Fmt.pad(c.coin, 6), x: r.x, y: y, style: Style(.text, bold: true), clip: r)
            g.put(Fmt.lpad(Fmt.usd(c.totals.totalUSD), 8), x: r.x + 6, y: y, clip: r)
            let barWidth = max(0, r.width - 16)
            let longBar = Bars.horizontal(c.totals.longUSD.micros, max: peak, width: barWidth, role: .long, glyphs: g.glyphs)
            let shortBar = Bars.horizontal(c.totals.shortUSD.micros, max: peak, width: barWidth, role: .short, glyphs: g.glyphs)
            g.put(shortBar, x: r.x + 15, y: y, style: Style(.short), clip: r)
            g.put(longBar, x: r.x + 15 + TextWidth.of(shortBar), y: y, style: Style(.long), clip: r)
            if offset + k == selected { g.patch(Rect(x: r.x, y: y, width: r.width, height: 1), with: .selected(focused: focused)) }
        }
    }

    static func drawTape(_ s: Snapshot, _ r: Rect, _ g: inout CellGrid) {
        g.put("Recent large orders", x: r.x, y: r.y, style: Style(.title), clip: r)
        for (k, o) in s.tape.prefix(r.height - 1).enumerated() {
            let y = r.y + 1 + k
            g.put(Fmt.time(o.time), x: r.x, y: y, style: .dim, clip: r)
            g.put(Fmt.pad(o.venue.rawValue, 8), x: r.x + 9, y: y, style: .dim, clip: r)
            g.put(Fmt.pad(o.coin, 6), x: r.x + 17, y: y, style: Style(.text, bold: true), clip: r)
            g.put(Fmt.pad(o.side.rawValue, 6), x: r.x + 23, y: y, style: Style(o.side == .long ? .long : .short), clip: r)
            g.put(Fmt.lpad(Fmt.usd(o.usd, 2), 8), x: r.x + 29, y: y, style: Tier.style(o.usd, base: .text), clip: r)
        }
        if s.tape.isEmpty, r.height > 1 { g.put("none at or above the tape threshold yet", x: r.x, y: r.y + 1, style: .dim, clip: r) }
    }
}

/// Scrolling for lists that keep the selection visible.
enum ListView {
    static func offset(selected: Int, count: Int, rows: Int) -> Int {
        guard count > rows, rows > 0 else { return 0 }
        return max(0, min(count - rows, selected - rows / 2))
    }
}
