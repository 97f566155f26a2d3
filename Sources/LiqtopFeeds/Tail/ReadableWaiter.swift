#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Waits until a descriptor is readable on a thread of its own, so no task of the cooperative
/// pool ever blocks on a pipe and an idle stream costs no CPU (poll with no timeout).
/// Cancelling the waiting task wakes the thread through a private pipe.
final class ReadableWaiter: Sendable {
    private let wakeRead: Int32
    private let wakeWrite: Int32

    init?() {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return nil }
        for fd in fds {
            _ = fcntl(fd, F_SETFD, fcntl(fd, F_GETFD) | FD_CLOEXEC)
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }
        wakeRead = fds[0]
        wakeWrite = fds[1]
    }

    deinit {
        // A waiting thread holds a strong reference, so none can be polling these now.
        close(wakeRead)
        close(wakeWrite)
    }

    /// Returns when `fd` is readable, hung up or in error (a read then tells which), or when
    /// the task is cancelled.
    func wait(for fd: Int32) async {
        if Self.readableNow(fd) { return }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                let thread = Thread { [self] in
                    block(on: fd)
                    done.resume()
                }
                thread.name = "liqtop-tail-stdin"
                thread.start()
            }
        } onCancel: {
            var b: UInt8 = 1
            // Once cancelled the pipe stays readable, so every later wait returns at once too.
            _ = write(wakeWrite, &b, 1)
        }
    }

    /// Whether a read of `fd` would return at once (data, end of file or an error).
    static func readableNow(_ fd: Int32) -> Bool {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        while true {
            let n = poll(&p, 1, 0)
            if n < 0 && errno == EINTR { continue }
            return n != 0 // an error from poll itself: let the read report it
        }
    }

    private func block(on fd: Int32) {
        var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
        while true {
            let n = fds.withUnsafeMutableBufferPointer { poll($0.baseAddress, nfds_t($0.count), -1) }
            if n < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            return
        }
    }
}
