#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
import LiqtopTestSupport

/// The real `liqtop` in tmux under faults that used to leave the terminal unusable:
/// a terminal far too large, signals whose default action ends the process, a locale without
/// UTF-8. Each test checks what the user is left with: the shell prints `exit=N` and
/// `modes=…` (icanon and echo, as `stty -a` shows them) once liqtop has ended.
@Suite(.serialized) struct TerminalFaultTests {
    /// liqtop in a fresh pane. `before` runs in the pane's shell first (e.g. `stty rows 40000`);
    /// `environment` is `env` syntax. The pid file holds liqtop's pid.
    private func start(_ arguments: String = "", environment: String = "", before: String = "", tag: String,
                       width: Int = 120, height: Int = 40) throws -> (tmux: TmuxSession, pidFile: URL) {
        try #require(TmuxSession.executable != nil, Comment(rawValue: TmuxSession.missingMessage))
        let binary = LiqtopBinary.url.path
        try #require(FileManager.default.isExecutableFile(atPath: binary), "liqtop binary not built at \(binary)")
        let pidFile = FileManager.default.temporaryDirectory.appendingPathComponent("liqtop-fault-\(tag)-\(getpid()).pid")
        try? FileManager.default.removeItem(at: pidFile)
        // No core files from the fault signals; the inner shell execs into liqtop, so $$ is its pid.
        let inner = "ulimit -c 0; echo $$ > \(pidFile.path.shellQuoted); exec env LANG=C.UTF-8 LC_ALL=C.UTF-8 \(environment) \(binary.shellQuoted) \(arguments)"
        let modes = #"stty -a | tr ' ;' '\n\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\n' ' '"#
        let script = "\(before) /bin/sh -c \(inner.shellQuoted); echo \"exit=$?\"; echo \"modes=$(\(modes))\"; sleep 60"
        return (try TmuxSession(width: width, height: height, script: script), pidFile)
    }

