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

    @Option(help: ArgumentHelp("Time to summarize at (ISO-8601 UTC, a day meaning its end, or epoch ms); default: the latest event, a dated one at the end of its day.", valueName: "TIME"))
    var at: String?

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @Option(help: InstrumentOption.help)
    var instruments: [String] = []

    @Option(name: .customLong("by-price"), help: ArgumentHelp("Also print COIN's liquidations by price band in each window (the coin drill's 'by price').", valueName: "COIN"))
    var byPrice: String?

    @Option(help: ArgumentHelp("The config file whose tiers and tape threshold apply (default: $LIQTOP_CONFIG, else $XDG_CONFIG_HOME/liqtop/config.toml).", valueName: "PATH"),
            completion: .file(extensions: ["toml"]))
    var config: String?

    @Option(help: ArgumentHelp("With --by-price: the band width in USD (the 'per $' the screen shows); default: the 1-2-5 step that fits 20 bands.", valueName: "USD"))
    var step: String?

    /// Without `--step`, the bands are as coarse as 20 rows need (the screen picks its own step to
    /// fit its rows, and names it: `--step` that value gives its figures).
    static let defaultBands = 20

    func run() async throws {
        var clock: Millis?
        if let at {
            guard let t = ISOTime.parseInstant(at) else { throw ValidationError("cannot read time '\(at)': use e.g. 2026-01-14T23:00:00Z") }
            clock = t
        }
        var bandStep: FixedDecimal?
        if let step {
            guard let d = try? FixedDecimal.parse(step), d.isPositive else { throw ValidationError("cannot read step '\(step)': use a positive number of USD, e.g. 500") }
            bandStep = d
        }
        if step != nil && byPrice == nil { throw ValidationError("--step needs --by-price COIN") }
        // Prices are kept per order only when asked for: the rest of the summary never shows them.
        // The config's tiers and tape threshold: the figures are the dashboard's.
        let setup = try Setup.load(try SettingsOptions.parse(config.map { ["--config", $0] } ?? []), rememberState: false)
        let store = try await LoadedData.load(files: files, keepsOrderDetail: byPrice != nil, instruments: instruments, config: setup.storeConfig)
        await store.setClock(clock)
        let snapshot = await store.snapshot()
        for r in snapshot.input.rejections { Terminal.standardError("liqtop: rejected \(r.source):\(r.line): \(r.reason)") }
        if snapshot.input.rejected > snapshot.input.rejections.count {
            Terminal.standardError("liqtop: \(snapshot.input.rejected - snapshot.input.rejections.count) more rejections not listed; all \(snapshot.input.rejected) by reason:")
            for r in snapshot.input.reasons.sorted { Terminal.standardError("liqtop:   \(r.count) × \(r.kind)") }
        }
        var bands: [PriceBands] = []
        if let coin = byPrice?.uppercased() {
            for w in Window.allCases {
                let b = await store.priceBands(coin: coin, window: w, step: bandStep)
                bands.append(bandStep == nil ? b.merged(maxBands: Self.defaultBands) : b)
            }
        }
        var tiers: [TierCounts] = []
        for w in Window.allCases { tiers.append(await store.tierCounts(window: w)) }
        Terminal.standardOutput(json ? SummaryJSON.render(snapshot, byPrice: bands, tiers: tiers) + "\n"
                                     : SummaryTable.render(snapshot) + SummaryTable.tiers(tiers) + SummaryTable.byPrice(bands))
    }
}
