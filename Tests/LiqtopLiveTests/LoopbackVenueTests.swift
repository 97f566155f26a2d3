import LiqtopCore
@testable import LiqtopLive
import Testing

/// Each test plays a venue on 127.0.0.1 from recorded-shape frames; nothing touches the internet.
@Suite(.timeLimit(.minutes(1))) struct LoopbackVenueTests {
    static let binancePath = "/ws/!forceOrder@arr"

    @Test func binanceAllMarketStream() async throws {
        let server = try await LoopbackServer.start(Script(onConnect: { _ in
            [.send(Frames.binance(qty: "0.014")), .send(Frames.binance(qty: "0.5", side: "BUY"))]
        }))
        let recorder = Recorder()
        let source = VenueSource(config: .loopback(.binance, server, path: Self.binancePath), context: testContext,
                                 keepRaw: true, clock: { testNow }, timing: fastTiming)
        #expect(source.name == "binance")
        try await withRunning(source, recorder, server: server) {
            #expect(await eventually { recorder.liquidations.count == 2 })
            // Binance needs no subscribe message: the path names the stream.
            #expect(server.paths == [Self.binancePath])
            try await Task.sleep(for: .milliseconds(150))
            #expect(server.received(0).isEmpty)
        }
        let ls = recorder.liquidations
        #expect(ls.map(\.side) == [.long, .short])
        #expect(ls.map(\.instrument) == ["BTCUSDT", "BTCUSDT"])
        #expect(ls.map(\.usd.centsString) == ["138.74", "4955.00"])
        #expect(ls.allSatisfy { $0.venue == .binance && $0.coin == "BTC" && $0.time == 1_768_348_700_000 })
        #expect(recorder.batches.flatMap(\.raw) == [Frames.binance(qty: "0.014"), Frames.binance(qty: "0.5", side: "BUY")])
        #expect(recorder.batches.allSatisfy { $0.source == "binance" })
        #expect(recorder.rejections.isEmpty)
        let states = recorder.health.map(\.state)
        #expect(states.first == .connecting)
        #expect(states.contains(.live))
        #expect(recorder.liveCount == 1) // live at the upgrade (Binance sends no ack), not again per frame
        #expect(states.last == .stopped("stopped"))
        #expect(recorder.health.allSatisfy { $0.name == "binance" && $0.marksGaps })
        #expect(await eventually(.seconds(3)) { server.isClosed(0) }) // cancellation closed the socket
    }

    @Test func bybitSubscribesChunkedAndPings() async throws {
        let coins = ["BTC", "ETH", "SOL", "XRP", "DOGE", "BNB", "ADA", "AVAX", "LINK", "SUI", "LTC", "TRX"]
        let server = try await LoopbackServer.start(Script(onText: { _, text in
            // One ack per subscribe message; the liquidation comes once.
            if text.hasPrefix(#"{"op":"subscribe","args":["allLiquidation.BTCUSDT""#) {
                return [.send(Frames.bybitAck), .send(Frames.bybit(size: "20000"))]
            }
            if text.hasPrefix(#"{"op":"subscribe""#) { return [.send(Frames.bybitAck)] }
            if text == #"{"op":"ping"}"# { return [.send(Frames.bybitPong)] }
            return []
        }))
        let recorder = Recorder()
        let source = VenueSource(config: .loopback(.bybit, server, path: "/v5/public/linear", coins: coins),
                                 context: testContext, clock: { testNow }, timing: fastTiming)
        try await withRunning(source, recorder, server: server) {
            #expect(await eventually { server.received(0).filter { $0 == #"{"op":"ping"}"# }.count >= 3 })
        }
        let got = server.received(0)
        #expect(Array(got.prefix(2)) == [
            #"{"op":"subscribe","args":["allLiquidation.BTCUSDT","allLiquidation.ETHUSDT","allLiquidation.SOLUSDT","allLiquidation.XRPUSDT","allLiquidation.DOGEUSDT","allLiquidation.BNBUSDT","allLiquidation.ADAUSDT","allLiquidation.AVAXUSDT","allLiquidation.LINKUSDT","allLiquidation.SUIUSDT"]}"#,
            #"{"op":"subscribe","args":["allLiquidation.LTCUSDT","allLiquidation.TRXUSDT"]}"#,
        ])
        #expect(got.dropFirst(2).allSatisfy { $0 == #"{"op":"ping"}"# })
        #expect(server.paths == ["/v5/public/linear"])
        #expect(server.connections == 1)
        let ls = recorder.liquidations
        #expect(ls.count == 1)
        #expect(ls.first?.side == .short) // Bybit "Sell": a short position was liquidated
        #expect(ls.first?.usd.centsString == "899.80")
        #expect(recorder.rejections.isEmpty)
        #expect(recorder.liveCount == 1)
        #expect(recorder.reconnectErrors.isEmpty)
    }

    @Test func okxSubscribesAndPingsWhenIdle() async throws {
        let server = try await LoopbackServer.start(Script(onText: { _, text in
            if text.hasPrefix(#"{"op":"subscribe""#) { return [.send(Frames.okxAck), .send(Frames.okx(sz: "13"))] }
            if text == "ping" { return [.send("pong")] }
            return []
        }))
        let recorder = Recorder()
        let source = VenueSource(config: .loopback(.okx, server, path: "/ws/v5/public"), context: testContext,
                                 clock: { testNow }, timing: fastTiming)
        try await withRunning(source, recorder, server: server) {
            #expect(await eventually { server.received(0).filter { $0 == "ping" }.count >= 3 })
        }
        let got = server.received(0)
        #expect(got.first == #"{"op":"subscribe","args":[{"channel":"liquidation-orders","instType":"SWAP"}]}"#)
        #expect(got.dropFirst().allSatisfy { $0 == "ping" })
        #expect(server.paths == ["/ws/v5/public"])
        let ls = recorder.liquidations
        #expect(ls.count == 1)
        #expect(ls.first?.usd.centsString == "7800.00") // 13 contracts × 0.01 BTC × 60000
        #expect(ls.first?.side == .long)
        #expect(recorder.rejections.isEmpty)
        #expect(recorder.ignored >= 3) // the ack and the pongs
        #expect(server.connections == 1)
    }

    @Test func okxIsNotPingedWhileDataFlows() async throws {
        // Data every 30 ms for about 1.8 s keeps the line busy: an idle ping (500 ms here, with
        // headroom for a slowed sanitizer run) is never due, while a ping on a plain timer would be.
        let steps: [Step] = (1 ... 60).flatMap { i -> [Step] in [.send(Frames.okx(sz: "\(i)")), .pause(30)] }
        let server = try await LoopbackServer.start(Script(onText: { _, text in
            text.hasPrefix(#"{"op":"subscribe""#) ? steps : []
        }))
        let recorder = Recorder()
        var timing = fastTiming
        timing.keepalive = .milliseconds(500)
        let source = VenueSource(config: .loopback(.okx, server, path: "/ws/v5/public"), context: testContext,
                                 clock: { testNow }, timing: timing)
        try await withRunning(source, recorder, server: server) {
            #expect(await eventually { recorder.liquidations.count == 60 })
        }
        #expect(server.received(0).count == 1)
    }

    @Test func reconnectsAfterServerCloseWithoutDoubling() async throws {
        let server = try await LoopbackServer.start(Script(onConnect: { n in
            switch n {
            case 0: [.send(Frames.binance(qty: "1")), .send(Frames.binance(qty: "2")), .close(reason: "maintenance")]
            // The server resends what it already sent, then new data.
            default: [.send(Frames.binance(qty: "1")), .send(Frames.binance(qty: "2")), .send(Frames.binance(qty: "3"))]
            }
        }))
        let recorder = Recorder()
        let source = VenueSource(config: .loopback(.binance, server, path: Self.binancePath), context: testContext,
                                 clock: { testNow }, timing: fastTiming)
        try await withRunning(source, recorder, server: server) {
            #expect(await eventually { recorder.liquidations.count == 3 })
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(recorder.liquidations.map(\.quantity.description) == ["1", "2", "3"])
        #expect(recorder.reconnectErrors == ["connection closed by server: maintenance"])
        #expect(server.connections == 2)
        #expect(recorder.liveCount == 2)
        #expect(recorder.lines == 5) // every frame was read; the two repeats were dropped as duplicates
    }

    @Test func reconnectsAfterTCPReset() async throws {
        let server = try await LoopbackServer.start(Script(onText: { n, text in
            guard text.hasPrefix(#"{"op":"subscribe""#) else { return [] }
            // The reset comes after the client's subscribe, so both frames were read already.
            return n == 0
                ? [.send(Frames.bybit(size: "1")), .send(Frames.bybit(size: "2")), .pause(150), .reset]
                : [.send(Frames.bybit(size: "1")), .send(Frames.bybit(size: "2")), .send(Frames.bybit(size: "3"))]
        }))
        let recorder = Recorder()
        var timing = fastTiming
        timing.keepalive = .seconds(30)
        let source = VenueSource(config: .loopback(.bybit, server, path: "/v5/public/linear", coins: ["ROSE"]),
                                 context: testContext, clock: { testNow }, timing: timing)
        try await withRunning(source, recorder, server: server) {
            #expect(await eventually { recorder.liquidations.count == 3 && server.connections == 2 })
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(recorder.liquidations.map(\.quantity.description) == ["1", "2", "3"])
        #expect(recorder.reconnectErrors == ["TCP connection reset"])
        #expect(server.connections == 2)
        #expect(server.received(1) == [#"{"op":"subscribe","args":["allLiquidation.ROSEUSDT"]}"#]) // resubscribed
    }

    @Test func reconnectsAfterHangUpWithoutCloseFrame() async throws {
        let server = try await LoopbackServer.start(Script(onConnect: { n in
            n == 0 ? [.send(Frames.binance(qty: "1")), .pause(100), .hangUp]
                   : [.send(Frames.binance(qty: "1")), .send(Frames.binance(qty: "2"))]
        }))
        let recorder = Recorder()
        let source = VenueSource(config: .loopback(.binance, server, path: Self.binancePath), context: testContext,
                                 clock: { testNow }, timing: fastTiming)
        try await withRunning(source, recorder, server: server) {
            #expect(await eventually { recorder.liquidations.count == 2 })
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(recorder.liquidations.map(\.quantity.description) == ["1", "2"])
        #expect(recorder.reconnectErrors == ["connection dropped without a close frame"])
        #expect(server.connections == 2)
    }

    @Test func reconnectsAfterStall() async throws {
        // The first connection goes silent after one frame (and ignores pings).
        let server = try await LoopbackServer.start(Script(onConnect: { n in
            n == 0 ? [.send(Frames.binance(qty: "1"))]
                   : [.send(Frames.binance(qty: "1")), .send(Frames.binance(qty: "2"))]
        }))
        let recorder = Recorder()
        var timing = fastTiming
        timing.stallLimit = .milliseconds(300)
        let source = VenueSource(config: .loopback(.binance, server, path: Self.binancePath), context: testContext,
                                 clock: { testNow }, timing: timing)
        let started = ContinuousClock.now
        try await withRunning(source, recorder, server: server) {
            #expect(await eventually { recorder.liquidations.count == 2 })
            #expect(ContinuousClock.now - started >= .milliseconds(300))
            #expect(await eventually(.seconds(3)) { server.isClosed(0) }) // the stalled socket was closed

        }
        #expect(recorder.liquidations.map(\.quantity.description) == ["1", "2"])
        #expect(recorder.reconnectErrors.first == "no data for 300 ms")
        #expect(server.connections >= 2)
    }

    @Test func reconnectsBeforeTheConnectionAgeLimit() async throws {
        let server = try await LoopbackServer.start(Script(onConnect: { n in [.send(Frames.binance(qty: "\(n + 1)"))] }))
        let recorder = Recorder()
        var timing = fastTiming
        timing.maxConnectionAge = .milliseconds(150)
        let source = VenueSource(config: .loopback(.binance, server, path: Self.binancePath), context: testContext,
                                 clock: { testNow }, timing: timing)
        try await withRunning(source, recorder, server: server) {
            #expect(await eventually { server.connections >= 3 && recorder.liquidations.count >= 3 })
            #expect(await eventually(.seconds(3)) { server.isClosed(0) && server.isClosed(1) })
        }
        #expect(Array(recorder.liquidations.prefix(3).map(\.quantity.description)) == ["1", "2", "3"])
        // Planned: no error to show, and no backoff wait.
        let reconnects = recorder.health.filter { if case .reconnecting = $0.state { true } else { false } }
        #expect(reconnects.count >= 2)
        #expect(reconnects.allSatisfy { $0.lastError == nil && $0.state == .reconnecting(at: testNow) })
    }

    @Test func upgradeThatNeverComesTimesOut() async throws {
        let server = try await LoopbackServer.startSilent() // accepts TCP, never answers HTTP
        let recorder = Recorder()
        var timing = fastTiming
        timing.connectTimeout = .milliseconds(200)
        let source = VenueSource(config: .loopback(.binance, server, path: Self.binancePath), context: testContext,
                                 clock: { testNow }, timing: timing)
        try await withRunning(source, recorder, server: server) {
            #expect(await eventually { recorder.reconnectErrors.count >= 2 })
        }
        #expect(recorder.reconnectErrors.first == "no WebSocket upgrade within 200 ms")
        #expect(server.accepted >= 2)
        #expect(recorder.liveCount == 0)
    }

    @Test func malformedFramesAreCountedNotFatal() async throws {
        let badEntry = #"{"topic":"allLiquidation.ROSEUSDT","type":"snapshot","ts":1768348700275,"data":[{"T":1768348700000,"s":"ROSEUSDT","S":"Sell","v":"abc","p":"0.04499"},{"T":1768348700000,"s":"ROSEUSDT","S":"Buy","v":"10","p":"0.05"}]}"#
        let server = try await LoopbackServer.start(Script(onText: { _, text in
            guard text.hasPrefix(#"{"op":"subscribe""#) else { return [] }
            return [.send(Frames.bybitAck), .send("{not json"), .send("[1,2,3]"), .sendBinary([0xDE, 0xAD]),
                    .send(badEntry), .send(""), .send(Frames.bybit(size: "20000"))]
        }))
        let recorder = Recorder()
        let source = VenueSource(config: .loopback(.bybit, server, path: "/v5/public/linear", coins: ["ROSE"]),
                                 context: testContext, clock: { testNow }, timing: fastTiming)
        try await withRunning(source, recorder, server: server) {
            #expect(await eventually { recorder.liquidations.count == 2 })
            try await Task.sleep(for: .milliseconds(100))
        }
        let ls = recorder.liquidations
        #expect(ls.map(\.side) == [.long, .short]) // the good entry of the bad frame, then the good frame
        #expect(ls.map(\.usd.centsString) == ["0.50", "899.80"])
        let r = recorder.rejections
        #expect(r.count == 4)
        #expect(r.map(\.line) == [2, 3, 4, 5]) // frame numbers: the ack was frame 1
        #expect(r.allSatisfy { $0.source == "bybit" })
        #expect(r[2].reason == "binary frame of 2 bytes (text expected)")
        #expect(recorder.lines == 6) // the empty frame is not a line
        #expect(recorder.ignored == 1)
        #expect(server.connections == 1)
        #expect(recorder.reconnectErrors.isEmpty)
    }

    @Test func manyReconnectsLoseAndDoubleNothing() async throws {
        // Connection n resends everything sent so far plus one new event, then closes; the
        // last one stays open. Four connections, ten distinct events.
        let server = try await LoopbackServer.start(Script(onText: { n, text in
            guard text.hasPrefix(#"{"op":"subscribe""#) else { return [] }
            let upTo = n < 3 ? (n + 1) * 2 : 10
            var steps: [Step] = [.send(Frames.okxAck)] + (1 ... upTo).map { .send(Frames.okx(sz: "\($0)")) }
            if n < 3 { steps.append(n % 2 == 0 ? .close(reason: "") : .reset) }
            return steps
        }))
        let recorder = Recorder()
        let source = VenueSource(config: .loopback(.okx, server, path: "/ws/v5/public"), context: testContext,
                                 clock: { testNow }, timing: fastTiming)
        try await withRunning(source, recorder, server: server) {
            #expect(await eventually(.seconds(30)) { recorder.liquidations.count == 10 && server.connections == 4 })
            try await Task.sleep(for: .milliseconds(150))
        }
        #expect(recorder.liquidations.map(\.quantity.description) == (1 ... 10).map { "0.\($0 < 10 ? "0\($0)" : "1")" })
        #expect(server.connections == 4)
        #expect(recorder.liveCount == 4)
        #expect(recorder.reconnectErrors.count == 3)
    }

    @Test func refusedConnectionIsReportedAndRetried() async throws {
        // A port bound but not listening refuses connections, and no other test's server can
        // take it meanwhile (a port freed by a stopped server could be handed to one).
        let closed = try ClosedPort()
        defer { closed.release() }
        let port = closed.port
        let recorder = Recorder()
        let source = VenueSource(config: VenueConfig(venue: .binance, url: "ws://127.0.0.1:\(port)\(Self.binancePath)", proxy: .none),
                                 context: testContext, clock: { testNow }, timing: fastTiming)
        let task = Task { await source.run(recorder.sink) }
        #expect(await eventually { recorder.reconnectErrors.count >= 3 })
        task.cancel()
        await task.value
        #expect(recorder.reconnectErrors.first == "cannot connect to 127.0.0.1:\(port): connection refused")
        // reconnecting(at:) is in the future by the backoff delay (20…100 ms here).
        let ats = recorder.health.compactMap { h -> Millis? in if case .reconnecting(let at) = h.state { at } else { nil } }
        #expect(ats.allSatisfy { $0 >= testNow + 10 && $0 <= testNow + 100 })
        #expect(recorder.liveCount == 0)
    }

    @Test func cancellationEndsPromptlyAndClosesTheSocket() async throws {
        let server = try await LoopbackServer.start(Script()) // accepts, then says nothing
        let recorder = Recorder()
        let source = VenueSource(config: .loopback(.binance, server, path: Self.binancePath), context: testContext,
                                 clock: { testNow }, timing: .production)
        let task = Task { await source.run(recorder.sink) }
        #expect(await eventually { recorder.liveCount == 1 })
        let start = ContinuousClock.now
        task.cancel()
        await task.value
        // Well under production's 2 s close timeout (what a cancellation that waited for the
        // silent server would take), with room for a sanitizer run (0.52 s measured under TSan).
        #expect(ContinuousClock.now - start < .milliseconds(1500))
        #expect(await eventually(.seconds(3)) { server.isClosed(0) })
        #expect(recorder.health.last?.state == .stopped("stopped"))
        await server.stop()
    }
}
