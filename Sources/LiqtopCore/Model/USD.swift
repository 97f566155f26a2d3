/// An exact amount of US dollars in integer micro-dollars (10^-6 USD).
///
/// One order's notional is its exact decimal product rounded half-even to a micro-dollar;
/// sums are then exact integer additions, and only display rounds (to cents, half-even).
/// Int64 micro-dollars hold ±$9.2 trillion: far above any day's liquidations, and the
/// store guards its running sums against overflow anyway.
public struct USD: Sendable, Hashable, Comparable, AdditiveArithmetic, CustomStringConvertible {
    public var micros: Int64

    public static let microsPerDollar: Int64 = 1_000_000
    public static let zero = USD(micros: 0)

    public init(micros: Int64) { self.micros = micros }
    public init(dollars: Int64) { self.micros = dollars * Self.microsPerDollar }

    /// Exact conversion of a decimal amount of dollars; `nil` if it does not fit.
    public init?(_ amount: FixedDecimal) {
        guard let m = Int64(exactly: amount.scaled(to: 6)) else { return nil }
        micros = m
    }

    /// `a × b` rounded half-even to a micro-dollar; `nil` when the product does not fit.
    public static func product(_ a: FixedDecimal, _ b: FixedDecimal) -> USD? {
        let exact = Int128(a.mantissa) * Int128(b.mantissa)
        let rounded = FixedDecimal.rescale(exact, from: Int(a.scale) + Int(b.scale), to: 6)
        guard let m = Int64(exactly: rounded) else { return nil }
        return USD(micros: m)
    }

    // Saturating: real totals stay far below ±$9.2T, and a hostile file must not crash the
    // program by overflowing a sum (the liquidation store also refuses such orders outright).
    public static func + (a: USD, b: USD) -> USD {
        let (r, o) = a.micros.addingReportingOverflow(b.micros)
        return USD(micros: o ? (b.micros > 0 ? .max : .min) : r)
    }
    public static func - (a: USD, b: USD) -> USD { a + USD(micros: b.micros == .min ? .max : -b.micros) }
    public static prefix func - (a: USD) -> USD { USD(micros: a.micros == .min ? .max : -a.micros) }
    public static func < (a: USD, b: USD) -> Bool { a.micros < b.micros }

    /// Whole cents, rounded half-even.
    public var cents: Int64 {
        Int64(FixedDecimal.divideRoundingHalfEven(Int128(micros), 10_000))
    }

    /// Plain decimal with two places, e.g. `577000000.00`, as `summary --json` prints it.
    public var centsString: String { FixedDecimal.format(Int128(cents), scale: 2, minFractionDigits: 2) }

    /// Exact decimal (micro-dollar precision), as the native format writes it.
    public var exactString: String {
        FixedDecimal(mantissa: micros, scale: 6).map(\.description) ?? "0"
    }

    public var description: String { "$" + centsString }

    /// Compact display: `$577.0M`, `$1.23B`, `$12.3k`, `$950`; rounded half-even at the shown digit.
    public func compact(decimals: Int = 1) -> String {
        let sign = micros < 0 ? "-" : ""
        let mag = Int128(micros.magnitude)
        let units: [(Int128, String)] = [(1_000_000_000_000_000, "B"), (1_000_000_000_000, "M"), (1_000_000_000, "k")]
        for (size, suffix) in units where mag >= size {
            let q = FixedDecimal.divideRoundingHalfEven(mag * FixedDecimal.pow10(decimals), size)
            return sign + "$" + FixedDecimal.format(q, scale: decimals, minFractionDigits: decimals) + suffix
        }
        let dollars = FixedDecimal.divideRoundingHalfEven(mag, 1_000_000)
        return sign + "$" + String(dollars)
    }

    /// Dollars with thousands separators and no cents, e.g. `$849,920,000`.
    public var grouped: String {
        let dollars = FixedDecimal.divideRoundingHalfEven(Int128(micros), 1_000_000)
        return (dollars < 0 ? "-$" : "$") + Self.group(String(dollars.magnitude))
    }

    /// Digits with thousands separators: `1234567` → `1,234,567`.
    public static func group(_ digits: String) -> String {
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return out
    }
}
