import LiqtopCore

/// The alert strip under the header (the latest alert, its age on the data's clock) and the
/// alert list (`a`): every alert that fired, newest first.
enum AlertsView {
    static func strip(_ a: Alert, _ v: ViewState, _ chrome: ChromeInfo, now: Millis, in r: Rect, into g: inout CellGrid) {
        let style = Style(.warn, bold: true, reverse: chrome.flash)
        g.fill(r, style: chrome.flash ? style : .text)
        var x = r.x + 1
        x += g.put("⚑ " + Fmt.time(a.time, v.zone) + " ", x: x, y: r.y, style: style, clip: r)
        x += g.put(a.text, x: x, y: r.y, style: chrome.flash ? style : Style(.warn), clip: r)
        x += g.put("  " + a.rule + " · " + age(now - a.time), x: x, y: r.y, style: .dim, clip: r)
        let right = (v.alertCount > 1 ? "\(Fmt.count(v.alertCount)) alerts · " : "") + "a list" + (chrome.alertsMuted ? " · muted (m)" : "")
        if x + TextWidth.of(right) + 2 < r.maxX { g.putRight(right + " ", right: r.maxX, y: r.y, style: chrome.alertsMuted ? Style(.warn) : .dim, clip: r) }
    }

    /// `12s ago`, `4m ago`, `2h 5m ago`; `now` for an alert at (or, after a seek, past) the clock.
    static func age(_ ms: Millis) -> String {
        guard ms >= Duration.second else { return "now" }
        if ms < Duration.minute { return "\(ms / Duration.second)s ago" }
        if ms < Duration.hour { return "\(ms / Duration.minute)m ago" }
        let m = ms / Duration.minute
        return "\(m / 60)h \(m % 60)m ago"
    }

    static func list(_ s: Snapshot, _ v: ViewState, _ sel: Int, _ r: Rect, _ g: inout CellGrid, scroll: Int = 0) {
        guard !v.alerts.isEmpty else {
            g.put("no alert has fired yet · rules come from the config's [[alerts]] (liqtop config --default)", x: r.x + 1, y: r.y + 1, style: .dim, clip: r)
            return
        }
        let head = v.alertCount > v.alerts.count ? " · the newest \(Fmt.count(v.alerts.count)) of \(Fmt.count(v.alertCount))" : ""
        let (title, table) = r.splitTop(1)
        g.put("\(Fmt.count(v.alertCount)) alerts, newest first\(head) · the same as `liqtop alerts` prints", x: title.x, y: title.y, style: .dim, clip: title)
        Table.draw([Column("time", 8), Column("rule", 24), Column("alert", 0)], count: v.alerts.count, selected: sel, scroll: scroll,
                   in: table, into: &g) { i in
            let a = v.alerts[i]
            return [(Fmt.time(a.time, v.zone), .dim), (a.rule, .text), (a.text, Style(.warn))]
        }
    }
}
