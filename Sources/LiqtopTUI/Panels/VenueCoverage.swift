import LiqtopCore

/// What each venue's feed covers and what prices its contracts, for the venue list (`v`) and
/// the venue drill-down.
enum VenueCoverage {
    /// Where `venue`'s contract values come from: what the session said (`live list of …`,
    /// `--instruments FILE`, `recorded in FILE`), else what the in-code tables cover.
    static func instruments(_ venue: Venue, _ s: Snapshot) -> String {
        if let said = s.instrumentSources[venue.rawValue] { return said }
        switch venue {
        case .binance: return "USD-M sized in coins; COIN-M contract sizes in-code"
        case .bybit, .bitget, .aster, .deribit: return "none needed (sizes in coins or USD)"
        case .okx: return "in-code table: BTC, ETH, SOL swaps only"
        case .gate: return "in-code table: BTC, ETH, SOL, XRP, DOGE … USDT perpetuals"
        case .htx: return "USDT swaps sized in coins; coin-margined BTC, ETH in-code"
        case .bitmex: return "in-code: XBTUSD only"
        case .hyperliquid: return "none needed (open interest in coins)"
        }
    }

    /// What a venue without a liquidation feed is read for, in its own words; nil for the others.
    static func leverageOnly(_ venue: Venue) -> String? {
        switch venue {
        case .hyperliquid:
            "funding, open interest, mark and oracle price per coin (activeAssetCtx); no liquidations: Hyperliquid publishes none"
        case .binance, .bybit, .okx, .bitget, .gate, .aster, .htx, .bitmex, .deribit: nil
        }
    }

    /// The venues read for leverage only, and those that publish no market-wide liquidation
    /// feed liqtop could read.
    static let notRead = "Hyperliquid: " + leverageOnly(.hyperliquid)! + ". "
        + "Not read: KuCoin, MEXC, BingX (no public liquidation feed)."

    /// `binance ✓`, `okx reconnecting in 4 s`, or `–` when the session does not connect it.
    static func state(_ venue: Venue, _ s: Snapshot) -> (String, Style) {
        let mine = s.health.filter { $0.name == venue.rawValue || $0.name.hasPrefix(venue.rawValue + "-") }
        guard !mine.isEmpty else {
            // A leverage-only venue is in the data through its open interest, funding or mark.
            let seen = venue.publishesLiquidations
                ? (s.byVenue[.h24] ?? []).contains { $0.venue == venue && $0.totals.count > 0 }
                : s.leverage.values.contains { c in
                    c.priceVenue == venue || c.oiByVenue.contains { $0.venue == venue } || c.funding.contains { $0.venue == venue }
                }
            return (seen ? "in the data" : "–", .dim)
        }
        let words = mine.map { $0.summary(now: s.clock) }.joined(separator: " · ")
        return (words, Style(mine.allSatisfy(\.isLive) ? .text : .warn))
    }
}
