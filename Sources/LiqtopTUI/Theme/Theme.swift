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

    /// The role's colour. A theme that sets `selection` but not `selection_inactive` gets a
    /// dimmer selection of its own (halfway to its background), not the dark default's.
    public func color(_ role: Role) -> RGB {
        if let c = colors[role] { return c }
        if role == .selectionInactive { return RGB.halfway(color(.selection), color(.background)) }
        return Self.defaultColor(role)
    }

    public subscript(role: Role) -> RGB { color(role) }

    /// The background the theme paints behind every cell; nil: the terminal's own (a theme
    /// that leaves `background` unset, like btop's `theme_background = False`).
    public var background: RGB? { colors[.background] }
    public var text: RGB { color(.text) }

    /// Used when no theme file is found, and for every key a file leaves out. It sets every role
    /// but `background`: the dark default draws on the terminal's own background.
    public static let builtIn = Theme(
        name: "default",
        colors: Dictionary(uniqueKeysWithValues: Role.allCases.filter { $0 != .background }.map { ($0, defaultColor($0)) }))

    /// The dark default (same values as Themes/default.theme), in the spirit of btop's.
    /// A long liquidation is a forced sell (price falls): red; a short one is a forced buy: green.
    /// `background` is what the other colours were chosen against; the default does not paint it.
    public static func defaultColor(_ role: Role) -> RGB {
        switch role {
        case .background: RGB(0x00, 0x00, 0x00)
        case .text: RGB(0xcc, 0xcc, 0xcc)
        case .dim: RGB(0x6c, 0x6c, 0x6c)
        case .title: RGB(0xff, 0xff, 0xff)
        case .border: RGB(0x3a, 0x3a, 0x3a)
        case .focus: RGB(0x5f, 0xaf, 0xff)
        case .selection: RGB(0x26, 0x4f, 0x78)
        case .selectionInactive: RGB(0x13, 0x27, 0x3c)
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
