#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNCursesW

/// Where the screen draws.
public enum TerminalTarget: Sendable, Equatable {
    /// The process's own terminal (stdout/stdin).
    case real
    /// No terminal: output and input are /dev/null, size fixed by the caller. For tests.
    case headless(width: Int, height: Int)
}

public struct ScreenError: Error, Sendable, CustomStringConvertible {
    public let description: String
}

/// The one ncurses backend: puts a `CellGrid` on screen, writing only the cells that changed.
///
/// ncurses is global, non-thread-safe state, so everything that calls it lives on the main actor.
@MainActor
public final class NCursesScreen {
    public let target: TerminalTarget
    private var screen: OpaquePointer?
    private var outFile: UnsafeMutablePointer<FILE>?
    private var inFile: UnsafeMutablePointer<FILE>?
    private var restored = false
    private var mouseEnabled = false
    /// The grid currently on screen; nil forces the next draw to write every cell.
    private var lastGrid: CellGrid?
    /// The current theme at this terminal's depth; monochrome until a theme is applied.
    private var palette = Palette.monochrome
    /// Pairs handed out per (foreground, background) for the current palette.
    private var colorPairs = ColorPairs(limit: 1)
    /// Attributes and pair per style already resolved for the current palette.
    private var resolved: [Style: (attrs: attr_t, pair: Int32)] = [:]
    /// Lowers the pair limit below the terminal's, to test running out. Set before `applyTheme`.
    var pairLimitForTesting: Int?
    private var defaultColors = false
    /// The terminal's size as measured, which may exceed what is used (see `maximumSize`).
    private var measured: (width: Int, height: Int) = (0, 0)
    private let attrBold: attr_t, attrReverse: attr_t, attrUnderline: attr_t

    /// The largest size used for ncurses and the grid. ncurses keeps sizes in a `short` (32,768
    /// rows crash it) and every frame is width × height cells (10,000 × 10,000 was 7.9 GB); past
    /// this the screen says "terminal too large" instead. 1000 × 500 is beyond any real display.
    public static let maximumSize = (width: 1000, height: 500)

    /// `headlessTerm`: the terminfo entry of a `.headless` screen (tests of other terminals).
    public init(terminal: TerminalTarget, headlessTerm: String = "xterm-256color") throws {
        target = terminal
        attrBold = liqtop_a_bold()
        attrReverse = liqtop_a_reverse()
        attrUnderline = liqtop_a_underline()
        // Without this, wide characters get narrow-locale widths.
        setlocale(LC_ALL, "")
        // ncurses would measure the terminal itself, into a `short`: it starts at the terminfo
        // size instead, and is then told the measured size, clamped.
        use_env(false)

        switch terminal {
        case .real:
            let term = getenv("TERM").map { String(cString: $0) } ?? "unset"
            TerminalGuard.screenWillStart()
            screen = newterm(nil, liqtop_stdout(), liqtop_stdin())
            guard screen != nil else {
                TerminalGuard.screenDidRestore()
                throw ScreenError(description: "cannot start the terminal UI (TERM=\(term))")
            }
            guard liqtop_can_address_cursor() != 0 else {
                endwin()
                delscreen(screen)
                screen = nil
                TerminalGuard.screenDidRestore()
                throw ScreenError(description: "TERM=\(term) cannot move the cursor: use a full-screen terminal (or liqtop summary)")
            }
        case .headless(let width, let height):
            outFile = fopen("/dev/null", "w")
            inFile = fopen("/dev/null", "r")
            if outFile != nil, inFile != nil { screen = newterm(headlessTerm, outFile, inFile) }
            guard screen != nil else {
                closeFiles()
                throw ScreenError(description: "cannot start a headless ncurses screen")
            }
            measured = (max(1, width), max(1, height))
        }
        set_term(screen)
        // Esc must feel immediate; arrow and Alt sequences from a terminal arrive well within 25 ms.
        set_escdelay(25)
        cbreak()
        noecho()
        nonl()
        let win = liqtop_stdscr()
        keypad(win, true)
        nodelay(win, true) // we read only when poll() said input is ready
        scrollok(win, false)
        typeahead(-1) // never abort an update to peek at input; the watcher owns that
        curs_set(0)
        if has_colors() {
            start_color()
            defaultColors = use_default_colors() == OK
        }
        if target == .real { measure() }
        applySize()
    }

    /// Columns and rows of the terminal as ncurses sees it: at most `maximumSize`.
    public var size: (width: Int, height: Int) {
        (Int(liqtop_cols()), Int(liqtop_lines()))
    }

