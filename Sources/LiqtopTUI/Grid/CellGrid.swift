/// One screen cell: a code point that takes columns, with any zero-width ones after it (what
/// ncurses keeps in one cell), or "" for the right half of a wide character; and its style.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: Style
    /// Display columns of `text`: 1, 2 (wide), or 0 for the continuation of a wide character.
    public var width: UInt8

    public static let blank = Cell(text: " ", style: .text, width: 1)
}

/// A rectangle of cells.
public struct Rect: Hashable, Sendable {
    public var x: Int, y: Int, width: Int, height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width <= 0 || height <= 0 }

    public func inset(by n: Int) -> Rect { Rect(x: x + n, y: y + n, width: width - 2 * n, height: height - 2 * n) }
    public func row(_ dy: Int) -> Rect { Rect(x: x, y: y + dy, width: width, height: dy < height ? 1 : 0) }

    /// Splits off the top `n` rows: (top, rest).
    public func splitTop(_ n: Int) -> (Rect, Rect) {
        let h = min(max(0, n), height)
        return (Rect(x: x, y: y, width: width, height: h), Rect(x: x, y: y + h, width: width, height: height - h))
    }

    /// Splits off the left `n` columns: (left, rest).
    public func splitLeft(_ n: Int) -> (Rect, Rect) {
        let w = min(max(0, n), width)
        return (Rect(x: x, y: y, width: w, height: height), Rect(x: x + w, y: y, width: width - w, height: height))
    }
}

