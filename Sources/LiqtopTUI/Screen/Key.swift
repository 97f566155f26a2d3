/// One decoded key press, independent of ncurses so view state and tests can use it directly.
public enum Key: Hashable, Sendable {
    case char(Character)
    case enter, escape, backspace, tab, backTab
    case up, down, left, right, pageUp, pageDown, home, end
    /// The terminal changed size (ncurses' KEY_RESIZE).
    case resize
    /// A control character other than the ones above: `.ctrl("c")` for byte 3.
    case ctrl(Character)
    /// F1 ... F63.
    case function(Int)
    /// A key code we have no name for (kept so a debug view can show it).
    case unknown(Int32)
}
