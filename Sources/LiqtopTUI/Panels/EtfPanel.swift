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
        // Two rows per asset when there is room (numbers, then bars and streak), else one.
        let rowsPer = area.height - 1 >= assets.count * 2 ? 2 : 1
        let selected = v.dashboardSelection[.etf, default: 0]
        for (k, e) in assets.enumerated() {
            let y = area.y + 1 + k * rowsPer
            guard y < area.maxY else { break }
            g.hit(Rect(x: area.x, y: y, width: area.width, height: min(rowsPer, area.maxY - y)), .panelRow(.etf, k))
            let flow = Style(e.today.netUSD.micros >= 0 ? .inflow : .outflow, bold: true)
            // The focused coin's fund line stands out.
            let mine = v.coinFocus == e.asset.rawValue
            g.put(Fmt.pad(e.asset.rawValue, 4), x: area.x, y: y, style: Style(mine ? .focus : .text, bold: true, underline: mine), clip: area)
            let coins = e.today.netCoins.map { Fmt.signedCoins($0) + " " + e.asset.rawValue } ?? "–"
            g.put(Fmt.lpad(coins, 15), x: area.x + 4, y: y, style: flow, clip: area)
            g.put(Fmt.lpad(Fmt.signedUSD(e.today.netUSD), 10), x: area.x + 20, y: y, style: flow, clip: area)
            if e.day != latest { g.put(" (\(Fmt.shortDay(e.day)))", x: area.x + 30, y: y, style: .dim, clip: area) }
            let barsY = rowsPer == 2 ? y + 1 : y
            let barsX = rowsPer == 2 ? area.x + 5 : area.x + 38
            let barsWidth = max(0, min(e.history.count, area.maxX - barsX - 22))
            drawBars(e.history.suffix(barsWidth), x: barsX, y: barsY, into: &g, clip: area)
            let info = "\(Fmt.streak(e.streakDays)) · Σ \(Fmt.signedUSD(e.cumulativeUSD))"
            // On a shared row the figures win: the streak only shows where it does not cover them.
            let infoLeft = area.maxX - TextWidth.of(info)
            let occupied = rowsPer == 2 ? barsX + barsWidth : max(area.x + 31, barsX + barsWidth)
            if infoLeft > occupied { g.putRight(info, right: area.maxX, y: barsY, style: .dim, clip: area) }
            if k == selected { g.patch(Rect(x: area.x, y: y, width: area.width, height: rowsPer), with: .selected(focused: focused)) }
        }
        // Larger screens: the selected asset's funds on its latest day, a signed bar each.
        let below = Rect(x: area.x, y: area.y + 2 + assets.count * rowsPer, width: area.width, height: area.maxY - (area.y + 2 + assets.count * rowsPer))
        if below.height >= 4, let e = assets[safe: selected] ?? assets.first { drawFunds(e, below, &g) }
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
