import LiqtopCore

/// BTC, ETH and SOL spot ETF flows: the day's net in coins and USD, a bar per day for the
/// last ~20 days, the inflow/outflow streak and the cumulative flow.
enum EtfPanel {
    static func draw(_ s: Snapshot, _ v: ViewState, in r: Rect, into g: inout CellGrid) {
        let focused = v.focus == .etf
        g.box(r, title: "2 ETF flows", style: Style(focused ? .focus : .border), titleStyle: Style(focused ? .focus : .title, bold: true))
        let area = Rect(x: r.x + 2, y: r.y + 1, width: r.width - 4, height: r.height - 2)
        guard !area.isEmpty else { return }
        let assets = Listing.etfAssets(s)
        guard let latest = assets.map(\.day).max() else {
            g.put("no ETF flows loaded (Farside CSV or native etf_flow lines)", x: area.x, y: area.y, style: .dim, clip: area)
            return
        }
        let dayTotal = assets.filter { $0.day == latest }.reduce(USD.zero) { $0 + $1.today.netUSD }
        g.put("US spot ETFs, \(latest) · total ", x: area.x, y: area.y, style: .dim, clip: area)
        g.put(Fmt.signedUSD(dayTotal), x: area.x + TextWidth.of("US spot ETFs, \(latest) · total "), y: area.y,
              style: Style(dayTotal.micros >= 0 ? .inflow : .outflow, bold: true), clip: area)
        let selected = v.dashboardSelection[.etf, default: 0]
        let rowsPer = rowsPerAsset(assets.count, height: area.height)
        for (k, e) in assets.enumerated() {
            let y = area.y + 1 + k * rowsPer
            guard y < area.maxY else { break }
            let block = Rect(x: area.x, y: y, width: area.width, height: min(rowsPer, area.maxY - y))
            g.hit(block, .panelRow(.etf, k))
            drawAsset(e, latest: latest, in: block, focus: v.coinFocus, into: &g)
            if k == selected { g.patch(Rect(x: area.x, y: y, width: area.width, height: rowsPer), with: .selected(focused: focused)) }
        }
        // Larger screens: the selected asset's funds on its latest day, a signed bar each.
        let used = 2 + assets.count * rowsPer
        let below = Rect(x: area.x, y: area.y + used, width: area.width, height: area.height - used)
        if below.height >= 4, let e = assets[safe: selected] ?? assets.first { drawFunds(e, below, &g) }
    }

    /// Rows per asset: figures, then a row of daily bars, then their date ticks, as room allows
    /// (the date row only when four rows are left below for the selected asset's funds).
    static func rowsPerAsset(_ count: Int, height: Int) -> Int {
        let rows = height - 1
        if rows >= count * 3 + 5 { return 3 }
        return rows >= count * 2 ? 2 : 1
    }

    /// `BTC      +8,933 BTC  +$849.92M` then the bars and streak (beside the figures on one row).
    static func drawAsset(_ e: EtfAssetSummary, latest: Day, in r: Rect, focus: String?, into g: inout CellGrid) {
        let flow = Style(e.today.netUSD.micros >= 0 ? .inflow : .outflow, bold: true)
        let figures = Rect(x: r.x, y: r.y, width: r.width, height: 1)
            .split(.horizontal, [.fixed(4), .fixed(15), .fixed(1), .fixed(10), .fill(1)])
        // The focused coin's fund line stands out.
        let mine = focus == e.asset.rawValue
        g.put(e.asset.rawValue, x: figures[0].x, y: r.y, style: Style(mine ? .focus : .text, bold: true, underline: mine), clip: figures[0])
        let coins = e.today.netCoins.map { Fmt.signedCoins($0) + " " + e.asset.rawValue } ?? "–"
        g.putRight(coins, right: figures[1].maxX, y: r.y, style: flow, clip: figures[1])
        g.putRight(Fmt.signedUSD(e.today.netUSD), right: figures[3].maxX, y: r.y, style: flow, clip: figures[3])
        let rest = figures[4]
        if e.day != latest { g.put(" (\(Fmt.shortDay(e.day)))", x: rest.x, y: r.y, style: .dim, clip: rest) }
        let info = "\(Fmt.streak(e.streakDays)) · Σ \(Fmt.signedUSD(e.cumulativeUSD))"
        // One row: bars after the figures (8 cells for a day note), the streak only where it fits.
        let barsRow = r.height >= 2 ? Rect(x: r.x, y: r.y + 1, width: r.width, height: 1) : rest
        let parts = barsRow.split(.horizontal, [.fixed(r.height >= 2 ? 5 : 8), .fill(1), .fixed(TextWidth.of(info) + 2)])
        let days = e.history.suffix(min(e.history.count, parts[1].width))
        drawBars(days, x: parts[1].x, y: barsRow.y, into: &g, clip: parts[1])
        if parts[2].width == TextWidth.of(info) + 2 {
            g.putRight(info, right: parts[2].maxX, y: barsRow.y, style: .dim, clip: parts[2])
        }
        if r.height >= 3 { dateTicks(days, x: parts[1].x, in: Rect(x: parts[1].x, y: r.y + 2, width: parts[1].width, height: 1), into: &g) }
    }

