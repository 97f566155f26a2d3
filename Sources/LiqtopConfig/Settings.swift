import LiqtopCore
import LiqtopTUI

/// Everything the config file can set, at its defaults. Command-line flags override these
/// (the executable applies them after reading the file).
public struct Settings: Sendable, Equatable {
    /// A theme name or a `.theme` file; nil: the default theme.
    public var theme: String?
    public var window: Window = .h24
    public var preset = "full"
    public var mouse = true
    /// `UTC`, `local` or an `Area/City` zone, for the displayed clock and times.
    public var timeZone = "UTC"
    /// Where `live` and `tail` record when no `--record DIR` is given (nil: no recording).
    public var recordDirectory: String?
    /// Venues `live` connects to (empty: all).
    public var venues: [Venue] = []
    /// Coins `live` keeps (empty: all).
    public var coins: [String] = []
    /// The tape lists orders of at least this much.
    public var tapeMinimum = USD(dollars: 50_000)
    public var tiers = TierLadder()
    /// Without a config file: an alert on every order of $1M or more and on a $20M cascade.
    public var alerts: [AlertSetting] = [AlertSetting(rule: "order >= 1M"), AlertSetting(rule: "cascade >= 20M in 60s")]
    /// The least time between two notifications (flash, bell, command) of one rule.
    public var alertRepeat: Millis = 30 * Duration.second
    /// How long `m` mutes notifications.
    public var muteFor: Millis = 15 * Duration.minute
    /// `[keys]`: action → its keys.
    public var keys: [Action: [Key]] = [:]
    /// `[presets.NAME]`, in file order.
    public var presets: [Preset] = []

    public init() {}

    /// Built-in presets, then the config's (a config preset named like a built-in one replaces it).
    public var allPresets: [Preset] {
        var out = Preset.builtIn
        for p in presets {
            if let i = out.firstIndex(where: { $0.name == p.name }) { out[i] = p } else { out.append(p) }
        }
        return out
    }
}

/// One `[[alerts]]` table.
public struct AlertSetting: Sendable, Equatable {
    public var rule: String
    /// argv of a command run on each notification (no shell); empty: none.
    public var command: [String] = []
    public var bell = false
    /// The line of its `rule` in the file (for messages about it later).
    public var line = 0

    public init(rule: String, command: [String] = [], bell: Bool = false, line: Int = 0) {
        self.rule = rule; self.command = command; self.bell = bell; self.line = line
    }

    /// Where it was written does not make two alerts different.
    public static func == (a: AlertSetting, b: AlertSetting) -> Bool {
        a.rule == b.rule && a.command == b.command && a.bell == b.bell
    }
}

/// A problem in a config file: an error (the file is not used) or a warning (an unknown key).
public struct ConfigProblem: Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public var isError: Bool

    public init(line: Int, message: String, isError: Bool = true) {
        self.line = line; self.message = message; self.isError = isError
    }

    public var description: String { "\(line): " + (isError ? "" : "warning: ") + message }

    /// `FILE:LINE: message`, as compilers write it.
    public func located(in file: String) -> String { SafeText.short(file, limit: 200) + ":" + description }
}
