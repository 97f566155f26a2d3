import Foundation
import LiqtopCore
import LiqtopFeeds
import Logging
import Testing
@testable import LiqtopLive
import LiqtopTestSupport

/// `liqtop live` logs to `$XDG_STATE_HOME/liqtop/liqtop.log`, never to the terminal: a reconnect
/// (with its wait and reason) and the session's start and end; `--log-level error` keeps every
/// line below error out. The real binary against the loopback server, as `LiveCLITests` runs it.
@Suite(.serialized) struct LiveCLILogTests {
    /// Runs `live` against a venue that sends one order and closes, until it reconnected; the
    /// log's lines and the run's stderr.
    static func runUntilReconnected(_ extra: [String]) async throws -> (log: [String], stderr: String, connections: Int) {
        let server = try await LoopbackServer.start(Script(onConnect: { _ in [.send(Frames.binance(qty: "0.5")), .close(reason: "test close")] }))
        defer { Task { await server.stop() } }
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("liqtop-state-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        let (p, out, err) = try LiqtopBinary.start(["live", "--venues", "binance", "--binance-url", server.url + "/ws/!forceOrder@arr",
                                                    "--no-leverage", "--print"] + extra, environment: ["XDG_STATE_HOME": state.path])
        // The first reconnect comes after 0.5-1 s (the backoff's first step).
        let reconnected = await eventually(.seconds(30)) { server.connections >= 2 }
        try await Task.sleep(for: .milliseconds(300))
        p.terminate()
        let (_, stderr) = await LiqtopBinary.finish(p, out: out, err: err)
        #expect(reconnected, "stderr: \(stderr)")
        let text = (try? String(contentsOfFile: state.path + "/liqtop/liqtop.log", encoding: .utf8)) ?? ""
        return (text.split(separator: "\n").map(String.init), stderr, server.connections)
    }

    @Test(.timeLimit(.minutes(1))) func aReconnectIsLoggedToTheStateDirectoryNotTheTerminal() async throws {
        let (log, stderr, _) = try await Self.runUntilReconnected([])
        #expect(log.contains { $0.contains(" warning liqtop.sources: binance: reconnecting in ") && $0.hasSuffix("(last error: connection closed by server: test close)") },
                "\(log)")
        #expect(log.contains { $0.contains(" info liqtop.sources: binance: live") })
        #expect(log.first?.contains(" info liqtop: liqtop 1.") == true && log.first?.contains(" live started, pid ") == true, "\(log)")
        #expect(log.last?.hasSuffix(" info liqtop: exit status 143") == true, "\(log)")
        // Each line: an ISO time, a level, a label; nothing at debug or trace by default.
        #expect(log.allSatisfy { $0.split(separator: " ").count >= 3 && ISOTime.parse(String($0.prefix(24))) != nil })
        #expect(!log.contains { $0.contains(" debug ") || $0.contains(" trace ") })
        #expect(!stderr.contains("reconnecting") && !stderr.contains("liqtop.sources"), "\(stderr)")
    }

    @Test(.timeLimit(.minutes(1))) func logLevelErrorKeepsInfoAndWarningsOut() async throws {
        let (log, _, connections) = try await Self.runUntilReconnected(["--log-level", "error"])
        #expect(connections >= 2)
        #expect(log.allSatisfy { $0.contains(" error ") || $0.contains(" critical ") }, "\(log)")
        #expect(!log.contains { $0.contains("reconnecting") || $0.contains("started") })
    }

    @Test func aBadLevelIsAUsageError() async throws {
        let r = try await LiqtopBinary.run(["live", "--log-level", "loud", "--print"])
        #expect(r.status == 2 && r.stderr.hasPrefix("liqtop: ") && r.stderr.contains("loud"), "\(r.stderr)")
    }
}

/// Each instrument list fetched is a line: its size when it came, else what was used and why.
@Suite struct InstrumentRefreshLogTests {
    final class Lines: LogHandler, @unchecked Sendable {
        let lines = PthreadLock<[String]>([])
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? { get { nil } set {} }
        func log(event: LogEvent) { lines.withLock { $0.append("\(event.level) \(event.message)") } }
    }

    @Test func eachRefreshIsLogged() async throws {
        let dir = try InstrumentFetchTests.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let server = try await LoopbackHTTPServer.start(body: InstrumentFetchTests.okxList)
        let good = InstrumentFetchTests.fetcher(port: server.port, cache: dir)
        let sink = Lines()
        let logger = Logger(label: "test", factory: { _ in sink })
        let rounds = PthreadLock(0)
        let refresh = Task {
            await InstrumentRefresh.run(feed: InstrumentFeed(), fetcher: good, extra: InstrumentBook(), every: .seconds(3600), logger: logger) { _ in
                rounds.withLock { $0 += 1 }
            }
        }
        var waited = 0
        while rounds.withLock({ $0 }) < 2, waited < 1000 { try await Task.sleep(for: .milliseconds(10)); waited += 1 }
        refresh.cancel()
        await server.stop()
        #expect(sink.lines.withLock { $0 } == ["info instruments: okx okx-swap.json: 1 instruments, live list of 2026-01-14 00:00 UTC"])

        // Nobody answers: the cache written above is used, and the line says why.
        let down = InstrumentFetchTests.fetcher(port: server.port, cache: dir)
        InstrumentRefresh.log(await down.fetch(down.endpoints[0]), to: logger)
        let last = sink.lines.withLock { $0.last ?? "" }
        #expect(last.hasPrefix("warning instruments: okx okx-swap.json: not fetched; using cache of ") && last.contains(" (list: "), "\(last)")
    }
}
