import LiqtopCore
import LiqtopFeeds

/// The day digests `history` and `compare` work on: the inputs' (through the archive index,
/// rejections and unwritable indexes said on stderr), or the bundled demo archive's.
enum ArchiveLoad {
    struct Loaded {
        var digests: DayDigests
        /// Said in the header and by compare: the demo archive is generated.
        var label: String?
        /// Which files to replay for a day (nil: the demo day, replayed with no files).
        var filesByDay: [Day: [String]]?
        var tables: [String] = []
    }

    static func load(_ files: [String], instruments: [String]) throws -> Loaded {
        guard !files.isEmpty else {
            var d = DayDigests()
            d.add(DemoArchive.events())
            return Loaded(digests: d, label: DemoArchive.label, filesByDay: nil)
        }
        let given = try InstrumentOption.read(instruments)
        let context = DecodeContext(now: WallClock.now(), instruments: given.book)
        try FileChecks.checkNames(files)
        let inputs = try ArchiveDirectory.expanding(files)
        let result: ArchiveIndex.Result
        do { result = try ArchiveIndex.digests(of: inputs, context: context) } catch { throw CLIError(message: "\(error)") }
        for r in result.stats.rejections { Terminal.standardError("liqtop: rejected \(r)") }
        for why in result.unsaved { Terminal.standardError("liqtop: index not saved: \(why)") }
        // A file that gave no event at all: as for summary, an error when named, skipped (and said) in a directory.
        for source in result.stats.sources where source.name != "-" {
            guard let message = FileChecks.nothingRecognized(source.name, result.stats) else { continue }
            if inputs.contains(where: { $0.path == source.name && $0.named }) { throw CLIError(message: message) }
            Terminal.standardError("liqtop: skipped: " + message)
        }
        return Loaded(digests: result.digests, label: nil, filesByDay: result.filesByDay, tables: result.tables)
    }

    /// A day as the user wrote it, or a usage error saying how to write one.
    static func day(_ text: String) throws -> Day {
        guard let d = Day(iso: text), d.description == text else {
            throw CLIError(message: "cannot read day '\(SafeText.short(text))': use e.g. 2026-01-14")
        }
        return d
    }
}