    private static func nonBlankLines(_ screen: String) -> [String] {
        screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// What the shell printed after liqtop: the `exit=` and `modes=` lines.
    private static func afterLines(_ screen: String) -> [String] {
        nonBlankLines(screen).filter { $0.hasPrefix("exit=") || $0.hasPrefix("modes=") }
    }

    private static func bordersSpan(_ width: Int, _ screen: String) -> Bool {
        screen.split(separator: "\n").contains { $0.hasPrefix("└") && $0.hasSuffix("┘") && $0.count == width }
    }

    /// Sets the pane's terminal size behind tmux's back, as `stty` in a terminal would; the
    /// kernel then sends SIGWINCH to the program in front.
    private static func setTerminalSize(_ tmux: TmuxSession, rows: Int, cols: Int) throws {
        let tty = tmux.format("#{pane_tty}")
        try #require(tty.hasPrefix("/dev/"), "no pane tty: '\(tty)'")
        let r = try Spawn.run("/bin/sh", ["-c", "stty -F \(tty.shellQuoted) rows \(rows) cols \(cols)"],
                              environment: ProcessInfo.processInfo.environment)
        try #require(r.status == 0, "stty failed: \(r.output)")
    }

    /// The most memory (resident) the process has used so far, in bytes, from /proc (Linux).
    private static func peakResidentBytes(_ pid: pid_t) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return nil }
        let kb = line.split(separator: " ").compactMap { Int($0) }.first
        return kb.map { $0 * 1024 }
    }

    // MARK: terminal size

    /// ncurses keeps sizes in a `short`: a terminal of 32,768 rows used to crash it (and leave
    /// the terminal raw). Past liqtop's maximum it says so, like "terminal too small".
    @Test(.timeLimit(.minutes(1)))
    func terminalTooLargeAtStartSaysSoAndQuitsCleanly() async throws {
        let (tmux, pidFile) = try start("--paused", before: "stty rows 40000 cols 120;", tag: "huge-start")
        defer { tmux.kill(); try? FileManager.default.removeItem(at: pidFile) }
        let screen = try await tmux.wait(until: "\"terminal too large\" or exit=") {
            $0.contains("terminal too large") || $0.contains("exit=")
        }
        #expect(screen.contains("terminal too large") && screen.contains("have 120×40000"), "\(TmuxSession.framed(screen))")
        #expect(tmux.paneDead == "0")
        try tmux.send("q")
        let after = try await tmux.waitFor("modes=")
        #expect(Self.afterLines(after) == ["exit=0", "modes=icanon echo"], "\(TmuxSession.framed(after))")
        #expect(tmux.alternateOn == "0")
    }

    /// Resized (by the terminal, SIGWINCH) to 10,000×10,000 while running: the dashboard used to
    /// build grids of 10^8 cells (7.9 GB) and stop answering. Now: the message, bounded memory, and
    /// the dashboard again once the terminal is back to a sane size.
    @Test(.timeLimit(.minutes(1)))
    func resizedToHugeAndBackKeepsAnsweringWithBoundedMemory() async throws {
        let (tmux, pidFile) = try start("--paused", tag: "huge-resize")
        defer { tmux.kill(); try? FileManager.default.removeItem(at: pidFile) }
        try await tmux.waitFor("1 Liquidations", "3 Macro")
        let pid = try TmuxSession.pid(in: pidFile)

        try Self.setTerminalSize(tmux, rows: 40000, cols: 120)
        try await tmux.waitFor("terminal too large", "have 120×40000")
        try Self.setTerminalSize(tmux, rows: 10000, cols: 10000)
        try await tmux.waitFor("terminal too large", "have 10000×10000")
        #expect(tmux.paneDead == "0")
        #if os(Linux)
        let peak = try #require(Self.peakResidentBytes(pid))
        // About 100 MiB here; a ThreadSanitizer build uses several times more. Before: 7.9 GB.
        #expect(peak < 2 << 30, "peak resident memory \(peak / (1 << 20)) MiB")
        #endif

        try Self.setTerminalSize(tmux, rows: 40, cols: 120)
        try await tmux.wait(until: "the 120×40 dashboard again") { screen in
            Self.bordersSpan(120, screen) && !screen.contains("terminal too large")
        }
        try tmux.send("q")
        let after = try await tmux.waitFor("modes=")
        #expect(Self.afterLines(after) == ["exit=0", "modes=icanon echo"], "\(TmuxSession.framed(after))")
        #expect(tmux.alternateOn == "0")
    }

    // MARK: signals

    /// Every catchable signal whose default action ends the process: liqtop shuts down as for
    /// SIGTERM (terminal restored, status 128+N). SIGKILL cannot be caught; SIGSTOP only stops.
    static let endingSignals: [Int32] = {
        var s: [Int32] = [SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ, SIGPIPE, SIGIO]
        #if os(Linux)
        s += [SIGPWR, SIGSTKFLT, 35, 50, 64] // and real-time signals (SIGRTMIN...SIGRTMAX)
        #endif
        return s
    }()

    @Test(.timeLimit(.minutes(1)), arguments: endingSignals)
    func endingSignalRestoresTheTerminal(signal: Int32) async throws {
        let (tmux, pidFile) = try start(tag: "signal-\(signal)")
        defer { tmux.kill(); try? FileManager.default.removeItem(at: pidFile) }
        try await tmux.waitFor("1 Liquidations", "▶ 60×")
        let pid = try TmuxSession.pid(in: pidFile)
        #expect(kill(pid, signal) == 0)
        let after = try await tmux.waitFor("modes=")
        #expect(Self.nonBlankLines(after) == ["exit=\(128 + signal)", "modes=icanon echo"],
                "after signal \(signal):\n\(TmuxSession.framed(after))")
        #expect(tmux.alternateOn == "0")
    }

    /// Signals that report a fault (a crash, abort): the terminal is put back first, then the
    /// signal takes its course, so the process still dies of it, as a crash should. (Sent with
    /// kill, as here, that is the default action; a real fault goes on to Swift's crash report.)
    static let faultSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGSYS]

    @Test(.timeLimit(.minutes(1)), arguments: faultSignals)
    func faultSignalRestoresTheTerminalAndStillEndsTheProcess(signal: Int32) async throws {
        let (tmux, pidFile) = try start(tag: "fault-\(signal)")
        defer { tmux.kill(); try? FileManager.default.removeItem(at: pidFile) }
        try await tmux.waitFor("1 Liquidations", "▶ 60×")
        let pid = try TmuxSession.pid(in: pidFile)
        #expect(kill(pid, signal) == 0)
        let after = try await tmux.waitFor("modes=")
        #expect(Self.afterLines(after) == ["exit=\(128 + signal)", "modes=icanon echo"],
                "after signal \(signal):\n\(TmuxSession.framed(after))")
        #expect(tmux.alternateOn == "0")
    }

    // MARK: locale

    /// Without a UTF-8 locale the terminal cannot show box drawing or block characters: borders,
    /// bars and marks are drawn in ASCII instead of turning into "?".
    @Test(.timeLimit(.minutes(1)))
    func withoutUtf8LocaleBordersAndBarsAreAscii() async throws {
        let (tmux, pidFile) = try start("--paused", environment: "LANG=C LC_ALL=C", tag: "ascii")
        defer { tmux.kill(); try? FileManager.default.removeItem(at: pidFile) }
        try tmux.send("End")
        let screen = try await tmux.waitFor("1 Liquidations", "3 Macro", "q quit", "end")
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(rows.contains { $0.hasPrefix("+- 1 Liquidations ---") }, "\(TmuxSession.framed(screen))")
        #expect(rows.contains { $0.hasPrefix("+--") && $0.hasSuffix("-+") && $0.count == 120 }, "no ASCII bottom border:\n\(TmuxSession.framed(screen))")
        #expect(rows.contains { $0.hasPrefix("|") && $0.hasSuffix("|") }, "no ASCII side border:\n\(TmuxSession.framed(screen))")
        // "?" appears only where liqtop means it (the "? help" key hint); nothing is non-ASCII.
        let questionMarks = screen.replacingOccurrences(of: "? help", with: "").filter { $0 == "?" }.count
        #expect(questionMarks == 0, "\(questionMarks) unshowable characters:\n\(TmuxSession.framed(screen))")
        #expect(screen.unicodeScalars.allSatisfy { $0.isASCII }, "\(TmuxSession.framed(screen))")
        try tmux.send("q")
        let after = try await tmux.waitFor("modes=")
        #expect(Self.afterLines(after) == ["exit=0", "modes=icanon echo"], "\(TmuxSession.framed(after))")
    }
}
