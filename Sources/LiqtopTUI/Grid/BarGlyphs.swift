/// Which bar shapes a frame uses. In colour, long and short (and inflow and outflow) bars
/// differ by colour; without colour they must differ by shape, so the roles in `shaded` are
/// drawn in shade glyphs (`▒`) instead of solid blocks.
public struct BarGlyphs: Hashable, Sendable {
    /// Roles whose bars are drawn shaded.
    public var shaded: Set<Role>

    public init(shaded: Set<Role>) { self.shaded = shaded }

    /// Colour tells the sides apart: every bar solid.
    public static let colour = BarGlyphs(shaded: [])
    /// No colour: shorts and inflows shaded, longs and outflows solid.
    public static let monochrome = BarGlyphs(shaded: [.short, .inflow])

    /// The glyphs for a colour depth: shaded sides when there is no colour at all.
    public static func forDepth(_ depth: ColorDepth) -> BarGlyphs { depth == .none ? .monochrome : .colour }

    public func isShaded(_ role: Role?) -> Bool { role.map(shaded.contains) ?? false }

    /// The glyph of a horizontal bar cell of a shaded role.
    public static let shade: Character = "▒"
    /// Column glyphs of a shaded role, by level 1...8: density instead of height.
    public static let shadedColumn: [Character] = [" ", "░", "░", "░", "▒", "▒", "▓", "▓", "▓"]
}
