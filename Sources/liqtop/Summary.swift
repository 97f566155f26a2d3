import ArgumentParser
import LiqtopCore
import LiqtopFeeds

struct Summary: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the figures the dashboard shows, as a table or JSON.",
        discussion: "With no FILE, summarizes the bundled demo day (2026-01-14)."
    )

    @Argument(help: "Recorded feeds, Farside/FRED/odds/notes CSV or native NDJSON files ('-' for stdin).")
    var files: [String] = []

    @Option(help: ArgumentHelp("Time to summarize at (ISO-8601 UTC, a day, or epoch ms); default: the last event.", valueName: "TIME"))
    var at: String?

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @Option(help: InstrumentOption.help)
    var instruments: [String] = []

    func run() async throws {
        var clock: Millis?
        if let at {
            guard let t = ISOTime.parse(at) else { throw ValidationError("cannot read time '\(at)': use e.g. 2026-01-14T23:00:00Z") }
            clock = t
        }
        let store = try await LoadedData.load(files: files, keepsOrderDetail: false, instruments: instruments)
        await store.setClock(clock)
        let snapshot = await store.snapshot()
        for r in snapshot.input.rejections { Terminal.standardError("liqtop: rejected \(r.source):\(r.line): \(r.reason)") }
        if snapshot.input.rejected > snapshot.input.rejections.count {
            Terminal.standardError("liqtop: \(snapshot.input.rejected - snapshot.input.rejections.count) more rejections not listed; all \(snapshot.input.rejected) by reason:")
            for r in snapshot.input.reasons.sorted { Terminal.standardError("liqtop:   \(r.count) × \(r.kind)") }
        }
        Terminal.standardOutput(json ? SummaryJSON.render(snapshot) + "\n" : SummaryTable.render(snapshot))
    }
}
