#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import LiqtopCore
import Testing
import LiqtopTestSupport

/// The real `liqtop` in a real (tmux) terminal that misbehaves: resized like mad, signalled at odd
/// moments, a terminal type without colour or cursor addressing, and data that tries to drive the
/// terminal. Each test has its own tmux server; they run one at a time.
@Suite(.serialized) struct HostileTerminalTests {
    /// `liqtop <arguments>` under /bin/sh in a fresh pane; the shell prints `exit=N` and keeps the
    /// pane open so the status and the restored screen can be read. `environment` is `env` syntax.
    private func start(_ arguments: String = "", environment: String = "", width: Int = 120, height: Int = 40,
                       in directory: URL? = nil, after: String = "") throws -> TmuxSession {
        try #require(TmuxSession.executable != nil, Comment(rawValue: TmuxSession.missingMessage))
        let binary = LiqtopBinary.url.path
        try #require(FileManager.default.isExecutableFile(atPath: binary), "liqtop binary not built at \(binary)")
        let cd = directory.map { "cd \($0.path.shellQuoted) && " } ?? ""
        let script = cd + "env LANG=C.UTF-8 \(environment) \(binary.shellQuoted) \(arguments); echo \"exit=$?\"; \(after) sleep 60"
        return try TmuxSession(width: width, height: height, script: script)
    }

