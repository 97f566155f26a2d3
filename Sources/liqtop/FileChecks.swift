import Foundation
import LiqtopCore
import LiqtopFeeds

/// What `replay` and `summary` say about the files they were given before and after reading them.
enum FileChecks {
    /// The subcommands a mistyped word may have meant (`liqtop sumary` reaches replay as a FILE).
    static let commands = ["replay", "summary", "export", "alerts", "tail", "live", "themes", "config"]

    /// `did you mean 'liqtop summary'?` for a missing file named like a subcommand: no path
    /// separator, no extension, within two edits of one.
    static func suggestion(forMissing path: String) -> String? {
        guard !path.contains("/"), !path.contains("."), !FileManager.default.fileExists(atPath: path) else { return nil }
        let word = path.lowercased()
        let best = commands.map { ($0, distance(word, $0)) }.min { $0.1 < $1.1 }
        guard let (command, d) = best, d > 0, d <= 2 else { return nil }
        return "no file '\(SafeText.short(path))' (did you mean 'liqtop \(command)'?)"
    }

    /// Throws the suggestion for the first missing file named like a subcommand.
    static func checkNames(_ files: [String]) throws {
        if let s = files.lazy.compactMap(suggestion(forMissing:)).first { throw CLIError(message: s) }
    }

    /// Following (`tail`, `alerts --follow`) reads files as they grow; a directory would wait
    /// forever for nothing, so it is a usage error that says what to name instead.
    static func refuseDirectories(_ files: [String], following what: String) throws {
        for f in files where f != "-" {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: f, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            throw CLIError(message: "\(SafeText.clean(f)) is a directory: \(what) follows files; name them (e.g. \(SafeText.clean(f.hasSuffix("/") ? f : f + "/"))liqtop-DAY.ndjson)")
        }
    }

    /// Levenshtein distance, small words only.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0 ... b.count)
        for (i, x) in a.enumerated() {
            var next = [i + 1]
            for (j, y) in b.enumerated() { next.append(min(row[j + 1] + 1, next[j] + 1, row[j] + (x == y ? 0 : 1))) }
            row = next
        }
        return row[b.count]
    }

    /// "no events recognized in FILE: …" for a file that gave nothing (a dashboard dated 1970 is
    /// no answer); nil when it gave events.
    static func nothingRecognized(_ path: String, _ input: InputStats) -> String? {
        guard let s = input.sources.first(where: { $0.name == path }) else {
            return "no events recognized in \(SafeText.clean(path)): it is empty"
        }
        guard s.events == 0 else { return nil }
        if s.lines == 0 { return "no events recognized in \(SafeText.clean(path)): it is empty" }
        let first = input.rejections.first { $0.source == path }.map { ", first \(SafeText.clean("line \($0.line): \($0.reason)"))" } ?? ""
        var counts: [String] = []
        if s.rejected > 0 { counts.append("\(Figures.count(s.rejected)) lines rejected") }
        if s.ignored > 0 { counts.append("\(Figures.count(s.ignored)) ignored") }
        return "no events recognized in \(SafeText.clean(path)): " + (counts.isEmpty ? "\(Figures.count(s.lines)) lines read" : counts.joined(separator: ", ")) + first
    }
}

extension ArchiveDirectory {
    /// `expand` with its error as the one-line CLI error.
    static func expanding(_ files: [String]) throws -> [Input] {
        do { return try expand(files) } catch { throw CLIError(message: "\(error)") }
    }
}
