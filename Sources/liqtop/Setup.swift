import ArgumentParser
import LiqtopApp
import LiqtopConfig
import LiqtopCore
import LiqtopFeeds
import LiqtopTUI

/// The settings a command runs with: the config file, then what state.toml remembers (where
/// the config has not changed since), then the command-line flags. The config is only read.
struct Setup {
    var settings: Settings
    var config: ConfigFile
    var state: StateFile?
    var remembered: RememberedState

    /// Reads the config; its warnings go to stderr, its errors end the command (exit 2) with
    /// every one of them as FILE:LINE: message.
    static func load(_ options: SettingsOptions, rememberState: Bool = true) throws -> Setup {
        let paths = ConfigPaths(flag: options.config, environment: ThemeLoader.processEnvironment(["LIQTOP_CONFIG", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "HOME"]))
        let config = ConfigFile.load(paths, checkRule: AlertRules.problem)
        for line in config.located { Terminal.standardError("liqtop: " + line) }
        if !config.errors.isEmpty { throw ExitCode(2) }
        let state = rememberState ? StateFile(paths) : nil
        let remembered = state?.load() ?? RememberedState()
        var settings = remembered.applied(to: config.settings)
        if let p = options.preset {
            let names = settings.allPresets.map(\.name)
            guard names.contains(p) else { throw CLIError(message: "no preset '\(SafeText.short(p))': use \(names.joined(separator: ", "))") }
            settings.preset = p
        }
        if let tz = options.timeZone {
            if let why = ZoneResolver.problem(tz) { throw CLIError(message: "--tz: " + why) }
            settings.timeZone = tz
        }
        return Setup(settings: settings, config: config, state: state, remembered: remembered)
    }

    /// The store's part: tiers and the tape's minimum.
    var storeConfig: MarketStore.Config {
        var c = MarketStore.Config()
        c.tiers = settings.tiers
        c.tapeMinimum = settings.tapeMinimum
        return c
    }

    /// The dashboard's options; `theme` and `noMouse` are the flags (they beat the file).
    /// `span`: the times the dashboard may show (the zone's offsets are looked up over it).
    func dashboardOptions(frames: Int?, theme: String?, noMouse: Bool, saver: StateSaver?, span: ClosedRange<Millis>) throws -> DashboardApp.Options {
        var o = DashboardApp.Options(frames: frames, theme: theme ?? settings.theme, mouse: !noMouse && settings.mouse)
        o.zone = try ZoneResolver.resolve(settings.timeZone, span: span)
        o.window = settings.window
        o.presets = settings.allPresets
        o.preset = settings.preset
        o.keyMap = KeyMap.standard.overriding(settings.keys)
        o.coinFocus = remembered.focus
        o.alerts = try alertOptions()
        if let saver { o.remember = { saver.save($0) } }
        return o
    }

    /// The config's alerts (each rule already checked when the file was read).
    func alertOptions() throws -> AlertOptions {
        var a = AlertOptions()
        for s in settings.alerts {
            do throws(AlertRuleError) {
                a.rules.append(.init(rule: try AlertRule(parsing: s.rule), bell: s.bell, command: s.command))
            } catch {
                throw CLIError(message: "\(config.path ?? "config"):\(s.line): \(error.message)")
            }
        }
        a.repeatInterval = settings.alertRepeat
        a.muteFor = .milliseconds(settings.muteFor)
        a.hookFailed = { LiqtopLog.logger("liqtop.alerts").warning("\($0)") }
        return a
    }

    /// Saves what the dashboard remembers, in order, off the main actor; `finish()` waits for
    /// the last write before the process exits.
    func saver() -> StateSaver? {
        state.map { StateSaver(file: $0, seen: .init(theme: config.settings.theme ?? "default", window: config.settings.window, preset: config.settings.preset)) }
    }
}

/// Writes state.toml for each change the dashboard reports, one after another. A failure is
/// said once the dashboard has given the terminal back (never over the screen).
final class StateSaver: Sendable {
    private let continuation: AsyncStream<DashboardApp.ViewMemory>.Continuation
    private let writer: Task<String?, Never>

    init(file: StateFile, seen: RememberedState.Seen) {
        let (changes, continuation) = AsyncStream.makeStream(of: DashboardApp.ViewMemory.self)
        self.continuation = continuation
        writer = Task.detached {
            var failure: String?
            for await m in changes {
                let state = RememberedState(theme: m.theme, window: m.window, focus: m.focus, preset: m.preset, seen: seen)
                failure = file.save(state) ?? failure
            }
            return failure
        }
    }

    func save(_ m: DashboardApp.ViewMemory) { continuation.yield(m) }

    /// Waits for the last write; says on stderr if any failed.
    func finish() async {
        continuation.finish()
        if let failure = await writer.value { Terminal.standardError("liqtop: what the dashboard remembers was not saved: \(failure)") }
    }
}

/// The alert rules' parser, as the config checker uses it.
enum AlertRules {
    static let problem: @Sendable (String) -> String? = { text in
        do throws(AlertRuleError) { _ = try AlertRule(parsing: text); return nil } catch { return error.message }
    }
}

extension Setup {
    /// `~/x` in a config path means the home directory's `x`, as a shell would read it.
    static func expandingHome(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = ThemeLoader.processEnvironment(["HOME"])["HOME"] else { return path }
        return home + path.dropFirst()
    }
}
