import Testing
@testable import LiqtopTUI

@Suite struct ThemeParserTests {
    private func parse(_ text: String) throws(ThemeError) -> (Theme, warnings: [String]) {
        try ThemeParser.parse(text, name: "t", file: "t.theme")
    }

    private func error(_ text: String) -> String? {
        do { _ = try parse(text); return nil } catch { return error.description }
    }

    @Test func rgbParsesOnlyHashAndSixHexDigits() {
        #expect(RGB(hex: "#5fAFff") == RGB(0x5f, 0xaf, 0xff))
        #expect(RGB(hex: "#000000") == RGB(0, 0, 0))
        #expect(RGB(hex: "#FFFFFF")?.hex == "#ffffff")
        for bad in ["", "#", "#fff", "5fafff", "#5fafff0", "#12345G", " #5fafff", "#5fafff ", "＃5fafff", "#-1-1-1"] {
            #expect(RGB(hex: bad) == nil, "\(bad)")
        }
    }

    @Test func validFileWithCommentsBlanksAndSpaces() throws {
        let text = """
        # header comment
           # indented comment

        theme[text]="#CCCCCC"
          theme[long] = "#ff5f5f"   # forced sells
        \ttheme[tier_large]=\t"#ffd75f"#no space before comment
        theme[short]="#5fd75f"\r
        """
        let (theme, warnings) = try parse(text)
        #expect(warnings.isEmpty)
        #expect(theme.name == "t")
        #expect(theme.colors == [.text: RGB(0xcc, 0xcc, 0xcc), .long: RGB(0xff, 0x5f, 0x5f),
                                 .tierLarge: RGB(0xff, 0xd7, 0x5f), .short: RGB(0x5f, 0xd7, 0x5f)])
    }

    @Test func missingKeysFallBackToBuiltIn() throws {
        let (theme, _) = try parse("theme[long]=\"#123456\"\n")
        #expect(theme.color(.long) == RGB(0x12, 0x34, 0x56))
        #expect(theme.color(.short) == RGB(0x5f, 0xd7, 0x5f))
        #expect(theme[.background] == RGB(0, 0, 0))
        #expect(theme.colors.count == 1)
        // The built-in sets every role but the background, which it leaves to the terminal.
        for role in Role.allCases where role != .background { #expect(Theme.builtIn.colors[role] != nil) }
        #expect(Theme.builtIn.colors.count == Role.allCases.count - 1)
        #expect(Theme.builtIn.background == nil && theme.background == nil)
        // The empty file is the built-in default under another name.
        let (empty, w) = try parse("")
        #expect(w.isEmpty && empty.colors.isEmpty)
        #expect(Role.allCases.allSatisfy { empty.color($0) == Theme.builtIn.color($0) })
    }

    @Test func liquidationSidesAndFlowsHaveTheRightColours() {
        let t = Theme.builtIn
        // Long liquidation = forced sell: red; short liquidation = forced buy: green.
        #expect(t.color(.long) == RGB(0xff, 0x5f, 0x5f))
        #expect(t.color(.short) == RGB(0x5f, 0xd7, 0x5f))
        #expect(t.color(.inflow) == t.color(.short))
        #expect(t.color(.outflow) == t.color(.long))
    }

    @Test func unknownKeyWarnsWithLineNumber() throws {
        let (theme, warnings) = try parse("# c\ntheme[text]=\"#010203\"\ntheme[foo]=\"#000000\"\ntheme[main_bg]=\"\"\n")
        #expect(warnings == ["t.theme:3: unknown key 'foo' ignored", "t.theme:4: unknown key 'main_bg' ignored"])
        #expect(theme.colors == [.text: RGB(1, 2, 3)])
    }

    @Test func duplicateKeyWarnsAndLastWins() throws {
        let (theme, warnings) = try parse("theme[dim]=\"#111111\"\ntheme[dim]=\"#222222\"")
        #expect(theme.colors[.dim] == RGB(0x22, 0x22, 0x22))
        #expect(warnings == ["t.theme:2: 'dim' already set on line 1; this value wins"])
    }

    @Test func malformedLinesNameFileAndLine() {
        let expected = "expected theme[role]=\"#RRGGBB\""
        let cases: [(String, String)] = [
            ("text=\"#ffffff\"", "t.theme:1: \(expected)"),
            ("\n\ntheme[text]=#ffffff", "t.theme:3: \(expected)"),
            ("theme[text]=\"#ffffff", "t.theme:1: \(expected)"),
            ("theme[text]='#ffffff'", "t.theme:1: \(expected)"),
            ("theme[text]=\"#ffffff\" trailing", "t.theme:1: \(expected)"),
            ("theme[text=\"#ffffff\"", "t.theme:1: \(expected)"),
            ("theme[]=\"#ffffff\"", "t.theme:1: \(expected)"),
            ("theme[te xt]=\"#ffffff\"", "t.theme:1: \(expected)"),
            ("theme[text]\"#ffffff\"", "t.theme:1: \(expected)"),
            ("Theme[text]=\"#ffffff\"", "t.theme:1: \(expected)"),
            ("# ok\ntheme[text]=\"#12345G\"", "t.theme:2: bad colour '#12345G'"),
            ("theme[text]=\"#fff\"", "t.theme:1: bad colour '#fff'"),
            ("theme[text]=\"\"", "t.theme:1: bad colour ''"),
            ("theme[text]=\"red\"", "t.theme:1: bad colour 'red'"),
        ]
        for (text, message) in cases { #expect(error(text) == message, "\(text)") }
    }

    @Test func controlCharactersAreErrors() {
        #expect(error("theme[text]=\"#ffffff\"\n# \u{1B}[2J") == "t.theme:2: control character U+001B not allowed")
        #expect(error("theme[text]=\"#ff\u{00}fff\"") == "t.theme:1: control character U+0000 not allowed")
        #expect(error("# \u{7F}") == "t.theme:1: control character U+007F not allowed")
        #expect(error("# \u{9B}2J") == "t.theme:1: control character U+009B not allowed")
        #expect(error("theme[text]=\"#ffffff\"\r\r") == "t.theme:1: control character U+000D not allowed")
    }

    @Test func echoedContentIsSanitizedAndCut() {
        let long = String(repeating: "x", count: 100)
        #expect(error("theme[text]=\"#\(long)\"") == "t.theme:1: bad colour '#\(String(repeating: "x", count: 39))…'")
        // Bidi override (not a control byte) is removed from the echo.
        #expect(error("theme[text]=\"#ab\u{202E}cd\"") == "t.theme:1: bad colour '#abcd'")
        // The file name is sanitized too.
        do {
            _ = try ThemeParser.parse("x", name: "t", file: "evil\u{1B}]0;pwned\u{07}.theme")
            Issue.record("no error")
        } catch {
            #expect(error.description == "evil]0;pwned.theme:1: expected theme[role]=\"#RRGGBB\"")
        }
        let (_, w) = (try? parse("theme[\(long)]=\"#000000\"")) ?? (Theme.builtIn, [])
        #expect(w == ["t.theme:1: unknown key '\(String(repeating: "x", count: 40))…' ignored"])
    }

    @Test func sizeLimits() throws {
        let line = "theme[text]=\"#ffffff\"" + String(repeating: " ", count: 1000 - 21)
        #expect(line.utf8.count == 1000)
        _ = try parse(line)
        #expect(error("# a\n" + line + " ") == "t.theme:2: line longer than 1000 bytes")
        let comment = "#" + String(repeating: "-", count: 98) + "\n" // 100 bytes a line
        let atLimit = String(repeating: comment, count: 655) + String(repeating: "#", count: 36)
        #expect(atLimit.utf8.count == 65536)
        #expect(try parse(atLimit).warnings.isEmpty)
        #expect(error(atLimit + "#") == "t.theme: file larger than 64 KiB")
    }

    @Test func invalidUTF8IsAnErrorNotACrash() {
        var bytes = Array("theme[text]=\"#ffffff\"\n# caf".utf8)
        bytes += [0xC3, 0x28, 0xFF, 0xFE]
        #expect(throws: ThemeError("t.theme:2: not valid UTF-8")) {
            try ThemeParser.parse(bytes: bytes, name: "t", file: "t.theme")
        }
        // Non-ASCII in comments is fine.
        #expect((try? parse("# Thème sombre — 日本\ntheme[text]=\"#ffffff\" # blanc")) != nil)
    }

    @Test func randomGarbageNeverCrashes() {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        let alphabet = Array("theme[]=\"#0123456789abcdefABCDEFG \t\n\r#_x\u{1B}é".utf8)
        var messages: [String] = [], failed = 0
        for _ in 0 ..< 2000 {
            var bytes: [UInt8] = Array("theme[".utf8)
            for _ in 0 ..< 30 {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                bytes.append(alphabet[Int(seed >> 33) % alphabet.count])
            }
            do { messages += try ThemeParser.parse(bytes: bytes, name: "r", file: "r").warnings } catch { messages.append(error.message); failed += 1 }
        }
        #expect(failed > 0)
        // Whatever the garbage (ESC, CR, tabs), what comes back is one line that names the file
        // and holds no control character: it goes to the status line as it is.
        let unclean = messages.filter { m in
            !m.hasPrefix("r:") || m.unicodeScalars.contains { $0.value < 0x20 || (0x7F ... 0x9F).contains($0.value) }
        }
        #expect(unclean.isEmpty, "\(unclean.prefix(3))")
    }
}
