#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import CSignalPipe
import LiqtopCore
import LiqtopFeeds
import LiqtopTUI
import Synchronization

/// Runs live sources (tailed files, stdin, venue sockets) into the store on the wall clock (or,
/// for a replayed or accelerated feed, on the data's own clock), recording what arrives, and
/// shows the dashboard — or, with `--print`, writes the normalized events to stdout as native NDJSON.
enum LiveRunner {
    struct Options {
        var record: String?
        var recordRaw = false
        var print = false
        var frames: Int?
        var theme: String?
        var source: String
        /// Only these coins' liquidations are kept (`live --coins`); nil keeps all.
        var coins: Set<String>? = nil
        /// `tail --data-clock`: the store clock and pruning follow the newest liquidation's own
        /// time instead of the wall clock, so a feed running faster than real time still slides
        /// its windows and leaves memory (on the wall clock it would never age).
        var dataClock = false
    }

    /// The windows slide with wall time even when nothing arrives.
    static let clockTick: Swift.Duration = .seconds(1)
    /// Liquidations older than a day plus this leave memory (they are out of every window).
    static let retentionMargin = Duration.hour
    /// Measured on the store clock: ten wall minutes live, ten data minutes with `--data-clock`.
    static let pruneEvery: Millis = 10 * Duration.minute

    static func run(_ sources: [any FeedSource], options: Options) async throws {
        if !options.print {
            guard TerminalGuard.stdoutIsTTY, TerminalGuard.stdinIsTTY else {
                throw CLIError(message: "the dashboard needs a terminal; use --print for NDJSON on stdout, or `liqtop summary`")
            }
        }
        let store = MarketStore()
        await store.setClock(options.dataClock ? nil : WallClock.now()) // nil: follow the data
        let newest = NewestTime()
        let recorder = options.record.map { Recorder(directory: $0, keepRaw: options.recordRaw, clock: WallClock.now) }
        let printer = options.print ? EventPrinter() : nil
        let sink = FeedSink(
            deliver: { incoming in
                var batch = incoming
                if let coins = options.coins {
                    batch.output.events.removeAll { if case .liquidation(let l) = $0 { !coins.contains(l.coin) } else { false } }
                }
                if options.dataClock { newest.advance(past: batch.output.events) }
                await store.ingest(batch.output, source: batch.source)
                await recorder?.record(batch.output.events, raw: batch.raw, source: batch.source)
                printer?.write(batch.output)
            },
            report: { health in await store.setHealth(health, at: WallClock.now()) })

        let feeds = sources.map { source in Task { await source.run(sink) } }
        let clock = Task {
            var schedule = PruneSchedule()
            while !Task.isCancelled {
                try? await Task.sleep(for: clockTick)
                let now: Millis
                if options.dataClock {
                    guard let t = newest.value else { continue }
                    now = t
                } else {
                    now = WallClock.now()
                    await store.setClock(now)
                }
                if let cutoff = schedule.cutoff(at: now) {
                    await recorder?.flush()
                    await store.prune(before: cutoff)
                }
            }
        }
        defer { clock.cancel(); feeds.forEach { $0.cancel() } }

        if options.print {
            // Headless: run until every source ends (stdin closed) or a signal stops us; either
            // way the recorder is flushed before exit.
            let status = await untilDoneOrSignalled(feeds)
            feeds.forEach { $0.cancel() }
            await recorder?.close()
            if status != 0 { throw ExitCode(status) }
        } else {
            let themes = ThemeLoader(searchDirectories: ThemeLoader.bundledDirectories(executablePath: ThemeLoader.executablePath()),
                                     environment: ThemeLoader.processEnvironment())
            let app = await DashboardApp(store: store, replay: nil, chrome: ChromeInfo(source: options.source),
                                         options: .init(frames: options.frames, theme: options.theme), themes: themes)
            let status = try await app.run()
            await recorder?.close()
            if status != 0 { throw ExitCode(status) }
        }
    }

    /// 0 when every feed ended, 128 + N for a terminating signal N.
    static func untilDoneOrSignalled(_ feeds: [Task<Void, Never>]) async -> Int32 {
        let watcher = InputWatcher(inputFD: nil, signalFD: liqtop_signal_pipe_install())
        defer { watcher.stop() }
        let (outcome, continuation) = AsyncStream.makeStream(of: Int32.self)
        let ended = Task { for f in feeds { await f.value }; continuation.yield(0) }
        let signalled = Task {
            for await e in watcher.events {
                if case .signal(let n) = e, n != SIGWINCH, n != SIGCONT { continuation.yield(128 + n); return }
            }
        }
        watcher.start()
        defer { ended.cancel(); signalled.cancel() }
        for await status in outcome { return status }
        return 0
    }
}

/// When a live session drops old liquidations: every `LiveRunner.pruneEvery` of the store
/// clock, everything older than a day plus `retentionMargin` (out of every window).
struct PruneSchedule {
    private var last: Millis?

    /// The time to prune before if one is due at store time `now`, else nil. The first call
    /// only starts the count; a clock that goes back (an out-of-order line) prunes nothing.
    mutating func cutoff(at now: Millis) -> Millis? {
        guard let last else { self.last = now; return nil }
        guard now - last >= LiveRunner.pruneEvery else { return nil }
        self.last = now
        return now - Duration.day - LiveRunner.retentionMargin
    }
}

/// The newest liquidation time delivered so far (`--data-clock`), shared by the sink and the clock task.
final class NewestTime: Sendable {
    private let newest = Atomic<Int64>(.min)

    var value: Millis? {
        let t = newest.load(ordering: .relaxed)
        return t == .min ? nil : t
    }

    func advance(past events: [Event]) {
        var t = Int64.min
        for case .liquidation(let l) in events where l.time > t { t = l.time }
        guard t != .min else { return }
        var seen = newest.load(ordering: .relaxed)
        while t > seen {
            let (exchanged, original) = newest.compareExchange(expected: seen, desired: t, ordering: .relaxed)
            if exchanged { return }
            seen = original
        }
    }
}

/// `--print`: one native NDJSON line per event on stdout, written in whole batches.
final class EventPrinter: Sendable {
    func write(_ output: DecodeOutput) {
        // Rejections first: whoever reads stdout has them on stderr by the time the events arrive.
        for r in output.rejections { Terminal.standardError("liqtop: rejected \(r)") }
        guard !output.events.isEmpty else { return }
        var text = ""
        for e in output.events { text += NativeFormat.encode(e); text += "\n" }
        var bytes = Array(text.utf8)
        var off = 0
        bytes.withUnsafeMutableBytes { buf in
            while off < buf.count {
                let n = Glibc.write(1, buf.baseAddress! + off, buf.count - off)
                if n > 0 { off += n } else if n < 0 && errno == EINTR { continue } else { break }
            }
        }
    }
}
