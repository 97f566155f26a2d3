/// `liqtop summary`: the same figures as the dashboard, as plain text for a terminal or a log.
public enum SummaryTable {
    public static func render(_ s: Snapshot) -> String {
        var out: [String] = []
        let i = s.input
        out.append("liqtop summary at \(ISOTime.format(s.clock))   events \(count(i.events)) · rejected \(count(i.rejected)) · ignored \(count(i.ignored))")
        if let sig = s.signal { out.append(""); out.append("▲ \(sig.name.uppercased()): \(sig.detail)") }

        out.append("")
        out.append(row(["Liquidations", "long", "short", "total", "short %", "orders"], [12, 11, 11, 11, 8, 9]))
        for w in Window.allCases {
            let t = s.windows[w] ?? SideTotals()
            out.append(row(["  " + w.rawValue, t.longUSD.compact(), t.shortUSD.compact(), t.totalUSD.compact(),
                            t.sharePercent(.short), count(t.count)], [12, 11, 11, 11, 8, 9]))
        }
        if let h = s.highestSince {
            out.append("  24h \(h.side.rawValue) total \(h.total.compact()) is the highest " + (h.isRecord ? "in the history (since \(h.since))" : "since \(h.since)"))
        }

        out.append("")
        out.append(row(["Chart peaks", "bucket", "start", "long", "short", "total", "orders"], [12, 8, 9, 10, 10, 10, 8]))
        for w in Window.allCases {
            let c = ChartSeries(s.minutes, window: w, clock: s.clock)
            guard let p = c.peak else { continue }
            out.append(row(["  " + w.rawValue, "\(c.bucketMinutes) min", ISOTime.clock(c.bucketStart(p.index), seconds: false),
                            p.totals.longUSD.compact(), p.totals.shortUSD.compact(), p.totals.totalUSD.compact(), count(p.totals.count)],
                           [12, 8, 9, 10, 10, 10, 8]))
        }

        out.append("")
        out.append(row(["By venue 24h", "long", "short", "total", "share", "orders"], [12, 11, 11, 11, 8, 9]))
        let day = s.windows[.h24] ?? SideTotals()
        for v in s.byVenue[.h24] ?? [] {
            out.append(row(["  " + v.venue.rawValue, v.totals.longUSD.compact(), v.totals.shortUSD.compact(),
                            v.totals.totalUSD.compact(), v.totals.sharePercent(of: day), count(v.totals.count)], [12, 11, 11, 11, 8, 9]))
        }
        out.append("")
        out.append(row(["Top coins 24h", "long", "short", "total", "short %", "orders"], [12, 11, 11, 11, 8, 9]))
        for c in (s.byCoin[.h24] ?? []).prefix(10) {
            out.append(row(["  " + SafeText.clean(c.coin), c.totals.longUSD.compact(), c.totals.shortUSD.compact(), c.totals.totalUSD.compact(),
                            c.totals.sharePercent(.short), count(c.totals.count)], [12, 11, 11, 11, 8, 9]))
        }
        out.append("")
        out.append("Largest orders 24h")
        for o in s.largest.prefix(5) {
            out.append("  \(ISOTime.clock(o.time))  \(pad(o.venue.rawValue, 8)) \(pad(SafeText.clean(o.instrument), 16)) \(pad(o.side.rawValue, 6)) \(o.usd.compact(decimals: 2))")
        }

        out.append("")
        out.append(row(["ETF flows", "day", "coins", "USD", "streak", "cumulative"], [12, 11, 14, 11, 8, 12]))
        for a in EtfAsset.allCases {
            guard let e = s.etf[a] else { continue }
            let coins = e.today.netCoins.map { signedCoins($0) + " " + a.rawValue } ?? "–"
            let streak = e.streakDays == 0 ? "–" : "\(e.streakDays > 0 ? "+" : "")\(e.streakDays)d"
            out.append(row(["  " + a.rawValue, e.day.description, coins, signed(e.today.netUSD), streak,
                            signed(e.cumulativeUSD)], [12, 11, 14, 11, 8, 12]))
        }

        out.append("")
        out.append("Macro")
        if let n = s.macro.latestNote { out.append("  \(ISOTime.format(n.time)) \(SafeText.clean(n.source)): \(SafeText.clean(n.text))") }
        let r = s.macro.rates
        if let lo = r["DFEDTARL"], let hi = r["DFEDTARU"] {
            out.append("  Fed funds target \(lo.value.formatted(fractionDigits: 2))–\(hi.value.formatted(fractionDigits: 2))%" + (r["DFF"].map { ", effective \($0.value)% (\($0.day))" } ?? ""))
        } else if let dff = r["DFF"] {
            out.append("  Effective fed funds \(dff.value)% (\(dff.day))")
        }
        for o in s.macro.odds { out.append("  \(o.meeting) meeting: \(o.targetRange)% \(o.probabilityPercent)%") }

        if !s.leverage.isEmpty { out += leverage(s) }

        if !i.rejections.isEmpty {
            out.append("")
            out.append("Rejected input (first \(min(i.rejections.count, 20)) of \(count(i.rejected)))")
            for rej in i.rejections.prefix(20) { out.append("  \(rej)") }
        }
        // Data was cleaned where it entered a line; this keeps the promise for every line at once.
        return SafeText.cleanLines(out.joined(separator: "\n") + "\n")
    }

