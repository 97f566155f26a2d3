import Foundation
import Testing
import LiqtopTestSupport
import LiqtopCore

/// `liqtop history` and `liqtop compare` in a real (tmux) terminal (issue 16): the compare of the
/// demo archive's crash and squeeze, Esc back, a click on a day, Enter opening the day's replay.
@Suite(.serialized) struct HistoryEndToEndTests {
    private func start(_ arguments: String, width: Int = 100, height: Int = 30) throws -> TmuxSession {
        try #require(TmuxSession.executable != nil, Comment(rawValue: TmuxSession.missingMessage))
        let binary = LiqtopBinary.url.path
        try #require(FileManager.default.isExecutableFile(atPath: binary), "liqtop binary not built at \(binary)")
        return try TmuxSession(width: width, height: height,
                               script: "env LANG=C.UTF-8 \(binary.shellQuoted) \(arguments); echo \"exit=$?\"; sleep 60")
    }

    @Test(.timeLimit(.minutes(1)))
    func compareShowsBothDaysTotals() async throws {
        let tmux = try start("compare 2025-10-10 2026-01-14", width: 160, height: 60)
        defer { tmux.kill() }
        let screen = try await tmux.waitFor("exit=0")
        #expect(screen.contains("24h long        $16.7B                        $120.0M"), "\(screen)")
        #expect(screen.contains("24h short       $2.5B                         $577.0M"), "\(screen)")
    }

    @Test(.timeLimit(.minutes(1)))
    func historyComparesClicksAndQuits() async throws {
        let tmux = try start("history")
        defer { tmux.kill() }
        try await tmux.waitFor("Liquidations per day", "2026-01-14 Wed · long $120.0M short $577.0M")
        #expect(tmux.alternateOn == "1")
        try tmux.sendLiteral("c")
        try await tmux.waitFor("Cumulative liquidations", "24h long        $16.7B                        $120.0M",
                               "24h short       $2.5B                         $577.0M")
        try tmux.send("Escape")
        try await tmux.wait(until: "the history view") { $0.contains("Liquidations per day") && !$0.contains("Cumulative") }
        // A click on the first day column (the page of the 88 days that fit in 100 columns).
        let first = DemoDay.day.advanced(by: -87)
        try tmux.sendLiteral("\u{1B}[<0;12;6M\u{1B}[<0;12;6m")
        try await tmux.waitFor(" \(first) ")
        try tmux.send("q")
        try await tmux.waitFor("exit=0")
        #expect(tmux.alternateOn == "0")
    }

    @Test(.timeLimit(.minutes(1)))
    func enterOnADayOpensItsReplayAndHBringsTheHistoryBack() async throws {
        let tmux = try start("history", width: 160, height: 48)
        defer { tmux.kill() }
        try await tmux.waitFor("2026-01-14 Wed")
        try tmux.send("Enter")
        // The dashboard of that day: `liqtop replay` took over the terminal.
        try await tmux.waitFor("1 Liquidations", "2 ETF flows")
        try tmux.sendLiteral("h")
        try await tmux.waitFor("Liquidations per day", "2026-01-14 Wed")
        try tmux.send("q")
        try await tmux.waitFor("exit=0")
        #expect(tmux.alternateOn == "0")
    }
}
