import LiqtopCore
@testable import LiqtopLive
import Testing

/// De-duplication drops what a reconnect resends, and nothing within one connection: identical
/// entries in one message (or two messages) of a feed meant to be complete are distinct orders.
@Suite(.timeLimit(.minutes(1))) struct ResendTests {
    static let bybitPath = "/v5/public/linear"

    @Test func identicalEntriesOnOneConnectionAllCount() async throws {
        let server = try await LoopbackServer.start(Script(onText: { _, text in
            guard text.hasPrefix(#"{"op":"subscribe""#) else { return [] }
            return [.send(Frames.bybitAck), .send(Frames.bybitRepeated(2)), .send(Frames.bybitRepeated(1))]
        }))
        let recorder = Recorder()
        let source = VenueSource(config: .loopback(.bybit, server, path: Self.bybitPath, coins: ["PIPPIN"]),
                                 context: testContext, clock: { testNow }, timing: fastTiming)
        try await withRunning(source, recorder, server: server) {
            #expect(await eventually(.seconds(15)) { recorder.liquidations.count == 3 })
            try await Task.sleep(for: .milliseconds(100))
        }
        let ls = recorder.liquidations
        #expect(ls.count == 3) // two entries of one message, and the same entry in the next
        #expect(ls.allSatisfy { $0.instrument == "PIPPINUSDT" && $0.side == .short && $0.quantity.description == "2846" })
        #expect(recorder.rejections.isEmpty)
    }

    @Test func aReconnectResendIsDroppedWithItsMultiplicity() async throws {
        // Connection 0 delivers the entry twice (one message) and closes; connection 1 resends
        // that message, then the entry a third time and a new event: the resend is dropped
        // copy for copy, the third copy is a new order.
        let server = try await LoopbackServer.start(Script(onText: { n, text in
            guard text.hasPrefix(#"{"op":"subscribe""#) else { return [] }
            return n == 0
                ? [.send(Frames.bybitAck), .send(Frames.bybitRepeated(2)), .close(reason: "restart")]
                : [.send(Frames.bybitAck), .send(Frames.bybitRepeated(2)), .send(Frames.bybitRepeated(1)),
                   .send(Frames.bybit(size: "1"))]
        }))
        let recorder = Recorder()
        let source = VenueSource(config: .loopback(.bybit, server, path: Self.bybitPath, coins: ["PIPPIN"]),
                                 context: testContext, clock: { testNow }, timing: fastTiming)
        try await withRunning(source, recorder, server: server) {
            #expect(await eventually { recorder.liquidations.contains { $0.instrument == "ROSEUSDT" } })
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(recorder.liquidations.map(\.instrument) == ["PIPPINUSDT", "PIPPINUSDT", "PIPPINUSDT", "ROSEUSDT"])
        #expect(server.connections == 2)
        #expect(recorder.reconnectErrors == ["connection closed by server: restart"])
    }
}

/// On a real OKX FUTURES frame (captured in tardis-node's tests, https://github.com/tardis-dev/tardis-node),
/// the same frame twice: both copies count when they arrive on one connection; a copy resent
/// after a reconnect counts once.
@Suite(.timeLimit(.minutes(1))) struct OKXFuturesPairTests {
    static let path = "/ws/v5/public"
    static let frame = #"{"arg":{"channel":"liquidation-orders","instType":"FUTURES"},"data":[{"details":[{"bkLoss":"0","bkPx":"0.55205","ccy":"","posSide":"short","side":"buy","sz":"39","ts":"1680173247614"}],"instFamily":"XRP-USD","instId":"XRP-USD-230929","instType":"FUTURES","uly":"XRP-USD"}]}"#
    /// XRP-USD futures are inverse, 10 USD a contract (OKX instruments list, `ctVal` 10 `ctValCcy` USD).
    static let context = DecodeContext(now: testNow, instruments: InstrumentBook([
        InstrumentFacts(venue: "okx", instrument: "XRP-USD-230929", contractValue: FixedDecimal(10), unit: .usd, kind: .inverse, asOf: testNow),
    ]))

    func run(_ script: Script, until count: Int) async throws -> Recorder {
        let server = try await LoopbackServer.start(script)
        let recorder = Recorder()
        let source = VenueSource(config: .loopback(.okx, server, path: Self.path), context: Self.context,
                                 clock: { testNow }, timing: fastTiming)
        try await withRunning(source, recorder, server: server) {
            #expect(await eventually(.seconds(15)) { recorder.liquidations.count >= count })
            try await Task.sleep(for: .milliseconds(150))
        }
        return recorder
    }

    @Test func bothCopiesCountOnOneConnection() async throws {
        let recorder = try await run(Script(onText: { _, text in
            guard text.hasPrefix(#"{"op":"subscribe""#) else { return [] }
            return [.send(Frames.okxAck), .send(Self.frame), .send(Self.frame)]
        }), until: 2)
        #expect(recorder.liquidations.count == 2)
        // 39 contracts × $10, a short liquidated (posSide short), each.
        #expect(recorder.liquidations.allSatisfy { $0.usd == USD(dollars: 390) && $0.side == .short && $0.coin == "XRP" })
    }

    @Test func theCopyResentAfterAReconnectCountsOnce() async throws {
        let recorder = try await run(Script(onText: { n, text in
            guard text.hasPrefix(#"{"op":"subscribe""#) else { return [] }
            return n == 0 ? [.send(Frames.okxAck), .send(Self.frame), .close(reason: "restart")]
                : [.send(Frames.okxAck), .send(Self.frame), .send(Frames.okx(sz: "1"))]
        }), until: 2)
        #expect(recorder.liquidations.map(\.instrument) == ["XRP-USD-230929", "BTC-USDT-SWAP"])
    }
}