    /// The terminal is larger than `maximumSize`: draws show "terminal too large" instead.
    public var isTooLarge: Bool {
        measured.width > Self.maximumSize.width || measured.height > Self.maximumSize.height
    }

    /// Colours the terminal offers (256, 8, or 0 without colour): the app maps RGB themes to this.
    public var colorCount: Int { has_colors() ? Int(liqtop_colors()) : 0 }

    // MARK: theme

    /// Uses `palette` from the next draw on (which is full). Colour pairs are allocated per
    /// (foreground, background) as cells need them: first one per role on the screen
    /// background, so that every role keeps its colour if the terminal runs out of pairs.
    public func applyTheme(_ palette: Palette) {
        lastGrid = nil
        resolved = [:]
        self.palette = has_colors() ? palette : .monochrome
        colorPairs = ColorPairs(limit: min(Int(liqtop_color_pairs()), pairLimitForTesting ?? Int.max))
        guard !restored else { return }
        if self.palette.hasColor {
            for role in [Role.text] + Role.allCases { _ = style(Style(role)) }
        }
        // Cells ncurses clears itself (erase, resize) get the screen background too.
        var blank = cchar_t()
        liqtop_setcchar(&blank, [wchar_t(UInt8(ascii: " ")), 0], 0, self.palette.hasColor ? style(.text).pair : 0)
        wbkgrndset(liqtop_stdscr(), &blank)
    }

    /// The per-role form (one (fg, bg) per role, palette indices, -1 the terminal's own): each
    /// role's foreground; the screen background from `background` (else `text`); `selection`,
    /// `selection_inactive` and `bar` from their backgrounds. Roles left out draw in the
    /// terminal default.
    public func applyTheme(_ colors: [Role: (fg: Int, bg: Int)]) {
        var numbers: [Role: Int] = [:]
        for (role, c) in colors { numbers[role] = role.isBackground ? c.bg : c.fg }
        let background = (colors[.background] ?? colors[.text])?.bg ?? -1
        numbers[.background] = nil
        applyTheme(colors.isEmpty ? .monochrome : Palette(depth: .xterm256, colors: numbers, background: background))
    }

    /// The attributes and pair `style` is drawn with under the current palette.
    private func style(_ style: Style) -> (attrs: attr_t, pair: Int32) {
        if let r = resolved[style] { return r }
        let a = palette.attributes(for: style)
        var attrs: attr_t = 0
        if a.bold { attrs |= attrBold }
        if a.reverse { attrs |= attrReverse }
        if a.underline { attrs |= attrUnderline }
        var pair: Int32 = 0
        if palette.hasColor {
            let c = palette.colors(for: style)
            if let p = allocate(fg: c.fg, bg: c.bg) {
                pair = p
            } else {
                // Out of pairs: the foreground on the screen background (allocated first, by
                // role), a selection shown reversed; else the terminal default.
                let plain = terminalColors(palette.colors(for: Style(style.role)))
                pair = colorPairs.existing(fg: Int(plain.fg), bg: Int(plain.bg)) ?? 0
                if style.background == .selection { attrs |= attrReverse }
            }
        }
        resolved[style] = (attrs, pair)
        return (attrs, pair)
    }

    /// The pair for (fg, bg), defined in ncurses when new; nil when none is left.
    private func allocate(fg: Int, bg: Int) -> Int32? {
        let (f, b) = terminalColors((fg, bg))
        switch colorPairs.pair(fg: Int(f), bg: Int(b)) {
        case .known(let p): return p
        case .exhausted: return nil
        case .new(let p):
            if liqtop_init_pair(p, f, b) == OK { return p }
            colorPairs.forget(fg: Int(f), bg: Int(b))
            return nil
        }
    }

    /// Foreground and background as the terminal can show them (see `color`).
    private func terminalColors(_ c: (fg: Int, bg: Int)) -> (fg: Int32, bg: Int32) {
        let limit = Int(liqtop_colors())
        return (color(c.fg, limit: limit, fallback: 7), color(c.bg, limit: limit, fallback: 0))
    }

    /// A colour number the terminal can show: out-of-range becomes the default (-1), or
    /// `fallback` when the terminal has no default colours.
    private func color(_ c: Int, limit: Int, fallback: Int32) -> Int32 {
        if c >= 0, c < limit, c <= Int(Int32.max) { return Int32(c) }
        return defaultColors ? -1 : fallback
    }

    // MARK: drawing

