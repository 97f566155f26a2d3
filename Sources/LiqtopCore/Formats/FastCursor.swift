#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The byte cursor the venue fast paths share: each step checks every byte it passes and
/// consumes only the plain forms a venue sends, so a line a fast path reads whole is valid JSON
/// with exactly the values `JSONTape` + `FixedDecimal.parse` give. Anything else is nil, and the
/// caller leaves the line to the general decoder.
struct FastCursor {
    let b: UnsafeBufferPointer<UInt8>
    var i = 0

    init(_ b: UnsafeBufferPointer<UInt8>) { self.b = b }

    var atEnd: Bool { i == b.count }

    /// Consumes `text` if the input continues with it.
    @inline(__always)
    mutating func literal(_ text: StaticString) -> Bool {
        let n = text.utf8CodeUnitCount
        guard b.count - i >= n, let base = b.baseAddress, memcmp(base + i, text.utf8Start, n) == 0 else { return false }
        i += n
        return true
    }

    /// Consumes one byte if it is `x`.
    @inline(__always)
    mutating func byte(_ x: UInt8) -> Bool {
        guard i < b.count, b[i] == x else { return false }
        i += 1
        return true
    }

    /// The rest of a string whose opening quote was consumed: printable ASCII with no
    /// escapes; consumes the closing quote.
    mutating func plainString() -> Range<Int>? {
        let start = i
        while i < b.count {
            let x = b[i]
            if x == 0x22 { defer { i += 1 }; return start ..< i }
            guard x >= 0x20, x < 0x7F, x != 0x5C else { return nil }
            i += 1
        }
        return nil
    }

    /// A decimal in a string whose opening quote was consumed, in the plain form the venues
    /// send (`0.014"`: digits, at most one point between digits, 18 digits at most), read
    /// into the very value `FixedDecimal.parse` gives for it; anything else is nil.
    mutating func decimalString() -> FixedDecimal? {
        guard let (mantissa, scale) = digits(), i < b.count, b[i] == 0x22 else { return nil }
        i += 1 // the closing quote
        return FixedDecimal(mantissa: mantissa, scale: scale)
    }

    /// `decimalString`, with an optional leading `-` (Gate's signed sizes).
    mutating func signedDecimalString() -> FixedDecimal? {
        let negative = byte(0x2D)
        guard let (mantissa, scale) = digits(), i < b.count, b[i] == 0x22 else { return nil }
        i += 1
        return FixedDecimal(mantissa: negative ? -mantissa : mantissa, scale: scale)
    }

    /// Milliseconds in a string of digits (OKX, Bitget): what `JSONDoc.integer` reads from it.
    mutating func integerString() -> Int64? {
        guard let d = decimalString(), d.scale == 0 else { return nil }
        return d.mantissa
    }

    /// A JSON integer of 1–18 digits without a leading zero (so it cannot overflow).
    mutating func integer() -> Int64? {
        let start = i
        var v: Int64 = 0
        while i < b.count, b[i] &- 0x30 < 10 { v = v &* 10 &+ Int64(b[i] &- 0x30); i += 1 }
        let n = i - start
        guard n >= 1, n <= 18, n == 1 || b[start] != 0x30 else { return nil }
        return v
    }

    /// An unsigned JSON number without exponent (`23350.5`, `0.227`, `1120`): no leading zero,
    /// digits on both sides of a point, 18 digits at most.
    mutating func number() -> FixedDecimal? {
        let start = i
        guard let (mantissa, scale) = digits() else { return nil }
        // JSON: `0` alone before the point, never `01`.
        if b[start] == 0x30, start + 1 < b.count, b[start + 1] &- 0x30 < 10 { return nil }
        return FixedDecimal(mantissa: mantissa, scale: scale)
    }

    /// Digits with at most one point between digits, up to the first other byte (not consumed).
    private mutating func digits() -> (Int64, Int)? {
        var mantissa: Int64 = 0
        var count = 0, scale = 0
        var point = false
        while i < b.count {
            let x = b[i]
            if x &- 0x30 < 10 {
                mantissa = mantissa &* 10 &+ Int64(x &- 0x30)
                count += 1
                if point { scale += 1 }
            } else if x == 0x2E && !point && count > 0 {
                point = true
            } else {
                break
            }
            i += 1
        }
        guard count >= 1, count <= 18, !point || scale > 0 else { return nil }
        return (mantissa, scale)
    }
}
