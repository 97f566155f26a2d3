import LiqtopCore
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

    // MARK: the grid follows wcwidth, and never leaves half a wide character

    /// What ncurses and the terminal do (wcwidth per code point): a variation selector, a ZWJ
    /// or a skin tone does not join code points into one wider glyph.
    @Test func emojiWidthsFollowWcwidth() {
        #expect(TextWidth.of("\u{2764}\u{FE0F}") == 1)             // ❤️: U+2764 is narrow, VS16 adds nothing
        #expect(TextWidth.of("1\u{FE0F}\u{20E3}") == 1)            // keycap 1️⃣
        #expect(TextWidth.of("\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}") == 6) // family: three wide emoji
        #expect(TextWidth.of("\u{1F44D}\u{1F3FD}") == 4)           // 👍🏽: the modifier is wide too
        #expect(TextWidth.of("\u{1F1FA}\u{1F1F8}") == 2)           // 🇺🇸: two narrow regional indicators
        #expect(TextWidth.of("\u{1F680}") == 2)
    }

    /// The compiled-in table (for systems without a UTF-8 locale) agrees on the usual cases.
    @Test func standInTableAgreesWithWcwidthOnCommonText() {
        for s in ["B", "漢", "⣿", "─", "█", "▶", "×", "\u{2764}", "\u{FE0F}", "\u{200D}", "\u{0301}", "\u{20E3}",
                  "\u{1F468}", "\u{1F3FD}", "\u{1F1FA}", "\u{1F680}", "한", "Ａ"] {
            let v = s.unicodeScalars.first!.value
            #expect(TextWidth.tableWidth(v) == TextWidth.of(s), "U+\(String(v, radix: 16, uppercase: true))")
        }
    }

    @Test func variationSelectorEmojiTakesTheColumnsWcwidthGives() {
        var g = CellGrid(width: 6, height: 1)
        g.put("abcdef", x: 0, y: 0)
        #expect(g.put("\u{2764}\u{FE0F}x", x: 0, y: 0) == 2)
        #expect(g[0, 0] == Cell(text: "\u{2764}\u{FE0F}", style: .text, width: 1))
        #expect(g.line(0) == "\u{2764}\u{FE0F}xcdef")
    }

    /// A ZWJ sequence is cut into the glyphs ncurses stores: each wide emoji with the joiner after it.
    @Test func zwjSequenceKeepsEveryEmoji() {
        var g = CellGrid(width: 8, height: 1)
        #expect(g.put("\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}!", x: 0, y: 0) == 7)
        #expect(g.cells.map(\.width) == [2, 0, 2, 0, 2, 0, 1, 1])
        #expect(g[0, 0].text == "\u{1F468}\u{200D}" && g[2, 0].text == "\u{1F469}\u{200D}" && g[4, 0].text == "\u{1F467}")
        #expect(g.line(0) == "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}! ")
    }

    /// Every wide character keeps its right half and every right half its wide character, however
    /// text, fills and wide characters overwrite each other.
    @Test func overwritingNeverLeavesHalfAWideCharacter() {
        var rng = SeededRandom(seed: 11)
        let pieces = ["漢字", "a", "bc", "\u{1F680}", "\u{2764}\u{FE0F}", "x漢", "\u{1F468}\u{200D}\u{1F469}", " "]
        var g = CellGrid(width: 9, height: 1)
        for step in 0 ..< 2000 {
            if rng.below(5) == 0 {
                g.fill(Rect(x: rng.below(9), y: 0, width: 1 + rng.below(3), height: 1), style: .text)
            } else {
                g.put(pieces[rng.below(pieces.count)], x: rng.below(9), y: 0)
            }
            let broken = (0 ..< 9).first { x in
                g[x, 0].width == 2 ? x + 1 >= 9 || g[x + 1, 0].width != 0 : g[x, 0].width == 0 && (x == 0 || g[x - 1, 0].width != 2)
            }
            #expect(broken == nil, "step \(step): half a wide character at \(broken ?? -1): \(g.cells.map(\.text))")
            if broken != nil { return }
        }
    }
}

