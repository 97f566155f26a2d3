import Foundation

/// A directory named where files are accepted (`liqtop summary DIR`): the recordings and tables
/// in it, read as if each had been named, in name order (day files sort by date).
public enum ArchiveDirectory {
    /// The extensions liqtop reads: venue frames and native lines, Farside/FRED/odds/notes tables.
    static let readable: Set<String> = ["ndjson", "jsonl", "json", "csv"]

    /// One input: a path and whether it was named on the command line (a file found in a
    /// directory that gives no event is skipped with a notice; a named one is an error).
    public struct Input: Sendable, Equatable {
        public var path: String
        public var named: Bool
    }

    /// Every path as it is, each directory as its readable files. A raw recording
    /// (`liqtop-DAY.raw.ndjson`) beside its normalized twin is left out: both hold the same
    /// orders, and reading both counts each twice. Hidden entries (`.liqtop-index/`) are skipped.
    public static func expand(_ paths: [String]) throws(FileInputError) -> [Input] {
        var out: [Input] = []
        for p in paths {
            var isDirectory: ObjCBool = false
            guard p != "-", FileManager.default.fileExists(atPath: p, isDirectory: &isDirectory), isDirectory.boolValue else {
                out.append(Input(path: p, named: true))
                continue
            }
            let files = try members(of: p)
            if files.isEmpty { throw FileInputError(path: p, reason: "no recordings or tables in it (.ndjson, .jsonl, .json, .csv)") }
            out += files.map { Input(path: $0, named: false) }
        }
        return out
    }

    static func members(of dir: String) throws(FileInputError) -> [String] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: dir) } catch {
            throw FileInputError(path: dir, reason: "cannot list it: \(error.localizedDescription)")
        }
        let base = dir.hasSuffix("/") ? dir : dir + "/"
        let regular = names.filter { name in
            guard !name.hasPrefix("."), let ext = name.split(separator: ".").last, readable.contains(ext.lowercased()) else { return false }
            var isDirectory: ObjCBool = false // a symlinked day file counts, a subdirectory does not
            return FileManager.default.fileExists(atPath: base + name, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
        let present = Set(regular)
        return regular.filter { name in
            guard name.hasSuffix(".raw.ndjson") else { return true }
            return !present.contains(String(name.dropLast(".raw.ndjson".count)) + ".ndjson")
        }.sorted().map { base + $0 }
    }
}
