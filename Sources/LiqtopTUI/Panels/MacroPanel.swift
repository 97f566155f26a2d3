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
        // The note gets what rates and odds leave.
        let reserved = (rates == nil ? 0 : 1) + min(odds.count, 3)
        if let n = s.macro.latestNote {
            g.put(Fmt.dateTime(n.time) + " · " + n.source, x: area.x, y: y, style: Style(.dim), clip: area)
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
        for line in odds where y < area.maxY {
            g.put(line, x: area.x, y: y, style: .text, clip: area)
            y += 1
        }
        if focused { g.patch(Rect(x: area.x, y: area.y, width: area.width, height: 1), with: .selected()) }
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
