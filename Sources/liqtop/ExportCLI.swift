#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import LiqtopCore
import LiqtopFeeds

/// `liqtop export [FILE...] [--from T] [--to T] [--coins …] [--types …]`: the normalized events
/// as native NDJSON on stdout, in file order, so any other tool can take over; `export | summary -`
/// gives the same summary. Rejected lines are reported on stderr as everywhere else.
struct ExportCLI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print the events of files (or the demo day) as liqtop's native NDJSON.",
        discussion: """
            One event per line, in the files' order, each priced and normalized as summary counts it; \
            'liqtop export FILES | liqtop summary -' gives summary's figures. --from/--to keep what lies in \
            that span (a dated event when its day overlaps it; cut odds always). --coins keeps events of \
            those coins (market-wide ones, like rates and notes, stay). \
            Types: \(NativeFormat.eventTypes.joined(separator: ", ")). \
            Example: liqtop export --coins BTC --types liquidation day.ndjson > btc.ndjson
            """
    )

    @Argument(help: "Recorded feeds, Farside/FRED/odds/notes CSV or native NDJSON files ('-' for stdin).")
    var files: [String] = []

    @Option(help: ArgumentHelp("Keep events from this time (ISO-8601 UTC, a day meaning its start, or epoch ms).", valueName: "TIME"))
    var from: String?

    @Option(help: ArgumentHelp("Keep events up to this time (a day meaning its end).", valueName: "TIME"))
    var to: String?

    @Option(help: ArgumentHelp("Keep these coins only, comma-separated (BTC,ETH).", valueName: "COINS"))
    var coins: String?

    @Option(help: ArgumentHelp("Keep these event types only, comma-separated (liquidation,etf_flow).", valueName: "TYPES"))
    var types: String?

    @Option(help: InstrumentOption.help)
    var instruments: [String] = []

    /// The filter the options describe; a bad value is a usage error naming what is allowed.
    func filter() throws -> EventFilter {
        var f = EventFilter()
        if let from {
            guard let t = ISOTime.parse(from) else { throw ValidationError("cannot read time '\(SafeText.short(from))': use e.g. 2026-01-14T21:00:00Z") }
            f.from = t
        }
        if let to {
            guard let t = ISOTime.parseInstant(to) else { throw ValidationError("cannot read time '\(SafeText.short(to))': use e.g. 2026-01-14T23:00:00Z") }
            f.to = t
        }
        if let a = f.from, let b = f.to, a > b { throw ValidationError("--from is after --to") }
        if let coins {
            let set = EventFilter.list(coins, uppercased: true)
            guard !set.isEmpty else { throw ValidationError("--coins needs at least one coin, e.g. BTC,ETH") }
            f.coins = set
        }
        if let types {
            let set = EventFilter.list(types, uppercased: false)
            let unknown = set.subtracting(NativeFormat.eventTypes).sorted()
            guard unknown.isEmpty, !set.isEmpty else {
                throw ValidationError("unknown type '\(SafeText.short(unknown.first ?? types))': use \(NativeFormat.eventTypes.joined(separator: ", "))")
            }
            f.types = set
        }
        return f
    }

    func run() async throws {
        signal(SIGPIPE, SIG_IGN) // `export | head`: a reader that goes away is EPIPE, and the export ends
        let filter = try filter()
        if files.isEmpty {
            _ = Self.write(DemoDay.events(), filter)
            return
        }
        let given = try InstrumentOption.read(instruments)
        let context = DecodeContext(now: WallClock.now(), instruments: given.book)
        try FileChecks.checkNames(files)
        let inputs = try ArchiveDirectory.expanding(files)
        let (unique, repeats) = SourceIdentity.unique(inputs.map(\.path))
        for r in repeats { Terminal.standardError("liqtop: " + SourceIdentity.notice(r)) }
        for path in unique {
            var stats = InputStats.Source(name: path)
            var first: Rejection?
            do {
                // Unpacked parts: every liquidation is an event, exactly as the store receives it.
                for try await part in FileInput.parts(path: path, context: context) {
                    for r in part.rejections { Terminal.standardError("liqtop: rejected \(r)") }
                    if part.rejectionsNotKept > 0 { Terminal.standardError("liqtop: \(part.rejectionsNotKept) more rejections in \(SafeText.clean(path)) not listed") }
                    first = first ?? part.rejections.first
                    stats.events += part.events.count
                    stats.lines += part.lines
                    stats.rejected += part.rejectedCount
                    stats.ignored += part.ignored
                    guard Self.write(part.events, filter) else { return }
                }
            } catch {
                throw CLIError(message: "\(error)")
            }
            if path != "-", let message = FileChecks.nothingRecognized(path, InputStats(sources: [stats], rejections: first.map { [$0] } ?? [])) {
                if inputs.contains(where: { $0.path == path && $0.named }) { throw CLIError(message: message) }
                Terminal.standardError("liqtop: skipped: " + message)
            }
        }
    }

    /// The events that pass, one native line each, written at once. False when the reader has gone.
    static func write(_ events: [Event], _ filter: EventFilter) -> Bool {
        var text = ""
        for e in events where filter.passes(e) {
            text += NativeFormat.encode(e)
            text += "\n"
        }
        // Native lines escape every control character, so they go out as they are.
        return text.isEmpty || Terminal.writeAll(1, text)
    }
}
