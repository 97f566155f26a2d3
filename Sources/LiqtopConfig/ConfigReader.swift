import LiqtopCore
import LiqtopTUI
import TOMLKit

/// Reads a config file's text into `Settings`, with every problem found (not just the first):
/// a bad value is an error naming its line and what is allowed; an unknown key is a warning.
/// Pure: the text comes in, the file is never written.
public enum ConfigReader {
    /// `checkRule`: an alert rule's parse error, nil when it is good (the alert engine's parser).
    public static func read(_ text: String, checkRule: @escaping (String) -> String? = { _ in nil }) -> (settings: Settings, problems: [ConfigProblem]) {
        var r = Reading(lines: TOMLLines(text), checkRule: checkRule)
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let e as TOMLParseError {
            return (Settings(), [ConfigProblem(line: max(1, e.source.begin.line), message: "not TOML: " + SafeText.clean(e.description))])
        } catch {
            return (Settings(), [ConfigProblem(line: 1, message: "not TOML")])
        }
        r.root(table)
        return (r.settings, r.problems.sorted { ($0.line, $0.isError ? 0 : 1) < ($1.line, $1.isError ? 0 : 1) })
    }
}

private struct Reading {
    let lines: TOMLLines
    let checkRule: (String) -> String?
    var settings = Settings()
    var problems: [ConfigProblem] = []

    mutating func error(_ path: String, _ message: String) {
        problems.append(ConfigProblem(line: lines.line(path), message: "\(Self.display(path)): \(message)"))
    }

    mutating func unknown(_ path: String, allowed: [String]) {
        problems.append(ConfigProblem(line: lines.line(path), message: "unknown key '\(SafeText.short(Self.display(path)))' (known here: \(allowed.joined(separator: ", ")))", isError: false))
    }

    /// `alerts#0.rule` → `alerts[1].rule`, as a person counts.
    static func display(_ path: String) -> String {
        path.split(separator: ".").map { part in
            guard let hash = part.firstIndex(of: "#"), let k = Int(part[part.index(after: hash)...]) else { return String(part) }
            return "\(part[..<hash])[\(k + 1)]"
        }.joined(separator: ".")
    }

    static let rootKeys = ["theme", "window", "preset", "mouse", "timezone", "record_dir", "venues", "coins",
                           "tape_minimum", "alert_repeat", "mute_for", "tiers", "alerts", "keys", "presets"]

    mutating func root(_ t: TOMLTable) {
        for (key, value) in t {
            switch key {
            case "theme": if let s = string(key, value) { settings.theme = s }
            case "window":
                if let s = string(key, value) {
                    if let w = Window(rawValue: s) { settings.window = w } else { error(key, "'\(SafeText.short(s))' is not a window: use 1h, 4h, 12h or 24h") }
                }
            case "preset": if let s = string(key, value) { settings.preset = s }
            case "mouse": if let b = bool(key, value) { settings.mouse = b }
            case "timezone": if let s = string(key, value) { settings.timeZone = s }
            case "record_dir": if let s = string(key, value) { settings.recordDirectory = s }
            case "venues":
                settings.venues = strings(key, value).compactMap { v in
                    if let venue = Venue(rawValue: v.lowercased()) { return venue }
                    error(key, "'\(SafeText.short(v))' is not a venue: use \(Venue.allCases.map(\.rawValue).joined(separator: ", "))")
                    return nil
                }
            case "coins": settings.coins = strings(key, value).map { $0.uppercased() }
            case "tape_minimum": if let u = amount(key, value) { settings.tapeMinimum = u }
            case "alert_repeat": if let d = duration(key, value) { settings.alertRepeat = d }
            case "mute_for": if let d = duration(key, value) { settings.muteFor = d }
            case "tiers": if let sub = table(key, value) { tiers(sub) }
            case "alerts": alerts(value)
            case "keys": if let sub = table(key, value) { keys(sub) }
            case "presets": if let sub = table(key, value) { presets(sub) }
            default: unknown(key, allowed: Self.rootKeys)
            }
        }
        let names = settings.allPresets.map(\.name)
        if !names.contains(settings.preset) {
            error("preset", "'\(SafeText.short(settings.preset))' is not a preset: use \(names.joined(separator: ", "))")
            settings.preset = "full"
        }
    }

    // MARK: tables

    mutating func tiers(_ t: TOMLTable) {
        for (key, value) in t {
            let path = "tiers." + key
            let amounts = array(path, value)?.enumerated().compactMap { amount(path, $0.element) } ?? []
            guard !amounts.isEmpty || (value.array?.isEmpty ?? false) else { continue }
            guard let tiers = SizeTiers(amounts), amounts.count == value.array?.count else {
                if amounts.count == value.array?.count {
                    error(path, "tiers are 1 to \(SizeTiers.maxCount) amounts, each larger than the one before, e.g. [\"50k\", \"100k\", \"1M\", \"10M\"]")
                }
                continue
            }
            if key == "all" { settings.tiers.all = tiers } else { settings.tiers.perCoin[key.uppercased()] = tiers }
        }
    }

