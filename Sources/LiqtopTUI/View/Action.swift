/// Everything a key can ask for. Bindings map keys to these; the reducer interprets them.
public enum Action: String, Sendable, Hashable, CaseIterable {
    case quit, help
    case focusNext, focusPrevious, focusLiquidations, focusETF, focusMacro, focusLeverage
    case up, down, pageUp, pageDown
    case drillIn, back
    case filter, cycleSort, cycleWindow
    case togglePause, faster, slower
    case seekBackMinute, seekForwardMinute, seekBackHour, seekForwardHour
    case jumpStart, jumpEnd, jumpLargest
    case nextTheme, showRejections, showVenues
    case chartCursor, cyclePane, goToTime, allCoins
    case cyclePreset, showAlerts, mute
    case openHistory
}

/// One row of the key table: the `?` overlay and the README's key table are both made from
/// `KeyBindings.all`, so they cannot drift apart.
public struct KeyBinding: Sendable {
    public var keys: [Key]
    public var action: Action
    public var description: String
    public var group: String
    /// The status line's short label; nil keeps the binding off the status line.
    public var hint: String? = nil

    /// Replay keys do nothing on live data: hidden from the status line and greyed in `?` there.
    public var isReplayOnly: Bool { group == "Replay" }

    /// `q quit`: the key as the status line writes it, and the label.
    public var statusKey: String {
        switch keys.first {
        case .enter?: "⏎"
        case .left?: "←→"
        case .char("+")?: "+/-"
        default: keys.first.map(KeyBindings.label) ?? ""
        }
    }
}

public enum KeyBindings {
    public static let all: [KeyBinding] = [
        KeyBinding(keys: [.char("q"), .ctrl("c")], action: .quit, description: "quit", group: "General", hint: "quit"),
        KeyBinding(keys: [.char("?")], action: .help, description: "help (this overlay)", group: "General", hint: "help"),
        KeyBinding(keys: [.char("t")], action: .nextTheme, description: "next colour theme", group: "General"),
        KeyBinding(keys: [.char("e")], action: .showRejections, description: "rejected input (file, line, reason)", group: "General"),
        KeyBinding(keys: [.char("v")], action: .showVenues, description: "venues: state, share, coverage, instruments", group: "General", hint: "venues"),
        KeyBinding(keys: [.char("a")], action: .showAlerts, description: "alerts: every one that fired, newest first", group: "General"),
        KeyBinding(keys: [.char("m")], action: .mute, description: "mute alert bell, flash and commands for a while (again: unmute)", group: "General"),
        KeyBinding(keys: [.tab], action: .focusNext, description: "focus next panel", group: "Navigate", hint: "panel"),
        KeyBinding(keys: [.backTab], action: .focusPrevious, description: "focus previous panel", group: "Navigate"),
        KeyBinding(keys: [.char("1")], action: .focusLiquidations, description: "focus Liquidations", group: "Navigate"),
        KeyBinding(keys: [.char("2")], action: .focusETF, description: "focus ETF flows", group: "Navigate"),
        KeyBinding(keys: [.char("3")], action: .focusMacro, description: "focus Macro", group: "Navigate"),
        KeyBinding(keys: [.char("4")], action: .focusLeverage, description: "focus Leverage (price, open interest, funding)", group: "Navigate"),
        KeyBinding(keys: [.up, .char("k")], action: .up, description: "move up", group: "Navigate"),
        KeyBinding(keys: [.down, .char("j")], action: .down, description: "move down", group: "Navigate"),
        KeyBinding(keys: [.pageUp], action: .pageUp, description: "page up (by the rows shown)", group: "Navigate"),
        KeyBinding(keys: [.pageDown], action: .pageDown, description: "page down (by the rows shown)", group: "Navigate"),
        KeyBinding(keys: [.enter], action: .drillIn, description: "drill in (a Top coin: focus it, again: its venues)", group: "Navigate", hint: "drill"),
        KeyBinding(keys: [.escape, .backspace], action: .back, description: "back out (clears the coin focus)", group: "Navigate", hint: "back"),
        KeyBinding(keys: [.char("c")], action: .chartCursor, description: "chart cursor on/off (←→ Home End move it)", group: "View", hint: "cursor"),
        KeyBinding(keys: [.char("x")], action: .cyclePane, description: "chart / price / coins / tape when not all fit", group: "View"),
        KeyBinding(keys: [.char("A")], action: .allCoins, description: "all coins (sortable, filterable table)", group: "View"),
        KeyBinding(keys: [.char("p")], action: .cyclePreset, description: "next layout preset (full, liquidations, flows, compact, yours)", group: "View"),
        KeyBinding(keys: [.char("/")], action: .filter, description: "filter by coin or fund", group: "View", hint: "filter"),
        KeyBinding(keys: [.char("s")], action: .cycleSort, description: "cycle sort", group: "View"),
        KeyBinding(keys: [.char("w")], action: .cycleWindow, description: "cycle window 1h/4h/12h/24h", group: "View", hint: "window"),
        KeyBinding(keys: [.char("h"), .char("5")], action: .openHistory, description: "history of these files: days side by side, compare", group: "View"),
        KeyBinding(keys: [.char(" ")], action: .togglePause, description: "pause / resume replay", group: "Replay", hint: "pause"),
        KeyBinding(keys: [.char("+"), .char("=")], action: .faster, description: "faster (1× … 3600×, max)", group: "Replay", hint: "speed"),
        KeyBinding(keys: [.char("-")], action: .slower, description: "slower", group: "Replay"),
        KeyBinding(keys: [.left], action: .seekBackMinute, description: "seek −1 minute", group: "Replay", hint: "seek"),
        KeyBinding(keys: [.right], action: .seekForwardMinute, description: "seek +1 minute", group: "Replay"),
        KeyBinding(keys: [.char("<"), .char(",")], action: .seekBackHour, description: "seek −1 hour", group: "Replay"),
        KeyBinding(keys: [.char(">"), .char(".")], action: .seekForwardHour, description: "seek +1 hour", group: "Replay"),
        KeyBinding(keys: [.home], action: .jumpStart, description: "start of the recording (in a table: first row)", group: "Replay"),
        KeyBinding(keys: [.end], action: .jumpEnd, description: "end of the recording (in a table: last row)", group: "Replay"),
        KeyBinding(keys: [.char("g")], action: .goToTime, description: "go to a time: 21:00, -2h, 2026-01-14 21:00", group: "Replay", hint: "go to"),
        KeyBinding(keys: [.char("b")], action: .jumpLargest, description: "jump to the largest liquidation (of the focused coin)", group: "Replay"),
    ]


    /// How a key is written in the help overlay and the README.
    public static func label(_ key: Key) -> String {
        switch key {
        case .char(" "): "Space"
        case .char(let c): String(c)
        case .ctrl(let c): "Ctrl-" + String(c).uppercased()
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .resize: "resize"
        case .function(let n): "F\(n)"
        case .unknown(let n): "key \(n)"
        }
    }

    /// The README's key table (markdown), generated from the same list.
    public static var markdownTable: String {
        var lines = ["| keys | action | group |", "| --- | --- | --- |"]
        for b in all {
            let keys = b.keys.map { "`\(label($0))`" }.joined(separator: " ")
            lines.append("| \(keys) | \(b.description) | \(b.group) |")
        }
        return lines.joined(separator: "\n")
    }
}
