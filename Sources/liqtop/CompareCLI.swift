import ArgumentParser
import LiqtopCore

/// `liqtop compare DAY DAY [DIR|FILE...]`: two days side by side (issue 16, item 3), from the
/// inputs' archive index, or from the bundled demo archive (2025-10-10's long flush against
/// 2026-01-14's short squeeze).
struct CompareCLI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Two days side by side: 24h long/short, peaks, venues, top coins, ETF flows, notes.",
        discussion: """
            Each day's figures are summary's for the day's last instant (summary --at DAY). \
            With no files, the bundled demo archive: 2025-10-10 and 2026-01-14, generated from published totals. \
            A directory is indexed in DIR/.liqtop-index/ on first use. \
            Example: liqtop compare 2025-10-10 2026-01-14 ~/liq
            """
    )

    @Argument(help: ArgumentHelp("The first day (YYYY-MM-DD, UTC).", valueName: "DAY"))
    var first: String

    @Argument(help: ArgumentHelp("The second day.", valueName: "DAY"))
    var second: String

    @Argument(help: "Recordings, tables or directories of them (none: the demo archive).")
    var files: [String] = []

    @Option(help: InstrumentOption.help)
    var instruments: [String] = []

    func run() async throws {
        let a = try ArchiveLoad.day(first), b = try ArchiveLoad.day(second)
        let loaded = try ArchiveLoad.load(files, instruments: instruments)
        let digests = loaded.digests
        for d in [a, b] where digests[d] == nil {
            let days = digests.days
            let span = days.first.map { " (the inputs hold \($0) to \(days.last!))" } ?? ""
            throw CLIError(message: "no data for \(d) in the inputs\(span)")
        }
        Terminal.standardOutput(CompareTable.render(DayFigures(digests[a]!), DayFigures(digests[b]!), label: loaded.label))
    }
}
