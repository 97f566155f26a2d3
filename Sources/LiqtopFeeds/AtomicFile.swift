#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a file whole: a temporary file in the same directory (named by process and a
/// counter, so two instances never share one), fsync, rename. A reader, or another instance
/// writing at the same moment, never sees half a file: the last rename wins, whole.
public enum AtomicFile {
    private static let counter = PthreadLock(0)

    /// Creates `directory` (and its parents) if needed. The error in words, nil on success.
    public static func write(_ bytes: [UInt8], to path: String, directory: String) -> String? {
        if let failure = RecorderIO.makeDirectories(directory) { return "cannot create \(directory): \(failure.reason)" }
        let name = path.split(separator: "/").last.map(String.init) ?? "file"
        let temporary = directory + "/.\(name).\(getpid()).\(counter.withLock { $0 += 1; return $0 }).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return "cannot write \(temporary): \(FileInput.errnoText())" }
        if let code = WriteAll.write(fd, bytes) {
            close(fd); unlink(temporary)
            return "cannot write \(temporary): \(String(cString: strerror(code)))"
        }
        let synced = fsync(fd) == 0
        close(fd)
        guard synced, rename(temporary, path) == 0 else {
            let why = FileInput.errnoText()
            unlink(temporary)
            return "cannot write \(path): \(why)"
        }
        return nil
    }
}

