#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNCursesW
import Testing
@testable import LiqtopTUI

/// ncurses is one global state: these run one at a time, on the main actor, headless.
@MainActor
@Suite(.serialized) struct NCursesScreenTests {
    private func makeScreen(width: Int, height: Int) throws -> NCursesScreen {
        // Under LANG=C, CJK and braille get the wrong widths.
        setenv("LANG", "C.UTF-8", 1)
        setenv("LC_ALL", "C.UTF-8", 1)
        return try NCursesScreen(terminal: .headless(width: width, height: height))
    }

    @Test func drawsAsciiWideBrailleAndBoxDrawing() throws {
        let screen = try makeScreen(width: 20, height: 5)
        defer { screen.restore() }
        #expect(screen.size.width == 20 && screen.size.height == 5)
        var g = CellGrid(width: 20, height: 5)
        g.box(Rect(x: 0, y: 0, width: 20, height: 5))
        g.put("BTC 漢字", x: 1, y: 1)
        g.put("⣿⡇⠁", x: 1, y: 2)
        g.put("end", x: 1, y: 3)
        screen.draw(g)

        #expect(screen.cellText(x: 0, y: 0) == "┌")
        #expect(screen.cellText(x: 1, y: 0) == "─")
        #expect(screen.cellText(x: 19, y: 0) == "┐")
        #expect(screen.cellText(x: 0, y: 4) == "└")
        #expect(screen.cellText(x: 19, y: 4) == "┘") // bottom-right corner
        #expect(screen.cellText(x: 0, y: 2) == "│")
        #expect(screen.cellText(x: 1, y: 1) == "B")
        #expect(screen.cellText(x: 3, y: 1) == "C")
        #expect(screen.cellText(x: 5, y: 1) == "漢")
        #expect(screen.cellText(x: 7, y: 1) == "字")
        #expect(screen.cellText(x: 9, y: 1) == " ")
        #expect(screen.cellText(x: 1, y: 2) == "⣿")
        #expect(screen.cellText(x: 2, y: 2) == "⡇")
        #expect(screen.cellText(x: 3, y: 2) == "⠁")
        // Each wide character once, then the rest of the row in its true columns.
        #expect(screen.lineText(1) == "│BTC 漢字          │")
        #expect(screen.lineText(2) == "│⣿⡇⠁               │")
        #expect(screen.lineText(4) == "└──────────────────┘")
    }

    @Test func secondDrawWritesOnlyChangedCells() throws {
        let screen = try makeScreen(width: 10, height: 3)
        defer { screen.restore() }
        var g = CellGrid(width: 10, height: 3)
        g.put("abcdefghij", x: 0, y: 0)
        g.put("0123456789", x: 0, y: 1)
        screen.draw(g)
        #expect(screen.lineText(1) == "0123456789")

        // Scribble on ncurses' copy behind the backend's back: an unchanged cell must stay as is.
        mvwaddch(liqtop_stdscr(), 0, 0, chtype(UInt8(ascii: "Z")))
        g.put("X", x: 5, y: 1)
        screen.draw(g)
        #expect(screen.lineText(1) == "01234X6789")
        #expect(screen.cellText(x: 0, y: 0) == "Z")

        // Wide over narrow and back again, through the diff path.
        g.put("漢", x: 2, y: 1)
        screen.draw(g)
        #expect(screen.lineText(1) == "01漢4X6789")
        g.put("ab", x: 2, y: 1)
        screen.draw(g)
        #expect(screen.lineText(1) == "01ab4X6789")

        // After invalidate the next draw is full and repairs the scribble.
        screen.invalidate()
        screen.draw(g)
        #expect(screen.cellText(x: 0, y: 0) == "a")
    }

    @Test func orphanContinuationAndClippedWideCharacterBecomeBlanks() throws {
        let screen = try makeScreen(width: 6, height: 2)
        defer { screen.restore() }
        var g = CellGrid(width: 6, height: 2)
        g.put("漢字", x: 0, y: 0)
        g.put("x", x: 0, y: 0) // leaves the right half of 漢 without its left half
        g.put("abcde漢", x: 0, y: 1) // 漢 does not fit: CellGrid drops it
        screen.draw(g)
        #expect(screen.lineText(0) == "x 字  ")
        #expect(screen.lineText(1) == "abcde ")
    }

