#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LiqtopCore

/// Which file a path or descriptor names: stays the same across renames, changes on rotation.
struct FileIdentity: Equatable {
    var device: UInt64
    var inode: UInt64

    init(_ st: stat) {
        device = UInt64(truncatingIfNeeded: st.st_dev)
        inode = UInt64(truncatingIfNeeded: st.st_ino)
    }

    /// The file `path` names now, or the errno why there is none.
    static func of(path: String) -> Result<FileIdentity, FollowError> {
        var st = stat()
        guard stat(path, &st) == 0 else { return .failure(FollowError.fromErrno()) }
        return .success(FileIdentity(st))
    }
}

/// Why a file could not be opened or read, in words, plus whether it simply is not there.
struct FollowError: Error {
    var reason: String
    var missing: Bool

    static func fromErrno() -> FollowError {
        let code = errno
        return FollowError(reason: String(cString: strerror(code)), missing: code == ENOENT || code == ENOTDIR)
    }
}

/// One opened file being followed: reads what has been appended since the last call and
/// parses the complete lines; notices when the bytes it already read were rewritten. Owns its
/// descriptor.
final class FileFollower {
    let identity: FileIdentity
    private let fd: Int32
    /// A regular file (not a FIFO): it has a size, and bytes read can be read again.
    private let regular: Bool
    /// Bytes of the file consumed so far: a size below this means the file was truncated.
    private var offset: Int64
    private var feed: LineFeed
    private var fingerprint: ContentFingerprint
    /// The file as last checked, and since when it has looked so.
    private var stamp: FileStamp?
    private var stampSince = ContinuousClock.now
    /// A table's last row without a newline has been parsed (`finishIfSettled`).
    private var finishedTail = false
    private let source: String
    private let context: DecodeContext
    private let keepRaw: Bool

    enum ReadResult {
        /// This many bytes were read and parsed.
        case data(Int)
        /// Nothing new for now.
        case endOfFile
        case failed(String)
    }

    /// Opens `path` at its start, or at its end (skipping a partial last line, and counting the
    /// lines before so rejections still carry the file's real line numbers).
    init(path: String, atEnd: Bool, context: DecodeContext, keepRaw: Bool, scratch: UnsafeMutableRawBufferPointer) throws(FollowError) {
        // Non-blocking so a FIFO at the path can never block the caller in open or read.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw FollowError.fromErrno() }
        var st = stat()
        guard fstat(fd, &st) == 0 else { let e = FollowError.fromErrno(); close(fd); throw e }
        if (st.st_mode & S_IFMT) == S_IFDIR { close(fd); throw FollowError(reason: "is a directory", missing: false) }
        self.fd = fd
        regular = (st.st_mode & S_IFMT) == S_IFREG
        identity = FileIdentity(st)
        source = path
        self.context = context
        self.keepRaw = keepRaw
        offset = 0
        fingerprint = ContentFingerprint()
        stamp = FileStamp(fd: fd)
        var linesBefore = 0
        var midLine = false
        if atEnd, (st.st_mode & S_IFMT) == S_IFREG, st.st_size > 0 {
            let size = Int64(st.st_size)
            (linesBefore, midLine) = Self.countLines(fd: fd, upTo: size, scratch: scratch)
            if lseek(fd, off_t(size), SEEK_SET) >= 0 {
                offset = size
                fingerprint = ContentFingerprint(fd: fd, length: size)
            } else {
                (linesBefore, midLine) = (0, false) // cannot seek: read it all rather than lose lines
            }
        }
        feed = LineFeed(source: path, context: context, keepRaw: keepRaw, linesBefore: linesBefore, startsMidLine: midLine)
    }

    deinit { close(fd) }

