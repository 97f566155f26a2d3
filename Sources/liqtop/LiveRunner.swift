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

/// Runs live sources (tailed files, stdin, venue sockets) into the store on the wall clock,
/// recording what arrives, and shows the dashboard — or, with `--print`, writes the normalized
/// events to stdout as native NDJSON.
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
    }

    /// The windows slide with wall time even when nothing arrives.
    static let clockTick: Swift.Duration = .seconds(1)
    /// Liquidations older than a day plus this leave memory (they are out of every window).
    static let retentionMargin = Duration.hour
    static let pruneEvery: Swift.Duration = .seconds(600)

    static func run(_ sources: [any FeedSource], options: Options) async throws {
        if !options.print {
            guard TerminalGuard.stdoutIsTTY, TerminalGuard.stdinIsTTY else {
                throw CLIError(message: "the dashboard needs a terminal; use --print for NDJSON on stdout, or `liqtop summary`")
            }
        }
        let store = MarketStore()
        await store.setClock(WallClock.now())
        let recorder = options.record.map { Recorder(directory: $0, keepRaw: options.recordRaw, clock: WallClock.now) }
        let printer = options.print ? EventPrinter() : nil
        let sink = FeedSink(
            deliver: { incoming in
                var batch = incoming
                if let coins = options.coins {
                    batch.output.events.removeAll { if case .liquidation(let l) = $0 { !coins.contains(l.coin) } else { false } }
                }
                await store.ingest(batch.output, source: batch.source)
                await recorder?.record(batch.output.events, raw: batch.raw, source: batch.source)
                printer?.write(batch.output)
            },
            report: { health in await store.setHealth(health, at: WallClock.now()) })

        let feeds = sources.map { source in Task { await source.run(sink) } }
        let clock = Task {
            var sincePrune = Swift.Duration.zero
            while !Task.isCancelled {
                try? await Task.sleep(for: clockTick)
                let now = WallClock.now()
                await store.setClock(now)
                sincePrune += clockTick
                if sincePrune >= pruneEvery {
                    sincePrune = .zero
                    await recorder?.flush()
                    await store.prune(before: now - Duration.day - retentionMargin)
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