    mutating func alerts(_ value: TOMLValueConvertible) {
        settings.alerts = [] // the file's alerts replace the defaults (`alerts = []`: none)
        guard let list = value.array else { return error("alerts", "write each alert as an [[alerts]] table with rule = \"…\"") }
        for (k, item) in list.enumerated() {
            let base = "alerts#\(k)"
            guard let t = item.table else { error(base, "write each alert as an [[alerts]] table with rule = \"…\""); continue }
            var alert = AlertSetting(rule: "", line: lines.line(base + ".rule"))
            for (key, v) in t {
                let path = base + "." + key
                switch key {
                case "rule":
                    if let s = string(path, v) {
                        if let e = checkRule(s) { error(path, e) } else { alert.rule = s }
                    }
                case "bell": if let b = bool(path, v) { alert.bell = b }
                case "command":
                    let argv = strings(path, v)
                    if v.array?.isEmpty == false, argv.isEmpty == false, argv.count == v.array?.count { alert.command = argv }
                    else if v.array?.isEmpty == false { error(path, "a command is an array of strings, the program first: [\"notify-send\", \"liqtop\"] (run without a shell)") }
                default: unknown(path, allowed: ["rule", "command", "bell"])
                }
            }
            if t["rule"] == nil { error(base, "an alert needs rule = \"…\", e.g. rule = \"order >= 1M\"") }
            if !alert.rule.isEmpty { settings.alerts.append(alert) }
        }
    }

    /// A table's entries in file order (TOMLKit gives them sorted by name), so the first of
    /// two clashing lines is the one kept.
    func ordered(_ t: TOMLTable, _ prefix: String) -> [(String, TOMLValueConvertible)] {
        t.map { ($0.0, $0.1) }.sorted { lines.line(prefix + $0.0) < lines.line(prefix + $1.0) }
    }

    mutating func keys(_ t: TOMLTable) {
        var seen: [Key: String] = [:]
        for (key, value) in ordered(t, "keys.") {
            let path = "keys." + key
            guard let action = KeyMap.action(configName: key) else {
                unknown(path, allowed: ["an action of the key table, e.g. toggle_pause, cycle_window, next_theme"])
                continue
            }
            var keys: [Key] = []
            let names = value.string != nil ? string(path, value).map({ [$0] }) ?? [] : strings(path, value)
            for name in names {
                guard let k = KeyMap.key(named: name) else {
                    error(path, "'\(SafeText.short(name))' is not a key: use a character (p), Space, Enter, Esc, Tab, PgUp, PgDn, Home, End, ↑ ↓ ← →, Ctrl-X or F1…F12")
                    continue
                }
                if let other = seen[k] { error(path, "\(KeyBindings.label(k)) is already bound to \(other)"); continue }
                seen[k] = key
                keys.append(k)
            }
            if !keys.isEmpty { settings.keys[action] = keys }
        }
    }

    mutating func presets(_ t: TOMLTable) {
        for (name, value) in t {
            let path = "presets." + name
            guard let sub = table(path, value) else { continue }
            var panels: [Panel] = []
            for (key, v) in sub {
                guard key == "panels" else { unknown(path + "." + key, allowed: ["panels"]); continue }
                for p in strings(path + ".panels", v) {
                    if let panel = Preset.panel(named: p), !panels.contains(panel) { panels.append(panel) }
                    else { error(path + ".panels", "'\(SafeText.short(p))' is not a panel (or is named twice): use \(Preset.panelNames.joined(separator: ", "))") }
                }
            }
            if panels.isEmpty { error(path, "a preset needs panels = [\"liquidations\", …] (of \(Preset.panelNames.joined(separator: ", ")))") }
            else { settings.presets.append(Preset(name: name, panels: panels)) }
        }
        settings.presets.sort { lines.line("presets." + $0.name) < lines.line("presets." + $1.name) }
    }

    // MARK: values

    mutating func string(_ path: String, _ v: TOMLValueConvertible) -> String? {
        guard let s = v.string else { error(path, "must be a string (in quotes)"); return nil }
        guard !s.unicodeScalars.contains(where: { SafeText.isUnsafe($0.value) }) else { error(path, "contains a control character"); return nil }
        return s
    }

    mutating func bool(_ path: String, _ v: TOMLValueConvertible) -> Bool? {
        guard let b = v.bool else { error(path, "must be true or false"); return nil }
        return b
    }

    mutating func table(_ path: String, _ v: TOMLValueConvertible) -> TOMLTable? {
        guard let t = v.table else { error(path, "must be a table ([\(Self.display(path))])"); return nil }
        return t
    }

    mutating func array(_ path: String, _ v: TOMLValueConvertible) -> TOMLArray? {
        guard let a = v.array else { error(path, "must be an array [ … ]"); return nil }
        return a
    }

    mutating func strings(_ path: String, _ v: TOMLValueConvertible) -> [String] {
        guard let a = array(path, v) else { return [] }
        return a.compactMap { string(path, $0) }
    }

    /// `"250k"`, `"1.5M"` or a whole number of dollars.
    mutating func amount(_ path: String, _ v: TOMLValueConvertible) -> USD? {
        if let i = v.int, i >= 0, let u = USD.amount(String(i)) { return u }
        if let s = v.string, let u = USD.amount(s) { return u }
        error(path, "must be an amount of USD: 50000, \"250k\", \"1.5M\", \"2B\"")
        return nil
    }

    /// `"30s"`, `"15m"`, `"1h"`.
    mutating func duration(_ path: String, _ v: TOMLValueConvertible) -> Millis? {
        if let s = v.string, let d = DurationText.parse(s) { return d }
        error(path, "must be a duration: \"30s\", \"15m\", \"1h\"")
        return nil
    }
}

/// `30s`, `15m`, `2h`, `1d` as milliseconds; positive, at most 30 days.
public enum DurationText {
    public static func parse(_ s: some StringProtocol) -> Millis? {
        guard let unit = s.last, let n = Millis(s.dropLast()), n > 0 else { return nil }
        let ms: Millis
        switch unit {
        case "s": ms = n * Duration.second
        case "m": ms = n * Duration.minute
        case "h": ms = n * Duration.hour
        case "d": ms = n * Duration.day
        default: return nil
        }
        return ms <= 30 * Duration.day ? ms : nil
    }
}
