import LiqtopCore
@testable import LiqtopLive
import Testing

/// Bitget, Gate and Aster played on 127.0.0.1 from their published and captured frames:
/// subscribe message, keepalive, reconnect and resend. Nothing touches the internet.
@Suite(.timeLimit(.minutes(1))) struct LoopbackBitgetGateAsterTests {
    static let bitgetPath = "/v3/ws/public"
    static let gatePath = "/v4/ws/usdt"
    static let asterPath = "/ws/!forceOrder@arr"
    /// After the captured Bitget frames (2026-04-28), so they are not "from the future".
    static let bitgetNow: Millis = 1_777_400_000_000

    static let bitgetSubscribe = #"{"op":"subscribe","args":[{"instType":"usdt-futures","topic":"liquidation"},{"instType":"coin-futures","topic":"liquidation"},{"instType":"usdc-futures","topic":"liquidation"}]}"#

    @Test func bitgetSubscribesEveryProductTypeAndPings() async throws {
        let server = try await LoopbackServer.start(Script(onText: { _, text in
            if text.hasPrefix(#"{"op":"subscribe""#) { return [.send(NewFrames.bitgetAck), .send(NewFrames.bitgetCaptured)] }
            if text == "ping" { return [.send("pong")] }
            return []
        }))
        let recorder = Recorder()
        let source = VenueSource(config: .loopback(.bitget, server, path: Self.bitgetPath),
                                 context: DecodeContext(now: Self.bitgetNow), clock: { Self.bitgetNow }, timing: fastTiming)
        #expect(source.name == "bitget")
        try await withRunning(source, recorder, server: server) {
            #expect(await eventually { server.received(0).filter { $0 == "ping" }.count >= 3 })
        }
        let got = server.received(0)
        #expect(got.first == Self.bitgetSubscribe)
        #expect(got.dropFirst().allSatisfy { $0 == "ping" })
        #expect(server.paths == [Self.bitgetPath])
        let ls = recorder.liquidations
        #expect(ls.map(\.instrument) == ["APEUSDT", "IPUSDT"])
        #expect(ls.allSatisfy { $0.venue == .bitget && $0.side == .long })
        #expect(ls.map(\.usd.centsString) == ["13.70", "143.33"])
        #expect(recorder.rejections.isEmpty)
        #expect(recorder.ignored >= 3) // the ack and the pongs
        #expect(recorder.liveCount == 1)
        #expect(recorder.batches.allSatisfy { $0.source == "bitget" })
    }

    @Test func bitgetReconnectResubscribesAndDropsTheResend() async throws {
        let server = try await LoopbackServer.start(Script(onText: { n, text in
            guard text.hasPrefix(#"{"op":"subscribe""#) else { return [] }
            return n == 0
                ? [.send(NewFrames.bitgetAck), .send(NewFrames.bitgetCaptured), .close(reason: "maintenance")]
                : [.send(NewFrames.bitgetAck), .send(NewFrames.bitgetCaptured), .send(NewFrames.bitgetDocumented)]
        }))
        let recorder = Recorder()
        var timing = fastTiming
        timing.keepalive = .seconds(30)
        let source = VenueSource(config: .loopback(.bitget, server, path: Self.bitgetPath),
                                 context: DecodeContext(now: Self.bitgetNow), clock: { Self.bitgetNow }, timing: timing)
        try await withRunning(source, recorder, server: server) {
            #expect(await eventually { recorder.liquidations.count == 3 && server.connections == 2 })
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(recorder.liquidations.map(\.instrument) == ["APEUSDT", "IPUSDT", "BTCUSDT"])
        #expect(recorder.reconnectErrors == ["connection closed by server: maintenance"])
        #expect(server.received(1) == [Self.bitgetSubscribe])
    }

    @Test func gateAsksForDecimalSizesStampsTheTimeAndPings() async throws {
        let seconds = testNow / 1000
        let server = try await LoopbackServer.start(Script(onText: { _, text in
            if text.contains(#""event":"subscribe""#) { return [.send(NewFrames.gateAck), .send(NewFrames.gateDocumented)] }
            if text.contains(#""channel":"futures.ping""#) { return [.send(NewFrames.gatePong)] }
            return []
        }))
        let recorder = Recorder()
        let source = VenueSource(config: .loopback(.gate, server, path: Self.gatePath), context: testContext,
                                 clock: { testNow }, timing: fastTiming)
        try await withRunning(source, recorder, server: server) {
            #expect(await eventually { server.received(0).filter { $0.contains("futures.ping") }.count >= 3 })
        }
        #expect(server.headers(0)["x-gate-size-decimal"] == "1")
        let got = server.received(0)
        #expect(got.first == #"{"time":\#(seconds),"channel":"futures.public_liquidates","event":"subscribe","payload":["!all"]}"#)
        #expect(got.dropFirst().allSatisfy { $0 == #"{"time":\#(seconds),"channel":"futures.ping"}"# })
        let ls = recorder.liquidations
        #expect(ls.count == 2) // both orders of the aggregated push
        #expect(ls.allSatisfy { $0.venue == .gate && $0.coin == "BTC" && $0.side == .long })
        #expect(ls.map(\.usd.centsString) == ["2.68", "0.23"])
        #expect(recorder.rejections.isEmpty)
        #expect(recorder.ignored >= 3) // the ack and the pongs
        #expect(recorder.liveCount == 1)
    }

    @Test func gateReconnectsAfterResetAndResubscribes() async throws {
        let server = try await LoopbackServer.start(Script(onText: { n, text in
            guard text.contains(#""event":"subscribe""#) else { return [] }
            return n == 0
                ? [.send(NewFrames.gateAck), .send(NewFrames.gateDocumented), .pause(150), .reset]
                : [.send(NewFrames.gateAck), .send(NewFrames.gateDocumented), .send(NewFrames.gateETH)]
        }))
        let recorder = Recorder()
        var timing = fastTiming
        timing.keepalive = .seconds(30)
        let source = VenueSource(config: .loopback(.gate, server, path: Self.gatePath), context: testContext,
                                 clock: { testNow }, timing: timing)
        try await withRunning(source, recorder, server: server) {
            #expect(await eventually { recorder.liquidations.count == 3 && server.connections == 2 })
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(recorder.liquidations.map(\.instrument) == ["BTC_USDT", "BTC_USDT", "ETH_USDT"])
        #expect(recorder.reconnectErrors == ["TCP connection reset"])
        #expect(server.received(1).count == 1)
        #expect(server.headers(1)["x-gate-size-decimal"] == "1")
    }

    @Test func asterIsBinancesFormatUnderItsOwnName() async throws {
        let server = try await LoopbackServer.start(Script(
            onConnect: { _ in [.send(NewFrames.asterDocumented), .send(Frames.binance(qty: "0.5", side: "BUY"))] },
            onText: { _, text in text.contains("LIST_SUBSCRIPTIONS") ? [.send(#"{"result":["!forceOrder@arr"],"id":1}"#)] : [] }))
        let recorder = Recorder()
        let source = VenueSource(config: .loopback(.aster, server, path: Self.asterPath), context: testContext,
                                 clock: { testNow }, timing: fastTiming)
        #expect(source.name == "aster")
        try await withRunning(source, recorder, server: server) {
            // Quiet after two frames: the idle keepalive asks for an answer, again and again.
            #expect(await eventually { server.received(0).count >= 3 })
        }
        #expect(server.paths == [Self.asterPath])
        #expect(server.received(0).allSatisfy { $0 == #"{"method":"LIST_SUBSCRIPTIONS","id":1}"# })
        let ls = recorder.liquidations
        #expect(ls.map(\.venue) == [.aster, .aster]) // not Binance: the connection says whose
        #expect(ls.map(\.side) == [.long, .short])
        #expect(ls.map(\.usd.centsString) == ["138.74", "4955.00"])
        #expect(recorder.rejections.isEmpty)
        #expect(recorder.ignored >= 2) // the answers to the keepalive
        #expect(recorder.liveCount == 1) // live at the upgrade, as Binance: no ack
    }

    @Test func asterReconnectDropsTheResend() async throws {
        let server = try await LoopbackServer.start(Script(onConnect: { n in
            n == 0 ? [.send(Frames.binance(qty: "1")), .close(reason: "bye")]
                   : [.send(Frames.binance(qty: "1")), .send(Frames.binance(qty: "2"))]
        }))
        let recorder = Recorder()
        let source = VenueSource(config: .loopback(.aster, server, path: Self.asterPath), context: testContext,
                                 clock: { testNow }, timing: fastTiming)
        try await withRunning(source, recorder, server: server) {
            #expect(await eventually { recorder.liquidations.count == 2 && server.connections == 2 })
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(recorder.liquidations.map(\.quantity.description) == ["1", "2"])
        #expect(recorder.liquidations.allSatisfy { $0.venue == .aster })
        #expect(recorder.reconnectErrors == ["connection closed by server: bye"])
        #expect(recorder.lines == 3)
    }

    @Test func rules() {
        #expect(VenueConfig.bitget().url == "wss://ws.bitget.com/v3/ws/public")
        #expect(VenueConfig.gate().url == "wss://fx-ws.gateio.ws/v4/ws/usdt")
        #expect(VenueConfig.aster().url == "wss://fstream.asterdex.com/ws/!forceOrder@arr")
        for venue in [Venue.bitget, .gate, .aster] { #expect(VenueConfig.urlProblem(VenueConfig.defaultURL(venue)) == nil) }
        #expect(VenueProtocol.subscribeMessages(.bitget()) == [Self.bitgetSubscribe])
        #expect(VenueProtocol.subscribeMessages(.aster()).isEmpty)
        #expect(Keepalive.stamped(VenueProtocol.subscribeMessages(.gate())[0], now: 1_768_348_800_999)
            == #"{"time":1768348800,"channel":"futures.public_liquidates","event":"subscribe","payload":["!all"]}"#)
        #expect(VenueProtocol.keepalive(.bitget) == .every(.seconds(20), text: "ping"))
        #expect(VenueProtocol.keepalive(.gate) == .every(.seconds(10), text: #"{"time":{unix-seconds},"channel":"futures.ping"}"#))
        #expect(VenueProtocol.keepalive(.aster) == .whenIdle(.seconds(60), text: #"{"method":"LIST_SUBSCRIPTIONS","id":1}"#))
        #expect(VenueProtocol.stallLimit(.bitget) == .seconds(60))
        #expect(VenueProtocol.stallLimit(.gate) == .seconds(60))
        #expect(VenueProtocol.stallLimit(.aster) == .seconds(600))
        #expect(VenueProtocol.acknowledges(.bitget) && VenueProtocol.acknowledges(.gate) && !VenueProtocol.acknowledges(.aster))
        #expect(VenueProtocol.upgradeHeaders(.gate).map { "\($0.name): \($0.value)" } == ["X-Gate-Size-Decimal: 1"])
        for venue in Venue.allCases where venue != .gate { #expect(VenueProtocol.upgradeHeaders(venue).isEmpty) }
        // Header names must be HTTP tokens (the connector force-unwraps them).
        let tchar = Set("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        for venue in Venue.allCases { #expect(VenueProtocol.upgradeHeaders(venue).allSatisfy { !$0.name.isEmpty && $0.name.allSatisfy(tchar.contains) }) }
        #expect(Keepalive.stamped("ping", now: 5) == "ping")
    }
}

/// The new venues' frames, from their docs and real captures (see the format tests).
enum NewFrames {
    static let bitgetAck = #"{"event":"subscribe","arg":{"instType":"usdt-futures","topic":"liquidation"},"connId":"xxxxxxxxxx"}"#
    /// A real capture from tardis-node's tests (https://github.com/tardis-dev/tardis-node).
    static let bitgetCaptured = #"{"action":"update","arg":{"instType":"usdt-futures","topic":"liquidation"},"data":[{"symbol":"APEUSDT","side":"buy","price":"0.1649","amount":"13.70319","ts":"1777358886549"},{"symbol":"IPUSDT","side":"buy","price":"0.500280739469","amount":"143.330431857868","ts":"1777358876983"}],"ts":1777358897167}"#
    /// Bitget's documented push.
    static let bitgetDocumented = #"{"data":[{"symbol":"BTCUSDT","side":"buy","price":"89000","amount":"37.722858","ts":"1736371332162"}],"arg":{"instType":"usdt-futures","topic":"liquidation"},"action":"update","ts":1736371332162}"#
    static let gateAck = #"{"time":1545459681,"time_ms":1545459681123,"channel":"futures.public_liquidates","event":"subscribe","result":{"status":"success"}}"#
    static let gatePong = #"{"time":1545404023,"time_ms":1545404023123,"channel":"futures.pong","event":"","result":null}"#
    /// Gate's documented aggregated push (2026-08).
    static let gateDocumented = #"{"channel":"futures.public_liquidates","event":"update","time":1541505434,"time_ms":1541505434123,"result":[{"price":"215.1","size":"-124.5","time":1541486601123,"contract":"BTC_USDT"},{"price":"215.2","size":"-10.5","time":1541486601456,"contract":"BTC_USDT"}]}"#
    static let gateETH = #"{"channel":"futures.public_liquidates","event":"update","time":1768348700,"time_ms":1768348700123,"result":[{"price":"3300","size":"2","time":1768348700000,"contract":"ETH_USDT"}]}"#
    /// Aster's documented `forceOrder` payload (= Binance's).
    static let asterDocumented = #"{"e":"forceOrder","E":1568014460893,"o":{"s":"BTCUSDT","S":"SELL","o":"LIMIT","f":"IOC","q":"0.014","p":"9910","ap":"9910","X":"FILLED","l":"0.014","z":"0.014","T":1568014460893}}"#
}
