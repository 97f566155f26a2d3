/// The one gate every string from data passes before it reaches the grid: instrument names,
/// notes, fund names, file names, error reasons.
///
/// Removes C0 and C1 controls (so ESC can never start a CSI/OSC sequence on the terminal),
/// DEL, and the bidirectional overrides and isolates that could reorder what a trader reads.
/// Tabs and newlines become spaces; what a sequence carried stays visible as plain text.
public enum Sanitizer {
    public static func clean(_ s: String) -> String {
        // Fast path: printable ASCII is already safe.
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u.value {
            case 0x09, 0x0A, 0x0D: out.append(" ")
            case 0x00 ..< 0x20, 0x7F ... 0x9F: continue
            case 0x200E, 0x200F, 0x202A ... 0x202E, 0x2066 ... 0x2069, 0x061C: continue // bidi marks/overrides
            case 0xFFF9 ... 0xFFFB: continue // interlinear annotations
            default: out.append(u)
            }
        }
        return String(out)
    }
}