/// An off-screen frame. Panels draw here (testable without a terminal); one backend puts it on
/// screen, writing only the cells that changed.
public struct CellGrid: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// The bar shapes this frame uses: they travel with the frame, so a panel drawing bars
    /// needs no global state to know whether colour tells the sides apart.
    public var glyphs: BarGlyphs
    /// What the regions of this frame stand for, for the mouse (`HitMap`).
    public internal(set) var hits: [Hit] = []
    /// Rows of the list the keyboard moves in (the drill table, or the focused panel's list), as
    /// this frame drew it: what PgUp/PgDn move by.
    public internal(set) var listRows: Int?

    public init(width: Int, height: Int, style: Style = .text, glyphs: BarGlyphs = .colour) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.glyphs = glyphs
        cells = Array(repeating: Cell(text: " ", style: style, width: 1), count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes `text` from (x, y), clipped to `clip` (default: the whole grid), one cell per code
    /// point that takes columns (with the zero-width ones after it, as ncurses stores them), wide
    /// characters taking two. Text is sanitized first, so nothing from data can emit a control
    /// sequence. A wide character partly overwritten loses its other half too (it becomes a
    /// blank). Returns the columns written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .text, clip: Rect? = nil) -> Int {
        let c = clip ?? bounds
        guard y >= max(0, c.y), y < min(height, c.maxY) else { return 0 }
        let right = min(width, c.maxX)
        var col = x
        for (cellText, w) in TextWidth.cells(Sanitizer.clean(text)) {
            if col + w > right { break }
            if col >= max(0, c.x) { set(Cell(text: cellText, style: style, width: UInt8(w)), x: col, y: y) }
            col += w
        }
        return max(0, col - x)
    }

    /// Writes one cell (and the right half of a wide one). A wide character it cuts through
    /// becomes blanks, so no half is ever left on its own.
    private mutating func set(_ cell: Cell, x: Int, y: Int) {
        blankLeftHalf(ofRightHalfAt: x, y: y)
        self[x, y] = cell
        if cell.width == 2 { self[x + 1, y] = Cell(text: "", style: cell.style, width: 0) }
        blankRightHalf(at: x + Int(cell.width), y: y)
    }

    /// The cell at `x` is about to be overwritten: if it is the right half of a wide character,
    /// that character's left half becomes a blank.
    private mutating func blankLeftHalf(ofRightHalfAt x: Int, y: Int) {
        guard x > 0, x < width, self[x, y].width == 0, self[x - 1, y].width == 2 else { return }
        self[x - 1, y] = Cell(text: " ", style: self[x - 1, y].style, width: 1)
    }

    /// The cell before `x` was just overwritten: a right half left at `x` becomes a blank.
    private mutating func blankRightHalf(at x: Int, y: Int) {
        guard x > 0, x < width, self[x, y].width == 0 else { return }
        self[x, y] = Cell(text: " ", style: self[x, y].style, width: 1)
    }

    /// Writes `text` right-aligned so that it ends at column `right - 1`.
    @discardableResult
    public mutating func putRight(_ text: String, right: Int, y: Int, style: Style = .text, clip: Rect? = nil) -> Int {
        put(text, x: right - TextWidth.of(text), y: y, style: style, clip: clip)
    }

    /// Paints `rect` with blanks in `style`.
    public mutating func fill(_ rect: Rect, style: Style, text: String = " ") {
        let x0 = max(0, rect.x), x1 = min(width, rect.maxX), y0 = max(0, rect.y), y1 = min(height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0 ..< y1 {
            blankLeftHalf(ofRightHalfAt: x0, y: y)
            for x in x0 ..< x1 { self[x, y] = Cell(text: text, style: style, width: 1) }
            blankRightHalf(at: x1, y: y)
        }
    }

    /// Changes the style of existing cells (e.g. a selection highlight).
    public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
        let x0 = max(0, rect.x), x1 = min(width, rect.maxX), y0 = max(0, rect.y), y1 = min(height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0 ..< y1 { for x in x0 ..< x1 { change(&cells[y * width + x].style) } }
    }

    /// Patches the style of existing cells: what `patch` names changes, the rest stays.
    public mutating func patch(_ rect: Rect, with patch: StylePatch) {
        restyle(rect) { $0 = $0.patched(with: patch) }
    }

    /// A box border with an optional title on the top edge.
    public mutating func box(_ r: Rect, title: String? = nil, style: Style = Style(.border), titleStyle: Style = Style(.title, bold: true)) {
        guard r.width >= 2, r.height >= 2 else { return }
        for x in r.x + 1 ..< r.maxX - 1 { put("─", x: x, y: r.y, style: style); put("─", x: x, y: r.maxY - 1, style: style) }
        for y in r.y + 1 ..< r.maxY - 1 { put("│", x: r.x, y: y, style: style); put("│", x: r.maxX - 1, y: y, style: style) }
        put("┌", x: r.x, y: r.y, style: style); put("┐", x: r.maxX - 1, y: r.y, style: style)
        put("└", x: r.x, y: r.maxY - 1, style: style); put("┘", x: r.maxX - 1, y: r.maxY - 1, style: style)
        if let title, r.width > 4 {
            put(" \(title) ", x: r.x + 2, y: r.y, style: titleStyle, clip: Rect(x: r.x + 1, y: r.y, width: r.width - 2, height: 1))
        }
    }

    // MARK: reading back (tests, the ncurses diff)

    /// The text of row `y` (wide characters once, trailing spaces kept).
    public func line(_ y: Int) -> String {
        (0 ..< width).map { self[$0, y].text }.joined()
    }

    /// All rows, joined by newlines, trailing spaces trimmed per row.
    public var text: String {
        (0 ..< height).map { y in
            var s = line(y)
            while s.hasSuffix(" ") { s.removeLast() }
            return s
        }.joined(separator: "\n")
    }

    /// Where `needle` first appears: (x in columns, y).
    public func find(_ needle: String) -> (x: Int, y: Int)? {
        let target = Array(needle)
        guard !target.isEmpty else { return nil }
        for y in 0 ..< height {
            let row = Array(line(y))
            guard row.count >= target.count else { continue }
            for start in 0 ... row.count - target.count where Array(row[start ..< start + target.count]) == target {
                return (TextWidth.of(String(row[..<start])), y)
            }
        }
        return nil
    }

    /// The style of the first cell of `needle`, for role assertions in tests.
    public func style(of needle: String) -> Style? {
        find(needle).map { self[$0.x, $0.y].style }
    }
}
