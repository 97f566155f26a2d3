import Testing
@testable import LiqtopTUI

/// Styles carry a foreground, an optional background and attributes; a patch sets only what
/// it names (ratatui's `Style::patch`).
@Suite struct StyleTests {
    @Test func theOldInitialiserStillMeansNoBackground() {
        let s = Style(.long, bold: true)
        #expect(s.role == .long && s.background == nil && s.bold && !s.reverse && !s.underline)
        #expect(Style.text == Style(.text) && Style.dim.role == .dim)
        #expect(Style(.text, on: .bar).background == .bar)
        // Naming the screen background is naming no background.
        #expect(Style(.text, on: .background) == Style(.text))
    }

    @Test func aPatchSetsOnlyWhatItNames() {
        let base = Style(.short, bold: true, underline: true)
        let onBar = base.patched(with: .on(.bar))
        #expect(onBar == Style(.short, on: .bar, bold: true, underline: true))
        #expect(onBar.patched(with: StylePatch(foreground: .dim)) == Style(.dim, on: .bar, bold: true, underline: true))
        #expect(onBar.patched(with: StylePatch(bold: false, reverse: true)) == Style(.short, on: .bar, reverse: true, underline: true))
        #expect(onBar.patched(with: StylePatch()) == onBar)
        #expect(onBar.patched(with: .on(.background)).background == nil)
        #expect(base.patched(with: .selected(focused: true)).background == .selection)
        #expect(base.patched(with: .selected(focused: false)).background == .selectionInactive)
        #expect(base.patched(with: .selected()).role == .short)
    }

    @Test func gridPatchKeepsTextAndForegroundOfEveryCell() {
        var g = CellGrid(width: 8, height: 2)
        g.put("█▌", x: 0, y: 0, style: Style(.long))
        g.put("42", x: 3, y: 0, style: Style(.text, bold: true))
        g.put("x", x: 0, y: 1, style: Style(.dim))
        let before = g
        g.patch(Rect(x: 0, y: 0, width: 8, height: 1), with: .selected())
        for x in 0 ..< 8 {
            #expect(g[x, 0].text == before[x, 0].text)
            #expect(g[x, 0].style == before[x, 0].style.patched(with: .selected()))
            #expect(g[x, 0].style.background == .selection && !g[x, 0].style.reverse)
        }
        #expect(g[0, 0].style.role == .long && g[3, 0].style.bold)
        #expect(g[0, 1] == before[0, 1]) // outside the rectangle
    }

    @Test func barGlyphsFollowTheDepth() {
        #expect(BarGlyphs.forDepth(.none) == .monochrome)
        for d in [ColorDepth.ansi8, .ansi16, .xterm256, .trueColor] { #expect(BarGlyphs.forDepth(d) == .colour) }
        #expect(Bars.horizontal(5, max: 10, width: 4, role: .short, glyphs: .monochrome) == "▒▒")
        #expect(Bars.horizontal(5, max: 10, width: 4, role: .long, glyphs: .monochrome) == "██")
        #expect(Bars.horizontal(1, max: 100, width: 4, role: .short, glyphs: .monochrome) == "▒") // a sliver stays visible
        #expect(Bars.horizontal(5, max: 10, width: 4, role: .short, glyphs: .colour) == "██")
        #expect(Bars.column(10, max: 10, role: .inflow, glyphs: .monochrome) == "▓")
        #expect(Bars.column(1, max: 10, role: .inflow, glyphs: .monochrome) == "░")
        #expect(Bars.column(10, max: 10, role: .outflow, glyphs: .monochrome) == "█")
        #expect(Bars.column(10, max: 10, role: .inflow, glyphs: .colour) == "█")
    }
}