    /// Puts `grid` on screen. Only cells that differ from the previous draw are written, unless
    /// the size or theme changed since. Cells beyond the terminal are clipped.
    public func draw(_ frame: CellGrid) {
        guard !restored else { return }
        let win = liqtop_stdscr()
        let (cols, rows) = size
        let grid = isTooLarge ? tooLargeNotice(width: cols, height: rows) : frame
        let previous = lastGrid.flatMap { $0.width == grid.width && $0.height == grid.height ? $0 : nil }
        if previous == nil { werase(win) }
        let w = min(grid.width, cols), h = min(grid.height, rows)
        for y in 0 ..< h {
            for x in 0 ..< w where previous.map({ isDirty(grid, $0, x, y) }) ?? true {
                put(grid, x: x, y: y, visibleWidth: w, win: win, bottomRight: x == cols - 1 && y == rows - 1)
            }
        }
        lastGrid = grid
        wnoutrefresh(win)
        doupdate()
    }

    /// A cell must be rewritten if it changed, or if the wide character it belongs to changed.
    private func isDirty(_ grid: CellGrid, _ old: CellGrid, _ x: Int, _ y: Int) -> Bool {
        if grid[x, y] != old[x, y] { return true }
        if grid[x, y].width == 2, x + 1 < grid.width, grid[x + 1, y] != old[x + 1, y] { return true }
        if grid[x, y].width == 0, x > 0, grid[x - 1, y] != old[x - 1, y] { return true }
        return false
    }

    private func put(_ grid: CellGrid, x: Int, y: Int, visibleWidth: Int, win: UnsafeMutablePointer<WINDOW>?, bottomRight: Bool) {
        let cell = grid[x, y]
        var text = cell.text
        switch cell.width {
        case 0:
            // The right half of a wide character is drawn with its left half; an orphan is a blank.
            if x > 0, grid[x - 1, y].width == 2 { return }
            text = " "
        case 2:
            // A wide character needs its continuation cell and room on screen.
            if x + 1 >= visibleWidth || grid[x + 1, y].width != 0 { text = " " }
        default:
            break
        }
        let (attrs, pair) = style(cell.style)
        let columns = text == " " ? 1 : Int(cell.width)
        var cc = cchar_t()
        let drawn = setCell(&cc, text: text, columns: columns, attrs: attrs, pair: pair)
        add(&cc, x: x, y: y, win: win, bottomRight: bottomRight)
        // A wide cell drawn narrow: its second column is written too, or it keeps old content.
        if drawn < columns, x + 1 < visibleWidth {
            var blank = cchar_t()
            liqtop_setcchar(&blank, [wchar_t(UInt8(ascii: " ")), 0], attrs, pair)
            let (cols, rows) = size
            add(&blank, x: x + 1, y: y, win: win, bottomRight: x + 1 == cols - 1 && y == rows - 1)
        }
    }

    private func add(_ cc: inout cchar_t, x: Int, y: Int, win: UnsafeMutablePointer<WINDOW>?, bottomRight: Bool) {
        let (cy, cx) = (Int32(y), Int32(x))
        if bottomRight {
            // Adding at the bottom-right corner would move the cursor past the end; inserting does
            // not, and ncurses' refresh paints that cell without scrolling.
            mvwins_wch(win, cy, cx, &cc)
        } else {
            mvwadd_wch(win, cy, cx, &cc)
        }
    }

    /// Fills `cc` with the cell's text if ncurses gives it the grid's width; else with what fits
    /// in fewer columns: the glyph itself when ncurses calls it narrow, an ASCII stand-in when
    /// the locale cannot show it (borders and bars under LANG=C), or "?". Never wider, which
    /// would shift the rest of the row. Returns the columns `cc` takes.
    private func setCell(_ cc: inout cchar_t, text: String, columns: Int, attrs: attr_t, pair: Int32) -> Int {
        // The pair is an int (ncurses' extended pairs): a short cannot hold every pair a
        // 65,536-pair terminal has.
        let scalars = text.unicodeScalars.prefix(Int(CCHARW_MAX))
        if let first = scalars.first {
            let width = Int(liqtop_wcwidth(wchar_t(bitPattern: first.value)))
            if width == columns || (width == 1 && columns == 2) {
                if liqtop_setcchar(&cc, scalars.map { wchar_t(bitPattern: $0.value) } + [0], attrs, pair) == OK { return width }
            } else if width < 0, let ascii = AsciiGlyphs.standIn(for: first)?.asciiValue {
                liqtop_setcchar(&cc, [wchar_t(ascii), 0], attrs, pair)
                return 1
            }
        }
        liqtop_setcchar(&cc, [wchar_t(UInt8(ascii: "?")), 0], attrs, pair)
        return 1
    }

