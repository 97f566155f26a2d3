import Foundation
import LiqtopTestSupport
import Testing

/// `liqtop config --default | --check`, and the config read by `summary` and `alerts`.
@Suite struct ConfigCLITests {
    static func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("liqtop-\(UUID().uuidString).toml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func theDefaultFileChecksClean() async throws {
        let d = try await LiqtopBinary.run(["config", "--default"])
        #expect(d.status == 0 && d.stdout.contains("[tiers]") && d.stdout.contains("never writes this file"))
        let path = try Self.file(d.stdout)
        let c = try await LiqtopBinary.run(["config", "--check", "--config", path])
        #expect(c.status == 0, "\(c.stderr)")
        #expect(c.stdout == "\(path): ok\n" && c.stderr.isEmpty)
    }

    @Test func everyProblemIsFileLineMessageAndExitTwo() async throws {
        let path = try Self.file("theme = \"no-such-theme\"\nwindow = \"2h\"\ncolour = 1\n[[alerts]]\nrule = \"order >= 1X\"\n")
        let c = try await LiqtopBinary.run(["config", "--check", "--config", path])
        #expect(c.status == 2)
        let lines = c.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(c.stderr)")
        #expect(lines.allSatisfy { $0.hasPrefix(path + ":") })
        #expect(lines.contains { $0.hasPrefix(path + ":1: theme: no theme 'no-such-theme'") })
        #expect(lines.contains { $0.hasPrefix(path + ":2: window:") && $0.contains("1h, 4h, 12h or 24h") })
        #expect(lines.contains { $0.hasPrefix(path + ":3: warning: unknown key 'colour'") })
        #expect(lines.contains { $0.hasPrefix(path + ":5: alerts[1].rule: order: cannot read an amount") })
        // The same file stops the dashboard's commands too, before anything runs.
        let s = try await LiqtopBinary.run(["summary", "--config", path])
        #expect(s.status == 2 && s.stdout.isEmpty && s.stderr.contains(path + ":2: window:"))
    }

    @Test func anUnknownKeyOnlyWarns() async throws {
        let path = try Self.file("colour = \"red\"\n")
        let c = try await LiqtopBinary.run(["config", "--check", "--config", path])
        #expect(c.status == 0 && c.stderr == "\(path):1: warning: unknown key 'colour' (known here: theme, window, preset, mouse, timezone, record_dir, venues, coins, tape_minimum, alert_repeat, mute_for, tiers, alerts, keys, presets)\n")
    }

    @Test func aNamedConfigThatIsMissingIsAnError() async throws {
        let r = try await LiqtopBinary.run(["summary", "--config", "/no/such/liqtop.toml"])
        #expect(r.status == 2 && r.stderr == "liqtop: /no/such/liqtop.toml:1: cannot read: no such file\n")
        let z = try await LiqtopBinary.run(["--tz", "Mars/Olympus"])
        #expect(z.status == 2 && z.stderr.contains("--tz: unknown time zone 'Mars/Olympus'"), "\(z.stderr)")
    }

    /// summary counts the config's tiers, as the tape's title does.
    @Test func summaryCountsTheConfigsTiers() async throws {
        let path = try Self.file("[tiers]\nall = [\"250k\", \"1.5M\", \"5M\"]\n")
        let r = try await LiqtopBinary.run(["summary", "--config", path])
        #expect(r.status == 0)
        #expect(r.stdout.contains("≥$250k") && r.stdout.contains("≥$1.5M") && r.stdout.contains("≥$5M") && !r.stdout.contains("≥$50k"))
        let j = try await LiqtopBinary.run(["summary", "--json", "--config", path])
        let tiers = try #require((try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as? [String: Any])?["tiers"] as? [String: Any])
        #expect((tiers["thresholds"] as? [Double]) == [250_000, 1_500_000, 5_000_000])
    }

    /// `liqtop alerts` takes the config's rules when no --alert is given.
    @Test func alertsTakeTheConfigsRules() async throws {
        let path = try Self.file("[[alerts]]\nrule = \"order >= 8M\"\n")
        let r = try await LiqtopBinary.run(["alerts", "--config", path])
        #expect(r.status == 0 && r.stdout.split(separator: "\n").count == 1 && r.stdout.contains("\"rule\":\"order >= 8M\""), "\(r.stdout)")
    }
}
