#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import LiqtopFeeds
import LiqtopTUI
import Logging

/// `--log-level` on `replay`, `tail` and `live`: the log goes to a file
/// (`$XDG_STATE_HOME/liqtop/liqtop.log`), never to the terminal the dashboard draws on.
struct LogOptions: ParsableArguments {
    @Option(help: ArgumentHelp("What goes to the log file ($XDG_STATE_HOME/liqtop/liqtop.log, else ~/.local/state/liqtop/liqtop.log): this level and above.",
                               valueName: "LEVEL"))
    var logLevel: Logger.Level = .info

    /// Opens the log for `command`'s session. A log that cannot be opened is said once on stderr
    /// (before any dashboard) and the session runs without one.
    func start(_ command: String) {
        guard let path = LogFile.defaultPath(environment: ThemeLoader.processEnvironment(["XDG_STATE_HOME", "HOME"])) else { return }
        switch LogFile.open(path) {
        case .success(let file):
            LiqtopLog.start(file, level: logLevel)
            LiqtopLog.logger("liqtop").info("\(LiqtopVersion.text) \(command) started, pid \(getpid())")
        case .failure(let error):
            Terminal.standardError("liqtop: \(error); running without a log")
        }
    }
}

// The levels by their swift-log names (trace … critical), completed from `allCases`.
extension Logger.Level: @retroactive ExpressibleByArgument {}
