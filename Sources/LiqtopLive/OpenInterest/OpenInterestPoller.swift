import AsyncHTTPClient
import LiqtopCore
import LiqtopFeeds
import NIOCore

/// Binance USD-M open interest, which has no stream: `GET /fapi/v1/openInterest?symbol=…` for
/// each symbol in `symbols`, each about once per `Timing.interval`, the requests spread evenly
/// over it. Every answer is handed to the decoder as one text line, as a frame would be, so it
/// is decoded with Binance's rules, recorded (raw too with `keepRaw`) and replayed like one.
/// A 429 or 418 pauses all polling (`RateLimitPause`); other failures are reported and the next
/// symbol is asked on schedule. Health is reported as the source `binance-oi`.
public struct OpenInterestPoller: FeedSource {
    public static let sourceName = "binance-oi"
    public static let defaultBaseURL = "https://fapi.binance.com"

    /// Waits and limits; tests shrink them.
    public struct Timing: Sendable {
        /// Each symbol is asked once per interval.
        public var interval: Swift.Duration
        /// Never two requests closer than this, however many symbols. The endpoint weighs 1
        /// against Binance's 2400 per minute per IP; 4 a second stays under a tenth of it.
        public var minSpacing: Swift.Duration
        /// After consecutive 429/418 without Retry-After (reset by the next answer).
        public var backoff: Backoff
        public var requestTimeout: Swift.Duration
        public var connectTimeout: Swift.Duration

        public init(interval: Swift.Duration = .seconds(60), minSpacing: Swift.Duration = .milliseconds(250),
                    backoff: Backoff = Backoff(base: .seconds(120), cap: .seconds(3600)),
                    requestTimeout: Swift.Duration = .seconds(10), connectTimeout: Swift.Duration = .seconds(5)) {
            self.interval = interval; self.minSpacing = minSpacing; self.backoff = backoff
            self.requestTimeout = requestTimeout; self.connectTimeout = connectTimeout
        }

        public static let production = Timing()

        /// The wait between two requests when `count` symbols share the interval.
        func spacing(_ count: Int) -> Swift.Duration { max(minSpacing, interval / max(1, count)) }
    }

    public var name: String { Self.sourceName }
    /// `https://fapi.binance.com`, or a mirror or test server (no trailing slash needed).
    public var baseURL: String
    public let symbols: PollSymbols
    public var context: DecodeContext
    public var keepRaw: Bool
    /// The proxy variables (`ProxyEnvironment.process()`); empty: direct.
    public var environment: [String: String]
    public var timing: Timing
    public var clock: @Sendable () -> Millis
    /// Every wait goes through this (tests record the waits and return at once).
    public var sleep: @Sendable (Swift.Duration) async throws -> Void
    /// The backoff's jitter, in 0...1.
    public var jitter: @Sendable () -> Double
    public var instruments: InstrumentFeed?

    public static let maxBodyBytes = 1 << 20

    public init(baseURL: String = defaultBaseURL, symbols: PollSymbols, context: DecodeContext, keepRaw: Bool = false,
                environment: [String: String], timing: Timing = .production,
                clock: @escaping @Sendable () -> Millis = WallClock.now,
                sleep: @escaping @Sendable (Swift.Duration) async throws -> Void = { try await Task.sleep(for: $0) },
                jitter: @escaping @Sendable () -> Double = { Double.random(in: 0 ... 1) }) {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base; self.symbols = symbols; self.context = context; self.keepRaw = keepRaw
        self.environment = environment; self.timing = timing; self.clock = clock; self.sleep = sleep; self.jitter = jitter
    }

    /// Where to poll, given the stream URL and REST base options (nil: not given): production
    /// unless the stream was pointed elsewhere (a testnet, a loopback test) without saying where
    /// its REST side is — then nowhere, rather than mixing production figures into a test.
    public static func baseURL(streamURL: String?, restURL: String?) -> String? {
        restURL ?? (streamURL == nil ? defaultBaseURL : nil)
    }

