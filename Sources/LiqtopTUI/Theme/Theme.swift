/// A colour for every semantic role. Files may set only some roles: `color(_:)` falls back to
/// the compiled-in dark default, so a theme can never leave a role without a colour.
public struct Theme: Sendable, Equatable {
    public var name: String
    /// The roles this theme sets explicitly (from its file); the rest come from `builtIn`.
    public var colors: [Role: RGB]

    public init(name: String, colors: [Role: RGB] = [:]) {
        self.name = name
        self.colors = colors
    }

    public func color(_ role: Role) -> RGB { colors[role] ?? Self.defaultColor(role) }

    public subscript(role: Role) -> RGB { color(role) }

    public var background: RGB { color(.background) }
    public var text: RGB { color(.text) }

    /// Used when no theme file is found, and for every key a file leaves out.
    public static let builtIn = Theme(
        name: "default",
        colors: Dictionary(uniqueKeysWithValues: Role.allCases.map { ($0, defaultColor($0)) }))

    /// The dark default (same values as Themes/default.theme), in the spirit of btop's.
    /// A long liquidation is a forced sell (price falls): red; a short one is a forced buy: green.
    public static func defaultColor(_ role: Role) -> RGB {
        switch role {
        case .background: RGB(0x00, 0x00, 0x00)
        case .text: RGB(0xcc, 0xcc, 0xcc)
        case .dim: RGB(0x6c, 0x6c, 0x6c)
        case .title: RGB(0xff, 0xff, 0xff)
        case .border: RGB(0x3a, 0x3a, 0x3a)
        case .focus: RGB(0x5f, 0xaf, 0xff)
        case .selection: RGB(0x26, 0x4f, 0x78)
        case .long: RGB(0xff, 0x5f, 0x5f)
        case .short: RGB(0x5f, 0xd7, 0x5f)
        case .inflow: RGB(0x5f, 0xd7, 0x5f)
        case .outflow: RGB(0xff, 0x5f, 0x5f)
        case .warn: RGB(0xff, 0xaf, 0x00)
        case .banner: RGB(0xff, 0xd7, 0x5f)
        case .axis: RGB(0x4e, 0x4e, 0x4e)
        case .tierLarge: RGB(0xff, 0xd7, 0x5f)
        case .tierHuge: RGB(0xff, 0x87, 0xff)
        case .bar: RGB(0x1c, 0x1c, 0x1c)
        }
    }
}
