/// A scrolling table with a header row and a highlighted selection.
struct Column {
    var title: String
    /// 0 = take the remaining width.
    var width: Int
    var right = false

    init(_ title: String, _ width: Int, right: Bool = false) { self.title = title; self.width = width; self.right = right }
}

enum Table {
    /// `scroll`: the first row the level showed last; moved only as far as keeps `selected` in view.
    static func draw(_ columns: [Column], count: Int, selected: Int?, scroll: Int = 0, in r: Rect, into g: inout CellGrid,
                     row: (Int) -> [(String, Style)]) {
        guard r.height >= 1 else { return }
        // Each column and the gap after it; a width-0 column takes the rest (at least 4).
        let cells = r.split(.horizontal, columns.flatMap { [$0.width == 0 ? Constraint.min(4) : .fixed($0.width), .fixed(1)] })
        let widths = stride(from: 0, to: cells.count, by: 2).map { cells[$0].width }
        var x = r.x
        for (c, w) in zip(columns, widths) {
            g.put(c.right ? Fmt.lpad(c.title, w) : c.title, x: x, y: r.y, style: Style(.dim, underline: true), clip: r)
            x += w + 1
        }
        let rows = r.height - 1
        guard rows > 0 else { return }
        if selected != nil { g.listRows = rows }
        if count == 0 { g.put("nothing to show", x: r.x, y: r.y + 1, style: .dim, clip: r); return }
        let offset = ListView.follow(selected: selected ?? 0, scroll: scroll, count: count, rows: rows)
        for k in 0 ..< min(rows, count - offset) {
            let i = offset + k, y = r.y + 1 + k
            if selected != nil { g.hit(Rect(x: r.x, y: y, width: r.width, height: 1), .row(i)) }
            var x = r.x
            for ((text, style), (c, w)) in zip(row(i), zip(columns, widths)) {
                let clip = Rect(x: x, y: y, width: w, height: 1)
                if c.right { g.putRight(text, right: x + w, y: y, style: style, clip: clip) } else { g.put(text, x: x, y: y, style: style, clip: clip) }
                x += w + 1
            }
            if i == selected { g.patch(Rect(x: r.x, y: y, width: r.width, height: 1), with: .selected()) }
        }
        if count > rows {
            g.putRight(" \(offset + 1)–\(offset + min(rows, count - offset)) of \(Fmt.count(count)) ", right: r.maxX, y: r.y, style: .dim, clip: r)
        }
    }
}
