import NIOWebSocket

/// A frame that fails the connection (RFC 6455 §5.2, §5.5, §8.1), or one over our size limit:
/// the connection is closed with `closeCode`, the frame is counted as rejected, and the reason
/// is shown in words until the venue is back.
enum FrameFault: Error, Sendable, Equatable {
    /// RSV1-3 are for extensions, and we negotiate none.
    case reservedBits(WebSocketFrame.ReservedBits)
    /// The library failed the connection itself (seen as the close it sent): a reserved opcode
    /// (0x3-0x7, 0xB-0xF), or a malformed control or close frame.
    case libraryClose(WebSocketErrorCode)
    case invalidUTF8
    case frameTooLarge(limit: Int)
    case messageTooLarge(limit: Int)
    /// A continuation frame with no message to continue.
    case strayContinuation
    /// A new text or binary frame before the fragmented message in progress ended.
    case interruptedMessage
    /// A control frame that is fragmented or longer than 125 bytes (NIO's decoder refuses it).
    case badControlFrame

    var words: String {
        switch self {
        case .reservedBits(let bits):
            let names = [(WebSocketFrame.ReservedBits.rsv1, "RSV1"), (.rsv2, "RSV2"), (.rsv3, "RSV3")]
                .filter { bits.contains($0.0) }.map(\.1)
            return "frame with \(names.joined(separator: "+")) set and no extension negotiated"
        case .libraryClose(.protocolError): return "protocol error: reserved opcode or malformed control frame"
        case .libraryClose(let code): return "WebSocket failed with close code \(UInt16(webSocketErrorCode: code))"
        case .invalidUTF8: return "invalid UTF-8 in a text message"
        case .frameTooLarge(let limit): return "frame over \(Self.size(limit)) limit"
        case .messageTooLarge(let limit): return "message over \(Self.size(limit)) limit"
        case .strayContinuation: return "continuation frame with no message to continue"
        case .interruptedMessage: return "new message before the fragmented one ended"
        case .badControlFrame: return "fragmented or oversized control frame"
        }
    }

    var closeCode: WebSocketErrorCode {
        switch self {
        case .reservedBits, .strayContinuation, .interruptedMessage, .badControlFrame: .protocolError
        case .libraryClose(let code): code
        case .invalidUTF8: .dataInconsistentWithMessage
        case .frameTooLarge, .messageTooLarge: .messageTooLarge
        }
    }

    /// The fault NIO's frame decoder reported, if it is one.
    init?(decoderError error: any Error, frameLimit: Int) {
        switch error {
        case NIOWebSocketError.invalidFrameLength: self = .frameTooLarge(limit: frameLimit)
        case NIOWebSocketError.fragmentedControlFrame, NIOWebSocketError.multiByteControlFrameLength: self = .badControlFrame
        default: return nil
        }
    }

    static func size(_ bytes: Int) -> String {
        if bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}
