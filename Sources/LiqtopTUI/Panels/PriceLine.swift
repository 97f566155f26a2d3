import LiqtopCore

/// A price as a braille line: one point per sample, consecutive points joined, between the
/// samples' lowest and highest value (exact: compared as integers at a common scale).
enum PriceLine {
    /// `points`: (dot column from `rect.x`, value); drawn in `style`. Returns the low and high.
    @discardableResult
    static func draw(_ points: [(dot: Int, value: FixedDecimal)], in rect: Rect, style: Style, into g: inout CellGrid)
        -> (low: FixedDecimal, high: FixedDecimal)? {
        guard rect.width > 0, rect.height > 0, let low = points.map(\.value).min(), let high = points.map(\.value).max() else { return nil }
        let rows = rect.height * 4
        let lo = low.scaled(to: 8), span = high.scaled(to: 8) - lo
        var dots = [[UInt32]](repeating: [UInt32](repeating: 0, count: rect.width), count: rect.height)
        func set(_ dot: Int, _ row: Int) {
            let col = dot / 2
            guard col >= 0, col < rect.width, row >= 0, row < rows else { return }
            dots[row / 4][col] |= MinuteChart.bit(row % 4, dot % 2)
        }
        var previous: (dot: Int, row: Int)?
        for p in points {
            // Row 0 is the top: the highest value.
            let row = span == 0 ? rows / 2 : rows - 1 - Int((p.value.scaled(to: 8) - lo) * Int128(rows - 1) / span)
            if let q = previous {
                // Join: step the column, then fill the rows between, so a jump stays connected.
                for d in q.dot ... max(q.dot, p.dot) { set(d, q.row) }
                for r in min(q.row, row) ... max(q.row, row) { set(p.dot, r) }
            }
            set(p.dot, row)
            previous = (p.dot, row)
        }
        for r in 0 ..< rect.height {
            for c in 0 ..< rect.width where dots[r][c] != 0 {
                g.put(String(Character(Unicode.Scalar(0x2800 + dots[r][c])!)), x: rect.x + c, y: rect.y + r, style: style)
            }
        }
        return (low, high)
    }

    /// The close of the last minute in each of `chart`'s buckets, at the bucket's last dot.
    static func points(_ minutes: [PriceMinute], _ chart: ChartSeries, _ geo: MinuteChart.Geometry) -> [(dot: Int, value: FixedDecimal)] {
        var out: [(dot: Int, value: FixedDecimal)] = []
        var k = 0
        for i in chart.buckets.indices {
            let end = chart.bucketStart(i) + chart.bucketDuration
            var close: FixedDecimal?
            while k < minutes.count, minutes[k].start < end {
                if minutes[k].start >= chart.bucketStart(i) { close = minutes[k].close }
                k += 1
            }
            if let close { out.append((i * geo.dotsPerBucket + geo.dotsPerBucket - 1, close)) }
        }
        return out
    }
}
