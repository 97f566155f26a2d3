import Testing
@testable import LiqtopCore
import LiqtopTestSupport

private func dec(_ s: String) throws -> FixedDecimal { try FixedDecimal.parse(s) }

@Suite struct DeribitTickerTests {
    /// ../shared/samples/real/deribit_ticker__tardis-node.ndjson (tardis-dev/tardis-node, "map deribit
    /// messages"): BTC-PERPETUAL 2019 ×2, options (one expired), a strategy, a future spread, a combo,
    /// a linear option.
    static let real = [
        #"{"jsonrpc":"2.0","method":"subscription","params":{"channel":"ticker.BTC-PERPETUAL.raw","data":{"timestamp":1564617604229,"stats":{"volume":24618.46215298,"low":9569.5,"high":10131.5},"state":"open","settlement_price":9743.97,"open_interest":66128281,"min_price":9942.76,"max_price":10245.58,"mark_price":10094.1,"last_price":10095.5,"instrument_name":"BTC-PERPETUAL","index_price":10091.15,"funding_8h":0.00016281,"current_funding":0.0,"best_bid_price":10095.0,"best_bid_amount":7000.0,"best_ask_price":10095.5,"best_ask_amount":250.0}}}"#,
        #"{"jsonrpc":"2.0","method":"subscription","params":{"channel":"ticker.BTC-PERPETUAL.raw","data":{"timestamp":1569888003897,"stats":{"volume":43610.27177267,"low":7684.0,"high":8353.0},"state":"open","settlement_price":7792.17,"open_interest":84844461,"min_price":8179.57,"max_price":8428.7,"mark_price":8304.39,"last_price":8304.5,"instrument_name":"BTC-PERPETUAL","index_price":8305.94,"funding_8h":-0.00008477,"current_funding":0.0,"best_bid_price":8304.0,"best_bid_amount":267900.0,"best_ask_price":8304.5,"best_ask_amount":5260.0}}}"#,
        #"{"jsonrpc":"2.0","method":"subscription","params":{"channel":"ticker.BTC-8JUN20-8750-P.raw","data":{"underlying_price":9724.48,"underlying_index":"SYN.BTC-8JUN20","timestamp":1591603200048,"stats":{"volume":2.5,"price_change":0.0,"low":0.0005,"high":0.0005},"state":"closed","open_interest":0.0,"min_price":0.0001,"max_price":0.015,"mark_price":0.0,"mark_iv":70.0,"last_price":0.0005,"interest_rate":0.0,"instrument_name":"BTC-8JUN20-8750-P","index_price":9729.25,"greeks":{"vega":0.0,"theta":0.0,"rho":0.0,"gamma":0.0,"delta":0.0},"estimated_delivery_price":"expired","delivery_price":9728.65,"bid_iv":0.0,"best_bid_price":0.0,"best_bid_amount":0.0,"best_ask_price":0.0,"best_ask_amount":0.0,"ask_iv":500.0}}}"#,
        #"{"jsonrpc":"2.0","method":"subscription","params":{"channel":"ticker.BTC-5JUN20-9250-C.raw","data":{"underlying_price":9440.73,"underlying_index":"SYN.BTC-5JUN20","timestamp":1590969652595,"stats":{"volume":13.4,"price_change":-19.1489,"low":0.037,"high":0.047},"state":"open","settlement_price":0.05,"open_interest":533.2,"min_price":0.0115,"max_price":0.069,"mark_price":0.03847784,"mark_iv":63.21,"last_price":0.038,"interest_rate":0.0,"instrument_name":"BTC-5JUN20-9250-C","index_price":9434.36,"greeks":{"vega":3.88497,"theta":-28.34113,"rho":0.66242,"gamma":0.00058,"delta":0.62959},"estimated_delivery_price":9434.36,"bid_iv":58.39,"best_bid_price":0.0365,"best_bid_amount":15.4,"best_ask_price":0.04,"best_ask_amount":4.8,"ask_iv":66.9}}}"#,
        #"{"jsonrpc":"2.0","method":"subscription","params":{"channel":"ticker.ETH-5JUN20-310-P.raw","data":{"underlying_price":231.7,"underlying_index":"SYN.ETH-5JUN20","timestamp":1590969597073,"stats":{"volume":null,"price_change":null,"low":null,"high":null},"state":"open","settlement_price":0.29,"open_interest":0.0,"min_price":0.299,"max_price":0.383,"mark_price":0.33859,"mark_iv":118.63,"last_price":null,"interest_rate":0.0,"instrument_name":"ETH-5JUN20-310-P","index_price":231.54,"greeks":{"vega":0.0092,"theta":-0.12594,"rho":-0.03643,"gamma":0.00122,"delta":-0.98566},"estimated_delivery_price":231.54,"bid_iv":0.0,"best_bid_price":0.0,"best_bid_amount":0.0,"best_ask_price":0.0,"best_ask_amount":0.0,"ask_iv":0.0}}}"#,
        #"{"jsonrpc":"2.0","method":"subscription","params":{"channel":"ticker.ETH-10JUN20-270-C.raw","data":{"underlying_price":244.14,"underlying_index":"SYN.ETH-10JUN20","timestamp":1591608298178,"stats":{"volume":null,"price_change":null,"low":null,"high":null},"state":"open","open_interest":0.0,"min_price":0.0001,"max_price":0.0155,"mark_price":0.000632,"mark_iv":72.96,"last_price":null,"interest_rate":0.0,"instrument_name":"ETH-10JUN20-270-C","index_price":243.98,"greeks":{"vega":0.01246,"theta":-0.15436,"rho":0.00039,"gamma":0.00539,"delta":0.03105},"estimated_delivery_price":243.98,"bid_iv":0.0,"best_bid_price":0.0,"best_bid_amount":0.0,"best_ask_price":0.0,"best_ask_amount":0.0,"ask_iv":0.0}}}"#,
        #"{"jsonrpc":"2.0","method":"subscription","params":{"channel":"ticker.BTC-STRD-30SEP22-20000.raw","data":{"underlying_price":21478.45,"underlying_index":"index_price","timestamp":1661274180291,"stats":{"volume":null,"price_change":null,"low":null,"high":null},"state":"open","open_interest":0.0,"min_price":0.1364,"max_price":0.271,"mark_price":0.1922,"mark_iv":149.18,"last_price":null,"interest_rate":0.0,"instrument_name":"BTC-STRD-30SEP22-20000","index_price":21478.45,"implied_bid":0.189,"implied_ask":0.196,"greeks":{"vega":50.40834,"theta":-49.97019,"rho":2.9473,"gamma":0.00014,"delta":0.32525},"estimated_delivery_price":21478.45,"combo_state":"active","bid_iv":0.0,"best_bid_price":0.0,"best_bid_amount":0.0,"best_ask_price":0.0,"best_ask_amount":0.0,"ask_iv":0.0}}}"#,
        #"{"jsonrpc":"2.0","method":"subscription","params":{"channel":"ticker.BTC-FS-30SEP22_PERP.raw","data":{"timestamp":1662681659203,"stats":{"volume_usd":null,"volume":null,"price_change":null,"low":null,"high":null},"state":"open","settlement_price":-5.64,"open_interest":0,"min_price":-67.0,"max_price":87.5,"mark_price":10.12,"last_price":-13.5,"instrument_name":"BTC-FS-30SEP22_PERP","index_price":19320.68,"implied_bid":8.5,"implied_ask":10.5,"estimated_delivery_price":19320.68,"combo_state":"active","best_bid_price":-7.0,"best_bid_amount":300000.0,"best_ask_price":-5.0,"best_ask_amount":300000.0}}}"#,
        #"{"jsonrpc":"2.0","method":"subscription","params":{"channel":"ticker.BTC-CSR12-16SEP22-21000_23000.raw","data":{"underlying_price":19322.48,"underlying_index":"index_price","timestamp":1662681656186,"stats":{"volume":null,"price_change":null,"low":null,"high":null},"state":"open","settlement_price":0.00488191,"open_interest":0.0,"min_price":-0.0096,"max_price":0.0203,"mark_price":0.0053,"mark_iv":-74.2,"last_price":null,"interest_rate":0.0,"instrument_name":"BTC-CSR12-16SEP22-21000_23000","index_price":19322.48,"implied_bid":0.004,"implied_ask":0.0065,"greeks":{"vega":2.60113,"theta":-9.04163,"rho":0.37783,"gamma":0.00007,"delta":0.10275},"estimated_delivery_price":19322.48,"combo_state":"active","bid_iv":0.0,"best_bid_price":0.003,"best_bid_amount":18.0,"best_ask_price":0.008,"best_ask_amount":18.0,"ask_iv":0.0}}}"#,
        #"{"jsonrpc":"2.0","method":"subscription","params":{"channel":"ticker.MATIC_USDC-9MAR24-1d02-C.raw","data":{"estimated_delivery_price":1.1367,"best_bid_amount":0.0,"best_ask_amount":0.0,"bid_iv":0.0,"ask_iv":0.0,"underlying_index":"index_price","underlying_price":1.1367,"mark_iv":209.64,"best_bid_price":0.0,"best_ask_price":0.0,"interest_rate":0,"open_interest":0.0,"max_price":60.139,"min_price":0.0005,"last_price":null,"instrument_name":"MATIC_USDC-9MAR24-1d02-C","mark_price":0.139,"index_price":1.1367,"greeks":{"rho":0.00004,"theta":-0.01323,"vega":0.00024,"gamma":1.70098,"delta":0.7869},"stats":{"volume_notional":0.0,"volume_usd":0.0,"volume":0.0,"price_change":null,"low":null,"high":null},"state":"open","timestamp":1709809020064}}}"#,
    ]

