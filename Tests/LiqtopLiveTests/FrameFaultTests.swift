import LiqtopCore
@testable import LiqtopLive
import Testing

/// Frames RFC 6455 says must fail the connection, and frames over the size limit, sent byte for
/// byte by the loopback server: the connection is failed at once (nothing after the bad frame
/// is read), the frame is counted as rejected, the health says why, and the venue reconnects.
@Suite(.serialized, .timeLimit(.minutes(2))) struct FrameFaultTests {
    static let path = "/ws/!forceOrder@arr"
    static let goodBytes = Array(Frames.binance(qty: "9").utf8)

    /// Connection 0 sends `bad`, then a good frame that must never be read; connection 1 a good frame.
    func expectFailure(_ bad: [Step], words: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let server = try await LoopbackServer.start(Script(onConnect: { n in
            n == 0 ? bad + [.send(Frames.binance(qty: "2"))] : [.send(Frames.binance(qty: "1"))]
        }))
        let recorder = Recorder()
        let source = VenueSource(config: .loopback(.binance, server, path: Self.path), context: testContext,
                                 clock: { testNow }, timing: fastTiming)
        try await withRunning(source, recorder, server: server) {
            #expect(await eventually(.seconds(20)) { server.connections >= 2 && !recorder.liquidations.isEmpty },
                    sourceLocation: sourceLocation)
            try await Task.sleep(for: .milliseconds(100))
        }
        // Neither the bad frame nor the one after it counted; the next connection's did.
        #expect(recorder.liquidations.map(\.quantity.description) == ["1"], sourceLocation: sourceLocation)
        #expect(recorder.reconnectErrors.first == words, sourceLocation: sourceLocation)
        #expect(recorder.rejections.map(\.reason) == [words], sourceLocation: sourceLocation)
        #expect(recorder.rejections.allSatisfy { $0.source == "binance" }, sourceLocation: sourceLocation)
    }

    @Test func reservedBitsFailTheConnection() async throws {
        try await expectFailure([.sendRaw(Frames.raw(opcode: 0x1, rsv: 0b100, payload: Self.goodBytes))],
                                words: "frame with RSV1 set and no extension negotiated")
        try await expectFailure([.sendRaw(Frames.raw(opcode: 0x1, rsv: 0b011, payload: Self.goodBytes))],
                                words: "frame with RSV2+RSV3 set and no extension negotiated")
    }

    @Test func reservedDataOpcodeFailsTheConnection() async throws {
        try await expectFailure([.sendRaw(Frames.raw(opcode: 0x3, payload: Self.goodBytes))],
                                words: "protocol error: reserved opcode or malformed control frame")
    }

    @Test func reservedControlOpcodeFailsTheConnection() async throws {
        try await expectFailure([.sendRaw(Frames.raw(opcode: 0xB, payload: Array("hi".utf8)))],
                                words: "protocol error: reserved opcode or malformed control frame")
    }

    @Test func invalidUTF8FailsTheConnection() async throws {
        // The venue's frame with one byte that is not UTF-8 inside the symbol.
        var bytes = Self.goodBytes
        bytes.insert(0xFF, at: bytes.firstIndex(of: UInt8(ascii: "U"))!)
        try await expectFailure([.sendRaw(Frames.raw(opcode: 0x1, payload: bytes))], words: "invalid UTF-8 in a text message")
    }

    @Test func invalidUTF8AcrossFragmentsFailsTheConnection() async throws {
        // A two-byte character cut after its first byte, the message then ending: invalid.
        let head = Array(#"{"e":"forceOrder","x":""#.utf8) + [0xC3]
        try await expectFailure([.sendRaw(Frames.raw(opcode: 0x1, fin: false, payload: head)),
                                 .sendRaw(Frames.raw(opcode: 0x0, payload: Array(#""}"#.utf8)))],
                                words: "invalid UTF-8 in a text message")
    }

    @Test func frameOverTheLimitIsVisible() async throws {
        let big = Array(repeating: UInt8(ascii: "x"), count: VenueSource.maxMessageBytes + 1)
        try await expectFailure([.sendRaw(Frames.raw(opcode: 0x1, payload: big))], words: "frame over 4 MiB limit")
    }

    @Test func messageOverTheLimitIsVisible() async throws {
        // Each fragment is under the frame limit; together they are over the message limit.
        let half = Array(repeating: UInt8(ascii: "x"), count: VenueSource.maxMessageBytes / 2 + 1)
        try await expectFailure([.sendRaw(Frames.raw(opcode: 0x1, fin: false, payload: half)),
                                 .sendRaw(Frames.raw(opcode: 0x0, payload: half))],
                                words: "message over 4 MiB limit")
    }

    @Test func strayContinuationFailsTheConnection() async throws {
        try await expectFailure([.sendRaw(Frames.raw(opcode: 0x0, payload: Self.goodBytes))],
                                words: "continuation frame with no message to continue")
    }

    @Test func aCharacterSplitAcrossFragmentsIsAccepted() async throws {
        let text = Frames.binance(qty: "3").replacingOccurrences(of: #""o":"LIMIT""#, with: #""o":"LIMIT","note":"é""#)
        let bytes = Array(text.utf8)
        let cut = bytes.firstIndex(of: 0xC3)! + 1 // inside "é"
        let server = try await LoopbackServer.start(Script(onConnect: { _ in
            [.sendRaw(Frames.raw(opcode: 0x1, fin: false, payload: Array(bytes[..<cut]))),
             .sendRaw(Frames.raw(opcode: 0x0, payload: Array(bytes[cut...])))]
        }))
        let recorder = Recorder()
        let source = VenueSource(config: .loopback(.binance, server, path: Self.path), context: testContext,
                                 clock: { testNow }, timing: fastTiming)
        try await withRunning(source, recorder, server: server) {
            #expect(await eventually(.seconds(20)) { recorder.liquidations.count == 1 })
        }
        #expect(recorder.liquidations.first?.quantity.description == "3")
        #expect(recorder.reconnectErrors.isEmpty)
    }

    @Test func aVenueSendingTheSameBadFrameIsRetriedEverMoreSlowly() async throws {
        // Every connection gets the oversized frame. Normal ends here would always restart the
        // backoff (resetAfter zero: any uptime counts as healthy), but a failed connection never
        // counts as healthy: the waits grow 10-20, 20-40, 40-80 ms (jitter within each step).
        let big = Array(repeating: UInt8(ascii: "x"), count: VenueSource.maxMessageBytes + 1)
        let server = try await LoopbackServer.start(Script(onConnect: { _ in [.sendRaw(Frames.raw(opcode: 0x1, payload: big))] }))
        let recorder = Recorder()
        var timing = fastTiming
        timing.backoff = Backoff(base: .milliseconds(20), cap: .milliseconds(100), resetAfter: .zero)
        let source = VenueSource(config: .loopback(.binance, server, path: Self.path), context: testContext,
                                 clock: { testNow }, timing: timing)
        try await withRunning(source, recorder, server: server) {
            #expect(await eventually { recorder.reconnectErrors.count >= 3 })
        }
        let waits = recorder.health.compactMap { h -> Millis? in if case .reconnecting(let at) = h.state { at - testNow } else { nil } }
        #expect(waits.count >= 3)
        if waits.count >= 3 {
            #expect((10 ... 20).contains(waits[0]) && (20 ... 40).contains(waits[1]) && (40 ... 80).contains(waits[2]), "\(waits)")
        }
        #expect(recorder.reconnectErrors.allSatisfy { $0 == "frame over 4 MiB limit" })
        #expect(recorder.rejections.count >= 3)
    }
}
