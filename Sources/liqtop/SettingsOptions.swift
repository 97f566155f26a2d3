import ArgumentParser
import LiqtopConfig
import LiqtopTUI

/// `--config`, `--preset` and `--tz`: on every command that reads the config.
struct SettingsOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The config file (default: $LIQTOP_CONFIG, else $XDG_CONFIG_HOME/liqtop/config.toml); `liqtop config --default` prints one.", valueName: "PATH"),
            completion: .file(extensions: ["toml"]))
    var config: String?

    @Option(help: ArgumentHelp("Layout preset: full, liquidations, flows, compact or one of the config's [presets.NAME] (p cycles).", valueName: "NAME"),
            completion: CompletionValues.preset)
    var preset: String?

    @Option(name: .customLong("tz"), help: ArgumentHelp("Time zone of the clock and times shown: UTC, local or Area/City (ETF days stay US trading days).", valueName: "ZONE"))
    var timeZone: String?

    /// A zone that does not exist is a usage error before anything starts (a terminal or not).
    func validate() throws {
        if let tz = timeZone, let why = ZoneResolver.problem(tz) { throw ValidationError("--tz: " + why) }
    }
}
