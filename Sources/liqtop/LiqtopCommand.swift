#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import LiqtopTUI

struct Liqtop: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "liqtop",
        abstract: "Liquidations and ETF flows, side by side, in the terminal.",
        version: LiqtopVersion.text,
        subcommands: [ReplayCLI.self, Summary.self, AlertsCLI.self, TailCLI.self, LiveCLI.self, ThemesCLI.self, ConfigCLI.self],
        defaultSubcommand: ReplayCLI.self
    )
}

/// Runs the command line; every failure is one line on stderr and exit status 2
/// (ArgumentParser's own codes would be 1 or 64).
@main
enum Main {
    static func main() async {
        do {
            var command = try Liqtop.parseAsRoot()
            if var async = command as? AsyncParsableCommand { try await async.run() } else { try command.run() }
        } catch let error as ExitCode {
            exit(error.rawValue)
        } catch let error as ScreenError {
            Terminal.standardError("liqtop: \(error)")
            exit(2)
        } catch let error as CLIError {
            Terminal.standardError("liqtop: \(error.message)")
            exit(2)
        } catch {
            if Liqtop.exitCode(for: error) == .success {
                Terminal.standardOutput(Liqtop.fullMessage(for: error) + "\n") // --help
                exit(0)
            }
            // One line, like every other error: the message, then where the usage is.
            let message = Liqtop.message(for: error).split(separator: "\n").map(String.init).joined(separator: " ")
            Terminal.standardError("liqtop: \(message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message) (see 'liqtop --help')")
            exit(2)
        }
    }
}