    @Test func resizeReportsSizeAndDrawsFullGrid() throws {
        let screen = try makeScreen(width: 80, height: 24)
        defer { screen.restore() }
        for (w, h) in [(70, 20), (200, 60)] {
            screen.resize(width: w, height: h)
            #expect(screen.size.width == w && screen.size.height == h)
            var g = CellGrid(width: w, height: h)
            g.box(g.bounds, title: "liqtop")
            g.put("\(w)x\(h)", x: 2, y: 1)
            screen.draw(g)
            #expect(screen.cellText(x: w - 1, y: h - 1) == "┘")
            #expect(screen.cellText(x: w - 1, y: 0) == "┐")
            #expect(screen.lineText(1).hasPrefix("│ \(w)x\(h) "))
            #expect(screen.lineText(0).hasPrefix("┌─ liqtop ─"))
        }
        // A grid larger than the terminal is clipped, not wrapped.
        screen.resize(width: 10, height: 2)
        var big = CellGrid(width: 30, height: 5)
        big.put("0123456789ABCDEFGHIJ", x: 0, y: 1)
        screen.draw(big)
        #expect(screen.lineText(1) == "0123456789")
        #expect(screen.cellText(x: 10, y: 1) == "")
    }

    @Test func themeAllocatesOnePairPerRoleAndAttributesReachTheCells() throws {
        let screen = try makeScreen(width: 12, height: 2)
        defer { screen.restore() }
        #expect(screen.colorCount == 256)
        screen.applyTheme([.text: (fg: 252, bg: -1), .long: (fg: 46, bg: -1), .short: (fg: 196, bg: 16)])
        let long = screen.pair(for: .long), short = screen.pair(for: .short), text = screen.pair(for: .text)
        #expect(long > 0 && short > 0 && text > 0)
        #expect(Set([long, short, text]).count == 3)
        #expect(screen.pair(for: .warn) == 0) // not in the theme: terminal default
        var fg: Int16 = 0, bg: Int16 = 0
        #expect(pair_content(short, &fg, &bg) == OK)
        #expect(fg == 196 && bg == 16)

        var g = CellGrid(width: 12, height: 2)
        g.put("LONG", x: 0, y: 0, style: Style(.long, bold: true))
        g.put("SHORT", x: 5, y: 0, style: Style(.short, reverse: true, underline: true))
        screen.draw(g)
        let a = try #require(screen.cellStyle(x: 0, y: 0))
        #expect(a.bold && !a.reverse && !a.underline && a.pair == long)
        let b = try #require(screen.cellStyle(x: 6, y: 0))
        #expect(!b.bold && b.reverse && b.underline && b.pair == short)
        let c = try #require(screen.cellStyle(x: 0, y: 1))
        #expect(!c.bold && c.pair == text)
    }

    @Test func keysDecodeFromNcursesInput() throws {
        let screen = try makeScreen(width: 10, height: 3)
        defer { screen.restore() }
        _ = screen.readKeys() // drop anything queued by setup (e.g. KEY_RESIZE)
        let codes: [(Int32, Key)] = [
            (KEY_END, .end), (KEY_HOME, .home), (KEY_NPAGE, .pageDown), (KEY_PPAGE, .pageUp),
            (KEY_BTAB, .backTab), (KEY_UP, .up), (KEY_BACKSPACE, .backspace), (KEY_ENTER, .enter),
            (KEY_F0 + 5, .function(5)), (KEY_RESIZE, .resize),
        ]
        for (code, key) in codes {
            #expect(ungetch(code) == OK)
            #expect(screen.readKeys() == [key], "key code \(code)")
        }
        let chars: [(UInt32, Key)] = [
            (UInt32(UInt8(ascii: "q")), .char("q")), (3, .ctrl("c")), (13, .enter), (10, .enter),
            (27, .escape), (127, .backspace), (8, .backspace), (9, .tab), (0x6F22, .char("漢")),
        ]
        for (value, key) in chars {
            #expect(unget_wch(wchar_t(bitPattern: value)) == OK)
            #expect(screen.readKeys() == [key], "character \(value)")
        }
        #expect(screen.readKeys() == [])
    }

    @Test func resizeQueuesResizeKey() throws {
        let screen = try makeScreen(width: 40, height: 10)
        defer { screen.restore() }
        _ = screen.readKeys()
        screen.resize(width: 50, height: 12)
        #expect(screen.readKeys() == [.resize])
    }

    @Test func restoreIsIdempotentAndStopsDrawing() throws {
        let screen = try makeScreen(width: 10, height: 3)
        screen.restore()
        screen.restore()
        screen.draw(CellGrid(width: 10, height: 3))
        #expect(screen.readKeys() == [])
        #expect(screen.cellText(x: 0, y: 0) == "")
        // A headless screen never marks the real terminal as taken.
        #expect(!TerminalGuard.isActive)
    }

    // MARK: faults: sizes, wide characters, locales

