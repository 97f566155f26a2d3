/// A part of a whole as a percentage, the one rule for every output (screen, `summary`,
/// `summary --json`): exact integer arithmetic, rounded once, half to even, never floored.
/// 82.78 % is `82.8%` with one decimal and `83%` with none.
public enum Percent {
    /// `part / whole × 100`, rounded half to even at `decimals` places, as text with a `%`.
    /// A zero (or negative) whole reads as zero.
    public static func text(_ part: Int64, of whole: Int64, decimals: Int = 1) -> String {
        let scaled = rounded(part, of: whole, decimals: decimals)
        let digits = String(scaled.magnitude)
        let sign = scaled < 0 ? "-" : ""
        guard decimals > 0 else { return sign + digits + "%" }
        let padded = String(repeating: "0", count: max(0, decimals + 1 - digits.count)) + digits
        return sign + padded.dropLast(decimals) + "." + padded.suffix(decimals) + "%"
    }

    /// The percentage in units of 10^-decimals %, rounded half to even (e.g. 828 for 82.78 %
    /// at one decimal): what `text` prints, for JSON and for tests.
    public static func rounded(_ part: Int64, of whole: Int64, decimals: Int = 1) -> Int64 {
        guard whole > 0 else { return 0 }
        var scale: Int128 = 100
        for _ in 0 ..< max(0, decimals) { scale *= 10 }
        let n = Int128(part) * scale, d = Int128(whole)
        var q = n / d, r = n % d
        if r < 0 { q -= 1; r += d } // floor division, so the rounding below is symmetric
        if 2 * r > d || (2 * r == d && q % 2 != 0) { q += 1 }
        return Int64(clamping: q)
    }
}