    /// `╵12-15    ╵12-29`: the first trading day of a week under its bar, as many as fit apart.
    static func dateTicks(_ days: ArraySlice<EtfDayTotal>, x: Int, in r: Rect, into g: inout CellGrid) {
        var free = r.x
        for (k, d) in days.enumerated() {
            let previous = k > 0 ? days[days.startIndex + k - 1].day : nil
            guard let previous, week(d.day) != week(previous) else { continue }
            let col = x + k, label = "╵" + Fmt.shortDay(d.day)
            guard col >= free, col + TextWidth.of(label) <= r.maxX else { continue }
            g.put(label, x: col, y: r.y, style: Style(.axis), clip: r)
            free = col + TextWidth.of(label) + 1
        }
    }

    /// Monday-based week number (1970-01-01 was a Thursday).
    static func week(_ d: Day) -> Int {
        let n = Int(d.index) + 3
        return n >= 0 ? n / 7 : (n - 6) / 7
    }

    /// `IBIT  +$648.60M ████████` for each fund of `e`'s day, largest flow first; the figures are
    /// `summary --json`'s `funds`.
    static func drawFunds(_ e: EtfAssetSummary, _ r: Rect, _ g: inout CellGrid) {
        let funds = e.funds.sorted { ($0.netUSD.micros.magnitude, $1.fund) > ($1.netUSD.micros.magnitude, $0.fund) }
        g.put("\(e.asset.rawValue) funds on \(e.day)", x: r.x, y: r.y, style: Style(.title), clip: r)
        let peak = Int64(clamping: funds.map { $0.netUSD.micros.magnitude }.max() ?? 0)
        let glyphs = g.glyphs
        for (k, f) in funds.prefix(r.height - 1).enumerated() {
            let y = r.y + 1 + k
            let role: Role = f.netUSD.micros >= 0 ? .inflow : .outflow
            g.put(Fmt.pad(f.fund, 6), x: r.x, y: y, style: Style(.text, bold: true), clip: r)
            g.put(Fmt.lpad(Fmt.signedUSD(f.netUSD), 10), x: r.x + 6, y: y, style: Style(role), clip: r)
            let bar = Bars.horizontal(Int64(clamping: f.netUSD.micros.magnitude), max: peak, width: max(0, r.width - 18), role: role, glyphs: glyphs)
            g.put(bar, x: r.x + 18, y: y, style: Style(role), clip: r)
        }
    }

    /// One cell per day: height by size, colour by direction.
    static func drawBars(_ days: ArraySlice<EtfDayTotal>, x: Int, y: Int, into g: inout CellGrid, clip: Rect) {
        let peak = days.map { $0.netUSD.micros.magnitude }.max() ?? 0
        for (k, d) in days.enumerated() {
            let role: Role = d.netUSD.micros >= 0 ? .inflow : .outflow
            let glyph = Bars.column(Int64(clamping: d.netUSD.micros.magnitude), max: Int64(clamping: peak), role: role, glyphs: g.glyphs)
            let style = Style(role)
            g.put(glyph == " " ? "·" : String(glyph), x: x + k, y: y, style: glyph == " " ? .dim : style, clip: clip)
        }
    }
}
