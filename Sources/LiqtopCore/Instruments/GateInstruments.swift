/// Gate `GET /api/v4/futures/usdt/contracts`: a list of `{"name":"BTC_USDT","type":"direct",
/// "quanto_multiplier":"0.0001",…}`.
///
/// Source: Gate API v4 docs, "List all futures contracts"
/// (https://www.gate.io/docs/developers/apiv4/#list-all-futures-contracts; the generated clients
/// gateio/gateapi-python and gateapi-java docs/FuturesApi.md, model `Contract`):
/// `quanto_multiplier` is the base coin per contract for USDT-settled (`type` `direct`)
/// contracts (BTC_USDT 0.0001 BTC). Inverse (BTC-settled) contracts are skipped.
enum GateInstruments {
    static func read(_ doc: JSONDoc, _ item: Int, asOf: Millis, into list: inout InstrumentList) {
        guard let name = InstrumentList.name(doc, item, "name") else { return list.skip("no valid name") }
        let type = InstrumentList.string(doc, item, "type")
        guard type == "direct" else { return list.skip("contract type \(type ?? "missing"), not direct (USDT-settled)") }
        guard let multiplier = InstrumentList.positive(doc, item, "quanto_multiplier") else { return list.skip("no positive quanto_multiplier") }
        list.facts.append(InstrumentFacts(venue: "gate", instrument: name, contractValue: multiplier, unit: .coin, kind: .linear, asOf: asOf))
    }
}
