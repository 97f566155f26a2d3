import ArgumentParser
import LiqtopCore
import LiqtopFeeds
import LiqtopLive

/// `liqtop live`: liquidations from the venues' public WebSocket streams, as they happen.
struct LiveCLI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "live",
        abstract: "Stream liquidations live from Binance, Bybit and OKX.",
        discussion: """
            Binance's stream sends at most one liquidation per symbol per second and OKX's is partial: their totals \
            undercount. Proxies: HTTPS_PROXY / ALL_PROXY from the environment are used.
            """
    )

    @Option(help: ArgumentHelp("Venues to connect to.", valueName: "binance,bybit,okx"))
    var venues = "binance,bybit,okx"

    @Option(help: ArgumentHelp("Coins to show (Bybit needs one topic per coin); default: the 12 majors.", valueName: "BTC,ETH,..."))
    var coins: String?

    @Option(help: ArgumentHelp("Binance stream URL (testnets, mirrors, the 2026 /market/ move).", valueName: "URL"))
    var binanceURL: String?

    @Option(help: ArgumentHelp("Bybit v5 public linear URL.", valueName: "URL"))
    var bybitURL: String?

    @Option(help: ArgumentHelp("OKX v5 public URL.", valueName: "URL"))
    var okxURL: String?

    @OptionGroup var live: LiveOptions

    func chosenVenues() throws -> [Venue] {
        let names = venues.split(separator: ",").map { $0.trimmingCharacters(in: " ").lowercased() }
        return try names.map { name in
            guard let v = Venue(rawValue: name) else { throw ValidationError("unknown venue '\(name)': use binance, bybit, okx") }
            return v
        }
    }

    func chosenCoins() -> [String]? {
        coins.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: " ").uppercased() }.filter { !$0.isEmpty } }
    }

    func validate() throws {
        if try chosenVenues().isEmpty { throw ValidationError("name at least one venue") }
        if let c = chosenCoins(), c.isEmpty { throw ValidationError("--coins needs at least one coin") }
    }

    func run() async throws {
        let context = DecodeContext(now: WallClock.now())
        let coinList = chosenCoins() ?? VenueConfig.defaultCoins
        var sources: [any FeedSource] = try chosenVenues().map { venue in
            let config: VenueConfig
            switch venue {
            case .binance: config = .binance(url: binanceURL)
            case .bybit: config = .bybit(url: bybitURL, coins: coinList)
            case .okx: config = .okx(url: okxURL)
            }
            return VenueSource(config: config, context: context, keepRaw: live.recordRaw)
        }
        sources += live.watchedSources(context: context)
        var options = live.runnerOptions(source: "live " + venues)
        options.coins = chosenCoins().map(Set.init)
        try await LiveRunner.run(sources, options: options)
    }
}

extension Substring {
    func trimmingCharacters(in set: Character) -> String {
        var s = self
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return String(s)
    }
}
