/// A layout preset: which dashboard panels are on screen, the first one the largest.
/// `p` cycles the built-in ones and the config's `[presets.NAME]`.
public struct Preset: Sendable, Hashable {
    public var name: String
    public var panels: [Panel]

    public init(name: String, panels: [Panel]) { self.name = name; self.panels = panels }

    public static let full = Preset(name: "full", panels: [.liquidations, .etf, .leverage, .macro])
    /// The Liquidations panel alone, full screen.
    public static let liquidations = Preset(name: "liquidations", panels: [.liquidations])
    /// Slow money and its mood: ETF flows over the macro panel.
    public static let flows = Preset(name: "flows", panels: [.etf, .macro])
    /// For a tmux split: fast and slow money, nothing else.
    public static let compact = Preset(name: "compact", panels: [.liquidations, .etf])

    public static let builtIn: [Preset] = [.full, .liquidations, .flows, .compact]

    /// A panel's name in the config (`panels = ["liquidations", "etf"]`).
    public static func panel(named name: String) -> Panel? {
        switch name {
        case "liquidations": .liquidations
        case "etf": .etf
        case "macro": .macro
        case "leverage": .leverage
        default: nil
        }
    }

    public static let panelNames = ["liquidations", "etf", "leverage", "macro"]
}
