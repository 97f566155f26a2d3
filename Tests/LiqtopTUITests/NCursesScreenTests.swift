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

    @Test func themeAllocatesPairsAndAttributesReachTheCells() throws {
        let screen = try makeScreen(width: 12, height: 2)
        defer { screen.restore() }
        #expect(screen.colorCount == 256)
        // The per-role form still works: each role's foreground, the background of `text`.
        screen.applyTheme([.text: (fg: 252, bg: -1), .long: (fg: 46, bg: -1), .short: (fg: 196, bg: 16)])
        let long = screen.pair(for: .long), short = screen.pair(for: .short), text = screen.pair(for: .text)
        #expect(long > 0 && short > 0 && text > 0)
        #expect(Set([long, short, text]).count == 3)
        #expect(screen.pairColors(Int32(short))! == (fg: 196, bg: -1))

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

    // MARK: issue 13: a colour pair per (foreground, background), on demand

    @Test func pairsPerForegroundAndBackgroundAndTheTerminalsOwnBackground() throws {
        let screen = try makeScreen(width: 20, height: 3)
        defer { screen.restore() }
        screen.applyTheme(ColorMapping.palette(for: .builtIn, depth: .xterm256))
        var g = CellGrid(width: 20, height: 3)
        g.put("long", x: 0, y: 0, style: Style(.long))
        g.put("long", x: 5, y: 0, style: Style(.long, on: .selection))
        g.put("long", x: 10, y: 0, style: Style(.long, on: .selectionInactive))
        g.put("liqtop", x: 0, y: 1, style: Style(.title, on: .bar, bold: true))
        screen.draw(g)
        // The default theme leaves the background to the terminal: -1 wherever no background is named.
        #expect(screen.cellColors(x: 0, y: 0)! == (fg: 203, bg: -1))
        #expect(screen.cellColors(x: 5, y: 0)! == (fg: 203, bg: 24))
        #expect(screen.cellColors(x: 10, y: 0)! == (fg: 203, bg: 235))
        #expect(screen.cellColors(x: 0, y: 1)! == (fg: 231, bg: 234))
        #expect(screen.cellColors(x: 19, y: 2)! == (fg: 252, bg: -1)) // a blank
        #expect(screen.cellStyle(x: 0, y: 1)!.bold && !screen.cellStyle(x: 5, y: 0)!.reverse)
        // Reused, not allocated per cell: one per role on the screen background plus the three above.
        let used = screen.pairsInUse
        screen.draw(g)
        #expect(used == screen.pairsInUse)
        #expect(screen.pair(of: Style(.long, on: .selection)) == screen.pair(of: Style(.long, on: .selection)))
    }

    @Test func aThemeWithABackgroundPaintsEveryCell() throws {
        let screen = try makeScreen(width: 80, height: 24)
        defer { screen.restore() }
        let light = Theme(name: "light", colors: [.background: RGB(0xff, 0xff, 0xff), .text: RGB(0x26, 0x26, 0x26)])
        screen.applyTheme(ColorMapping.palette(for: light, depth: .xterm256))
        screen.draw(Renderer.render(nil, ViewState(), ChromeInfo(source: "demo"), width: 80, height: 24))
        for y in 1 ..< 23 {
            for x in 0 ..< 80 { #expect(screen.cellColors(x: x, y: y)?.bg == 231, "(\(x), \(y))") }
        }
        #expect(screen.cellColors(x: 0, y: 0)?.bg == 234) // the header on the bar (the default's: the theme sets none)
    }

    @Test func runningOutOfPairsKeepsForegroundsAndShowsTheSelectionReversed() throws {
        let screen = try makeScreen(width: 20, height: 2)
        defer { screen.restore() }
        // Room for the per-role pairs only (one per role on the screen background, allocated first;
        // roles of the same colours share one).
        let palette = ColorMapping.palette(for: .builtIn, depth: .xterm256)
        let perRole = Set(Role.allCases.map { role in palette.colors(for: Style(role)) }.map { "\($0.fg) \($0.bg)" }).count
        screen.pairLimitForTesting = perRole + 1
        screen.applyTheme(palette)
        #expect(screen.pairsInUse == perRole)
        var g = CellGrid(width: 20, height: 2)
        for (k, role) in [Role.long, .short, .dim, .warn].enumerated() {
            g.put("x", x: k, y: 0, style: Style(role, on: .selection))
            g.put("y", x: k, y: 1, style: Style(role, on: .bar))
        }
        screen.draw(g)
        for k in 0 ..< 4 {
            let sel = try #require(screen.cellStyle(x: k, y: 0))
            let role = [Role.long, .short, .dim, .warn][k]
            // Exhausted: the role's own pair (its colour on the screen background), selection reversed.
            #expect(sel.pair == screen.pair(for: role), "\(role)")
            #expect(screen.cellColors(x: k, y: 0)?.fg == ColorMapping.palette(for: .builtIn, depth: .xterm256).colors[role])
            #expect(sel.reverse)
            #expect(screen.cellStyle(x: k, y: 1)?.pair == screen.pair(for: role))
        }
    }

    @Test func noColourMeansNoPairsAndReversedSelections() throws {
        let screen = try makeScreen(width: 10, height: 1)
        defer { screen.restore() }
        screen.applyTheme(.monochrome)
        var g = CellGrid(width: 10, height: 1)
        g.put("sel", x: 0, y: 0, style: Style(.long, on: .selection))
        g.put("bar", x: 4, y: 0, style: Style(.text, on: .bar))
        screen.draw(g)
        #expect(screen.cellStyle(x: 0, y: 0)! == (bold: false, reverse: true, underline: false, pair: 0))
        #expect(screen.cellStyle(x: 4, y: 0)! == (bold: false, reverse: false, underline: false, pair: 0))
        #expect(screen.pairsInUse == 0)
    }

    /// A direct-colour terminfo entry (what `xterm-direct` declares): 2^24 colours, the RGB flag,
    /// colour numbers sent as 24-bit SGR. Compiled with `tic` into a temporary directory.
    @Test func directColourTerminalsGetTheExactRGB() throws {
        let dir = try #require(Self.compileDirectColourTerminfo(), "tic could not compile a direct-colour entry")
        setenv("TERMINFO", dir, 1)
        defer { unsetenv("TERMINFO") }
        setenv("LANG", "C.UTF-8", 1)
        setenv("LC_ALL", "C.UTF-8", 1)
        let screen = try NCursesScreen(terminal: .headless(width: 10, height: 2), headlessTerm: "liqtop-direct")
        defer { screen.restore() }
        #expect(screen.colorCount == 1 << 24)
        let depth = ColorMapping.depth(colors: screen.colorCount, environment: [:])
        #expect(depth == .trueColor)
        screen.applyTheme(ColorMapping.palette(for: .builtIn, depth: depth))
        var g = CellGrid(width: 10, height: 2)
        g.put("long", x: 0, y: 0, style: Style(.long, on: .selection))
        g.put("bar", x: 0, y: 1, style: Style(.dim, on: .bar))
        screen.draw(g)
        #expect(screen.cellColors(x: 0, y: 0)! == (fg: 0xff5f5f, bg: 0x264f78))
        #expect(screen.cellColors(x: 0, y: 1)! == (fg: 0x6c6c6c, bg: 0x1c1c1c))
        #expect(screen.cellColors(x: 5, y: 0)! == (fg: 0xcccccc, bg: -1))
    }

    private static func compileDirectColourTerminfo() -> String? {
        var template = Array("/tmp/liqtop-terminfo-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ buf in buf.baseAddress.flatMap { mkdtemp($0) } }) else { return nil }
        let dir = String(cString: made)
        let source = dir + "/direct.src"
        let entry = """
        liqtop-direct|liqtop test terminal with direct colour,
        \tam, RGB, colors#0x1000000, pairs#0x10000, cols#80, lines#24,
        \tclear=\\E[H\\E[2J, cup=\\E[%i%p1%d;%p2%dH, el=\\E[K, op=\\E[39;49m,
        \tbold=\\E[1m, rev=\\E[7m, smul=\\E[4m, rmul=\\E[24m, sgr0=\\E[m,
        \tsetaf=\\E[%?%p1%{8}%<%t3%p1%d%e38:2::%p1%{65536}%/%d:%p1%{256}%/%{255}%&%d:%p1%{255}%&%d%;m,
        \tsetab=\\E[%?%p1%{8}%<%t4%p1%d%e48:2::%p1%{65536}%/%d:%p1%{256}%/%{255}%&%d:%p1%{255}%&%d%;m,

        """
        guard let f = fopen(source, "w") else { return nil }
        fputs(entry, f)
        fclose(f)
        for tic in ["/usr/bin/tic", "/bin/tic", "/usr/local/bin/tic", "/opt/homebrew/opt/ncurses/bin/tic"] where access(tic, X_OK) == 0 {
            var pid: pid_t = 0
            let argv = [tic, "-x", "-o", dir, source]
            var cargs = argv.map { strdup($0) } + [nil]
            defer { for p in cargs { free(p) } }
            guard posix_spawn(&pid, tic, nil, nil, &cargs, nil) == 0 else { continue }
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            return status == 0 ? dir : nil
        }
        return nil
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
