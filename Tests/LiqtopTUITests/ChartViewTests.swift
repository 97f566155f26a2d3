import LiqtopCore
@testable import LiqtopTUI
import Testing

/// Time you can read: the chart spans the selected window with a time axis and a scale, its
/// peak and cursor figures are `summary`'s, and 80×24 keeps the chart, coins and tape in reach.
@Suite struct ChartViewTests {
    static func lines(_ g: CellGrid) -> [String] { g.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    /// The labels of the time-axis row: `╵HH:MM` (in the Liquidations panel: the ETF panel beside
    /// it has date ticks).
    static func axisLabels(_ g: CellGrid) -> [String] {
        let panel = g.width >= 110 ? g.width * 3 / 5 : g.width
        guard let row = lines(g).map({ String($0.prefix(panel)) }).first(where: { $0.contains("╵") }) else { return [] }
        return row.split(separator: "╵").dropFirst().map { String($0.prefix(5)) }
    }

    @Test(arguments: [(80, 24), (120, 40), (200, 60)])
    func timeAxisUnderTheChart(_ w: Int, _ h: Int) async {
        let s = await DemoFixture.snapshot()
        var v = ViewState()
        for window in Window.allCases {
            v.window = window
            let g = Renderer.render(s, v, DemoFixture.chrome, width: w, height: h)
            let labels = Self.axisLabels(g)
            #expect(labels.count >= 3, "\(w)×\(h) \(window): \(labels)")
            #expect(labels.allSatisfy { $0.count == 5 && $0.dropFirst(2).first == ":" && ($0.hasSuffix("0") || $0.hasSuffix("5")) }, "\(labels)") // whole 5 minutes
            let text = g.text
            let chart = ChartSeries(s.minutes, window: window, clock: s.clock)
            let peak = chart.peak!
            #expect(text.contains("per \(chart.bucketMinutes) min, \(window.rawValue)"), "\(w)×\(h) \(window)")
            #expect(text.contains("peak \(peak.totals.totalUSD.compact(decimals: 2)) at \(ISOTime.clock(chart.bucketStart(peak.index), seconds: false))"),
                    "\(w)×\(h) \(window)")
            #expect(text.contains(Fmt.usd(chart.scale)), "the value scale")
        }
    }

    /// `w` to 1 h, `c`, then ← to the peak: the cursor says 23:17, $9.69M, and the $8.42M order.
    @Test func cursorOnThePeakMinute() async {
        let store = await DemoFixture.store()
        var v = ViewState()
        _ = await DemoFixture.press([.char("w"), .char("c")], &v, store: store)
        #expect(v.window == .h1 && v.chartCursor != nil)
        let s = await DemoFixture.press(Array(repeating: .left, count: 42), &v, store: store)
        let text = Renderer.render(s, v, DemoFixture.chrome, width: 200, height: 60).text
        #expect(text.contains("23:17–23:18  ▲ $9.69M  ▼ $1.54k  61 orders  largest $8.42M bybit BTC short"), "\(text)")
        #expect(s.spanLargest?.usd.compact(decimals: 2) == "$8.42M")
        // ← with the cursor on moves the cursor, not the replay; Esc turns it off.
        #expect(v.handle(.left, snapshot: s).isEmpty)
        _ = v.handle(.escape, snapshot: s)
        #expect(v.chartCursor == nil && v.isDashboard)
        #expect(v.handle(.left, snapshot: s) == [.replay(.seek(by: -Duration.minute))])
    }

    /// A cursor keeps its moment when the window changes, realigned to the new bucket size.
    @Test func cursorFollowsTheWindow() async {
        let s = await DemoFixture.snapshot()
        var v = ViewState()
        v.window = .h1
        v.chartCursor = Day(containing: s.clock).start + 23 * Duration.hour + 17 * Duration.minute
        _ = v.handle(.char("w"), snapshot: s) // 4 h: 3-minute buckets
        #expect(v.chartCursor == Day(containing: s.clock).start + 23 * Duration.hour + 15 * Duration.minute)
        #expect(v.storeFocus.span == v.chartCursor! ... v.chartCursor! + 3 * Duration.minute - 1)
    }

