/// A theme resolved for one terminal: a colour number per role, the screen background, and
/// how a cell's `Style` becomes the colours and attributes it is drawn in. Pure, so it is
/// tested without a terminal; the ncurses backend only allocates the pairs it names.
public struct Palette: Sendable, Equatable {
    public var depth: ColorDepth
    /// Palette index per role, or 0xRRGGBB on a direct-colour terminal (`.trueColor`).
    public var colors: [Role: Int]
    /// Behind every cell that names no background: -1 is the terminal's own.
    public var background: Int
    /// What foregrounds are kept visible against when `background` is -1 (the theme's reference
    /// background): at 8 and 16 colours a dark grey can land on the background's own index.
    public var contrastBackground: Int

    public init(depth: ColorDepth, colors: [Role: Int], background: Int, contrastBackground: Int? = nil) {
        self.depth = depth; self.colors = colors; self.background = background
        self.contrastBackground = contrastBackground ?? background
    }

    /// No colour at all (`NO_COLOR`, vt100): attributes only.
    public static let monochrome = Palette(depth: .none, colors: [:], background: -1)

    public var hasColor: Bool { depth != .none && !colors.isEmpty }

    /// Foreground and background colour numbers of `style` (-1: the terminal's own). A
    /// background role used as the foreground (`Style(.bar)`) means text on that background.
    public func colors(for style: Style) -> (fg: Int, bg: Int) {
        var fgRole = style.role, bgRole = style.background
        if fgRole.isBackground {
            if bgRole == nil, fgRole != .background { bgRole = fgRole }
            fgRole = .text
        }
        let bg = bgRole.flatMap { $0 == .background ? nil : colors[$0] } ?? background
        let fg = colors[fgRole] ?? -1
        let against = bg == -1 ? contrastBackground : bg
        return (fg == -1 ? -1 : ColorMapping.visible(foreground: fg, background: against, depth: depth), bg)
    }

    /// The attributes `style` is drawn with. Where a selection's background cannot show (no
    /// colour, or it lands on the screen background's own colour at low depths), the focused
    /// selection is drawn reversed and the unfocused one underlined, so a selected row never
    /// looks like the others.
    public func attributes(for style: Style) -> (bold: Bool, reverse: Bool, underline: Bool) {
        var a = (bold: style.bold, reverse: style.reverse, underline: style.underline)
        guard let bg = style.background, bg == .selection || bg == .selectionInactive else { return a }
        if !hasColor || colors(for: style).bg == (background == -1 ? contrastBackground : background) {
            if bg == .selection { a.reverse = true } else { a.underline = true }
        }
        return a
    }
}
