import Foundation
import LiqtopConfig
import LiqtopCore
import Testing

@Suite struct StateFileTests {
    static func temporaryDirectory() -> String {
        let dir = NSTemporaryDirectory() + "liqtop-state-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func theStateRoundTripsAndWinsUntilTheConfigChanges() throws {
        let dir = Self.temporaryDirectory()
        let file = try #require(StateFile(ConfigPaths(flag: nil, environment: ["HOME": "/nowhere", "XDG_STATE_HOME": dir])))
        #expect(file.path == dir + "/liqtop/state.toml")
        let saved = RememberedState(theme: "amber\"x", window: .h4, focus: "SOL", preset: "compact",
                                    seen: .init(theme: "default", window: .h24, preset: "full"))
        #expect(file.save(saved) == nil)
        #expect(file.load() == saved)
        let applied = file.load().applied(to: Settings())
        #expect(applied.theme == "amber\"x" && applied.window == .h4 && applied.preset == "compact")
        // The user edits the config's window: the edit wins, the rest is still remembered.
        var edited = Settings(); edited.window = .h1
        let after = file.load().applied(to: edited)
        #expect(after.window == .h1 && after.theme == "amber\"x")
    }

    @Test func unreadableStateIsForgotten() {
        #expect(RememberedState(toml: "window = [\n") == RememberedState())
        #expect(RememberedState(toml: "window = \"7h\"").window == nil)
    }

    /// Many writers at once (as two instances quitting together): the file is always one whole
    /// state, never a mix or a torn write, and no temporary file is left behind.
    @Test func writersAtOnceLeaveOneWholeFile() async throws {
        let dir = Self.temporaryDirectory()
        let file = try #require(StateFile(ConfigPaths(flag: nil, environment: ["XDG_STATE_HOME": dir])))
        let states = (0 ..< 16).map { RememberedState(theme: String(repeating: "t\($0)", count: 200), window: .h12, focus: "C\($0)") }
        await withTaskGroup(of: String?.self) { group in
            for s in states { for _ in 0 ..< 8 { group.addTask { file.save(s) } } }
            for await failure in group { #expect(failure == nil) }
        }
        #expect(states.contains(file.load()))
        let left = try FileManager.default.contentsOfDirectory(atPath: dir + "/liqtop")
        #expect(left == ["state.toml"])
    }
}

@Suite struct ConfigPathsTests {
    @Test func flagBeatsEnvironmentBeatsXDG() {
        #expect(ConfigPaths(flag: "/a.toml", environment: ["LIQTOP_CONFIG": "/b.toml"]).config == "/a.toml")
        #expect(ConfigPaths(flag: nil, environment: ["LIQTOP_CONFIG": "/b.toml", "XDG_CONFIG_HOME": "/x"]).config == "/b.toml")
        #expect(ConfigPaths(flag: nil, environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]).config == "/x/liqtop/config.toml")
        #expect(ConfigPaths(flag: nil, environment: ["XDG_CONFIG_HOME": "rel", "HOME": "/h"]).config == "/h/.config/liqtop/config.toml")
        #expect(ConfigPaths(flag: nil, environment: ["HOME": "/h"]).state == "/h/.local/state/liqtop/state.toml")
        #expect(!ConfigPaths(flag: nil, environment: ["HOME": "/h"]).configIsExplicit)
    }

    @Test func aMissingNamedFileIsAnErrorAndAMissingDefaultIsNot() {
        let missing = ConfigFile.load(ConfigPaths(flag: "/no/such/liqtop.toml", environment: [:]))
        #expect(missing.errors.count == 1 && missing.located[0] == "/no/such/liqtop.toml:1: cannot read: no such file")
        let absent = ConfigFile.load(ConfigPaths(flag: nil, environment: ["HOME": "/no/such/home"]))
        #expect(absent.problems.isEmpty && absent.settings == Settings())
    }
}
