/// A strict, allocation-free (after warm-up) JSON tokenizer for one line of a feed.
///
/// Feeds are untrusted and the hot path sees a million lines a day, so instead of building
/// Foundation objects this scans the bytes once into a flat tape of tokens with skip links.
/// It accepts exactly RFC 8259 (no NaN/Infinity, no comments, no trailing commas), validates
/// UTF-8 inside strings, refuses raw control bytes, and limits nesting without recursion.
public struct JSONTape {
    public enum Kind: UInt8 { case object, array, string, number, `true`, `false`, null }

    public struct Token {
        public var kind: Kind
        /// For strings: set when the raw bytes contain a backslash escape.
        public var escaped: Bool
        /// Byte range of the value; for strings the contents between the quotes.
        public var start: Int32
        public var end: Int32
        /// Index of the first token after this value (skips a container's children).
        public var next: Int32
    }

    public static let maxDepth = 32

    public private(set) var tokens: [Token] = []
    private var stack: [Int32] = []

    public init() {
        tokens.reserveCapacity(64)
        stack.reserveCapacity(Self.maxDepth)
    }

    /// Tokenizes `bytes`; on success `tokens[0]` is the root value.
    public mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(InputError) {
        tokens.removeAll(keepingCapacity: true)
        stack.removeAll(keepingCapacity: true)
        let n = bytes.count
        var i = 0
        // State: expecting a value (true) or a separator/closer (false); in an object, whether
        // the next string is a key.
        var expectValue = true
        var expectKey = false

        while true {
            i = Self.skipSpace(bytes, i)
            if i >= n {
                if tokens.isEmpty { throw .init("empty line") }
                if !stack.isEmpty || expectValue { throw .init("truncated JSON") }
                return
            }
            let b = bytes[i]
            if expectValue {
                if tokens.count > 0 && stack.isEmpty { throw .init("invalid JSON: content after the value") }
                if expectKey && b != 0x22 && b != 0x7D { throw .init("invalid JSON: object key must be a string") }
                switch b {
                case 0x7B, 0x5B: // { [
                    if stack.count >= Self.maxDepth { throw .init("JSON nested deeper than \(Self.maxDepth)") }
                    stack.append(Int32(tokens.count))
                    tokens.append(Token(kind: b == 0x7B ? .object : .array, escaped: false,
                                        start: Int32(i), end: 0, next: 0))
                    i += 1
                    expectKey = b == 0x7B
                    // An empty container closes right away.
                    i = Self.skipSpace(bytes, i)
                    if i < n && (bytes[i] == 0x7D || bytes[i] == 0x5D) {
                        try close(bytes[i], at: i)
                        i += 1
                        expectValue = false
                        expectKey = false
                    }
                    continue
                case 0x22:
                    let isKey = expectKey
                    try scanString(bytes, &i)
                    if isKey {
                        i = Self.skipSpace(bytes, i)
                        guard i < n, bytes[i] == 0x3A else { throw .init(i < n ? "invalid JSON: expected ':'" : "truncated JSON") }
                        i += 1
                        expectKey = false
                        continue // value follows
                    }
                case 0x2D, 0x30 ... 0x39:
                    try scanNumber(bytes, &i)
                case 0x74: try scanLiteral(bytes, &i, "true", .true)
                case 0x66: try scanLiteral(bytes, &i, "false", .false)
                case 0x6E: try scanLiteral(bytes, &i, "null", .null)
                case 0x4E, 0x49: throw .init("invalid JSON: NaN/Infinity are not numbers")
                default:
                    throw .init(b >= 0x80 ? "invalid JSON: stray non-ASCII byte" : "invalid JSON at byte \(i)")
                }
                expectValue = false
            } else {
                guard let top = stack.last else { throw .init("invalid JSON: content after the value") }
                let inObject = tokens[Int(top)].kind == .object
                switch b {
                case 0x2C: // ,
                    i += 1
                    expectValue = true
                    expectKey = inObject
                case 0x7D, 0x5D:
                    try close(b, at: i)
                    i += 1
                default:
                    throw .init("invalid JSON: expected ',' or a closing bracket")
                }
            }
        }
    }

