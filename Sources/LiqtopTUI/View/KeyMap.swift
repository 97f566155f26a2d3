/// The key table in use: `KeyBindings.all` with the config's `[keys]` applied. A user's keys
/// replace the action's own and are taken from any other action that had them, so one key
/// never means two things; the `?` overlay and the status line draw from this table.
public struct KeyMap: Sendable, Equatable {
    public private(set) var bindings: [KeyBinding]
    private var byKey: [Key: Action]

    public static let standard = KeyMap(KeyBindings.all)

    init(_ bindings: [KeyBinding]) {
        self.bindings = bindings
        byKey = [:]
        for b in bindings { for k in b.keys where byKey[k] == nil { byKey[k] = b.action } }
    }

    public static func == (a: KeyMap, b: KeyMap) -> Bool { a.byKey == b.byKey }

    public func action(for key: Key) -> Action? { byKey[key] }

    /// The table with `overrides` (action → its new keys) applied.
    public func overriding(_ overrides: [Action: [Key]]) -> KeyMap {
        let taken = Set(overrides.values.joined())
        var out: [KeyBinding] = []
        for var b in bindings {
            if let keys = overrides[b.action] { b.keys = keys } else { b.keys.removeAll { taken.contains($0) } }
            out.append(b)
        }
        return KeyMap(out)
    }

    /// The config name of an action: `togglePause` → `toggle_pause`.
    public static func configName(_ a: Action) -> String {
        var out = ""
        for ch in a.rawValue {
            if ch.isUppercase { out += "_" + ch.lowercased() } else { out.append(ch) }
        }
        return out
    }

    public static func action(configName name: String) -> Action? {
        Action.allCases.first { configName($0) == name }
    }

    /// A key as the overlay writes it (`q`, `Ctrl-C`, `Space`, `PgDn`, `F5`), back to the key.
    public static func key(named name: String) -> Key? {
        let named: [Key] = [.enter, .escape, .backspace, .tab, .backTab, .up, .down, .left, .right,
                            .pageUp, .pageDown, .home, .end, .char(" ")]
        if let k = named.first(where: { KeyBindings.label($0).lowercased() == name.lowercased() }) { return k }
        let lower = name.lowercased()
        if lower.hasPrefix("ctrl-"), name.count == 6, let c = lower.last, c.isASCII, c.isLetter { return .ctrl(c) }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1 ... 12).contains(n) { return .function(n) }
        // One printable ASCII character (never a control byte: it could not be typed as a key name).
        if name.count == 1, let c = name.first, c.isASCII, let a = c.asciiValue, a > 32, a < 127 { return .char(c) }
        return nil
    }
}
