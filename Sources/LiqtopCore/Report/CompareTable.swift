/// `liqtop compare DAY DAY` as text: two days side by side, every figure written by `Figures`,
/// as the dashboard and `summary` write them (a day's 24 h totals, venues and coins are what
/// `summary --at DAY` gives for the day's last instant).
public enum CompareTable {
    static let label = 16, column = 30

    public static func render(_ a: DayFigures, _ b: DayFigures, label source: String? = nil) -> String {
        var out: [String] = []
        out.append("liqtop compare \(a.day) with \(b.day)" + (source.map { "   (\($0))" } ?? ""))
        out.append("")
        out.append(row("", "\(a.day) \(weekday(a.day))", "\(b.day) \(weekday(b.day))"))
        out.append(row("24h long", usd(a.totals.longUSD), usd(b.totals.longUSD)))
        out.append(row("24h short", usd(a.totals.shortUSD), usd(b.totals.shortUSD)))
        out.append(row("24h total", usd(a.totals.totalUSD), usd(b.totals.totalUSD)))
        out.append(row("short %", a.totals.sharePercent(.short), b.totals.sharePercent(.short)))
        out.append(row("orders", orders(a), orders(b)))
        out.append(row("peak hour", peakHour(a), peakHour(b)))
        out.append(row("peak minute", peakMinute(a), peakMinute(b)))
        out.append(row("cascade onset", onset(a), onset(b)))
        out.append(row("largest order", largest(a), largest(b)))
        out.append(row("  at", a.largest.map { Figures.dateTime($0.time) } ?? "", b.largest.map { Figures.dateTime($0.time) } ?? ""))

        out.append("")
        out.append(row("By venue", "", ""))
        for k in 0 ..< max(a.venues.count, b.venues.count) {
            out.append(row("  #\(k + 1)", named(a.venues, k, of: a.totals), named(b.venues, k, of: b.totals)))
        }
        out.append("")
        out.append(row("Top coins", "", ""))
        for k in 0 ..< min(5, max(a.coins.count, b.coins.count)) {
            out.append(row("  #\(k + 1)", named(a.coins, k, of: a.totals), named(b.coins, k, of: b.totals)))
        }
        out.append("")
        out.append(row("ETF net flow", noFlows(a), noFlows(b)))
        for asset in EtfAsset.allCases where a.etf.contains(where: { $0.asset == asset }) || b.etf.contains(where: { $0.asset == asset }) {
            out.append(row("  " + asset.rawValue, flow(a, asset), flow(b, asset)))
        }
        out.append("")
        for f in [a, b] {
            guard let n = f.note else { out.append("\(f.day) note: none"); continue }
            out.append("\(f.day) note (\(SafeText.clean(n.source)), \(ISOTime.clock(n.time, seconds: false)) UTC): \(SafeText.clean(n.text))")
        }
        if a.fromTable || b.fromTable {
            out.append("")
            out.append("A day without orders in the inputs shows its daily-history totals only.")
        }
        return SafeText.cleanLines(out.joined(separator: "\n") + "\n")
    }

    static func row(_ name: String, _ a: String, _ b: String) -> String {
        var line = SummaryTable.pad(name, label) + SummaryTable.pad(a, column) + b
        while line.last == " " { line.removeLast() }
        return line
    }

    /// Why a day shows no ETF flow: ETFs trade on US trading days only; a weekday without flows
    /// is one the inputs have no table for (or a US holiday).
    static func noFlows(_ f: DayFigures) -> String {
        guard f.etf.isEmpty else { return "" }
        return f.day.isWeekend ? "none (weekend: no US trading)" : "none in the inputs"
    }

    static func usd(_ u: USD) -> String { Figures.usd(u) }
    static func weekday(_ d: Day) -> String { d.isWeekend ? "(weekend)" : "" }
    static func orders(_ f: DayFigures) -> String { f.fromTable ? "daily history" : Figures.count(f.totals.count) }

    static func peakHour(_ f: DayFigures) -> String {
        guard let p = f.peakHour else { return "-" }
        return "\(Figures.minuteOfDay(p.hour * 60)) \(usd(p.totals.totalUSD)) (\(p.totals.sharePercent(.short)) short)"
    }

    static func peakMinute(_ f: DayFigures) -> String {
        guard let p = f.peakMinute else { return "-" }
        return "\(Figures.minuteOfDay(p.minute)) \(usd(p.usd))"
    }

    /// The cascade's onset as `HH:MM`, `-` without one (the compare view says it too).
    public static func onset(_ f: DayFigures) -> String {
        f.onsetMinute.map(Figures.minuteOfDay) ?? "-"
    }

    static func largest(_ f: DayFigures) -> String {
        guard let l = f.largest else { return "-" }
        return "\(usd(l.usd)) \(SafeText.clean(l.coin)) \(l.side.rawValue) \(l.venue.rawValue)"
    }

    static func named(_ list: [DayFigures.Named], _ k: Int, of whole: SideTotals) -> String {
        guard k < list.count else { return "" }
        let n = list[k]
        return "\(SafeText.clean(n.name)) \(usd(n.totals.totalUSD)) \(n.totals.sharePercent(of: whole))"
    }

    static func flow(_ f: DayFigures, _ asset: EtfAsset) -> String {
        f.etf.first { $0.asset == asset }.map { Figures.signedUSD($0.usd) } ?? "-"
    }

}