    /// Why `url` cannot be a REST base, in a few words, or nil when it might be.
    public static func urlProblem(_ url: String) -> String? {
        guard url.hasPrefix("https://") || url.hasPrefix("http://") else { return "must start with http:// or https://" }
        let (host, _) = HTTPConfiguration.hostAndTLS(url)
        if host.isEmpty || host.contains(where: { $0.isWhitespace || $0 == "@" || $0 == "#" }) { return "names no usable host" }
        if url.contains("?") || url.contains("#") { return "must not carry a query" }
        return nil
    }

    public func url(_ symbol: String) -> String { "\(baseURL)/fapi/v1/openInterest?symbol=\(symbol)" }

    /// One request's outcome.
    enum Answer: Sendable, Equatable {
        case body(String)
        case refused(status: Int, retryAfter: String?)
        case failed(String)
    }

    public func run(_ sink: FeedSink) async {
        var context = self.context
        context.venue = .binance
        let state = LiveState(source: name, context: context, keepRaw: keepRaw, instruments: instruments)
        let session = state.beginSession(now: clock())
        let client = HTTPClient(eventLoopGroupProvider: .shared(NetworkLoop.group),
                                configuration: HTTPConfiguration.make(url: baseURL, environment: environment,
                                                                      connectTimeout: timing.connectTimeout,
                                                                      readTimeout: timing.requestTimeout))
        var backoff = timing.backoff
        var reported: SourceHealth?
        var lastError: String?
        func report(_ s: SourceHealth.State) async {
            let h = SourceHealth(name: name, state: s, lastError: lastError)
            guard h != reported else { return }
            reported = h
            await sink.report(h)
        }
        await report(.connecting)
        var next = 0
        while !Task.isCancelled {
            let list = symbols.current
            let wait: Swift.Duration
            if list.isEmpty {
                await report(.waiting("no symbols to poll"))
                wait = timing.interval
            } else {
                let symbol = list[next % list.count]
                switch await fetch(client, symbol) {
                case .body(let text):
                    state.received(text: text, session: session, now: clock())
                    if let batch = state.take() { await sink.deliver(batch) }
                    backoff.reset()
                    next += 1
                    await report(.live)
                    wait = timing.spacing(list.count)
                case .refused(let status, let header):
                    // The same symbol again once the pause is over.
                    let (delay, honoured) = RateLimitPause.pause(status: status, retryAfter: header, backoff: &backoff, unit: jitter())
                    lastError = RateLimitPause.words(status: status, delay: delay, honoured: honoured)
                    await report(.reconnecting(at: clock() + HTTPConfiguration.millis(delay)))
                    wait = delay
                case .failed(let words):
                    next += 1
                    wait = timing.spacing(list.count)
                    if !Task.isCancelled { // a cancelled request is no failure to show
                        lastError = "\(symbol): \(words)"
                        await report(.failing("\(symbol): \(words)"))
                    }
                }
            }
            if Task.isCancelled { break }
            do { try await sleep(wait) } catch { break }
        }
        try? await client.shutdown()
        await report(.stopped("stopped"))
    }

    func fetch(_ client: HTTPClient, _ symbol: String) async -> Answer {
        do {
            var request = HTTPClientRequest(url: url(symbol))
            request.headers.add(name: "Accept", value: "application/json")
            let response = try await client.execute(request, timeout: .milliseconds(HTTPConfiguration.millis(timing.requestTimeout)))
            let status = Int(response.status.code)
            if RateLimitPause.isRateLimit(status) {
                return .refused(status: status, retryAfter: response.headers.first(name: "Retry-After"))
            }
            let body = try await response.body.collect(upTo: Self.maxBodyBytes)
            let text = String(decoding: body.readableBytesView, as: UTF8.self)
            guard status == 200 else {
                let said = SafeText.short(text, limit: 80)
                return .failed("HTTP \(status)" + (said.isEmpty ? "" : " \(said)"))
            }
            return .body(text)
        } catch {
            return .failed(SafeText.short(String(describing: error), limit: 120))
        }
    }
}
