#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import LiqtopTestSupport
import Testing

/// The config file, the remembered state, presets and alerts, in the real binary in tmux.
@Suite(.serialized) struct ConfigAlertsEndToEndTests {
    static func temporaryDirectory(_ tag: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("liqtop-\(tag)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// `state`: the XDG state directory to use (else the session's own, fresh one).
    private func start(_ arguments: String, config: URL?, state: URL? = nil, width: Int = 160, height: Int = 48) throws -> TmuxSession {
        try #require(TmuxSession.executable != nil, Comment(rawValue: TmuxSession.missingMessage))
        let binary = LiqtopBinary.url.path
        let env = (config.map { "LIQTOP_CONFIG=\($0.path.shellQuoted) " } ?? "") + (state.map { "XDG_STATE_HOME=\($0.path.shellQuoted) " } ?? "")
        return try TmuxSession(width: width, height: height,
                               script: "env LANG=C.UTF-8 \(env)\(binary.shellQuoted) \(arguments); echo \"exit=$?\"; sleep 60")
    }

    static func modificationTime(_ url: URL) throws -> timespec {
        var st = stat()
        try #require(stat(url.path, &st) == 0)
        return st.st_mtim
    }

    /// A session that changes theme (`t`), preset (`p`) and window (`w`) leaves the config file
    /// byte for byte and its modification time as they were; state.toml holds the three, and the
    /// next start opens on them. A flag beats both (`--preset`).
    @Test(.timeLimit(.minutes(1)))
    func theConfigIsNeverWrittenAndTheStateRemembers() async throws {
        let dir = try Self.temporaryDirectory("config")
        let config = dir.appendingPathComponent("config.toml")
        try Data("# mine\nwindow = \"24h\"\npreset = \"full\"\n".utf8).write(to: config)
        let bytes = try Data(contentsOf: config)
        let mtime = try Self.modificationTime(config)

        let stateDir = dir.appendingPathComponent("state")
        let tmux = try start("--paused", config: config, state: stateDir)
        defer { tmux.kill() }
        try await tmux.waitFor("1 Liquidations", "2 ETF flows", "3 Macro")
        try tmux.sendLiteral("t")
        let themed = try await tmux.wait(until: "a theme message") { $0.contains(" theme ") }
        let theme = try #require(themed.firstMatch(of: /theme ([a-z0-9-]+)/)).output.1
        try tmux.sendLiteral("p")
        try await tmux.waitFor("preset liquidations")
        try tmux.sendLiteral("w")
        try await tmux.wait(until: "the 1h window") { !$0.contains("2 ETF flows") && $0.contains("1h ≥$") }
        try tmux.sendLiteral("q")
        try await tmux.waitFor("exit=0")

        #expect(try Data(contentsOf: config) == bytes, "liqtop never writes the config file")
        let after = try Self.modificationTime(config)
        #expect(after.tv_sec == mtime.tv_sec && after.tv_nsec == mtime.tv_nsec)
        let state = try String(contentsOf: stateDir.appendingPathComponent("liqtop/state.toml"), encoding: .utf8)
        #expect(state.contains("theme = \"\(theme)\""), "\(state)")
        #expect(state.contains("window = \"1h\"") && state.contains("preset = \"liquidations\""), "\(state)")

        // The next start opens on them; --preset beats them.
        let reopened = try start("--paused", config: config, state: stateDir)
        defer { reopened.kill() }
        try await reopened.wait(until: "the liquidations preset, 1h") { $0.contains("1 Liquidations") && !$0.contains("2 ETF flows") && $0.contains("1h ≥$") }
        reopened.kill()
        let flagged = try start("--paused --preset compact", config: config, state: stateDir)
        defer { flagged.kill() }
        try await flagged.wait(until: "the compact preset") { $0.contains("1 Liquidations") && $0.contains("2 ETF flows") && !$0.contains("3 Macro") }
    }

    /// `p` cycles full → liquidations → flows → compact at 80×24 and 200×60.
    @Test(.timeLimit(.minutes(1)), arguments: [(80, 24), (200, 60)])
    func presetsSwitch(_ w: Int, _ h: Int) async throws {
        let tmux = try start("--paused", config: nil, width: w, height: h)
        defer { tmux.kill() }
        try await tmux.waitFor("1 Liquidations", "2 ETF flows")
        try tmux.sendLiteral("p")
        try await tmux.wait(until: "liquidations alone") { $0.contains("1 Liquidations") && !$0.contains("2 ETF flows") && !$0.contains("3 Macro") }
        try tmux.sendLiteral("p")
        try await tmux.wait(until: "flows") { !$0.contains("1 Liquidations") && $0.contains("2 ETF flows") && $0.contains("3 Macro") }
        try tmux.sendLiteral("p")
        try await tmux.wait(until: "compact") { $0.contains("1 Liquidations") && $0.contains("2 ETF flows") && !$0.contains("3 Macro") && !$0.contains("4 Leverage") }
        try tmux.sendLiteral("p")
        try await tmux.wait(until: "full again") { $0.contains("1 Liquidations") && $0.contains("3 Macro") }
        let bottom = tmux.capture().split(separator: "\n").filter { $0.hasPrefix("└") }
        #expect(bottom.allSatisfy { $0.count <= w }, "every panel fits \(w) columns")
    }

    /// Replaying the demo day past 23:17:42 puts the $8.42M order in the alert strip, rings the
    /// bell (`bell = true`: tmux's bell flag) and runs the hook with the alert on stdin; `m`
    /// mutes: the alerts of a seek over the rest of the day are listed, the hook runs no more.
    @Test(.timeLimit(.minutes(1)))
    func alertsShowRingRunTheirHookAndMute() async throws {
        let dir = try Self.temporaryDirectory("alerts")
        let hookOut = dir.appendingPathComponent("hook.ndjson")
        let config = dir.appendingPathComponent("config.toml")
        try Data("""
            alert_repeat = "1s"
            [[alerts]]
            rule = "order >= 8M"
            bell = true
            [[alerts]]
            rule = "order >= 1M"
            command = ["/bin/sh", "-c", "cat >> \(hookOut.path); echo >> \(hookOut.path)"]

            """.utf8).write(to: config)
        let tmux = try start("--from 23:17:00 --speed 60 --paused", config: config)
        defer { tmux.kill() }
        try await tmux.waitFor("1 Liquidations", "23:17:00")
        #expect(tmux.format("#{window_bell_flag}") == "0")
        try tmux.send("Space")
        let strip = try await tmux.waitFor("⚑ 23:17:42 BTC short $8.42M on Bybit")
        #expect(strip.contains("order >= 8M") || strip.contains("order >= 1M"))
        try await tmux.wait(until: "the bell flag") { _ in tmux.format("#{window_bell_flag}") == "1" }
        try tmux.send("Space") // pause again: nothing more fires while the hook output is read
        try await tmux.waitFor("❚❚ paused")
        try await waitForFile(hookOut) { $0.contains("\"usd\":8419967.1187") }
        let before = try String(contentsOf: hookOut, encoding: .utf8)
        #expect(before.split(separator: "\n").allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) != nil })

        try tmux.sendLiteral("m")
        try await tmux.waitFor("muted (m)")
        try tmux.send("End") // the rest of the day: every order of $1M or more after 23:17 fires
        try await tmux.waitFor("❚❚ end")
        let listed = try await tmux.wait(until: "more alerts listed") { s in
            s.firstMatch(of: /([0-9,]+) alerts/).map { Int($0.output.1.filter { $0 != "," })! > 2 } ?? false
        }
        #expect(listed.contains("muted (m)"))
        try await Task.sleep(for: .milliseconds(500))
        #expect(try String(contentsOf: hookOut, encoding: .utf8) == before, "muted: no hook ran")
        try tmux.sendLiteral("a")
        try await tmux.waitFor("Alerts", "alerts, newest first", "order >= 1M")
    }

    private func waitForFile(_ url: URL, _ condition: (String) -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            if let text = try? String(contentsOf: url, encoding: .utf8), condition(text) { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("\(url.path) never held what was expected: \((try? String(contentsOf: url, encoding: .utf8)) ?? "(no file)")")
    }
}
