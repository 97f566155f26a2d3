import ArgumentParser
import LiqtopCore
import LiqtopFeeds

/// `liqtop tail FILE|- ...`: follow growing files (or stdin) like `tail -F`, live on the wall clock.
struct TailCLI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tail",
        abstract: "Follow growing files or stdin (websocat ... | liqtop tail -) and show them live.",
        discussion: "Formats are detected per line as for `summary`. Rotation, truncation and files that do not exist yet are handled."
    )

    @Argument(help: "Files to follow; '-' reads stdin (then use --print, as the keyboard is stdin).")
    var files: [String]

    @Flag(help: "Read the lines already in the files first (default: start at the end, like tail -F).")
    var fromStart = false

    @Flag(help: "Run the windows and the memory bound on the data's own times, not the wall clock (a replayed or accelerated feed).")
    var dataClock = false

    @OptionGroup var live: LiveOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one file, or '-' for stdin") }
        if files.contains("-") && !live.print { throw ValidationError("'-' reads stdin, which the dashboard needs for keys: add --print") }
    }

    func run() async throws {
        try FileChecks.refuseDirectories(files, following: "tail")
        live.log.start("tail")
        let (given, givenSources) = try InstrumentOption.read(live.instruments)
        let context = DecodeContext(now: WallClock.now(), instruments: given)
        // A file named twice (or as a feed and a table) would be read twice: once is enough.
        let (keep, repeats) = SourceIdentity.firstNamings(files + live.watchedFiles)
        for r in repeats { Terminal.standardError("liqtop: " + SourceIdentity.notice(r)) }
        let feeds = zip(files, keep).filter(\.1).map(\.0)
        var sources: [any FeedSource] = feeds.map { TailSource(path: $0, fromStart: fromStart, context: context, keepRaw: live.recordRaw) }
        sources += live.watchedSources(context: context, keep: Array(keep.dropFirst(files.count)))
        let setup = try Setup.load(live.settings)
        var options = live.runnerOptions(source: "tail " + files.joined(separator: " "), setup: setup)
        options.dataClock = dataClock
        if !givenSources.isEmpty {
            let (words, continuation) = AsyncStream.makeStream(of: [String: String].self)
            continuation.yield(givenSources)
            continuation.finish()
            options.instrumentSources = words
        }
        try await LiveRunner.run(sources, options: options)
    }
}

/// Options shared by `tail` and `live`.
struct LiveOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Record every normalized event as native NDJSON, one file per UTC day, in DIR.", valueName: "DIR"))
    var record: String?

    @Flag(help: "With --record, also keep the raw frames/lines.")
    var recordRaw = false

    @Flag(help: "No dashboard: write normalized events to stdout as NDJSON (for piping).")
    var print = false

    @Option(help: ArgumentHelp("Farside ETF CSV to watch (re-read when saved).", valueName: "FILE"))
    var etf: [String] = []

    @Option(help: ArgumentHelp("Notes file to watch.", valueName: "FILE"))
    var notes: [String] = []

    @Option(help: ArgumentHelp("FRED rates / cut-odds CSV to watch.", valueName: "FILE"))
    var rates: [String] = []

    @Option(help: ArgumentHelp("Colour theme name or .theme file.", valueName: "NAME|PATH"), completion: CompletionValues.theme)
    var theme: String?

    @Flag(help: "No mouse: clicks and the wheel go to the terminal (its own text selection) instead.")
    var noMouse = false

    @Option(help: ArgumentHelp("Quit after drawing N frames.", valueName: "N"))
    var frames: Int?

    @Option(help: InstrumentOption.help)
    var instruments: [String] = []

    @OptionGroup var settings: SettingsOptions
    @OptionGroup var log: LogOptions

    var watchedFiles: [String] { etf + notes + rates }

    /// Watched tables, re-read when saved; `keep` (one per `watchedFiles`) drops repeats.
    func watchedSources(context: DecodeContext, keep: [Bool]? = nil) -> [any FeedSource] {
        let files = watchedFiles
        let kept: [String]
        if let keep {
            kept = zip(files, keep).filter(\.1).map(\.0)
        } else {
            let u = SourceIdentity.unique(files)
            for r in u.repeats { Terminal.standardError("liqtop: " + SourceIdentity.notice(r)) }
            kept = u.kept
        }
        return kept.map { TailSource(path: $0, fromStart: true, table: true, context: context) }
    }

    func runnerOptions(source: String, setup: Setup) -> LiveRunner.Options {
        LiveRunner.Options(record: record ?? setup.settings.recordDirectory.map(Setup.expandingHome), recordRaw: recordRaw, print: print,
                           source: source, setup: setup, frames: frames, theme: theme, noMouse: noMouse)
    }
}
