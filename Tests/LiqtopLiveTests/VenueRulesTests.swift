#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LiqtopCore
@testable import LiqtopLive
import Testing

@Suite struct VenueRulesTests {
    @Test func defaultURLs() {
        // The /market route: mark prices do not arrive on the legacy /ws path.
        #expect(VenueConfig.binance().url == "wss://fstream.binance.com/market/ws/!forceOrder@arr")
        #expect(VenueConfig.bybit().url == "wss://stream.bybit.com/v5/public/linear")
        #expect(VenueConfig.okx().url == "wss://ws.okx.com:8443/ws/v5/public")
        #expect(VenueConfig.binance(url: "wss://fstream.binance.com/ws/!forceOrder@arr").url
            == "wss://fstream.binance.com/ws/!forceOrder@arr")
        #expect(VenueConfig.okx().name == "okx")
    }

    @Test func bybitTopicsAreChunkedByTen() {
        let coins = (1 ... 23).map { "C\($0)" }
        let messages = VenueProtocol.subscribeMessages(.bybit(coins: coins))
        #expect(messages.count == 3)
        #expect(messages[0] == #"{"op":"subscribe","args":["# + (1 ... 10).map { "\"allLiquidation.C\($0)USDT\"" }.joined(separator: ",") + "]}")
        #expect(messages[1] == #"{"op":"subscribe","args":["# + (11 ... 20).map { "\"allLiquidation.C\($0)USDT\"" }.joined(separator: ",") + "]}")
        #expect(messages[2] == #"{"op":"subscribe","args":["allLiquidation.C21USDT","allLiquidation.C22USDT","allLiquidation.C23USDT"]}"#)
    }

    @Test func bybitSymbolsFromCoins() {
        let config = VenueConfig.bybit(coins: ["btc", "ETH", "BTC", " sol ", "1000PEPEUSDT", ""])
        #expect(config.bybitSymbols == ["BTCUSDT", "ETHUSDT", "SOLUSDT", "1000PEPEUSDT"])
        #expect(VenueProtocol.subscribeMessages(config)
            == [#"{"op":"subscribe","args":["allLiquidation.BTCUSDT","allLiquidation.ETHUSDT","allLiquidation.SOLUSDT","allLiquidation.1000PEPEUSDT"]}"#])
        #expect(VenueProtocol.subscribeMessages(.bybit(coins: [])).isEmpty)
    }

    @Test func okxAndBinanceSubscriptions() {
        #expect(VenueProtocol.subscribeMessages(.okx())
            == [#"{"op":"subscribe","args":[{"channel":"liquidation-orders","instType":"SWAP"}]}"#])
        #expect(VenueProtocol.subscribeMessages(.binance()).isEmpty)
    }

    @Test func keepalivesAndStallLimits() {
        #expect(VenueProtocol.keepalive(.bybit) == .every(.seconds(20), text: #"{"op":"ping"}"#))
        #expect(VenueProtocol.keepalive(.okx) == .whenIdle(.seconds(25), text: "ping"))
        #expect(VenueProtocol.keepalive(.binance) == .none)
        #expect(VenueProtocol.stallLimit(.binance) == .seconds(600))
        #expect(VenueProtocol.stallLimit(.bybit) == .seconds(60))
        #expect(VenueProtocol.stallLimit(.okx) == .seconds(60))
        #expect(VenueProtocol.maxConnectionAge < .seconds(24 * 3600))
        let shrunk = VenueSource(config: .okx(), context: testContext, timing: fastTiming)
        #expect(shrunk.keepalive == .whenIdle(.milliseconds(100), text: "ping"))
        #expect(shrunk.stallLimit == .seconds(3))
        let production = VenueSource(config: .bybit(), context: testContext)
        #expect(production.keepalive == .every(.seconds(20), text: #"{"op":"ping"}"#))
        #expect(production.stallLimit == .seconds(60))
    }

    @Test func backoffDoublesUpToTheCapWithJitter() {
        var b = Backoff(base: .seconds(1), cap: .seconds(60), resetAfter: .seconds(60))
        let top = (0 ..< 8).map { _ in b.nextDelay(uptime: .zero, unit: 1) }
        #expect(top == [1, 2, 4, 8, 16, 32, 60, 60].map { Swift.Duration.seconds($0) })
        var c = Backoff()
        let bottom = (0 ..< 3).map { _ in c.nextDelay(uptime: .seconds(5), unit: 0) }
        #expect(bottom == [.milliseconds(500), .seconds(1), .seconds(2)])
        // A connection that stayed up a minute resets the sequence.
        let afterLongUptime = c.nextDelay(uptime: .seconds(60), unit: 1)
        let afterShortUptime = c.nextDelay(uptime: .seconds(59), unit: 1)
        #expect(afterLongUptime == .seconds(1))
        #expect(afterShortUptime == .seconds(2))
        // Many failures never overflow.
        var d = Backoff()
        for _ in 0 ..< 200 { _ = d.nextDelay(uptime: .zero, unit: 0.5) }
        let late = d.nextDelay(uptime: .zero, unit: 0.5)
        #expect(late == .seconds(45))
        #expect(d.failures == 201)
    }

    @Test func errorsInWords() {
        #expect(SessionEnd.words(errno: ECONNRESET) == "TCP connection reset")
        #expect(SessionEnd.words(errno: ECONNREFUSED) == "connection refused")
        #expect(SessionEnd.stalled(.seconds(60)).words == "no data for 60 s")
        #expect(SessionEnd.stalled(.milliseconds(300)).words == "no data for 300 ms")
        #expect(SessionEnd.closedByServer(reason: "").words == "connection closed by server")
        #expect(SessionEnd.closedByServer(reason: "maintenance").words == "connection closed by server: maintenance")
        #expect(SessionEnd.dropped.words == "connection dropped without a close frame")
    }
}