    /// Shown instead of the frame while the terminal exceeds `maximumSize`, at the top left
    /// (the only part sure to be on a display).
    private func tooLargeNotice(width: Int, height: Int) -> CellGrid {
        var g = CellGrid(width: width, height: height)
        let (w, h) = measured, (mw, mh) = Self.maximumSize
        let lines = ["terminal too large", "have \(w)×\(h), at most \(mw)×\(mh)", "q quits"]
        for (k, line) in lines.enumerated() {
            g.put(line, x: 0, y: k, style: Style(k == 0 ? .warn : .text, bold: k == 0))
        }
        return g
    }

    // MARK: input

    /// Every key ncurses has buffered, in order. Call when the watcher reports `.inputReady`.
    public func readKeys() -> [Key] {
        guard !restored else { return [] }
        let win = liqtop_stdscr()
        var keys: [Key] = []
        // Bounded so a stuck descriptor can never hang the UI.
        for _ in 0 ..< 4096 {
            var value: wint_t = 0
            let status = wget_wch(win, &value)
            guard let key = KeyDecoder.decode(status: status, value: UInt32(value)) else { break }
            keys.append(key)
        }
        return keys
    }

    /// Keys and mouse reports since the last call: ncurses' own mouse events (`KEY_MOUSE`) and
    /// SGR reports that arrive as plain characters (see `SGRMouse`).
    public func readInputs() -> [TerminalInput] {
        guard !restored else { return [] }
        let win = liqtop_stdscr()
        var out: [TerminalInput] = []
        var keys: [Key] = []
        for _ in 0 ..< 4096 {
            var value: wint_t = 0
            let status = wget_wch(win, &value)
            if status == KEY_CODE_YES, Int32(truncatingIfNeeded: value) == KEY_MOUSE {
                var x: Int32 = 0, y: Int32 = 0, kind: Int32 = 0
                guard liqtop_get_mouse(&x, &y, &kind) == 1 else { continue }
                out += SGRMouse.extract(keys)
                keys = []
                let action: MouseEvent.Action = [.press, .release, .wheelUp, .wheelDown, .otherPress][Int(min(max(kind, 0), 4))]
                out.append(.mouse(MouseEvent(x: Int(x), y: Int(y), action: action)))
                continue
            }
            guard let key = KeyDecoder.decode(status: status, value: UInt32(value)) else { break }
            keys.append(key)
        }
        return out + SGRMouse.extract(keys)
    }

    /// Mouse reports on (`--no-mouse` leaves the terminal's own selection alone): ncurses'
    /// mask, plus SGR encoding so columns past 223 report too. `restore` turns both off.
    public func enableMouse() {
        guard !restored else { return }
        _ = liqtop_mouse_on()
        putp("\u{1B}[?1006h")
        mouseEnabled = true
    }

    // MARK: size and lifecycle

    /// After SIGWINCH: measure the terminal and tell ncurses. The next draw is full.
    public func handleResize() {
        guard !restored else { return }
        lastGrid = nil
        guard target == .real else { return }
        measure()
        applySize()
    }

    /// Sets the size directly (tests; the headless target). The next draw is full.
    public func resize(width: Int, height: Int) {
        guard !restored else { return }
        lastGrid = nil
        measured = (max(1, width), max(1, height))
        applySize()
    }

    /// The real terminal's size, from the kernel; what ncurses has if that fails.
    private func measure() {
        var rows: Int32 = 0, cols: Int32 = 0
        if liqtop_window_size(1, &rows, &cols) == 0 || liqtop_window_size(0, &rows, &cols) == 0 {
            measured = (Int(cols), Int(rows))
        } else {
            measured = (Int(liqtop_cols()), Int(liqtop_lines()))
        }
    }

    /// Tells ncurses the measured size, clamped to `maximumSize`.
    private func applySize() {
        let w = min(max(1, measured.width), Self.maximumSize.width)
        let h = min(max(1, measured.height), Self.maximumSize.height)
        if w != Int(liqtop_cols()) || h != Int(liqtop_lines()) { resizeterm(Int32(h), Int32(w)) }
    }

    /// After SIGCONT or a garbled screen: repaint everything on the next draw.
    public func bell() {
        guard !restored else { return }
        beep()
    }

