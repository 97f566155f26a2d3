import LiqtopCore

/// The alert list (`a`) and the alert strip under the header.
enum AlertsView {
    static func list(_ s: Snapshot, _ sel: Int, _ r: Rect, _ g: inout CellGrid, scroll: Int = 0) {
        g.put("no alert has fired", x: r.x + 1, y: r.y + 1, style: .dim, clip: r)
    }
}
