import LiqtopFeeds
import NIOCore
import NIOHTTP1
import NIOPosix

/// A plain HTTP server on 127.0.0.1 that answers the n-th request (from 0, in order of arrival)
/// as the script says, and records each request's URI: a venue's REST endpoint, rate limits included.
final class ScriptedHTTPServer: Sendable {
    struct Reply: Sendable {
        var status: HTTPResponseStatus = .ok
        var headers: [(String, String)] = []
        var body: String = ""
    }

    let channel: any Channel
    private let uris = PthreadLock<[String]>([])

    private init(channel: any Channel) { self.channel = channel }

    var port: Int { channel.localAddress?.port ?? 0 }
    var url: String { "http://127.0.0.1:\(port)" }
    var requests: [String] { uris.withLock { $0 } }

    static func start(_ reply: @escaping @Sendable (_ n: Int, _ uri: String) -> Reply) async throws -> ScriptedHTTPServer {
        let box = PthreadLock<ScriptedHTTPServer?>(nil)
        let seen: @Sendable (String) -> Int = { uri in
            box.withLock { server in server?.uris.withLock { $0.append(uri); return $0.count - 1 } ?? 0 }
        }
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(Responder(seen: seen, reply: reply))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let server = ScriptedHTTPServer(channel: channel)
        box.withLock { $0 = server }
        return server
    }

    func stop() async { try? await channel.close() }

    final class Responder: ChannelInboundHandler, Sendable {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart
        let seen: @Sendable (String) -> Int
        let reply: @Sendable (Int, String) -> Reply
        private let pending = PthreadLock<(n: Int, uri: String)?>(nil)

        init(seen: @escaping @Sendable (String) -> Int, reply: @escaping @Sendable (Int, String) -> Reply) {
            self.seen = seen; self.reply = reply
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                let n = seen(head.uri)
                pending.withLock { $0 = (n, head.uri) }
            case .body:
                break
            case .end:
                guard let (n, uri) = pending.withLock({ $0 }) else { return }
                let r = reply(n, uri)
                var headers = HTTPHeaders()
                headers.add(name: "Content-Type", value: "application/json")
                headers.add(name: "Content-Length", value: String(r.body.utf8.count))
                for (name, value) in r.headers { headers.add(name: name, value: value) }
                context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: r.status, headers: headers))), promise: nil)
                context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: r.body)))), promise: nil)
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            }
        }
    }
}