    public func invalidate() {
        guard !restored else { return }
        lastGrid = nil
        clearok(liqtop_stdscr(), true)
    }

    /// Gives the terminal back (endwin). Idempotent; call on every exit path.
    public func restore() {
        guard !restored else { return }
        restored = true
        lastGrid = nil
        if mouseEnabled { putp("\u{1B}[?1006l"); liqtop_mouse_off() }
        endwin()
        if case .headless = target {
            if let screen { delscreen(screen) }
            closeFiles()
        }
        screen = nil
        if target == .real { TerminalGuard.screenDidRestore() }
    }

    private func closeFiles() {
        if let f = outFile { fclose(f) }
        if let f = inFile { fclose(f) }
        outFile = nil
        inFile = nil
    }

    // MARK: reading back (tests)

    /// The character ncurses holds at (x, y); "" outside the screen or after restore.
    public func cellText(x: Int, y: Int) -> String {
        guard !restored, x >= 0, y >= 0, x < size.width, y < size.height else { return "" }
        var cc = cchar_t()
        guard mvwin_wch(liqtop_stdscr(), Int32(y), Int32(x), &cc) != ERR else { return "" }
        return string(of: &cc)
    }

    /// Attributes and colour pair of the cell at (x, y), for tests.
    public func cellStyle(x: Int, y: Int) -> (bold: Bool, reverse: Bool, underline: Bool, pair: Int16)? {
        guard let c = cellAttributes(x: x, y: y) else { return nil }
        return (c.attrs & attrBold != 0, c.attrs & attrReverse != 0, c.attrs & attrUnderline != 0, Int16(clamping: c.pair))
    }

    /// Foreground and background colour numbers of the cell at (x, y) (-1: the terminal's own),
    /// for tests.
    public func cellColors(x: Int, y: Int) -> (fg: Int, bg: Int)? {
        guard let c = cellAttributes(x: x, y: y) else { return nil }
        return pairColors(c.pair)
    }

    /// Foreground and background of pair `pair` as ncurses defined it.
    public func pairColors(_ pair: Int32) -> (fg: Int, bg: Int)? {
        var fg: Int32 = 0, bg: Int32 = 0
        guard !restored, liqtop_pair_content(pair, &fg, &bg) != ERR else { return nil }
        return (Int(fg), Int(bg))
    }

    /// How many colour pairs the current palette has allocated.
    public var pairsInUse: Int { colorPairs.count }

    private func cellAttributes(x: Int, y: Int) -> (attrs: attr_t, pair: Int32)? {
        guard !restored, x >= 0, y >= 0, x < size.width, y < size.height else { return nil }
        var cc = cchar_t()
        guard mvwin_wch(liqtop_stdscr(), Int32(y), Int32(x), &cc) != ERR else { return nil }
        var chars = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)
        var attrs: attr_t = 0
        var pair: Int32 = 0
        guard liqtop_getcchar(&cc, &chars, &attrs, &pair) != ERR else { return nil }
        return (attrs, pair)
    }

    /// Row `y` as ncurses holds it (each wide character once).
    public func lineText(_ y: Int) -> String {
        guard !restored, y >= 0, y < size.height else { return "" }
        // Counted in code points, not columns: room for the zero-width ones each cell may hold.
        let n = size.width * Int(CCHARW_MAX)
        var buf = [wchar_t](repeating: 0, count: n + 1)
        let got = mvwinnwstr(liqtop_stdscr(), Int32(y), 0, &buf, Int32(n))
        guard got != ERR else { return "" }
        return decode(buf)
    }

    /// Colour pair ncurses uses for `role` on the screen background (0 = default).
    public func pair(for role: Role) -> Int16 { Int16(clamping: pair(of: Style(role))) }

    /// Colour pair ncurses uses for `style` under the current theme (0 = default).
    public func pair(of style: Style) -> Int32 {
        guard !restored else { return 0 }
        return self.style(style).pair
    }

    private func string(of cc: inout cchar_t) -> String {
        var chars = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)
        var attrs: attr_t = 0
        var pair: Int32 = 0
        guard liqtop_getcchar(&cc, &chars, &attrs, &pair) != ERR else { return "" }
        return decode(chars)
    }

    private func decode(_ chars: [wchar_t]) -> String {
        var s = String.UnicodeScalarView()
        for c in chars {
            if c == 0 { break }
            if let u = Unicode.Scalar(UInt32(bitPattern: c)) { s.append(u) }
        }
        return String(s)
    }
}
