import LiqtopCore

/// Small horizontal and vertical bar glyphs. Bars of a role the grid's `BarGlyphs` shades are
/// drawn in shade glyphs, so without colour longs and shorts (inflows and outflows) still differ.
enum Bars {
    static let eighths: [Character] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]
    static let vertical: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// A long-vs-short share bar `width` cells wide: longs from the left, shorts to the right.
    static func share(_ t: SideTotals, width: Int, into g: inout CellGrid, x: Int, y: Int) {
        guard width > 0 else { return }
        let total = t.totalUSD.micros
        if total <= 0 {
            g.put(String(repeating: "·", count: width), x: x, y: y, style: .dim)
            return
        }
        let longCells = Int((Int128(t.longUSD.micros) * Int128(width) + Int128(total / 2)) / Int128(total))
        g.put(String(repeating: "█", count: longCells), x: x, y: y, style: Style(.long))
        let shortFill: Character = g.glyphs.isShaded(.short) ? BarGlyphs.shade : "█"
        g.put(String(repeating: shortFill, count: width - longCells), x: x + longCells, y: y, style: Style(.short))
    }

    /// A bar of `value / max` over `width` cells with eighth-cell resolution; for a role that
    /// `glyphs` shades, whole shade cells (at least one for any non-zero value).
    static func horizontal(_ value: Int64, max: Int64, width: Int, role: Role? = nil, glyphs: BarGlyphs = .colour) -> String {
        guard max > 0, width > 0, value > 0 else { return "" }
        if glyphs.isShaded(role) {
            let cells = Int((Int128(value) * Int128(width) + Int128(max / 2)) / Int128(max))
            return String(repeating: BarGlyphs.shade, count: Swift.max(1, Swift.min(width, cells)))
        }
        let eighthsTotal = Int((Int128(value) * Int128(width * 8) + Int128(max / 2)) / Int128(max))
        let full = min(width, eighthsTotal / 8)
        var s = String(repeating: "█", count: full)
        if full < width, eighthsTotal % 8 > 0 { s.append(eighths[eighthsTotal % 8]) }
        return s
    }

    /// One column glyph for `value / max` (at least a sliver for any non-zero value); for a role
    /// that `glyphs` shades, the level shows as shade density (`░▒▓`) instead of height.
    static func column(_ value: Int64, max: Int64, role: Role? = nil, glyphs: BarGlyphs = .colour) -> Character {
        guard max > 0, value > 0 else { return " " }
        let level = Swift.max(1, Swift.min(8, Int((Int128(value) * 8 + Int128(max - 1)) / Int128(max))))
        return glyphs.isShaded(role) ? BarGlyphs.shadedColumn[level] : vertical[level]
    }
}
