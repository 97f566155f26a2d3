import Foundation
import Testing
import LiqtopTestSupport

/// The zsh and fish scripts at work in the shells themselves: an interactive zsh (compinit) and
/// fish in tmux, TAB pressed, the candidates read off the screen. Theme names and venues come
/// from the binary's callback, speeds from the script. (bash: `CompletionTests`, without a terminal.)
@Suite(.serialized) struct CompletionShellTests {
    /// A home of its own: the shell's configuration, the completion script, no user themes.
    static func home() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("liqtop-shell-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func write(_ text: String, _ path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    static func script(_ shell: String) async throws -> String {
        let r = try await LiqtopBinary.run(["--generate-completion-script", shell])
        #expect(r.status == 0)
        return r.stdout
    }

    /// Clears the command line (`keys`) and waits for the bare prompt: text typed before the
    /// shell has redrawn would land on the old line (seen on a loaded machine). A C-c that lands
    /// while a completion callback still runs only interrupts it (zsh: "Killed by signal in
    /// __liqtop_custom_complete") and leaves no prompt: the keys are sent again then.
    static func fresh(_ t: TmuxSession, _ keys: [String], prompt: String) async throws {
        func bare(_ screen: String) -> Bool {
            screen.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }?
                .trimmingCharacters(in: .whitespaces) == prompt
        }
        for _ in 0 ..< 10 {
            for k in keys { try t.send(k) }
            let deadline = ContinuousClock.now + .seconds(2)
            while ContinuousClock.now < deadline {
                if bare(t.capture()) { return }
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        try await t.wait(until: "a bare \(prompt) line", timeout: .seconds(1), bare)
    }

    static var path: String { LiqtopBinary.url.deletingLastPathComponent().path + ":/usr/bin:/bin" }

    @Test(.timeLimit(.minutes(1))) func zshCompletesThemesSpeedsAndVenues() async throws {
        let zsh = try #require(LiqtopProcess.which("zsh"), "zsh is not installed (.ci/run installs it)")
        let home = try Self.home()
        defer { try? FileManager.default.removeItem(atPath: home) }
        try Self.write(try await Self.script("zsh"), home + "/functions/_liqtop")
        try Self.write("fpath=(\(home)/functions $fpath)\nautoload -U compinit\ncompinit -u\nPS1='zsh> '\n", home + "/.zshrc")
        let t = try TmuxSession(width: 150, height: 30, argv: ["/usr/bin/env", "HOME=\(home)", "ZDOTDIR=\(home)",
                                                              "XDG_CONFIG_HOME=\(home)/.config", "PATH=\(Self.path)", zsh])
        defer { t.kill() }
        try await t.waitFor("zsh>") // the capture drops trailing blanks
        try t.sendLiteral("liqtop replay --theme hi")
        try t.send("Tab")
        try await t.waitFor("zsh> liqtop replay --theme high-contrast")
        try await Self.fresh(t, ["C-u"], prompt: "zsh>")
        try t.sendLiteral("liqtop replay --theme ")
        try t.send("Tab", "Tab") // the first lists nothing yet, the second the choices
        try await t.waitFor("colorblind", "default", "high-contrast", "light", "mono-amber")
        try await Self.fresh(t, ["C-c"], prompt: "zsh>")
        try t.sendLiteral("liqtop replay --speed 3")
        try t.send("Tab")
        try await t.wait(until: "the speeds starting with 3") { $0.contains("300") && $0.contains("3600") }
        try await Self.fresh(t, ["C-c"], prompt: "zsh>")
        try t.sendLiteral("liqtop live --venues binance,by")
        try t.send("Tab")
        try await t.waitFor("zsh> liqtop live --venues binance,bybit")
        // A bare `liqtop` is `liqtop replay`.
        try await Self.fresh(t, ["C-c"], prompt: "zsh>")
        try t.sendLiteral("liqtop --theme mono")
        try t.send("Tab")
        try await t.waitFor("zsh> liqtop --theme mono-amber")
        try await Self.fresh(t, ["C-c"], prompt: "zsh>")
        try t.sendLiteral("liqtop day.ndjson --speed 90")
        try t.send("Tab")
        try await t.waitFor("zsh> liqtop day.ndjson --speed 900")
    }

    @Test(.timeLimit(.minutes(1))) func fishCompletesThemesSpeedsAndVenues() async throws {
        let fish = try #require(LiqtopProcess.which("fish"), "fish is not installed (.ci/run installs it)")
        let home = try Self.home()
        defer { try? FileManager.default.removeItem(atPath: home) }
        try Self.write(try await Self.script("fish"), home + "/.config/fish/completions/liqtop.fish")
        try Self.write("set -g fish_greeting\nfunction fish_prompt; echo 'fish> '; end\n", home + "/.config/fish/config.fish")
        let t = try TmuxSession(width: 150, height: 30, argv: ["/usr/bin/env", "HOME=\(home)", "XDG_CONFIG_HOME=\(home)/.config",
                                                              "XDG_DATA_HOME=\(home)/.local/share", "PATH=\(Self.path)", fish])
        defer { t.kill() }
        try await t.waitFor("fish>")
        try t.sendLiteral("liqtop replay --theme ")
        try t.send("Tab")
        try await t.waitFor("colorblind", "default", "high-contrast", "light", "mono-amber")
        try await Self.fresh(t, ["Escape", "C-u"], prompt: "fish>")
        try t.sendLiteral("liqtop replay --speed ")
        try t.send("Tab")
        try await t.wait(until: "the speeds") { s in ["1 ", "10 ", "60 ", "300 ", "900 ", "3600 ", "max "].allSatisfy { s.contains($0) } }
        try await Self.fresh(t, ["Escape", "C-u"], prompt: "fish>")
        try t.sendLiteral("liqtop live --venues binance,by")
        try t.send("Tab")
        try await t.waitFor("fish> liqtop live --venues binance,bybit")
        // A bare `liqtop` is `liqtop replay`.
        try await Self.fresh(t, ["Escape", "C-u"], prompt: "fish>")
        try t.sendLiteral("liqtop --theme mono")
        try t.send("Tab")
        try await t.waitFor("fish> liqtop --theme mono-amber")
        try await Self.fresh(t, ["Escape", "C-u"], prompt: "fish>")
        try t.sendLiteral("liqtop day.ndjson --spe")
        try t.send("Tab")
        try await t.waitFor("fish> liqtop day.ndjson --speed")
    }
}
