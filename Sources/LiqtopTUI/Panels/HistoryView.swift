import LiqtopCore

/// The history view: one column per day on a shared date axis. Above, the day's liquidations
/// (fast money: shorts up, longs down, as on the minute chart) with the days the squeeze signal
/// fired marked; below, each ETF asset's daily net flow (inflows up) and its cumulative flow
/// (slow money); at the bottom the fed funds target range as a strip (▼ a cut, ▲ a hike).
enum HistoryView {
    static let gutter = 11

    /// At most this many days on one page: a quarter, the span the view is for; wider screens
    /// give each day more columns instead.
    static let maxDays = 90

    /// The visible days: a page of `count` days holding the cursor, each `cellsPerDay` columns
    /// wide (1 to 3), pages counted back from the last day so the newest sits at the right edge.
    static func page(_ series: HistorySeries, cursor: Int, width: Int) -> (first: Int, count: Int, cellsPerDay: Int) {
        let room = max(1, width - gutter - 1)
        let n = max(1, min(series.entries.count, maxDays, room))
        let last = series.entries.count - 1
        let p = max(0, last - cursor) / n
        return (max(0, last - (p + 1) * n + 1), n, min(3, max(1, room / n)))
    }

    /// Draws the view in `r`; returns how many days it shows.
    @discardableResult
    static func draw(_ series: HistorySeries, _ v: ArchiveViewState, in r: Rect, into g: inout CellGrid) -> Int {
        guard !series.entries.isEmpty else {
            g.put("no days in the inputs", x: r.x + 2, y: r.y + 1, style: .dim, clip: r)
            return 0
        }
        let (first, n, cw) = page(series, cursor: v.cursor, width: r.width)
        let days = Array(series.entries[first ..< min(series.entries.count, first + n)])
        let x0 = r.x + gutter
        let assets = series.assets
        // Rows: title, signals, chart, axis, ETF title, per asset flow rows and a cumulative row, rates.
        let fixed = 5 + assets.count
        let free = max(4, r.height - fixed)
        var flowRows = assets.isEmpty ? 0 : max(2, (free * 11 / 20) / assets.count / 2 * 2)
        var chartRows = max(2, (free - flowRows * assets.count) / 2 * 2)
        while chartRows + flowRows * assets.count > free, flowRows > 2 { flowRows -= 2 }
        while chartRows + flowRows * assets.count > free, chartRows > 2 { chartRows -= 2 }
        var y = r.y

        let peak = days.map { max($0.totals.longUSD, $0.totals.shortUSD) }.max() ?? .zero
        g.put("Liquidations per day (fast money): shorts up, longs down", x: r.x + 1, y: y, style: Style(.title, bold: true), clip: r)
        g.putRight("scale " + Figures.usd(peak) + " ", right: r.maxX, y: y, style: Style(.axis), clip: r)
        y += 1
        g.put("signal", x: r.x + 1, y: y, style: .dim, clip: r)
        for (k, e) in days.enumerated() where e.signal != nil {
            g.put("▲", x: x0 + k * cw, y: y, style: Style(.banner, bold: true), clip: r)
        }
        y += 1
        let up = chartRows / 2
        g.put(Figures.usd(peak), x: r.x + 1, y: y, style: Style(.axis), clip: r)
        g.put("short", x: r.x + 1, y: y + up - 1, style: Style(.short), clip: r)
        g.put("long", x: r.x + 1, y: y + up, style: Style(.long), clip: r)
        for (k, e) in days.enumerated() {
            column(e.totals.shortUSD, of: peak, x: x0 + k * cw, width: cw, baseline: y + up, rows: up, upward: true, role: .short, into: &g)
            column(e.totals.longUSD, of: peak, x: x0 + k * cw, width: cw, baseline: y + up, rows: chartRows - up, upward: false, role: .long, into: &g)
            g.hit(Rect(x: x0 + k * cw, y: r.y, width: cw, height: r.height), .historyDay(first + k))
        }
        y += chartRows
        axis(days, x0: x0, cellsPerDay: cw, y: y, clip: r, into: &g)
        y += 1

        var titleEnd = r.maxX
        if let next = nextMeeting(series, after: days.last?.day) {
            titleEnd = r.maxX - TextWidth.of(next) - 2
            g.putRight(next + " ", right: r.maxX, y: y, style: .dim, clip: r)
        }
        let etfTitle = r.width >= 120 ? "ETF net flow per US trading day (slow money), cumulative Σ below" : "ETF net flow per trading day, Σ cumulative"
        g.put(etfTitle, x: r.x + 1, y: y, style: Style(.title, bold: true), clip: Rect(x: r.x, y: y, width: max(0, titleEnd - r.x), height: 1))
        y += 1
        for asset in assets {
            let flows = days.map { $0.etf[asset] }
            let scale = flows.compactMap { $0.map { USD(micros: Int64(clamping: $0.micros.magnitude)) } }.max() ?? .zero
            let half = flowRows / 2
            g.put(asset.rawValue, x: r.x + 1, y: flowRows >= 4 ? y + half - 1 : y, style: Style(.text, bold: true), clip: r)
            g.put(Figures.usd(scale), x: r.x + 1, y: flowRows >= 4 ? y : y + 1, style: Style(.axis), clip: r)
            for (k, f) in flows.enumerated() {
                guard let f else { continue }
                if f > .zero {
                    column(f, of: scale, x: x0 + k * cw, width: cw, baseline: y + half, rows: half, upward: true, role: .inflow, into: &g)
                } else if f < .zero {
                    column(-f, of: scale, x: x0 + k * cw, width: cw, baseline: y + half, rows: flowRows - half, upward: false, role: .outflow, into: &g)
                }
            }
            y += flowRows
            // Nothing before the asset's first flow: its funds had not started, or no table says.
            let sums = days.map { $0.cumulativeEtf[asset] }
            g.put("Σ " + Figures.usd(sums.last.flatMap { $0 } ?? .zero), x: r.x + 1, y: y, style: .dim, clip: Rect(x: r.x, y: y, width: gutter, height: 1))
            sparkline(sums, x: x0, cellsPerDay: cw, y: y, into: &g)
            y += 1
        }
        rates(days, x0: x0, cellsPerDay: cw, y: y, clip: r, into: &g)

        // The cursor's and the mark's columns, over everything drawn for them.
        let body = Rect(x: x0, y: r.y + 1, width: days.count * cw, height: max(0, y - r.y))
        if let m = v.mark, m >= first, m < first + days.count {
            g.patch(Rect(x: x0 + (m - first) * cw, y: body.y, width: cw, height: body.height), with: .selected(focused: false))
        }
        if v.cursor >= first, v.cursor < first + days.count {
            g.patch(Rect(x: x0 + (v.cursor - first) * cw, y: body.y, width: cw, height: body.height), with: .selected())
        }
        return days.count
    }

