#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import LiqtopFeeds
import LiqtopTUI
import Logging

struct Liqtop: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "liqtop",
        abstract: "Liquidations and ETF flows, side by side, in the terminal.",
        discussion: HelpText.discussion,
        version: LiqtopVersion.text,
        subcommands: [ReplayCLI.self, Summary.self, ExportCLI.self, HistoryCLI.self, CompareCLI.self, AlertsCLI.self, TailCLI.self, LiveCLI.self, ThemesCLI.self, ConfigCLI.self],
        defaultSubcommand: ReplayCLI.self
    )
}

/// Runs the command line; every failure is one line on stderr and exit status 2
/// (ArgumentParser's own codes would be 1 or 64).
@main
enum Main {
    static func main() async {
        // Every swift-log Logger in the process writes to the log file, once a subcommand opens
        // it (`LogOptions.start`); none writes to the terminal.
        LoggingSystem.bootstrap { FileLogHandler(label: $0) }
        do {
            var command = try Liqtop.parseAsRoot()
            if var async = command as? AsyncParsableCommand { try await async.run() } else { try command.run() }
            end(0)
        } catch let error as ExitCode {
            end(error.rawValue)
        } catch let error as ScreenError {
            fail("\(error)")
        } catch let error as CLIError {
            fail(error.message)
        } catch {
            if Liqtop.exitCode(for: error) == .success {
                Terminal.standardOutput(successText(for: error) + "\n") // --help, --version, completions
                exit(0)
            }
            fail(ParseErrorText.line(for: error, arguments: Array(CommandLine.arguments.dropFirst())))
        }
    }

    /// What a "successful error" prints: the root help gains the default subcommand's options,
    /// the examples and the exit statuses; `--version` gains the commit.
    static func successText(for error: any Error) -> String {
        let text = Liqtop.fullMessage(for: error)
        if text == LiqtopVersion.text { return LiqtopVersion.full(executablePath: ThemeLoader.executablePath()) }
        if text == Liqtop.helpMessage() {
            return HelpText.root(generated: text, replay: Liqtop.helpMessage(for: ReplayCLI.self))
        }
        return CompletionScripts.adjusted(text) // a completion script gains its `liqtop` = `liqtop replay` front; other text is unchanged
    }

    static func fail(_ message: String) -> Never {
        Terminal.standardError("liqtop: \(message)")
        if LiqtopLog.path != nil { LiqtopLog.logger("liqtop").error("\(message)") } // a session that ended in an error says which
        end(2)
    }

    static func end(_ status: Int32) -> Never {
        if LiqtopLog.path != nil { LiqtopLog.logger("liqtop").info("exit status \(status)") }
        exit(status)
    }
}
