#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import LiqtopConfig
import LiqtopCore
import LiqtopFeeds

/// `liqtop alerts [FILE...] [--alert RULE ...] [--follow]`: the alert rules evaluated headless
/// over the files at the data's own clock, one NDJSON object per alert on stdout, in time order.
struct AlertsCLI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "Print the alerts the rules raise over files (or the demo day), one JSON object per line.",
        discussion: """
            Rules: order >= 1M [coin C] [venue V] [side long|short]; cascade >= 20M in 60s [coin C] [venue V] [side S]; \
            highest-since 1h|4h|12h|24h [side S]; etf-flip [asset BTC|ETH|SOL]; funding-extreme [>= 0.1%] [coin C] [venue V]; \
            oi-drop >= 3% in 1h [coin C]. Without --alert: the config's [[alerts]], else \
            \(defaultRules.joined(separator: " and ")). Every firing is printed (nothing is rate-limited). \
            With no FILE, the bundled demo day. Example: liqtop alerts --alert 'order >= 1M coin BTC' day.ndjson
            """
    )

    /// The rules without `--alert` or a config file: the config's defaults.
    static let defaultRules = Settings().alerts.map(\.rule)

    @Argument(help: "Recorded feeds, Farside/FRED/odds/notes CSV or native NDJSON files ('-' for stdin).")
    var files: [String] = []

    @Option(name: .customLong("alert"), help: ArgumentHelp("A rule, e.g. 'order >= 1M' or 'cascade >= 20M in 60s'; repeatable.", valueName: "RULE"))
    var rules: [String] = []

    @Flag(help: "Follow the files as they grow (like tail -F, from their start) and print alerts as they arrive.")
    var follow = false

    @Option(help: InstrumentOption.help)
    var instruments: [String] = []

    @Option(help: ArgumentHelp("The config file whose [[alerts]] apply without --alert (default: $LIQTOP_CONFIG, else $XDG_CONFIG_HOME/liqtop/config.toml).", valueName: "PATH"))
    var config: String?

    func validate() throws {
        if follow && files.isEmpty { throw ValidationError("--follow needs files to follow (or '-' for stdin)") }
    }

    /// The rules given (or the defaults); a bad one is `liqtop: --alert '…': message`, exit 2.
    static func parse(_ texts: [String]) throws -> [AlertRule] {
        var rules: [AlertRule] = []
        for text in texts {
            do { rules.append(try AlertRule(parsing: text)) } catch {
                throw CLIError(message: "--alert '\(SafeText.short(text, limit: 80))': \(error.message)")
            }
        }
        return rules
    }

    func run() async throws {
        let setup = try Setup.load(try SettingsOptions.parse(config.map { ["--config", $0] } ?? []), rememberState: false)
        let rules = try Self.parse(self.rules.isEmpty ? setup.settings.alerts.map(\.rule) : self.rules)
        if follow { return try await runFollowing(rules) }
        let store = try await LoadedData.load(files: files, instruments: instruments)
        Self.reportRejections(await store.snapshot().input)
        await store.setAlertRules(rules)
        guard let end = await store.dataEnd else { return }
        await store.primeAlerts(at: Self.startInstant(await store.dataStart))
        Self.print(await store.advanceAlerts(to: end))
    }

    /// Rules watch from the start of the first liquidation's UTC day (so that day's ETF flows
    /// count); without liquidations, from before everything (every ETF day of the files).
    static func startInstant(_ dataStart: Millis?) -> Millis {
        dataStart.map { Day(containing: $0).start - 1 } ?? -1
    }

    static func reportRejections(_ input: InputStats) {
        for r in input.rejections { Terminal.standardError("liqtop: rejected \(r)") }
        if input.rejected > input.rejections.count {
            Terminal.standardError("liqtop: \(input.rejected - input.rejections.count) more rejections not listed; all \(input.rejected) by reason:")
            for r in input.reasons.sorted { Terminal.standardError("liqtop:   \(r.count) × \(r.kind)") }
        }
    }

    /// One line per alert, written at once (JSON escapes every unsafe scalar). False when the
    /// reader has gone.
    @discardableResult
    static func print(_ alerts: [Alert]) -> Bool {
        guard !alerts.isEmpty else { return true }
        return Terminal.writeAll(1, alerts.map { $0.json + "\n" }.joined())
    }

    /// `--follow`: the files tailed from their start; after each batch the rules advance to the
    /// newest data time, and what they raise is written at once. Ends when every input ended
    /// (stdin closed), stdout's reader went away, or a signal.
    private func runFollowing(_ rules: [AlertRule]) async throws {
        signal(SIGPIPE, SIG_IGN) // a reader that goes away is EPIPE: the loop ends in order
        try FileChecks.refuseDirectories(files, following: "alerts --follow")
        let (given, givenSources) = try InstrumentOption.read(instruments)
        try FileChecks.checkNames(files)
        let context = DecodeContext(now: WallClock.now(), instruments: given)
        let (unique, repeats) = SourceIdentity.unique(files)
        for r in repeats { Terminal.standardError("liqtop: " + SourceIdentity.notice(r)) }
        let store = MarketStore()
        for (venue, words) in givenSources { await store.setInstrumentSource(venue: venue, words) }
        await store.setAlertRules(rules)
        let (batches, continuation) = AsyncStream.makeStream(of: FeedBatch.self)
        let sink = FeedSink(deliver: { continuation.yield($0) }, report: { _ in })
        let feeds = unique.map { path in Task { await TailSource(path: path, fromStart: true, context: context).run(sink) } }
        let ended = Task { for f in feeds { await f.value }; continuation.finish() }
        defer { feeds.forEach { $0.cancel() }; ended.cancel() }
        var primed = false
        var prune = PruneSchedule()
        for await batch in batches {
            for r in batch.output.rejections { Terminal.standardError("liqtop: rejected \(r)") }
            await store.ingest(batch.output, source: batch.source)
            if !primed {
                await store.primeAlerts(at: Self.startInstant(await store.dataStart))
                primed = true
            }
            guard let end = await store.dataEnd else { continue }
            guard Self.print(await store.advanceAlerts(to: end)) else { return }
            if let cutoff = prune.cutoff(at: end) { await store.prune(before: cutoff) }
        }
    }
}
