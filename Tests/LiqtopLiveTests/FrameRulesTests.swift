import NIOCore
@testable import LiqtopLive
import Testing

/// The pure parts of the frame checks.
@Suite struct FrameRulesTests {
    func buffer(_ bytes: [UInt8]) -> ByteBuffer { ByteBuffer(bytes: bytes) }
    func buffer(_ s: String) -> ByteBuffer { ByteBuffer(string: s) }

    @Test func assemblerJoinsFragmentsAndChecksTheWholeMessage() throws {
        var a = MessageAssembler(maxBytes: 16)
        #expect(try a.feed(opcode: .text, fin: true, data: buffer("ping")) == .text("ping"))
        #expect(try a.feed(opcode: .binary, fin: true, data: buffer([1, 2, 3])) == .binary(buffer([1, 2, 3])))
        // "é" is C3 A9: cut between its bytes, it is still valid once joined.
        #expect(try a.feed(opcode: .text, fin: false, data: buffer([0x61, 0xC3])) == nil)
        #expect(try a.feed(opcode: .continuation, fin: false, data: buffer([0xA9])) == nil)
        #expect(try a.feed(opcode: .continuation, fin: true, data: buffer("b")) == .text("aéb"))
        #expect(try a.feed(opcode: .text, fin: true, data: buffer("")) == .text(""))
    }

    @Test func assemblerFaults() {
        func fault(_ body: (inout MessageAssembler) throws(FrameFault) -> Void) -> FrameFault? {
            var a = MessageAssembler(maxBytes: 16)
            do { try body(&a); return nil } catch { return error }
        }
        #expect(fault { a throws(FrameFault) in _ = try a.feed(opcode: .text, fin: true, data: buffer([0x61, 0xFF])) } == .invalidUTF8)
        #expect(fault { a throws(FrameFault) in _ = try a.feed(opcode: .text, fin: true, data: buffer([0xC3])) } == .invalidUTF8)
        #expect(fault { a throws(FrameFault) in _ = try a.feed(opcode: .continuation, fin: true, data: buffer("x")) } == .strayContinuation)
        #expect(fault { a throws(FrameFault) in
            _ = try a.feed(opcode: .text, fin: false, data: buffer("x"))
            _ = try a.feed(opcode: .binary, fin: true, data: buffer("y"))
        } == .interruptedMessage)
        #expect(fault { a throws(FrameFault) in _ = try a.feed(opcode: .binary, fin: true, data: buffer(Array(repeating: 0, count: 17))) }
            == .messageTooLarge(limit: 16))
        #expect(fault { a throws(FrameFault) in
            _ = try a.feed(opcode: .text, fin: false, data: buffer(String(repeating: "x", count: 10)))
            _ = try a.feed(opcode: .continuation, fin: true, data: buffer(String(repeating: "x", count: 7)))
        } == .messageTooLarge(limit: 16))
        // Binary data is not text: no UTF-8 rule.
        #expect(fault { a throws(FrameFault) in _ = try a.feed(opcode: .binary, fin: true, data: buffer([0xFF])) } == nil)
    }

    @Test func faultWordsAndCloseCodes() {
        #expect(FrameFault.reservedBits(.rsv1).words == "frame with RSV1 set and no extension negotiated")
        #expect(FrameFault.reservedBits(.all).words == "frame with RSV1+RSV2+RSV3 set and no extension negotiated")
        #expect(FrameFault.frameTooLarge(limit: 4 << 20).words == "frame over 4 MiB limit")
        #expect(FrameFault.messageTooLarge(limit: 1 << 20).words == "message over 1 MiB limit")
        #expect(FrameFault.messageTooLarge(limit: 1000).words == "message over 1000 bytes limit")
        #expect(FrameFault.libraryClose(.unexpectedServerError).words == "WebSocket failed with close code 1011")
        #expect(FrameFault.invalidUTF8.closeCode == .dataInconsistentWithMessage)
        #expect(FrameFault.frameTooLarge(limit: 1).closeCode == .messageTooLarge)
        #expect(FrameFault.reservedBits(.rsv2).closeCode == .protocolError)
        #expect(SessionEnd.failed(FrameFault.invalidUTF8).words == "invalid UTF-8 in a text message")
        #expect(SessionEnd.failed(FrameFault.invalidUTF8).isFrameFault)
        #expect(!SessionEnd.dropped.isFrameFault)
    }

    @Test func aFaultyConnectionNeverResetsTheBackoff() {
        var b = Backoff(base: .seconds(1), cap: .seconds(60), resetAfter: .seconds(60))
        let waits = (0 ..< 3).map { _ in b.nextDelay(uptime: .seconds(3600), unit: 1, mayReset: false) }
        #expect(waits == [.seconds(1), .seconds(2), .seconds(4)])
        #expect(b.nextDelay(uptime: .seconds(3600), unit: 1) == .seconds(1)) // a healthy one does
    }
}
