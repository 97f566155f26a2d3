/// A `Change` as a signed percentage, by the `Percent` rule (half-even, exact integers): the
/// screen, `summary` and `summary --json` write the same figure. Price and open-interest changes
/// use two decimals (a 0.05 % move of BTC is thousands of dollars of OI; one decimal hides it).
public enum ChangePercent {
    public static let decimals = 2

    /// In units of 10^-decimals %, or nil when `from` is not positive or the figures do not fit.
    public static func rounded(_ c: Change<FixedDecimal>, decimals: Int = decimals) -> Int64? {
        let s = Int(max(c.from.scale, c.to.scale))
        guard let a = Int64(exactly: c.from.scaled(to: s)), let b = Int64(exactly: c.to.scaled(to: s)) else { return nil }
        return rounded(from: a, to: b, decimals: decimals)
    }

    public static func rounded(_ c: Change<USD>, decimals: Int = decimals) -> Int64? {
        rounded(from: c.from.micros, to: c.to.micros, decimals: decimals)
    }

    private static func rounded(from a: Int64, to b: Int64, decimals: Int) -> Int64? {
        let (d, o) = b.subtractingReportingOverflow(a)
        guard a > 0, !o else { return nil }
        return Percent.rounded(d, of: a, decimals: decimals)
    }

    /// `1.23` / `-4.10` (no sign for gains, as JSON numbers).
    public static func number(_ units: Int64, decimals: Int = decimals) -> String {
        FixedDecimal.format(Int128(units), scale: decimals, minFractionDigits: decimals)
    }

    /// `+1.23%` / `-4.10%` / `0.00%`.
    public static func text(_ units: Int64, decimals: Int = decimals) -> String {
        (units > 0 ? "+" : "") + number(units, decimals: decimals) + "%"
    }
}
