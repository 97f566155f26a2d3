/// `liqtop summary --json`: the figures of a snapshot in a fixed, documented shape.
/// USD as numbers rounded to cents, coins to 8 decimals, times ISO-8601 UTC.
public enum SummaryJSON {
    /// `byPrice`: `summary --by-price COIN`'s bands, one per window.
    public static func render(_ s: Snapshot, byPrice: [PriceBands] = [], tiers: [TierCounts] = []) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.string("at", ISOTime.format(s.clock))
        liquidations(s, &w)
        etf(s, &w)
        macro(s, &w)
        if !s.leverage.isEmpty { leverage(s, &w) }
        if let first = byPrice.first { self.byPrice(first.coin, byPrice, &w) }
        if let first = tiers.first {
            // {"thresholds": ["50000.00", …], "windows": {"1h": [n, …], …}}
            w.beginObject("tiers")
            w.beginArray("thresholds")
            for t in first.tiers.thresholds { w.number(nil, t.centsString) }
            w.endArray()
            w.beginObject("windows")
            for c in tiers {
                w.beginArray(c.window.rawValue)
                for n in c.counts { w.int(nil, n) }
                w.endArray()
            }
            w.endObject()
            w.endObject()
        }
        if let sig = s.signal {
            w.beginObject("signal"); w.string("name", sig.name); w.string("detail", sig.detail); w.endObject()
        } else { w.null("signal") }
        w.beginObject("input")
        w.int("events", s.input.events)
        w.int("rejected", s.input.rejected)
        w.int("ignored", s.input.ignored)
        w.beginArray("rejections")
        for r in s.input.rejections {
            w.beginObject(); w.string("file", r.source); w.int("line", r.line); w.string("reason", r.reason); w.endObject()
        }
        w.endArray()
        w.endObject()
        w.endObject()
        return w.text
    }

    /// `share_of` (a venue's window) adds `share_percent`; every total has its `short_percent`,
    /// both as the screen rounds them (`Percent`, one decimal).
    private static func totals(_ key: String, _ t: SideTotals, _ w: inout JSONWriter, shareOf whole: SideTotals? = nil,
                               close: Bool = true) {
        w.beginObject(key)
        w.number("long_usd", t.longUSD.centsString)
        w.number("short_usd", t.shortUSD.centsString)
        w.int("count", t.count)
        w.number("total_usd", t.totalUSD.centsString)
        w.number("short_percent", String(t.sharePercent(.short).dropLast()))
        if let whole { w.number("share_percent", String(t.sharePercent(of: whole).dropLast())) }
        if close { w.endObject() }
    }

    private static func liquidations(_ s: Snapshot, _ w: inout JSONWriter) {
        w.beginObject("liquidations")
        w.beginObject("windows")
        for win in Window.allCases {
            let whole = s.windows[win] ?? SideTotals()
            totals(win.rawValue, whole, &w, close: false)
            w.beginObject("venues")
            for v in s.byVenue[win] ?? [] { totals(v.venue.rawValue, v.totals, &w, shareOf: whole) }
            w.endObject()
            // Top coins of this window, largest first (the dashboard's list for `w`).
            w.beginObject("coins")
            for c in s.byCoin[win] ?? [] { totals(c.coin, c.totals, &w) }
            w.endObject()
            // The chart of this window as the dashboard draws it: bucket size and the peak bucket.
            let chart = ChartSeries(s.minutes, window: win, clock: s.clock)
            w.beginObject("chart")
            w.int("bucket_minutes", chart.bucketMinutes)
            w.number("scale_usd", chart.scale.centsString) // the largest side of any bucket: the value scale
            if let p = chart.peak {
                w.string("peak_start", ISOTime.format(chart.bucketStart(p.index)))
                totals("peak", p.totals, &w)
            }
            w.endObject()
            w.endObject()
        }
        w.endObject()
        w.beginObject("by_venue")
        for v in s.byVenue[.h24] ?? [] { totals(v.venue.rawValue, v.totals, &w, shareOf: s.windows[.h24] ?? SideTotals()) }
        w.endObject()
        w.beginObject("by_coin")
        for c in s.byCoin[.h24] ?? [] { totals(c.coin, c.totals, &w) }
        w.endObject()
        for (key, list) in [("largest", s.largest), ("tape", s.tape)] {
            // `tape`: the dashboard's recent orders at or above its threshold, newest first.
            w.beginArray(key)
            for o in list {
                w.beginObject()
                w.string("time", ISOTime.format(o.time)); w.string("venue", o.venue.rawValue)
                w.string("instrument", o.instrument); w.string("coin", o.coin)
                w.string("side", o.side.rawValue); w.number("usd", o.usd.centsString)
                // Exact, as the venue sent it; null where summary kept none (orders under `OrderColumns.notableUSD`).
                if o.price.isPositive { w.number("price", o.price.description) } else { w.null("price") }
                w.endObject()
            }
            w.endArray()
        }
        if let h = s.highestSince {
            w.beginObject("highest_since")
            w.string("side", h.side.rawValue); w.string("window", h.window.rawValue); w.string("since", h.since.description)
            w.endObject()
        } else { w.null("highest_since") }
        w.endObject()
    }

    private static func etf(_ s: Snapshot, _ w: inout JSONWriter) {
        w.beginObject("etf")
        for asset in EtfAsset.allCases {
            guard let e = s.etf[asset] else { continue }
            w.beginObject(asset.rawValue)
            w.string("date", e.day.description)
            w.number("net_usd", e.today.netUSD.centsString)
            if let c = e.today.netCoins { w.number("net_coins", c.formatted(fractionDigits: 8)) } else { w.null("net_coins") }
            w.int("streak_days", e.streakDays)
            w.string("cumulative_since", e.firstDay.description)
            w.number("cumulative_usd", e.cumulativeUSD.centsString)
            w.beginObject("funds")
            for f in e.funds.sorted(by: { $0.fund < $1.fund }) { w.number(f.fund, f.netUSD.centsString) }
            w.endObject()
            w.beginObject("days")
            for d in e.history { w.number(d.day.description, d.netUSD.centsString) }
            w.endObject()
            w.endObject()
        }
        w.endObject()
        // The dashboard's "total" of the latest day: every asset that reported that day.
        if let latest = s.etf.values.map(\.day).max() {
            w.beginObject("etf_day_total")
            w.string("date", latest.description)
            w.number("net_usd", s.etfNetUSD(on: latest).centsString)
            w.endObject()
        }
    }

    /// Per coin (largest open interest first, then by name): the reference price and open
    /// interest with their 1 h and 24 h changes (percent, two decimals, `ChangePercent`), each
    /// venue's latest funding as sent (exact rate per `interval_h`), and the OI-weighted funding
    /// per 8 h (12 decimals). A figure not known is `null`.
    private static func leverage(_ s: Snapshot, _ w: inout JSONWriter) {
        w.beginObject("leverage")
        for c in SummaryLeverage.coins(s) {
            w.beginObject(c.coin)
            if let p = c.price { w.number("price", p.description) } else { w.null("price") }
            for win in [Window.h1, .h24] {
                let key = "price_change_\(win.rawValue)_pct"
                if let u = c.priceChange[win].flatMap({ ChangePercent.rounded($0) }) { w.number(key, ChangePercent.number(u)) } else { w.null(key) }
            }
            if let oi = c.oiUSD { w.number("oi_usd", oi.centsString) } else { w.null("oi_usd") }
            for win in [Window.h1, .h24] {
                let key = "oi_change_\(win.rawValue)_pct"
                if let u = c.oiChange[win].flatMap({ ChangePercent.rounded($0) }) { w.number(key, ChangePercent.number(u)) } else { w.null(key) }
            }
            w.beginObject("funding")
            for f in c.funding {
                w.beginObject(f.venue.rawValue); w.number("rate", f.rate.description); w.int("interval_h", f.intervalHours); w.endObject()
            }
            w.endObject()
            if let f = c.fundingOIWeighted8h { w.number("funding_oi_weighted", f.description) } else { w.null("funding_oi_weighted") }
            w.endObject()
        }
        w.endObject()
    }

    /// `by_price`: per window the band width (`step`, USD) and every non-empty band, highest
    /// first: its lower bound (`from`; the band is [from, from + step)), USD and orders per side.
    private static func byPrice(_ coin: String, _ windows: [PriceBands], _ w: inout JSONWriter) {
        w.beginObject("by_price")
        w.string("coin", coin)
        for b in windows {
            w.beginObject(b.window.rawValue)
            w.number("step", b.step.description)
            w.int("unpriced", b.unpriced)
            w.beginArray("bands")
            for band in b.bands where band.totals.count > 0 {
                let t = band.totals
                w.beginObject()
                w.number("from", band.low.description)
                w.number("long_usd", t.longUSD.centsString); w.number("short_usd", t.shortUSD.centsString)
                w.int("long_orders", t.longCount); w.int("short_orders", t.shortCount)
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endObject()
    }

    private static func macro(_ s: Snapshot, _ w: inout JSONWriter) {
        w.beginObject("macro")
        if let n = s.macro.latestNote {
            w.beginObject("note")
            w.string("time", ISOTime.format(n.time)); w.string("source", n.source); w.string("text", n.text)
            w.endObject()
        } else { w.null("note") }
        w.beginObject("rates")
        for key in s.macro.rates.keys.sorted() {
            let p = s.macro.rates[key]!
            w.beginObject(key); w.string("date", p.day.description); w.number("value", p.value.description); w.endObject()
        }
        w.endObject()
        w.beginArray("odds")
        for o in s.macro.odds {
            w.beginObject()
            w.string("meeting", o.meeting.description); w.string("target_range", o.targetRange)
            w.number("probability", o.probabilityPercent.description)
            w.endObject()
        }
        w.endArray()
        // The macro panel's rate path: the effective rate, day by day, oldest first.
        w.beginArray("rate_path")
        for p in s.macro.ratePath {
            w.beginObject(); w.string("date", p.day.description); w.string("series", p.series); w.number("value", p.value.description); w.endObject()
        }
        w.endArray()
        w.endObject()
    }
}
