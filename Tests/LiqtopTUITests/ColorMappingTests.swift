import Testing
@testable import LiqtopTUI

@Suite struct ColorMappingTests {
    private func hex(_ s: String) -> RGB { RGB(hex: s) ?? RGB(1, 2, 3) }

    @Test func xterm256ExactIndices() {
        let cases: [(String, Int)] = [
            ("#000000", 16), ("#ffffff", 231), ("#ff0000", 196), ("#00ff00", 46), ("#0000ff", 21),
            ("#ffff00", 226), ("#00ffff", 51), ("#ff00ff", 201),
            ("#808080", 244), ("#080808", 232), ("#eeeeee", 255), ("#767676", 243), ("#121212", 233),
            ("#5fafff", 75), ("#ff5f5f", 203), ("#5fd75f", 77), ("#ffaf00", 214), ("#ffd75f", 221),
            ("#ff87ff", 213), ("#264f78", 24), ("#cccccc", 252), ("#6c6c6c", 242), ("#3a3a3a", 237),
            ("#1c1c1c", 234), ("#4e4e4e", 239), ("#e69f00", 178), ("#56b4e9", 74),
            // Off-grid: nearest by squared distance, grey ramp vs cube.
            ("#010101", 16), ("#7f7f7f", 244), ("#5f5f5f", 59), ("#606060", 59), ("#646464", 241),
        ]
        for (h, want) in cases { #expect(ColorMapping.xterm256(hex(h)) == want, "\(h)") }
    }

    @Test func everyCubeAndGreyEntryMapsToItself() {
        let levels = [0, 95, 135, 175, 215, 255]
        for r in 0 ..< 6 { for g in 0 ..< 6 { for b in 0 ..< 6 {
            let rgb = RGB(UInt8(levels[r]), UInt8(levels[g]), UInt8(levels[b]))
            #expect(ColorMapping.xterm256(rgb) == 16 + 36 * r + 6 * g + b)
        } } }
        for k in 0 ..< 24 {
            let v = UInt8(8 + 10 * k)
            #expect(ColorMapping.xterm256(RGB(v, v, v)) == 232 + k)
        }
    }

    @Test func ansi8() {
        let cases: [(String, Int)] = [
            ("#000000", 0), ("#ffffff", 7), ("#ff0000", 1), ("#00ff00", 2), ("#0000ff", 4),
            ("#ffff00", 3), ("#00ffff", 6), ("#ff00ff", 5),
            ("#808080", 7), ("#7f7f7f", 0), ("#1c1c1c", 0), ("#cccccc", 7), ("#f0f0ff", 7),
            // Dark red and dark green stay red and green (plain distance sends both to black).
            ("#800000", 1), ("#005f00", 2), ("#5f0000", 1), ("#300000", 1), ("#2f0000", 0), ("#301010", 1), ("#6c6c70", 0), ("#9098a0", 7),
            ("#ff5f5f", 1), ("#5fd75f", 2), ("#c00000", 1), ("#007a00", 2),
            ("#ffaf00", 3), ("#e69f00", 3), ("#56b4e9", 6), ("#5fafff", 4), ("#ff87ff", 5),
        ]
        for (h, want) in cases { #expect(ColorMapping.ansi8(hex(h)) == want, "\(h)") }
    }

    @Test func ansi16() {
        let cases: [(String, Int)] = [
            ("#000000", 0), ("#ffffff", 15), ("#ff0000", 9), ("#800000", 1), ("#00ff00", 10), ("#008700", 2),
            ("#0000ff", 12), ("#000087", 4), ("#cccccc", 7), ("#6c6c6c", 8), ("#3a3a3a", 8), ("#1c1c1c", 0),
            ("#eeeeee", 15), ("#ff5f5f", 9), ("#5fd75f", 10), ("#264f78", 4),
        ]
        for (h, want) in cases { #expect(ColorMapping.ansi16(hex(h)) == want, "\(h)") }
    }

    @Test func redAndGreenNeverCollideAtLowDepth() {
        // Every red-dominant vs green-dominant pair of the same strength stays apart.
        for v in stride(from: 0x30, through: 0xff, by: 0x08) {
            for other in stride(from: 0, through: v / 2, by: 0x10) {
                let red = RGB(UInt8(v), UInt8(other), UInt8(other)), green = RGB(UInt8(other), UInt8(v), UInt8(other))
                #expect(ColorMapping.ansi8(red) == 1, "\(red.hex)")
                #expect(ColorMapping.ansi8(green) == 2, "\(green.hex)")
                #expect(ColorMapping.ansi16(red) % 8 == 1 && ColorMapping.ansi16(green) % 8 == 2)
            }
        }
    }

    @Test func depthHonoursNoColorAndColorterm() {
        #expect(ColorMapping.depth(colors: 256, environment: [:]) == .xterm256)
        #expect(ColorMapping.depth(colors: 16, environment: [:]) == .ansi16)
        #expect(ColorMapping.depth(colors: 8, environment: [:]) == .ansi8)
        #expect(ColorMapping.depth(colors: 2, environment: [:]) == .none)
        #expect(ColorMapping.depth(colors: -1, environment: [:]) == .none)
        #expect(ColorMapping.depth(colors: 1 << 24, environment: [:]) == .trueColor)
        // ncurses draws through terminfo: a 256-colour entry can name only 256 colours, whatever
        // COLORTERM says. Exact colours need a direct-colour entry (COLORS = 2^24).
        #expect(ColorMapping.depth(colors: 256, environment: ["COLORTERM": "truecolor"]) == .xterm256)
        #expect(ColorMapping.depth(colors: 256, environment: ["COLORTERM": "24bit"]) == .xterm256)
        #expect(ColorMapping.depth(colors: 1 << 24, environment: ["COLORTERM": "truecolor"]) == .trueColor)
        #expect(ColorMapping.depth(colors: 256, environment: ["COLORTERM": "yes"]) == .xterm256)
        #expect(ColorMapping.depth(colors: 0, environment: ["COLORTERM": "truecolor"]) == .none)
        // no-color.org: any non-empty NO_COLOR disables colour, whatever else is set.
        #expect(ColorMapping.depth(colors: 256, environment: ["NO_COLOR": "1"]) == .none)
        #expect(ColorMapping.depth(colors: 256, environment: ["NO_COLOR": "0", "COLORTERM": "truecolor"]) == .none)
        #expect(ColorMapping.depth(colors: 256, environment: ["NO_COLOR": ""]) == .xterm256)
    }

    @Test func indexForDepth() {
        let c = hex("#5fafff")
        #expect(ColorMapping.index(c, depth: .xterm256) == 75)
        #expect(ColorMapping.index(c, depth: .ansi16) == 12)
        #expect(ColorMapping.index(c, depth: .ansi8) == 4)
        #expect(ColorMapping.index(c, depth: .trueColor) == nil)
        #expect(ColorMapping.index(c, depth: .none) == nil)
    }

    @Test func visibleForegroundOnSameBackground() {
        // Dim grey on black both become 0 at 8 colours: text would vanish.
        let dim = ColorMapping.ansi8(hex("#3a3a3a")), bg = ColorMapping.ansi8(hex("#000000"))
        #expect(dim == 0 && bg == 0)
        #expect(ColorMapping.visible(foreground: dim, background: bg, depth: .ansi8) == 7)
        #expect(ColorMapping.visible(foreground: 7, background: 7, depth: .ansi8) == 0)
        #expect(ColorMapping.visible(foreground: 1, background: 0, depth: .ansi8) == 1)
        #expect(ColorMapping.visible(foreground: 8, background: 8, depth: .ansi16) == 7)
        #expect(ColorMapping.visible(foreground: 16, background: 16, depth: .xterm256) == 16)
    }

    @Test func pairsForThePaletteBackend() {
        // The built-in default leaves the background to the terminal: -1 behind every role.
        let p = ColorMapping.pairs(for: .builtIn, depth: .xterm256)
        #expect(p.count == Role.allCases.count)
        #expect(p[.long]?.fg == 203 && p[.long]?.bg == -1)
        #expect(p[.short]?.fg == 77 && p[.short]?.bg == -1)
        #expect(p[.selection]?.fg == 252 && p[.selection]?.bg == 24)
        #expect(p[.bar]?.fg == 252 && p[.bar]?.bg == 234)
        #expect(p[.background]?.fg == 252 && p[.background]?.bg == -1)
        // A theme that sets its background paints it, unless told to use the terminal's.
        let black = Theme(name: "black", colors: [.background: RGB(0, 0, 0)])
        #expect(ColorMapping.pairs(for: black, depth: .xterm256)[.long]?.bg == 16)
        #expect(ColorMapping.pairs(for: black, depth: .xterm256, terminalBackground: true)[.long]?.bg == -1)
        // 8 colours: dim grey and the border would vanish on black; they become white.
        let e = ColorMapping.pairs(for: .builtIn, depth: .ansi8)
        #expect(e[.border]?.fg == 7 && e[.border]?.bg == -1)
        #expect(e[.long]?.fg == 1 && e[.short]?.fg == 2)
        #expect(ColorMapping.pairs(for: .builtIn, depth: .none).isEmpty)
    }

    // MARK: issue 13: a foreground and a background per cell

    @Test func paletteResolvesForegroundOnBackgroundPerStyle() throws {
        let light = Theme(name: "light", colors: [.background: RGB(0xff, 0xff, 0xff), .text: RGB(0x26, 0x26, 0x26),
                                                  .selection: RGB(0xd7, 0xe7, 0xff), .bar: RGB(0xe4, 0xe4, 0xe4)])
        let p = ColorMapping.palette(for: light, depth: .xterm256)
        #expect(p.background == 231)
        #expect(p.colors(for: .text) == (fg: 235, bg: 231))
        #expect(p.colors(for: Style(.long, on: .selection)) == (fg: 203, bg: 189))
        #expect(p.colors(for: Style(.title, on: .bar)) == (fg: 231, bg: 254))
        #expect(p.colors(for: Style(.bar)) == (fg: 235, bg: 254)) // a background role alone: text on it
        #expect(p.colors(for: Style(.background)) == (fg: 235, bg: 231))
        // The default draws on the terminal's own background.
        let d = ColorMapping.palette(for: .builtIn, depth: .xterm256)
        #expect(d.background == -1)
        #expect(d.colors(for: Style(.short)) == (fg: 77, bg: -1))
        #expect(d.colors(for: Style(.short, on: .selection)) == (fg: 77, bg: 24))
        #expect(d.colors(for: Style(.short, on: .selectionInactive)) == (fg: 77, bg: 235))
        #expect(ColorMapping.palette(for: .builtIn, depth: .none) == .monochrome)
    }

    @Test func directColourIsTheExactRGB() {
        let p = ColorMapping.palette(for: .builtIn, depth: .trueColor)
        #expect(p.colors(for: Style(.long)) == (fg: 0xff5f5f, bg: -1))
        #expect(p.colors(for: Style(.text, on: .selection)) == (fg: 0xcccccc, bg: 0x264f78))
        // 0...7 would be sent as the terminal's own palette colours 0...7: black becomes #000008.
        #expect(ColorMapping.number(RGB(0, 0, 0), depth: .trueColor) == 8)
        #expect(ColorMapping.number(RGB(0, 0, 9), depth: .trueColor) == 9)
        let black = ColorMapping.palette(for: Theme(name: "b", colors: [.background: RGB(0, 0, 0)]), depth: .trueColor)
        #expect(black.background == 8)
    }

    @Test func aSelectionThatCannotShowIsReversedOrUnderlined() {
        // No colour: the focused selection reversed, the unfocused one underlined.
        let mono = Palette.monochrome
        #expect(mono.attributes(for: Style(.long, on: .selection)) == (bold: false, reverse: true, underline: false))
        #expect(mono.attributes(for: Style(.long, on: .selectionInactive)) == (bold: false, reverse: false, underline: true))
        #expect(mono.attributes(for: Style(.text, on: .bar, bold: true)) == (bold: true, reverse: false, underline: false))
        // In colour the background shows: attributes as asked.
        let p = ColorMapping.palette(for: .builtIn, depth: .xterm256)
        #expect(p.attributes(for: Style(.long, on: .selection)) == (bold: false, reverse: false, underline: false))
        // 8 colours on white: the pale selection lands on white too, so it is reversed.
        let light = Theme(name: "l", colors: [.background: RGB(0xff, 0xff, 0xff), .selection: RGB(0xd7, 0xe7, 0xff)])
        #expect(ColorMapping.palette(for: light, depth: .ansi8).attributes(for: Style(.text, on: .selection)).reverse)
    }

    @Test func pairsAreAllocatedPerForegroundAndBackgroundAndReused() {
        var pairs = ColorPairs(limit: 4) // pairs 1, 2, 3
        #expect(pairs.pair(fg: 203, bg: -1) == .new(1))
        #expect(pairs.pair(fg: 203, bg: 24) == .new(2))  // same foreground, another background
        #expect(pairs.pair(fg: 203, bg: -1) == .known(1))
        #expect(pairs.pair(fg: 77, bg: -1) == .new(3))
        #expect(pairs.pair(fg: 77, bg: 24) == .exhausted)
        #expect(pairs.pair(fg: 203, bg: 24) == .known(2)) // still there after running out
        #expect(pairs.existing(fg: 77, bg: 24) == nil && pairs.existing(fg: 77, bg: -1) == 3)
        #expect(pairs.count == 3)
        pairs.forget(fg: 77, bg: -1)
        #expect(pairs.existing(fg: 77, bg: -1) == nil)
        // Pair 0 is the terminal default and never handed out.
        var none = ColorPairs(limit: 1)
        #expect(none.pair(fg: 1, bg: 2) == .exhausted)
    }

    @Test func everyBuiltInRoleGetsAColourIncludingTheAxis() {
        for depth in [ColorDepth.ansi8, .ansi16, .xterm256, .trueColor] {
            let p = ColorMapping.palette(for: .builtIn, depth: depth)
            for role in Role.allCases where role != .background { #expect(p.colors[role] != nil, "\(role) at \(depth)") }
        }
    }
}
