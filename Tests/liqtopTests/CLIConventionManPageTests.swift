import Foundation
import Testing
import LiqtopTestSupport

/// `Docs/liqtop.1` is generated from the command tree by swift-argument-parser's generate-manual
/// plugin (`make man`). The plugin cannot run inside `swift test` (it builds the package, and the
/// build directory is locked by the test run), so `.ci/run` regenerates it and fails on any
/// difference; here, without the plugin, the committed page is checked against the tree the
/// binary dumps (`--experimental-dump-help`, what the plugin reads): every subcommand, option
/// and help text is in the page, the page names no option the binary lacks, and it renders.
@Suite struct CLIConventionManPageTests {
    static let pagePath = LiqtopProcess.packageRoot + "/Docs/liqtop.1"

    struct Entry { var names: [String]; var texts: [String] }

    /// Every command's and argument's names (`--speed`, `replay`) and texts, depth first.
    static func entries(_ command: [String: Any]) -> [Entry] {
        var out = [Entry(names: [command["commandName"] as? String ?? ""],
                         texts: [command["abstract"], command["discussion"]].compactMap { $0 as? String })]
        for a in command["arguments"] as? [[String: Any]] ?? [] where a["shouldDisplay"] as? Bool ?? true {
            let names = (a["names"] as? [[String: Any]] ?? []).compactMap { n -> String? in
                guard let name = n["name"] as? String else { return nil }
                return n["kind"] as? String == "long" ? "--" + name : "-" + name
            }
            out.append(Entry(names: names, texts: [a["abstract"], a["discussion"]].compactMap { $0 as? String }))
        }
        for sub in command["subcommands"] as? [[String: Any]] ?? [] where sub["shouldDisplay"] as? Bool ?? true {
            out += entries(sub)
        }
        return out
    }

    /// Text as the page holds it, compared loosely: mdoc escapes undone, only ASCII (the
    /// generator drops the rest), whitespace collapsed.
    static func plain(_ s: String) -> String {
        let unescaped = s.replacingOccurrences(of: "\\&", with: "").replacingOccurrences(of: "\\e", with: "\\")
            .replacingOccurrences(of: "\\(dq", with: "\"")
        return unescaped.unicodeScalars.filter(\.isASCII).map(String.init).joined()
            .split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    @Test func theCommittedPageIsTheCommandTrees() async throws {
        let dump = try await LiqtopBinary.run(["--experimental-dump-help"])
        #expect(dump.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        let root = try #require(json["command"] as? [String: Any])
        let page = try String(contentsOfFile: Self.pagePath, encoding: .utf8)
        // The page's words: text lines as they are, macro lines without the macro (`.Nd "…"`).
        let text = Self.plain(page.split(separator: "\n").map { line in
            line.hasPrefix(".") ? String(line.drop { $0 != " " }).replacingOccurrences(of: "\"", with: "") : String(line)
        }.joined(separator: "\n"))
        let all = Self.entries(root)
        var options = Set<String>()
        for e in all {
            for t in e.texts {
                let found = text.contains(Self.plain(t)) // a Bool: a failure prints the text missing, not the page
                #expect(found, "\(e.names): help text not in the page (run `make man`): \(t)")
            }
            for n in e.names where n.hasPrefix("-") {
                options.insert(n)
                let flag = "Fl " + String(n.dropFirst())
                #expect(page.contains(".It \(flag)") || page.contains(".Op \(flag)") || page.contains("\(flag) "), "\(n) not in the page (run `make man`)")
            }
        }
        for sub in ["replay", "summary", "tail", "live", "themes"] { #expect(page.contains(".It Em \(sub)"), "\(sub)") }
        // Nothing the binary lost: every option the page lists is one it has.
        for line in page.split(separator: "\n") where line.hasPrefix(".It Fl ") {
            let word = line.dropFirst(".It Fl ".count).prefix { $0 != " " }
            #expect(options.contains("-" + word), "the page lists -\(word), the binary has no such option (run `make man`)")
        }
        #expect(page.contains(".Sh EXIT STATUS") || page.contains(".Sh \"EXIT STATUS\""))
    }

    @Test func thePageRenders() async throws {
        let groff = try #require(LiqtopProcess.which("groff"), "groff renders man pages (man-db)")
        // -P -bou: plain text, no overstruck bold or underline.
        let r = try await LiqtopProcess.run(groff, ["-mdoc", "-Tutf8", "-ww", "-P", "-bou", Self.pagePath])
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        for heading in ["NAME", "SYNOPSIS", "DESCRIPTION", "EXIT STATUS"] { #expect(r.stdout.contains(heading), "\(heading)") }
        #expect(r.stdout.contains("liqtop summary --json --at 2026-01-14T23:00:00Z day.ndjson"))
    }
}