    private static func nonBlankLines(_ screen: String) -> [String] {
        screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// True when a panel's bottom border spans exactly `width` columns: the layout was redrawn for it.
    private static func bordersSpan(_ width: Int, _ screen: String) -> Bool {
        screen.split(separator: "\n").contains { $0.hasPrefix("└") && $0.hasSuffix("┘") && $0.count == width }
    }

    /// The SGR sequences in `capture-pane -e` output that set a colour (30–37, 38;…, 40–47, 48;…,
    /// 90–97, 100–107); resets to the default colour (39, 49) and attributes (bold, reverse) do not count.
    private static func colourCodes(_ styled: String) -> [String] {
        var found: [String] = []
        var rest = Substring(styled)
        while let start = rest.range(of: "\u{1B}[") {
            let params = rest[start.upperBound...].prefix { $0.isNumber || $0 == ";" }
            rest = rest[params.endIndex...]
            guard rest.first == "m" else { continue }
            let colour = params.split(separator: ";").compactMap { Int($0) }.contains { code in
                (30 ... 38).contains(code) || (40 ... 48).contains(code) || (90 ... 97).contains(code) || (100 ... 107).contains(code)
            }
            if colour { found.append(String(params)) }
        }
        return found
    }

    // MARK: 1. resizes

    @Test(.timeLimit(.minutes(1)))
    func fiftyResizesInFiveSecondsNeverKillTheDashboard() async throws {
        let tmux = try start()
        defer { tmux.kill() }
        try await tmux.waitFor("1 Liquidations", "2 ETF flows", "3 Macro")

        // Tiny sizes on purpose (1×1, 20×5, below the 60×16 minimum) among ordinary ones.
        var rng = SeededRandom(seed: 7) // "random" sizes, the same on every run
        var sizes: [(Int, Int)] = [(1, 1), (20, 5), (120, 40), (1, 1), (40, 10), (250, 70), (20, 5), (80, 24), (2, 1), (1, 3)]
        while sizes.count < 50 { sizes.append((1 + rng.below(220), 1 + rng.below(65))) }
        for (i, (w, h)) in sizes.enumerated() {
            try tmux.resize(width: w, height: h)
            try await Task.sleep(for: .milliseconds(90))
            #expect(tmux.paneDead == "0", "liqtop died after resize \(i + 1) to \(w)×\(h):\n\(TmuxSession.framed(tmux.capture()))")
            if tmux.paneDead != "0" { return }
        }

        try tmux.resize(width: 40, height: 10)
        try await tmux.waitFor("terminal too small", "have 40×10")
        #expect(tmux.alternateOn == "1")

        try tmux.resize(width: 120, height: 40)
        try tmux.send("End")
        let final = try await tmux.wait(until: "the 120×40 dashboard at the end of the day") { screen in
            screen.contains("$577.0M") && screen.contains("❚❚ end") && Self.bordersSpan(120, screen)
                && !screen.contains("terminal too small")
        }
        #expect(final.contains("1 Liquidations") && final.contains("2 ETF flows") && final.contains("3 Macro"))
        #expect(tmux.paneDead == "0")

        try tmux.send("q")
        let after = try await tmux.waitFor("exit=")
        #expect(Self.nonBlankLines(after) == ["exit=0"], "screen after q:\n\(TmuxSession.framed(after))")
        #expect(tmux.alternateOn == "0")
    }

    // MARK: 2. signals

    /// SIGTERM, SIGHUP and SIGINT at a different (seeded) moment each, while the demo day plays.
    @Test(.timeLimit(.minutes(1)), arguments: [(SIGTERM, UInt64(15)), (SIGHUP, UInt64(1)), (SIGINT, UInt64(2))])
    func signalWhilePlayingRestoresTheTerminal(signal: Int32, seed: UInt64) async throws {
        let (tmux, pidFile) = try TmuxSession.liqtopWithPid("", tag: "hostile-\(signal)", width: 120, height: 40)
        defer { tmux.kill(); try? FileManager.default.removeItem(at: pidFile) }

        try await tmux.waitFor("1 Liquidations", "▶ 60×")
        let pid = try TmuxSession.pid(in: pidFile)

        var rng = SeededRandom(seed: seed)
        let delay = rng.below(1501)
        try await Task.sleep(for: .milliseconds(delay))
        #expect(tmux.paneDead == "0")
        #expect(kill(pid, signal) == 0)

        // The shell prints 128+N also for a process the signal killed outright; alternate_on 0 and
        // the empty screen show liqtop caught it and restored the terminal itself.
        let expected = "exit=\(128 + signal)"
        let after = try await tmux.waitFor("exit=")
        #expect(Self.nonBlankLines(after) == [expected], "screen after signal \(signal) at +\(delay) ms:\n\(TmuxSession.framed(after))")
        #expect(tmux.alternateOn == "0")
    }

    // MARK: 3. terminal types

    /// `dumb` cannot move the cursor, so a full-screen UI can only garble the shell: liqtop should
    /// refuse with one line naming the terminal type and a non-zero status.
    /// (ncurses' `newterm` accepts `dumb`; liqtop refuses it because it cannot address the cursor.)
    @Test(.timeLimit(.minutes(1)))
    func dumbTerminalGetsOneClearLineAndNonZeroStatus() async throws {
        let tmux = try start(environment: "TERM=dumb")
        defer { tmux.kill() }
        do {
            // A refusal is immediate; a dashboard that started is still waiting for a key.
            var after = try await tmux.wait(until: "exit= or a started dashboard", timeout: .seconds(10)) {
                $0.contains("exit=") || $0.contains("1 Liquidations")
            }
            if !after.contains("exit=") {
                try tmux.send("q")
                after = try await tmux.waitFor("exit=")
            }
            let lines = Self.nonBlankLines(after)
            #expect(lines.count == 2, "expected one message line and the exit line:\n\(TmuxSession.framed(after))")
            #expect(lines.first?.contains("TERM=dumb") == true, "the message should name the terminal type:\n\(TmuxSession.framed(after))")
            // Non-zero, and not 128+N (killed by a signal).
            let status = lines.last.flatMap { $0.hasPrefix("exit=") ? Int($0.dropFirst(5)) : nil }
            #expect(status.map { $0 != 0 && $0 < 128 } == true, "exit line: \(lines.last ?? "none")")
        }
        let screen = tmux.capture()
        #expect(!screen.contains("Fatal error") && !screen.contains("core dumped"), "\(TmuxSession.framed(screen))")
        #expect(tmux.alternateOn == "0")
    }

    /// An unknown terminal type: one clear line and status 2, nothing else on the screen.
    @Test(.timeLimit(.minutes(1)))
    func unknownTerminalTypeGetsOneClearLine() async throws {
        // ncurses keeps its "prescreen" when setup fails: not ours to free, so no leak report here.
        let tmux = try start(environment: "TERM=no-such-terminal ASAN_OPTIONS=detect_leaks=0")
        defer { tmux.kill() }
        let after = try await tmux.waitFor("exit=")
        #expect(Self.nonBlankLines(after) == ["liqtop: cannot start the terminal UI (TERM=no-such-terminal)", "exit=2"],
                "\(TmuxSession.framed(after))")
        #expect(tmux.alternateOn == "0")
    }

