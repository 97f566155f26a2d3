/// How figures are written, once, for the dashboard and `summary` alike: money in compact
/// units (`$577.0M`, rounded as `USD.compact` rounds), signed flows, whole coins, counts with
/// separators, and times (milliseconds only when the instant is between seconds). Shares are
/// `Percent`'s.
public enum Figures {
    public static func usd(_ u: USD, decimals: Int = 1) -> String { u.compact(decimals: decimals) }

    /// A threshold as the config writes it, exactly: `50k`, `1.5M`, `2B`, `12345` (a tier's
    /// label must be the amount itself, never a rounding of it).
    public static func amount(_ u: USD) -> String {
        let d = Int128(u.micros)
        for (size, suffix) in [(Int128(1_000_000_000_000_000), "B"), (1_000_000_000_000, "M"), (1_000_000_000, "k"), (1_000_000, "")] where d >= size {
            // The fewest decimals that write it exactly (at most 6), else the dollars and cents.
            for decimals in 0 ... 6 where (d * FixedDecimal.pow10(decimals)) % size == 0 {
                return FixedDecimal.format(d * FixedDecimal.pow10(decimals) / size, scale: decimals, minFractionDigits: decimals) + suffix
            }
        }
        return u.centsString
    }

    /// `+$849.92M`, `-$1.08B`, `$0`.
    public static func signedUSD(_ u: USD, decimals: Int = 2) -> String {
        (u.micros > 0 ? "+" : "") + u.compact(decimals: decimals)
    }

    /// Whole coins with separators and sign: `+8,933`.
    public static func signedCoins(_ c: FixedDecimal) -> String {
        let whole = c.scaled(to: 0)
        return (whole > 0 ? "+" : whole < 0 ? "-" : "") + USD.group(String(whole.magnitude))
    }

    public static func count(_ n: Int) -> String { USD.group(String(n)) }

    /// A price exactly as the venue sent it, thousands grouped: `95,144.97`, `0.00001234`.
    public static func price(_ p: FixedDecimal) -> String {
        let text = p.description
        let sign = text.hasPrefix("-") ? "-" : ""
        let digits = text.dropFirst(sign.count)
        let whole = digits.prefix { $0 != "." }
        return sign + USD.group(String(whole)) + digits.dropFirst(whole.count)
    }

    /// `HH:MM:SS` of the UTC day.
    public static func clock(_ t: Millis) -> String { ISOTime.clock(t) }

    /// Minute `m` of a day as `HH:MM` (1440, the day's end, is `24:00`).
    public static func minuteOfDay(_ m: Int) -> String {
        m >= 1_440 ? "24:00" : ISOTime.clock(Millis(max(0, m)) * Duration.minute, seconds: false)
    }

    /// `2026-01-14 23:17:42.318`: with milliseconds when the time is between seconds (after a
    /// jump), so `summary --at` the time shown is the same instant.
    public static func dateTime(_ t: Millis) -> String {
        let s = ISOTime.format(t)
        let ms = ((t % 1000) + 1000) % 1000
        return String(s.prefix(10)) + " " + ISOTime.clock(t) + (ms == 0 ? "" : "." + String(s.dropLast().suffix(3)))
    }

    // MARK: - Leverage figures (panel 4 and `summary --json`'s `leverage`)

    /// `+6.61%`: the change from `from` to `to` (`ChangePercent`'s rule, as `summary` writes it); nil from zero.
    public static func changePercent(_ c: Change<FixedDecimal>) -> String? { ChangePercent.rounded(c).map { ChangePercent.text($0) } }

    public static func changePercent(_ c: Change<USD>) -> String? { ChangePercent.rounded(c).map { ChangePercent.text($0) } }

    /// A funding rate (a fraction per interval) in percent: `+0.0250%`.
    public static func funding(_ rate: FixedDecimal, decimals: Int = 4) -> String {
        let percent = FixedDecimal.format(FixedDecimal.rescale(rate.scaled(to: 18) * 100, from: 18, to: decimals), scale: decimals,
                                          minFractionDigits: decimals)
        return signed(percent + "%")
    }

    /// The rate over a year of intervals, in percent with one decimal: `+27.4%/y`.
    public static func fundingAnnualized(_ rate: FixedDecimal, intervalHours: Int) -> String {
        let perYear = rate.scaled(to: 18) * 100 * Int128(365 * 24) / Int128(max(1, intervalHours))
        return signed(FixedDecimal.format(FixedDecimal.rescale(perYear, from: 18, to: 1), scale: 1, minFractionDigits: 1) + "%") + "/y"
    }

    private static func signed(_ text: String) -> String {
        text.hasPrefix("-") || text.allSatisfy({ $0 == "0" || $0 == "." || $0 == "%" }) ? text : "+" + text
    }
}
