import ArgumentParser
import LiqtopConfig
import LiqtopCore
import LiqtopTUI

/// What `liqtop --generate-completion-script bash|zsh|fish` offers for option values. Lists
/// known when the script is generated are written into it; themes (user files come and go) are
/// asked of the binary at each TAB (`liqtop ---completion …`, ArgumentParser's callback).
enum CompletionValues {
    /// `--speed`: the replay's own steps (`ReplaySpeed`), as typed.
    static let speeds = ReplaySpeed.steps.map { $0.map(String.init) ?? "max" }
    static var speed: CompletionKind { .list(speeds) }

    /// `--preset`: the built-in presets and the config file's own, at the time of the TAB.
    static let presets = Preset.builtIn.map(\.name)
    static func presetNames() -> [String] {
        let paths = ConfigPaths(flag: nil, environment: ThemeLoader.processEnvironment(["LIQTOP_CONFIG", "XDG_CONFIG_HOME", "HOME"]))
        return ConfigFile.load(paths).settings.allPresets.map(\.name)
    }
    static var preset: CompletionKind { .custom { _, _, _ in presetNames() } }

    /// `--theme`: every theme `liqtop themes` lists (user themes first found), at the time of the TAB.
    static func themeNames() -> [String] {
        ThemeLoader(searchDirectories: ThemeLoader.bundledDirectories(executablePath: ThemeLoader.executablePath()),
                    environment: ThemeLoader.processEnvironment()).available().map(\.name)
    }
    static var theme: CompletionKind { .custom { _, _, _ in themeNames() } }

    /// `--venues a,b,…`: the word typed so far up to its last comma, followed by each venue not
    /// yet named (`binance,by` → `binance,bybit`, …); the shell keeps those that match.
    static func venueWords(_ typed: String) -> [String] {
        let head = typed.lastIndex(of: ",").map { String(typed[...$0]) } ?? ""
        let named = Set(head.split(separator: ",").map { $0.lowercased() })
        return Venue.allCases.map(\.rawValue).filter { !named.contains($0) }.map { head + $0 }
    }
    static var venues: CompletionKind { .custom { _, _, prefix in venueWords(prefix) } }
}
