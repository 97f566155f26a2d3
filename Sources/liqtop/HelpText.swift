import ArgumentParser

/// What `liqtop --help` adds to ArgumentParser's list of subcommands: the default `replay`'s
/// arguments and options (a bare `liqtop` is `liqtop replay`), an example per subcommand and the
/// exit statuses. The examples and statuses are the root command's discussion, so the man page
/// generated from the command tree has them too.
enum HelpText {
    /// Hand-wrapped under 72 columns (ArgumentParser keeps a shorter line as it is; the man page
    /// indents it by 5) and ASCII (the man page generator drops the rest). No empty line: mdoc
    /// warns about one (a line of spaces too) whenever the page is shown.
    static let discussion = """
        EXAMPLES:
          The demo day (2026-01-14) from 20:00 UTC at 60x:
            liqtop
          A recorded day from 21:00 at 300x, in the light theme:
            liqtop replay day.ndjson --from 21:00 --speed 300 --theme light
          The figures the dashboard shows at 23:00, as JSON:
            liqtop summary --json --at 2026-01-14T23:00:00Z day.ndjson
          BTC's liquidations of the last hour as native NDJSON:
            liqtop export --coins BTC --types liquidation \\
              --from 2026-01-14T23:00Z day.ndjson
          The 2025-10-10 crash beside the demo day's squeeze:
            liqtop compare 2025-10-10 2026-01-14
          Months of recordings, day by day (c compares two days):
            liqtop history ~/liq
          Follow a feed on stdin, writing normalized NDJSON:
            websocat wss://fstream.binance.com/ws/!forceOrder@arr \\
              | liqtop tail - --print
          Live from two venues, recording one file per UTC day:
            liqtop live --venues binance,bybit --record ~/liq
          Alerts on orders of $5M or more in the demo day, as NDJSON:
            liqtop alerts --alert 'order >= 5M'
          The colour themes liqtop finds, and where:
            liqtop themes
          A commented config file to edit, and a check of it:
            liqtop config --default > ~/.config/liqtop/config.toml
            liqtop config --check
          Completions for bash (also zsh, fish):
            liqtop --generate-completion-script bash
        EXIT STATUS:
          0      done: q in the dashboard, the end of the input, --frames
                 reached, --help, --version
          2      a usage error (unknown subcommand or option, a bad value),
                 input that cannot be read or in which no event was
                 recognized, no terminal for the dashboard, a recording
                 that lost events
          128+N  ended by signal N (129 SIGHUP, 130 SIGINT, 143 SIGTERM),
                 after the terminal is restored and the recording flushed
        """

    /// `liqtop --help` from ArgumentParser's root help: its overview, usage, options and
    /// subcommands, then the default subcommand's arguments and options, then the examples and
    /// statuses (the discussion, which ArgumentParser puts above the usage).
    static func root(generated: String, replay: String) -> String {
        var head = generated
        var discussionBlock = ""
        // OVERVIEW: abstract\n\n<discussion>\n\nUSAGE: …
        if let usage = generated.range(of: "\nUSAGE:"), let firstBreak = generated.range(of: "\n\n"), firstBreak.lowerBound < usage.lowerBound {
            discussionBlock = String(generated[firstBreak.upperBound ..< usage.lowerBound]).trimmingTrailingNewlines()
            head = String(generated[..<firstBreak.lowerBound]) + "\n" + String(generated[usage.lowerBound...])
        }
        // Replay's usage, arguments and options (its overview is the subcommand list's line).
        let replayPart = replay.range(of: "USAGE:").map { String(replay[$0.lowerBound...]) } ?? replay
        return head.trimmingTrailingNewlines() + "\n\n"
            + "DEFAULT SUBCOMMAND: liqtop [replay] [<files> ...] [options]\n\n"
            + replayPart.trimmingTrailingNewlines() + "\n\n"
            + discussionBlock + "\n"
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var s = Substring(self)
        while s.last == "\n" { s = s.dropLast() }
        return String(s)
    }
}
