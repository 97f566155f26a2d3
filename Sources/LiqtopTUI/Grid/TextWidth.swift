#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNCursesW

/// Display width of text in terminal columns, the way ncurses and the terminal count it: per
/// code point, with wcwidth as in a UTF-8 locale. A variation selector, a zero-width joiner or a
/// combining mark adds nothing, so U+2764 U+FE0F (❤️) is one column and a ZWJ family is three
/// wide emoji side by side. Any grapheme clustering beyond that would disagree with ncurses and
/// leave stale columns on screen.
///
/// The UTF-8 locale is a private one (`uselocale` on the calling thread only), so the grid lays
/// out the same whatever the process locale is; without any UTF-8 locale installed, a compiled-in
/// table stands in.
public enum TextWidth {
    public static func of(_ s: String) -> Int {
        if s.utf8.allSatisfy({ $0 < 0x7F }) { return s.utf8.reduce(0) { $0 + ($1 < 0x20 ? 0 : 1) } }
        return withUTF8Locale { s.unicodeScalars.reduce(0) { $0 + scalarWidth($1.value) } }
    }

    public static func of(_ g: Character) -> Int {
        withUTF8Locale { g.unicodeScalars.reduce(0) { $0 + scalarWidth($1.value) } }
    }

    /// The most code points ncurses keeps in one cell (CCHARW_MAX): one with width, the rest
    /// zero-width. Further zero-width ones are dropped, as ncurses would.
    static let codePointsPerCell = Int(CCHARW_MAX)

    /// `s` cut into screen cells: each code point that takes columns, with the zero-width code
    /// points after it. Zero-width code points with nothing before them are dropped.
    static func cells(_ s: String) -> [(text: String, width: Int)] {
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return s.map { (String($0), 1) } }
        return withUTF8Locale {
            var out: [(text: String, width: Int)] = []
            var current = String.UnicodeScalarView(), currentWidth = 0, count = 0
            for u in s.unicodeScalars {
                let w = scalarWidth(u.value)
                if w > 0 {
                    if currentWidth > 0 { out.append((String(current), currentWidth)) }
                    current = String.UnicodeScalarView([u])
                    currentWidth = w
                    count = 1
                } else if currentWidth > 0, count < codePointsPerCell {
                    current.append(u)
                    count += 1
                }
            }
            if currentWidth > 0 { out.append((String(current), currentWidth)) }
            return out
        }
    }

    // MARK: one code point

    /// Columns of one code point. What wcwidth calls unprintable (-1) counts as one column:
    /// ncurses draws such a cell as "?".
    private static func scalarWidth(_ v: UInt32) -> Int {
        if v < 0x7F { return v < 0x20 ? 0 : 1 }
        if v < 0xA0 { return 0 }
        if utf8Locale != nil {
            let w = Int(liqtop_wcwidth(wchar_t(bitPattern: v)))
            return w < 0 ? 1 : w
        }
        return tableWidth(v)
    }

    /// A UTF-8 locale for wcwidth, or nil when the system has none.
    nonisolated(unsafe) private static let utf8Locale: locale_t? = {
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8", "UTF-8"] {
            if let l = newlocale(LC_CTYPE_MASK, name, nil) { return l }
        }
        return nil
    }()

    /// Runs `body` with the UTF-8 locale on this thread (wcwidth reads the thread's locale).
    private static func withUTF8Locale<T>(_ body: () -> T) -> T {
        guard let l = utf8Locale else { return body() }
        let previous = uselocale(l)
        defer { uselocale(previous) }
        return body()
    }

    // MARK: the stand-in table (no UTF-8 locale on the system)

    static func tableWidth(_ v: UInt32) -> Int {
        if isZeroWidth(v) { return 0 }
        return isWide(v) ? 2 : 1
    }

    static func isZeroWidth(_ v: UInt32) -> Bool {
        if (0x1160 ... 0x11FF).contains(v) || v == 0x200B { return true } // Hangul medial/final jamo
        guard v != 0xAD, let u = Unicode.Scalar(v) else { return false } // soft hyphen shows
        switch u.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: return false
        }
    }

    /// East Asian Wide/Fullwidth ranges and emoji that terminals draw two columns wide.
    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100 ... 0x115F, 0x231A ... 0x231B, 0x2329 ... 0x232A, 0x23E9 ... 0x23EC, 0x23F0, 0x23F3,
             0x25FD ... 0x25FE, 0x2614 ... 0x2615, 0x2648 ... 0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA ... 0x26AB,
             0x26BD ... 0x26BE, 0x26C4 ... 0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2 ... 0x26F3, 0x26F5, 0x26FA,
             0x26FD, 0x2705, 0x270A ... 0x270B, 0x2728, 0x274C, 0x274E, 0x2753 ... 0x2755, 0x2757,
             0x2795 ... 0x2797, 0x27B0, 0x27BF, 0x2B1B ... 0x2B1C, 0x2B50, 0x2B55,
             0x2E80 ... 0x303E, 0x3041 ... 0x33FF, 0x3400 ... 0x4DBF, 0x4E00 ... 0x9FFF, 0xA000 ... 0xA4CF,
             0xA960 ... 0xA97F, 0xAC00 ... 0xD7A3, 0xF900 ... 0xFAFF, 0xFE10 ... 0xFE19, 0xFE30 ... 0xFE6F,
             0xFF00 ... 0xFF60, 0xFFE0 ... 0xFFE6, 0x16FE0 ... 0x16FE4, 0x17000 ... 0x18AFF, 0x1B000 ... 0x1B2FF,
             0x1F004, 0x1F0CF, 0x1F18E, 0x1F191 ... 0x1F19A, 0x1F200 ... 0x1F251, 0x1F300 ... 0x1F64F,
             0x1F680 ... 0x1F6FF, 0x1F7E0 ... 0x1F7EB, 0x1F90C ... 0x1F9FF, 0x1FA70 ... 0x1FAFF,
             0x20000 ... 0x2FFFD, 0x30000 ... 0x3FFFD:
            return true
        default:
            return false
        }
    }
}
