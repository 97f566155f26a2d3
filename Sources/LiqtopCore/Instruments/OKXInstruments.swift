/// OKX `GET /api/v5/public/instruments?instType=SWAP` (and `FUTURES`):
/// `{"code":"0","msg":"","data":[{"instType":"SWAP","instId":"BTC-USDT-SWAP","ctVal":"0.01",
/// "ctMult":"1","ctValCcy":"BTC","ctType":"linear",…}]}`.
///
/// Source: OKX v5 docs, "Get instruments" (https://www.okx.com/docs-v5/en/#public-data-rest-api-get-instruments,
/// read from the copy in rosssaunders/coincise docs/okx/public_data.md): `ctVal` contract value,
/// `ctMult` contract multiplier, `ctValCcy` its currency, `ctType` `linear`/`inverse`, only for
/// FUTURES/SWAP/OPTION. One contract is `ctVal × ctMult` of `ctValCcy`: for linear contracts the
/// base coin (BTC-USDT-SWAP: 0.01 BTC), for inverse ones USD (BTC-USD-SWAP: 100 USD). Any other
/// pairing (OKX's own old WebSocket example pairs `linear` with `USD`) is skipped, not guessed.
enum OKXInstruments {
    static func read(_ doc: JSONDoc, _ item: Int, asOf: Millis, into list: inout InstrumentList) {
        guard let instId = InstrumentList.name(doc, item, "instId") else { return list.skip("no valid instId") }
        if let type = InstrumentList.string(doc, item, "instType"), type != "SWAP", type != "FUTURES" {
            return list.skip("\(type) instruments are not swaps or futures")
        }
        guard var value = InstrumentList.positive(doc, item, "ctVal") else { return list.skip("no positive ctVal") }
        if let t = doc.member(item, "ctMult"), !(doc.kind(t) == .string && doc.raw(t).isEmpty) {
            guard let mult = InstrumentList.positive(doc, item, "ctMult"),
                  let v = FixedDecimal.exactProduct(value, mult) else { return list.skip("bad ctMult") }
            value = v
        }
        let ccy = InstrumentList.string(doc, item, "ctValCcy") ?? ""
        let base = instId.split(separator: "-").first.map(String.init) ?? ""
        switch InstrumentList.string(doc, item, "ctType") {
        case "linear":
            guard ccy == base else { return list.skip("linear contract valued in \(ccy.isEmpty ? "no currency" : ccy), not its base coin") }
            list.facts.append(InstrumentFacts(venue: "okx", instrument: instId, contractValue: value, unit: .coin, kind: .linear, asOf: asOf))
        case "inverse":
            guard ccy == "USD" else { return list.skip("inverse contract valued in \(ccy.isEmpty ? "no currency" : ccy), not USD") }
            list.facts.append(InstrumentFacts(venue: "okx", instrument: instId, contractValue: value, unit: .usd, kind: .inverse, asOf: asOf))
        default:
            list.skip("ctType neither linear nor inverse")
        }
    }
}
