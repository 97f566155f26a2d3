import Testing
import LiqtopCore
@testable import LiqtopTUI

/// Issue 13, point 4, on whole frames of the demo day: selections are a background and keep
/// what they select; header and status sit on the bar; without colour the sides differ by glyph.
@Suite struct ColourModelRenderTests {
    static let sizes = [(80, 24), (120, 40), (200, 60)]

    /// Glyphs that draw a bar (blocks, eighths, shades).
    static func isBarGlyph(_ text: String) -> Bool {
        guard let u = text.unicodeScalars.first, text.unicodeScalars.count == 1 else { return false }
        return (0x2580 ... 0x2593).contains(u.value)
    }

    static let sideRoles: Set<Role> = [.long, .short, .inflow, .outflow]

    /// Every view a selection shows in: the dashboard with each panel focused, and the drill levels.
    static func views(_ store: MarketStore) async -> [(String, ViewState, Snapshot)] {
        var out: [(String, ViewState, Snapshot)] = []
        for (name, keys) in [("liquidations", [Key]()), ("etf", [.char("2")]), ("macro", [.char("3")]),
                             ("coins", [.enter]), ("coin BTC", [.enter, .enter]), ("BTC bybit", [.enter, .enter, .down, .enter]),
                             ("ETF ETH", [.char("2"), .down, .enter]), ("ETH funds", [.char("2"), .down, .enter, .enter])] {
            var v = ViewState()
            let s = await DemoFixture.press(keys, &v, store: store)
            out.append((name, v, s))
        }
        return out
    }

    @Test(arguments: sizes) func noSelectedRowLosesItsBar(width: Int, height: Int) async {
        let store = await DemoFixture.store()
        var selectedBarCells = 0
        for (name, v, s) in await Self.views(store) {
            let g = Renderer.render(s, v, DemoFixture.chrome, width: width, height: height)
            for y in 0 ..< g.height {
                let row = (0 ..< g.width).map { g[$0, y] }
                guard row.contains(where: { $0.style.background == .selection || $0.style.background == .selectionInactive }) else { continue }
                for cell in row where cell.style.background == .selection || cell.style.background == .selectionInactive {
                    #expect(!cell.style.reverse, "\(name) \(width)×\(height) row \(y): reverse video hides what it selects")
                    #expect(!cell.style.role.isBackground, "\(name) row \(y): a selected cell lost its foreground")
                    if Self.isBarGlyph(cell.text) {
                        selectedBarCells += 1
                        #expect(Self.sideRoles.contains(cell.style.role), "\(name) row \(y): bar cell in \(cell.style.role)")
                    }
                }
            }
        }
        // The selected Top-coins row (and the ETF and drill rows) do have bars: the check above is not empty.
        #expect(selectedBarCells > 0)
    }

    @Test func theFocusedPanelsSelectionIsBrighterThanTheOthers() async {
        let store = await DemoFixture.store()
        var v = ViewState()
        let s = await DemoFixture.press([.char("2")], &v, store: store) // ETF focused
        let g = Renderer.render(s, v, DemoFixture.chrome, width: 160, height: 48)
        let backgrounds = { (role: Role) in g.cells.filter { $0.style.background == role } }
        #expect(!backgrounds(.selection).isEmpty)          // the ETF row
        #expect(!backgrounds(.selectionInactive).isEmpty)  // the Top-coins row of the unfocused panel
        // The selected ETF row keeps its inflow colour.
        #expect(backgrounds(.selection).contains { $0.style.role == .inflow })
        // Top coins' selected row: BTC's share of longs and shorts, still in their colours.
        #expect(Set(backgrounds(.selectionInactive).filter { Self.isBarGlyph($0.text) }.map(\.style.role)) == [.long, .short])
    }

    @Test(arguments: sizes) func headerAndStatusCellsSitOnTheBar(width: Int, height: Int) async {
        let store = await DemoFixture.store()
        var views = await Self.views(store)
        var withMessage = ViewState()
        withMessage.message = "theme light"
        views.append(("message", withMessage, await store.snapshot()))
        for (name, v, s) in views {
            let g = Renderer.render(s, v, DemoFixture.chrome, width: width, height: height)
            for y in [0, height - 1] {
                for x in 0 ..< width {
                    #expect(g[x, y].style.background == .bar, "\(name) \(width)×\(height): (\(x), \(y)) '\(g[x, y].text)' not on the bar")
                }
            }
            // The rest of the screen names no background but the selection's.
            let others = (1 ..< height - 1).flatMap { y in (0 ..< width).map { g[$0, y] } }
            #expect(others.allSatisfy { $0.style.background == nil || $0.style.background == .selection || $0.style.background == .selectionInactive })
        }
    }

    @Test func withoutColourLongAndShortAndInflowAndOutflowDifferByGlyph() async {
        let s = await DemoFixture.snapshot()
        for glyphs in [BarGlyphs.monochrome, .colour] {
            let g = Renderer.render(s, ViewState(), DemoFixture.chrome, width: 160, height: 48, glyphs: glyphs)
            let bars = g.cells.filter { Self.isBarGlyph($0.text) }
            let glyphsOf = { (role: Role) in Set(bars.filter { $0.style.role == role }.map(\.text)) }
            let shades: Set<String> = ["░", "▒", "▓"]
            for role in [Role.long, .short, .inflow, .outflow] { #expect(!glyphsOf(role).isEmpty, "no \(role) bars") }
            if glyphs == .monochrome {
                #expect(glyphsOf(.short).isSubset(of: shades) && glyphsOf(.inflow).isSubset(of: shades))
                #expect(glyphsOf(.long).isDisjoint(with: shades) && glyphsOf(.outflow).isDisjoint(with: shades))
            } else {
                #expect(bars.allSatisfy { !shades.contains($0.text) })
            }
        }
    }
}
