#if canImport(Glibc)
import LiqtopFeeds
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket

/// One thing the loopback server does on a connection.
enum Step: Sendable {
    case send(String)
    case sendBinary([UInt8])
    /// Bytes written to the socket as they are, below the frame encoder: malformed frames.
    case sendRaw([UInt8])
    /// Wait this many milliseconds before the remaining steps.
    case pause(Int)
    /// A WebSocket close frame; the socket closes once the client answers (or after 1 s).
    case close(reason: String)
    /// Abrupt TCP reset: no close frame (SO_LINGER 0, then close).
    case reset
    /// TCP FIN without a close frame.
    case hangUp
}

/// What the server says on each connection (numbered from 0, in order of arrival).
struct Script: Sendable {
    var onConnect: @Sendable (Int) -> [Step] = { _ in [] }
    var onText: @Sendable (_ connection: Int, _ text: String) -> [Step] = { _, _ in [] }
}

/// A WebSocket server on 127.0.0.1 and an ephemeral port that plays a venue from a script and
/// records what clients send. Built from NIO's own HTTP upgrade and frame codecs.
final class LoopbackServer: Sendable {
    struct Log {
        var paths: [String] = []
        /// Each upgrade request's headers, lower-cased names.
        var headers: [[String: String]] = []
        var received: [[String]] = []
        var closed: [Bool] = []
        var channels: [any Channel] = []
    }

    let script: Script
    private let log = PthreadLock(Log())
    private let listener = PthreadLock<(any Channel)?>(nil)

    private init(script: Script) { self.script = script }

    var port: Int { listener.withLock { $0?.localAddress?.port ?? 0 } }

