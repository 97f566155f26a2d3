import LiqtopCore

/// Full-screen drill-down levels. Each draws below the breadcrumb in `r`.
enum DrillViews {
    static func draw(_ s: Snapshot, _ v: ViewState, in r: Rect, into g: inout CellGrid) {
        let sel = v.top.selected, scroll = v.top.scroll
        switch v.context {
        case .dashboard: return
        case .coins: coins(s, v, sel, r, &g, scroll: scroll)
        case .coin(let c): coin(s, v, c, sel, r, &g, scroll: scroll)
        case .orders(let c, let venue): orders(s, v, c, venue, sel, r, &g, scroll: scroll)
        case .etfAsset(let a): etfAsset(s, v, a, sel, r, &g, scroll: scroll)
        case .etfFund(let a, let f): etfFund(s, a, f, sel, r, &g, scroll: scroll)
        case .notes: notes(s, v, sel, r, &g, scroll: scroll)
        case .note(let n): note(n, v.zone, r, &g)
        case .rejections: rejections(s, sel, r, &g, scroll: scroll)
        case .venues: venues(s, v, sel, r, &g, scroll: scroll)
        case .leverageCoin(let c): leverageCoin(s, v, c, sel, r, &g, scroll: scroll)
        case .alerts: AlertsView.list(s, v, sel, r, &g, scroll: scroll)
        }
    }

    /// Every venue liqtop reads, whether or not this session connects it: its state, its share
    /// of the window, and what prices its contracts; the selected one's caveat below.
    static func venues(_ s: Snapshot, _ v: ViewState, _ sel: Int, _ r: Rect, _ g: inout CellGrid, scroll: Int = 0) {
        let all = Venue.allCases
        let whole = s.windows[v.window] ?? SideTotals()
        let totals = Dictionary((s.byVenue[v.window] ?? []).map { ($0.venue, $0.totals) }, uniquingKeysWith: +)
        let footer = 3
        let (table, notes) = r.splitTop(max(2, min(r.height - footer, all.count + 1)))
        Table.draw([Column("venue", 11), Column("state", 20), Column("total", 10, right: true), Column("share", 6, right: true),
                    Column("orders", 8, right: true), Column("instruments", 0)], count: all.count, selected: sel, scroll: scroll, in: table, into: &g) { i in
            let venue = all[i], t = totals[venue] ?? SideTotals()
            // A venue that publishes no liquidations has no totals, not zero ones.
            let reads = venue.publishesLiquidations
            return [(venue.rawValue, Style(.text, bold: true)), VenueCoverage.state(venue, s), (reads ? Fmt.usd(t.totalUSD, 2) : "–", .text),
                    (reads ? t.sharePercent(of: whole) : "–", .text), (reads ? Fmt.count(t.count) : "–", .dim), (VenueCoverage.instruments(venue, s), .dim)]
        }
        guard notes.height > 0 else { return }
        var y = notes.y + min(1, notes.height - 1)
        if let venue = all[safe: sel] {
            // The caveat, and how its leverage figures arrive when that is not a stream (live).
            let text = venue.rawValue + ": " + caveat(venue) + (s.leverageNotes[venue.rawValue].map { " " + $0 } ?? "")
            for line in Fmt.wrap(text, width: notes.width).prefix(max(1, notes.height - 2)) {
                g.put(line, x: notes.x, y: y, style: .text, clip: notes)
                y += 1
            }
        }
        for (k, line) in Fmt.wrap(VenueCoverage.notRead, width: notes.width).prefix(max(0, notes.maxY - y - 1)).enumerated() {
            g.put(line, x: notes.x, y: y + 1 + k, style: .dim, clip: notes)
        }
    }

    static func sideCells(_ t: SideTotals) -> [(String, Style)] {
        [(Fmt.usd(t.longUSD, 2), Style(.long)), (Fmt.usd(t.shortUSD, 2), Style(.short)), (Fmt.usd(t.totalUSD, 2), Style(.text, bold: true)),
         (t.sharePercent(.short), .text), (Fmt.count(t.count), .dim)]
    }

    static let sideColumns = [Column("long", 10, right: true), Column("short", 10, right: true), Column("total", 10, right: true),
                              Column("short%", 6, right: true), Column("orders", 8, right: true)]

    /// The role of whichever side is larger.
    static func side(_ t: SideTotals) -> Role { t.shortUSD >= t.longUSD ? .short : .long }

    static func coins(_ s: Snapshot, _ v: ViewState, _ sel: Int, _ r: Rect, _ g: inout CellGrid, scroll: Int = 0) {
        let glyphs = g.glyphs
        let list = Listing.coins(s, v)
        let peak = list.map(\.totals.totalUSD.micros).max() ?? 0
        Table.draw([Column("coin", 8)] + sideColumns + [Column("", 0)], count: list.count, selected: sel, scroll: scroll, in: r, into: &g) { i in
            let c = list[i]
            return [(c.coin, Style(.text, bold: true))] + sideCells(c.totals)
                + [(Bars.horizontal(c.totals.totalUSD.micros, max: peak, width: max(0, r.width - 66), role: side(c.totals), glyphs: glyphs), Style(side(c.totals)))]
        }
    }

