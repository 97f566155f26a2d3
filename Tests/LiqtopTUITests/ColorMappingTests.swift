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
        #expect(ColorMapping.depth(colors: 256, environment: ["COLORTERM": "truecolor"]) == .trueColor)
        #expect(ColorMapping.depth(colors: 256, environment: ["COLORTERM": "24bit"]) == .trueColor)
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
        let p = ColorMapping.pairs(for: .builtIn, depth: .xterm256)
        #expect(p.count == Role.allCases.count)
        #expect(p[.long]?.fg == 203 && p[.long]?.bg == 16)
        #expect(p[.short]?.fg == 77 && p[.short]?.bg == 16)
        #expect(p[.selection]?.fg == 252 && p[.selection]?.bg == 24)
        #expect(p[.bar]?.fg == 252 && p[.bar]?.bg == 234)
        #expect(p[.background]?.fg == 252 && p[.background]?.bg == 16)
        let t = ColorMapping.pairs(for: .builtIn, depth: .trueColor, terminalBackground: true)
        #expect(t[.text]?.fg == 252 && t[.text]?.bg == -1)
        #expect(t[.bar]?.bg == 234)
        // 8 colours: dim grey and the border would vanish on black; they become white.
        let e = ColorMapping.pairs(for: .builtIn, depth: .ansi8)
        #expect(e[.border]?.fg == 7 && e[.border]?.bg == 0)
        #expect(e[.long]?.fg == 1 && e[.short]?.fg == 2)
        #expect(ColorMapping.pairs(for: .builtIn, depth: .none).isEmpty)
    }
}
