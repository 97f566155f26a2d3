/// A theme file or theme name that cannot be used. `description` names the file and line.
public struct ThemeError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Parses btop-style theme files: `theme[role]="#RRGGBB"` lines, `#` comments, blank lines.
///
/// Theme files are untrusted (downloaded, shared): the parser never traps, caps sizes, and
/// everything it echoes back goes through `Sanitizer` and is cut short. Unknown keys only warn,
/// so a newer theme still loads in an older liqtop; malformed lines are errors, so typos in a
/// colour are not silently replaced by a default.
public enum ThemeParser {
    public static let maxFileBytes = 64 * 1024
    public static let maxLineBytes = 1000
    /// Longest piece of file content quoted in a message.
    public static let echoLimit = 40

    public static func parse(_ text: String, name: String, file: String) throws(ThemeError) -> (Theme, warnings: [String]) {
        try parse(bytes: Array(text.utf8), name: name, file: file)
    }

    /// The byte-level parser; the loader calls it directly so invalid UTF-8 is reported by line.
    public static func parse(bytes: [UInt8], name: String, file: String) throws(ThemeError) -> (Theme, warnings: [String]) {
        let f = Sanitizer.clean(file)
        guard bytes.count <= maxFileBytes else { throw ThemeError("\(f): file larger than 64 KiB") }
        var colors: [Role: RGB] = [:]
        var setOn: [Role: Int] = [:]
        var warnings: [String] = []
        for (index, raw) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let n = index + 1
            let at = "\(f):\(n)"
            var line = raw
            if line.last == 0x0D { line = line.dropLast() } // CRLF files from Windows editors
            guard line.count <= maxLineBytes else { throw ThemeError("\(at): line longer than \(maxLineBytes) bytes") }
            if let bad = firstControl(line) { throw ThemeError("\(at): control character \(bad) not allowed") }
            guard String(validating: line, as: UTF8.self) != nil else { throw ThemeError("\(at): not valid UTF-8") }
            guard let entry = entry(trimmed(line)) else { throw ThemeError("\(at): expected theme[role]=\"#RRGGBB\"") }
            guard case let .set(keyBytes, valueBytes) = entry else { continue }
            let key = String(decoding: keyBytes, as: UTF8.self)
            guard let role = Role(rawValue: key) else {
                warnings.append("\(at): unknown key '\(echo(key))' ignored")
                continue
            }
            guard let rgb = RGB(hex: String(decoding: valueBytes, as: UTF8.self)) else {
                throw ThemeError("\(at): bad colour '\(echo(String(decoding: valueBytes, as: UTF8.self)))'")
            }
            if let earlier = setOn[role] {
                warnings.append("\(at): '\(key)' already set on line \(earlier); this value wins")
            }
            colors[role] = rgb
            setOn[role] = n
        }
        return (Theme(name: name, colors: colors), warnings)
    }

    /// File content made safe to show: no control or bidi characters, at most `echoLimit` characters.
    public static func echo(_ s: String) -> String {
        let clean = Sanitizer.clean(s)
        return clean.count <= echoLimit ? clean : String(clean.prefix(echoLimit)) + "…"
    }

    // MARK: line grammar

    private enum Entry { case blank, set(ArraySlice<UInt8>, ArraySlice<UInt8>) }

    /// nil: malformed. Grammar (after trimming): "" | "#..." | theme[KEY] = "VALUE" [#...]
    private static func entry(_ s: ArraySlice<UInt8>) -> Entry? {
        if s.isEmpty || s.first == UInt8(ascii: "#") { return .blank }
        let prefix = Array("theme[".utf8)
        guard s.starts(with: prefix) else { return nil }
        var i = s.startIndex + prefix.count
        let keyStart = i
        while i < s.endIndex, isKeyByte(s[i]) { i += 1 }
        guard i > keyStart, i < s.endIndex, s[i] == UInt8(ascii: "]") else { return nil }
        let key = s[keyStart ..< i]
        i = skipBlanks(s, i + 1)
        guard i < s.endIndex, s[i] == UInt8(ascii: "=") else { return nil }
        i = skipBlanks(s, i + 1)
        guard i < s.endIndex, s[i] == UInt8(ascii: "\"") else { return nil }
        let valueStart = i + 1
        guard let close = s[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        let rest = skipBlanks(s, close + 1)
        guard rest == s.endIndex || s[rest] == UInt8(ascii: "#") else { return nil }
        return .set(key, s[valueStart ..< close])
    }

    private static func isKeyByte(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "a") ... UInt8(ascii: "z"), UInt8(ascii: "A") ... UInt8(ascii: "Z"),
             UInt8(ascii: "0") ... UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."): true
        default: false
        }
    }

    private static func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }

    private static func skipBlanks(_ s: ArraySlice<UInt8>, _ from: Int) -> Int {
        var i = from
        while i < s.endIndex, isBlank(s[i]) { i += 1 }
        return i
    }

    private static func trimmed(_ s: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var lo = s.startIndex, hi = s.endIndex
        while lo < hi, isBlank(s[lo]) { lo += 1 }
        while hi > lo, isBlank(s[hi - 1]) { hi -= 1 }
        return s[lo ..< hi]
    }

    /// C0 controls except tab, DEL, and C1 controls (UTF-8 C2 80...C2 9F), as "U+001B".
    private static func firstControl(_ s: ArraySlice<UInt8>) -> String? {
        var prev: UInt8 = 0
        for c in s {
            if (c < 0x20 && c != 0x09) || c == 0x7F { return codePoint(UInt32(c)) }
            if prev == 0xC2, (0x80 ... 0x9F).contains(c) { return codePoint(UInt32(c)) }
            prev = c
        }
        return nil
    }

    private static func codePoint(_ v: UInt32) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        var out = Array("U+".utf8)
        for shift in stride(from: 12, through: 0, by: -4) { out.append(digits[Int((v >> UInt32(shift)) & 0xF)]) }
        return String(decoding: out, as: UTF8.self)
    }
}
