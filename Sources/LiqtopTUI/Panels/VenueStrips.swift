import LiqtopCore

/// Per venue, a row of open interest (or funding) over the day under the 24 h chart's time
/// axis: one glyph per column, the level between that row's own low and high (the table above
/// has the figures; the strips show when each venue's leverage built up or came off).
enum VenueStrips {
    /// Draws a titled block: the title row, then a row per day. Returns the rows used.
    @discardableResult
    static func draw<Value>(_ title: String, _ days: [VenueDay], _ value: (VenueDay) -> [Value?], scaled: (Value) -> Int128,
                            geo: MinuteChart.Geometry, labels: Rect, width: Int, into g: inout CellGrid) -> Int {
        guard !days.isEmpty else { return 0 }
        g.put(title, x: labels.x, y: labels.y, style: .dim, clip: Rect(x: labels.x, y: labels.y, width: width, height: 1))
        for (k, day) in days.enumerated() {
            let y = labels.y + 1 + k
            g.put(day.venue.rawValue, x: labels.x, y: y, style: Style(.text, bold: true), clip: Rect(x: labels.x, y: y, width: max(labels.width, geo.x - labels.x) - 1, height: 1))
            let samples = value(day).map { $0.map(scaled) }
            let known = samples.compactMap { $0 }
            guard let low = known.min(), let high = known.max() else { continue }
            var line = ""
            for col in geo.x ..< labels.x + width {
                guard let b = geo.bucket(at: col, count: samples.count), let v = samples[b] else { line.append(" "); continue }
                let level = high == low ? 4 : 1 + Int((v - low) * 7 / (high - low))
                line.append(Bars.vertical[level])
            }
            g.put(line, x: geo.x, y: y, style: Style(.title), clip: Rect(x: geo.x, y: y, width: labels.x + width - geo.x, height: 1))
        }
        return days.count + 1
    }
}
