import LiqtopCore
@testable import LiqtopLive
import Testing

/// Hyperliquid, a leverage-only venue, played on 127.0.0.1: one `activeAssetCtx` subscription
/// per coin, sent again after a reconnect, `{"method":"ping"}` when the line is quiet, and the
/// frames reaching the store as mark price, funding and open-interest figures dated on receipt.
@Suite(.timeLimit(.minutes(1))) struct LoopbackHyperliquidTests {
    static func subscribe(_ coin: String) -> String {
        #"{"method":"subscribe","subscription":{"type":"activeAssetCtx","coin":"\#(coin)"}}"#
    }

    /// The subscription's ack, as Hyperliquid's docs describe it: the original subscription in `data`.
    static func ack(_ coin: String) -> String {
        #"{"channel":"subscriptionResponse","data":{"method":"subscribe","subscription":{"type":"activeAssetCtx","coin":"\#(coin)"}}}"#
    }

    /// The captured frame's shape (hyperliquid_activeAssetCtx__tardis-node.ndjson) for `coin`.
    static func context(_ coin: String, mark: String, oi: String, funding: String = "0.0000125") -> String {
        #"{"channel":"activeAssetCtx","data":{"coin":"\#(coin)","ctx":{"funding":"\#(funding)","openInterest":"\#(oi)","prevDayPx":"1","dayNtlVlm":"1","premium":"0","oraclePx":"\#(mark)","markPx":"\#(mark)","midPx":"\#(mark)","impactPxs":["\#(mark)","\#(mark)"]}}}"#
    }

    static let ping = #"{"method":"ping"}"#
    static let pong = #"{"channel":"pong"}"#

    static func config(_ server: LoopbackServer, coins: [String]) -> VenueConfig {
        LoopbackLeverageTests.leverage(VenueConfig.loopback(.hyperliquid, server, path: "/ws"), coins: coins)
    }

    static var quietTiming: VenueSource.Timing { LoopbackLeverageTests.quietTiming }

    @Test func subscribesEachCoinAgainAfterAReconnectAndFramesReachTheStore() async throws {
        let server = try await LoopbackServer.start(Script(
            onConnect: { _ in [.send("Websocket connection established.")] }, // Hyperliquid's greeting
            onText: { n, text in
                switch text {
                case Self.subscribe("BTC"): return [.send(Self.ack("BTC")), .send(Self.context("BTC", mark: "97000.5", oi: "25000.12"))]
                case Self.subscribe("ETH"):
                    let steps: [Step] = [.send(Self.ack("ETH")), .send(Self.context("ETH", mark: "3300", oi: "400000"))]
                    return n == 0 ? steps + [.pause(50), .close(reason: "restart")] : steps
                case Self.subscribe("NOPE"):
                    return [.send(#"{"channel":"error","data":"Invalid subscription {\"type\":\"activeAssetCtx\",\"coin\":\"NOPE\"}"}"#)]
                default: return []
                }
            }))
        let recorder = Recorder()
        let received: Millis = testNow - 4_321
        // `eth` and `BTCUSDT` are BTC and ETH's names too; `"x"` would break the request's JSON.
        let source = VenueSource(config: Self.config(server, coins: ["BTC", "eth", "BTCUSDT", #"X","coin":"Y"#, "NOPE"]),
                                 context: testContext, clock: { received }, timing: Self.quietTiming)
        try await withRunning(source, recorder, server: server) {
            #expect(await eventually { server.connections == 2 && recorder.batches.flatMap(\.output.events).count == 12 })
        }
        let expected = [Self.subscribe("BTC"), Self.subscribe("ETH"), Self.subscribe("NOPE")]
        #expect(server.paths == ["/ws", "/ws"])
        #expect(server.received(0) == expected)
        #expect(server.received(1) == expected)
        #expect(recorder.reconnectErrors == ["connection closed by server: restart"])
        // The greetings and acks are not data; Hyperliquid's refusal is a rejection in its words.
        #expect(recorder.ignored == 2 * 3)
        #expect(recorder.rejections.map(\.reason) == Array(repeating: #"Hyperliquid error: Invalid subscription {\"type\":\"activeAssetCtx\",\"coin\":\"NOPE\"}"#, count: 2))
        #expect(recorder.liquidations.isEmpty)

        let store = MarketStore()
        for batch in recorder.batches { await store.ingest(batch.output, source: batch.source) }
        await store.setClock(received)
        let btc = try #require(await store.snapshot().leverage["BTC"])
        #expect(btc.price == (try FixedDecimal.parse("97000.5")))
        #expect(btc.priceVenue == .hyperliquid)
        // 25000.12 BTC × 97000.5, exactly.
        #expect(btc.oiByVenue == [VenueOpenInterest(venue: .hyperliquid, usd: USD(micros: 2_425_024_140_060_000), time: received)])
        #expect(btc.funding.map(\.venue) == [.hyperliquid])
        #expect(btc.funding.first?.intervalHours == 1)
        #expect(btc.nextFunding == testNow) // the next whole hour after the receive time
        #expect(await store.snapshot().leverage["ETH"]?.oiByVenue.first?.usd == USD(dollars: 1_320_000_000))
    }

    @Test func pingsWhenQuietAndAPongKeepsTheLine() async throws {
        let server = try await LoopbackServer.start(Script(onText: { _, text in
            switch text {
            case Self.subscribe("BTC"): [.send(Self.ack("BTC"))]
            case Self.ping: [.send(Self.pong)]
            default: []
            }
        }))
        let recorder = Recorder()
        // Pings after 100 ms of quiet; silence past 3 s would be a stall.
        let source = VenueSource(config: Self.config(server, coins: ["BTC"]), context: testContext,
                                 clock: { testNow }, timing: fastTiming)
        try await withRunning(source, recorder, server: server) {
            #expect(await eventually { server.received(0).filter { $0 == Self.ping }.count >= 3 })
        }
        let got = server.received(0)
        #expect(got.first == Self.subscribe("BTC"))
        #expect(got.dropFirst().allSatisfy { $0 == Self.ping })
        #expect(server.connections == 1)
        #expect(recorder.rejections.isEmpty) // the pongs are control replies
        #expect(recorder.liveCount >= 1) // the ack counts as live
    }

    @Test func rules() {
        let config = VenueConfig.hyperliquid()
        #expect(config.url == "wss://api.hyperliquid.xyz/ws")
        #expect(config.leverage) // nothing else to read there
        #expect(VenueConfig.hyperliquid(url: "wss://api.hyperliquid-testnet.xyz/ws").url == "wss://api.hyperliquid-testnet.xyz/ws")
        #expect(VenueProtocol.subscribeMessages(config) == VenueConfig.leverageCoins.map(Self.subscribe))
        var off = config
        off.leverage = false
        #expect(VenueProtocol.subscribeMessages(off).isEmpty) // no liquidation channel
        #expect(VenueProtocol.keepalive(.hyperliquid) == .whenIdle(.seconds(30), text: Self.ping))
        #expect(VenueProtocol.stallLimit(.hyperliquid) == .seconds(60)) // Hyperliquid's own idle limit
        #expect(VenueProtocol.acknowledges(.hyperliquid))
        #expect(VenueProtocol.reply(.hyperliquid, to: Self.pong) == nil)
        #expect(!VenueProtocol.gzipFrames(.hyperliquid))
        var many = config
        many.leverageCoins = ["btc", " SOL ", "BTC", "SOLUSDC", "HYPE", "1INCH", "kPEPE", "xyz:TSLA", "", String(repeating: "A", count: 21)]
        // kPEPE upper-cases to KPEPE, which Hyperliquid refuses in words (an error reply, a rejection).
        #expect(many.hyperliquidCoins == ["BTC", "SOL", "HYPE", "1INCH", "KPEPE"])
    }
}
