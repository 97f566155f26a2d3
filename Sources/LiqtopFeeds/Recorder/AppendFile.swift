#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One day file opened for appending. The descriptor closes when the object goes away, so a
/// recorder that is dropped without `close()` still leaks nothing.
final class AppendFile {
    let fd: Int32
    /// The file did not end with a newline when opened (a line torn by a crash or by a failed
    /// write): the next write starts with one so the torn line stays alone on its line.
    var needsNewline: Bool

    private init(fd: Int32, needsNewline: Bool) {
        self.fd = fd
        self.needsNewline = needsNewline
    }

    deinit { _ = close(fd) }

    /// Opens `path` for appending (created 0644 if missing); the reason in words on failure.
    static func open(_ path: String) -> Result<AppendFile, RecorderIO.Failure> {
        // Read access only to look at the last byte; O_APPEND keeps every write at the end.
        // O_NONBLOCK: opening a FIFO would otherwise wait for a reader, forever.
        var fd = RecorderIO.retrying { openFile(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC | O_NONBLOCK, 0o644) }
        var canRead = true
        if fd < 0, errno == EACCES {
            // A write-only file can still be appended to; its tail just cannot be checked.
            fd = RecorderIO.retrying { openFile(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NONBLOCK, 0o644) }
            canRead = false
        }
        guard fd >= 0 else { return .failure(RecorderIO.Failure(code: errno)) }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            let failure = RecorderIO.Failure(code: errno)
            _ = close(fd)
            return .failure(failure)
        }
        let type = st.st_mode & S_IFMT
        if type == S_IFIFO || type == S_IFSOCK || type == S_IFDIR {
            // A pipe's reader (or nobody) decides when a write returns: not a recording.
            _ = close(fd)
            return .failure(RecorderIO.Failure(code: 0, message: type == S_IFDIR ? "is a directory" : "is a FIFO or socket, not a regular file"))
        }
        // Back to blocking writes (they run on the writer's own thread).
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        var torn = false
        if canRead, (st.st_mode & S_IFMT) == S_IFREG, st.st_size > 0 {
            var last: UInt8 = 0
            let n = RecorderIO.retrying { pread(fd, &last, 1, st.st_size - 1) }
            torn = n == 1 && last != 0x0A
        }
        return .success(AppendFile(fd: fd, needsNewline: torn))
    }

    /// Writes every byte (continuing after partial writes and EINTR); the failure otherwise.
    func writeAll(_ bytes: [UInt8]) -> RecorderIO.Failure? {
        WriteAll.write(fd, bytes).map { RecorderIO.Failure(code: $0) }
    }
}

/// The variadic C `open`, named apart from the recorder's own methods.
private func openFile(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
    open(path, flags, mode)
}

enum RecorderIO {
    /// An errno with its text, ready for the status line.
    struct Failure: Error, Equatable {
        var code: Int32
        /// Our own words, when the OS had no errno for it.
        var message: String? = nil
        var reason: String { message ?? String(cString: strerror(code)) }
    }

    static func retrying<T: BinaryInteger>(_ call: () -> T) -> T {
        while true {
            let r = call()
            if r < 0, errno == EINTR { continue }
            return r
        }
    }

    /// `mkdir -p`: creates `path` and its missing parents (0755). Only the final check decides,
    /// so a parent that is a regular file or unwritable surfaces as the directory's own error.
    static func makeDirectories(_ path: String) -> Failure? {
        if isDirectory(path) { return nil }
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += prefix.isEmpty || prefix.hasSuffix("/") ? String(part) : "/" + part
            _ = mkdir(prefix, 0o755) // failures surface below, as the directory's own error
        }
        if isDirectory(path) { return nil }
        if mkdir(path, 0o755) == 0 { return nil }
        let code = errno
        return Failure(code: code == EEXIST ? ENOTDIR : code)
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }
}