    static func coin(_ s: Snapshot, _ v: ViewState, _ coin: String, _ sel: Int, _ r: Rect, _ g: inout CellGrid, scroll: Int = 0) {
        let venues = Listing.venues(s)
        let tableHeight = min(r.height, venues.count + 2)
        let (top, rest) = r.splitTop(tableHeight)
        Table.draw([Column("venue", 8)] + sideColumns, count: venues.count, selected: sel, scroll: scroll, in: top, into: &g) { i in
            [(venues[i].venue.rawValue, Style(.text, bold: true))] + sideCells(venues[i].totals)
        }
        guard rest.height >= 4 else { return }
        var below = Rect(x: rest.x, y: rest.y + 1, width: rest.width, height: rest.height - 1)
        // Where the forced orders hit: beside the chart (a third of the width, up to 60 columns)
        // where the chart keeps 80, else below it (80×24: 5 rows of chart, the rest by price).
        if let bands = s.detail?.priceBands {
            if below.width >= 110 {
                let (chart, side) = below.splitLeft(below.width - min(60, below.width / 3))
                PriceBandsView.draw(bands, in: Rect(x: side.x + 2, y: side.y, width: side.width - 2, height: side.height), into: &g)
                below = chart
            } else if below.height >= 11 {
                let (chart, rest) = below.splitTop(max(5, below.height / 2 - 1))
                PriceBandsView.draw(bands, in: Rect(x: rest.x, y: rest.y + 1, width: min(rest.width, 72), height: rest.height - 1), into: &g)
                below = chart
            }
        }
        if let m = s.detail?.minutes {
            LiquidationsPanel.drawChart(m, window: v.window, clock: s.clock, below, &g, outages: s, clickable: false, zone: v.zone)
        }
    }

    /// What each venue's public stream leaves out: traders must know the totals undercount.
    static func caveat(_ venue: Venue) -> String {
        switch venue {
        case .binance: "Binance sends at most one liquidation per symbol per second: totals undercount."
        case .bybit: "Bybit allLiquidation pushes every 500 ms and is meant to be complete."
        case .okx: "OKX's liquidation feed is partial and not always in time order."
        case .bitget: "Bitget sends only the largest long and short per symbol per second: totals undercount."
        case .gate: "Gate: USDT perpetuals only; a contract without a known multiplier needs --instruments."
        case .aster: "Aster sends at most one liquidation per symbol per second; raw Aster files read as Binance."
        case .htx: "HTX: USDT- and coin-margined swaps; coin-margined priced for BTC/ETH only; no delivery futures."
        case .bitmex: "BitMEX sends no time: orders are dated on receipt. Only XBTUSD is priced; others rejected."
        case .deribit: "Deribit: futures trades flagged as liquidations; an MT trade counts both sides."
        case .hyperliquid: VenueCoverage.leverageOnly(venue)!
        }
    }

    static func orders(_ s: Snapshot, _ v: ViewState, _ coin: String, _ venue: Venue, _ sel: Int, _ r: Rect, _ g: inout CellGrid, scroll: Int = 0) {
        let list = Listing.orders(s)
        let total = s.detail?.ordersTotal ?? list.count
        g.put(caveat(venue) + (total > list.count ? "  Showing the newest \(Fmt.count(list.count)) of \(Fmt.count(total))." : ""),
              x: r.x, y: r.y, style: .dim, clip: r)
        g.put("instruments: " + VenueCoverage.instruments(venue, s), x: r.x, y: r.y + 1, style: .dim, clip: r)
        let body = r.splitTop(2).1
        Table.draw([Column("time", 8), Column("side", 5), Column("instrument", 16), Column("price", 12, right: true),
                    Column("quantity", 14, right: true), Column("USD", 12, right: true)],
                   count: list.count, selected: sel, scroll: scroll, in: body, into: &g) { i in
            let o = list[i]
            return [(Fmt.time(o.time, v.zone), .dim), (o.side.rawValue, Style(o.side == .long ? .long : .short)), (o.instrument, .text),
                    (o.price.description, .text), (o.quantity.description, .text), (Fmt.usd(o.usd, 2), Tier.style(o.usd, coin: o.coin, s, base: .text))]
        }
    }

