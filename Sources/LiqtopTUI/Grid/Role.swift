/// Semantic colour roles: panels ask for meaning, themes decide colours (the htop way).
public enum Role: String, CaseIterable, Sendable, Hashable {
    case background, text, dim, title, border, focus, selection
    case long, short, inflow, outflow, warn, banner
    /// Chart axes, gridlines and labels.
    case axis
    /// Orders at or above $100k and $1M on the tape.
    case tierLarge = "tier_large", tierHuge = "tier_huge"
    /// Header and status bar background strip.
    case bar
}

/// How one cell looks: a role plus the few attributes every terminal has.
public struct Style: Hashable, Sendable {
    public var role: Role
    public var bold = false
    public var reverse = false
    public var underline = false

    public init(_ role: Role, bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.role = role; self.bold = bold; self.reverse = reverse; self.underline = underline
    }

    public static let text = Style(.text)
    public static let dim = Style(.dim)
}
