/// The ncurses backend as the dashboard loop sees it: themes are mapped to the terminal's
/// colour depth here, and keys come as `TerminalInput`.
extension NCursesScreen: TerminalScreen {
    public func apply(_ theme: Theme, environment: [String: String]) -> BarGlyphs {
        let depth = ColorMapping.depth(colors: colorCount, environment: environment)
        applyTheme(ColorMapping.palette(for: theme, depth: depth))
        return .forDepth(depth)
    }

    public func readInput() -> [TerminalInput] { readInputs() }
}
