/// HTX `GET /linear-swap-api/v1/swap_contract_info`: `{"status":"ok","data":[{"symbol":"BTC",
/// "contract_code":"BTC-USDT","contract_size":0.001,"business_type":"swap",
/// "trade_partition":"USDT",…}],"ts":1603694455541}`.
///
/// Source: HTX USDT-margined swap docs, "Query Swap Info"
/// (https://huobiapi.github.io/docs/usdt_swap/v1/en/#general-query-swap-info): `contract_size`
/// is the contract value in the base coin ("合约面值，即1张合约对应多少标的币种", BTC-USDT 0.001 BTC).
/// Only USDT-margined codes (`BTC-USDT`, `BTC-USDT-211231`) are read; coin-margined ones (whose
/// size is USD) come from another endpoint and are skipped here.
enum HTXInstruments {
    static func read(_ doc: JSONDoc, _ item: Int, asOf: Millis, into list: inout InstrumentList) {
        guard let code = InstrumentList.name(doc, item, "contract_code") else { return list.skip("no valid contract_code") }
        let parts = code.split(separator: "-")
        guard parts.count >= 2, parts[1] == "USDT" else { return list.skip("not a USDT-margined contract") }
        guard let size = InstrumentList.positive(doc, item, "contract_size") else { return list.skip("no positive contract_size") }
        list.facts.append(InstrumentFacts(venue: "htx", instrument: code, contractValue: size, unit: .coin, kind: .linear, asOf: asOf))
    }
}
