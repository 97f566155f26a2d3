import LiqtopCore

/// A window's chart buckets as braille: shorts grow up from the middle, longs down. The whole
/// window is drawn, each bucket `dotsPerBucket` dot columns wide (two per cell), right-aligned
/// so the newest bucket ends at the right edge.
enum MinuteChart {
    struct Geometry {
        /// The chart's first cell column and dot columns per bucket.
        var x: Int
        var dotsPerBucket: Int
        /// The cell column of bucket `i`'s first dot.
        func column(of i: Int) -> Int { x + i * dotsPerBucket / 2 }
        /// The bucket under cell column `col` (its left dot), if any.
        func bucket(at col: Int, count: Int) -> Int? {
            guard col >= x else { return nil }
            let i = (col - x) * 2 / dotsPerBucket
            return i < count ? i : nil
        }
    }

    /// How the chart fits `width` cells: as many dots per bucket as fit, at least one.
    static func geometry(_ chart: ChartSeries, in rect: Rect) -> Geometry {
        let n = max(1, chart.buckets.count)
        let k = max(1, rect.width * 2 / n)
        let cells = (n * k + 1) / 2
        return Geometry(x: rect.x + max(0, rect.width - cells), dotsPerBucket: k)
    }

    /// Draws `chart` in `rect`; `isGap(from, to)` shades buckets in which a feed was down;
    /// `cursor` sits on the `selection` background, its dots in their colours.
    @discardableResult
    static func draw(_ chart: ChartSeries, in rect: Rect, into g: inout CellGrid, cursor: Int? = nil,
                     isGap: (Millis, Millis) -> Bool = { _, _ in false }) -> Geometry {
        let geo = geometry(chart, in: rect)
        guard rect.width >= 4, rect.height >= 2, !chart.buckets.isEmpty else { return geo }
        let upRows = rect.height / 2 + rect.height % 2, downRows = rect.height / 2
        let peak = chart.scale.micros
        let width = rect.maxX - geo.x
        var dots = [[UInt32]](repeating: [UInt32](repeating: 0, count: max(0, width)), count: rect.height)
        for (i, b) in chart.buckets.enumerated() {
            let up = scaled(b.shortUSD.micros, peak, upRows * 4)
            let down = scaled(b.longUSD.micros, peak, downRows * 4)
            for d in 0 ..< geo.dotsPerBucket {
                let dot = i * geo.dotsPerBucket + d
                let col = dot / 2, sub = dot % 2
                guard col < width else { continue }
                for u in 0 ..< up { dots[upRows - 1 - u / 4][col] |= bit(3 - u % 4, sub) }
                for l in 0 ..< down { dots[upRows + l / 4][col] |= bit(l % 4, sub) }
            }
        }
        for r in 0 ..< rect.height {
            let style = Style(r < upRows ? .short : .long)
            for c in 0 ..< width where dots[r][c] != 0 {
                g.put(String(Character(Unicode.Scalar(0x2800 + dots[r][c])!)), x: geo.x + c, y: rect.y + r, style: style)
            }
        }
        // Buckets in which a feed was down are shaded, not drawn as zero.
        for i in chart.buckets.indices where isGap(chart.bucketStart(i), chart.bucketStart(i) + chart.bucketDuration) {
            let from = geo.column(of: i), to = max(from + 1, geo.column(of: i + 1))
            for c in from ..< min(to, rect.maxX) { for r in 0 ..< rect.height { g.put("░", x: c, y: rect.y + r, style: .dim) } }
        }
        if let cursor, chart.buckets.indices.contains(cursor) {
            let from = geo.column(of: cursor), to = max(from + 1, geo.column(of: cursor + 1))
            g.patch(Rect(x: from, y: rect.y, width: min(to, rect.maxX) - from, height: rect.height), with: .selected())
        }
        return geo
    }

    /// Labels at round times under the chart (`21:00`), as many as fit without touching.
    /// Ticks at round times of `zone` (a +05:30 zone's hours fall on UTC half hours).
    static func timeAxis(_ chart: ChartSeries, _ geo: Geometry, in r: Rect, into g: inout CellGrid, zone: DisplayZone = .utc) {
        guard !chart.buckets.isEmpty, r.height > 0 else { return }
        // Integer layout: minute m from the start is dot m·k / bucketMinutes, two dots a cell.
        let k = geo.dotsPerBucket, size = chart.bucketMinutes
        let step = [5, 10, 15, 30, 60, 120, 180, 360, 720].first { $0 * k >= 14 * size } ?? 720 // 7 cells: a label and a gap
        let stepMs = Millis(step) * Duration.minute
        let end = chart.bucketStart(chart.buckets.count)
        let shift = zone.offset(at: chart.start)
        var t = chart.start + (stepMs - ((chart.start + shift) % stepMs + stepMs) % stepMs) % stepMs
        var free = r.x
        while t < end {
            let col = geo.x + Int((t - chart.start) / Duration.minute) * k / size / 2
            let label = ISOTime.clock(zone.local(t), seconds: false)
            if col >= free, col + 5 <= r.maxX {
                g.put("╵" , x: col, y: r.y, style: Style(.axis), clip: r)
                g.put(label, x: col + 1, y: r.y, style: Style(.axis), clip: r)
                free = col + 7
            }
            t += stepMs
        }
    }

    static func scaled(_ v: Int64, _ peak: Int64, _ dots: Int) -> Int {
        guard peak > 0, v > 0 else { return 0 }
        return max(1, Int((Int128(v) * Int128(dots) + Int128(peak / 2)) / Int128(peak)))
    }

    /// Braille dot bit for dot row 0...3 (top to bottom) in the left (0) or right (1) column.
    static func bit(_ row: Int, _ column: Int) -> UInt32 {
        let left: [UInt32] = [0x01, 0x02, 0x04, 0x40], right: [UInt32] = [0x08, 0x10, 0x20, 0x80]
        return column == 0 ? left[row] : right[row]
    }
}
