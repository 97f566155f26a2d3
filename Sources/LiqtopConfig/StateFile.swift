import LiqtopCore
import LiqtopFeeds
import LiqtopTUI
import TOMLKit

/// What liqtop remembers between runs, in `$XDG_STATE_HOME/liqtop/state.toml`: the last
/// theme, window, coin focus and preset. Beside each remembered value it keeps the config's
/// value at the time, so editing the config takes effect at the next start (the config then
/// differs from what was seen) while a key pressed in the app is remembered otherwise.
public struct RememberedState: Sendable, Equatable {
    public var theme: String?
    public var window: Window?
    public var focus: String?
    public var preset: String?
    /// The config's theme, window and preset when this was saved.
    public var seen = Seen()

    public struct Seen: Sendable, Equatable {
        public var theme: String?
        public var window: Window?
        public var preset: String?
        public init(theme: String? = nil, window: Window? = nil, preset: String? = nil) {
            self.theme = theme; self.window = window; self.preset = preset
        }
    }

    public init(theme: String? = nil, window: Window? = nil, focus: String? = nil, preset: String? = nil, seen: Seen = Seen()) {
        self.theme = theme; self.window = window; self.focus = focus; self.preset = preset; self.seen = seen
    }

    /// The settings to start with: the remembered value where the config has not changed
    /// since it was saved, else the config's.
    public func applied(to s: Settings) -> Settings {
        var out = s
        if let theme, seen.theme == (s.theme ?? "default") { out.theme = theme }
        if let window, seen.window == s.window { out.window = window }
        if let preset, seen.preset == s.preset, s.allPresets.contains(where: { $0.name == preset }) { out.preset = preset }
        return out
    }

    public var toml: String {
        var lines = ["# Written by liqtop: what it remembers between runs. Settings go in config.toml."]
        func put(_ key: String, _ value: String?) {
            if let value { lines.append("\(key) = \(Self.quoted(value))") }
        }
        put("theme", theme); put("window", window?.rawValue); put("focus", focus); put("preset", preset)
        lines.append("")
        lines.append("# The config's values when this was written (a changed config wins).")
        lines.append("[config]")
        put("theme", seen.theme); put("window", seen.window?.rawValue); put("preset", seen.preset)
        return lines.joined(separator: "\n") + "\n"
    }

    /// A TOML basic string; a control character cannot be typed into a name, but a theme path
    /// could hold one, so it is escaped rather than trusted.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if u.value < 0x20 || u.value == 0x7f { out += "\\u" + String(repeating: "0", count: 4 - String(u.value, radix: 16).count) + String(u.value, radix: 16) }
                else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }

    /// Anything unreadable is forgotten, never an error: the state is only a convenience.
    public init(toml text: String) {
        guard let t = try? TOMLTable(string: text) else { return }
        theme = t["theme"]?.string
        window = t["window"]?.string.flatMap(Window.init(rawValue:))
        focus = t["focus"]?.string.map { String(SafeText.clean($0).prefix(32)) }
        preset = t["preset"]?.string
        if let c = t["config"]?.table {
            seen = Seen(theme: c["theme"]?.string, window: c["window"]?.string.flatMap(Window.init(rawValue:)), preset: c["preset"]?.string)
        }
    }
}

/// Reads and writes `state.toml` (atomically: two instances saving at once leave one whole file).
public struct StateFile: Sendable {
    public let path: String
    public let directory: String

    public init?(_ paths: ConfigPaths) {
        guard let path = paths.state, let dir = paths.stateDirectory else { return nil }
        self.path = path; directory = dir
    }

    public func load() -> RememberedState {
        guard case .ok(let bytes) = FileSystem.read(path, limit: 64 * 1024),
              let text = String(validating: bytes, as: UTF8.self) else { return RememberedState() }
        return RememberedState(toml: text)
    }

    /// The error in words, nil on success.
    public func save(_ state: RememberedState) -> String? {
        AtomicFile.write(Array(state.toml.utf8), to: path, directory: directory)
    }
}
