import LiqtopConfig
import LiqtopCore
import LiqtopTUI
import Testing

@Suite struct ConfigReaderTests {
    @Test func theCommentedDefaultReadsBackAsTheDefaults() {
        let (settings, problems) = ConfigReader.read(DefaultConfig.text)
        #expect(problems.isEmpty, "\(problems)")
        #expect(settings == Settings())
        // Not vacuous: the default file writes the values, it does not only comment on them.
        #expect(DefaultConfig.text.contains("\nwindow = \"24h\"\n"))
        #expect(DefaultConfig.text.contains("\nall = [\"50k\", \"100k\", \"1M\", \"10M\"]\n"))
        #expect(DefaultConfig.text.contains("\nrule = \"order >= 1M\"\n"))
    }

    @Test func everySettingIsRead() {
        let text = """
        theme = "amber"
        window = "4h"
        preset = "mine"
        mouse = false
        timezone = "America/New_York"
        record_dir = "/tmp/rec"
        venues = ["binance", "OKX"]
        coins = ["btc", "eth"]
        tape_minimum = "250k"
        alert_repeat = "2m"
        mute_for = "1h"
        [tiers]
        all = [25000, "75k", "1.5M"]
        btc = ["100k", "1M", "10M", "50M"]
        [[alerts]]
        rule = "order >= 5M"
        bell = true
        command = ["notify-send", "liqtop"]
        [[alerts]]
        rule = "etf-flip"
        [keys]
        toggle_pause = "p"
        cycle_window = ["W", "F5"]
        [presets.mine]
        panels = ["liquidations", "leverage"]
        """
        let (s, problems) = ConfigReader.read(text)
        #expect(problems.isEmpty, "\(problems)")
        #expect(s.theme == "amber" && s.window == .h4 && s.preset == "mine" && !s.mouse)
        #expect(s.timeZone == "America/New_York" && s.recordDirectory == "/tmp/rec")
        #expect(s.venues == [.binance, .okx] && s.coins == ["BTC", "ETH"])
        #expect(s.tapeMinimum == USD(dollars: 250_000))
        #expect(s.alertRepeat == 2 * Duration.minute && s.muteFor == Duration.hour)
        #expect(s.tiers.all.thresholds == [USD(dollars: 25_000), USD(dollars: 75_000), USD(dollars: 1_500_000)])
        #expect(s.tiers.tiers(for: "BTC").thresholds.last == USD(dollars: 50_000_000))
        #expect(s.tiers.tiers(for: "ETH") == s.tiers.all)
        #expect(s.alerts == [AlertSetting(rule: "order >= 5M", command: ["notify-send", "liqtop"], bell: true), AlertSetting(rule: "etf-flip")])
        #expect(s.alerts.map(\.line) == [16, 20])
        #expect(s.keys[.togglePause] == [.char("p")] && s.keys[.cycleWindow] == [.char("W"), .function(5)])
        #expect(s.allPresets.map(\.name) == ["full", "liquidations", "flows", "compact", "mine"])
        #expect(s.allPresets.last?.panels == [.liquidations, .leverage])
    }

    @Test func unknownKeysWarnWithTheirLine() {
        let (s, problems) = ConfigReader.read("theme = \"amber\"\ncolour = \"red\"\n[presets.x]\npanels = [\"etf\"]\nsize = 3\n[[alerts]]\nrule = \"order >= 1M\"\nsound = true\n")
        #expect(s.theme == "amber")
        #expect(problems.allSatisfy { !$0.isError })
        #expect(problems.map(\.line) == [2, 5, 8])
        #expect(problems[0].description.hasPrefix("2: warning: unknown key 'colour'"))
        #expect(problems[2].message.contains("alerts[1].sound"))
    }

    @Test func badValuesAreErrorsWithLineAndWhatIsAllowed() {
        let text = """
        window = "2h"
        mouse = "yes"
        venues = ["binance", "kraken"]
        tape_minimum = "lots"
        [tiers]
        all = ["1M", "100k"]
        [[alerts]]
        bell = true
        [[alerts]]
        rule = "order > nothing"
        command = "notify-send liqtop"
        [keys]
        toggle_pause = "Ctrl-\\u001b"
        [presets.x]
        panels = ["charts"]
        """
        let (_, problems) = ConfigReader.read(text) { $0.contains("nothing") ? "an amount is like 1M" : nil }
        let byLine = Dictionary(grouping: problems, by: \.line)
        #expect(problems.allSatisfy { $0.isError }, "\(problems)")
        #expect(byLine[1]?.first?.message.contains("use 1h, 4h, 12h or 24h") == true)
        #expect(byLine[2]?.first?.message.contains("true or false") == true)
        #expect(byLine[3]?.first?.message.contains("'kraken' is not a venue") == true)
        #expect(byLine[4]?.first?.message.contains("\"250k\"") == true)
        #expect(byLine[6]?.first?.message.contains("each larger than the one before") == true)
        #expect(byLine[7]?.first?.message.contains("needs rule") == true)
        #expect(byLine[10]?.first?.message == "alerts[2].rule: an amount is like 1M")
        #expect(byLine[11]?.first?.message.contains("must be an array") == true)
        #expect(byLine[13]?.first?.message.contains("control character") == true)
        #expect(byLine[15]?.first?.message.contains("'charts' is not a panel") == true)
        #expect(problems.map { $0.located(in: "c.toml") }.allSatisfy { $0.hasPrefix("c.toml:") })
    }

    @Test func notTOMLIsOneErrorAtItsLine() {
        let (s, problems) = ConfigReader.read("theme = \"amber\"\nwindow = \n")
        #expect(s == Settings())
        #expect(problems.count == 1 && problems[0].line == 2 && problems[0].isError)
    }

    @Test func anEmptyAlertListTurnsTheDefaultAlertsOff() {
        #expect(ConfigReader.read("").settings.alerts.count == 2)
        #expect(ConfigReader.read("alerts = []").settings.alerts.isEmpty)
    }

    @Test func aKeyIsBoundOnce() {
        let (_, problems) = ConfigReader.read("[keys]\ntoggle_pause = \"p\"\nnext_theme = \"p\"\n")
        #expect(problems.count == 1 && problems[0].line == 3)
    }

    @Test func amountsAreExact() {
        #expect(USD.amount("1.5M") == USD(dollars: 1_500_000))
        #expect(USD.amount("$250k") == USD(dollars: 250_000))
        #expect(USD.amount("0.000001M") == USD(dollars: 1))
        #expect(USD.amount("50_000") == USD(dollars: 50_000))
        #expect(USD.amount("2b") == USD(dollars: 2_000_000_000))
        for bad in ["", "k", "-1M", "1e6", "1..2", ".5M", "1M5", "2000B", "１M"] { #expect(USD.amount(bad) == nil, "\(bad)") }
    }
}
