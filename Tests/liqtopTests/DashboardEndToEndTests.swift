#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
import LiqtopTestSupport
import LiqtopCore

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
        try await tmux.waitFor("2026-01-14 23:59:59.080 UTC", "❚❚ end", "$577.0M", "highest since 2025-10-11")

        // 3. Drill down to one venue's orders (`A`: all coins), then back out one level per Esc.
        try tmux.sendLiteral("A")
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

        // 4. Help overlay: `?` opens it, any key closes it — q too, leaving the app running.
        try tmux.sendLiteral("?")
        try await tmux.waitFor("any key closes")
        try tmux.sendLiteral("q")
        try await tmux.wait(until: "the help overlay to close") { !$0.contains("any key closes") && $0.contains("1 Liquidations") }
        #expect(tmux.paneDead == "0")
        try await Task.sleep(for: .milliseconds(300))
        #expect(!tmux.capture().contains("exit="), "q in the help must not quit")

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

    /// The time axis at 80×24 and 200×60, the chart cursor on the peak minute, and `/SOL`
    /// turning the 24 h totals into SOL's.
    @Test(.timeLimit(.minutes(1)))
    func timeAxisCursorAndCoinFocus() async throws {
        let tmux = try startDashboard("--paused --from 2026-01-14T23:59:59Z", width: 200, height: 60)
        defer { tmux.kill() }
        try await tmux.waitFor("1 Liquidations", "$577.0M")
        for (w, h) in [(200, 60), (80, 24)] {
            try tmux.resize(width: w, height: h)
            let screen = try await tmux.wait(until: "the chart at \(w)×\(h)") { Self.bordersSpan(w, $0) && $0.contains("╵") }
            // The chart's axis: the ETF panel's date ticks (`╵01-05`) share the glyph.
            func timeLabels(_ row: Substring) -> [String] {
                row.split(separator: "╵").dropFirst().map { String($0.prefix(5)) }.filter { $0.count == 5 && Array($0)[2] == ":" }
            }
            let axis = try #require(screen.split(separator: "\n").first { !timeLabels($0).isEmpty })
            #expect(timeLabels(axis).count >= 3, "\(w)×\(h): \(axis)")
        }
        try tmux.resize(width: 200, height: 60)
        try await tmux.wait(until: "the 200×60 layout") { Self.bordersSpan(200, $0) }
        // 1 h window, cursor on, 42 buckets back from 23:59: the peak minute.
        try tmux.sendLiteral("w")
        try await tmux.waitFor("per 1 min, 1h")
        try tmux.sendLiteral("c")
        for _ in 0 ..< 42 { try tmux.send("Left") }
        // The bucket's figures at once; its largest order once the store has answered for the new span.
        let cursor = try await tmux.wait(until: "the cursor on 23:17 with its largest order") {
            $0.contains("23:17–23:18") && $0.contains("largest $8.42M bybit BTC short")
        }
        #expect(cursor.contains("▲ $9.69M"), "\(TmuxSession.framed(cursor))")
        try tmux.send("Escape")
        try tmux.sendLiteral("w")
        try tmux.sendLiteral("w")
        try tmux.sendLiteral("w")
        try await tmux.waitFor("per 15 min, 24h")
        // /SOL: the 24 h row becomes SOL's ($50.6M of shorts), the header says so; Esc clears it.
        try tmux.sendLiteral("/SOL")
        try tmux.send("Enter")
        let sol = try await tmux.wait(until: "SOL's totals") { $0.contains("focus SOL") && $0.contains("1 Liquidations · SOL") && $0.contains("│ 24h ") }
        let row = try #require(sol.split(separator: "\n").first { $0.hasPrefix("│ 24h ") })
        #expect(row.contains("$9.5M") && row.contains("$50.6M") && !row.contains("$577.0M"), "\(row)")
        try tmux.send("Escape")
        try await tmux.wait(until: "the market again") { !$0.contains("focus SOL") && $0.contains("$577.0M") }
    }

    /// SGR mouse reports sent to the pane: a click focuses the ETF panel, a click selects a
    /// Top-coins row; with `--no-mouse` the same click does nothing.
    @Test(.timeLimit(.minutes(1)))
    func mouseClicksFocusAndSelect() async throws {
        let tmux = try startDashboard("--paused --from 2026-01-14T23:59:00Z", width: 160, height: 48)
        defer { tmux.kill() }
        // The first frames can come before the day is loaded: wait for the rows the clicks aim at.
        let screen = try await tmux.wait(until: "the loaded dashboard") {
            $0.contains("2 ETF flows") && $0.contains("\n│ ETH ")
        }
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let etfRow = try #require(lines.firstIndex { $0.contains("2 ETF flows") }) + 2 // inside the box
        let etfColumn = try #require(lines[etfRow - 2].range(of: "2 ETF flows")).lowerBound.utf16Offset(in: lines[etfRow - 2]) + 3
        try tmux.sendLiteral("\u{1B}[<0;\(etfColumn);\(etfRow + 1)M\u{1B}[<0;\(etfColumn);\(etfRow + 1)m")
        try tmux.send("Enter")
        try await tmux.waitFor("Dashboard › ETF › BTC")
        try tmux.send("Escape")
        try await tmux.wait(until: "the dashboard") { !$0.contains("›") && $0.contains("1 Liquidations") }
        // The second Top-coins row (ETH): one click selects it, Enter focuses the panel on it.
        let ethRow = try #require(lines.firstIndex { $0.hasPrefix("│ ETH    $") })
        try tmux.sendLiteral("\u{1B}[<0;4;\(ethRow + 1)M\u{1B}[<0;4;\(ethRow + 1)m")
        try tmux.send("Enter")
        let focused = try await tmux.wait(until: "ETH focused") { $0.contains("focus ETH") && $0.contains("\n│ ETH    $") }
        // A second click on the selected row (where the focused layout drew it) drills in: its venues.
        // (The Top-coins row, with its total: the chart's price line is labelled `ETH` too.)
        let again = try #require(focused.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("│ ETH    $") })
        try tmux.sendLiteral("\u{1B}[<0;4;\(again + 1)M\u{1B}[<0;4;\(again + 1)m")
        try await tmux.waitFor("Dashboard › ETH")
        try tmux.send("q")
        try await tmux.waitFor("exit=0")

        let plain = try startDashboard("--paused --no-mouse --from 2026-01-14T23:59:00Z", width: 160, height: 48)
        defer { plain.kill() }
        try await plain.wait(until: "the loaded dashboard") { $0.contains("2 ETF flows") && $0.contains("\n│ ETH ") }
        // Two clicks on the ETH row would focus it; without the mouse they do nothing.
        try plain.sendLiteral("\u{1B}[<0;4;\(ethRow + 1)M\u{1B}[<0;4;\(ethRow + 1)M\u{1B}[<0;4;\(ethRow + 1)M")
        try plain.sendLiteral("w")
        try await plain.waitFor("per 1 min, 1h") // the keys after them still work
        #expect(!plain.capture().contains("focus ETH"))
        #expect(plain.paneDead == "0")
    }

    /// `4` focuses Leverage: BTC's price, open interest and funding on the demo day, the figures
    /// `summary --json` prints for the same instant; at 80×24 the panel takes Macro's place.
    @Test(.timeLimit(.minutes(2)))
    func fourFocusesLeverageWithSummarysFigures() async throws {
        let at = "2026-01-14T23:59:59Z"
        let json = try await LiqtopBinary.run(["summary", "--json", "--at", at]).stdout
        let oi = try #require(JSONText.number(json, ["leverage", "BTC", "oi_usd"]))
        let change = try #require(JSONText.number(json, ["leverage", "BTC", "oi_change_1h_pct"]))
        let oiText = try #require(USD(try FixedDecimal.parse(oi))).compact(decimals: 2)
        for (w, h) in [(200, 60), (80, 24)] {
            let tmux = try startDashboard("--paused --from \(at)", width: w, height: h)
            defer { tmux.kill() }
            try await tmux.waitFor("1 Liquidations", "2 ETF flows")
            try tmux.sendLiteral("4")
            // Until the store has ingested the day's leverage lines the row may be missing or earlier.
            func btcRow(_ screen: String) -> Substring? { screen.split(separator: "\n").first { $0.contains("│ BTC ") && $0.contains(oiText) } }
            let screen = try await tmux.wait(until: "BTC's row with \(oiText) in Leverage at \(w)×\(h)", timeout: .seconds(60)) {
                $0.contains("4 Leverage") && btcRow($0) != nil
            }
            let row = try #require(btcRow(screen))
            #expect(row.contains((change.hasPrefix("-") ? "" : "+") + change + "%"), "\(row)")
            #expect(row.contains("+0.02"), "funding per 8 h: \(row)") // the demo's funding turned positive
            try tmux.send("Enter")
            try await tmux.waitFor("Dashboard › Leverage › BTC", "open interest", "binance", "okx")
            try tmux.send("q")
            try await tmux.waitFor("exit=0")
        }
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
    func withoutATerminalExitsTwoPointingToSummary() async throws {
        let r = try await LiqtopBinary.run([])
        #expect(r.status == 2)
        #expect(r.stderr == "liqtop: the dashboard needs a terminal; for the figures as text or JSON use `liqtop summary`\n")
        #expect(r.stdout.isEmpty)
    }
}
