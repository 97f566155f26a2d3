import LiqtopCore

/// Two days compared: their cumulative liquidations as curves on one time-of-day axis (or on
/// each cascade's onset), each as a share of its own day's total (or on one USD scale), and
/// below them `compare`'s table, line for line as `liqtop compare` prints it.
enum CompareView {
    static let gutter = 8

    static func draw(_ a: DayFigures, _ b: DayFigures, _ v: ArchiveViewState, in r: Rect, into g: inout CellGrid) {
        var y = r.y
        let scale = v.usdScale ? "on one USD scale (s: each day's share)" : "as each day's share of its total (s: USD)"
        let axisName = v.aligned ? "hours from each cascade's onset (a: clock time)" : "by UTC time of day (a: on onset)"
        g.put("Cumulative liquidations " + scale + ", " + axisName, x: r.x + 1, y: y, style: Style(.title, bold: true), clip: r)
        y += 1
        let tableLines = table(a, b)
        let chartRows = max(3, min(r.height * 2 / 5, r.height - 3 - min(tableLines.count, 12)))
        let chart = Rect(x: r.x + gutter, y: y, width: max(1, r.width - gutter - 1), height: chartRows)
        let top = v.usdScale ? max(a.totals.totalUSD, b.totals.totalUSD) : .zero
        g.put(v.usdScale ? Figures.usd(top) : "100%", x: r.x + 1, y: y, style: Style(.axis), clip: r)
        g.put(v.usdScale ? "$0" : "0%", x: r.x + 1, y: y + chartRows - 1, style: Style(.axis), clip: r)
        var dots = [[UInt32]](repeating: [UInt32](repeating: 0, count: chart.width), count: chartRows)
        var owner = [[Int]](repeating: [Int](repeating: 0, count: chart.width), count: chartRows)
        for (k, f) in [a, b].enumerated() where !f.cumulative.isEmpty {
            let total = v.usdScale ? top : f.totals.totalUSD
            guard total > .zero else { continue }
            let onset = f.onsetMinute ?? 0
            var previous: Int?
            for dot in 0 ..< chart.width * 2 {
                // The minute this dot column stands for: 1,440 minutes across the chart.
                let offset = dot * 1_440 / (chart.width * 2)
                let minute = v.aligned ? onset - 720 + offset : offset
                let value: USD = minute < 0 ? .zero : minute >= 1_440 ? f.cumulative[1_439] : f.cumulative[minute]
                let level = min(chartRows * 4 - 1, Int(Int128(value.micros) * Int128(chartRows * 4 - 1) / Int128(total.micros)))
                // A steep rise is drawn as a line up the column, not as scattered dots.
                for l in min(previous ?? level, level) ... level where l >= 0 {
                    let row = chartRows - 1 - l / 4, sub = 3 - l % 4
                    dots[row][dot / 2] |= MinuteChart.bit(sub, dot % 2)
                    owner[row][dot / 2] |= 1 << k
                }
                previous = level + 1
            }
        }
        for row in 0 ..< chartRows {
            for c in 0 ..< chart.width where dots[row][c] != 0 {
                let role: Role = owner[row][c] == 1 ? .focus : owner[row][c] == 2 ? .warn : .text
                g.put(String(Character(Unicode.Scalar(0x2800 + dots[row][c])!)), x: chart.x + c, y: chart.y + row, style: Style(role))
            }
        }
        y += chartRows
        axis(aligned: v.aligned, chart: chart, y: y, into: &g)
        y += 1
        var x = r.x + 1
        x += g.put("━ \(a.day)", x: x, y: y, style: Style(.focus, bold: true), clip: r) + 2
        x += g.put("━ \(b.day)", x: x, y: y, style: Style(.warn, bold: true), clip: r) + 2
        if v.aligned {
            g.put("onsets \(CompareTable.onset(a)) and \(CompareTable.onset(b))", x: x, y: y, style: .dim, clip: r)
        }
        y += 1
        for line in tableLines where y < r.maxY {
            let section = ["By venue", "Top coins", "ETF net flow"].contains { line.hasPrefix($0) }
            g.put(line, x: r.x + 1, y: y, style: Style(.text, bold: section), clip: r)
            y += 1
        }
    }

    /// `compare`'s table without its title lines.
    static func table(_ a: DayFigures, _ b: DayFigures) -> [String] {
        Array(CompareTable.render(a, b).split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2).map(String.init))
    }

    /// Ticks every 3 h (6 h when narrow): `03:00`, or `-6h`, `onset`, `+6h` when aligned.
    static func axis(aligned: Bool, chart: Rect, y: Int, into g: inout CellGrid) {
        let step = chart.width >= 100 ? 180 : 360
        var free = chart.x
        for m in stride(from: 0, through: 1_440, by: step) {
            let col = chart.x + m * chart.width / 1_440
            let label = aligned ? (m == 720 ? "onset" : (m < 720 ? "-" : "+") + "\(abs(m - 720) / 60)h") : Figures.minuteOfDay(m)
            guard col >= free, col + label.count + 1 <= chart.maxX + 1 else { continue }
            g.put("╵" + label, x: col, y: y, style: Style(.axis))
            free = col + label.count + 2
        }
    }
}
