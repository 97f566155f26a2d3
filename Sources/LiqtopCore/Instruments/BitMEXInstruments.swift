/// BitMEX `GET /api/v1/instrument`: a list of `{"symbol":"XBTUSD","quoteCurrency":"USD",
/// "multiplier":-100000000,"underlyingToPositionMultiplier":null,"underlyingToSettleMultiplier":
/// -100000000,"isQuanto":false,"isInverse":true,…}` (the same objects as the WebSocket
/// `instrument` table, of which tardis-node's tests hold a real capture: https://github.com/tardis-dev/tardis-node).
///
/// Source: BitMEX API explorer, model `Instrument` (https://www.bitmex.com/api/explorer/#/Instrument),
/// and the contract-sizing rule nautilus_trader's BitMEX adapter uses: inverse contracts are worth
/// `multiplier ÷ underlyingToSettleMultiplier` of the quote currency (XBTUSD: 1 USD); linear
/// ones `1 ÷ underlyingToPositionMultiplier` of the base coin. Quanto contracts (their value
/// moves with a second price), and contracts not quoted in USD/USDT/USDC (ETHM19 is priced in
/// XBT) are skipped, as are sparse updates without the multipliers.
enum BitMEXInstruments {
    static func read(_ doc: JSONDoc, _ item: Int, asOf: Millis, into list: inout InstrumentList) {
        guard let symbol = InstrumentList.name(doc, item, "symbol") else { return list.skip("no valid symbol") }
        guard doc.member(item, "multiplier").map({ doc.kind($0) != .null }) == true else {
            return list.skip("no multiplier (a sparse update)")
        }
        if let q = doc.member(item, "isQuanto"), doc.kind(q) == .true { return list.skip("quanto contract") }
        let quote = InstrumentList.string(doc, item, "quoteCurrency") ?? ""
        let inverse = doc.member(item, "isInverse").map { doc.kind($0) == .true } ?? false
        if inverse {
            guard quote == "USD" else { return list.skip("inverse contract quoted in \(quote.isEmpty ? "no currency" : quote), not USD") }
            guard let m = InstrumentList.nonZero(doc, item, "multiplier"),
                  let u = InstrumentList.nonZero(doc, item, "underlyingToSettleMultiplier"),
                  let value = FixedDecimal.exactQuotient(m, u), value.isPositive else {
                return list.skip("inverse contract without an exact multiplier ÷ underlyingToSettleMultiplier")
            }
            list.facts.append(InstrumentFacts(venue: "bitmex", instrument: symbol, contractValue: value, unit: .usd, kind: .inverse, asOf: asOf))
        } else {
            guard ["USD", "USDT", "USDC"].contains(quote) else {
                return list.skip("linear contract quoted in \(quote.isEmpty ? "no currency" : quote), not USD")
            }
            guard let u = InstrumentList.positive(doc, item, "underlyingToPositionMultiplier"),
                  let value = FixedDecimal.exactQuotient(FixedDecimal(1), u) else {
                return list.skip("linear contract without an exact 1 ÷ underlyingToPositionMultiplier")
            }
            list.facts.append(InstrumentFacts(venue: "bitmex", instrument: symbol, contractValue: value, unit: .coin, kind: .linear, asOf: asOf))
        }
    }
}
