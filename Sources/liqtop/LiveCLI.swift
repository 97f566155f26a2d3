import ArgumentParser
import LiqtopCore
import LiqtopFeeds
import LiqtopLive

/// `liqtop live`: liquidations from the venues' public WebSocket streams, as they happen.
struct LiveCLI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "live",
        abstract: "Stream liquidations live from the venues' public streams.",
        discussion: """
            Venues: \(Venue.allCases.map(\.rawValue).joined(separator: ", ")). Binance's and Aster's streams send at most \
            one liquidation per symbol per second, Bitget's at most the largest long and short per symbol per second, \
            and OKX's is partial: their totals undercount. Gate prices only the contracts it knows. HTX connects twice \
            (USDT- and coin-margined swaps). BitMEX sends no time: its orders are dated on receipt. Deribit counts futures \
            trades flagged as liquidations. Beside the liquidations: Binance's mark prices and funding of every \
            symbol, Bybit's tickers and OKX's mark price, funding and open interest of the leverage coins (--coins, \
            else \(VenueConfig.leverageCoins.joined(separator: ", "))); Binance's open interest has no stream and is \
            polled over REST about once a minute. Hyperliquid publishes no liquidations: liqtop reads its funding, \
            open interest, mark and oracle price of the leverage coins (activeAssetCtx). --no-leverage skips all of \
            these, Hyperliquid with them. Proxies: HTTPS_PROXY / ALL_PROXY from the environment are used.
            """
    )

    @Option(help: ArgumentHelp("Venues to connect to: " + Venue.allCases.map(\.rawValue).joined(separator: ", ")
                                   + "; default: all (with --no-leverage, all but hyperliquid).",
                               valueName: "VENUE,..."), completion: CompletionValues.venues)
    var venues: String?

    @Option(help: ArgumentHelp("Coins to show (Bybit needs one topic per coin); default: the 12 majors.", valueName: "BTC,ETH,..."))
    var coins: String?

    @Option(help: ArgumentHelp("Binance USD-M stream URL (default: the /market route; testnets, mirrors).", valueName: "URL"))
    var binanceURL: String?

    @Option(help: ArgumentHelp("Bybit v5 public linear URL.", valueName: "URL"))
    var bybitURL: String?

    @Option(help: ArgumentHelp("OKX v5 public URL.", valueName: "URL"))
    var okxURL: String?

    @Option(help: ArgumentHelp("Bitget v3 public URL.", valueName: "URL"))
    var bitgetURL: String?

    @Option(help: ArgumentHelp("Gate USDT futures URL.", valueName: "URL"))
    var gateURL: String?

    @Option(help: ArgumentHelp("Aster futures stream URL.", valueName: "URL"))
    var asterURL: String?

    @Option(help: ArgumentHelp("HTX USDT-margined swaps notification URL.", valueName: "URL"))
    var htxURL: String?

    @Option(help: ArgumentHelp("HTX coin-margined swaps notification URL.", valueName: "URL"))
    var htxCoinURL: String?

    @Option(help: ArgumentHelp("BitMEX realtime URL.", valueName: "URL"))
    var bitmexURL: String?

    @Option(help: ArgumentHelp("Deribit v2 WebSocket URL.", valueName: "URL"))
    var deribitURL: String?

    @Option(help: ArgumentHelp("Hyperliquid API WebSocket URL (testnet: wss://api.hyperliquid-testnet.xyz/ws).", valueName: "URL"))
    var hyperliquidURL: String?

    @Flag(help: "Only liquidations: no mark price, funding or open-interest streams, no open-interest polling.")
    var noLeverage = false

    @Option(help: ArgumentHelp("Binance USD-M REST base polled for open interest; with --binance-url, polled only when given.",
                               valueName: "URL"))
    var binanceRestURL: String?

    @OptionGroup var live: LiveOptions

    /// The venues in the order named, each once (two sockets to one venue would double every
    /// event), and those named more than once. Without `--venues`, every venue; with
    /// `--no-leverage`, every venue that publishes liquidations (Hyperliquid has only leverage data).
    func chosenVenues() throws -> (venues: [Venue], repeated: [Venue]) {
        guard let venues else { return (noLeverage ? Venue.liquidationVenues : Venue.allCases, []) }
        let names = venues.split(separator: ",").map { $0.trimmingCharacters(in: " ").lowercased() }
        var chosen: [Venue] = []
        var repeated: [Venue] = []
        for name in names {
            guard let v = Venue(rawValue: name) else {
                throw ValidationError("unknown venue '\(name)': use " + Venue.allCases.map(\.rawValue).joined(separator: ", "))
            }
            if !chosen.contains(v) { chosen.append(v) } else if !repeated.contains(v) { repeated.append(v) }
        }
        return (chosen, repeated)
    }

    /// The chosen venues this session connects: leverage-only venues are left out under
    /// `--no-leverage` (nothing of theirs would be read).
    func connectedVenues(_ chosen: [Venue]) -> (connected: [Venue], skipped: [Venue]) {
        guard noLeverage else { return (chosen, []) }
        return (chosen.filter(\.publishesLiquidations), chosen.filter { !$0.publishesLiquidations })
    }

    /// The URL options given, by option name.
    var givenURLs: [(option: String, url: String)] {
        [("--binance-url", binanceURL), ("--bybit-url", bybitURL), ("--okx-url", okxURL),
         ("--bitget-url", bitgetURL), ("--gate-url", gateURL), ("--aster-url", asterURL), ("--htx-url", htxURL),
         ("--htx-coin-url", htxCoinURL), ("--bitmex-url", bitmexURL), ("--deribit-url", deribitURL),
         ("--hyperliquid-url", hyperliquidURL)]
            .compactMap { option, url in url.map { (option, $0) } }
    }

    func chosenCoins() -> [String]? {
        coins.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: " ").uppercased() }.filter { !$0.isEmpty } }
    }

    func validate() throws {
        let chosen = try chosenVenues().venues
        if chosen.isEmpty { throw ValidationError("name at least one venue") }
        if connectedVenues(chosen).connected.isEmpty {
            // A CLIError: one line, exit 2, no usage text.
            throw CLIError(message: "--no-leverage leaves nothing to read: "
                           + chosen.map(\.rawValue).joined(separator: ", ")
                           + " publishes no liquidations, only funding, open interest and mark prices")
        }
        if let c = chosenCoins(), c.isEmpty { throw ValidationError("--coins needs at least one coin") }
        // A URL that can never work would be retried forever; say so once, and exit 2. A
        // CLIError (not a ValidationError) keeps it to one line, without the usage text.
        for (option, url) in givenURLs {
            if let problem = VenueConfig.urlProblem(url) { throw CLIError(message: "\(option) '\(url.prefix(80))' \(problem)") }
        }
        if let url = binanceRestURL, let problem = OpenInterestPoller.urlProblem(url) {
            throw CLIError(message: "--binance-rest-url '\(url.prefix(80))' \(problem)")
        }
    }

    func run() async throws {
        live.log.start("live")
        let setup = try Setup.load(live.settings)
        let (given, givenSources) = try InstrumentOption.read(live.instruments)
        let context = DecodeContext(now: WallClock.now(), instruments: given)
        // --venues and --coins beat the config's `venues` and `coins` (empty there: all).
        let coins = chosenCoins() ?? (setup.settings.coins.isEmpty ? nil : setup.settings.coins)
        let coinList = coins ?? VenueConfig.defaultCoins
        let leverageCoins = coins ?? VenueConfig.leverageCoins
        let (named, repeated) = venues == nil && !setup.settings.venues.isEmpty ? (setup.settings.venues, []) : try chosenVenues()
        let (chosen, skipped) = connectedVenues(named)
        if chosen.isEmpty {
            throw CLIError(message: "--no-leverage leaves nothing to read of the config's venues: " + named.map(\.rawValue).joined(separator: ", "))
        }
        // The venues' own instrument lists, now and every 6 h (cached; a venue pointed at
        // another URL — a testnet, a loopback test — is not priced by the production list).
        let instrumentFeed = InstrumentFeed(given)
        let overridden = Set(givenURLs.map { String($0.option.dropFirst(2).prefix { $0 != "-" }) })
        let environment = ProxyEnvironment.process()
        let fetcher = InstrumentFetcher(
            endpoints: InstrumentEndpoint.all.filter { e in chosen.contains { $0.rawValue == e.venue } && !overridden.contains(e.venue) },
            cache: InstrumentCacheFiles.directory(environment: environment).map(InstrumentCacheFiles.init),
            snapshot: InstrumentSnapshot.find(executablePath: InstrumentSnapshot.executablePath()), environment: environment)
        let (words, wordsContinuation) = AsyncStream.makeStream(of: [String: String].self)
        wordsContinuation.yield(givenSources)
        let refresh = Task {
            // A venue priced from --instruments says so, whatever its fetched list did.
            await InstrumentRefresh.run(feed: instrumentFeed, fetcher: fetcher, extra: given) { fetched in
                wordsContinuation.yield(fetched.filter { givenSources[$0.key] == nil })
            }
        }
        defer { refresh.cancel() }
        for venue in repeated { Terminal.standardError("liqtop: venue \(venue.rawValue) named twice; connecting once") }
        for venue in skipped {
            Terminal.standardError("liqtop: venue \(venue.rawValue) publishes no liquidations; not connected with --no-leverage")
        }
        var sources: [any FeedSource] = chosen.flatMap { venue in
            let configs: [VenueConfig]
            switch venue {
            case .binance: configs = [.binance(url: binanceURL)]
            case .bybit: configs = [.bybit(url: bybitURL, coins: coinList)]
            case .okx: configs = [.okx(url: okxURL)]
            case .htx: configs = [.htx(url: htxURL), .htxCoinMargined(url: htxCoinURL)]
            case .bitmex: configs = [.bitmex(url: bitmexURL)]
            case .deribit: configs = [.deribit(url: deribitURL)]
            case .bitget: configs = [.bitget(url: bitgetURL)]
            case .gate: configs = [.gate(url: gateURL)]
            case .aster: configs = [.aster(url: asterURL)]
            case .hyperliquid: configs = [.hyperliquid(url: hyperliquidURL)] // not reached with --no-leverage
            }
            return configs.map { config in
                var config = config
                config.leverage = !noLeverage
                config.leverageCoins = leverageCoins
                var source = VenueSource(config: config, context: context, keepRaw: live.recordRaw)
                source.instruments = instrumentFeed
                return source
            }
        }
        if !noLeverage, chosen.contains(.binance), let base = OpenInterestPoller.baseURL(streamURL: binanceURL, restURL: binanceRestURL) {
            var poller = OpenInterestPoller(baseURL: base, symbols: PollSymbols(coins: leverageCoins), context: context,
                                            keepRaw: live.recordRaw, environment: environment)
            poller.instruments = instrumentFeed
            sources.append(poller)
        }
        sources += live.watchedSources(context: context)
        var options = live.runnerOptions(source: "live " + chosen.map(\.rawValue).joined(separator: ","), setup: setup)
        options.coins = coins.map(Set.init)
        options.instrumentSources = words
        if sources.contains(where: { $0 is OpenInterestPoller }), let note = VenueProtocol.leverageCaveat(.binance) {
            options.leverageNotes[Venue.binance.rawValue] = note
        }
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
