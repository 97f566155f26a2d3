import ArgumentParser
import LiqtopCore

/// ArgumentParser's parse errors as one line in liqtop's words: `unknown option '--jsn' (did you
/// mean '--json'?)`, and a first word that looks like a mistyped subcommand named as that
/// (`liqtop sumary --json` reaches `replay`, which knows no `--json`: the subcommand is the mistake).
enum ParseErrorText {
    static func line(for error: any Error, arguments: [String]) -> String {
        if let first = arguments.first, !first.hasPrefix("-"), !FileChecks.commands.contains(first), first != "help",
           let suggestion = FileChecks.suggestion(forMissing: first) {
            return suggestion
        }
        // One line, like every other error: the message, then where the usage is.
        var message = Liqtop.message(for: error).split(separator: "\n").map(String.init).joined(separator: " ")
        if message.hasPrefix("Error: ") { message.removeFirst(7) }
        let line = reworded(message)
        return line.hasSuffix("?)") ? line : line + " (see 'liqtop --help')" // a suggestion is help enough
    }

    /// `Unknown option '--jsn'. Did you mean '--json'?` → `unknown option '--jsn' (did you mean '--json'?)`.
    static func reworded(_ message: String) -> String {
        let prefix = "Unknown option '", hint = "'. Did you mean '"
        guard message.hasPrefix(prefix) else { return message }
        guard let h = message.range(of: hint), message.hasSuffix("'?") else {
            return "u" + message.dropFirst()
        }
        let option = message[message.index(message.startIndex, offsetBy: prefix.count) ..< h.lowerBound]
        let suggestion = message[h.upperBound ..< message.index(message.endIndex, offsetBy: -2)]
        return "unknown option '\(option)' (did you mean '\(suggestion)'?)"
    }
}
