#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The built `liqtop` executable, found and run as a user would run it: the one way every test
/// target starts it.
public enum LiqtopBinary {
    /// Next to the test bundle (the products of the same build), else `.build/debug/liqtop`.
    /// Asking for it first points this test process's XDG config and state directories at a
    /// fresh temporary one, inherited by every liqtop a test starts (directly, in tmux, on a
    /// pty): no test reads the user's config or the state another test left behind.
    public static var url: URL {
        _ = isolatedHome
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if dir.lastPathComponent.hasSuffix(".xctest") { dir.deleteLastPathComponent() }
        for candidate in [dir, dir.deletingLastPathComponent()] {
            let u = candidate.appendingPathComponent("liqtop")
            if FileManager.default.isExecutableFile(atPath: u.path) { return u }
        }
        return URL(fileURLWithPath: ".build/debug/liqtop")
    }

    /// Set once, before any child is started; the variables' values never change after.
    private static let isolatedHome: Void = {
        let base = NSTemporaryDirectory() + "liqtop-tests-\(getpid())"
        for (name, sub) in [("XDG_CONFIG_HOME", "config"), ("XDG_STATE_HOME", "state"), ("XDG_CACHE_HOME", "cache")] {
            try? FileManager.default.createDirectory(atPath: base + "/" + sub, withIntermediateDirectories: true)
            setenv(name, base + "/" + sub, 1)
        }
        unsetenv("LIQTOP_CONFIG")
    }()

    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs liqtop to its end with `stdin` (or an empty stdin); both outputs as text. Async, on
    /// the raw runner: a blocking wait here held a cooperative-pool thread for the child's whole
    /// run, and with both threads held the recorder's 1 s timer did not fire for 100 s.
    public static func run(_ arguments: [String], stdin: String? = nil, limit: Duration = .seconds(120)) async throws -> Result {
        let r = try await run(arguments, input: Data((stdin ?? "").utf8), limit: limit)
        return Result(status: r.timedOut ? -1 : r.status, stdout: String(decoding: r.stdout, as: UTF8.self),
                      stderr: String(decoding: r.stderr, as: UTF8.self) + (r.timedOut ? "\n[killed after \(limit)]" : ""))
    }

    public struct RawResult: Sendable {
        public var status: Int32
        public var stdout: Data
        public var stderr: Data
        public var timedOut: Bool
    }

    /// Runs liqtop with `stdin` (bytes, as given), killing it after `limit`: a hang fails the
    /// test instead of holding up the suite. Every blocking wait is off the cooperative pool.
    public static func run(_ arguments: [String], input: Data, limit: Duration = .seconds(30)) async throws -> RawResult {
        try await runToEnd(url, arguments, input: input, limit: limit)
    }

    /// Any executable run to its end (liqtop, a shell, `make`), in `environment` and `directory`
    /// when given: the one process runner of the tests.
    static func runToEnd(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil, directory: String? = nil,
                         input: Data, limit: Duration) async throws -> RawResult {
        let p = Process()
        p.executableURL = executable
        p.arguments = arguments
        if let environment { p.environment = environment }
        if let directory { p.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = stdin
        try p.run()
        let stdinHandle = stdin.fileHandleForWriting
        async let o = offPool { out.fileHandleForReading.readDataToEndOfFile() }
        async let e = offPool { err.fileHandleForReading.readDataToEndOfFile() }
        // A large input fills the pipe until the child reads it: written off the pool too.
        await offPool { stdinHandle.write(input); try? stdinHandle.close() }
        let deadline = ContinuousClock.now + limit
        var timedOut = false
        while p.isRunning {
            if ContinuousClock.now > deadline { timedOut = true; kill(p.processIdentifier, SIGKILL); break }
            try await Task.sleep(for: .milliseconds(20))
        }
        await offPool { p.waitUntilExit() }
        return RawResult(status: p.terminationStatus, stdout: await o, stderr: await e, timedOut: timedOut)
    }

    /// Starts liqtop with `arguments` (and `environment` set over the test's own); stdin is
    /// /dev/null, stdout and stderr are pipes.
    public static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> (Process, out: Pipe, err: Pipe) {
        let p = Process()
        p.executableURL = url
        p.arguments = arguments
        if !environment.isEmpty { p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        return (p, out, err)
    }

    /// What `out` carries until it holds `lines` lines, it closes, or `limit` passes, read off
    /// the cooperative pool (the child's first lines can take seconds under load).
    public static func readLines(_ out: Pipe, atLeast lines: Int, within limit: Swift.Duration = .seconds(20)) async -> String {
        var text = ""
        let deadline = ContinuousClock.now + limit
        while text.split(separator: "\n").count < lines, ContinuousClock.now < deadline {
            let chunk = await offPool { out.fileHandleForReading.availableData }
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        return text
    }

    /// Waits for `p` to exit and reads what is left on its pipes, all off the cooperative pool
    /// (a child flushing a recording can take seconds).
    public static func finish(_ p: Process, out: Pipe, err: Pipe) async -> (stdout: String, stderr: String) {
        async let o = offPool { out.fileHandleForReading.readDataToEndOfFile() }
        async let e = offPool { err.fileHandleForReading.readDataToEndOfFile() }
        await offPool { p.waitUntilExit() }
        return (String(decoding: await o, as: UTF8.self), String(decoding: await e, as: UTF8.self))
    }

    /// `liqtop summary --json PATH`'s stdout, read and waited for off the cooperative pool.
    public static func summaryJSON(_ path: String) async throws -> String {
        let p = Process()
        p.executableURL = url
        p.arguments = ["summary", "--json", path]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = await offPool { out.fileHandleForReading.readDataToEndOfFile() }
        await offPool { p.waitUntilExit() }
        return String(decoding: data, as: UTF8.self)
    }

    /// A file of `contents` in this test process's own temporary directory.
    public static func temporaryFile(_ name: String, _ contents: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("liqtop-tests-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url
    }
}

/// Runs blocking work (a pipe read, a wait for a process) on a dispatch thread and awaits it:
/// blocking a thread of Swift's cooperative pool (two on a two-core machine) stalls every other test.
public func offPool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { c in DispatchQueue.global().async { c.resume(returning: work()) } }
}
