import Testing
@testable import LiqtopTUI

@Suite struct CellGridTests {
    @Test func putClipsAndCountsWideCharacters() {
        var g = CellGrid(width: 10, height: 2)
        #expect(g.put("ab漢字cd", x: 1, y: 0) == 8)
        #expect(g.line(0) == " ab漢字cd ")
        #expect(g[3, 0].width == 2 && g[4, 0].width == 0)
        #expect(g.put("0123456789ABC", x: 5, y: 1) == 5)
        #expect(g.line(1) == "     01234")
        // A wide character that would straddle the edge is not drawn.
        var h = CellGrid(width: 3, height: 1)
        h.put("ab漢", x: 0, y: 0)
        #expect(h.line(0) == "ab ")
    }

    @Test func sanitizerRemovesControlsAndBidi() {
        #expect(Sanitizer.clean("BTC\u{1B}[2J\u{1B}]0;pwned\u{07}") == "BTC[2J]0;pwned")
        #expect(Sanitizer.clean("a\u{202E}b\u{2066}c\u{9B}d\u{85}e") == "abcde")
        #expect(Sanitizer.clean("tab\there\nnl") == "tab here nl")
        var g = CellGrid(width: 20, height: 1)
        g.put("x\u{1B}[31my", x: 0, y: 0)
        #expect(!g.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 } })
        #expect(g.line(0).hasPrefix("x[31my"))
    }

    @Test func widths() {
        #expect(TextWidth.of("BTC") == 3)
        #expect(TextWidth.of("漢字") == 4)
        #expect(TextWidth.of("⣿⡇") == 2)     // braille is narrow
        #expect(TextWidth.of("🚀") == 2)
        #expect(TextWidth.of("é") == 1)       // e + combining acute
    }

    @Test func boxAndFind() {
        var g = CellGrid(width: 12, height: 3)
        g.box(g.bounds, title: "ETF")
        #expect(g.line(0) == "┌─ ETF ────┐")
        #expect(g.find("ETF")?.x == 3)
        #expect(g.style(of: "ETF")?.role == .title)
    }
}
