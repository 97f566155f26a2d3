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
        guard let (option, theirs) = unknownOption(message) else { return message + " (see 'liqtop --help')" }
        // ArgumentParser suggests within 3 edits (`--from` for `--json`): two is a typo, three another word.
        let near = theirs.flatMap { FileChecks.distance(option, $0) <= 2 ? $0 : nil }
        // A bare `liqtop --json` is replay's, which has none: the subcommand that has it (or one near it).
        let bare = !arguments.contains(where: { FileChecks.commands.contains($0) || $0 == "help" })
        let other = bare && option.hasPrefix("--") ? otherSubcommandsOption(near: option) : nil
        let pick = other.flatMap { $0.distance == 0 ? $0.words : nil } ?? near ?? other?.words
        return "unknown option '\(option)'" + (pick.map { " (did you mean '\($0)'?)" } ?? " (see 'liqtop --help')")
    }

    /// `("--jsn", "--json")` of `Unknown option '--jsn'. Did you mean '--json'?`; the suggestion nil without one.
    static func unknownOption(_ message: String) -> (option: String, suggestion: String?)? {
        let prefix = "Unknown option '", hint = "'. Did you mean '"
        guard message.hasPrefix(prefix) else { return nil }
        let rest = message.dropFirst(prefix.count)
        if let h = rest.range(of: hint), rest.hasSuffix("'?") {
            return (String(rest[..<h.lowerBound]), String(rest[h.upperBound...].dropLast(2)))
        }
        guard rest.hasSuffix("'"), !rest.dropLast().contains("'") else { return nil }
        return (String(rest.dropLast()), nil)
    }

    /// `liqtop summary --json` for `--json` or `--jsn`: the closest long option (two edits at
    /// most) of a subcommand other than the default, as its help lists them (the usage line
    /// shortens to `[<options>]`); the first subcommand's when two are as close.
    static func otherSubcommandsOption(near option: String) -> (words: String, distance: Int)? {
        var best: (words: String, distance: Int)?
        for sub in Liqtop.configuration.subcommands where sub != ReplayCLI.self {
            // Option rows: `  --json   Print JSON…` or `  -h, --help   Show…`.
            let names = Liqtop.helpMessage(for: sub, columns: 200).split(separator: "\n").compactMap { row -> String? in
                var r = row.drop { $0 == " " }
                if r.count > 4, r.first == "-", r.dropFirst().first != "-", r.dropFirst(2).hasPrefix(", ") { r = r.dropFirst(4) }
                guard r.hasPrefix("--") else { return nil }
                return String(r.prefix { $0 != " " && $0 != "," })
            }
            for name in names {
                let d = FileChecks.distance(option, name)
                if d <= 2, d < best?.distance ?? .max { best = ("liqtop \(sub._commandName) \(name)", d) }
            }
        }
        return best
    }
}