    /// ncurses keeps sizes in a `short`, and a 10,000×10,000 grid is 10^8 cells: the size used is
    /// clamped, and the frame says the terminal is too large instead of the dashboard.
    @Test func hugeSizeIsClampedAndSaysTooLarge() throws {
        let screen = try makeScreen(width: 80, height: 24)
        defer { screen.restore() }
        screen.resize(width: 120, height: 40000)
        #expect(screen.size.width == 120 && screen.size.height <= 1000, "size \(screen.size)")
        var g = CellGrid(width: screen.size.width, height: screen.size.height)
        g.put("dashboard", x: 0, y: 0)
        screen.draw(g)
        #expect(screen.lineText(0).hasPrefix("terminal too large"), "\(screen.lineText(0))")
        #expect(screen.lineText(1).hasPrefix("have 120×40000, at most "), "\(screen.lineText(1))")
        screen.resize(width: 10000, height: 10000)
        #expect(screen.size.width <= 2000 && screen.size.height <= 1000, "size \(screen.size)")
        // Back to a sane size: the grid again.
        screen.resize(width: 80, height: 24)
        screen.draw(CellGrid(width: 80, height: 24))
        g = CellGrid(width: 80, height: 24)
        g.put("dashboard", x: 0, y: 0)
        screen.draw(g)
        #expect(screen.lineText(0).hasPrefix("dashboard "))
    }

    /// Without a UTF-8 locale ncurses cannot show box drawing or blocks: ASCII stand-ins, not "?".
    @Test func withoutUtf8LocaleLinesAndBarsAreAscii() throws {
        setenv("LANG", "C", 1)
        setenv("LC_ALL", "C", 1)
        let screen = try NCursesScreen(terminal: .headless(width: 12, height: 4))
        // Back to what every other test here sets: tmux servers started later by other suites
        // inherit this process's environment, and LC_ALL=C would reach their panes.
        setenv("LANG", "C.UTF-8", 1)
        setenv("LC_ALL", "C.UTF-8", 1)
        defer { screen.restore(); setlocale(LC_ALL, "C.UTF-8") }
        var g = CellGrid(width: 12, height: 4)
        g.box(g.bounds, title: "ETF")
        g.put("█▌░▁▇⣿", x: 1, y: 1)
        g.put("▶ 60× ·›…", x: 1, y: 2)
        screen.draw(g)
        #expect(screen.lineText(0) == "+- ETF ----+")
        #expect(screen.lineText(1) == "|##:_#:    |")
        #expect(screen.lineText(2) == "|> 60x .>. |")
        #expect(screen.lineText(3) == "+----------+")
    }

    /// The terminal draws U+2764 U+FE0F one column wide (wcwidth): the grid must agree, or the
    /// column beside it keeps whatever was there before.
    @Test func variationSelectorEmojiLeavesNoStaleCell() throws {
        let screen = try makeScreen(width: 8, height: 1)
        defer { screen.restore() }
        var g = CellGrid(width: 8, height: 1)
        g.put("abcdefgh", x: 0, y: 0)
        screen.draw(g)
        g.put("\u{2764}\u{FE0F}xy", x: 0, y: 0)
        screen.draw(g)
        #expect(screen.lineText(0) == g.line(0))
        #expect(screen.lineText(0) == "\u{2764}\u{FE0F}xydefgh")
    }

    /// A ZWJ sequence reaches the screen whole (three wide emoji), not cut after the first.
    @Test func zwjSequenceIsDrawnWhole() throws {
        let screen = try makeScreen(width: 10, height: 1)
        defer { screen.restore() }
        var g = CellGrid(width: 10, height: 1)
        g.put("\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}abcd", x: 0, y: 0)
        screen.draw(g)
        #expect(screen.lineText(0) == "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}abcd")
        #expect(screen.cellText(x: 6, y: 0) == "a")
    }

    /// A wide grid cell that ncurses cannot show as wide becomes "?" and a blank: both columns written.
    @Test func wideCellNcursesCannotShowBlanksBothColumns() throws {
        let screen = try makeScreen(width: 4, height: 1)
        defer { screen.restore() }
        var g = CellGrid(width: 4, height: 1)
        g.put("abcd", x: 0, y: 0)
        screen.draw(g)
        // Unassigned code point: wcwidth says -1; a grid built elsewhere may still call it wide.
        g[0, 0] = Cell(text: "\u{E0080}", style: .text, width: 2)
        g[1, 0] = Cell(text: "", style: .text, width: 0)
        screen.draw(g)
        #expect(screen.lineText(0) == "? cd")
    }
}