    /// Index of the first non-whitespace byte at or after `i`. A static function rather than a
    /// nested one: a closure capturing `i` would force dynamic exclusivity checks per byte.
    @inline(__always)
    static func skipSpace(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        var i = start
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A { i += 1 } else { break }
        }
        return i
    }

    private mutating func close(_ b: UInt8, at i: Int) throws(InputError) {
        guard let top = stack.popLast() else { throw .init("invalid JSON: unbalanced bracket") }
        let expected: Kind = b == 0x7D ? .object : .array
        guard tokens[Int(top)].kind == expected else { throw .init("invalid JSON: mismatched bracket") }
        tokens[Int(top)].end = Int32(i + 1)
        tokens[Int(top)].next = Int32(tokens.count)
    }

    private mutating func scanLiteral(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int,
                                      _ word: StaticString, _ kind: Kind) throws(InputError) {
        let len = word.utf8CodeUnitCount
        guard i + len <= bytes.count else { throw .init("truncated JSON") }
        let w = word.utf8Start
        for k in 0 ..< len where bytes[i + k] != w[k] { throw .init("invalid JSON literal") }
        appendLeaf(kind, i, i + len, escaped: false)
        i += len
    }

    private mutating func appendLeaf(_ kind: Kind, _ start: Int, _ end: Int, escaped: Bool) {
        tokens.append(Token(kind: kind, escaped: escaped, start: Int32(start), end: Int32(end),
                            next: Int32(tokens.count + 1)))
    }

    private mutating func scanNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int) throws(InputError) {
        let n = bytes.count, start = i
        @inline(__always) func isDigit(_ k: Int) -> Bool { k < n && bytes[k] >= 0x30 && bytes[k] <= 0x39 }
        if bytes[i] == 0x2D { i += 1 }
        guard isDigit(i) else { throw .init(i >= n ? "truncated JSON" : "invalid JSON number") }
        if bytes[i] == 0x30 { i += 1; if isDigit(i) { throw .init("invalid JSON number: leading zero") } }
        else { while isDigit(i) { i += 1 } }
        if i < n && bytes[i] == 0x2E {
            i += 1
            guard isDigit(i) else { throw .init("invalid JSON number") }
            while isDigit(i) { i += 1 }
        }
        if i < n && (bytes[i] == 0x65 || bytes[i] == 0x45) {
            i += 1
            if i < n && (bytes[i] == 0x2B || bytes[i] == 0x2D) { i += 1 }
            guard isDigit(i) else { throw .init("invalid JSON number") }
            while isDigit(i) { i += 1 }
        }
        appendLeaf(.number, start, i, escaped: false)
    }

    private mutating func scanString(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int) throws(InputError) {
        let n = bytes.count
        i += 1
        let start = i
        var escaped = false
        while i < n {
            let b = bytes[i]
            if b == 0x22 {
                appendLeaf(.string, start, i, escaped: escaped)
                i += 1
                return
            }
            if b < 0x20 { throw .init("control byte in JSON string") }
            if b == 0x5C {
                escaped = true
                guard i + 1 < n else { break }
                switch bytes[i + 1] {
                case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74: i += 2
                case 0x75:
                    guard i + 6 <= n else { throw .init("truncated JSON") }
                    for k in 2 ..< 6 where !Self.isHex(bytes[i + k]) { throw .init("invalid \\u escape") }
                    i += 6
                default: throw .init("invalid escape in JSON string")
                }
                continue
            }
            if b < 0x80 { i += 1; continue }
            i = try Self.validateUTF8Sequence(bytes, at: i)
        }
        throw .init("truncated JSON")
    }

    static func isHex(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66)
    }

    /// Checks one multi-byte UTF-8 sequence starting at `i` (no overlongs, no surrogates,
    /// nothing above U+10FFFF) and returns the index after it.
    static func validateUTF8Sequence(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) throws(InputError) -> Int {
        let b = bytes[i], n = bytes.count
        let len: Int
        var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
        switch b {
        case 0xC2 ... 0xDF: len = 2
        case 0xE0: len = 3; lo = 0xA0
        case 0xE1 ... 0xEC, 0xEE ... 0xEF: len = 3
        case 0xED: len = 3; hi = 0x9F
        case 0xF0: len = 4; lo = 0x90
        case 0xF1 ... 0xF3: len = 4
        case 0xF4: len = 4; hi = 0x8F
        default: throw .init("invalid UTF-8")
        }
        guard i + len <= n else { throw .init("invalid UTF-8") }
        let c1 = bytes[i + 1]
        guard c1 >= lo && c1 <= hi else { throw .init("invalid UTF-8") }
        for k in 2 ..< len where bytes[i + k] & 0xC0 != 0x80 { throw .init("invalid UTF-8") }
        return i + len
    }
}

/// Why one line (or one entry of a line) was not accepted.
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
