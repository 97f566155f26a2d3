/// An exact decimal number, `mantissa × 10^-scale`, as the venues write them ("0.014", "9910").
///
/// Prices and quantities keep exactly the digits the source gave, so a recording written back
/// out reads in identically and no binary floating point ever touches money.
/// Always normalized (no trailing fractional zeros), so equal values compare equal field by field.
public struct FixedDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let mantissa: Int64
    public let scale: UInt8

    /// Most fractional digits kept; more significant digits than Int64 holds are rejected.
    public static let maxScale: UInt8 = 18

    public static let zero = FixedDecimal(uncheckedMantissa: 0, scale: 0)

    init(uncheckedMantissa: Int64, scale: UInt8) {
        self.mantissa = uncheckedMantissa
        self.scale = scale
    }

    /// Builds a normalized value; `nil` when the scale is out of range.
    public init?(mantissa: Int64, scale: Int) {
        guard scale >= 0 else {
            // Scale up an integer: 12 × 10^3.
            var m = mantissa
            for _ in 0 ..< -scale {
                let (r, o) = m.multipliedReportingOverflow(by: 10)
                if o { return nil }
                m = r
            }
            self.init(uncheckedMantissa: m, scale: 0)
            return
        }
        var m = mantissa, s = scale
        while s > 0 && m % 10 == 0 { m /= 10; s -= 1 }
        guard s <= Int(Self.maxScale) else { return nil }
        self.init(uncheckedMantissa: m, scale: UInt8(s))
    }

    public init(_ integer: Int64) { self.init(uncheckedMantissa: integer, scale: 0) }

    /// This value × 10^`k`, exactly; nil when it does not fit.
    public func shifted(by k: Int) -> FixedDecimal? { FixedDecimal(mantissa: mantissa, scale: Int(scale) - k) }

    public var isPositive: Bool { mantissa > 0 }
    public var signum: Int { mantissa > 0 ? 1 : (mantissa < 0 ? -1 : 0) }

    /// The value as `Int128` scaled to `10^-targetScale`, rounded half-even.
    public func scaled(to targetScale: Int) -> Int128 {
        Self.rescale(Int128(mantissa), from: Int(scale), to: targetScale)
    }

    /// Rescales an exact `value × 10^-from` to `10^-to`, rounding half to even.
    static func rescale(_ value: Int128, from: Int, to: Int) -> Int128 {
        if from == to { return value }
        if from < to { return value * pow10(to - from) }
        return divideRoundingHalfEven(value, pow10(from - to))
    }

    static func pow10(_ n: Int) -> Int128 {
        var r: Int128 = 1
        for _ in 0 ..< n { r *= 10 }
        return r
    }

    static func divideRoundingHalfEven(_ a: Int128, _ b: Int128) -> Int128 {
        let (q, r) = a.quotientAndRemainder(dividingBy: b)
        let twice = r.magnitude * 2
        if twice < b.magnitude { return q }
        let away = a < 0 ? q - 1 : q + 1
        if twice > b.magnitude { return away }
        return q % 2 == 0 ? q : away
    }

    public static func < (a: FixedDecimal, b: FixedDecimal) -> Bool {
        let s = Int(max(a.scale, b.scale))
        return a.scaled(to: s) < b.scaled(to: s)
    }

    public var description: String {
        Self.format(Int128(mantissa), scale: Int(scale), minFractionDigits: 0)
    }

    /// Writes `value × 10^-scale` in plain decimal, padding the fraction to at least `minFractionDigits`.
    static func format(_ value: Int128, scale: Int, minFractionDigits: Int) -> String {
        let negative = value < 0
        var digits = String(value.magnitude)
        if scale > 0 {
            if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale))
        }
        var fraction = scale
        if fraction < minFractionDigits {
            if fraction == 0 { digits += "." }
            digits += String(repeating: "0", count: minFractionDigits - fraction)
            fraction = minFractionDigits
        }
        return negative ? "-" + digits : digits
    }

    /// The value rounded half-even to exactly `digits` fractional digits, e.g. coins to 8.
    public func formatted(fractionDigits digits: Int) -> String {
        Self.format(scaled(to: digits), scale: digits, minFractionDigits: digits)
    }
}
