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
