import LiqtopCore

/// The macro-rate backdrop: the latest note, the fed funds target and effective rate, cut odds.
enum MacroPanel {
    static func draw(_ s: Snapshot, _ v: ViewState, in r: Rect, into g: inout CellGrid) {
        let focused = v.focus == .macro
        g.box(r, title: "3 Macro", style: Style(focused ? .focus : .border), titleStyle: Style(focused ? .focus : .title, bold: true))
        let area = Rect(x: r.x + 2, y: r.y + 1, width: r.width - 4, height: r.height - 2)
        guard !area.isEmpty else { return }
        var y = area.y
        let rates = ratesLine(s.macro)
        let odds = oddsLines(s.macro)
        // The note gets what rates, the rate path and odds leave; the path shows where there is room.
        let path = area.height >= 12 && s.macro.ratePath.count >= 2
        let reserved = (rates == nil ? 0 : 1) + min(odds.count, 3) + (path ? 1 : 0)
        if let n = s.macro.latestNote {
            g.put(Fmt.dateTime(n.time, v.zone) + " · " + n.source, x: area.x, y: y, style: Style(.dim), clip: area)
            y += 1
            let room = max(1, area.maxY - y - reserved)
            let lines = Fmt.wrap(n.text, width: area.width)
            for (k, line) in lines.prefix(room).enumerated() {
                let last = k == room - 1 && lines.count > room
                g.put(last ? String(line.prefix(max(0, area.width - 1))) + "…" : line, x: area.x, y: y, style: .text, clip: area)
                y += 1
            }
        } else {
            g.put("no macro notes loaded", x: area.x, y: y, style: .dim, clip: area)
            y += 1
        }
        if let rates, y < area.maxY {
            g.put(rates, x: area.x, y: y, style: Style(.title), clip: area)
            y += 1
        }
        if path, y < area.maxY {
            drawPath(s.macro.ratePath, Rect(x: area.x, y: y, width: area.width, height: 1), &g)
            y += 1
        }
        for line in odds where y < area.maxY {
            g.put(line, x: area.x, y: y, style: .text, clip: area)
            y += 1
        }
        if focused { g.patch(Rect(x: area.x, y: area.y, width: area.width, height: 1), with: .selected()) }
    }

    /// `DFF 90d ▇▇▇▇▇▁▁▁ 3.89% → 3.64%`: the whole path, one cell per observation, or per run of
    /// consecutive observations (its last value) when they do not fit, so the cells span the
    /// days the label and the end figures name; the height between the path's lowest and
    /// highest value; the figures are `rate_path`'s.
    static func drawPath(_ points: [RatePoint], _ r: Rect, _ g: inout CellGrid) {
        guard let first = points.first, let last = points.last else { return }
        let label = "\(first.series) \(MacroSummary.pathDays)d "
        let ends = " \(first.value)% → \(last.value)%" // as `rate_path` writes them
        let room = max(0, r.width - TextWidth.of(label) - TextWidth.of(ends))
        let shown = room >= points.count ? points : (0 ..< room).map { c in points[((c + 1) * points.count - 1) / room] }
        // Exact: values on a common scale of 10^-6 %, heights in eighths of the path's range.
        let values = shown.map { $0.value.scaled(to: 6) }
        let lo = values.min() ?? 0, span = (values.max() ?? 0) - lo
        var x = r.x + g.put(label, x: r.x, y: r.y, style: .dim, clip: r)
        for v in values {
            let level = span == 0 ? 4 : Int((v - lo) * 7 / span) + 1
            x += g.put(String(Bars.vertical[max(1, min(8, level))]), x: x, y: r.y, style: Style(.axis), clip: r)
        }
        g.put(ends, x: x, y: r.y, style: Style(.title), clip: r)
    }

    static func ratesLine(_ m: MacroSummary) -> String? {
        let r = m.rates
        if let lo = r["DFEDTARL"], let hi = r["DFEDTARU"] {
            return "Fed funds \(lo.value.formatted(fractionDigits: 2))–\(hi.value.formatted(fractionDigits: 2))%"
                + (r["DFF"].map { " · effective \($0.value.formatted(fractionDigits: 2))% (\(Fmt.shortDay($0.day)))" } ?? "")
        }
        return r["DFF"].map { "Effective fed funds \($0.value.formatted(fractionDigits: 2))% (\(Fmt.shortDay($0.day)))" }
    }

    /// One line per meeting: its ranges by probability, most likely first.
    static func oddsLines(_ m: MacroSummary) -> [String] {
        var meetings: [Day: [CutOdds]] = [:]
        for o in m.odds { meetings[o.meeting, default: []].append(o) }
        return meetings.keys.sorted().map { day in
            let parts = meetings[day]!.sorted { $0.probabilityPercent > $1.probabilityPercent }
                .map { "\($0.targetRange) \($0.probabilityPercent)%" } // as published, as `summary` prints it
            return "\(Fmt.shortDay(day)) meeting: " + parts.joined(separator: " · ")
        }
    }
}
