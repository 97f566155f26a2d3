import LiqtopCore
import LiqtopFeeds
@testable import LiqtopLive
import NIOHTTP1
import Testing

/// The waits a poller asked for, in order; each returns after at most a few real milliseconds,
/// so a minute-long pause is asserted without being sat through.
final class SleepLog: Sendable {
    private let waits = PthreadLock<[Swift.Duration]>([])

    var all: [Swift.Duration] { waits.withLock { $0 } }

    var sleep: @Sendable (Swift.Duration) async throws -> Void {
        { d in
            self.waits.withLock { $0.append(d) }
            try await Task.sleep(for: min(d, .milliseconds(5)))
        }
    }
}

/// Binance open-interest polling against a loopback HTTP server: the requests, the bodies handed
/// on as lines, and the pauses on HTTP 429 and 418. Nothing touches the internet.
@Suite(.timeLimit(.minutes(1))) struct OpenInterestPollerTests {
    /// The documented answer (Binance USD-M "Open Interest" endpoint).
    static func body(_ symbol: String, _ oi: String = "10659.509") -> String {
        #"{"openInterest":"\#(oi)","symbol":"\#(symbol)","time":1589437530011}"#
    }

    static func symbol(of uri: String) -> String { String(uri.split(separator: "=").last ?? "") }

    static let timing = OpenInterestPoller.Timing(interval: .milliseconds(40), minSpacing: .zero,
                                                  backoff: Backoff(base: .seconds(10), cap: .seconds(3600)),
                                                  requestTimeout: .seconds(5), connectTimeout: .seconds(2))

    static func poller(_ server: ScriptedHTTPServer, coins: [String], sleeps: SleepLog, keepRaw: Bool = false,
                       symbols: PollSymbols? = nil) -> OpenInterestPoller {
        OpenInterestPoller(baseURL: server.url + "/", symbols: symbols ?? PollSymbols(coins: coins), context: testContext,
                           keepRaw: keepRaw, environment: [:], timing: timing, clock: { testNow },
                           sleep: sleeps.sleep, jitter: { 1 })
    }

    /// Runs `poller` until `done`, then cancels it; fails if it does not end within 3 s (its
    /// HTTP client's shutdown included; well under 0.1 s on an idle machine).
    static func run(_ poller: OpenInterestPoller, _ recorder: Recorder, until done: () -> Bool) async throws {
        let task = Task { await poller.run(recorder.sink) }
        let reached = await eventually(.seconds(20), done)
        let cancelled = ContinuousClock.now
        task.cancel()
        await task.value
        if !reached { throw TestFailure("condition not reached; health: \(recorder.health)") }
        let took = ContinuousClock.now - cancelled
        if took > .seconds(3) { throw TestFailure("poller took \(took) to end after cancellation") }
    }

    @Test func pollsEverySymbolInTurnAndHandsEachBodyOnAsALine() async throws {
        let server = try await ScriptedHTTPServer.start { _, uri in .init(body: Self.body(Self.symbol(of: uri))) }
        let recorder = Recorder()
        let sleeps = SleepLog()
        let poller = Self.poller(server, coins: ["BTC", "eth", "SOL"], sleeps: sleeps, keepRaw: true)
        try await Self.run(poller, recorder) { recorder.lines >= 6 }
        await server.stop()
        let uris = server.requests
        #expect(Array(uris.prefix(6)) == ["BTCUSDT", "ETHUSDT", "SOLUSDT", "BTCUSDT", "ETHUSDT", "SOLUSDT"].map { "/fapi/v1/openInterest?symbol=\($0)" })
        // Each answer is one line of the source, as received (kept raw for --record-raw).
        let raw = recorder.batches.flatMap(\.raw)
        #expect(Array(raw.prefix(3)) == ["BTCUSDT", "ETHUSDT", "SOLUSDT"].map { Self.body($0) })
        #expect(recorder.batches.allSatisfy { $0.source == "binance-oi" })
        #expect(recorder.rejections.isEmpty, "\(recorder.rejections)")
        // Spread over the interval: 40 ms / 3 symbols between requests.
        #expect(sleeps.all.prefix(5).allSatisfy { $0 == .milliseconds(40) / 3 })
        let states = recorder.health.map(\.state)
        #expect(states.first == .connecting)
        #expect(states.dropFirst().first == .live)
        #expect(states.filter { $0 == .live }.count == 1) // reported when it changes, not per answer
        #expect(states.last == .stopped("stopped"))
        #expect(recorder.health.allSatisfy { $0.name == "binance-oi" && !$0.marksGaps })
    }

    @Test func a429PausesAllPollingForRetryAfterThenAsksTheSameSymbolAgain() async throws {
        let server = try await ScriptedHTTPServer.start { n, uri in
            n == 1 ? .init(status: .tooManyRequests, headers: [("Retry-After", "7")], body: #"{"code":-1003,"msg":"Too many requests"}"#)
                : .init(body: Self.body(Self.symbol(of: uri)))
        }
        let recorder = Recorder()
        let sleeps = SleepLog()
        try await Self.run(Self.poller(server, coins: ["BTC", "ETH"], sleeps: sleeps), recorder) { server.requests.count >= 4 }
        await server.stop()
        // BTC answered, ETH refused: 7 s pause, then ETH again, then BTC.
        #expect(Array(server.requests.prefix(4).map(Self.symbol)) == ["BTCUSDT", "ETHUSDT", "ETHUSDT", "BTCUSDT"])
        #expect(Array(sleeps.all.prefix(3)) == [.milliseconds(20), .seconds(7), .milliseconds(20)])
        let paused = recorder.health.first { if case .reconnecting = $0.state { true } else { false } }
        #expect(paused?.state == .reconnecting(at: testNow + 7000))
        #expect(paused?.lastError == "HTTP 429 (rate limit): paused 7 s as Retry-After asks")
        // The refusal is no line: only the three answers were handed on.
        #expect(recorder.lines >= 2 && recorder.lines <= server.requests.count - 1)
        #expect(recorder.health.contains { $0.state == .live && $0.lastError != nil }) // back, the error kept in view
    }

    @Test func refusalsWithoutRetryAfterBackOffExponentiallyAndAnAnswerResetsIt() async throws {
        // Three 429s, an answer, one more 429.
        let server = try await ScriptedHTTPServer.start { n, uri in
            [0, 1, 2, 4].contains(n) ? .init(status: .tooManyRequests) : .init(body: Self.body(Self.symbol(of: uri)))
        }
        let recorder = Recorder()
        let sleeps = SleepLog()
        try await Self.run(Self.poller(server, coins: ["BTC"], sleeps: sleeps), recorder) { server.requests.count >= 6 }
        await server.stop()
        // Backoff base 10 s, jitter 1: 10, 20, 40 s; the answer resets it, so 10 s again.
        #expect(Array(sleeps.all.prefix(5)) == [.seconds(10), .seconds(20), .seconds(40), .milliseconds(40), .seconds(10)])
        #expect(recorder.health.compactMap(\.lastError).contains("HTTP 429 (rate limit): paused 20 s (backoff)"))
    }

    @Test func a418IsAnIPBanPausedForAtLeastTheShortestBan() async throws {
        let server = try await ScriptedHTTPServer.start { n, uri in
            switch n {
            case 0: .init(status: .imATeapot)
            case 1: .init(status: .imATeapot, headers: [("Retry-After", "600")])
            default: .init(body: Self.body(Self.symbol(of: uri)))
            }
        }
        let recorder = Recorder()
        let sleeps = SleepLog()
        try await Self.run(Self.poller(server, coins: ["BTC"], sleeps: sleeps), recorder) { server.requests.count >= 3 }
        await server.stop()
        // No Retry-After: the backoff says 10 s, but a ban lasts at least 2 min; then as told.
        #expect(Array(sleeps.all.prefix(2)) == [.seconds(120), .seconds(600)])
        #expect(recorder.health.compactMap(\.lastError).prefix(2)
            == ["HTTP 418 (IP banned for too many requests): paused 120 s (backoff)",
                "HTTP 418 (IP banned for too many requests): paused 600 s as Retry-After asks"])
    }

    @Test func otherFailuresAreShownAndTheNextSymbolIsAskedOnSchedule() async throws {
        let server = try await ScriptedHTTPServer.start { n, uri in
            n == 0 ? .init(status: .badRequest, body: #"{"code":-1121,"msg":"Invalid symbol."}"#) : .init(body: Self.body(Self.symbol(of: uri)))
        }
        let recorder = Recorder()
        let sleeps = SleepLog()
        try await Self.run(Self.poller(server, coins: ["NOPE", "BTC"], sleeps: sleeps), recorder) { server.requests.count >= 3 }
        await server.stop()
        #expect(Array(server.requests.prefix(3).map(Self.symbol)) == ["NOPEUSDT", "BTCUSDT", "NOPEUSDT"])
        #expect(sleeps.all.first == .milliseconds(20)) // no pause: only 429 and 418 pause
        let failing = recorder.health.first { if case .failing = $0.state { true } else { false } }
        #expect(failing?.state == .failing(#"NOPEUSDT: HTTP 400 {"code":-1121,"msg":"Invalid symbol."}"#))
    }

    @Test func theListCanChangeWhileItRuns() async throws {
        let server = try await ScriptedHTTPServer.start { _, uri in .init(body: Self.body(Self.symbol(of: uri))) }
        let recorder = Recorder()
        let symbols = PollSymbols(coins: ["BTC"])
        let poller = Self.poller(server, coins: [], sleeps: SleepLog(), symbols: symbols)
        let task = Task { await poller.run(recorder.sink) }
        #expect(await eventually { server.requests.count >= 2 })
        symbols.set(coins: ["ETH", "bad coin&x"])
        #expect(symbols.current == ["ETHUSDT"]) // a symbol Binance cannot have is left out, not escaped
        #expect(await eventually { server.requests.contains("/fapi/v1/openInterest?symbol=ETHUSDT") })
        symbols.set(coins: [])
        #expect(await eventually { recorder.health.last?.state == .waiting("no symbols to poll") })
        task.cancel()
        await task.value
        await server.stop()
    }

    @Test func cancellationEndsARequestThatGetsNoAnswer() async throws {
        let silent = try await LoopbackServer.startSilent() // accepts TCP, never answers
        let recorder = Recorder()
        var timing = Self.timing
        timing.requestTimeout = .seconds(60)
        let poller = OpenInterestPoller(baseURL: "http://127.0.0.1:\(silent.port)", symbols: PollSymbols(coins: ["BTC"]),
                                        context: testContext, environment: [:], timing: timing, clock: { testNow })
        let task = Task { await poller.run(recorder.sink) }
        #expect(await eventually { silent.accepted >= 1 })
        let start = ContinuousClock.now
        task.cancel()
        await task.value
        #expect(ContinuousClock.now - start < .seconds(3)) // not the 60 s request timeout
        #expect(recorder.health.map(\.state) == [.connecting, .stopped("stopped")]) // the cancelled request is no failure
        await silent.stop()
    }

    @Test func retryAfterIsReadAsWholeSeconds() {
        #expect(RateLimitPause.retryAfter("7") == .seconds(7))
        #expect(RateLimitPause.retryAfter(" 120 ") == .seconds(120))
        #expect(RateLimitPause.retryAfter("Wed, 21 Oct 2026 07:28:00 GMT") == nil) // the backoff decides
        #expect(RateLimitPause.retryAfter("-5") == nil)
        #expect(RateLimitPause.retryAfter("99999999999") == nil)
        #expect(RateLimitPause.retryAfter(nil) == nil)
        var b = Backoff(base: .seconds(10), cap: .seconds(60))
        // A Retry-After beyond the longest ban is read as the longest ban, zero as a second.
        #expect(RateLimitPause.pause(status: 418, retryAfter: "999999999", backoff: &b, unit: 1).delay == .seconds(3 * 86400))
        #expect(RateLimitPause.pause(status: 429, retryAfter: "0", backoff: &b, unit: 1).delay == .seconds(1))
        #expect(b.failures == 2)
        #expect(OpenInterestPoller.urlProblem("https://fapi.binance.com") == nil)
        // A stream pointed elsewhere is not mixed with production open interest.
        #expect(OpenInterestPoller.baseURL(streamURL: nil, restURL: nil) == "https://fapi.binance.com")
        #expect(OpenInterestPoller.baseURL(streamURL: "ws://127.0.0.1:9/ws/!forceOrder@arr", restURL: nil) == nil)
        #expect(OpenInterestPoller.baseURL(streamURL: "ws://127.0.0.1:9/ws", restURL: "http://127.0.0.1:9") == "http://127.0.0.1:9")
        #expect(OpenInterestPoller.urlProblem("ws://x") == "must start with http:// or https://")
        #expect(OpenInterestPoller.urlProblem("https://") == "names no usable host")
        #expect(OpenInterestPoller.urlProblem("https://h/x?y=1") == "must not carry a query")
    }
}
