#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Size and modification time of an open regular file: when neither changed, nothing was
/// appended or rewritten, so the costlier content check can be skipped.
struct FileStamp: Equatable {
    var size: Int64
    var modifiedSeconds: Int
    var modifiedNanoseconds: Int

    /// The stamp of `fd`, or nil when it is not a regular file (a FIFO has no size to compare).
    init?(fd: Int32) {
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        self.init(st)
    }

    /// The stamp of the file at `path` (the archive index: was the file changed since?).
    init?(path: String) {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        self.init(st)
    }

    private init?(_ st: stat) {
        guard (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        size = Int64(st.st_size)
        #if canImport(Darwin)
        modifiedSeconds = Int(st.st_mtimespec.tv_sec); modifiedNanoseconds = Int(st.st_mtimespec.tv_nsec)
        #else
        modifiedSeconds = Int(st.st_mtim.tv_sec); modifiedNanoseconds = Int(st.st_mtim.tv_nsec)
        #endif
    }
}

/// The first and the last bytes read so far. An append leaves both where they were; a rewrite in
/// place (`cat new > f`, `cp`, `curl -o`, `copytruncate` then regrown) nearly always changes one,
/// even when the file ends up larger than before, which the size alone cannot show.
struct ContentFingerprint {
    static let width = 128

    private(set) var head: [UInt8] = []
    /// The `width` bytes (or fewer) just before the read offset.
    private(set) var tail: [UInt8] = []

    init() {}

    /// The fingerprint of the first `length` bytes of `fd`, for a file opened at its end.
    init(fd: Int32, length: Int64) {
        let n = Int(min(Int64(Self.width), length))
        head = Self.read(fd, at: 0, count: n) ?? []
        tail = Self.read(fd, at: length - Int64(n), count: n) ?? []
    }

    /// Takes note of bytes just read at the offset.
    mutating func record(_ bytes: UnsafeRawBufferPointer) {
        if head.count < Self.width { head += bytes.prefix(Self.width - head.count) }
        if bytes.count >= Self.width {
            tail = Array(bytes.suffix(Self.width))
        } else {
            tail += bytes
            if tail.count > Self.width { tail.removeFirst(tail.count - Self.width) }
        }
    }

    /// Whether `fd` still holds these bytes at its start and just before `offset`.
    func matches(_ fd: Int32, endingAt offset: Int64) -> Bool {
        Self.read(fd, at: 0, count: head.count) == head
            && Self.read(fd, at: offset - Int64(tail.count), count: tail.count) == tail
    }

    /// Exactly `count` bytes at `at`, or nil when the file holds fewer.
    static func read(_ fd: Int32, at: Int64, count: Int) -> [UInt8]? {
        guard count > 0 else { return [] }
        guard at >= 0 else { return nil }
        var out = [UInt8](repeating: 0, count: count)
        var got = 0
        while got < count {
            let n = out.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + got, count - got, off_t(at) + off_t(got)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return nil }
            got += n
        }
        return out
    }
}