    /// vt100 has no colours and no alternate screen: liqtop still draws the dashboard and q quits.
    /// Without an alternate screen the last frame stays, as with any curses program; the shell's
    /// next output must still start a line of its own.
    @Test(.timeLimit(.minutes(1)))
    func vt100RunsWithoutColourAndQuitsCleanly() async throws {
        let tmux = try start("--paused", environment: "TERM=vt100", width: 80, height: 24)
        defer { tmux.kill() }
        try await tmux.waitFor("1 Liquidations", "2 ETF flows", "3 Macro", "q quit")
        let colours = Self.colourCodes(tmux.captureWithEscapes())
        #expect(colours.isEmpty, "colours on a vt100: \(colours)")
        try tmux.send("q")
        let after = try await tmux.waitFor("exit=")
        #expect(after.split(separator: "\n").contains { $0.hasPrefix("exit=0") }, "screen after q:\n\(TmuxSession.framed(after))")
        #expect(!after.contains("Fatal error") && !after.contains("core dumped"))
        #expect(tmux.alternateOn == "0")
    }

    @Test(.timeLimit(.minutes(1)))
    func noColorRunsWithoutColourAndQuitsCleanly() async throws {
        let tmux = try start("--paused", environment: "NO_COLOR=1")
        defer { tmux.kill() }
        try await tmux.waitFor("1 Liquidations", "2 ETF flows", "3 Macro", "q quit")
        let colours = Self.colourCodes(tmux.captureWithEscapes())
        #expect(colours.isEmpty, "colours with NO_COLOR=1: \(colours)")
        #expect(tmux.alternateOn == "1")
        try tmux.send("q")
        let after = try await tmux.waitFor("exit=")
        #expect(Self.nonBlankLines(after) == ["exit=0"], "screen after q:\n\(TmuxSession.framed(after))")
        #expect(tmux.alternateOn == "0")
    }

    // MARK: 4. escape injection

    @Test(.timeLimit(.minutes(1)))
    func escapesInDataAndFileNamesNeverReachTheTerminal() async throws {
        // JSON escapes: the decoder turns them into real ESC, BEL, C1 CSI and a bidi override.
        let osc = #"\u001b]0;PWNED\u0007"#
        let lines = [
            #"{"type":"note","time":1768412400000,"source":"Fed\#(osc) desk\u009b2J","text":"\#(osc) cut \u001b[2J\u001b[31mred\u009b31m \u202Eevil"}"#,
            #"{"type":"etf_flow","date":"2026-01-14","asset":"BTC","fund":"IBIT","usd":"648600000"}"#,
            #"{"type":"etf_flow","date":"2026-01-14","asset":"BTC","fund":"IB\#(osc)IT","usd":"1000000"}"#,
            #"{"type":"liquidation","time":1768435199000,"venue":"binance","instrument":"BTCUSDT","coin":"BTC","side":"short","price":"97000.5","qty":"0.014","usd":"1358.007"}"#,
            #"{"type":"liquidation","time":1768435199000,"venue":"binance","instrument":"BTC\#(osc)USDT","coin":"BTC","side":"short","price":"97000.5","qty":"0.014","usd":"1358.007"}"#,
            #"{"type":"\#(osc)\u001b[2J"}"#,
            // Raw ESC/BEL bytes in a line (not valid JSON): rejected, its reason listed under `e`.
            "{\"type\":\"note\",\"time\":1768412400000,\"source\":\"x\",\"text\":\"\u{1B}]0;PWNED\u{07}\u{1B}[2J\"}",
        ]
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("liqtop-hostile-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        // Run from its directory so the whole name shows in the 24-column file column of `e`.
        let name = "evil\u{1B}]0;PWNED\u{07}\u{1B}[2J.ndjson"
        let file = dir.appendingPathComponent(name)
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: dir) }

        // After liqtop, the shell sets a title itself: proof this tmux does honour OSC titles.
        let tmux = try start("replay --paused \(name.shellQuoted)", in: dir, after: "printf '\\033]0;%s\\007' CONTROL;")
        defer { tmux.kill() }
        let title = tmux.paneTitle
        #expect(title != "PWNED" && !title.isEmpty)

