import LiqtopCore

/// Display strings shared by the panels: the figures as Core's `Figures` writes them (the same
/// code `summary` uses), plus padding and wrapping for the grid.
enum Fmt {
    // The figures themselves are written by Core's `Figures`, as `summary` writes them.
    static func usd(_ u: USD, _ decimals: Int = 1) -> String { Figures.usd(u, decimals: decimals) }
    static func signedUSD(_ u: USD, _ decimals: Int = 2) -> String { Figures.signedUSD(u, decimals: decimals) }
    static func signedCoins(_ c: FixedDecimal) -> String { Figures.signedCoins(c) }
    static func count(_ n: Int) -> String { Figures.count(n) }
    static func price(_ p: FixedDecimal) -> String { Figures.price(p) }
    static func time(_ t: Millis) -> String { Figures.clock(t) }
    static func dateTime(_ t: Millis) -> String { Figures.dateTime(t) }

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
