import LiqtopFeeds
import NIOCore
import NIOWebSocket
import WSClient

/// The first fault of one connection, shared by the frame guard and the reading loop. Sealed
/// when the reading loop ends: the close the library sends after our handler has ended (1011
/// for any error of ours) is not a fault of the server's.
final class FaultBox: Sendable {
    private let state = PthreadLock<(first: FrameFault?, sealed: Bool)>((nil, false))

    var fault: FrameFault? { state.withLock { $0.first } }

    func record(_ fault: FrameFault) {
        state.withLock { if $0.first == nil && !$0.sealed { $0.first = fault } }
    }

    func seal() { state.withLock { $0.sealed = true } }
}

/// Sees every frame WSClient hands on or sends, to catch the faults it handles out of our sight,
/// and refuses data frames over our size limit.
///
/// WSClient answers a frame with reserved bits or a reserved opcode by sending a close frame,
/// but swallows the error, keeps reading, and hands on any data the server sends after it; the
/// session then ends as an ordinary "closed by server". So this guard, applied without
/// negotiation (it adds no header), claims the reserved bits, so such frames reach it and are
/// recorded, and watches the close frames the library sends: one with an error code we did
/// not send ourselves means the library failed the connection. The reading loop then drops
/// every later frame and fails the session with the fault in words.
struct FrameGuard: WebSocketExtension {
    let faults: FaultBox
    /// Larger data frames fail the connection (NIO's decoder only refuses far larger ones).
    let frameLimit: Int

    var name: String { "liqtop-frame-guard" }
    var reservedBits: WebSocketFrame.ReservedBits { .all }

    func processReceivedFrame(_ frame: WebSocketFrame, context: WebSocketExtensionContext) async throws -> WebSocketFrame {
        if frame.length > frameLimit { faults.record(.frameTooLarge(limit: frameLimit)) }
        guard !frame.reservedBits.isEmpty else { return frame }
        faults.record(.reservedBits(frame.reservedBits))
        var cleared = frame
        cleared.reservedBits = []
        return cleared
    }

    func processFrameToSend(_ frame: WebSocketFrame, context: WebSocketExtensionContext) async throws -> WebSocketFrame {
        if frame.opcode == .connectionClose {
            var data = frame.data // not masked yet: the library masks after the extensions
            if let code = data.readWebSocketErrorCode(), code != .normalClosure, code != .goingAway {
                faults.record(.libraryClose(code))
            }
        }
        return frame
    }

    func shutdown() async {}

    static func factory(_ faults: FaultBox, frameLimit: Int) -> WebSocketExtensionFactory {
        .nonNegotiatedExtension { FrameGuard(faults: faults, frameLimit: frameLimit) }
    }
}
