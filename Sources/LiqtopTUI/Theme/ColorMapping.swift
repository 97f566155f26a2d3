/// How many colours the terminal can show, decided once at startup.
public enum ColorDepth: Sendable, Equatable {
    case trueColor, xterm256, ansi16, ansi8, none
}

/// Maps theme colours to what the terminal has. Pure functions, testable without a terminal.
public enum ColorMapping {
    /// The colour depth to use. `NO_COLOR` (any non-empty value, see no-color.org) wins over
    /// everything; otherwise ncurses' `COLORS` decides. Exact 24-bit colour needs a direct-colour
    /// terminfo entry (`xterm-direct`, `tmux-direct`: `COLORS` = 2^24): ncurses draws through
    /// terminfo, and a 256-colour entry can only name 256 colours, so `COLORTERM=truecolor` on
    /// one still gets the nearest of its 256.
    public static func depth(colors: Int, environment: [String: String]) -> ColorDepth {
        if let v = environment["NO_COLOR"], !v.isEmpty { return .none }
        guard colors >= 8 else { return .none }
        if colors >= 1 << 24 { return .trueColor }
        if colors >= 256 { return .xterm256 }
        if colors >= 16 { return .ansi16 }
        return .ansi8
    }

    /// The palette index for `rgb` at `depth`; nil for true colour (use the RGB) and no colour.
    public static func index(_ rgb: RGB, depth: ColorDepth) -> Int? {
        switch depth {
        case .trueColor, .none: nil
        case .xterm256: xterm256(rgb)
        case .ansi16: ansi16(rgb)
        case .ansi8: ansi8(rgb)
        }
    }

    // MARK: 256 colours

    /// Channel values of the xterm 6×6×6 cube (indices 16...231).
    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// Nearest of the 6×6×6 cube and the 24 greys (232...255, value 8 + 10k) by squared
    /// distance; the cube wins ties. Indices 0...15 are never used: users recolour them.
    public static func xterm256(_ rgb: RGB) -> Int {
        let c = [Int(rgb.r), Int(rgb.g), Int(rgb.b)]
        // Per-channel nearest level is the nearest cube colour: the distance is a sum over channels.
        let levels = c.map(nearestCubeLevel)
        let cube = 16 + 36 * levels[0] + 6 * levels[1] + levels[2]
        let cubeDist = zip(c, levels).reduce(0) { $0 + square($1.0 - cubeLevels[$1.1]) }
        var bestGrey = 0, greyDist = Int.max
        for k in 0 ..< 24 {
            let v = 8 + 10 * k
            let d = c.reduce(0) { $0 + square($1 - v) }
            if d < greyDist { greyDist = d; bestGrey = k }
        }
        return greyDist < cubeDist ? 232 + bestGrey : cube
    }

    private static func nearestCubeLevel(_ v: Int) -> Int {
        var best = 0
        for i in 1 ..< cubeLevels.count where abs(v - cubeLevels[i]) < abs(v - cubeLevels[best]) { best = i }
        return best
    }

    private static func square(_ x: Int) -> Int { x * x }

    // MARK: 16 and 8 colours

    /// The eight basic colours: 0 black, 1 red, 2 green, 3 yellow, 4 blue, 5 magenta, 6 cyan, 7 white.
    ///
    /// Plain RGB distance to eight corners would send dark reds and dark greens alike to black,
    /// and pale colours to a random hue. So: very dark → black, very light or greyish → black
    /// or white by lightness, anything clearly coloured → the basic colour of the nearest hue
    /// (sectors of 60° round red 0°, yellow 60°, green 120°, cyan 180°, blue 240°, magenta 300°),
    /// which keeps red and green (and blue and orange) apart.
    public static func ansi8(_ rgb: RGB) -> Int {
        switch classify(rgb) {
        case .dark: 0
        case .grey(let lightness): lightness >= 128 ? 7 : 0
        case .light: 7
        case .hue(let basic, _): basic
        }
    }

