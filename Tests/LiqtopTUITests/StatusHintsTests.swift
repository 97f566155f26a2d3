import LiqtopCore
@testable import LiqtopTUI
import Testing

/// Status-line hints come from the key table; replay keys are not offered on live data.
@Suite struct StatusHintsTests {
    static func statusLine(_ g: CellGrid) -> String { String(g.text.split(separator: "\n").last ?? "") }

    @Test func replayHintsOnlyWithAReplay() async {
        let s = await DemoFixture.snapshot()
        let replay = Self.statusLine(Renderer.render(s, ViewState(), DemoFixture.chrome, width: 200, height: 60))
        let live = Self.statusLine(Renderer.render(s, ViewState(), ChromeInfo(source: "live binance"), width: 200, height: 60))
        for b in KeyBindings.all where b.hint != nil {
            let hint = b.statusKey + " " + b.hint!
            #expect(replay.contains(hint), "\(hint) in \(replay)")
            #expect(live.contains(hint) == !b.isReplayOnly, "\(hint) in \(live)")
        }
        #expect(!live.contains("pause") && !live.contains("seek") && live.contains("q quit"))
    }

    @Test func helpGreysReplayKeysOnLiveData() async {
        let s = await DemoFixture.snapshot()
        var v = ViewState()
        v.showHelp = true
        let live = Renderer.render(s, v, ChromeInfo(source: "live binance"), width: 200, height: 60)
        #expect(live.text.contains("Replay (replay only)"))
        #expect(live.style(of: "pause / resume replay")?.role == .dim)
        #expect(live.style(of: "focus next panel")?.role == .text)
        let replay = Renderer.render(s, v, DemoFixture.chrome, width: 200, height: 60)
        #expect(replay.style(of: "pause / resume replay")?.role == .text)
    }
}

/// PgUp/PgDn move by the rows the list shows; Home/End stay in a drill table's list.
@Suite struct ListNavigationTests {
    @Test func pagesAreTheVisibleRowsAndHomeEndStayInTheList() async {
        let store = await DemoFixture.store()
        var v = ViewState()
        var s = await DemoFixture.press([.char("A")], &v, store: store)
        let g = Renderer.render(s, v, DemoFixture.chrome, width: 200, height: 60)
        let rows = try! #require(g.listRows)
        #expect(rows > 40, "a 60-row screen shows more than 40 coins")
        v.pageRows = rows
        s = await DemoFixture.press([.pageDown], &v, store: store)
        #expect(v.top.selected == min(rows, Listing.count(s, v) - 1))
        #expect(v.handle(.end, snapshot: s).isEmpty, "End moves in the list, not the replay")
        #expect(v.top.selected == Listing.count(s, v) - 1)
        _ = v.handle(.home, snapshot: s)
        #expect(v.top.selected == 0)
        // On the dashboard, Home/End still seek the replay.
        _ = v.handle(.escape, snapshot: s)
        #expect(v.handle(.end, snapshot: s) == [.replay(.jumpEnd)])
    }
}

/// Lists scroll as htop's do: the view stays put while the selection moves inside it, and each
/// drill level keeps its own.
@Suite struct ScrollTests {
    @Test func theViewMovesOnlyAsFarAsTheSelectionNeeds() {
        #expect(ListView.follow(selected: 5, scroll: 0, count: 100, rows: 10) == 0)
        #expect(ListView.follow(selected: 10, scroll: 0, count: 100, rows: 10) == 1)
        #expect(ListView.follow(selected: 3, scroll: 8, count: 100, rows: 10) == 3)
        #expect(ListView.follow(selected: 99, scroll: 0, count: 100, rows: 10) == 90)
        #expect(ListView.follow(selected: 2, scroll: 95, count: 100, rows: 10) == 2)
        #expect(ListView.follow(selected: 4, scroll: 3, count: 5, rows: 10) == 0, "all fit")
    }

    @Test func eachLevelKeepsItsScroll() async {
        let store = await DemoFixture.store()
        var v = ViewState()
        v.pageRows = 5
        let s = await DemoFixture.press([.char("A")], &v, store: store)
        #expect(Listing.count(s, v) > 9)
        _ = await DemoFixture.press(Array(repeating: .down, count: 8), &v, store: store)
        #expect(v.top.selected == 8 && v.top.scroll == 4)
        _ = await DemoFixture.press(Array(repeating: .up, count: 2), &v, store: store)
        #expect(v.top.selected == 6 && v.top.scroll == 4, "moving up inside the view does not scroll it")
        _ = await DemoFixture.press([.enter], &v, store: store)
        #expect(v.top.scroll == 0)
        _ = await DemoFixture.press([.escape], &v, store: store)
        #expect(v.top.selected == 6 && v.top.scroll == 4, "back at the coins, where they were")
    }
}