    @Test func realFrames() throws {
        let out = decode(Self.real.joined(separator: "\n"))
        #expect(out.rejections.isEmpty, "\(out.rejections)")
        #expect(out.ignored == 8) // options, spreads and combos: their marks are premiums or spreads
        #expect(out.events == [
            .markPrice(MarkPrice(time: 1_564_617_604_229, venue: .deribit, instrument: "BTC-PERPETUAL", coin: "BTC", mark: try dec("10094.1"), index: try dec("10091.15"))),
            .funding(FundingRate(time: 1_564_617_604_229, venue: .deribit, instrument: "BTC-PERPETUAL", coin: "BTC", rate: try dec("0.00016281"), intervalHours: 8)),
            .openInterest(OpenInterest(time: 1_564_617_604_229, venue: .deribit, instrument: "BTC-PERPETUAL", coin: "BTC", size: FixedDecimal(66_128_281), unit: .usd, usd: USD(dollars: 66_128_281))),
            .markPrice(MarkPrice(time: 1_569_888_003_897, venue: .deribit, instrument: "BTC-PERPETUAL", coin: "BTC", mark: try dec("8304.39"), index: try dec("8305.94"))),
            .funding(FundingRate(time: 1_569_888_003_897, venue: .deribit, instrument: "BTC-PERPETUAL", coin: "BTC", rate: try dec("-0.00008477"), intervalHours: 8)),
            .openInterest(OpenInterest(time: 1_569_888_003_897, venue: .deribit, instrument: "BTC-PERPETUAL", coin: "BTC", size: FixedDecimal(84_844_461), unit: .usd, usd: USD(dollars: 84_844_461))),
        ])
    }

    /// The ticker object of Deribit's documentation (the snapshot on
    /// https://docs.deribit.com/subscriptions/market-data/incremental_tickerinstrument_name, the same
    /// fields as `ticker.(instrument_name).(interval)`), in a `ticker.BTC-PERPETUAL.100ms` notification.
    @Test func documentedExample() throws {
        let line = #"{"jsonrpc":"2.0","method":"subscription","params":{"channel":"ticker.BTC-PERPETUAL.100ms","data":{"best_ask_amount":100,"best_ask_price":36443,"best_bid_amount":5000,"best_bid_price":36442.5,"current_funding":0,"estimated_delivery_price":36441.64,"funding_8h":0.0000211,"index_price":36441.64,"instrument_name":"BTC-PERPETUAL","last_price":36457.5,"mark_price":36446.51,"max_price":36991.72,"min_price":35898.37,"open_interest":502097590,"settlement_price":36169.49,"state":"open","stats":{"high":36824.5,"low":35213.5,"price_change":0.7229,"volume":7871.02139035,"volume_usd":284061480},"timestamp":1623060194301}}}"#
        let out = decode(line)
        #expect(out.rejections.isEmpty)
        #expect(out.events.count == 3)
        #expect(out.events.last == .openInterest(OpenInterest(time: 1_623_060_194_301, venue: .deribit, instrument: "BTC-PERPETUAL", coin: "BTC",
                                                              size: FixedDecimal(502_097_590), unit: .usd, usd: USD(dollars: 502_097_590))))
    }

    @Test func linearAndDatedFutures() throws {
        func frame(_ name: String, _ extra: String) -> String {
            #"{"jsonrpc":"2.0","method":"subscription","params":{"channel":"ticker.\#(name).100ms","data":{"timestamp":1768000000000,"instrument_name":"\#(name)","mark_price":97000.5,"index_price":96990,"open_interest":12.5\#(extra)}}}"#
        }
        let out = decode([frame("BTC_USDC-PERPETUAL", #","funding_8h":0.0001"#), frame("BTC-27DEC24", #","funding_8h":null"#),
                          #"{"jsonrpc":"2.0","method":"subscription","params":{"channel":"incremental_ticker.BTC-PERPETUAL","data":{"type":"change","mark_price":1}}}"#].joined(separator: "\n"))
        #expect(out.rejections.isEmpty, "\(out.rejections)")
        let ois = out.events.compactMap { if case .openInterest(let o) = $0 { o } else { nil } }
        // Linear: coins, valued by the store; a dated inverse future: USD.
        let usd = USD(try dec("12.5"))
        #expect(ois.map(\.unit) == [.coin, .usd])
        #expect(ois.map(\.usd) == [nil, usd])
        #expect(out.events.count { if case .funding = $0 { true } else { false } } == 1) // futures carry none
        #expect(out.ignored == 1) // incremental_ticker (sparse): not subscribed, not read
    }
}
