#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import CSignalPipe
import LiqtopApp
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
        var source: String
        /// The config (and remembered state) the dashboard and the store run with.
        var setup: Setup
        var frames: Int?
        var theme: String?
        var noMouse = false
        /// Only these coins' liquidations are kept (`live --coins`); nil keeps all.
        var coins: Set<String>? = nil
        /// `tail --data-clock`: the store clock and pruning follow the newest liquidation's own
        /// time instead of the wall clock, so a feed running faster than real time still slides
        /// its windows and leaves memory (on the wall clock it would never age).
        var dataClock = false
        /// Where each venue's contract values come from, as it changes (venue drill-down).
        var instrumentSources: AsyncStream<[String: String]>? = nil
        /// How venues' leverage figures arrive where that is not a stream (venue view).
        var leverageNotes: [String: String] = [:]
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
        let store = MarketStore(config: options.setup.storeConfig)
        let instrumentWords = options.instrumentSources.map { words in
            Task { for await m in words { for (venue, w) in m { await store.setInstrumentSource(venue: venue, w) } } }
        }
        defer { instrumentWords?.cancel() }
        for (venue, words) in options.leverageNotes { await store.setLeverageNote(venue: venue, words) }
        await store.setClock(options.dataClock ? nil : WallClock.now()) // nil: follow the data
        let newest = NewestTime()
        let recorder = options.record.map { Recorder(directory: $0, keepRaw: options.recordRaw, clock: WallClock.now) }
        if options.print {
            // A reader that goes away (`| head -1`) must not kill us before the recording is
            // flushed: writes then fail with EPIPE and the run ends in order.
            signal(SIGPIPE, SIG_IGN)
            // Every catchable signal whose default would end the process ends it in order, so
            // the recording is flushed whatever stops a headless run (SIGUSR1, SIGALRM, ...).
            // Routed before any source starts: a signal from then on waits in the pipe.
            _ = liqtop_signal_pipe_add_ending()
            _ = liqtop_signal_pipe_install()
        }
        // Every change of a source's state goes to the log too (reconnects with their wait and reason).
        let healthLog = HealthLog()
        let (stdoutClosed, stdoutClosedContinuation) = AsyncStream.makeStream(of: Void.self)
        let printer = options.print ? EventPrinter(closed: { stdoutClosedContinuation.yield() }) : nil
        let sink = FeedSink(
            deliver: { incoming in
                var batch = incoming
                if let coins = options.coins {
                    batch.output.events.removeAll { if case .liquidation(let l) = $0 { !coins.contains(l.coin) } else { false } }
                }
                if options.dataClock { newest.advance(past: batch.output.events) }
                await store.ingest(batch.output, source: batch.source)
                await recorder?.record(batch.output.events, instruments: batch.output.instruments, raw: batch.raw, source: batch.source)
                printer?.write(batch.output)
            },
            report: { health in
                let now = WallClock.now()
                healthLog.report(health, now: now)
                await store.setHealth(health, at: now)
            })

        let feeds = sources.map { source in Task { await source.run(sink) } }
        let recordWatch = RecorderWatch(echoToStderr: options.print, log: healthLog)
        if let recorder { await recordWatch.check(recorder, store: store) }
        let clock = Task {
            var schedule = PruneSchedule()
            while !Task.isCancelled {
                try? await Task.sleep(for: clockTick)
                if let recorder { await recordWatch.check(recorder, store: store) }
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
            // Headless: run until every source ends (stdin closed), stdout's reader goes away, or
            // a signal stops us; either way the recorder is flushed (a bounded wait) before exit.
            let status = await untilDoneOrSignalled(feeds, stdoutClosed: stdoutClosed)
            await stop(feeds)
            let recorded = await finishRecording(recorder, watch: recordWatch, store: store)
            if status != 0 { throw ExitCode(status) }
            if !recorded { throw ExitCode(2) }
        } else {
            let themes = ThemeLoader(searchDirectories: ThemeLoader.bundledDirectories(executablePath: ThemeLoader.executablePath()),
                                     environment: ThemeLoader.processEnvironment())
            let saver = options.setup.saver()
            let now = WallClock.now()
            // Live: the zone's offsets over the month around now (a session that long is rare).
            var dashboard = try options.setup.dashboardOptions(frames: options.frames, theme: options.theme, noMouse: options.noMouse,
                                                               saver: saver, span: now - 30 * Duration.day ... now + 30 * Duration.day)
            dashboard.historyUnavailable = "history: run `liqtop history DIR` on the recordings in another terminal (here it would end this session)"
            let status = try await DashboardApp.runOnTerminal(store: store, replay: nil, chrome: ChromeInfo(source: options.source),
                                                              options: dashboard,
                                                              themes: themes).status
            await saver?.finish()
            await stop(feeds)
            let recorded = await finishRecording(recorder, watch: recordWatch, store: store)
            if status != 0 { throw ExitCode(status) }
            if !recorded { throw ExitCode(2) }
        }
    }

    /// How long shutdown waits for the last write: a blocked disk must not hold the process.
    static let closeTimeout: Swift.Duration = .seconds(2)

    /// Cancels the sources and waits (within `closeTimeout`) until each has said it stopped, so
    /// their last words reach the log before the session's exit line.
    static func stop(_ feeds: [Task<Void, Never>]) async {
        feeds.forEach { $0.cancel() }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { for f in feeds { await f.value } }
            group.addTask { try? await Task.sleep(for: closeTimeout) }
            await group.next()
            group.cancelAll()
        }
    }

    /// Flushes and closes the recorder within `closeTimeout`; says on stderr what was lost.
    /// False when any event of this session could not be written.
    static func finishRecording(_ recorder: Recorder?, watch: RecorderWatch, store: MarketStore) async -> Bool {
        guard let recorder else { return true }
        let done = await recorder.close(timeout: closeTimeout)
        await watch.check(recorder, store: store) // a run shorter than a tick still says why
        let counters = await recorder.counters
        let notWritten = await recorder.eventsNotWritten
        if !done {
            Terminal.standardError("liqtop: recording: \(notWritten) events still waiting for a write to \(recorder.directory) that did not return within \(closeTimeout.components.seconds) s; they are lost")
        }
        if counters.eventsDropped > 0 || counters.rawFramesDropped > 0 {
            let why = await recorder.status.description
            Terminal.standardError("liqtop: recording incomplete: \(counters.eventsDropped) events" + (counters.rawFramesDropped > 0 ? " and \(counters.rawFramesDropped) raw frames" : "")
                + " not written to \(recorder.directory) (\(why)); \(counters.eventsWritten) written")
        }
        return done && counters.eventsDropped == 0 && counters.rawFramesDropped == 0
    }

    /// 0 when every feed ended or stdout's reader went away, 128 + N for a terminating signal N.
    static func untilDoneOrSignalled(_ feeds: [Task<Void, Never>], stdoutClosed: AsyncStream<Void>) async -> Int32 {
        let watcher = InputWatcher(inputFD: nil, signalFD: liqtop_signal_pipe_install())
        defer { watcher.stop() }
        let (outcome, continuation) = AsyncStream.makeStream(of: Int32.self)
        let ended = Task { for f in feeds { await f.value }; continuation.yield(0) }
        let signalled = Task {
            for await e in watcher.events {
                // SIGPIPE, if caught at all, means what EPIPE means: the reader is gone.
                if case .signal(let n) = e, n == SIGPIPE { continuation.yield(0); return }
                if case .signal(let n) = e, n != SIGWINCH, n != SIGCONT { continuation.yield(128 + n); return }
            }
        }
        let readerGone = Task { for await _ in stdoutClosed { continuation.yield(0); return } }
        watcher.start()
        defer { ended.cancel(); signalled.cancel(); readerGone.cancel() }
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

/// `--print`: one native NDJSON line per event on stdout, written in whole batches. The
/// native format escapes every unsafe scalar, so the lines pass `SafeText` as they are.
final class EventPrinter: Sendable {
    private let closed: @Sendable () -> Void
    private let gone = Atomic<Bool>(false)

    /// `closed` runs once, when stdout's reader has gone away (EPIPE).
    init(closed: @escaping @Sendable () -> Void) { self.closed = closed }

    func write(_ output: DecodeOutput) {
        // Rejections first: whoever reads stdout has them on stderr by the time the events arrive.
        for r in output.rejections { Terminal.standardError("liqtop: rejected \(r)") }
        guard !output.events.isEmpty, !gone.load(ordering: .relaxed) else { return }
        var text = ""
        for e in output.events { text += NativeFormat.encode(e); text += "\n" }
        if !Terminal.writeAll(1, text), !gone.exchange(true, ordering: .relaxed) { closed() }
    }
}

/// Carries the recorder's state to the status line (as the `record` source) and, headless, to
/// stderr: one line whenever it changes, so a cron job's log says when recording failed.
actor RecorderWatch {
    private let echoToStderr: Bool
    private let log: HealthLog?
    private var lastHealth: SourceHealth?
    private var lastStatus: RecorderStatus = .ok

    init(echoToStderr: Bool, log: HealthLog? = nil) { self.echoToStderr = echoToStderr; self.log = log }

    func check(_ recorder: Recorder, store: MarketStore) async {
        let h = await recorder.health
        if h != lastHealth {
            lastHealth = h
            log?.report(h, now: WallClock.now())
            await store.setHealth(h, at: WallClock.now())
        }
        // stderr gets the reason when it changes, not every new drop count.
        let status = await recorder.status
        guard status != lastStatus else { return }
        lastStatus = status
        guard echoToStderr else { return }
        if case .error(let why) = status {
            Terminal.standardError("liqtop: recording failing: \(why)")
        } else {
            Terminal.standardError("liqtop: recording to \(recorder.directory) works again")
        }
    }
}