    /// One day's bar: `usd` of `peak` over `rows` cells from the baseline, in eighths.
    static func column(_ usd: USD, of peak: USD, x: Int, width: Int = 1, baseline: Int, rows: Int, upward: Bool, role: Role,
                       into g: inout CellGrid) {
        guard rows > 0, usd > .zero, peak > .zero else { return }
        let eighths = max(1, Int((Int128(usd.micros) * Int128(rows * 8) + Int128(peak.micros / 2)) / Int128(peak.micros)))
        let shaded = g.glyphs.isShaded(role)
        for cell in 0 ..< rows {
            let level = min(8, eighths - cell * 8)
            guard level > 0 else { break }
            let glyph: Character
            if shaded { glyph = BarGlyphs.shadedColumn[level] }
            else if upward { glyph = Array("▁▂▃▄▅▆▇█")[level - 1] }
            else { glyph = level == 8 ? "█" : level >= 4 ? "▀" : "▔" }
            g.put(String(repeating: glyph, count: width), x: x, y: upward ? baseline - 1 - cell : baseline + cell, style: Style(role))
        }
    }

    /// `MM-DD` under Mondays (and the first day), as many as fit without touching.
    static func axis(_ days: [HistorySeries.Entry], x0: Int, cellsPerDay cw: Int, y: Int, clip: Rect, into g: inout CellGrid) {
        var free = x0
        for (k, e) in days.enumerated() where k == 0 || e.day.weekday == 0 {
            let label = String(e.day.description.dropFirst(5)), x = x0 + k * cw
            guard x >= free, x + 6 <= clip.maxX else { continue }
            g.put("╵" + label, x: x, y: y, style: Style(.axis), clip: clip)
            free = x + 7
        }
        if let last = days.last { g.put(String(last.day.description.prefix(4)), x: clip.x + 1, y: y, style: Style(.axis), clip: clip) }
    }

