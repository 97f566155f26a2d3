#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import LiqtopApp
import LiqtopCore
import LiqtopTUI

/// `liqtop history [DIR|FILE...]`: the archive's days on one date axis, fast money against slow
/// money (issue 16, item 2), with compare on `c`; Enter replays a day (`liqtop replay` takes
/// over the terminal, on that day's files).
struct HistoryCLI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Days side by side: daily liquidations over ETF flows and the rate path; c compares two days.",
        discussion: """
            With no files, the bundled demo archive (the daily history since 2025-09-01, the demo day and a generated \
            2025-10-10 crash day). A directory is indexed in DIR/.liqtop-index/ on first use. Keys: ? in the view. \
            Example: liqtop history ~/liq
            """
    )

    @Argument(help: "Recordings, tables or directories of them ('-' is not allowed: stdin is the keyboard).")
    var files: [String] = []

    @Option(help: ArgumentHelp("Colour theme name or .theme file (`liqtop themes` lists them).", valueName: "NAME|PATH"),
            completion: CompletionValues.theme)
    var theme: String?

    @Option(help: ArgumentHelp("Quit after drawing N frames (smoke tests, like htop -n).", valueName: "N"))
    var frames: Int?

    @Option(help: InstrumentOption.help)
    var instruments: [String] = []

    @Flag(help: "No mouse: clicks and the wheel go to the terminal (its own text selection) instead.")
    var noMouse = false

    func validate() throws {
        if files.contains("-") { throw ValidationError("history reads the keyboard from stdin; name the files") }
        if let frames, frames < 1 { throw ValidationError("--frames must be at least 1") }
        try FileChecks.checkNames(files)
    }

    func run() async throws {
        guard TerminalGuard.stdoutIsTTY, TerminalGuard.stdinIsTTY else {
            throw CLIError(message: "history needs a terminal; for two days as text use `liqtop compare DAY DAY`")
        }
        let loaded = try ArchiveLoad.load(files, instruments: instruments)
        let themes = ThemeLoader(searchDirectories: ThemeLoader.bundledDirectories(executablePath: ThemeLoader.executablePath()),
                                 environment: ThemeLoader.processEnvironment())
        let chosen: Theme
        do { chosen = try themes.load(theme).0 } catch { throw CLIError(message: "\(error)") }
        let replayable = loaded.filesByDay.map { Set($0.keys) } ?? [DemoDay.day]
        let source = loaded.label ?? DashboardSource.replay(files: files)
        let app = try await ArchiveApp.onTerminal(model: ArchiveModel(loaded.digests), source: SafeText.clean(source), theme: chosen,
                                                  mouse: !noMouse, frames: frames, replayable: replayable)
        switch await app.run() {
        case .quit(let status):
            if status != 0 { throw ExitCode(status) }
        case .replay(let day):
            var argv = ["liqtop", "replay"]  // argv[0] is added by Reexec
            if let byDay = loaded.filesByDay {
                argv += (byDay[day] ?? []) + loaded.tables + ["--from", ISOTime.format(day.start)]
            }
            throw Reexec.liqtop(Array(argv.dropFirst()) + Reexec.common(theme: theme, noMouse: noMouse, instruments: instruments))
        }
    }
}
