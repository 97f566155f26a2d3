import Foundation
import Testing
import LiqtopCore
@testable import LiqtopFeeds

/// The hook command gets the alert on stdin and in its environment, and nothing in the alert
/// is ever run: the argv is the test's, fixed; data only flows through stdin and env.
@Suite struct AlertHookTests {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("liqtop-hook-\(getpid())-\(UUID().uuidString)")

    @Test func dataIsNeverExecuted() async throws {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let marker = dir.appendingPathComponent("pwned").path
        let out = dir.appendingPathComponent("stdin.json").path, env = dir.appendingPathComponent("env.txt").path
        let hostile = "BTC$(touch \(marker));touch \(marker);`touch \(marker)`'\"|& touch \(marker)"
        let alert = Alert(time: 1_768_432_662_318, rule: "order >= 1M; touch \(marker)", kind: .order, side: .short,
                          coin: hostile, venue: .bybit, usd: USD(micros: 8_419_993_500_000), text: "note: \(hostile) $HOME")
        let outcome = await AlertHook.run(["/bin/sh", "-c", "cat > \"$0\"; env > \"$1\"", out, env], alert: alert)
        #expect(outcome == .succeeded)
        #expect(!FileManager.default.fileExists(atPath: marker))
        #expect(try String(contentsOfFile: out, encoding: .utf8) == alert.json + "\n")
        let lines = try String(contentsOfFile: env, encoding: .utf8).split(separator: "\n").map(String.init)
        for (name, value) in alert.environment { #expect(lines.contains("\(name)=\(value)"), "\(name)") }
        #expect(lines.contains { $0.hasPrefix("LIQTOP_ALERT_COIN=BTC$(touch \(marker));touch \(marker);`touch") })
        #expect(lines.contains("LIQTOP_ALERT_USD=8419993.5"))
        #expect(lines.contains("LIQTOP_ALERT_TIME=2026-01-14T23:17:42.318Z"))
        #expect(lines.contains { $0.hasPrefix("PATH=") }) // the rest of the environment is passed on
    }

    @Test func failuresAreValuesNotCrashes() async throws {
        let alert = Alert(time: 0, rule: "order >= 1M", kind: .order, text: "x")
        guard case .failed(let missing) = await AlertHook.run(["liqtop-no-such-command-\(UUID().uuidString)"], alert: alert) else {
            Issue.record("a missing command succeeded"); return
        }
        #expect(missing.contains("cannot run: No such file or directory"), "\(missing)")
        #expect(await AlertHook.run(["/bin/sh", "-c", "exit 3"], alert: alert) == .failed("/bin/sh exited with status 3"))
        #expect(await AlertHook.run([], alert: alert) == .failed("empty hook command"))
        // A hook that never reads its stdin, and one that hangs: neither holds us, both are reaped.
        #expect(await AlertHook.run(["/bin/true"], alert: alert) == .succeeded)
        let started = ContinuousClock.now
        let hung = await AlertHook.run(["/bin/sleep", "30"], alert: alert, timeout: .milliseconds(300))
        #expect(hung == .failed("/bin/sleep did not finish within 0 s and was killed"))
        // Killed, not waited for: well before the hook's own 30 s. (Not a speed bound: under TSan
        // beside the other suites on two cores, stop 20's run took 5.6 s for the 0.3 s timeout.)
        #expect(ContinuousClock.now - started < .seconds(20))
    }
}