    /// Reads one chunk of what is there now (at most `buffer.count` bytes) and parses it.
    func readChunk(into buffer: UnsafeMutableRawBufferPointer, now: Millis, batch: inout PendingBatch) -> ReadResult {
        while true {
            let n = read(fd, buffer.baseAddress, buffer.count)
            if n > 0 {
                // Rewritten between the last check and this read: these bytes do not continue what
                // was read before. Put them back and have the next check start the file over.
                if regular, offset > 0, !fingerprint.matches(fd, endingAt: offset) {
                    _ = lseek(fd, off_t(offset), SEEK_SET)
                    stamp = nil // even if size and time look as before
                    return .endOfFile
                }
                offset += Int64(n)
                fingerprint.record(UnsafeRawBufferPointer(rebasing: buffer[0 ..< n]))
                feed.push(UnsafeBufferPointer(start: buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), count: n),
                          now: now, into: &batch)
                return .data(n)
            }
            if n == 0 { return .endOfFile }
            if errno == EINTR { continue }
            if errno == EAGAIN || errno == EWOULDBLOCK { return .endOfFile }
            return .failed(String(cString: strerror(errno)))
        }
    }

    /// The file's new stamp when its size or modification time changed since the last look, else nil.
    private func restamp() -> FileStamp? {
        guard let now = FileStamp(fd: fd), now != stamp else { return nil }
        stamp = now
        stampSince = .now
        return now
    }

    /// Notices that the bytes already read are no longer there: the file became shorter
    /// (truncated, `copytruncate`) or its first or last-read bytes differ (rewritten in place,
    /// perhaps larger: `cat new > f`, `cp`, `curl -o`). Reads on from `copytruncate`'s copy when
    /// one is beside it, then starts over at the file's beginning with fresh line numbers.
    /// Returns why, or nil when the file was only appended to (or not changed).
    func restartIfRewritten(scratch: UnsafeMutableRawBufferPointer, now: Millis, into batch: inout PendingBatch) -> String? {
        guard offset > 0, let stamp = restamp() else { return nil }
        let reason: String
        if stamp.size < offset {
            reason = "truncated"
        } else if !fingerprint.matches(fd, endingAt: offset) {
            reason = "rewritten in place"
        } else {
            return nil
        }
        let carried = readOnInCopy(scratch: scratch, now: now, into: &batch)
        restart()
        if !carried.isEmpty {
            // The copy ended inside a line whose rest the writer put at the new start.
            carried.withUnsafeBufferPointer { feed.push($0, now: now, into: &batch) }
        }
        return reason
    }

    /// For a watched table: any change at all means it is read again whole (values read again
    /// replace their old selves in the store). Returns whether that happened.
    func restartIfChanged() -> Bool {
        guard restamp() != nil, offset > 0 else { return false }
        restart()
        return true
    }

    /// A table's last row counts without a newline once the file has not changed for `quiet`
    /// (a writer that is still saving would have changed it; if it changes later, the whole
    /// table is read again anyway).
    func finishIfSettled(quiet: Swift.Duration, now: Millis, into batch: inout PendingBatch) {
        guard !finishedTail, feed.pendingByteCount > 0, ContinuousClock.now - stampSince >= quiet else { return }
        feed.finish(now: now, into: &batch)
        finishedTail = true
    }

    private func restart() {
        guard lseek(fd, 0, SEEK_SET) == 0 else { return }
        offset = 0
        fingerprint = ContentFingerprint()
        finishedTail = false
        // The held partial line belonged to the old contents: drop it with the old splitter.
        feed = LineFeed(source: source, context: context, keepRaw: keepRaw)
    }

    /// Reads what `copytruncate`'s copy holds past our offset (appended after our last read,
    /// before the copy). Returns the copy's unfinished last line, to be continued in the file.
    private func readOnInCopy(scratch: UnsafeMutableRawBufferPointer, now: Millis, into batch: inout PendingBatch) -> [UInt8] {
        guard let copy = RotatedCopy.find(beside: source, matching: fingerprint, readUpTo: offset, excluding: identity),
              let base = scratch.baseAddress else { return [] }
        defer { close(copy) }
        var at = offset
        while true {
            let n = pread(copy, base, scratch.count, off_t(at))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            at += Int64(n)
            feed.push(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: n), now: now, into: &batch)
        }
        let pending = Int64(feed.pendingByteCount)
        guard pending > 0 else { return [] }
        return ContentFingerprint.read(copy, at: at - pending, count: Int(pending)) ?? []
    }

    /// The file is being left for good (rotated away): its last line counts even without a newline.
    func finish(now: Millis, into batch: inout PendingBatch) {
        feed.finish(now: now, into: &batch)
    }

    var pendingByteCount: Int { feed.pendingByteCount }

    /// Counts the newlines before `size` and whether `size` falls inside a line.
    private static func countLines(fd: Int32, upTo size: Int64, scratch: UnsafeMutableRawBufferPointer) -> (Int, Bool) {
        guard let base = scratch.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return (0, false) }
        var lines = 0
        var at: Int64 = 0
        var last: UInt8 = 0x0A
        while at < size {
            let want = Int(min(Int64(scratch.count), size - at))
            let n = pread(fd, base, want, off_t(at))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            var p = UnsafeRawPointer(base)
            var left = n
            while left > 0, let hit = memchr(p, 0x0A, left) {
                lines += 1
                let skip = UnsafeRawPointer(hit) - p + 1
                p += skip
                left -= skip
            }
            last = base[n - 1]
            at += Int64(n)
        }
        return (lines, last != 0x0A)
    }
}
