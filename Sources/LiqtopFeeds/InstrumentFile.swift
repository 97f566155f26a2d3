#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LiqtopCore

/// Reads a saved instrument-list response (`--instruments FILE`): the whole file, recognized
/// by its shape, as of the file's modification time (when the response was saved).
public enum InstrumentFile {
    /// The largest list read: BitMEX's full instrument list is a few MiB.
    public static let maxBytes = 64 << 20

    public static func load(path: String) throws(FileInputError) -> InstrumentList {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw FileInputError(path: path, reason: FileInput.errnoText()) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw FileInputError(path: path, reason: FileInput.errnoText()) }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw FileInputError(path: path, reason: "is a directory") }
        #if canImport(Darwin)
        let asOf = Millis(st.st_mtimespec.tv_sec) * 1000 + Millis(st.st_mtimespec.tv_nsec) / 1_000_000
        #else
        let asOf = Millis(st.st_mtim.tv_sec) * 1000 + Millis(st.st_mtim.tv_nsec) / 1_000_000
        #endif
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileInputError(path: path, reason: FileInput.errnoText())
            }
            if n == 0 { break }
            bytes += chunk[0 ..< n]
            if bytes.count > maxBytes { throw FileInputError(path: path, reason: "over \(maxBytes >> 20) MiB: not an instrument list") }
        }
        let parsed = bytes.withUnsafeBufferPointer { p in
            Result { () throws(InputError) in try InstrumentList.parse(p, asOf: asOf) }
        }
        switch parsed {
        case .success(let list): return list
        case .failure(let error): throw FileInputError(path: path, reason: error.reason)
        }
    }

    /// Every file's facts in one book (a later file wins for an instrument in two), plus one
    /// line per file saying what was read and what was skipped.
    public static func book(paths: [String]) throws(FileInputError) -> (InstrumentBook, [String]) {
        let (book, notes, _) = try readAll(paths: paths)
        return (book, notes)
    }

    /// `book(paths:)` plus, per venue, which files gave its facts (`--instruments a.json`), for
    /// the venue drill-down.
    public static func readAll(paths: [String]) throws(FileInputError) -> (InstrumentBook, [String], sources: [String: String]) {
        var book = InstrumentBook()
        var notes: [String] = []
        var files: [String: [String]] = [:]
        for path in paths {
            let list = try load(path: path)
            for f in list.facts { book.add(f) }
            files[list.venue, default: []].append(path)
            var note = "\(path): \(list.facts.count) \(list.venue) instruments (\(list.endpoint))"
            if list.skippedCount > 0 {
                note += "; \(list.skippedCount) skipped: " + list.skipped.sorted.map { "\($0.count) × \($0.kind)" }.joined(separator: ", ")
            }
            notes.append(note)
        }
        return (book, notes, files.mapValues { "--instruments " + $0.joined(separator: ", ") })
    }
}
