import LiqtopCore
@testable import LiqtopTUI
import Testing

/// The venues as a trader needs them: each venue's share of the window on the dashboard (the
/// figure `summary --json` prints), the venue list on `v`, and where contract values come from.
@Suite struct VenueViewTests {
    /// The per-venue columns beside the window rows at 200×60 are `share_percent` of every
    /// window's `by_venue` in `summary --json`, venue by venue.
    @Test func dashboardVenueSharesAreSummaryFigures() async {
        let s = await DemoFixture.snapshot()
        let g = Renderer.render(s, ViewState(), DemoFixture.chrome, width: 200, height: 60)
        let lines = g.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let venues = VenueSplit.venues(s)
        #expect(venues == [.binance, .bybit, .okx], "largest 24 h total first")
        let header = try! #require(lines.first { $0.contains("short%") && $0.contains("binance") })
        #expect(header.contains("binance  bybit    okx"))
        let json = SummaryJSON.render(s)
        for w in Window.allCases {
            let row = try! #require(lines.first { $0.hasPrefix("│ \(w.rawValue) ") }, "\(w)")
            let inPanel = row.split(separator: "│")[0]
            let shown = inPanel.split(separator: " ").suffix(venues.count).map(String.init)
            let whole = s.windows[w]!
            let expected = venues.map { v in (s.byVenue[w] ?? []).first { $0.venue == v }!.totals.sharePercent(of: whole) }
            #expect(shown == expected, "\(w): \(row)")
            for (v, share) in zip(venues, expected) {
                #expect(json.contains("\"\(v.rawValue)\": {") && json.contains("\"share_percent\": \(share.dropLast())"), "\(w) \(v)")
            }
        }
        // The 24 h short share, rounded half to even (82.78 % → 82.8 %), not floored to 82 %.
        #expect(lines.first { $0.hasPrefix("│ 24h ") }!.contains(" 82.8% "))
    }

    /// Where the columns do not fit (a 72-column panel at 120×40), one line says the same.
    @Test func narrowPanelsShowTheSplitAsOneLine() async {
        let s = await DemoFixture.snapshot()
        let text = Renderer.render(s, ViewState(), DemoFixture.chrome, width: 120, height: 40).text
        let day = s.windows[.h24]!
        let parts = VenueSplit.venues(s).map { v in "\(v.rawValue) \((s.byVenue[.h24] ?? []).first { $0.venue == v }!.totals.sharePercent(of: day))" }
        #expect(text.contains("venues 24h  " + parts.joined(separator: "  ")), "\(text)")
    }

    @Test func venueListShowsEveryVenueItsSourceAndWhatIsNotRead() async {
        let store = await DemoFixture.store()
        await store.setInstrumentSource(venue: "okx", "--instruments okx-swaps.json")
        await store.setHealth(SourceHealth(name: "bybit", state: .reconnecting(at: 0), lastError: "closed"), at: 0)
        var view = ViewState()
        let s = await DemoFixture.press([.char("v")], &view, store: store)
        #expect(view.context == .venues)
        let text = Renderer.render(s, view, DemoFixture.chrome, width: 160, height: 48).text
        for v in Venue.allCases { #expect(text.contains(" \(v.rawValue) "), "\(v)") }
        #expect(text.contains("--instruments okx-swaps.json"))
        #expect(text.contains("in-code: XBTUSD only"))
        #expect(text.contains("bybit reconnecting"))
        #expect(text.contains("Hyperliquid: funding, open interest, mark and oracle price per coin (activeAssetCtx)"))
        #expect(text.contains("Not read: KuCoin"))
        #expect(text.contains(" hyperliquid –")) // not connected here, and no Hyperliquid figures in the demo
        #expect(text.contains("binance: " + DrillViews.caveat(.binance)), "the selected venue's caveat")
        let down = await DemoFixture.press([.down, .down], &view, store: store)
        #expect(Renderer.render(down, view, DemoFixture.chrome, width: 160, height: 48).text.contains("okx: " + DrillViews.caveat(.okx)))
        _ = await DemoFixture.press([.escape], &view, store: store)
        #expect(view.isDashboard)
    }

    /// Live, the venue view says Binance's open interest is polled, not streamed.
    @Test func theVenueViewSaysBinanceOpenInterestIsPolled() async {
        let store = await DemoFixture.store()
        var view = ViewState()
        var s = await DemoFixture.press([.char("v")], &view, store: store)
        #expect(!Renderer.render(s, view, DemoFixture.chrome, width: 120, height: 40).text.contains("polled"))
        await store.setLeverageNote(venue: "binance", "Binance open interest is polled over REST about once a minute (no stream).")
        s = await store.snapshot()
        let text = Renderer.render(s, view, DemoFixture.chrome, width: 120, height: 40).text
        #expect(text.contains("binance: " + DrillViews.caveat(.binance)))
        #expect(text.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains("open interest is polled over REST"), "\(text)")
        #expect(text.contains("Not read: KuCoin"), "the list of what is not read still fits")
    }

    @Test func venueDrillDownSaysWhereItsContractValuesCameFrom() async {
        let store = await DemoFixture.store()
        await store.setInstrumentSource(venue: "okx", "live list of 2026-12-01 17:40 UTC")
        var view = ViewState()
        view.stack.append(.init(.coins))
        view.stack.append(.init(.coin("BTC")))
        view.stack.append(.init(.orders(coin: "BTC", venue: .okx)))
        await store.setFocus(view.storeFocus)
        let okx = Renderer.render(await store.snapshot(), view, DemoFixture.chrome, width: 120, height: 40).text
        #expect(okx.contains("instruments: live list of 2026-12-01 17:40 UTC"))
        view.stack[view.stack.count - 1] = .init(.orders(coin: "BTC", venue: .bybit))
        await store.setFocus(view.storeFocus)
        let bybit = Renderer.render(await store.snapshot(), view, DemoFixture.chrome, width: 120, height: 40).text
        #expect(bybit.contains("instruments: none needed"))
    }

    /// A recording's own `instrument` lines are named as the source, unless the session said otherwise.
    @Test func recordedInstrumentLinesAreTheSource() async {
        let store = MarketStore()
        var out = DecodeOutput()
        out.statedInstruments = [InstrumentFacts(venue: "okx", instrument: "CELO-USDT-SWAP", contractValue: FixedDecimal(10),
                                                 unit: .coin, kind: .linear, asOf: 0)]
        await store.ingest(out, source: "2026-01-14.ndjson")
        #expect(await store.snapshot().instrumentSources["okx"] == "recorded in 2026-01-14.ndjson")
        await store.setInstrumentSource(venue: "okx", "--instruments okx.json")
        await store.ingest(out, source: "later.ndjson")
        #expect(await store.snapshot().instrumentSources["okx"] == "--instruments okx.json")
    }
}
