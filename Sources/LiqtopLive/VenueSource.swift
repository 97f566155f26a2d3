import LiqtopCore
import LiqtopFeeds
import Logging
import WSClient

/// One venue's liquidation stream over WebSocket: connects, subscribes, keeps the line alive,
/// decodes every text frame, drops events already seen, delivers batches, and reconnects with
/// backoff after a close, an error, a stall, or before the venue's 24 h limit.
public struct VenueSource: FeedSource {
    public let config: VenueConfig
    public let context: DecodeContext
    /// Hand on the raw frames too (`--record-raw`).
    public let keepRaw: Bool
    public let clock: @Sendable () -> Millis
    public let timing: Timing

    public var name: String { config.name }

    /// Largest message accepted; the venues' frames are a few KiB.
    static let maxMessageBytes = 4 << 20
    /// The library logs nowhere: the terminal belongs to the dashboard.
    static let logger = Logger(label: "liqtop.live", factory: { _ in SwiftLogNoOpLogHandler() })

    public init(config: VenueConfig, context: DecodeContext, keepRaw: Bool = false,
                clock: @escaping @Sendable () -> Millis = WallClock.now, timing: Timing = .production) {
        self.config = config; self.context = context; self.keepRaw = keepRaw
        self.clock = clock; self.timing = timing
    }

    var keepalive: Keepalive {
        let k = VenueProtocol.keepalive(config.venue)
        return timing.keepalive.map { k.withInterval($0) } ?? k
    }

    var stallLimit: Swift.Duration { timing.stallLimit ?? VenueProtocol.stallLimit(config.venue) }

    public func run(_ sink: FeedSink) async {
        // A URL that can never work is not retried (the CLI refuses it before we get here).
        if let problem = config.urlProblem {
            await sink.report(health(.stopped(problem), problem))
            return
        }
        let state = LiveState(source: name, context: context, keepRaw: keepRaw)
        var backoff = timing.backoff
        var lastError: String?
        while !Task.isCancelled {
            await sink.report(health(.connecting, lastError))
            let (end, uptime) = await session(state: state, sink: sink, lastError: lastError)
            // A connection shorter than one flush still counts as having been live.
            if state.takeLiveSignal() { await sink.report(health(.live, lastError)) }
            if let batch = state.take() { await sink.deliver(batch) }
            if Task.isCancelled { break }
            let delay: Swift.Duration
            if case .aged = end {
                backoff.reset()
                delay = .zero
            } else {
                lastError = end.words
                delay = backoff.nextDelay(uptime: uptime)
            }
            await sink.report(health(.reconnecting(at: clock() + Self.millis(delay)), lastError))
            do { try await Task.sleep(for: delay) } catch { break }
        }
        await sink.report(health(.stopped("stopped"), lastError))
    }

    func health(_ state: SourceHealth.State, _ lastError: String?) -> SourceHealth {
        SourceHealth(name: name, state: state, lastError: lastError, marksGaps: true)
    }

    /// One connection from connect to close; returns why it ended and how long it was up.
    func session(state: LiveState, sink: FeedSink, lastError: String?) async -> (SessionEnd, Swift.Duration) {
        let id = state.beginSession(now: clock())
        let subscribe = VenueProtocol.subscribeMessages(config)
        let live = !VenueProtocol.acknowledges(config.venue)
        let keepalive = self.keepalive
        let clock = self.clock
        var wsConfig = WebSocketClientConfiguration(maxFrameSize: Self.maxMessageBytes,
                                                    closeTimeout: timing.closeTimeout)
        wsConfig.ignoreUncleanSSLShutdownErrors = true
        let handler: WebSocketDataHandler<WebSocketClient.Context> = { inbound, outbound, _ in
            try await Self.converse(inbound: inbound, outbound: outbound, state: state, session: id,
                                    subscribe: subscribe, live: live, keepalive: keepalive, clock: clock)
        }
        let client: WebSocketClient
        switch config.proxy {
        case .none:
            client = WebSocketClient(url: config.url, configuration: wsConfig, logger: Self.logger, handler: handler)
        case .environment:
            client = WebSocketClient(url: config.url, configuration: wsConfig, proxySettings: .environment(),
                                     logger: Self.logger, handler: handler)
        case .http(let host, let port):
            client = WebSocketClient(url: config.url, configuration: wsConfig,
                                     proxySettings: .init(host: host, port: port, type: .http()),
                                     logger: Self.logger, handler: handler)
        case .socks(let host, let port):
            client = WebSocketClient(url: config.url, configuration: wsConfig,
                                     proxySettings: .init(host: host, port: port, type: .socks),
                                     logger: Self.logger, handler: handler)
        }
        let clientTask = Task { try await client.run() }
        let stallLimit = self.stallLimit, timing = self.timing, name = self.name
        let end: SessionEnd = await withTaskGroup(of: SessionEnd?.self) { group in
            group.addTask {
                switch await awaitOrAbandon(clientTask) {
                case nil: return nil
                case .success(let close?): return .closedByServer(reason: close.reason)
                case .success(nil): return .dropped
                case .failure(let error): return .failed(error)
                }
            }
            group.addTask {
                while true {
                    switch state.check(session: id, stallLimit: stallLimit, connectTimeout: timing.connectTimeout,
                                       maxAge: timing.maxConnectionAge) {
                    case .end(let end): return end
                    case .wait(let d):
                        do { try await Task.sleep(for: d) } catch { return nil }
                    }
                }
            }
            group.addTask {
                // Coalesces frames into batches, and says "live" once per connection.
                while true {
                    do { try await Task.sleep(for: timing.coalesce) } catch { return nil }
                    if state.takeLiveSignal() {
                        await sink.report(SourceHealth(name: name, state: .live, lastError: lastError, marksGaps: true))
                    }
                    if let batch = state.take() { await sink.deliver(batch) }
                }
            }
            var end = SessionEnd.cancelled
            if let first = await group.next(), let first { end = first }
            group.cancelAll()
            return end
        }
        return (end, state.uptime(session: id))
    }

    /// Runs inside the upgraded connection: subscribe, then read frames and keep alive until the
    /// server closes, the line fails, or the session is cancelled.
    static func converse(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, state: LiveState,
                         session: Int, subscribe: [String], live: Bool, keepalive: Keepalive,
                         clock: @escaping @Sendable () -> Millis) async throws {
        if Task.isCancelled { return } // an abandoned attempt that upgraded late
        state.upgraded(session: session, live: live)
        for message in subscribe { try await outbound.write(.text(message)) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for try await message in inbound.messages(maxSize: maxMessageBytes) {
                    switch message {
                    case .text(let text): state.received(text: text, session: session, now: clock())
                    case .binary(let bytes): state.receivedBinary(byteCount: bytes.readableBytes, session: session)
                    }
                }
            }
            switch keepalive {
            case .none:
                break
            case .every(let period, let text):
                group.addTask {
                    while true {
                        try await Task.sleep(for: period)
                        try await outbound.write(.text(text))
                    }
                }
            case .whenIdle(let idle, let text):
                group.addTask {
                    while true {
                        let quiet = state.quietFor(session: session)
                        if quiet >= idle {
                            try await outbound.write(.text(text))
                            try await Task.sleep(for: idle)
                        } else {
                            try await Task.sleep(for: idle - quiet)
                        }
                    }
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    static func millis(_ d: Swift.Duration) -> Millis {
        d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000
    }
}
