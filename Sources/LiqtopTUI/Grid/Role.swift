/// Semantic colour roles: panels ask for meaning, themes decide colours (the htop way).
public enum Role: String, CaseIterable, Sendable, Hashable {
    case background, text, dim, title, border, focus, selection
    /// Background of the selected row of a panel that does not have the focus: a dimmer `selection`.
    case selectionInactive = "selection_inactive"
    case long, short, inflow, outflow, warn, banner
    /// Chart axes, gridlines and labels.
    case axis
    /// Orders at or above $100k and $1M on the tape.
    case tierLarge = "tier_large", tierHuge = "tier_huge"
    /// Header and status bar background strip.
    case bar

    /// Roles that are colours behind text, not of it.
    public var isBackground: Bool {
        switch self {
        case .background, .selection, .selectionInactive, .bar: true
        default: false
        }
    }
}

/// How one cell looks: a foreground role, an optional background role, and the few attributes
/// every terminal has. No background means the theme's own (or the terminal's, when the theme
/// leaves `background` unset), so a cell only names a background when it differs.
public struct Style: Hashable, Sendable {
    /// The foreground role.
    public var role: Role
    /// The background role; nil: the screen background.
    public var background: Role?
    public var bold = false
    public var reverse = false
    public var underline = false

    public init(_ role: Role, on background: Role? = nil, bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.role = role; self.background = background == .background ? nil : background
        self.bold = bold; self.reverse = reverse; self.underline = underline
    }

    public static let text = Style(.text)
    public static let dim = Style(.dim)

    /// This style with what `patch` names replaced, the rest kept (ratatui's `Style::patch`).
    public func patched(with patch: StylePatch) -> Style {
        var s = self
        if let r = patch.foreground { s.role = r }
        if let b = patch.background { s.background = b == .background ? nil : b }
        if let b = patch.bold { s.bold = b }
        if let r = patch.reverse { s.reverse = r }
        if let u = patch.underline { s.underline = u }
        return s
    }
}

/// A partial style: nil fields leave the patched style's value alone. A background of
/// `.background` resets a cell to the screen background.
public struct StylePatch: Hashable, Sendable {
    public var foreground: Role?
    public var background: Role?
    public var bold: Bool?
    public var reverse: Bool?
    public var underline: Bool?

    public init(foreground: Role? = nil, background: Role? = nil, bold: Bool? = nil, reverse: Bool? = nil, underline: Bool? = nil) {
        self.foreground = foreground; self.background = background
        self.bold = bold; self.reverse = reverse; self.underline = underline
    }

    /// Puts cells on `role`, keeping their foreground and attributes.
    public static func on(_ role: Role) -> StylePatch { StylePatch(background: role) }

    /// The highlight of a selected row: `selection` behind it, dimmer when its panel is not
    /// focused. Foregrounds stay, so bars and coloured figures keep their colour.
    public static func selected(focused: Bool = true) -> StylePatch {
        StylePatch(background: focused ? .selection : .selectionInactive)
    }
}
