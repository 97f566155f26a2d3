import Foundation
import Testing
import LiqtopTestSupport

/// The colour model as a terminal shows it (tmux, `capture-pane -e`): header and status text on
/// the bar's background, the default theme on the terminal's own background, `light` painting
/// its own everywhere.
@Suite(.serialized) struct ColourEndToEndTests {
    /// `swift test` runs with NO_COLOR=1 in its environment: the pane drops it, or nothing has colour.
    private func start(_ arguments: String, width: Int = 120, height: Int = 40) throws -> TmuxSession {
        try #require(TmuxSession.executable != nil, Comment(rawValue: TmuxSession.missingMessage))
        let binary = LiqtopBinary.url.path
        try #require(FileManager.default.isExecutableFile(atPath: binary), "liqtop binary not built at \(binary)")
        return try TmuxSession(width: width, height: height,
                               script: "env -u NO_COLOR LANG=C.UTF-8 \(binary.shellQuoted) \(arguments); echo \"exit=$?\"; sleep 60")
    }

    /// Each visible character of each captured row with the background it was drawn on: the SGR
    /// parameters after 48 (`5;234`, `2;r;g;b`, or a basic 40–47/100–107 code), nil for the
    /// default. tmux writes only what changed since the previous cell, across rows too.
    static func backgrounds(_ capture: String) -> [[(Character, String?)]] {
        var bg: String?
        return capture.split(separator: "\n", omittingEmptySubsequences: false).map { backgrounds($0, &bg) }
    }

    private static func backgrounds(_ row: Substring, _ bg: inout String?) -> [(Character, String?)] {
        var out: [(Character, String?)] = []
        var i = row.startIndex
        while i < row.endIndex {
            if row[i] == "\u{1B}", row.index(after: i) < row.endIndex, row[row.index(after: i)] == "[" {
                var j = row.index(i, offsetBy: 2)
                while j < row.endIndex, !(row[j].isLetter) { j = row.index(after: j) }
                guard j < row.endIndex else { break }
                if row[j] == "m" {
                    let params = row[row.index(i, offsetBy: 2) ..< j].split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
                    var k = 0
                    if params.isEmpty { bg = nil }
                    while k < params.count {
                        let p = params[k]
                        switch p {
                        case 0: bg = nil
                        case 49: bg = nil
                        case 40 ... 47, 100 ... 107: bg = "\(p)"
                        case 38, 48:
                            let n = k + 1 < params.count && params[k + 1] == 2 ? 4 : 2
                            if p == 48 { bg = params[(k + 1) ..< min(params.count, k + 1 + n)].map(String.init).joined(separator: ";") }
                            k += n
                        default: break
                        }
                        k += 1
                    }
                }
                i = row.index(after: j)
                continue
            }
            out.append((row[i], bg))
            i = row.index(after: i)
        }
        return out
    }

    @Test(.timeLimit(.minutes(1)))
    func headerAndStatusTextCarryTheBarBackground() async throws {
        let tmux = try start("--paused")
        defer { tmux.kill() }
        try await tmux.waitFor("1 Liquidations", "q quit", "paused")
        let rows = Self.backgrounds(tmux.captureWithEscapes())
        try #require(rows.count >= 40)
        // The default theme's bar, #1c1c1c, is 234 on tmux-256color. (tmux leaves out trailing blanks.)
        for (name, cells) in [("header", rows[0]), ("status", rows[39])] {
            let text = String(cells.map(\.0))
            #expect(cells.count >= 50 && text.contains(name == "header" ? "liqtop" : "quit"), "\(name): \(text)")
            let off = cells.filter { $0.1 != "5;234" }
            #expect(off.isEmpty, "\(name) cells not on the bar: '\(String(off.map(\.0)))' in '\(text)'")
        }
        // The body is on the terminal's own background, but for the selected row: no black
        // rectangles on a terminal with another background.
        let body = rows[1 ..< 39].flatMap { $0 }
        let painted = Set(body.compactMap(\.1))
        #expect(painted.isSubset(of: ["5;24", "5;235"]), "\(painted)") // selection, unfocused selection
        #expect(body.filter { $0.1 == nil }.count > 2000)
    }

    @Test(.timeLimit(.minutes(1)))
    func lightPaintsItsOwnBackgroundEverywhere() async throws {
        let tmux = try start("--paused --theme light")
        defer { tmux.kill() }
        try await tmux.waitFor("1 Liquidations", "paused", "theme light")
        let rows = Self.backgrounds(tmux.captureWithEscapes())
        try #require(rows.count >= 40)
        let body = rows[1 ..< 39].flatMap { $0 }
        #expect(body.count > 2000)
        // White (231) behind everything but the selected row (#d7e7ff: 189; unfocused #e6eef8: 255).
        let off = Set(body.compactMap { ["5;231", "5;189", "5;255"].contains($0.1 ?? "") ? nil : ($0.1 ?? "default") })
        #expect(off.isEmpty, "backgrounds other than the theme's: \(off)")
        #expect(rows[0].allSatisfy { $0.1 == "5;254" }) // light's bar, #e4e4e4
    }
}
