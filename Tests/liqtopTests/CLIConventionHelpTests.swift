import Foundation
import Testing
import LiqtopTestSupport

/// `liqtop --help` (and `-h`, `liqtop help`) shows what a bare `liqtop` takes — the default
/// `replay`'s options —, an example per subcommand and the exit statuses; mistyped options and
/// subcommands get one line with "did you mean", exit 2; `--version` names the commit.
@Suite struct CLIConventionHelpTests {
    @Test func rootHelpShowsReplaysOptionsExamplesAndExitStatuses() async throws {
        let r = try await LiqtopBinary.run(["--help"])
        #expect(r.status == 0 && r.stderr.isEmpty)
        let help = r.stdout
        for option in ["--theme <NAME|PATH>", "--speed <N|max>", "--from <TIME>", "--paused", "--no-mouse", "--frames <N>",
                       "--instruments <FILE>", "--log-level <LEVEL>"] {
            #expect(help.contains("\n  \(option)"), "\(option) missing from:\n\(help)")
        }
        #expect(help.contains("DEFAULT SUBCOMMAND: liqtop [replay]"))
        // An example of each subcommand the binary has (a new one needs its own), as a command line.
        let commandLines = help.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let dump = try await LiqtopBinary.run(["--experimental-dump-help"])
        let tree = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        let subs = ((tree["command"] as? [String: Any])?["subcommands"] as? [[String: Any]] ?? []).compactMap { $0["commandName"] as? String }
        #expect(subs.count >= 5)
        for sub in subs where sub != "help" {
            #expect(commandLines.contains { $0.hasPrefix("liqtop \(sub)") || $0.hasPrefix("| liqtop \(sub) ") }, "no example of \(sub)")
        }
        #expect(commandLines.contains("liqtop"))
        // The statuses Main and the subcommands really end with.
        #expect(help.contains("EXIT STATUS:"))
        for status in ["0      done", "2      a usage error", "128+N  ended by signal N"] {
            #expect(help.contains("\n  \(status)"), "\(status)")
        }
        // The order: subcommands first, then replay's options, then examples and statuses.
        let order = ["SUBCOMMANDS:", "DEFAULT SUBCOMMAND:", "EXAMPLES:", "EXIT STATUS:"].map { help.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order.map { $0! } == order.map { $0! }.sorted())
        #expect(!help.contains("\u{1B}"))
    }

    @Test func theThreeSpellingsOfHelpAgree() async throws {
        let long = try await LiqtopBinary.run(["--help"]).stdout
        let short = try await LiqtopBinary.run(["-h"])
        let word = try await LiqtopBinary.run(["help"])
        #expect(short.status == 0 && word.status == 0)
        #expect(short.stdout == long && word.stdout == long)
        // A subcommand's own help stays ArgumentParser's.
        let summary = try await LiqtopBinary.run(["help", "summary"])
        #expect(summary.status == 0 && summary.stdout.contains("--json") && !summary.stdout.contains("DEFAULT SUBCOMMAND"))
    }

    /// The exit statuses the help names are the ones the binary gives.
    @Test func theDocumentedStatusesAreTheRealOnes() async throws {
        #expect(try await LiqtopBinary.run(["--version"]).status == 0)
        #expect(try await LiqtopBinary.run(["summary", "--at", "nonsense"]).status == 2)
        #expect(try await LiqtopBinary.run(["summary", "/etc/passwd"]).status == 2)
        #expect(try await LiqtopBinary.run(["--frames", "1"]).status == 2) // no terminal for the dashboard
        // A signal: `tail --print` on an open stdin runs until SIGTERM, then ends 128 + 15.
        let (p, out, err) = try LiqtopBinary.start(["tail", "--print", "/nonexistent-yet-\(UUID().uuidString).ndjson"])
        try await Task.sleep(for: .milliseconds(500))
        p.terminate()
        _ = await LiqtopBinary.finish(p, out: out, err: err)
        #expect(p.terminationStatus == 143)
    }

    @Test func aMistypedOptionGetsDidYouMean() async throws {
        let r = try await LiqtopBinary.run(["summary", "--jsn"])
        #expect(r.status == 2 && r.stdout.isEmpty)
        #expect(r.stderr == "liqtop: unknown option '--jsn' (did you mean '--json'?)\n", "\(r.stderr)")
        let live = try await LiqtopBinary.run(["live", "--venue", "binance"])
        #expect(live.status == 2 && live.stderr == "liqtop: unknown option '--venue' (did you mean '--venues'?)\n", "\(live.stderr)")
        // The default subcommand's options are suggested for a bare `liqtop`.
        let bare = try await LiqtopBinary.run(["--them", "light"])
        #expect(bare.status == 2 && bare.stderr == "liqtop: unknown option '--them' (did you mean '--theme'?)\n", "\(bare.stderr)")
        // A bare `liqtop` runs replay, which has no --json: the subcommand that has it (not
        // ArgumentParser's three-edit guess, `--from`).
        for (args, meant) in [(["--json"], "liqtop summary --json"), (["--venues", "binance"], "liqtop live --venues"),
                              (["--at", "2026-01-14"], "liqtop summary --at")] {
            let r = try await LiqtopBinary.run(args)
            #expect(r.status == 2 && r.stderr == "liqtop: unknown option '\(args[0])' (did you mean '\(meant)'?)\n", "\(args): \(r.stderr)")
        }
        // Nothing near: no suggestion, the pointer to the help instead.
        let far = try await LiqtopBinary.run(["summary", "--zzzzzzzz"])
        #expect(far.status == 2 && far.stderr == "liqtop: unknown option '--zzzzzzzz' (see 'liqtop --help')\n", "\(far.stderr)")
    }

    @Test func aMistypedSubcommandWithOptionsGetsDidYouMean() async throws {
        // `sumary` reaches replay as a FILE; replay knows no --json: the subcommand is the mistake.
        for args in [["sumary", "--json"], ["sumary", "--at", "2026-01-14"], ["sumary"], ["tial", "-", "--print"]] {
            let r = try await LiqtopBinary.run(args)
            let meant = args[0] == "tial" ? "tail" : "summary"
            #expect(r.status == 2 && r.stderr == "liqtop: no file '\(args[0])' (did you mean 'liqtop \(meant)'?)\n", "\(args): \(r.stderr)")
        }
    }

    @Test func versionNamesTheCommitOfACheckout() async throws {
        let r = try await LiqtopBinary.run(["--version"])
        #expect(r.status == 0 && r.stdout.hasPrefix("liqtop 1."))
        // The binary under test sits in this checkout's .build: the commit is the checkout's.
        guard let git = LiqtopProcess.which("git") else { return } // no git: the version alone, as said
        let head = try await LiqtopProcess.run(git, ["-C", LiqtopProcess.packageRoot, "rev-parse", "--short=12", "HEAD"])
        guard head.status == 0 else { return }
        let commit = head.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(r.stdout.contains("(commit \(commit)"), "\(r.stdout) vs \(commit)")
        #expect(r.stdout.split(separator: "\n").count == 1)
    }
}
