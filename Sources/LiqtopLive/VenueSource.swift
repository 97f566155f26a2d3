import LiqtopCore
import LiqtopFeeds
import Logging
import WSClient

/// One venue's liquidation stream over WebSocket: connects, subscribes, keeps the line alive,
/// decodes every text message, drops what a reconnect resends, fails the connection on a frame
/// RFC 6455 forbids or one over the size limit, delivers batches, and reconnects with backoff
/// after a close, an error, a bad frame, a stall, or before the venue's 24 h limit.
public struct VenueSource: FeedSource {
    public let config: VenueConfig
    public let context: DecodeContext
    /// Hand on the raw frames too (`--record-raw`).
    public let keepRaw: Bool
    public let clock: @Sendable () -> Millis
    public let timing: Timing
    /// Instrument lists fetched while running (nil: only the context's book).
    public var instruments: InstrumentFeed?

    public var name: String { config.name }

    /// Largest frame and message accepted; the venues' frames are a few KiB.
    static let maxMessageBytes = 4 << 20
    /// The limit NIO's frame decoder enforces, above ours. NIO drops a frame over its limit by
    /// closing the socket before anyone reading sees an error, so WSClient reports an ordinary
    /// drop; frames between the two limits reach FrameGuard, which fails the connection in words.
    /// A frame is buffered whole before it is checked, so this also bounds memory per connection.
    static let decoderFrameLimit = 64 << 20
    /// The library's own lines (connects, closes at debug; every frame at trace) go to the log
    /// file with ours, never to the terminal, which belongs to the dashboard.
    static let logger = LiqtopLog.logger("liqtop.websocket")

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
        var context = self.context
        context.venue = config.venue // Aster's frames are Binance's bytes: the connection says whose
        let state = LiveState(source: name, context: context, keepRaw: keepRaw, instruments: instruments)
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
                // A connection failed for a bad frame never counts as healthy, however long it
                // was up: a venue sending the same bad frame is retried ever more slowly.
                delay = backoff.nextDelay(uptime: uptime, mayReset: !end.isFrameFault)
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
        let faults = FaultBox()
        let subscribe = VenueProtocol.subscribeMessages(config)
        let live = !VenueProtocol.acknowledges(config.venue)
        let keepalive = self.keepalive
        let clock = self.clock
        let venue = config.venue
        // UTF-8 is checked by MessageAssembler, so that each fault has its own words.
        var wsConfig = WebSocketClientConfiguration(maxFrameSize: Self.decoderFrameLimit,
                                                    extensions: [FrameGuard.factory(faults, frameLimit: Self.maxMessageBytes)],
                                                    closeTimeout: timing.closeTimeout, validateUTF8: false)
        wsConfig.ignoreUncleanSSLShutdownErrors = true
        for (name, value) in VenueProtocol.upgradeHeaders(config.venue) {
            // The names are literals known to be valid tokens (LoopbackBitgetGateAsterTests.rules checks).
            wsConfig.additionalHeaders.append(.init(name: .init(name)!, value: value))
        }
        let handler: WebSocketDataHandler<WebSocketClient.Context> = { inbound, outbound, _ in
            try await Self.converse(inbound: inbound, outbound: outbound, state: state, session: id, faults: faults,
                                    subscribe: subscribe, live: live, keepalive: keepalive, venue: venue, clock: clock)
        }
        let client: WebSocketClient
        switch config.proxy {
        case .none:
            client = WebSocketClient(url: config.url, configuration: wsConfig, eventLoopGroup: NetworkLoop.group,
                                     logger: Self.logger, handler: handler)
        case .environment:
            client = WebSocketClient(url: config.url, configuration: wsConfig, proxySettings: .environment(),
                                     eventLoopGroup: NetworkLoop.group, logger: Self.logger, handler: handler)
        case .http(let host, let port):
            client = WebSocketClient(url: config.url, configuration: wsConfig,
                                     proxySettings: .init(host: host, port: port, type: .http()),
                                     eventLoopGroup: NetworkLoop.group, logger: Self.logger, handler: handler)
        case .socks(let host, let port):
            client = WebSocketClient(url: config.url, configuration: wsConfig,
                                     proxySettings: .init(host: host, port: port, type: .socks),
                                     eventLoopGroup: NetworkLoop.group, logger: Self.logger, handler: handler)
        }
        let clientTask = Task { try await client.run() }
        let stallLimit = self.stallLimit, timing = self.timing, name = self.name
        let end: SessionEnd = await withTaskGroup(of: SessionEnd?.self) { group in
            group.addTask {
                let result = await awaitOrAbandon(clientTask)
                // However the library ended the connection, a bad frame is why.
                if result != nil, let fault = faults.fault { return .failed(fault) }
                switch result {
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
                         session: Int, faults: FaultBox, subscribe: [String], live: Bool, keepalive: Keepalive,
                         venue: Venue, clock: @escaping @Sendable () -> Millis) async throws {
        defer { faults.seal() }
        if Task.isCancelled { return } // an abandoned attempt that upgraded late
        state.upgraded(session: session, live: live)
        for message in subscribe { try await outbound.write(.text(Keepalive.stamped(message, now: clock()))) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await read(inbound: inbound, outbound: outbound, state: state, session: session, faults: faults,
                               venue: venue, clock: clock)
            }
            switch keepalive {
            case .none:
                break
            case .every(let period, let text):
                group.addTask {
                    while true {
                        try await Task.sleep(for: period)
                        try await outbound.write(.text(Keepalive.stamped(text, now: clock())))
                    }
                }
            case .whenIdle(let idle, let text):
                group.addTask {
                    while true {
                        let quiet = state.quietFor(session: session)
                        if quiet >= idle {
                            try await outbound.write(.text(Keepalive.stamped(text, now: clock())))
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

    /// Reads frames into messages until the server closes, or fails the connection at the first
    /// bad frame: nothing after it is read (RFC 6455 §7.1.7), the frame counts as rejected, and
    /// the close carries the code the fault calls for.
    static func read(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, state: LiveState,
                     session: Int, faults: FaultBox, venue: Venue, clock: @escaping @Sendable () -> Millis) async throws {
        var assembler = MessageAssembler(maxBytes: maxMessageBytes)
        let gzip = VenueProtocol.gzipFrames(venue)
        do {
            for try await frame in inbound {
                if let fault = faults.fault { throw fault }
                let text: String
                switch try assembler.feed(opcode: frame.opcode, fin: frame.fin, data: frame.data) {
                case .text(let t)?:
                    text = t
                case .binary(let bytes)? where gzip:
                    // A frame that does not inflate is one bad line, not a broken connection.
                    switch GzipFrame.text(bytes, maxBytes: maxMessageBytes) {
                    case .success(let t): text = t
                    case .failure(let problem):
                        state.rejectedFrame(problem.words, session: session)
                        continue
                    }
                case .binary(let bytes)?:
                    state.receivedBinary(byteCount: bytes.readableBytes, session: session)
                    continue
                case nil:
                    continue
                }
                state.received(text: text, session: session, now: clock())
                if let answer = VenueProtocol.reply(venue, to: text) { try await outbound.write(.text(answer)) }
            }
            // The library failed the connection (a reserved opcode) and the server answered its close.
            if let fault = faults.fault { throw fault }
        } catch {
            guard let fault = error as? FrameFault ?? FrameFault(decoderError: error, frameLimit: decoderFrameLimit) else {
                throw error
            }
            faults.record(fault)
            let first = faults.fault ?? fault
            state.rejectedFrame(first.words)
            try? await outbound.close(first.closeCode, reason: nil)
            throw first
        }
    }

    static func millis(_ d: Swift.Duration) -> Millis {
        d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000
    }
}
