import NIOCore
import WSClient

/// Joins data frames into messages, with the checks RFC 6455 asks of a message: continuations
/// only inside a fragmented message, no new message before it ends, text that is valid UTF-8
/// (§8.1: checked on the whole message, as a character may span two fragments), and a size
/// limit. Done here rather than by WSClient so that each fault has its own words.
struct MessageAssembler {
    enum Message: Equatable {
        case text(String)
        case binary(ByteBuffer)
    }

    let maxBytes: Int
    private var partial: (isText: Bool, bytes: ByteBuffer)?

    init(maxBytes: Int) { self.maxBytes = maxBytes }

    /// The message `frame` completes, or nil while a fragmented message is still open.
    mutating func feed(opcode: WebSocketDataFrame.Opcode, fin: Bool, data: ByteBuffer) throws(FrameFault) -> Message? {
        var data = data
        let isText: Bool
        var bytes: ByteBuffer
        switch opcode {
        case .text, .binary:
            guard partial == nil else { throw .interruptedMessage }
            isText = opcode == .text
            bytes = data
        case .continuation:
            guard var open = partial else { throw .strayContinuation }
            partial = nil
            guard open.bytes.readableBytes + data.readableBytes <= maxBytes else { throw .messageTooLarge(limit: maxBytes) }
            open.bytes.writeBuffer(&data)
            isText = open.isText
            bytes = open.bytes
        }
        guard bytes.readableBytes <= maxBytes else { throw .messageTooLarge(limit: maxBytes) }
        guard fin else {
            partial = (isText, bytes)
            return nil
        }
        guard isText else { return .binary(bytes) }
        guard let text = String(validating: bytes.readableBytesView, as: UTF8.self) else { throw .invalidUTF8 }
        return .text(text)
    }
}
