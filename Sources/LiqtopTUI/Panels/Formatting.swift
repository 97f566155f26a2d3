import LiqtopCore

/// Display strings shared by the panels. Every figure is derived from exact values in the
/// snapshot and rounded only here.
enum Fmt {
    static func usd(_ u: USD, _ decimals: Int = 1) -> String { u.compact(decimals: decimals) }

    static func signedUSD(_ u: USD, _ decimals: Int = 2) -> String {
        (u.micros > 0 ? "+" : "") + u.compact(decimals: decimals)
    }

    /// Whole coins with separators and sign: `+8,933`.
    static func signedCoins(_ c: FixedDecimal) -> String {
        let whole = c.scaled(to: 0)
        let sign = whole > 0 ? "+" : (whole < 0 ? "-" : "")
        return sign + USD.group(String(whole.magnitude))
    }

    static func count(_ n: Int) -> String { USD.group(String(n)) }


    static func time(_ t: Millis) -> String { ISOTime.clock(t) }

    /// With milliseconds when the time is between seconds (after `b` or a go-to-time), so
    /// `summary --at` the clock shown is the same instant.
    static func dateTime(_ t: Millis) -> String {
        let s = ISOTime.format(t)
        let ms = ((t % 1000) + 1000) % 1000
        return String(s.prefix(10)) + " " + ISOTime.clock(t) + (ms == 0 ? "" : "." + String(s.dropLast().suffix(3)))
    }

    static func shortDay(_ d: Day) -> String { String(d.description.dropFirst(5)) }

    static func streak(_ days: Int) -> String {
        days == 0 ? "–" : (days > 0 ? "+\(days)d in" : "\(-days)d out")
    }

    static func pad(_ s: String, _ w: Int) -> String {
        let n = TextWidth.of(s)
        return n >= w ? s : s + String(repeating: " ", count: w - n)
    }

    static func lpad(_ s: String, _ w: Int) -> String {
        let n = TextWidth.of(s)
        return n >= w ? s : String(repeating: " ", count: w - n) + s
    }

    /// Word-wraps `text` to `width` columns (sanitized first; long words are cut).
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var current = ""
        for word in Sanitizer.clean(text).split(separator: " ") {
            var w = String(word)
            while TextWidth.of(w) > width {
                if !current.isEmpty { lines.append(current); current = "" }
                let cut = String(w.prefix(width))
                lines.append(cut)
                w = String(w.dropFirst(width))
            }
            if current.isEmpty { current = w } else if TextWidth.of(current) + 1 + TextWidth.of(w) <= width { current += " " + w } else {
                lines.append(current)
                current = w
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}

/// Size tiers for orders on the tape: $100k and $1M.
enum Tier {
    static let large = USD(dollars: 100_000)
    static let huge = USD(dollars: 1_000_000)

    static func style(_ u: USD, base: Style) -> Style {
        if u >= huge { return Style(.tierHuge, bold: true) }
        if u >= large { return Style(.tierLarge) }
        return base
    }
}