    /// At 80×24 the chart, the price, the coins and the tape take turns below the totals (`x`).
    @Test func smallScreensSwitchPanes() async {
        let s = await DemoFixture.snapshot()
        var v = ViewState()
        var text = Renderer.render(s, v, DemoFixture.chrome, width: 80, height: 24).text
        #expect(text.contains("chart price coins tape") && text.contains("per 15 min, 24h"))
        // The price tab: the chart over the whole panel, its price band half the plot, the totals aside.
        _ = v.handle(.char("x"), snapshot: s)
        text = Renderer.render(s, v, DemoFixture.chrome, width: 80, height: 24).text
        #expect(text.contains("per 15 min, 24h") && text.contains("96,982.3") && text.contains("90,575.4") && !text.contains("$577.0M"), "\(text)")
        _ = v.handle(.char("x"), snapshot: s)
        text = Renderer.render(s, v, DemoFixture.chrome, width: 80, height: 24).text
        #expect(text.contains("Top coins 24h") && text.contains("BTC    $333.2M"), "\(text)")
        _ = v.handle(.char("x"), snapshot: s)
        text = Renderer.render(s, v, DemoFixture.chrome, width: 80, height: 24).text
        #expect(text.contains("Recent large orders") && text.contains("23:59:53 binance ADA   short $400.00k"), "\(text)")
        // Where all three fit, all three are drawn whatever the pane.
        let big = Renderer.render(s, v, DemoFixture.chrome, width: 200, height: 60).text
        #expect(big.contains("Top coins 24h") && big.contains("Recent large orders") && big.contains("per 15 min, 24h"))
    }

    /// `?` at 80×24 shows every key (two columns); q closes the help instead of quitting.
    @Test func helpFitsAndQClosesIt() async {
        let s = await DemoFixture.snapshot()
        var v = ViewState()
        _ = v.handle(.char("?"), snapshot: s)
        let text = Renderer.render(s, v, DemoFixture.chrome, width: 80, height: 24).text
        for b in KeyBindings.all { #expect(text.contains(b.keys.map(KeyBindings.label).joined(separator: " ")), "\(b.description)") }
        #expect(text.contains("Replay") && text.contains("go to a time"))
        #expect(v.handle(.char("q"), snapshot: s).isEmpty)
        #expect(!v.showHelp)
        #expect(v.handle(.char("q"), snapshot: s) == [.quit])
    }

    @Test func goToTime() async {
        let s = await DemoFixture.snapshot()
        let day = Day(containing: s.clock).start
        var v = ViewState()
        _ = v.handle(.char("g"), snapshot: s)
        for c in "21:00" { _ = v.handle(.char(c), snapshot: s) }
        #expect(Renderer.render(s, v, DemoFixture.chrome, width: 120, height: 40).text.contains("go to: 21:00"))
        #expect(v.handle(.enter, snapshot: s) == [.replay(.jump(to: day + 21 * Duration.hour))])
        _ = v.handle(.char("g"), snapshot: s)
        for c in "-2h" { _ = v.handle(.char(c), snapshot: s) }
        #expect(v.handle(.enter, snapshot: s) == [.replay(.jump(to: s.clock - 2 * Duration.hour))])
        _ = v.handle(.char("g"), snapshot: s)
        for c in "99:99" { _ = v.handle(.char(c), snapshot: s) }
        #expect(v.handle(.enter, snapshot: s).isEmpty)
        #expect(v.message?.hasPrefix("cannot read time '99:99'") == true)
        _ = v.handle(.char("g"), snapshot: s)
        _ = v.handle(.escape, snapshot: s)
        #expect(v.editingTime == nil && v.isDashboard)
    }
}
