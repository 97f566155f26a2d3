import CNCursesW

/// Turns one `wget_wch` result into a `Key`. Pure: no ncurses state is touched.
public enum KeyDecoder {
    /// `status` is wget_wch's return value (OK, KEY_CODE_YES, or ERR), `value` what it stored.
    /// Returns nil for ERR (no input).
    public static func decode(status: Int32, value: UInt32) -> Key? {
        if status == KEY_CODE_YES { return functionKey(Int32(truncatingIfNeeded: value)) }
        guard status == OK else { return nil }
        return character(value)
    }

    static func functionKey(_ code: Int32) -> Key {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        case KEY_F0 + 1 ... KEY_F0 + 63: return .function(Int(code - KEY_F0))
        default: return .unknown(code)
        }
    }

    static func character(_ c: UInt32) -> Key {
        switch c {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        // Remaining C0 controls: 1 = Ctrl-A ... 26 = Ctrl-Z, 28...31 = Ctrl-\ ] ^ _.
        case 1 ... 26: return .ctrl(Character(Unicode.Scalar(UInt8(c) + 0x60)))
        case 28 ... 31: return .ctrl(Character(Unicode.Scalar(UInt8(c) + 0x40)))
        default:
            // NUL, C1 controls and non-scalars (surrogates) are not characters.
            guard c >= 0x20, !(0x80 ... 0x9F).contains(c), let scalar = Unicode.Scalar(c) else {
                return .unknown(Int32(truncatingIfNeeded: c))
            }
            return .char(Character(scalar))
        }
    }
}
