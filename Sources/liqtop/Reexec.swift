#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LiqtopTUI

/// Replaces this process with another liqtop subcommand (history's Enter: `replay` of the day;
/// the dashboard's `h`: `history` of its files). The terminal is already given back; the new
/// process takes it as a fresh start. Returns only on failure, with the error.
enum Reexec {
    static func liqtop(_ arguments: [String]) -> CLIError {
        guard let exe = ThemeLoader.executablePath() else { return CLIError(message: "cannot find the liqtop executable") }
        var argv: [UnsafeMutablePointer<CChar>?] = (["liqtop"] + arguments).map { strdup($0) } + [nil]
        execv(exe, &argv)
        return CLIError(message: "cannot start liqtop \(arguments.first ?? ""): \(String(cString: strerror(errno)))")
    }

    /// The options a view passes on to the next: theme, mouse, instrument lists.
    static func common(theme: String?, noMouse: Bool, instruments: [String]) -> [String] {
        (theme.map { ["--theme", $0] } ?? []) + (noMouse ? ["--no-mouse"] : []) + instruments.flatMap { ["--instruments", $0] }
    }
}