    /// 0...7 as `ansi8`, 8...15 their bright variants: bright for vivid colours (max channel
    /// ≥ 0xd0); greys in four steps (black, bright black, white, bright white).
    public static func ansi16(_ rgb: RGB) -> Int {
        switch classify(rgb) {
        case .dark: 0
        case .grey(let l): l < 0x30 ? 0 : l < 0xa0 ? 8 : l < 0xe0 ? 7 : 15
        case .light: 15
        case .hue(let basic, let maxChannel): maxChannel >= 0xd0 ? basic + 8 : basic
        }
    }

    private enum Kind { case dark, light, grey(Int), hue(Int, Int) }

    private static func classify(_ rgb: RGB) -> Kind {
        let r = Int(rgb.r), g = Int(rgb.g), b = Int(rgb.b)
        let hi = max(r, g, b), lo = min(r, g, b), chroma = hi - lo
        if hi < 0x30 { return .dark }
        if lo >= 0xd0 { return .light }
        // Greyish: saturation under 25%.
        if chroma * 4 < hi { return .grey((r + g + b) / 3) }
        // Hue in degrees ×1 (0..<360), integer arithmetic: no Double needed.
        var hue: Int
        if hi == r { hue = 60 * (g - b) / chroma } else if hi == g { hue = 120 + 60 * (b - r) / chroma } else { hue = 240 + 60 * (r - g) / chroma }
        if hue < 0 { hue += 360 }
        let sector = ((hue + 30) / 60) % 6 // 0 red, 1 yellow, 2 green, 3 cyan, 4 blue, 5 magenta
        let basic = [1, 3, 2, 6, 4, 5][sector]
        return .hue(basic, hi)
    }

    /// The theme for a terminal of `depth`: a colour number per role (palette index, or 0xRRGGBB
    /// for a direct-colour terminal) and the screen background, -1 (the terminal's own) when the
    /// theme leaves `background` unset. `.none` gives the monochrome palette.
    public static func palette(for theme: Theme, depth: ColorDepth) -> Palette {
        guard depth != .none else { return .monochrome }
        var colors: [Role: Int] = [:]
        for role in Role.allCases where role != .background { colors[role] = number(theme.color(role), depth: depth) }
        return Palette(depth: depth, colors: colors,
                       background: theme.background.map { number($0, depth: depth) } ?? -1,
                       contrastBackground: number(theme.color(.background), depth: depth))
    }

    /// The colour number of `rgb` at `depth`. Direct colour: 0xRRGGBB, except that values below 8
    /// (#000000...#000007) become 8, because direct-colour terminfo entries send 0...7 as the
    /// terminal's own palette colours 0...7 (which users recolour).
    public static func number(_ rgb: RGB, depth: ColorDepth) -> Int {
        if depth == .trueColor { return max(8, rgb.packed) }
        return index(rgb, depth: depth) ?? 7
    }

    /// Colour pairs per role (each role's foreground on the screen background; `selection`,
    /// `selection_inactive` and `bar` as text on that colour), the per-role view of `palette`.
    /// `terminalBackground` puts -1 (the terminal's own background) in place of the theme
    /// background. `.none` gives no pairs at all.
    public static func pairs(for theme: Theme, depth: ColorDepth, terminalBackground: Bool = false) -> [Role: (fg: Int, bg: Int)] {
        var p = palette(for: theme, depth: depth)
        guard p.hasColor else { return [:] }
        if terminalBackground { p.background = -1 }
        var out: [Role: (fg: Int, bg: Int)] = [:]
        for role in Role.allCases { out[role] = p.colors(for: Style(role)) }
        return out
    }

    /// A foreground index that stays visible on `background` at low depths, where dark greys
    /// (dim text, borders) can land on the same index as the background.
    public static func visible(foreground fg: Int, background bg: Int, depth: ColorDepth) -> Int {
        guard fg == bg else { return fg }
        switch depth {
        case .ansi8: return bg == 0 ? 7 : 0
        case .ansi16: return bg == 0 || bg == 8 ? 7 : 0
        case .xterm256, .trueColor, .none: return fg
        }
    }
}
