/// The one policy for text from data or the file system (notes, sources, funds, instruments,
/// venue replies, file names, rejection reasons) on its way to any output: the dashboard's grid,
/// stdout, stderr. JSON output escapes the same scalars instead of dropping them.
///
/// Unsafe are C0 and C1 controls (ESC must never start a CSI/OSC sequence on a terminal), DEL,
/// and the bidirectional marks, overrides and isolates that could reorder what a trader reads.
/// They are removed; tabs and newlines become spaces, so what a sequence carried stays visible
/// as plain, inert text.
public enum SafeText {
    /// A scalar no output may carry as it is.
    @inline(__always)
    public static func isUnsafe(_ v: UInt32) -> Bool {
        switch v {
        case 0x00 ..< 0x20, 0x7F ... 0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x202A ... 0x202E, 0x2066 ... 0x2069: return true // bidi
        case 0xFFF9 ... 0xFFFB: return true // interlinear annotations hide text
        default: return false
        }
    }

    /// `s` with every unsafe scalar removed and tabs/newlines as spaces.
    public static func clean(_ s: some StringProtocol) -> String {
        // Fast path: printable ASCII is already safe.
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return String(s) }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u.value {
            case 0x09, 0x0A, 0x0D: out.append(" ")
            case let v where isUnsafe(v): continue
            default: out.append(u)
            }
        }
        return String(out)
    }

    /// Multi-line output (a table, a help text): each line cleaned, the line breaks kept.
    public static func cleanLines(_ s: String) -> String {
        if s.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A }) { return s }
        return s.split(separator: "\n", omittingEmptySubsequences: false).map(clean).joined(separator: "\n")
    }

    /// `s` cleaned and cut to `limit` scalars (`…` marks the cut): one hostile value cannot flood a
    /// report. Cut by scalars, not characters: one "character" can carry hundreds of combining marks.
    public static func short(_ s: some StringProtocol, limit: Int = 40) -> String {
        let c = clean(s)
        var out = String.UnicodeScalarView()
        for (k, u) in c.unicodeScalars.enumerated() {
            if k == limit { return String(out) + "…" }
            out.append(u)
        }
        return String(out)
    }

    /// `short(s)` in double quotes, for an error message that echoes an untrusted value.
    public static func quoted(_ s: some StringProtocol, limit: Int = 40) -> String {
        "\"" + short(s, limit: limit) + "\""
    }
}
