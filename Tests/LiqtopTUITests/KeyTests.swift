#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNCursesW
import CSignalPipe
import Testing
@testable import LiqtopTUI

@Suite struct KeyTests {
    @Test func functionKeyCodes() {
        let yes = KEY_CODE_YES
        let table: [(Int32, Key)] = [
            (KEY_UP, .up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right),
            (KEY_HOME, .home), (KEY_END, .end), (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown),
            (KEY_ENTER, .enter), (KEY_BACKSPACE, .backspace), (KEY_BTAB, .backTab), (KEY_RESIZE, .resize),
            (KEY_F0 + 1, .function(1)), (KEY_F0 + 12, .function(12)), (KEY_DC, .unknown(KEY_DC)),
        ]
        for (code, key) in table {
            #expect(KeyDecoder.decode(status: yes, value: UInt32(code)) == key, "code \(code)")
        }
        #expect(KEY_END == 0o550 && KEY_RESIZE == 410)
    }

    @Test func plainCharacters() {
        let table: [(UInt32, Key)] = [
            (9, .tab), (10, .enter), (13, .enter), (27, .escape), (127, .backspace), (8, .backspace),
            (3, .ctrl("c")), (1, .ctrl("a")), (26, .ctrl("z")), (28, .ctrl("\\")), (31, .ctrl("_")),
            (0x71, .char("q")), (0x20, .char(" ")), (0x2800, .char("⠀")), (0x6F22, .char("漢")),
            (0, .unknown(0)), (0x9B, .unknown(0x9B)), (0xD800, .unknown(0xD800)),
        ]
        for (value, key) in table {
            #expect(KeyDecoder.decode(status: OK, value: value) == key, "value \(value)")
        }
    }

    @Test func errMeansNoKey() {
        #expect(KeyDecoder.decode(status: ERR, value: 0) == nil)
        #expect(KeyDecoder.decode(status: ERR, value: 113) == nil)
    }
}

/// The signal pipe is process-wide: one test at a time. Signals are sent to the process
/// (kill), not the calling thread (raise): test threads are dispatch workers that block signals.
@Suite(.serialized, .timeLimit(.minutes(1))) struct SignalPipeTests {
    private func drain(_ fd: Int32) -> [UInt8] {
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 64)
        while true {
            let n = read(fd, &buf, buf.count)
            if n <= 0 { break }
            out += buf[0 ..< n]
        }
        return out
    }

    /// Bytes from `fd` until `count` arrived or 2 s passed.
    private func collect(_ fd: Int32, count: Int) -> [UInt8] {
        var out: [UInt8] = []
        for _ in 0 ..< 40 where out.count < count {
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            _ = poll(&p, 1, 50)
            out += drain(fd)
        }
        return out
    }

    @Test func signalsWriteTheirNumbersToThePipe() throws {
        let fd = liqtop_signal_pipe_install()
        defer { liqtop_signal_pipe_restore_defaults() }
        try #require(fd >= 0)
        #expect(liqtop_signal_pipe_install() == fd) // idempotent
        #expect(fcntl(fd, F_GETFL) & O_NONBLOCK != 0)
        #expect(fcntl(fd, F_GETFD) & FD_CLOEXEC != 0)
        _ = drain(fd)
        #expect(kill(getpid(), SIGWINCH) == 0)
        #expect(collect(fd, count: 1) == [UInt8(SIGWINCH)])
        #expect(kill(getpid(), SIGCONT) == 0)
        #expect(collect(fd, count: 1) == [UInt8(SIGCONT)])
        #expect(drain(fd) == [])
    }

    /// The dashboard adds the signals whose default would end the process; signals
    /// that cannot be caught are refused.
    @Test func addedSignalsReachThePipeAndUncatchableOnesAreRefused() throws {
        #expect(liqtop_signal_pipe_add(SIGKILL) == -1)
        #expect(liqtop_signal_pipe_add(SIGSTOP) == -1)
        #expect(liqtop_signal_pipe_add(0) == -1)
        #expect(liqtop_signal_pipe_add(1000) == -1)
        #expect(liqtop_signal_pipe_add_ending() == 0)
        let fd = liqtop_signal_pipe_install()
        defer { liqtop_signal_pipe_restore_defaults() }
        try #require(fd >= 0)
        _ = drain(fd)
        for sig in [SIGUSR1, SIGALRM, SIGXFSZ] {
            #expect(kill(getpid(), sig) == 0)
            #expect(collect(fd, count: 1) == [UInt8(sig)], "signal \(sig)")
        }
    }

    @Test func watcherDeliversSignals() async throws {
        let fd = liqtop_signal_pipe_install()
        defer { liqtop_signal_pipe_restore_defaults() }
        try #require(fd >= 0)
        _ = drain(fd)
        let watcher = InputWatcher(inputFD: nil, signalFD: fd)
        watcher.start()
        #expect(kill(getpid(), SIGWINCH) == 0)
        var it = watcher.events.makeAsyncIterator()
        #expect(await it.next() == .signal(SIGWINCH))
        watcher.stop()
        #expect(await it.next() == nil) // the stream finishes when the thread ends
    }

    @Test func watcherWaitsForResumeAndReportsEndOfInput() async throws {
        var p: [Int32] = [-1, -1]
        try #require(pipe(&p) == 0)
        defer { close(p[0]) }
        let watcher = InputWatcher(inputFD: p[0], signalFD: nil)
        watcher.start()
        var it = watcher.events.makeAsyncIterator()
        var byte: UInt8 = 0x71
        #expect(write(p[1], &byte, 1) == 1)
        #expect(await it.next() == .inputReady)
        var one: UInt8 = 0
        #expect(readByte(p[0], &one, 1) == 1 && one == 0x71) // what ncurses would do
        close(p[1])
        watcher.resume()
        #expect(await it.next() == .inputClosed)
        watcher.stop()
        #expect(await it.next() == nil)
    }

    @Test func watcherStaysQuietUntilResumed() async throws {
        var p: [Int32] = [-1, -1]
        try #require(pipe(&p) == 0)
        defer { close(p[0]); close(p[1]) }
        let watcher = InputWatcher(inputFD: p[0], signalFD: nil)
        watcher.start()
        var it = watcher.events.makeAsyncIterator()
        var bytes: [UInt8] = [0x61, 0x62]
        #expect(write(p[1], &bytes, 2) == 2)
        #expect(await it.next() == .inputReady)
        // Input is still pending, but without resume() no second event may come: after a pause
        // and stop(), the very next thing the stream does must be to finish.
        try await Task.sleep(for: .milliseconds(50))
        watcher.stop()
        #expect(await it.next() == nil)
    }

    @Test func watcherReportsAgainAfterResumeWhileInputPending() async throws {
        var p: [Int32] = [-1, -1]
        try #require(pipe(&p) == 0)
        defer { close(p[0]); close(p[1]) }
        let watcher = InputWatcher(inputFD: p[0], signalFD: nil)
        watcher.start()
        var it = watcher.events.makeAsyncIterator()
        var byte: UInt8 = 0x61
        #expect(write(p[1], &byte, 1) == 1)
        #expect(await it.next() == .inputReady)
        watcher.resume() // not drained: it is still readable, so it is reported again
        #expect(await it.next() == .inputReady)
        watcher.stop()
        #expect(await it.next() == nil)
    }
}

private func readByte(_ fd: Int32, _ into: inout UInt8, _ n: Int) -> Int { read(fd, &into, n) }