    static func start(_ script: Script) async throws -> LoopbackServer {
        let server = LoopbackServer(script: script)
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                let upgrader = NIOWebSocketServerUpgrader(
                    maxFrameSize: 1 << 20, automaticErrorHandling: true,
                    shouldUpgrade: { channel, _ in channel.eventLoop.makeSucceededFuture(HTTPHeaders()) },
                    upgradePipelineHandler: { channel, head in
                        let index = server.opened(channel, path: head.uri, headers: head.headers)
                        return channel.eventLoop.makeCompletedFuture {
                            try channel.pipeline.syncOperations.addHandler(
                                ScriptHandler(server: server, index: index))
                        }
                    })
                return channel.pipeline.configureHTTPServerPipeline(
                    withServerUpgrade: (upgraders: [upgrader], completionHandler: { _ in }))
            }
        let channel = try await bootstrap.bind(host: "127.0.0.1", port: 0).get()
        server.listener.withLock { $0 = channel }
        return server
    }

    /// A listener that accepts TCP connections and never answers: an upgrade that never comes.
    static func startSilent() async throws -> LoopbackServer {
        let server = LoopbackServer(script: Script())
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                server.log.withLock { $0.channels.append(channel) }
                return channel.eventLoop.makeSucceededVoidFuture()
            }
        let channel = try await bootstrap.bind(host: "127.0.0.1", port: 0).get()
        server.listener.withLock { $0 = channel }
        return server
    }

    /// TCP connections accepted, upgraded or not.
    var accepted: Int { log.withLock { $0.channels.count } }

    /// Closes the listener and every connection.
    func stop() async {
        let l = listener.withLock { $0 }
        try? await l?.close()
        for c in log.withLock({ $0.channels }) { try? await c.close() }
    }

    var url: String { "ws://127.0.0.1:\(port)" }
    var connections: Int { log.withLock { $0.paths.count } }
    var paths: [String] { log.withLock { $0.paths } }
    func received(_ connection: Int) -> [String] {
        log.withLock { connection < $0.received.count ? $0.received[connection] : [] }
    }
    func isClosed(_ connection: Int) -> Bool {
        log.withLock { connection < $0.closed.count ? $0.closed[connection] : false }
    }

    /// The upgrade request headers of a connection.
    func headers(_ connection: Int) -> [String: String] {
        log.withLock { connection < $0.headers.count ? $0.headers[connection] : [:] }
    }

    fileprivate func opened(_ channel: any Channel, path: String, headers: HTTPHeaders) -> Int {
        let named = Dictionary(headers.map { ($0.name.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
        return log.withLock { l in
            l.paths.append(path); l.headers.append(named); l.received.append([]); l.closed.append(false); l.channels.append(channel)
            return l.paths.count - 1
        }
    }

    fileprivate func record(_ connection: Int, _ text: String) {
        log.withLock { $0.received[connection].append(text) }
    }

    fileprivate func markClosed(_ connection: Int) {
        log.withLock { $0.closed[connection] = true }
    }
}

private final class ScriptHandler: ChannelInboundHandler {
    typealias InboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    let server: LoopbackServer
    let index: Int
    var closing = false

    init(server: LoopbackServer, index: Int) { self.server = server; self.index = index }

    func handlerAdded(context: ChannelHandlerContext) {
        perform(server.script.onConnect(index)[...], context)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        switch frame.opcode {
        case .text:
            let text = String(buffer: frame.unmaskedData)
            server.record(index, text)
            perform(server.script.onText(index, text)[...], context)
        case .connectionClose:
            if closing {
                context.close(promise: nil)
            } else {
                closing = true
                var data = frame.unmaskedData
                let code = data.readSlice(length: 2) ?? ByteBuffer()
                context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .connectionClose, data: code)))
                    .assumeIsolated().whenComplete { _ in context.close(promise: nil) }
            }
        case .ping:
            context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .pong, data: frame.unmaskedData)),
                                  promise: nil)
        default:
            break
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        server.markClosed(index)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private func perform(_ steps: ArraySlice<Step>, _ context: ChannelHandlerContext) {
        guard context.channel.isActive else { return }
        var rest = steps
        while let step = rest.popFirst() {
            switch step {
            case .send(let text):
                context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .text,
                                                                     data: ByteBuffer(string: text))), promise: nil)
            case .sendBinary(let bytes):
                context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .binary,
                                                                     data: ByteBuffer(bytes: bytes))), promise: nil)
            case .sendRaw(let bytes):
                // Past the WebSocketFrameEncoder, so nothing checks or re-encodes the bytes.
                guard let encoder = try? context.pipeline.syncOperations.context(handlerType: WebSocketFrameEncoder.self) else {
                    context.close(promise: nil)
                    return
                }
                encoder.writeAndFlush(NIOAny(ByteBuffer(bytes: bytes)), promise: nil)
            case .pause(let ms):
                let later = rest
                context.eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(Int64(ms))) {
                    self.perform(later, context)
                }
                return
            case .close(let reason):
                closing = true
                var data = ByteBuffer()
                data.write(webSocketErrorCode: .normalClosure)
                data.writeString(reason)
                context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .connectionClose, data: data)),
                                      promise: nil)
                context.eventLoop.assumeIsolated().scheduleTask(in: .seconds(1)) { context.close(promise: nil) }
                return
            case .reset:
                guard let provider = context.channel as? any SocketOptionProvider else {
                    context.close(promise: nil)
                    return
                }
                provider.setSoLinger(linger(l_onoff: 1, l_linger: 0))
                    .assumeIsolated().whenComplete { _ in context.close(promise: nil) }
                return
            case .hangUp:
                context.close(promise: nil)
                return
            }
        }
    }
}

/// A TCP port on 127.0.0.1 held by a bound socket that never listens: connecting is refused.
struct ClosedPort {
    let fd: CInt
    let port: Int

    init() throws {
        #if canImport(Glibc)
        let fd = socket(AF_INET, CInt(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw TestFailure("socket: errno \(errno)") }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) == 0 && getsockname(fd, $0, &len) == 0 }
        }
        guard bound else { close(fd); throw TestFailure("bind: errno \(errno)") }
        self.fd = fd
        port = Int(UInt16(bigEndian: addr.sin_port))
    }

    func release() { close(fd) }
}