    static func etfAsset(_ s: Snapshot, _ v: ViewState, _ a: EtfAsset, _ sel: Int, _ r: Rect, _ g: inout CellGrid, scroll: Int = 0) {
        let glyphs = g.glyphs
        guard let e = s.etf[a] else { g.put("no \(a.rawValue) ETF flows loaded", x: r.x, y: r.y, style: .dim, clip: r); return }
        let funds = Listing.funds(s, a, v)
        g.put("\(a.rawValue) funds on \(e.day): net \(Fmt.signedUSD(e.today.netUSD))"
              + (e.today.netCoins.map { " (\(Fmt.signedCoins($0)) \(a.rawValue))" } ?? "")
              + " · streak \(Fmt.streak(e.streakDays)) · since \(e.firstDay) \(Fmt.signedUSD(e.cumulativeUSD))",
              x: r.x, y: r.y, style: Style(.title), clip: r)
        let body = r.splitTop(1).1
        let (left, right) = body.width >= 90 ? body.splitLeft(body.width / 2) : body.splitTop((body.height + 1) / 2)
        Table.draw([Column("fund", 6), Column("USD", 11, right: true), Column(a.rawValue, 12, right: true), Column("ref. price", 11, right: true)],
                   count: funds.count, selected: sel, scroll: scroll, in: Rect(x: left.x, y: left.y, width: left.width - 1, height: left.height), into: &g) { i in
            let f = funds[i]
            let st = Style(f.netUSD.micros >= 0 ? .inflow : .outflow)
            return [(f.fund, Style(.text, bold: true)), (Fmt.signedUSD(f.netUSD), st),
                    (f.coins.map(Fmt.signedCoins) ?? "–", st), (f.referencePrice.map { $0.formatted(fractionDigits: 2) } ?? "–", .dim)]
        }
        let days = Array(e.history.reversed())
        let peak = days.map { $0.netUSD.micros.magnitude }.max() ?? 0
        Table.draw([Column("day", 10), Column("net USD", 10, right: true), Column("", 0)], count: days.count, selected: nil,
                   in: Rect(x: right.x + 1, y: right.y, width: right.width - 1, height: right.height), into: &g) { i in
            let d = days[i]
            let st = Style(d.netUSD.micros >= 0 ? .inflow : .outflow)
            return [(d.day.description, .dim), (Fmt.signedUSD(d.netUSD), st),
                    (Bars.horizontal(Int64(clamping: d.netUSD.micros.magnitude), max: Int64(clamping: peak), width: max(1, right.width - 24),
                                     role: st.role, glyphs: glyphs), st)]
        }
    }

    static func etfFund(_ s: Snapshot, _ a: EtfAsset, _ fund: String, _ sel: Int, _ r: Rect, _ g: inout CellGrid, scroll: Int = 0) {
        let glyphs = g.glyphs
        let days = Listing.fundHistory(s)
        let peak = days.map { $0.netUSD.micros.magnitude }.max() ?? 0
        Table.draw([Column("day", 10), Column("USD", 11, right: true), Column(a.rawValue, 12, right: true),
                    Column("ref. price", 11, right: true), Column("", 0)], count: days.count, selected: sel, scroll: scroll, in: r, into: &g) { i in
            let f = days[i]
            let st = Style(f.netUSD.micros >= 0 ? .inflow : .outflow)
            return [(f.day.description, .dim), (Fmt.signedUSD(f.netUSD), st), (f.coins.map(Fmt.signedCoins) ?? "–", st),
                    (f.referencePrice.map { $0.formatted(fractionDigits: 2) } ?? "–", .dim),
                    (Bars.horizontal(Int64(clamping: f.netUSD.micros.magnitude), max: Int64(clamping: peak), width: max(1, r.width - 50),
                                     role: st.role, glyphs: glyphs), st)]
        }
    }

    static func notes(_ s: Snapshot, _ v: ViewState, _ sel: Int, _ r: Rect, _ g: inout CellGrid, scroll: Int = 0) {
        let notes = s.macro.notes
        Table.draw([Column(v.zone.isUTC ? "time (UTC)" : "time (\(v.zone.label(at: s.clock)))", 19), Column("source", 18), Column("note", 0)], count: notes.count, selected: sel, scroll: scroll, in: r, into: &g) { i in
            [(Fmt.dateTime(notes[i].time, v.zone), .dim), (notes[i].source, Style(.title)), (notes[i].text, .text)]
        }
    }

    static func note(_ n: MacroNote, _ zone: DisplayZone, _ r: Rect, _ g: inout CellGrid) {
        g.put(Fmt.dateTime(n.time, zone) + " " + zone.label(at: n.time) + " · " + n.source, x: r.x, y: r.y, style: Style(.title, bold: true), clip: r)
        for (k, line) in Fmt.wrap(n.text, width: min(r.width, 100)).prefix(max(0, r.height - 2)).enumerated() {
            g.put(line, x: r.x, y: r.y + 2 + k, style: .text, clip: r)
        }
    }

    static func rejections(_ s: Snapshot, _ sel: Int, _ r: Rect, _ g: inout CellGrid, scroll: Int = 0) {
        let list = s.input.rejections
        let header = "\(Fmt.count(s.input.rejected)) rejected · \(Fmt.count(s.input.ignored)) ignored"
            + (s.input.rejected > list.count ? " · listing the first \(Fmt.count(list.count))" : "")
        g.put(header, x: r.x, y: r.y, style: Style(.warn), clip: r)
        Table.draw([Column("file", 24), Column("line", 8, right: true), Column("reason", 0)], count: list.count, selected: sel,
                   in: r.splitTop(1).1, into: &g) { i in
            [(list[i].source, .dim), (String(list[i].line), .text), (list[i].reason, Style(.warn))]
        }
    }
}
