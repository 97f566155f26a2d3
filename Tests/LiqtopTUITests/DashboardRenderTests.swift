import Testing
import LiqtopCore
@testable import LiqtopTUI

/// The dashboard on the demo day's last moment, at the smallest normal and a large size:
/// the figures of `liqtop summary` must be on screen, in their roles.
@Suite struct DashboardRenderTests {
    static let sizes = [(80, 24), (160, 48)]

    @Test(arguments: sizes) func headlineFiguresAndRoles(width: Int, height: Int) async {
        let s = await DemoFixture.snapshot()
        let g = Renderer.render(s, ViewState(), DemoFixture.chrome, width: width, height: height)
        let text = g.text
        #expect(text.contains("liqtop"))
        #expect(text.contains("2026-01-14 23:59:59.080 UTC"))
        #expect(text.contains("❚❚ end"))
        #expect(text.contains("SHORT SQUEEZE INTO ETF INFLOWS"))
        // Window totals: the same rounding as `summary`.
        #expect(text.contains("$577.0M"))
        #expect(text.contains("$102.0M"))
        #expect(text.contains("$120.0M"))
        #expect(text.contains("highest since 2025-10-11"))
        #expect(g.style(of: "$577.0M")?.role == .short)
        #expect(g.style(of: "$120.0M")?.role == .long)
        #expect(g.style(of: "▲ 24h shorts")?.role == .warn)
        // ETF rows.
        #expect(text.contains("+8,933 BTC"))
        #expect(text.contains("+$849.92M"))
        #expect(text.contains("+54,952 ETH"))
        #expect(text.contains("+$181.51M"))
        #expect(text.contains("+42,888 SOL"))
        #expect(text.contains("+$6.22M"))
        #expect(g.style(of: "+8,933 BTC")?.role == .inflow)
        // Macro and status.
        #expect(text.contains("Paulson"))
        #expect(text.contains("Fed funds 3.50–3.75%"))
        #expect(text.contains("rejected 0 · ignored 0"))
        #expect(g.style(of: "1 Liquidations")?.role == .focus) // focused by default
        #expect(g.style(of: "2 ETF flows")?.role == .title)
    }

    @Test func largeScreenShowsChartCoinsAndTape() async {
        let s = await DemoFixture.snapshot()
        let g = Renderer.render(s, ViewState(), DemoFixture.chrome, width: 160, height: 48)
        let text = g.text
        #expect(text.contains("per 15 min, 24h"))
        #expect(text.contains("Top coins 24h"))
        #expect(text.contains("Recent large orders"))
        // The tape's newest order is the snapshot's; tiers colour it.
        let newest = try! #require(s.tape.first)
        #expect(text.contains(ISOTime.clock(newest.time)))
        // The day's $8.42M Bybit short is not recent enough for the tape but sits in `largest`.
        #expect(s.largest.first?.usd.compact(decimals: 2) == "$8.42M")
        // Braille glyphs drawn in the chart, shorts above longs.
        let braille = g.cells.filter { $0.text.unicodeScalars.first.map { (0x2801 ... 0x28FF).contains($0.value) } ?? false }
        #expect(braille.count > 100)
        // Shorts and longs, and BTC's price line above them (in `title`).
        #expect(Set(braille.map(\.style.role)) == [.short, .long, .title])
    }

    @Test func everySizeFromTinyToHugeRenders() async {
        let s = await DemoFixture.snapshot()
        for (w, h) in [(1, 1), (20, 5), (59, 24), (60, 16), (70, 20), (80, 24), (120, 40), (200, 60), (250, 70)] {
            let g = Renderer.render(s, ViewState(), DemoFixture.chrome, width: w, height: h)
            #expect(g.width == w && g.height == h)
            if w < Renderer.minimumWidth || h < Renderer.minimumHeight {
                #expect(w < 20 || g.text.contains("need 60×16"), "\(w)×\(h)")
            } else {
                #expect(g.text.contains("$577.0M"), "\(w)×\(h)")
            }
        }
    }

    @Test func helpOverlayListsEveryBinding() async {
        let s = await DemoFixture.snapshot()
        var v = ViewState()
        _ = v.handle(.char("?"), snapshot: s)
        let g = Renderer.render(s, v, DemoFixture.chrome, width: 160, height: 48)
        for b in KeyBindings.all { #expect(g.text.contains(b.description), "\(b.description)") }
        _ = v.handle(.char("x"), snapshot: s) // any key closes
        #expect(!Renderer.render(s, v, DemoFixture.chrome, width: 160, height: 48).text.contains("any key closes"))
    }

    @Test func noControlByteFromDataReachesTheGrid() async {
        let store = MarketStore()
        let evil = "Fed\u{1B}]0;pwned\u{07} says \u{1B}[2J\u{9B}31m cut\u{202E}txt"
        await store.ingest([
            .note(MacroNote(time: DemoDay.endTime - 1000, source: "src\u{1B}[5m", text: evil)),
            .etfFlow(EtfFlow(day: DemoDay.day, asset: .BTC, fund: "IBIT", netUSD: USD(dollars: 1))),
        ], source: "evil\u{1B}[31m.csv")
        await store.ingest(DecodeOutput.with(rejection: Rejection(source: "bad\u{1B}]0;t\u{07}.ndjson", line: 3, reason: "x\u{1B}[2Jy")), source: "bad")
        let s = await store.snapshot()
        var v = ViewState()
        for ctx in [Context.dashboard, .notes, .note(s.macro.notes[0]), .rejections] {
            v.stack = ctx == .dashboard ? [.init(.dashboard)] : [.init(.dashboard), .init(ctx)]
            for (w, h) in DashboardRenderTests.sizes {
                let g = Renderer.render(s, v, DemoFixture.chrome, width: w, height: h)
                let bad = g.cells.filter { $0.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F ... 0x9F).contains($0.value) || (0x202A ... 0x202E).contains($0.value) } }
                #expect(bad.isEmpty, "\(ctx) \(w)×\(h)")
            }
        }
    }
}

extension DecodeOutput {
    static func with(rejection: Rejection) -> DecodeOutput {
        var o = DecodeOutput()
        o.reject(rejection)
        o.lines = 1
        return o
    }
}

@Suite struct NarrowLayoutTests {
    /// At 70×20 the ETF rows share one line each: the streak must not cover the amounts.
    @Test func etfFiguresStayReadableWhenNarrow() async {
        let s = await DemoFixture.snapshot()
        let g = Renderer.render(s, ViewState(), DemoFixture.chrome, width: 70, height: 20)
        #expect(g.text.contains("+8,933 BTC"))
        #expect(g.text.contains("+$849.92M"))
        #expect(g.text.contains("+$181.51M"))
    }
}
