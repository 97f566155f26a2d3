import ArgumentParser
import LiqtopApp
import LiqtopCore
import LiqtopFeeds
import LiqtopTUI

/// `liqtop` / `liqtop replay FILE...`: the dashboard on a recorded day (or the demo day).
struct ReplayCLI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Open the dashboard on a recorded day (default: the bundled demo day, 2026-01-14).",
        discussion: "Keys: ? in the dashboard. Figures on screen are the same as `liqtop summary` prints."
    )

    @Argument(help: "Recorded feeds and tables, as for `summary` ('-' is not allowed here: stdin is the keyboard).")
    var files: [String] = []

    @Option(help: ArgumentHelp("Replay speed: 1, 10, 60, 300, 900, 3600 or max.", valueName: "N|max"), completion: CompletionValues.speed)
    var speed = "60"

    @Option(help: ArgumentHelp("Start at this time of the data (ISO-8601 UTC; for one day of data also 21:00 or -2h from its end); default: the start (demo: 20:00 UTC).", valueName: "TIME"))
    var from: String?

    @Flag(help: "Start paused.")
    var paused = false

    @Option(help: ArgumentHelp("Colour theme name or .theme file (`liqtop themes` lists them).", valueName: "NAME|PATH"),
            completion: CompletionValues.theme)
    var theme: String?

    @Option(help: ArgumentHelp("Quit after drawing N frames (smoke tests, like htop -n).", valueName: "N"))
    var frames: Int?

    @Option(help: InstrumentOption.help)
    var instruments: [String] = []

    @Flag(help: "No mouse: clicks and the wheel go to the terminal (its own text selection) instead.")
    var noMouse = false

    @OptionGroup var settings: SettingsOptions
    @OptionGroup var log: LogOptions

    func validate() throws {
        guard ReplaySpeed.index(of: speed) != nil else { throw ValidationError("speed must be 1, 10, 60, 300, 900, 3600 or max") }
        if files.contains("-") { throw ValidationError("replay reads the keyboard from stdin; use `liqtop tail -` for piped input") }
        if let frames, frames < 1 { throw ValidationError("--frames must be at least 1") }
        try FileChecks.checkNames(files) // before the terminal check: `liqtop sumary` in a pipe too
    }

    func run() async throws {
        guard TerminalGuard.stdoutIsTTY, TerminalGuard.stdinIsTTY else {
            throw CLIError(message: "the dashboard needs a terminal; for the figures as text or JSON use `liqtop summary`")
        }
        log.start("replay")
        let setup = try Setup.load(settings)
        let store = try await LoadedData.load(files: files, instruments: instruments, config: setup.storeConfig)
        let snapshot = await store.snapshot()
        let range = snapshot.dataRange ?? (snapshot.clock ... snapshot.clock)
        var start: Millis?
        if let from {
            // A time of day (`21:00`) or an offset (`-2h` from the end) needs one day of data to mean something.
            let day = Day(containing: range.lowerBound)
            let oneDay = Day(containing: range.upperBound) == day
            guard let t = ISOTime.parse(from) ?? (oneDay ? TimeInput.parse(from, day: day, now: range.upperBound) : nil) else {
                throw CLIError(message: "cannot read time '\(SafeText.short(from))': use e.g. 2026-01-14T21:00:00Z"
                               + (oneDay ? ", 21:00 or -2h" : " (the data spans several days: give the date)"))
            }
            start = t
        }
        let demoStart = DemoDay.day.start + 20 * Duration.hour
        let position = start ?? (files.isEmpty ? demoStart : range.lowerBound)
        let replay = ReplayController(store: store, start: range.lowerBound, end: range.upperBound, position: position,
                                      speedIndex: ReplaySpeed.index(of: speed)!, playing: !paused)
        await replay.begin()
        let themes = ThemeLoader(searchDirectories: ThemeLoader.bundledDirectories(executablePath: ThemeLoader.executablePath()),
                                 environment: ThemeLoader.processEnvironment())
        let saver = setup.saver()
        let ending = try await DashboardApp.runOnTerminal(store: store, replay: replay, chrome: ChromeInfo(source: DashboardSource.replay(files: files)),
                                                          options: try setup.dashboardOptions(frames: frames, theme: theme, noMouse: noMouse, saver: saver, span: range),
                                                          themes: themes)
        await saver?.finish()
        if ending.openHistory {
            throw Reexec.liqtop(["history"] + files + Reexec.common(theme: theme, noMouse: noMouse, instruments: instruments))
        }
        if ending.status != 0 { throw ExitCode(ending.status) }
    }
}

/// `liqtop themes`: the themes liqtop can find, and where.
struct ThemesCLI: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "themes", abstract: "List the colour themes liqtop can find.")

    func run() throws {
        let loader = ThemeLoader(searchDirectories: ThemeLoader.bundledDirectories(executablePath: ThemeLoader.executablePath()),
                                 environment: ThemeLoader.processEnvironment())
        for t in loader.available() {
            Terminal.standardOutput(t.name.padding(16) + t.origin.rawValue.padding(10) + (t.path ?? "") + "\n")
        }
    }
}

extension String {
    func padding(_ n: Int) -> String { count >= n ? self + " " : self + String(repeating: " ", count: n - count) }
}
