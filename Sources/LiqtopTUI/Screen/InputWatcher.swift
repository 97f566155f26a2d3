#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CSignalPipe
import Foundation
import Synchronization

/// What the watcher thread saw.
public enum InputEvent: Sendable, Equatable {
    /// The input fd is readable: call `NCursesScreen.readKeys()`, then `InputWatcher.resume()`.
    case inputReady
    /// Input reached end-of-file or hung up; it is no longer watched.
    case inputClosed
    /// A signal number from the signal pipe (SIGWINCH, SIGINT, ...).
    case signal(Int32)
}

/// Waits for terminal input and signals on a dedicated thread, so the main actor never blocks
/// and an idle dashboard uses no CPU (poll with no timeout). It never calls ncurses: it only
/// says *that* input is ready; the main actor reads it.
///
/// After `.inputReady` the thread stops watching input until `resume()`, so it never spins on
/// a readable descriptor that has not been drained yet.
public final class InputWatcher: Sendable {
    public let events: AsyncStream<InputEvent>
    private let continuation: AsyncStream<InputEvent>.Continuation
    private let inputFD: Int32?
    private let signalFD: Int32?
    /// Internal wake pipe: "r" = resume input, "s" = stop.
    private let wakeRead: Int32
    private let wakeWrite: Int32
    private let started = Atomic<Bool>(false)

    /// `inputFD`: the descriptor ncurses reads (stdin = 0), or nil to watch only signals.
    /// `signalFD`: the read end from `liqtop_signal_pipe_install()`, or nil.
    public init(inputFD: Int32? = 0, signalFD: Int32?) {
        (events, continuation) = AsyncStream.makeStream(of: InputEvent.self, bufferingPolicy: .unbounded)
        self.inputFD = inputFD
        self.signalFD = signalFD.flatMap { $0 >= 0 ? $0 : nil }
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            for fd in fds {
                _ = fcntl(fd, F_SETFD, fcntl(fd, F_GETFD) | FD_CLOEXEC)
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            }
        }
        wakeRead = fds[0]
        wakeWrite = fds[1]
    }

    /// Installs the signal pipe for every signal whose default action would end the process
    /// (so the app can restore the terminal first) and watches stdin: the setup for the dashboard.
    public convenience init() {
        _ = liqtop_signal_pipe_add_ending()
        self.init(inputFD: 0, signalFD: liqtop_signal_pipe_install())
    }

    deinit {
        // The thread holds a strong reference while it runs, so nothing can write to these now.
        if wakeRead >= 0 { close(wakeRead) }
        if wakeWrite >= 0 { close(wakeWrite) }
    }

    /// Starts the thread (once).
    public func start() {
        guard !started.exchange(true, ordering: .acquiringAndReleasing) else { return }
        let thread = Thread { [self] in run() }
        thread.name = "liqtop-input"
        thread.start()
    }

    /// The consumer drained the input: watch it again.
    public func resume() { wake("r") }

    /// Ends the thread and finishes `events`.
    public func stop() { wake("s") }

    private func wake(_ c: Character) {
        guard wakeWrite >= 0, let byte = c.asciiValue else { return }
        var b = byte
        // A full pipe already holds a pending wake-up; dropping this one loses nothing.
        _ = write(wakeWrite, &b, 1)
    }

    private func run() {
        defer { continuation.finish() }
        guard wakeRead >= 0 else { return }
        if signalFD != nil { liqtop_signal_pipe_unblock_in_this_thread() }
        var watchInput = inputFD != nil
        var waitingForResume = false
        var buffer = [UInt8](repeating: 0, count: 64)

        while true {
            var fds = [pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
            let signalIndex = signalFD.map { fd -> Int in
                fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0)); return fds.count - 1
            }
            var inputIndex: Int?
            if watchInput, !waitingForResume, let fd = inputFD {
                fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0))
                inputIndex = fds.count - 1
            }
            let n = fds.withUnsafeMutableBufferPointer { poll($0.baseAddress, nfds_t($0.count), -1) }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return
            }

            if fds[0].revents != 0 {
                let count = read(wakeRead, &buffer, buffer.count)
                if count > 0 {
                    for b in buffer[0 ..< count] {
                        if b == UInt8(ascii: "s") { return }
                        if b == UInt8(ascii: "r") { waitingForResume = false }
                    }
                }
            }

            if let i = signalIndex, fds[i].revents != 0, let fd = signalFD {
                let count = read(fd, &buffer, buffer.count)
                if count > 0 {
                    for b in buffer[0 ..< count] { continuation.yield(.signal(Int32(b))) }
                } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
                    return // the signal pipe is gone; nothing sensible left to watch
                }
            }

            if let i = inputIndex, let fd = inputFD {
                let r = Int32(fds[i].revents)
                let hangup = r & Int32(POLLHUP | POLLERR | POLLNVAL) != 0
                if r & Int32(POLLIN) != 0 || hangup {
                    // Readable with nothing to read is end-of-file (a file, a closed pipe); a hung-up
                    // terminal may not even answer FIONREAD. Either way ncurses would read nothing,
                    // and reporting it again would spin.
                    let available = liqtop_fd_bytes_available(fd)
                    if available > 0 || (available < 0 && !hangup) {
                        waitingForResume = true
                        continuation.yield(.inputReady)
                    } else {
                        watchInput = false
                        continuation.yield(.inputClosed)
                    }
                }
            }
        }
    }
}
