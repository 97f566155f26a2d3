/// Binance COIN-M `GET /dapi/v1/exchangeInfo`: `{"timezone":"UTC",…,"symbols":[{"symbol":
/// "BTCUSD_PERP","pair":"BTCUSD","contractType":"PERPETUAL","contractSize":100,"baseAsset":"BTC",
/// "quoteAsset":"USD","marginAsset":"BTC",…}]}`.
///
/// Source: Binance COIN-M docs, "Exchange Information"
/// (https://developers.binance.com/docs/derivatives/coin-margined-futures/market-data/Exchange-Information):
/// `contractSize` is the USD value of one contract (COIN-M contracts are inverse, quoted in USD).
/// A symbol quoted in anything but USD is skipped.
enum BinanceCoinMInstruments {
    static func read(_ doc: JSONDoc, _ item: Int, asOf: Millis, into list: inout InstrumentList) {
        guard let symbol = InstrumentList.name(doc, item, "symbol") else { return list.skip("no valid symbol") }
        guard let size = InstrumentList.positive(doc, item, "contractSize") else { return list.skip("no positive contractSize") }
        let quote = InstrumentList.string(doc, item, "quoteAsset")
        guard quote == "USD" else { return list.skip("quoted in \(quote ?? "no currency"), not USD") }
        list.facts.append(InstrumentFacts(venue: "binance", instrument: symbol, contractValue: size, unit: .usd, kind: .inverse, asOf: asOf))
    }
}
