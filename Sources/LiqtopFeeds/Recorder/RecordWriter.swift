#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// One batch of whole lines for the writer: per day file, in arrival order.
struct RecordBatch: Sendable {
    struct File: Sendable {
        var name: String
        var bytes: [UInt8]
        var events: Int
        var rawFrames: Int
    }

    var files: [File] = []
}

/// What the writer did with a batch.
struct RecordOutcome: Sendable {
    var eventsWritten = 0
    var rawFramesWritten = 0
    var bytesWritten: Int64 = 0
    var eventsDropped = 0
    var rawFramesDropped = 0
    /// Day files written to for the first time this session.
    var newFiles = 0
    /// The first failure in words, nil when everything reached the disk.
    var error: String?
}

/// Does the blocking file I/O of a `Recorder` on a thread of its own, so a write that blocks —
/// a stalled disk, a hung network mount — holds up only this queue: never the recorder actor,
/// never ingest, never shutdown (which waits a bounded time). Owns the open day files.
final class RecordWriter: @unchecked Sendable {
    // @unchecked: every mutable member is touched only on `queue`, one batch at a time.
    private let queue = DispatchQueue(label: "liqtop.recorder")
    private let directory: String
    /// Test seam: runs on the writer's thread before each file is written (a blocking disk).
    private let beforeWrite: (@Sendable (String) -> Void)?
    private var files: [String: AppendFile] = [:]
    private var written: Set<String> = []
    private var directoryReady = false

    /// Open descriptors kept beyond the ones just written (yesterday's file around midnight).
    static let maxIdleFiles = 4

    init(directory: String, beforeWrite: (@Sendable (String) -> Void)?) {
        self.directory = directory
        self.beforeWrite = beforeWrite
    }

    /// Writes `batch` on the writer's thread; returns when it is done, however long that takes.
    func write(_ batch: RecordBatch) async -> RecordOutcome {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: self.writeNow(batch)) }
        }
    }

    /// Lets go of every open file once pending writes are done.
    func closeFiles() {
        queue.async { self.files.removeAll() }
    }

    private func writeNow(_ batch: RecordBatch) -> RecordOutcome {
        var outcome = RecordOutcome()
        for file in batch.files {
            beforeWrite?(file.name)
            if let message = write(file) {
                outcome.error = outcome.error ?? message
                outcome.eventsDropped += file.events
                outcome.rawFramesDropped += file.rawFrames
            } else {
                outcome.eventsWritten += file.events
                outcome.rawFramesWritten += file.rawFrames
                outcome.bytesWritten += Int64(file.bytes.count)
                if written.insert(file.name).inserted { outcome.newFiles += 1 }
            }
        }
        closeIdleFiles(keeping: Set(batch.files.map(\.name)))
        return outcome
    }

    /// Writes one file's lines (after a newline when the file ends torn); the error in words.
    private func write(_ p: RecordBatch.File) -> String? {
        let path = directory == "/" ? "/" + p.name : directory + "/" + p.name
        let file: AppendFile
        if let open = files[p.name] {
            file = open
        } else {
            if !directoryReady {
                if let failure = RecorderIO.makeDirectories(directory) {
                    return "cannot create directory \(directory): \(failure.reason)"
                }
                directoryReady = true
            }
            switch AppendFile.open(path) {
            case .success(let opened):
                file = opened
                files[p.name] = opened
            case .failure(let failure):
                directoryReady = false // it may have been removed: check again next time
                return "cannot write \(path): \(failure.reason)"
            }
        }
        let bytes = file.needsNewline ? [0x0A] + p.bytes : p.bytes
        if let failure = file.writeAll(bytes) {
            // Part of a line may have reached the disk: reopening checks the tail again.
            files[p.name] = nil
            directoryReady = false
            return "cannot write \(path): \(failure.reason)"
        }
        file.needsNewline = false
        return nil
    }

    private func closeIdleFiles(keeping active: Set<String>) {
        let idle = files.keys.filter { !active.contains($0) }.sorted()
        guard idle.count > Self.maxIdleFiles else { return }
        // Day names sort by date: the oldest days close first.
        for name in idle.prefix(idle.count - Self.maxIdleFiles) { files[name] = nil }
    }
}
