@testable import LiqtopTUI
import LiqtopCore
import Testing

/// The macro panel's rate-path sparkline spans the days its label names, at any width.
@Suite struct RatePathTests {
    /// 40 observations: 10 at 3.89 %, then 30 at 3.64 % (the demo's December cut).
    static let path: [RatePoint] = (0 ..< 40).map { k in
        RatePoint(day: Day(year: 2025, month: 11, day: 1)!.advanced(by: k), series: "DFF",
                  value: k < 10 ? FixedDecimal(mantissa: 389, scale: 2)! : FixedDecimal(mantissa: 364, scale: 2)!)
    }

    static func cells(width: Int) -> [Character] {
        var g = CellGrid(width: width, height: 1)
        MacroPanel.drawPath(path, Rect(x: 0, y: 0, width: width, height: 1), &g)
        let line = g.line(0)
        let label = "DFF \(MacroSummary.pathDays)d "
        return Array(line.dropFirst(label.count).prefix { $0 != " " })
    }

    @Test func everyObservationHasACellWhenThereIsRoom() {
        let bars = Self.cells(width: 80)
        #expect(bars.count == 40)
        #expect(bars.prefix(10).allSatisfy { $0 == "█" } && bars.suffix(30).allSatisfy { $0 == "▁" })
    }

    /// Narrower than the path, the cells stood for its latest observations only: a flat line
    /// beside "3.89% → 3.64%". Now each cell is a run of days, ending on the latest.
    @Test func aNarrowPathStillShowsTheWholeFall() {
        let bars = Self.cells(width: 8 + 14 + 20) // label, 20 cells, " 3.89% → 3.64%"
        #expect(bars.count == 20)
        #expect(bars.first == "█", "the path starts high: \(String(bars))")
        #expect(bars.last == "▁")
        #expect(bars.filter { $0 == "█" }.count == 5, "a quarter of the path was at 3.89 %: \(String(bars))")
    }
}
