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
    static func time(_ t: Millis, _ zone: DisplayZone = .utc) -> String { Figures.clock(zone.local(t)) }
    static func dateTime(_ t: Millis, _ zone: DisplayZone = .utc) -> String { Figures.dateTime(zone.local(t)) }

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

/// Order size tiers (the config's `[tiers]`, by default $50k / $100k / $1M / $10M), counted
/// from the top: the highest tier bold and underlined in the huge colour, the next bold, the
/// third in the large colour, lower tiers as the row's text.
enum Tier {
    static func style(_ u: USD, coin: String, _ s: Snapshot, base: Style) -> Style {
        style(u, tiers: s.tiers.tiers(for: coin), base: base)
    }

    static func style(_ u: USD, tiers: SizeTiers, base: Style) -> Style {
        style(tier: tiers.tier(of: u), of: tiers.thresholds.count, base: base)
    }

    static func style(tier k: Int?, of count: Int, base: Style) -> Style {
        guard let k else { return base }
        switch count - 1 - k {
        case 0: return Style(.tierHuge, bold: true, underline: count >= 4)
        case 1: return count >= 4 ? Style(.tierHuge, bold: true) : Style(.tierLarge)
        case 2: return count >= 4 ? Style(.tierLarge) : base
        default: return base
        }
    }

    /// `≥$50k 312` per tier, for the tape's title row.
    static func counts(_ c: TierCounts) -> [(String, Style)] {
        zip(c.tiers.thresholds, c.counts).enumerated().map { k, pair in
            ("≥$" + Figures.amount(pair.0) + " " + Fmt.count(pair.1), style(tier: k, of: c.counts.count, base: .dim))
        }
    }
}