    /// The cumulative flow as a sparkline between its lowest and highest visible value.
    static func sparkline(_ values: [USD?], x: Int, cellsPerDay cw: Int, y: Int, into g: inout CellGrid) {
        guard let lo = values.compactMap({ $0 }).min(), let hi = values.compactMap({ $0 }).max() else { return }
        let levels = Array("▁▂▃▄▅▆▇█")
        for (k, value) in values.enumerated() {
            guard let v = value else { continue }
            let i = hi == lo ? 3 : Int(Int128((v - lo).micros) * 7 / Int128((hi - lo).micros))
            g.put(String(repeating: levels[i], count: cw), x: x + k * cw, y: y, style: Style(.inflow))
        }
    }

    /// The target range as a strip: `─` while it holds, `▼` on a cut, `▲` on a hike.
    static func rates(_ days: [HistorySeries.Entry], x0: Int, cellsPerDay cw: Int, y: Int, clip: Rect, into g: inout CellGrid) {
        let last = days.last { $0.targetRange != nil }?.targetRange
        g.put(last.map { "\($0.upper.formatted(fractionDigits: 2))%" } ?? "fed", x: clip.x + 1, y: y, style: .dim, clip: Rect(x: clip.x, y: y, width: gutter, height: 1))
        var previous: FixedDecimal?
        for (k, e) in days.enumerated() {
            guard let range = e.targetRange else { continue }
            let glyph = previous.map { range.upper < $0 ? "▼" : range.upper > $0 ? "▲" : "─" } ?? "─"
            g.put(glyph + String(repeating: "─", count: cw - 1), x: x0 + k * cw, y: y,
                  style: Style(glyph == "─" ? .dim : .warn, bold: glyph != "─"), clip: clip)
            previous = range.upper
        }
    }

    /// The next meeting's most likely range after `day`: `next FOMC 2026-01-28: 3.50-3.75 95.0%`.
    static func nextMeeting(_ series: HistorySeries, after day: Day?) -> String? {
        guard let day else { return nil }
        let ahead = series.odds.filter { $0.meeting > day }
        guard let meeting = ahead.map(\.meeting).min(),
              let best = ahead.filter({ $0.meeting == meeting }).max(by: { $0.probabilityPercent < $1.probabilityPercent }) else { return nil }
        return "next FOMC \(meeting): \(SafeText.clean(best.targetRange)) \(best.probabilityPercent)%"
    }

    static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// The cursor day's figures for the status line.
    static func figures(_ e: HistorySeries.Entry, assets: [EtfAsset]) -> String {
        var parts = ["\(e.day) \(weekdays[e.day.weekday])"]
        if e.totals.totalUSD > .zero {
            parts.append("long \(Figures.usd(e.totals.longUSD)) short \(Figures.usd(e.totals.shortUSD)) (\(e.totals.sharePercent(.short)) short)"
                + (e.hasOrders ? "" : " daily history"))
        } else {
            parts.append("no liquidations in the inputs")
        }
        let flows = assets.compactMap { a in e.etf[a].map { "\(a.rawValue) \(Figures.signedUSD($0))" } }
        parts.append(flows.isEmpty ? (e.day.isWeekend ? "ETF: no US trading" : "ETF: none") : "ETF " + flows.joined(separator: " "))
        if let r = e.targetRange { parts.append("fed \(r.lower.formatted(fractionDigits: 2))–\(r.upper.formatted(fractionDigits: 2))%") }
        if let s = e.signal { parts.append("▲ " + s) }
        return parts.joined(separator: " · ")
    }
}
