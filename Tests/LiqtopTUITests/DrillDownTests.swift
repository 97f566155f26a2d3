import Testing
import LiqtopCore
@testable import LiqtopTUI

/// Key sequences through the context stack, and every drill level rendered at both sizes.
@Suite struct DrillDownTests {
    @Test func liquidationsToCoinToVenueToOrdersAndBack() async throws {
        let store = await DemoFixture.store()
        var v = ViewState()
        var s = await DemoFixture.press([.char("A")], &v, store: store)
        #expect(v.context == .coins)
        // BTC is the largest coin: first in the default sort.
        #expect(Listing.coins(s, v).first?.coin == "BTC")
        s = await DemoFixture.press([.enter], &v, store: store)
        #expect(v.context == .coin("BTC"))
        #expect(v.storeFocus.coin == "BTC")
        #expect(Listing.venues(s).map(\.venue) == [.binance, .bybit, .okx])
        s = await DemoFixture.press([.down, .enter], &v, store: store)
        #expect(v.context == .orders(coin: "BTC", venue: .bybit))
        let orders = Listing.orders(s)
        #expect(!orders.isEmpty)
        #expect(orders.allSatisfy { $0.coin == "BTC" && $0.venue == .bybit })
        #expect(orders.contains { $0.usd.compact(decimals: 2) == "$8.42M" }) // the day's largest
        #expect(v.breadcrumb == "Dashboard › Liquidations › coins › BTC › bybit orders")
        // Esc and Backspace both pop; at the dashboard Esc stays.
        _ = await DemoFixture.press([.escape], &v, store: store)
        #expect(v.context == .coin("BTC"))
        _ = await DemoFixture.press([.backspace, .escape, .escape], &v, store: store)
        #expect(v.context == .dashboard)
        #expect(v.stack.count == 1)
        #expect(v.storeFocus.coin == nil)
    }

    @Test func etfAssetToFundAndMacroNotes() async throws {
        let store = await DemoFixture.store()
        var v = ViewState()
        var s = await DemoFixture.press([.char("2"), .down, .enter], &v, store: store)
        #expect(v.focus == .etf)
        #expect(v.context == .etfAsset(.ETH))
        let funds = Listing.funds(s, .ETH, v)
        #expect(funds.first?.fund == s.etf[.ETH]?.funds.first?.fund)
        s = await DemoFixture.press([.enter], &v, store: store)
        guard case .etfFund(.ETH, let fund) = v.context else { Issue.record("not in a fund: \(v.context)"); return }
        #expect(fund == funds[0].fund)
        #expect(Listing.fundHistory(s).allSatisfy { $0.fund == fund })
        #expect(Listing.fundHistory(s).first?.day == DemoDay.day) // newest first
        _ = await DemoFixture.press([.escape, .escape, .char("3"), .enter], &v, store: store)
        #expect(v.context == .notes)
        s = await DemoFixture.press([.enter], &v, store: store)
        guard case .note(let n) = v.context else { Issue.record("not in a note"); return }
        #expect(n.text.contains("Paulson"))
        _ = s
    }

    @Test func filterSortWindowAndFocusKeys() async {
        let store = await DemoFixture.store()
        var v = ViewState()
        var s = await DemoFixture.press([.enter, .char("/"), .char("s"), .char("o"), .enter], &v, store: store)
        #expect(v.filter == "SO")
        #expect(Listing.coins(s, v).map(\.coin) == ["SOL"])
        s = await DemoFixture.press([.char("/"), .escape], &v, store: store)
        #expect(v.filter.isEmpty)
        s = await DemoFixture.press([.char("s"), .char("s"), .char("s"), .char("s")], &v, store: store)
        #expect(v.sort == .name)
        #expect(Listing.coins(s, v).first?.coin == "ADA")
        _ = await DemoFixture.press([.char("w")], &v, store: store)
        #expect(v.window == .h1)
        _ = await DemoFixture.press([.tab, .tab, .tab, .backTab], &v, store: store)
        #expect(v.focus == .macro)
        var effects: [Effect] = []
        for k: Key in [.char(" "), .char("+"), .char("-"), .left, .right, .char("<"), .char(">"), .home, .end, .char("b"), .char("q"), .ctrl("c")] {
            effects += v.handle(k, snapshot: s)
        }
        #expect(effects == [.replay(.togglePause), .replay(.faster), .replay(.slower), .replay(.seek(by: -Duration.minute)),
                            .replay(.seek(by: Duration.minute)), .replay(.seek(by: -Duration.hour)), .replay(.seek(by: Duration.hour)),
                            .replay(.jumpStart), .replay(.jumpEnd), .replay(.jump(to: s.largestEver!.time)), .quit, .quit])
    }

    /// Every drill level at both sizes: its breadcrumb and its key figures, in their roles.
    @Test(arguments: [(80, 24), (160, 48)]) func everyLevelRenders(width: Int, height: Int) async throws {
        let store = await DemoFixture.store()
        var v = ViewState()
        func render(_ s: Snapshot) -> CellGrid { Renderer.render(s, v, DemoFixture.chrome, width: width, height: height) }

        var s = await DemoFixture.press([.char("A")], &v, store: store)
        var g = render(s)
        #expect(g.text.contains("Dashboard › Liquidations › coins"))
        #expect(g.text.contains("BTC") && g.text.contains("$275.00M")) // BTC shorts, to the cent as in summary
        #expect(g.style(of: "$275.00M")?.role == .short)

        s = await DemoFixture.press([.enter], &v, store: store)
        g = render(s)
        #expect(g.text.contains("› BTC"))
        #expect(g.text.contains("binance") && g.text.contains("bybit") && g.text.contains("okx"))

        s = await DemoFixture.press([.enter], &v, store: store)
        g = render(s)
        #expect(g.text.contains("binance orders"))
        #expect(g.text.contains("at most one liquidation per symbol per second"))
        #expect(g.text.contains("BTCUSDT"))

        _ = await DemoFixture.press([.escape, .escape, .escape, .char("2"), .enter], &v, store: store)
        s = await DemoFixture.press([], &v, store: store)
        g = render(s)
        #expect(g.text.contains("ETF › BTC"))
        #expect(g.text.contains("BTC funds on 2026-01-14: net +$849.92M (+8,933 BTC)"))
        #expect(g.text.contains("IBIT"))

        s = await DemoFixture.press([.enter], &v, store: store)
        g = render(s)
        #expect(g.text.contains("2026-01-14"))
        #expect(g.text.contains("ref. price"))

        _ = await DemoFixture.press([.escape, .escape, .char("3"), .enter], &v, store: store)
        s = await DemoFixture.press([], &v, store: store)
        g = render(s)
        #expect(g.text.contains("Macro › notes"))
        #expect(g.text.contains("Philadelphia Fed"))

        s = await DemoFixture.press([.enter], &v, store: store)
        g = render(s)
        #expect(g.text.contains("Paulson"))

        _ = await DemoFixture.press([.escape, .escape, .char("e")], &v, store: store)
        s = await DemoFixture.press([], &v, store: store)
        g = render(s)
        #expect(g.text.contains("Input problems"))
        #expect(g.text.contains("0 rejected · 0 ignored"))
    }
}
