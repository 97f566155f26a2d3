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
