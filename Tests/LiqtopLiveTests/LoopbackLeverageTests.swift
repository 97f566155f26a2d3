import LiqtopCore
@testable import LiqtopLive
import Testing

/// The leverage subscriptions (mark price, funding, open interest) go out after the liquidation
/// ones on every connection, so a reconnect resubscribes them too; with `leverage` off (`live
/// --no-leverage`) none go out. Each venue played on 127.0.0.1.
@Suite(.timeLimit(.minutes(1))) struct LoopbackLeverageTests {
    static let binanceSubscribe = #"{"method":"SUBSCRIBE","params":["!markPrice@arr@1s"],"id":1}"#
    static let binanceAck = #"{"result":null,"id":1}"#
    /// The documented all-market frame's shape (an array of `markPriceUpdate`).
    static let binanceMarkPrices = #"[{"e":"markPriceUpdate","E":1562305380000,"s":"BTCUSDT","p":"11794.15000000","i":"11784.62659091","P":"11784.25641265","r":"0.00038167","T":1562306400000}]"#

    static func leverage(_ config: VenueConfig, coins: [String] = VenueConfig.leverageCoins) -> VenueConfig {
        var c = config
        c.leverage = true
        c.leverageCoins = coins
        return c
    }

    /// No keepalive within the test, so the messages received are only the subscriptions.
    static var quietTiming: VenueSource.Timing {
        var t = fastTiming
        t.keepalive = .seconds(30)
        return t
    }

    @Test func binanceSubscribesTheAllMarketMarkPricesAgainAfterAReconnect() async throws {
        let server = try await LoopbackServer.start(Script(onText: { n, text in
            guard text == Self.binanceSubscribe else { return [] }
            return n == 0 ? [.send(Self.binanceAck), .send(Self.binanceMarkPrices), .pause(50), .close(reason: "restart")]
                : [.send(Self.binanceAck), .send(Frames.binance(qty: "1"))]
        }))
        let recorder = Recorder()
        let source = VenueSource(config: Self.leverage(.loopback(.binance, server, path: "/ws/!forceOrder@arr")),
                                 context: testContext, keepRaw: true, clock: { testNow }, timing: Self.quietTiming)
        try await withRunning(source, recorder, server: server) {
            #expect(await eventually { server.connections == 2 && recorder.liquidations.count == 1 })
        }
        // The stream path still names the liquidations; the request adds the mark prices.
        #expect(server.paths == ["/ws/!forceOrder@arr", "/ws/!forceOrder@arr"])
        #expect(server.received(0) == [Self.binanceSubscribe])
        #expect(server.received(1) == [Self.binanceSubscribe])
        // Every frame reached the decoder as a line (the mark prices among them, kept raw).
        #expect(recorder.batches.flatMap(\.raw).contains(Self.binanceMarkPrices))
        #expect(recorder.reconnectErrors == ["connection closed by server: restart"])
    }

    @Test func bybitSubscribesTickersInBatchesOfTenAgainAfterAReconnect() async throws {
        let coins = ["BTC", "ETH", "SOL", "XRP", "DOGE", "BNB", "ADA", "AVAX", "LINK", "SUI", "LTC", "1000PEPEUSDT"]
        let expected = [
            #"{"op":"subscribe","args":["allLiquidation.ROSEUSDT"]}"#,
            #"{"op":"subscribe","args":["tickers.BTCUSDT","tickers.ETHUSDT","tickers.SOLUSDT","tickers.XRPUSDT","tickers.DOGEUSDT","tickers.BNBUSDT","tickers.ADAUSDT","tickers.AVAXUSDT","tickers.LINKUSDT","tickers.SUIUSDT"]}"#,
            #"{"op":"subscribe","args":["tickers.LTCUSDT","tickers.1000PEPEUSDT"]}"#,
        ]
        let server = try await LoopbackServer.start(Script(onText: { n, text in
            // After the last subscription of the first connection: a TCP reset.
            text == expected[2] ? (n == 0 ? [.send(Frames.bybitAck), .pause(50), .reset] : [.send(Frames.bybitAck)])
                : [.send(Frames.bybitAck)]
        }))
        let recorder = Recorder()
        let source = VenueSource(config: Self.leverage(.loopback(.bybit, server, path: "/v5/public/linear", coins: ["ROSE"]), coins: coins),
                                 context: testContext, clock: { testNow }, timing: Self.quietTiming)
        try await withRunning(source, recorder, server: server) {
            #expect(await eventually { server.received(1).count == 3 })
        }
        #expect(server.received(0) == expected)
        #expect(server.received(1) == expected)
        #expect(recorder.reconnectErrors == ["TCP connection reset"])
        #expect(recorder.rejections.isEmpty)
    }

    @Test func okxSubscribesMarkPriceFundingAndOpenInterestPerSwapAgainAfterAReconnect() async throws {
        let liquidations = #"{"op":"subscribe","args":[{"channel":"liquidation-orders","instType":"SWAP"}]}"#
        let leverage = #"{"op":"subscribe","args":["#
            + ["BTC", "ETH", "SOL", "XRP", "DOGE"].flatMap { coin in
                ["mark-price", "funding-rate", "open-interest"].map { #"{"channel":"\#($0)","instId":"\#(coin)-USDT-SWAP"}"# }
            }.joined(separator: ",") + "]}"
        let server = try await LoopbackServer.start(Script(onText: { n, text in
            guard text == leverage else { return [.send(Frames.okxAck)] }
            let ack = #"{"event":"subscribe","arg":{"channel":"open-interest","instId":"BTC-USDT-SWAP"},"connId":"a4d3ae55"}"#
            return n == 0 ? [.send(ack), .pause(50), .close(reason: "")] : [.send(ack)]
        }))
        let recorder = Recorder()
        let source = VenueSource(config: Self.leverage(.loopback(.okx, server, path: "/ws/v5/public")),
                                 context: testContext, clock: { testNow }, timing: Self.quietTiming)
        try await withRunning(source, recorder, server: server) {
            #expect(await eventually { server.received(1).count == 2 })
        }
        #expect(server.received(0) == [liquidations, leverage])
        #expect(server.received(1) == [liquidations, leverage])
        #expect(recorder.rejections.isEmpty) // the acks are ignored
    }

    @Test func withoutLeverageOnlyTheLiquidationsAreSubscribed() {
        for venue in Venue.allCases {
            var config = VenueConfig(venue: venue, coins: ["BTC"])
            #expect(!config.leverage) // off unless asked (`live` asks unless --no-leverage)
            let plain = VenueProtocol.subscribeMessages(config)
            config.leverage = true
            let all = VenueProtocol.subscribeMessages(config)
            #expect(Array(all.prefix(plain.count)) == plain, "\(venue)")
            #expect(all.count > plain.count || VenueProtocol.leverageMessages(config).isEmpty, "\(venue)")
            #expect(plain.allSatisfy { !$0.contains("markPrice") && !$0.contains("tickers.") && !$0.contains("mark-price") })
        }
    }

    @Test func okxBatchesAtMostItsArgLimitPerRequest() {
        var config = VenueConfig(venue: .okx)
        config.leverage = true
        config.leverageCoins = (1 ... 40).map { "C\($0)" } + ["BTC-USDT-SWAP", "ethusdt", "C1", #"X","instId":"Y"#]
        // An id kept, a symbol read as its coin, a repeat and what would break the JSON dropped.
        #expect(config.okxSwapInstruments.count == 42)
        #expect(config.okxSwapInstruments.suffix(2) == ["BTC-USDT-SWAP", "ETH-USDT-SWAP"])
        let messages = VenueProtocol.leverageMessages(config)
        #expect(messages.count == 2) // 126 args: 100 + 26
        #expect(messages.map { $0.components(separatedBy: #"{"channel""#).count - 1 } == [100, 26])
        #expect(VenueProtocol.leverageCaveat(.binance)?.contains("polled") == true)
        #expect(VenueProtocol.leverageCaveat(.okx) == nil)
    }
}
