import LiqtopCore
@testable import LiqtopTUI
import Testing

/// A coin focus filters the whole Liquidations panel: totals, venue split, chart, tape and `b`.
@Suite struct CoinFocusTests {
    static func row(_ text: String, _ window: Window) -> String {
        text.split(separator: "\n").map(String.init).first { $0.hasPrefix("│ \(window.rawValue) ") } ?? ""
    }

    @Test func filterNamingACoinFocusesThePanel() async {
        let store = await DemoFixture.store()
        var v = ViewState()
        let s = await DemoFixture.press([.char("/"), .char("s"), .char("o"), .char("l"), .enter], &v, store: store)
        #expect(v.coinFocus == "SOL")
        #expect(s.focus.coin == "SOL" && s.detail != nil)
        let text = Renderer.render(s, v, DemoFixture.chrome, width: 200, height: 60).text
        #expect(text.contains("1 Liquidations · SOL · Esc clears") && text.contains("focus SOL"))
        for w in Window.allCases {
            let sol = (s.byCoin[w] ?? []).first { $0.coin == "SOL" }!.totals
            let row = Self.row(text, w)
            #expect(row.contains(Fmt.usd(sol.longUSD)) && row.contains(Fmt.usd(sol.shortUSD)) && row.contains(sol.sharePercent(.short)), "\(w): \(row)")
            // The venue columns are SOL's venues' shares of SOL's window.
            for vt in s.detail!.windowVenues[w] ?? [] where vt.totals.count > 0 {
                #expect(row.contains(vt.totals.sharePercent(of: sol)), "\(w) \(vt.venue): \(row)")
            }
        }
        // The chart is SOL's: its peak is SOL's 24 h peak bucket.
        let chart = ChartSeries(s.detail!.minutes, window: .h24, clock: s.clock)
        #expect(text.contains("peak \(chart.peak!.totals.totalUSD.compact(decimals: 2)) at \(ISOTime.clock(chart.bucketStart(chart.peak!.index), seconds: false))"))
        // The tape lists SOL orders only, and b jumps to SOL's largest.
        #expect(!s.detail!.tape.isEmpty && s.detail!.tape.allSatisfy { $0.coin == "SOL" && $0.usd >= USD(dollars: 50_000) })
        let largest = s.detail!.largestEver!
        #expect(largest.coin == "SOL" && largest.usd < s.largestEver!.usd)
        #expect(v.handle(.char("b"), snapshot: s) == [.replay(.jump(to: largest.time))])
        // Esc clears the focus, then the filter.
        _ = v.handle(.escape, snapshot: s)
        #expect(v.coinFocus == nil && v.filter == "SOL")
        _ = v.handle(.escape, snapshot: s)
        #expect(v.filter.isEmpty)
    }

    @Test func enterOnATopCoinFocusesItAndAgainOpensIt() async {
        let store = await DemoFixture.store()
        var v = ViewState()
        let s = await DemoFixture.press([.down, .enter], &v, store: store) // the second coin: ETH
        #expect(v.coinFocus == "ETH" && v.isDashboard)
        _ = await DemoFixture.press([.enter], &v, store: store)
        #expect(v.context == .coin("ETH"))
        _ = s
        _ = await DemoFixture.press([.escape, .escape], &v, store: store)
        #expect(v.isDashboard && v.coinFocus == nil)
        _ = await DemoFixture.press([.char("A")], &v, store: store)
        #expect(v.context == .coins)
    }

    /// A snapshot computed for another focus never shows as this coin's figures.
    @Test func aStaleSnapshotDrawsLoading() async {
        let s = await DemoFixture.snapshot() // no focus
        var v = ViewState()
        v.coinFocus = "SOL"
        let text = Renderer.render(s, v, DemoFixture.chrome, width: 120, height: 40).text
        #expect(text.contains("loading SOL…"))
        #expect(!text.contains("$577.0M"), "the market's 24 h shorts must not pass for SOL's")
    }

    @Test func theCoinsEtfLineIsEmphasised() async {
        let store = await DemoFixture.store()
        var v = ViewState()
        let s = await DemoFixture.press([.char("/"), .char("e"), .char("t"), .char("h"), .enter], &v, store: store)
        let g = Renderer.render(s, v, DemoFixture.chrome, width: 200, height: 60)
        let lines = g.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let y = try! #require(lines.firstIndex { $0.contains("+54,952 ETH") })
        let x = try! #require(Array(lines[y]).indices.first { i in lines[y].dropFirst(i).hasPrefix("ETH ") && i > 120 })
        #expect(g[x, y].style.role == .focus && g[x, y].style.underline)
        let btc = try! #require(lines.firstIndex { $0.contains("+8,933 BTC") })
        #expect(g[x, btc].style.role != .focus)
    }
}

/// A drill level drawn with a snapshot computed for another level shows "loading", not the
/// other level's figures.
@Suite struct StaleDetailTests {
    @Test func aDrillLevelNeverShowsAnotherLevelsDetail() async {
        let store = await DemoFixture.store()
        var v = ViewState()
        _ = await DemoFixture.press([.char("A"), .enter], &v, store: store) // BTC
        let btc = await store.snapshot()
        #expect(Renderer.render(btc, v, DemoFixture.chrome, width: 120, height: 40).text.contains("bybit"))
        // The view moved to ETH's level before the store answered: BTC's split must not show as ETH's.
        v.stack[v.stack.count - 1] = .init(.coin("ETH"))
        let text = Renderer.render(btc, v, DemoFixture.chrome, width: 120, height: 40).text
        #expect(text.contains("loading…") && !text.contains("bybit"), "\(text)")
    }
}
