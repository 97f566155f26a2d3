import LiqtopCore

/// The `liqtop history` frame as a pure function of the series and the view state: a header,
/// the history or compare view, two status rows (the cursor day's figures, the keys), `?` help.
public enum ArchiveRenderer {
    public static let keys: [(String, String)] = [
        ("← → h l", "previous / next day"), ("PgUp PgDn", "a page of days"), ("Home End", "first / last day"),
        ("click", "a day"), ("m", "mark the day (c compares with it)"),
        ("c", "compare the day with the mark (or the biggest day); again: back"),
        ("a", "compare: align on each cascade's onset / clock time"), ("s", "compare: USD / each day's share"),
        ("Enter", "replay the day"), ("Esc", "back, clear the mark, quit"), ("?", "this help"), ("q", "quit"),
    ]

    public static func render(_ model: ArchiveModel, _ v: inout ArchiveViewState, source: String, width: Int, height: Int,
                              glyphs: BarGlyphs = .colour) -> CellGrid {
        let series = model.series
        var g = CellGrid(width: width, height: height, style: Style(.background), glyphs: glyphs)
        guard width >= Renderer.minimumWidth, height >= Renderer.minimumHeight else {
            Renderer.tooSmall(width, height, &g)
            return g
        }
        g.fill(g.bounds, style: .text)
        let header = Rect(x: 0, y: 0, width: width, height: 1)
        g.fill(header, style: Style(.text, on: .bar))
        var x = 1
        x += g.put("liqtop", x: x, y: 0, style: Style(.title, bold: true), clip: header) + 2
        let span = series.entries.first.map { "\($0.day) – \(series.entries.last!.day) · \(series.entries.count) days" } ?? "no days"
        x += g.put(span, x: x, y: 0, style: Style(.text, bold: true), clip: header) + 2
        g.put(source, x: x, y: 0, style: .dim, clip: header)
        g.patch(header, with: .on(.bar))

        let body = Rect(x: 0, y: 1, width: width, height: height - 3)
        var hints = "←→ day · m mark · c compare · Enter replay · ? help · q quit"
        switch v.mode {
        case .history:
            v.visibleDays = HistoryView.draw(series, v, in: body, into: &g)
        case .compare(let i, let j):
            if let fa = model.figures(series.entries[i].day), let fb = model.figures(series.entries[j].day) {
                CompareView.draw(fa, fb, v, in: body, into: &g)
            }
            hints = "a align · s scale · c or Esc back · ? help · q quit"
        }
        let status = Rect(x: 0, y: height - 2, width: width, height: 2)
        g.fill(status, style: Style(.text, on: .bar))
        if series.entries.indices.contains(v.cursor) {
            let e = series.entries[v.cursor]
            let line: String
            if case .compare(let i, let j) = v.mode {
                line = "\(series.entries[i].day) with \(series.entries[j].day)"
            } else {
                line = HistoryView.figures(e, assets: series.assets) + (v.mark.map { " · mark \(series.entries[$0].day)" } ?? "")
            }
            g.put(" " + line, x: 0, y: status.y, style: Style(.text, bold: true), clip: status)
        }
        g.put(" " + (v.message ?? hints), x: 0, y: status.y + 1, style: Style(v.message == nil ? .dim : .warn), clip: status)
        g.patch(status, with: .on(.bar))
        if v.showHelp { help(in: g.bounds, into: &g) }
        return g
    }

    static func help(in screen: Rect, into g: inout CellGrid) {
        let keyWidth = keys.map { TextWidth.of($0.0) }.max() ?? 8
        let width = min(screen.width - 4, keyWidth + 3 + (keys.map { TextWidth.of($0.1) }.max() ?? 30) + 4)
        let height = min(screen.height - 2, keys.count + 4)
        let box = Rect(x: (screen.width - width) / 2, y: (screen.height - height) / 2, width: width, height: height)
        g.fill(box, style: Style(.text, on: .bar))
        g.put(" History keys (Esc or ? closes) ", x: box.x + 2, y: box.y, style: Style(.title, bold: true), clip: box)
        for (k, (key, what)) in keys.enumerated() where box.y + 2 + k < box.maxY - 1 {
            g.put(key, x: box.x + 2, y: box.y + 2 + k, style: Style(.focus, bold: true), clip: box)
            g.put(what, x: box.x + 2 + keyWidth + 3, y: box.y + 2 + k, style: .text, clip: box)
        }
        g.patch(box, with: .on(.bar))
    }
}
