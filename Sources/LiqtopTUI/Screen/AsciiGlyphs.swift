/// ASCII stand-ins for the glyphs liqtop draws with, for a terminal whose locale cannot show
/// them (LANG=C, or any non-UTF-8 locale): ncurses would print "?" for every border, bar and
/// chart cell. Each stand-in is one column, like the glyph it replaces, so the layout holds.
/// Text from data has no stand-in and still shows as "?".
enum AsciiGlyphs {
    static func standIn(for u: Unicode.Scalar) -> Character? {
        let v = u.value
        switch v {
        case 0x2500 ... 0x257F: return boxDrawing(v)
        case 0x2580 ... 0x259F: return block(v)
        case 0x2800 ... 0x28FF: return braille(v - 0x2800)
        default: return punctuation[v]
        }
    }

    /// Lines stay lines; corners, tees and crosses become "+".
    private static func boxDrawing(_ v: UInt32) -> Character {
        switch v {
        case 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254C, 0x254D, 0x2550, 0x2574, 0x2576, 0x2578, 0x257A, 0x257C, 0x257E:
            return "-"
        case 0x2502, 0x2503, 0x2506, 0x2507, 0x250A, 0x250B, 0x254E, 0x254F, 0x2551, 0x2575, 0x2577, 0x2579, 0x257B, 0x257D, 0x257F:
            return "|"
        case 0x2571: return "/"
        case 0x2572: return "\\"
        case 0x2573: return "X"
        default: return "+"
        }
    }

    /// Bars: a cell at least half full is "#", a sliver "|" (left eighths) or "_" (lower eighths).
    private static func block(_ v: UInt32) -> Character {
        switch v {
        case 0x2581, 0x2582: return "_"               // ▁▂
        case 0x2583: return "."                       // ▃
        case 0x2584, 0x2585: return "o"               // ▄▅
        case 0x258D ... 0x258F: return "|"            // ▍▎▏
        case 0x2591, 0x2592: return ":"               // ░▒ (shading)
        case 0x2594, 0x2595: return "'"               // upper eighth, right eighth
        default: return "#"                           // █ ▉▊▋▌ ▆▇ ▓ halves, quadrants
        }
    }

    /// A braille chart cell (dots 1-3,7 left, 4-6,8 right, top to bottom): where its dots are.
    private static func braille(_ dots: UInt32) -> Character {
        let top = dots & 0x1B != 0      // dot rows 1 and 2
        let bottom = dots & 0xE4 != 0   // dot rows 3 and 4
        switch (top, bottom) {
        case (true, true): return ":"
        case (true, false): return "'"
        case (false, true): return "."
        case (false, false): return " "
        }
    }

    private static let punctuation: [UInt32: Character] = [
        0x00A0: " ", 0x00B0: "o", 0x00B7: ".", 0x00D7: "x", 0x2013: "-", 0x2014: "-", 0x2212: "-",
        0x2018: "'", 0x2019: "'", 0x201C: "\"", 0x201D: "\"", 0x2022: "*", 0x2026: ".", 0x2039: "<", 0x203A: ">",
        0x2190: "<", 0x2191: "^", 0x2192: ">", 0x2193: "v", 0x2264: "<", 0x2265: ">", 0x03A3: "S",
        0x25B2: "^", 0x25B6: ">", 0x25BA: ">", 0x25BC: "v", 0x25C0: "<", 0x25C4: "<", 0x25A0: "#", 0x25CF: "*",
        0x275A: "|", 0x23CE: "<", 0x2691: "!",
    ]
}
