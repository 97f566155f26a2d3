/// One thing the terminal sent. Keys today; further kinds (mouse reports) become new cases,
/// decoded by the screen that reads them.
public enum TerminalInput: Sendable, Hashable {
    case key(Key)
    case mouse(MouseEvent)
}

/// What the dashboard loop needs of a terminal: the ncurses backend (`NCursesScreen`), or a
/// recording screen in tests. Everything runs on the main actor, like ncurses itself.
@MainActor
public protocol TerminalScreen: AnyObject {
    /// Columns and rows the next frame should have.
    var size: (width: Int, height: Int) { get }
    /// Uses `theme`'s colours from now on, mapped to what the terminal can show (`environment`:
    /// `NO_COLOR`, `COLORTERM`); the next draw is full. Returns the bar shapes for that depth
    /// (without colour, the sides differ by glyph).
    func apply(_ theme: Theme, environment: [String: String]) -> BarGlyphs
    /// Puts `frame` on screen.
    func draw(_ frame: CellGrid)
    /// Everything the terminal sent since the last call, in order. Called after `.inputReady`.
    func readInput() -> [TerminalInput]
    /// The terminal changed size (SIGWINCH or a resize key): measure it again.
    func handleResize()
    /// The screen may be garbled (SIGCONT): repaint everything on the next draw.
    func invalidate()
    /// Rings the terminal's bell (an alert rule with `bell = true`).
    func bell()
    /// Gives the terminal back. Idempotent; called on every exit path.
    func restore()
}