    /// The JSON `leverage` block's figures: a row per coin (top 10 by open interest), then its
    /// venues' funding per interval.
    static func leverage(_ s: Snapshot) -> [String] {
        var out = ["", row(["Leverage", "price", "1h", "24h", "OI", "OI 1h", "OI 24h", "fund/8h"], [12, 14, 9, 9, 10, 9, 9, 10])]
        func pct(_ u: Int64?) -> String { u.map { ChangePercent.text($0) } ?? "–" }
        for c in SummaryLeverage.coins(s).prefix(10) {
            out.append(row(["  " + SafeText.clean(c.coin), c.price?.description ?? "–",
                            pct(c.priceChange[.h1].flatMap { ChangePercent.rounded($0) }), pct(c.priceChange[.h24].flatMap { ChangePercent.rounded($0) }),
                            c.oiUSD?.compact(decimals: 2) ?? "–",
                            pct(c.oiChange[.h1].flatMap { ChangePercent.rounded($0) }), pct(c.oiChange[.h24].flatMap { ChangePercent.rounded($0) }),
                            c.fundingOIWeighted8h.map { Figures.funding($0) } ?? "–"], [12, 14, 9, 9, 10, 9, 9, 10]))
            if !c.funding.isEmpty {
                out.append("    funding " + c.funding.map { "\($0.venue.rawValue) \(Figures.funding($0.rate))/\($0.intervalHours)h" }.joined(separator: " · "))
            }
        }
        return out
    }

    /// `summary --by-price COIN`: each window's bands, highest first (empty bands left out),
    /// with the screen's band totals (`Figures.usd`) and the exact split.
    public static func byPrice(_ windows: [PriceBands]) -> String {
        var out: [String] = []
        for b in windows {
            out.append("")
            let head = "\(SafeText.clean(b.coin)) by price, \(b.window.rawValue)"
            guard !b.bands.isEmpty else { out.append(head + ": no priced orders"); continue }
            out.append(head + " · per $" + Figures.price(b.step) + (b.unpriced > 0 ? " · \(count(b.unpriced)) orders without a price" : ""))
            out.append(row(["  from", "total", "long", "short", "orders"], [16, 10, 12, 12, 8]))
            for band in b.bands where band.totals.count > 0 {
                let t = band.totals
                out.append(row(["  " + Figures.price(band.low), Figures.usd(t.totalUSD), t.longUSD.compact(decimals: 2), t.shortUSD.compact(decimals: 2),
                                count(t.count)], [16, 10, 12, 12, 8]))
            }
        }
        return SafeText.cleanLines(out.joined(separator: "\n") + (out.isEmpty ? "" : "\n"))
    }

    /// "Orders by size tier": each window's count per tier, the tiers the tape's title counts.
    public static func tiers(_ windows: [TierCounts]) -> String {
        guard let first = windows.first else { return "" }
        let labels = first.tiers.thresholds.map { "≥$" + Figures.amount($0) }
        let widths = [12] + labels.map { max(9, $0.count + 1) }
        var out = ["", row(["Orders by size tier" + (first.coin.map { " (\(SafeText.clean($0)))" } ?? "")], [12])]
        out.append(row([""] + labels, widths))
        for c in windows { out.append(row(["  " + c.window.rawValue] + c.counts.map(count), widths)) }
        return SafeText.cleanLines(out.joined(separator: "\n") + "\n")
    }

    static func row(_ cells: [String], _ widths: [Int]) -> String {
        var line = ""
        for (k, c) in cells.enumerated() {
            line += k == 0 ? pad(c, widths[k]) : String(repeating: " ", count: max(1, widths[k] - c.count)) + c
        }
        return line
    }

    static func pad(_ s: String, _ w: Int) -> String { s.count >= w ? s : s + String(repeating: " ", count: w - s.count) }
    // The dashboard's own writers (`Figures`), so both say every figure alike.
    static func count(_ n: Int) -> String { Figures.count(n) }
    static func signed(_ u: USD) -> String { Figures.signedUSD(u) }
    static func signedCoins(_ c: FixedDecimal) -> String { Figures.signedCoins(c) }
}
