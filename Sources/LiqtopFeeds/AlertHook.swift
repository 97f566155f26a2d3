#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation
import LiqtopCore

/// Runs an alert's hook command (`command = ["notify-send", "liqtop"]`): the argv as given,
/// started with posix_spawnp — never a shell, never a string built from data — with the alert
/// as one line of JSON on stdin and as `LIQTOP_ALERT_TIME/RULE/SIDE/COIN/VENUE/USD/TEXT` in the
/// environment (the rest of liqtop's environment is passed on, so PATH and DISPLAY still work).
///
/// The child gets its own process group (terminal signals and the dashboard's keys stay ours),
/// default signal dispositions and mask, and /dev/null for stdout and stderr (nothing may draw
/// over the dashboard). It is waited for off the cooperative pool and killed after `timeout`,
/// so it is always reaped: no zombie, no caller held for long.
public enum AlertHook {
    public enum Outcome: Sendable, Hashable, CustomStringConvertible {
        case succeeded
        /// Why the hook failed, in words for the log: not started, exit status, signal, timeout.
        case failed(String)

        public var description: String {
            switch self {
            case .succeeded: "succeeded"
            case .failed(let why): why
            }
        }
    }

    public static let defaultTimeout: Swift.Duration = .seconds(10)

    /// Runs `command` for `alert` and waits (off the cooperative pool) for its outcome.
    public static func run(_ command: [String], alert: Alert, timeout: Swift.Duration = defaultTimeout) async -> Outcome {
        await withCheckedContinuation { c in
            DispatchQueue.global().async { c.resume(returning: runBlocking(command, alert: alert, timeout: timeout)) }
        }
    }

    /// The environment a hook sees: ours without any `LIQTOP_ALERT_*`, then the alert's.
    static func environment(for alert: Alert) -> [String] {
        let ours = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("LIQTOP_ALERT_") }.map { "\($0.key)=\($0.value)" }
        return ours.sorted() + alert.environment.map { "\($0.name)=\($0.value)" }
    }

    static func runBlocking(_ command: [String], alert: Alert, timeout: Swift.Duration) -> Outcome {
        guard let program = command.first, !program.isEmpty else { return .failed("empty hook command") }
        let name = SafeText.short(program)
        guard !command.contains(where: { $0.utf8.contains(0) }) else { return .failed("\(name): an argument holds a NUL byte") }
        var fds: [Int32] = [-1, -1]
        // pipe2(O_CLOEXEC) is not in the Glibc module: close-on-exec is set right after, so no
        // other child keeps the write end (the hook would never see its stdin end).
        guard pipe(&fds) == 0 else { return .failed("\(name): cannot make a pipe: \(String(cString: strerror(errno)))") }
        let (readEnd, writeEnd) = (fds[0], fds[1])
        _ = fcntl(readEnd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(writeEnd, F_SETFD, FD_CLOEXEC)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, readEnd, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all) // a SIGPIPE we ignore is not the hook's
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

        let argv = command.map { strdup($0) } + [nil]
        let envp = environment(for: alert).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, program, &actions, &attributes, argv, envp)
        close(readEnd)
        guard rc == 0 else {
            close(writeEnd)
            return .failed("\(name): cannot run: \(String(cString: strerror(rc)))")
        }
        let wrote = writeIgnoringSIGPIPE(writeEnd, Array((alert.json + "\n").utf8))
        close(writeEnd)
        let status = reap(pid, timeout: timeout)
        switch status {
        case .exited(0): return wrote == nil || wrote == EPIPE ? .succeeded : .failed("\(name): writing the alert failed: \(String(cString: strerror(wrote!)))")
        case .exited(let code): return .failed("\(name) exited with status \(code)")
        case .signalled(let sig): return .failed("\(name) was killed by signal \(sig)")
        case .timedOut: return .failed("\(name) did not finish within \(timeout.components.seconds) s and was killed")
        }
    }

    /// Writes with SIGPIPE blocked on this thread: a hook that exits without reading its stdin
    /// gives EPIPE, and the signal it raised is taken back, never delivered to liqtop.
    private static func writeIgnoringSIGPIPE(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
        var pipeSet = sigset_t(), old = sigset_t()
        sigemptyset(&pipeSet)
        sigaddset(&pipeSet, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &pipeSet, &old)
        let result = WriteAll.write(fd, bytes)
        if result == EPIPE {
            var pending = sigset_t()
            sigpending(&pending)
            if sigismember(&pending, SIGPIPE) == 1 {
                var zero = timespec(tv_sec: 0, tv_nsec: 0)
                _ = sigtimedwait(&pipeSet, nil, &zero)
            }
        }
        pthread_sigmask(SIG_SETMASK, &old, nil)
        return result
    }

    enum Status { case exited(Int32), signalled(Int32), timedOut }

    /// Waits for `pid`, polling so a hung hook is killed (with its process group) at `timeout`.
    private static func reap(_ pid: pid_t, timeout: Swift.Duration) -> Status {
        let deadline = ContinuousClock.now + timeout
        var status: Int32 = 0
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { break }
            if r < 0 && errno != EINTR { return .exited(-1) }
            if ContinuousClock.now >= deadline {
                kill(-pid, SIGKILL)
                kill(pid, SIGKILL)
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                return .timedOut
            }
            usleep(5_000)
        }
        if status & 0x7F == 0 { return .exited((status >> 8) & 0xFF) }
        return .signalled(status & 0x7F)
    }
}
