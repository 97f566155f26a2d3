import LiqtopCore

/// Per-minute liquidations as a braille chart: shorts grow up from the middle, longs down.
/// Each glyph packs two minutes side by side and four dot rows, so a 60-column chart shows
/// two hours at one sample per minute.
enum MinuteChart {
    /// Draws the latest minutes of `series` that fit in `rect`; returns the minutes shown.
    @discardableResult
    static func draw(_ series: MinuteSeries, in rect: Rect, into g: inout CellGrid,
                     isGap: (Millis) -> Bool = { _ in false }) -> Int {
        guard rect.width >= 4, rect.height >= 2, !series.buckets.isEmpty else { return 0 }
        let samples = min(series.buckets.count, rect.width * 2)
        let data = series.buckets.suffix(samples)
        let upRows = rect.height / 2 + rect.height % 2, downRows = rect.height / 2
        let peak = data.reduce(Int64(0)) { max($0, $1.shortUSD.micros, $1.longUSD.micros) }
        var dots = [[UInt32]](repeating: [UInt32](repeating: 0, count: rect.width), count: rect.height)
        for (k, b) in data.enumerated() {
            // Right-aligned: the newest minute is the right dot column of the last glyph.
            let fromNewest = samples - 1 - k
            let col = rect.width - 1 - fromNewest / 2
            let sub = 1 - fromNewest % 2
            let up = scaled(b.shortUSD.micros, peak, upRows * 4)
            for d in 0 ..< up { // from the middle upwards
                let row = upRows - 1 - d / 4, dotRow = 3 - d % 4
                dots[row][col] |= bit(dotRow, sub)
            }
            let down = scaled(b.longUSD.micros, peak, downRows * 4)
            for d in 0 ..< down {
                let row = upRows + d / 4, dotRow = d % 4
                dots[row][col] |= bit(dotRow, sub)
            }
        }
        // Minutes in which a feed was down are shaded, not drawn as zero.
        var gapColumns = Set<Int>()
        for k in 0 ..< samples {
            let minuteStart = series.start + Millis(series.buckets.count - samples + k) * Duration.minute
            if isGap(minuteStart) { gapColumns.insert(rect.width - 1 - (samples - 1 - k) / 2) }
        }
        for c in gapColumns where c >= 0 && c < rect.width {
            for r in 0 ..< rect.height { dots[r][c] = 0; g.put("░", x: rect.x + c, y: rect.y + r, style: .dim) }
        }
        for r in 0 ..< rect.height {
            let style = Style(r < upRows ? .short : .long)
            for c in 0 ..< rect.width where dots[r][c] != 0 {
                g.put(String(Character(Unicode.Scalar(0x2800 + dots[r][c])!)), x: rect.x + c, y: rect.y + r, style: style)
            }
        }
        return samples
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
