import Foundation
import LiqtopCore

/// The per-day index of an archive: each input file's day digests, kept beside it in
/// `.liqtop-index/NAME.digest` and used while the file's `FileStamp` (size, modification time to
/// the nanosecond) is the one it was built from. A file that changed (today's, still growing under `live --record`) is read
/// again whole, so its orders are counted once however often it grew. An index that cannot be
/// read back exactly, or cannot be written (a read-only archive), costs a rebuild, never a figure.
public enum ArchiveIndex {
    public static let folder = ".liqtop-index"
    static let magic = "liqtop-index 1"

    public struct Result: Sendable {
        public var digests = DayDigests()
        public var stats = InputStats()
        /// Files read again (no index, or it was stale or unreadable), and files served from it.
        public var rebuilt: [String] = []
        public var reused: [String] = []
        /// Index files that could not be written, each with why.
        public var unsaved: [String] = []
        /// The files holding each day's orders, and the files with no orders at all (tables):
        /// what a replay of one day reads.
        public var filesByDay: [Day: [String]] = [:]
        public var tables: [String] = []

        mutating func take(_ digests: DayDigests, from path: String) {
            self.digests.merge(digests)
            let days = digests.days.filter { digests[$0]?.hasOrders == true }
            if days.isEmpty { tables.append(path) }
            for d in days { filesByDay[d, default: []].append(path) }
        }
    }

    /// Digests of every input, from the index where it is current.
    public static func digests(of inputs: [ArchiveDirectory.Input], context: DecodeContext) throws(FileInputError) -> Result {
        var result = Result()
        for input in inputs {
            let path = input.path
            guard path != "-", let stamp = FileStamp(path: path) else {
                // Standard input, or nothing to stat: read it, keep no index.
                let (digests, source, rejections) = try build(path, context)
                result.take(digests, from: path); result.stats.sources.append(source); result.stats.rejections += rejections
                result.rebuilt.append(path)
                continue
            }
            let indexPath = indexPath(of: path)
            if let (digests, source) = read(indexPath, stamp: stamp, name: path, context: context) {
                result.take(digests, from: path); result.stats.sources.append(source)
                result.reused.append(path)
                continue
            }
            let (digests, source, rejections) = try build(path, context)
            result.take(digests, from: path); result.stats.sources.append(source); result.stats.rejections += rejections
            result.rebuilt.append(path)
            let text = header(stamp, source) + "\n" + DigestText.encode(digests)
            if let why = AtomicFile.write(Array(text.utf8), to: indexPath, directory: directory(of: path) + folder) {
                result.unsaved.append(why)
            }
        }
        return result
    }

    /// `DIR/.liqtop-index/NAME.digest` for `DIR/NAME`.
    public static func indexPath(of path: String) -> String {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        return directory(of: path) + folder + "/" + name + ".digest"
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    /// The first line: the file it stands for and that file's counts (so rejected lines stay
    /// counted when the index is used instead of the file).
    static func header(_ s: FileStamp, _ source: InputStats.Source) -> String {
        "\(magic) \(s.size) \(s.modifiedSeconds) \(s.modifiedNanoseconds) \(source.lines) \(source.events) \(source.rejected) \(source.ignored)"
    }

    static func read(_ indexPath: String, stamp: FileStamp, name: String, context: DecodeContext) -> (DayDigests, InputStats.Source)? {
        guard let data = FileManager.default.contents(atPath: indexPath) else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        guard let newline = text.firstIndex(of: "\n") else { return nil }
        let head = text[..<newline]
        guard head.hasPrefix(magic + " ") else { return nil }
        let numbers = head.dropFirst(magic.count + 1).split(separator: " ").compactMap { Int64($0) }
        guard numbers.count == 7, numbers[0] == stamp.size, numbers[1] == Int64(stamp.modifiedSeconds), numbers[2] == Int64(stamp.modifiedNanoseconds),
              let digests = DigestText.decode(text[text.index(after: newline)...], context: context) else { return nil }
        let source = InputStats.Source(name: name, lines: Int(numbers[3]), events: Int(numbers[4]),
                                       rejected: Int(numbers[5]), ignored: Int(numbers[6]))
        return (digests, source)
    }

    static func build(_ path: String, _ context: DecodeContext) throws(FileInputError) -> (DayDigests, InputStats.Source, [Rejection]) {
        let acc = PthreadLock((DayDigests(), InputStats.Source(name: path), [Rejection]()))
        try FileInput.decodeParts(path: path, context: context) { part in
            acc.withLock { a in
                a.0.add(part.events)
                a.1.lines += part.lines
                a.1.events += part.events.count
                a.1.rejected += part.rejectedCount
                a.1.ignored += part.ignored
                a.2 += part.rejections.prefix(max(0, 20 - a.2.count))
            }
        }
        return acc.withLock { $0 }
    }
}
