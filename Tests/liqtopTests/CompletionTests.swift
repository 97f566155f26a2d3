import Foundation
import Testing
@testable import liqtop
import LiqtopTestSupport

/// `liqtop --generate-completion-script bash|zsh|fish`: each exits 0, is valid in its shell, and
/// completes theme names, speeds, venues and log levels; bash is driven end to end (its
/// completion function run as on TAB, calling back into the binary for the themes).
@Suite struct CompletionTests {
    static let shells = ["bash", "zsh", "fish"]

    func script(_ shell: String) async throws -> String {
        let r = try await LiqtopBinary.run(["--generate-completion-script", shell])
        #expect(r.status == 0 && r.stderr.isEmpty, "\(shell): \(r.status) \(r.stderr)")
        return r.stdout
    }

    @Test(arguments: shells) func theScriptExitsZeroAndNamesEveryValue(_ shell: String) async throws {
        let s = try await script(shell)
        // Themes and venues are asked of the binary at TAB time; speeds and levels are written in.
        #expect(s.contains("---completion replay -- --theme"), "\(shell)")
        #expect(s.contains("---completion tail -- --theme") && s.contains("---completion live -- --theme"), "\(shell)")
        #expect(s.contains("---completion live -- --venues"), "\(shell)")
        for speed in CompletionValues.speeds { #expect(s.contains(speed), "\(shell): speed \(speed)") }
        for level in ["trace", "debug", "info", "notice", "warning", "error", "critical"] { #expect(s.contains(level), "\(shell): \(level)") }
        for sub in ["replay", "summary", "tail", "live", "themes"] { #expect(s.contains(sub)) }
        #expect(!s.unicodeScalars.contains { $0.value == 0x1B })
    }

    /// Each shell parses its script without running it (`.ci/run` installs zsh and fish).
    @Test(arguments: shells) func theScriptIsValidInItsShell(_ shell: String) async throws {
        let s = try await script(shell)
        let file = try LiqtopBinary.temporaryFile("liqtop-completion-\(UUID().uuidString).\(shell)", s)
        defer { try? FileManager.default.removeItem(at: file) }
        let program = try #require(LiqtopProcess.which(shell), "\(shell) is not installed (.ci/run installs it)")
        let r = try await LiqtopProcess.run(program, shell == "fish" ? ["--no-execute", file.path] : ["-n", file.path])
        #expect(r.status == 0 && r.stderr.isEmpty, "\(shell): \(r.stderr)")
    }

    /// The callback the scripts make for `--theme`, `--venues` and presets answers from the binary.
    @Test func theCallbacksAnswerWithThemesVenuesAndPresets() async throws {
        let themes = try await LiqtopBinary.run(["---completion", "replay", "--", "--theme", "2", "0", "liqtop", "replay", "--theme", ""])
        #expect(themes.status == 0)
        let names = themes.stdout.split(separator: "\n").map(String.init)
        for bundled in ["colorblind", "default", "high-contrast", "light", "mono-amber"] { #expect(names.contains(bundled), "\(names)") }
        let venues = try await LiqtopBinary.run(["---completion", "live", "--", "--venues", "3", "9", "liqtop", "live", "--venues", "binance,b"])
        #expect(venues.status == 0)
        #expect(venues.stdout.split(separator: "\n") == ["binance,bybit", "binance,okx", "binance,bitget", "binance,gate", "binance,aster",
                                                          "binance,htx", "binance,bitmex", "binance,deribit", "binance,hyperliquid"], "\(venues.stdout)")
        #expect(CompletionValues.venueWords("") .count == 10)
        #expect(CompletionValues.venueWords("okx,bybit,").allSatisfy { $0.hasPrefix("okx,bybit,") } && CompletionValues.venueWords("okx,bybit,").count == 8)
        #expect(CompletionValues.presetNames() == ["full", "liquidations", "flows", "compact"])
    }

    /// bash end to end: the completion function, as bash runs it on TAB, offers what the line needs,
    /// after `liqtop replay` and after a bare `liqtop` alike.
    @Test func bashCompletesThemesSpeedsVenuesAndSubcommands() async throws {
        let s = try await script("bash")
        let file = try LiqtopBinary.temporaryFile("liqtop-completion-\(UUID().uuidString).bash", s)
        defer { try? FileManager.default.removeItem(at: file) }
        let driver = """
            source '\(file.path)'
            complete_line() {
              COMP_LINE="$1"; COMP_POINT=${#COMP_LINE}
              read -ra COMP_WORDS <<< "$COMP_LINE"
              [[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")
              COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
              COMPREPLY=()
              local f; f=$(complete -p liqtop); f=${f#*-F }; f=${f%% *}   # the function registered for liqtop
              "$f" liqtop "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
              echo "${COMPREPLY[*]}"
            }
            complete_line 'liqtop replay --theme '
            complete_line 'liqtop replay --theme hi'
            complete_line 'liqtop replay --speed '
            complete_line 'liqtop live --venues binance,by'
            complete_line 'liqtop tail --log-level w'
            complete_line 'liqtop su'
            complete_line 'liqtop --theme '
            complete_line 'liqtop --th'
            complete_line 'liqtop day.ndjson --sp'
            complete_line 'liqtop --speed 3'
            complete_line 'liqtop summary --j'
            """
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = LiqtopBinary.url.deletingLastPathComponent().path + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        // Themes of the user's own would be offered too: none here.
        env["XDG_CONFIG_HOME"] = FileManager.default.temporaryDirectory.appendingPathComponent("liqtop-no-config-\(UUID().uuidString)").path
        let bash = try #require(LiqtopProcess.which("bash"))
        let r = try await LiqtopProcess.run(bash, ["--norc", "-c", driver], environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.split(separator: "\n", omittingEmptySubsequences: false).prefix(11) == [
            "colorblind default high-contrast light mono-amber",
            "high-contrast",
            "1 10 60 300 900 3600 max",
            "binance,bybit",
            "warning",
            "summary",
            // A bare `liqtop` is `liqtop replay`: its options and their values complete there too.
            "colorblind default high-contrast light mono-amber",
            "--theme",
            "--speed",
            "300 3600",
            "--json",
        ], "\(r.stdout)\n\(r.stderr)")
    }
}
