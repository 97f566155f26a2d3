import ArgumentParser
import LiqtopConfig
import LiqtopCore
import LiqtopTUI

/// `liqtop config --default` / `liqtop config --check [--config PATH]`.
struct ConfigCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the commented default config, or check a config file.",
        discussion: "liqtop never writes the config file: `liqtop config --default > ~/.config/liqtop/config.toml` makes one to edit."
    )

    @Flag(name: .customLong("default"), help: "Print the default config file, every setting commented.")
    var printDefault = false

    @Flag(help: "Check the config file: exit 0 when it is good, else exit 2 with every problem as FILE:LINE: message.")
    var check = false

    @Option(help: ArgumentHelp("The config file to check (default: $LIQTOP_CONFIG, else $XDG_CONFIG_HOME/liqtop/config.toml).", valueName: "PATH"))
    var config: String?

    func validate() throws {
        if printDefault == check { throw ValidationError("give --default or --check") }
    }

    func run() throws {
        if printDefault { return Terminal.standardOutput(DefaultConfig.text) }
        let paths = ConfigPaths(flag: config, environment: ThemeLoader.processEnvironment(["LIQTOP_CONFIG", "XDG_CONFIG_HOME", "HOME"]))
        let file = ConfigFile.load(paths, checkRule: AlertRules.problem)
        var problems = file.problems
        // What only the running program can tell: the theme and the zone exist here.
        let themes = ThemeLoader(searchDirectories: ThemeLoader.bundledDirectories(executablePath: ThemeLoader.executablePath()),
                                 environment: ThemeLoader.processEnvironment())
        if let theme = file.settings.theme, themes.find(theme) == nil {
            problems.append(ConfigProblem(line: file.line("theme"), message: "theme: no theme '\(SafeText.short(theme))' (`liqtop themes` lists them)"))
        }
        if let why = ZoneResolver.problem(file.settings.timeZone) {
            problems.append(ConfigProblem(line: file.line("timezone"), message: "timezone: \(why)"))
        }
        let name = file.path ?? paths.config ?? "config"
        for p in problems.sorted(by: { $0.line < $1.line }) { Terminal.standardError(p.located(in: name)) }
        if problems.contains(where: \.isError) { throw ExitCode(2) }
        Terminal.standardOutput(file.path == nil ? "no config file (\(name)): the defaults apply\n" : "\(name): ok\n")
    }
}
