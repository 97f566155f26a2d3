import LiqtopCore
@testable import LiqtopTUI
import Testing

/// Mouse as htop and btop do it, on the click targets the frame registered.
@Suite struct MouseTests {
    static func keys(_ s: String) -> [Key] {
        s.unicodeScalars.map { $0 == "\u{1B}" ? .escape : .char(Character($0)) }
    }

    @Test func sgrReportsAmongKeys() {
        let input = Self.keys("a\u{1B}[<0;12;8M\u{1B}[<0;12;8mq\u{1B}[<64;3;4M\u{1B}[<65;3;4M\u{1B}[<32;5;5M\u{1B}[<2;1;1M")
        #expect(SGRMouse.extract(input) == [
            .key(.char("a")),
            .mouse(MouseEvent(x: 11, y: 7, action: .press)), .mouse(MouseEvent(x: 11, y: 7, action: .release)),
            .key(.char("q")),
            .mouse(MouseEvent(x: 2, y: 3, action: .wheelUp)), .mouse(MouseEvent(x: 2, y: 3, action: .wheelDown)),
            .mouse(MouseEvent(x: 0, y: 0, action: .otherPress)), // the motion report in between is dropped
        ])
    }

    /// Anything that is not a whole report stays keys: Esc, Esc [ (an unknown sequence), a cut report.
    @Test func notAReportStaysKeys() {
        for text in ["\u{1B}", "\u{1B}[", "\u{1B}[<", "\u{1B}[<0;12", "\u{1B}[<0;12;8", "\u{1B}[<0;12;8X", "\u{1B}[<0;0;8M", "\u{1B}[<1;2;3;4M"] {
            let keys = Self.keys(text)
            #expect(SGRMouse.extract(keys) == keys.map(TerminalInput.key), "\(text.debugDescription)")
        }
    }

    static func centre(of target: HitTarget, in g: CellGrid) -> (Int, Int)? {
        g.hits.last { $0.target == target }.map { ($0.rect.x + $0.rect.width / 2, $0.rect.y + $0.rect.height / 2) }
    }

    static func click(_ v: inout ViewState, _ g: CellGrid, _ at: (Int, Int), _ s: Snapshot, _ action: MouseEvent.Action = .press) -> [Effect] {
        v.handle(mouse: MouseEvent(x: at.0, y: at.1, action: action), target: g.target(x: at.0, y: at.1), snapshot: s)
    }

    @Test(arguments: [(80, 24), (200, 60)])
    func clickFocusesSelectsAndDrills(_ w: Int, _ h: Int) async {
        let store = await DemoFixture.store()
        var v = ViewState()
        var s = await store.snapshot()
        var g = Renderer.render(s, v, DemoFixture.chrome, width: w, height: h)
        // A click in the ETF panel focuses it.
        _ = Self.click(&v, g, Self.centre(of: .panel(.etf), in: g)!, s)
        #expect(v.focus == .etf)
        g = Renderer.render(s, v, DemoFixture.chrome, width: w, height: h)
        #expect(g.style(of: "2 ETF flows")?.role == .focus)
        // A click on a Top-coins row (ETH, the second) selects it; a click on it again focuses the coin.
        if w < 110 { v.lowerPane = .coins } // 80×24: the coins pane
        g = Renderer.render(s, v, DemoFixture.chrome, width: w, height: h)
        let eth = Self.centre(of: .panelRow(.liquidations, 1), in: g)!
        _ = Self.click(&v, g, eth, s)
        #expect(v.focus == .liquidations && v.dashboardSelection[.liquidations] == 1)
        _ = Self.click(&v, g, eth, s)
        #expect(v.coinFocus == "ETH")
        // The wheel moves the selection; in a drill table, a click selects and a second drills.
        _ = Self.click(&v, g, eth, s, .wheelDown)
        #expect(v.dashboardSelection[.liquidations] == 2)
        _ = v.handle(.char("A"), snapshot: s)
        await store.setFocus(v.storeFocus)
        s = await store.snapshot()
        g = Renderer.render(s, v, DemoFixture.chrome, width: w, height: h)
        let second = Self.centre(of: .row(1), in: g)!
        _ = Self.click(&v, g, second, s)
        #expect(v.top.selected == 1 && v.context == .coins)
        _ = Self.click(&v, g, second, s)
        #expect(v.context == .coin(Listing.coins(s, v).isEmpty ? "" : "ETH"))
        // The breadcrumb goes back.
        g = Renderer.render(s, v, DemoFixture.chrome, width: w, height: h)
        _ = Self.click(&v, g, Self.centre(of: .breadcrumb, in: g)!, s)
        #expect(v.context == .coins)
    }

    @Test func clickAndWheelOnTheChartMoveTheCursor() async {
        let s = await DemoFixture.snapshot()
        var v = ViewState()
        v.window = .h1
        let g = Renderer.render(s, v, DemoFixture.chrome, width: 200, height: 60)
        let bucket = g.hits.first { if case .chartBucket = $0.target { true } else { false } }!
        guard case .chartBucket(let t) = bucket.target else { return }
        _ = Self.click(&v, g, (bucket.rect.x, bucket.rect.y), s)
        #expect(v.chartCursor == t)
        _ = Self.click(&v, g, (bucket.rect.x, bucket.rect.y), s, .wheelDown)
        #expect(v.chartCursor == t + Duration.minute)
    }

    @Test func aClickClosesTheHelp() async {
        let s = await DemoFixture.snapshot()
        var v = ViewState()
        v.showHelp = true
        #expect(v.handle(mouse: MouseEvent(x: 1, y: 1, action: .press), target: .panel(.macro), snapshot: s).isEmpty)
        #expect(!v.showHelp && v.focus == .liquidations)
    }
}
