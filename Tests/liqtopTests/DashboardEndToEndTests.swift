#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
import LiqtopTestSupport

/// The real `liqtop` binary in a real (tmux) terminal: keys in, screen text out.
/// Each test has its own tmux server; they run one at a time to keep a 2-core machine responsive.
@Suite(.serialized) struct DashboardEndToEndTests {
    /// Starts the dashboard the way a user would, keeping the pane open after it quits so the
    /// exit status and the restored screen can be read.
    private func startDashboard(_ arguments: String = "", width: Int = 160, height: Int = 48) throws -> TmuxSession {
        try #require(TmuxSession.executable != nil, Comment(rawValue: TmuxSession.missingMessage))
        let binary = LiqtopBinary.url.path
        try #require(FileManager.default.isExecutableFile(atPath: binary), "liqtop binary not built at \(binary)")
        return try TmuxSession(width: width, height: height,
                               script: "env LANG=C.UTF-8 \(binary.shellQuoted) \(arguments); echo \"exit=$?\"; sleep 60")
    }

    /// True when a panel's bottom border spans exactly `width` columns: the layout was redrawn for it.
    private static func bordersSpan(_ width: Int, _ screen: String) -> Bool {
        screen.split(separator: "\n").contains { $0.hasPrefix("└") && $0.hasSuffix("┘") && $0.count == width }
    }

    private static func nonBlankLines(_ screen: String) -> [String] {
        screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    @Test(.timeLimit(.minutes(1)))
    func demoDayEndDrillHelpResizeQuit() async throws {
        let tmux = try startDashboard()
        defer { tmux.kill() }

        // 1. The demo day opens on the three panels.
        try await tmux.waitFor("1 Liquidations", "2 ETF flows", "3 Macro")
        #expect(tmux.alternateOn == "1")

        // 2. End: the last second of the day, paused, with the record signal.
        try tmux.send("End")
        try await tmux.waitFor("2026-01-14 23:59:59 UTC", "❚❚ end", "$577.0M", "highest since 2025-10-11")

        // 3. Drill down to one venue's orders, then back out one level per Esc.
        try tmux.send("Enter")
        try await tmux.waitFor("Dashboard › Liquidations › coins")
        try tmux.send("Enter")
        try await tmux.waitFor("Liquidations › coins › BTC", "binance", "bybit", "okx")
        try tmux.send("Down")
        try tmux.send("Enter")
        let orders = try await tmux.waitFor("› BTC › bybit orders", "BTCUSDT")
        #expect(orders.contains("short BTCUSDT"))

        try tmux.send("Escape")
        try await tmux.wait(until: "the breadcrumb back at BTC") { $0.contains("› coins › BTC") && !$0.contains("bybit orders") }
        try tmux.send("Escape")
        try await tmux.wait(until: "the breadcrumb back at coins") { $0.contains("Liquidations › coins") && !$0.contains("› BTC") }
        try tmux.send("Escape")
        let dashboard = try await tmux.wait(until: "the dashboard with no breadcrumb") {
            $0.contains("1 Liquidations") && $0.contains("2 ETF flows") && !$0.contains("›")
        }
        #expect(dashboard.contains("$577.0M"))

        // 4. Help overlay: `?` opens it, any key closes it.
        try tmux.sendLiteral("?")
        try await tmux.waitFor("any key closes")
        try tmux.send("Escape")
        try await tmux.wait(until: "the help overlay to close") { !$0.contains("any key closes") && $0.contains("1 Liquidations") }

        // 5. Resize: narrow (panels stacked, ETF and Macro side by side), then wide.
        try tmux.resize(width: 70, height: 20)
        let narrow = try await tmux.wait(until: "the 70×20 layout") { screen in
            screen.contains("$577.0M") && Self.bordersSpan(70, screen)
                && screen.split(separator: "\n").contains { $0.contains("2 ETF flows") && $0.contains("3 Macro") }
        }
        #expect(!narrow.contains("terminal too small"))
        #expect(tmux.paneDead == "0")
        try tmux.resize(width: 200, height: 60)
        try await tmux.wait(until: "the 200×60 layout") { screen in
            screen.contains("$577.0M") && screen.contains("Recent large orders") && Self.bordersSpan(200, screen)
        }
        #expect(tmux.paneDead == "0")

        // 6. q quits with status 0 and leaves the alternate screen.
        try tmux.send("q")
        let after = try await tmux.waitFor("exit=0")
        #expect(tmux.alternateOn == "0")
        #expect(!after.contains("1 Liquidations"), "dashboard rows left on the screen after exit:\n\(TmuxSession.framed(after))")
        #expect(!after.contains("q quit"), "status bar left on the screen after exit:\n\(TmuxSession.framed(after))")
    }

    @Test(.timeLimit(.minutes(1)))
    func sigtermRestoresTheTerminal() async throws {
        let (tmux, pidFile) = try TmuxSession.liqtopWithPid("--theme default", tag: "e2e-sigterm", width: 160, height: 48)
        defer { tmux.kill(); try? FileManager.default.removeItem(at: pidFile) }

        try await tmux.waitFor("1 Liquidations", "2 ETF flows", "3 Macro")
        let pid = try TmuxSession.pid(in: pidFile)
        #expect(kill(pid, SIGTERM) == 0)

        // A shell also prints 143 for a process the signal killed outright; alternate_on 0 and
        // the empty screen show liqtop caught it and restored the terminal itself.
        let after = try await tmux.waitFor("exit=143")
        #expect(tmux.alternateOn == "0")
        #expect(Self.nonBlankLines(after) == ["exit=143"], "screen after SIGTERM:\n\(TmuxSession.framed(after))")
    }

    @Test(.timeLimit(.minutes(1)))
    func replayFramesQuitsByItself() async throws {
        let tmux = try startDashboard("replay --frames 5")
        defer { tmux.kill() }
        let after = try await tmux.waitFor("exit=")
        #expect(Self.nonBlankLines(after) == ["exit=0"], "screen after --frames 5:\n\(TmuxSession.framed(after))")
        #expect(tmux.alternateOn == "0")
    }

    @Test(.timeLimit(.minutes(1)))
    func withoutATerminalExitsTwoPointingToSummary() throws {
        let r = try LiqtopBinary.run([])
        #expect(r.status == 2)
        #expect(r.stderr == "liqtop: the dashboard needs a terminal; for the figures as text or JSON use `liqtop summary`\n")
        #expect(r.stdout.isEmpty)
    }
}
