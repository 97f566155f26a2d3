import LiqtopCore
import LiqtopFeeds
import Synchronization

/// What one venue run shares between the socket reader, the flusher and the watchdog:
/// decoding, de-duplication and the pending batch (kept across reconnects), plus the current
/// connection's timestamps. Frames from an earlier connection that is still closing are decoded
/// like any other (never taken for resends), but never count as signs of life for the current one.
final class LiveState: Sendable {
    private struct Inner {
        var decoder: InputDecoder
        var dedupe = LiquidationDedupe()
        var pending = DecodeOutput()
        var raw: [String] = []
        var frames = 0
        var duplicates = 0
        var session = 0
        var started = ContinuousClock.now
        var upgradedAt: ContinuousClock.Instant?
        var lastData: ContinuousClock.Instant?
        /// The current connection counts as live (upgrade without acks, or first frame).
        var isLive = false
        /// Became live and not yet reported.
        var liveSignal = false
        /// The version of `instruments` the decoder prices with.
        var instrumentsVersion = 0

        mutating func markLive() {
            if !isLive { isLive = true; liveSignal = true }
        }
    }

    enum Verdict { case wait(Swift.Duration), end(SessionEnd) }

    let source: String
    let keepRaw: Bool
    let instruments: InstrumentFeed?
    private let inner: PthreadLock<Inner>

    init(source: String, context: DecodeContext, keepRaw: Bool, instruments: InstrumentFeed? = nil) {
        self.source = source
        self.keepRaw = keepRaw
        self.instruments = instruments
        inner = PthreadLock(Inner(decoder: InputDecoder(source: source, context: context)))
    }

    /// Starts the clock of a new connection attempt; returns its id. What earlier connections
    /// delivered becomes what this one may resend (`now`: wall time, for the dedupe window).
    func beginSession(now: Millis) -> Int {
        inner.withLock { st in
            st.dedupe.newConnection(now: now)
            st.session += 1
            st.started = .now
            st.upgradedAt = nil
            st.lastData = nil
            st.isLive = false
            st.liveSignal = false
            return st.session
        }
    }

    /// The WebSocket upgrade completed; `live` when the venue sends no ack to wait for.
    func upgraded(session: Int, live: Bool) {
        inner.withLock { st in
            guard st.session == session else { return }
            st.upgradedAt = .now
            if live { st.markLive() }
        }
    }

    func received(text: String, session: Int, now: Millis) {
        var text = text
        inner.withLock { st in
            if st.session == session {
                st.markLive()
                st.lastData = .now
            }
            st.frames += 1
            st.decoder.context.now = now
            st.decoder.context.receivedAt = now // dates the venues that send no time (BitMEX)
            if let instruments, let fresh = instruments.newer(than: st.instrumentsVersion) {
                st.instrumentsVersion = fresh.version
                st.decoder.context.instruments = fresh.book
            }
            let start = st.pending.events.count
            let line = st.frames
            var out = DecodeOutput()
            swap(&out, &st.pending)
            text.withUTF8 { st.decoder.consume($0, lineNumber: line, into: &out) }
            st.duplicates += st.dedupe.filter(&out.events, from: start, now: now, late: st.session != session)
            swap(&out, &st.pending)
            if keepRaw { st.raw.append(text) }
        }
    }

    /// The venues send text only; a binary frame is counted as a rejected line.
    func receivedBinary(byteCount: Int, session: Int) {
        inner.withLock { st in
            if st.session == session { st.markLive(); st.lastData = .now }
            st.frames += 1
            st.pending.lines += 1
            st.pending.reject(Rejection(source: source, line: st.frames, reason: "binary frame of \(byteCount) bytes (text expected)"))
        }
    }

    /// A frame that could not be read (a gzip frame that does not inflate): a rejected line, but
    /// a sign of life of its connection.
    func rejectedFrame(_ reason: String, session: Int) {
        inner.withLock { st in
            if st.session == session { st.markLive(); st.lastData = .now }
        }
        rejectedFrame(reason)
    }

    /// A frame that failed the connection: counted as a rejected line, with the reason.
    func rejectedFrame(_ reason: String) {
        inner.withLock { st in
            st.frames += 1
            st.pending.lines += 1
            st.pending.reject(Rejection(source: source, line: st.frames, reason: reason))
        }
    }

    /// Everything decoded since the last call, or nil when nothing arrived.
    func take() -> FeedBatch? {
        inner.withLock { st in
            guard st.pending.lines > 0 else { return nil }
            var out = DecodeOutput()
            swap(&out, &st.pending)
            var raw: [String] = []
            swap(&raw, &st.raw)
            return FeedBatch(source: source, output: out, raw: raw)
        }
    }

    /// True once per connection, when it first counts as live.
    func takeLiveSignal() -> Bool {
        inner.withLock { st in
            defer { st.liveSignal = false }
            return st.liveSignal
        }
    }

    /// How long the current connection has been up (zero if the upgrade never completed).
    func uptime(session: Int) -> Swift.Duration {
        inner.withLock { st in
            guard st.session == session, let up = st.upgradedAt else { return .zero }
            return ContinuousClock.now - up
        }
    }

    /// Time since the current connection last received anything (or since its upgrade).
    func quietFor(session: Int) -> Swift.Duration {
        inner.withLock { st in
            guard st.session == session, let since = st.lastData ?? st.upgradedAt else { return .zero }
            return ContinuousClock.now - since
        }
    }

    var duplicates: Int { inner.withLock { $0.duplicates } }

    /// Whether the connection should be given up: no upgrade in time, silence past the stall
    /// limit, or old enough to be replaced before the venue's 24 h cut.
    func check(session: Int, stallLimit: Swift.Duration, connectTimeout: Swift.Duration,
               maxAge: Swift.Duration) -> Verdict {
        inner.withLock { st in
            let now = ContinuousClock.now
            guard let up = st.upgradedAt else {
                let due = st.started + connectTimeout
                // Polled: the upgrade does not wake the watchdog, and the stall clock starts there.
                return now >= due ? .end(.connectTimeout(connectTimeout)) : .wait(min(due - now, .milliseconds(50)))
            }
            let stallDue = (st.lastData ?? up) + stallLimit
            if now >= stallDue { return .end(.stalled(stallLimit)) }
            let ageDue = up + maxAge
            if now >= ageDue { return .end(.aged) }
            return .wait(min(stallDue, ageDue) - now)
        }
    }
}
