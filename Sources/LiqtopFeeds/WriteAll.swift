#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one loop that writes a whole buffer with POSIX write(2), for every file, pipe and
/// terminal liqtop writes (the recorder, the instrument cache, stdout and stderr).
public enum WriteAll {
    /// Writes every byte, continuing after partial writes and EINTR. nil when everything was
    /// written, else the errno (EIO for a write that returned 0 on a non-empty buffer, which
    /// would otherwise loop forever).
    public static func write(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
        bytes.withUnsafeBytes { buffer -> Int32? in
            guard let base = buffer.baseAddress else { return nil }
            var offset = 0
            while offset < buffer.count {
                let n = systemWrite(fd, base + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                if n == 0 { return EIO }
                offset += n
            }
            return nil
        }
    }
}

/// write(2), named apart from `WriteAll.write`.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