        /// Everything that must hold on every screen while liqtop runs.
        func expectIntact(_ screen: String, _ step: String, drilled: Bool = true, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(tmux.paneTitle == title, "pane title changed at \(step)", sourceLocation: sourceLocation)
            #expect(tmux.alternateOn == "1", "left the alternate screen at \(step)", sourceLocation: sourceLocation)
            #expect(!screen.contains("\u{1B}") && !screen.contains("\u{07}") && !screen.contains("\u{202E}"),
                    "control characters on screen at \(step):\n\(TmuxSession.framed(screen))", sourceLocation: sourceLocation)
            let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(rows.count == 41 && rows.first?.hasPrefix(" liqtop  replay evil]0;PWNED[2J.ndjson  2026-01-14 ") == true
                    && rows[39].hasPrefix(" q quit  ? help") && rows[39].hasSuffix("rejected 4 · ignored 0 (e)"),
                    "header (with the file name as plain text) or status line gone at \(step):\n\(TmuxSession.framed(screen))",
                    sourceLocation: sourceLocation)
            // The dashboard's boxes, or a drill-down's breadcrumb on the second row.
            let frame = drilled ? rows.count > 1 && rows[1].hasPrefix(" Dashboard › ")
                : Self.bordersSpan(120, screen) && rows.count > 1 && rows[1].hasPrefix("┌─ 1 Liquidations")
            #expect(frame, "frame gone at \(step):\n\(TmuxSession.framed(screen))", sourceLocation: sourceLocation)
        }

        let dashboard = try await tmux.waitFor("1 Liquidations", "3 Macro", "rejected 4")
        expectIntact(dashboard, "start", drilled: false)
        try tmux.send("End")
        let end = try await tmux.waitFor("❚❚ end")
        expectIntact(end, "End", drilled: false)
        #expect(end.contains("│ ]0;PWNED cut [2J[31mred31m evil"), "the note in the Macro panel:\n\(TmuxSession.framed(end))")

        try tmux.send("3")
        try tmux.send("Enter")
        let list = try await tmux.waitFor("Dashboard › Macro › notes")
        expectIntact(list, "the notes list")
        #expect(list.contains("Fed]0;PWNED desk2J"), "the note's source as plain text:\n\(TmuxSession.framed(list))")

        try tmux.send("Enter")
        // Every control removed, every printable character kept: the sequences show as inert text.
        let note = try await tmux.waitFor("Macro › notes › 2026-01-14 17:40", "]0;PWNED cut [2J[31mred31m evil")
        expectIntact(note, "the note")
        #expect(note.contains("2026-01-14 17:40:00 UTC · Fed]0;PWNED desk2J"))

        try tmux.send("e")
        // Waits for the last row too: a slow (sanitizer) build can be captured mid-frame.
        let problems = try await tmux.waitFor("Input problems", "4 rejected · 0 ignored", "control byte in JSON string")
        expectIntact(problems, "the rejections")
        // File (sanitized name), line and reason; the reasons echo data only as printable ASCII.
        let rows = problems.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let shownName = "evil]0;PWNED[2J.ndjson"
        for (line, reason) in [(3, "fund must be 1...10 of A-Z 0-9"),
                               (5, "instrument name has characters outside [A-Za-z0-9._:/-]"),
                               (6, "unknown type \"]0;PWNED[2J\""), (7, "control byte in JSON string")] {
            #expect(rows.contains { $0.hasPrefix(shownName) && $0.hasSuffix(" \(line) \(reason)") },
                    "no row for line \(line): \(reason)\n\(TmuxSession.framed(problems))")
        }

        try tmux.send("q")
        let after = try await tmux.waitFor("exit=")
        #expect(Self.nonBlankLines(after) == ["exit=0"], "screen after q:\n\(TmuxSession.framed(after))")
        #expect(tmux.alternateOn == "0")
        // The control: a title sequence that does reach tmux changes the title.
        try await tmux.wait(until: "the shell's own title CONTROL") { _ in tmux.paneTitle == "CONTROL" }
    }
}
