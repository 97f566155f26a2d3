#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization
import Testing
import LiqtopTestSupport

/// One detached tmux server on a private socket (`tmux -L`), running one command in one pane.
/// A private server per test keeps tests apart from each other and from the user's own tmux;
/// `kill()` (also run by `deinit`) stops it even when a test fails half-way.
final class TmuxSession {
    /// Why a test stopped: the issue with the screen has already been recorded.
    struct Abandoned: Error, CustomStringConvertible { var description: String }

    /// `tmux` found on PATH (or the usual places), nil when it is not installed.
    static let executable: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let dirs = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]
        for dir in dirs {
            let u = URL(fileURLWithPath: dir).appendingPathComponent("tmux")
            if FileManager.default.isExecutableFile(atPath: u.path) { return u }
        }
        return nil
    }()

    static let missingMessage = "tmux is not installed (not found on PATH): the dashboard end-to-end tests need it "
        + "(.ci/run installs it; locally: apt-get install tmux / brew install tmux)"

    private static let counter = Atomic<Int>(0)

    let socket: String
    /// This session's `$XDG_STATE_HOME` (its liqtop's state.toml is under `liqtop/`).
    var stateDirectory: String { FileManager.default.temporaryDirectory.path + "/" + socket + "-state" }
    private let tmux: URL
    private var killed = false

    /// Starts `argv` (run directly, no shell in between) in a detached `width`×`height` pane.
    init(width: Int, height: Int, argv: [String]) throws {
        guard let tmux = Self.executable else { throw Abandoned(description: Self.missingMessage) }
        self.tmux = tmux
        let n = Self.counter.wrappingAdd(1, ordering: .relaxed).newValue
        socket = "liqtop-e2e-\(getpid())-\(n)"
        // `-f /dev/null`: no user configuration; the pane's TERM stays what tmux sets (tmux-256color).
        let r = try run(["-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)"] + argv)
        guard r.status == 0 else {
            killed = true
            throw Abandoned(description: "tmux new-session failed (status \(r.status)): \(r.output)")
        }
    }

    /// Runs `script` with /bin/sh in the pane (whatever the user's login shell is).
    convenience init(width: Int, height: Int, script: String) throws {
        try self.init(width: width, height: height, argv: ["/bin/sh", "-c", script])
    }

    deinit { kill() }

    /// Stops the server and every process in it. Safe to call more than once.
    func kill() {
        guard !killed else { return }
        killed = true
        _ = try? run(["kill-server"])
        // tmux 3.3 leaves the socket file behind.
        let dir = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        try? FileManager.default.removeItem(atPath: "\(dir)/tmux-\(getuid())/\(socket)")
    }

    /// Keys by tmux name (`End`, `Enter`, `Escape`, `Down`, `q`, `C-c`).
    func send(_ keys: String...) throws {
        let r = try run(["send-keys"] + keys)
        if r.status != 0 { throw Abandoned(description: "tmux send-keys \(keys) failed: \(r.output)") }
    }

    /// Text sent as is, for keys tmux would read as names (`?`, `;`).
    func sendLiteral(_ text: String) throws {
        let r = try run(["send-keys", "-l", text])
        if r.status != 0 { throw Abandoned(description: "tmux send-keys -l \(text) failed: \(r.output)") }
    }

    /// The visible screen, one line per row (no colours).
    func capture() -> String {
        (try? run(["capture-pane", "-p"]).output) ?? ""
    }

    /// The visible screen with colours and attributes as SGR escape sequences (`capture-pane -e`).
    func captureWithEscapes() -> String {
        (try? run(["capture-pane", "-p", "-e"]).output) ?? ""
    }

    func resize(width: Int, height: Int) throws {
        let r = try run(["resize-window", "-x", "\(width)", "-y", "\(height)"])
        if r.status != 0 { throw Abandoned(description: "tmux resize-window failed: \(r.output)") }
    }

    /// A tmux format of the pane, e.g. `#{alternate_on}`.
    func format(_ f: String) -> String {
        let out = (try? run(["display-message", "-p", f]).output) ?? ""
        return out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// 1 while the program is on the alternate screen.
    var alternateOn: String { format("#{alternate_on}") }
    var paneTitle: String { format("#{pane_title}") }
    var paneDead: String { format("#{pane_dead}") }
    var panePID: String { format("#{pane_pid}") }

    /// Polls the screen every 50 ms until `condition` holds on two captures in a row; on timeout
    /// records an issue with the last screen (at the caller's line) and throws, so the test stops there.
    /// Two in a row, because tmux can be captured halfway through one frame's output: the rows
    /// already written match while the rest still shows the previous frame.
    @discardableResult
    func wait(until what: String, timeout: Duration = .seconds(20), sourceLocation: SourceLocation = #_sourceLocation,
              _ condition: (String) -> Bool) async throws -> String {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var screen = capture()
        var held = false
        while true {
            if condition(screen) {
                if held { break }
                held = true
            } else {
                held = false
            }
            if clock.now >= deadline {
                let state = "alternate_on=\(alternateOn) pane_dead=\(paneDead) pane_title=\(paneTitle)"
                Issue.record(Comment(rawValue: "timed out after \(timeout) waiting for \(what) (\(state)); last screen:\n"
                                     + Self.framed(screen)), sourceLocation: sourceLocation)
                throw Abandoned(description: "stopped: waiting for \(what) timed out")
            }
            try await Task.sleep(for: .milliseconds(50))
            screen = capture()
        }
        return screen
    }

    /// Waits until every text appears on the screen.
    @discardableResult
    func waitFor(_ texts: String..., timeout: Duration = .seconds(20),
                 sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        try await wait(until: texts.map { "\"\($0)\"" }.joined(separator: ", "), timeout: timeout,
                       sourceLocation: sourceLocation) { screen in texts.allSatisfy { screen.contains($0) } }
    }

    /// The screen with a ruler on each side, so trailing blanks and empty rows show in reports.
    static func framed(_ screen: String) -> String {
        screen.split(separator: "\n", omittingEmptySubsequences: false).map { "|\($0)|" }.joined(separator: "\n")
    }

    /// Runs `tmux -L socket arguments` and returns its status and output (stdout and stderr).
    private func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        var env = ProcessInfo.processInfo.environment
        env["TMUX"] = nil          // we may be running inside the user's own tmux
        env["SHELL"] = "/bin/sh"
        // Each session remembers its own dashboard state: one test's last window or focus
        // (state.toml) never opens the next test's dashboard.
        env["XDG_STATE_HOME"] = stateDirectory
        return try Spawn.run(tmux.path, ["-L", socket] + arguments, environment: env)
    }
}

/// posix_spawn, not Foundation's Process: the first tmux client forks the server daemon, which
/// inherits whatever the client had. Process leaks its child-exit socket and the calling thread's
/// blocked signal mask to it: `waitUntilExit` then never returns, and a server with SIGCHLD and
/// SIGTERM blocked never exits. Here the child gets a clean signal state and no fd beyond 0–2.
enum Spawn {
    #if canImport(Darwin)
    typealias Actions = posix_spawn_file_actions_t?
    typealias Attributes = posix_spawnattr_t?
    #else
    typealias Actions = posix_spawn_file_actions_t
    typealias Attributes = posix_spawnattr_t
    #endif

    struct Failure: Error, CustomStringConvertible { var description: String }

    static func run(_ path: String, _ arguments: [String], environment: [String: String]) throws -> (status: Int32, output: String) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw Failure(description: "pipe failed: errno \(errno)") }
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)

        var actions = Actions()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 2)

        var attributes = Attributes()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for sig: Int32 in 1 ..< 32 where sig != SIGKILL && sig != SIGSTOP { sigaddset(&defaults, sig) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var flags = Int32(POSIX_SPAWN_SETSIGMASK) | Int32(POSIX_SPAWN_SETSIGDEF)
        #if canImport(Darwin)
        flags |= Int32(POSIX_SPAWN_CLOEXEC_DEFAULT)
        #else
        closeInheritedDescriptors(&actions)
        #endif
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in argv + envp { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        close(fds[1])
        guard rc == 0 else {
            close(fds[0])
            throw Failure(description: "cannot run \(path): error \(rc)")
        }
        var output = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fds[0], $0.baseAddress, $0.count) }
            if n > 0 { output += buffer[0 ..< n] } else if n == 0 || errno != EINTR { break }
        }
        close(fds[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // WIFEXITED/WEXITSTATUS are macros Swift does not import.
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (exit, String(decoding: output, as: UTF8.self))
    }

    #if !canImport(Darwin)
    /// Closes every descriptor above 2 in the child: glibc's closefrom action when it has one
    /// (2.34+, not in Swift's Glibc module), else the ones open now.
    private static func closeInheritedDescriptors(_ actions: inout Actions) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        if let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") {
            _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
            return
        }
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for fd in open.compactMap(Int32.init) where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
    }
    #endif
}

extension TmuxSession {
    /// liqtop (`arguments` after the binary) in a new session whose pid goes to a temporary file
    /// first: the inner shell writes `$$` then execs (through env) into liqtop, so that pid is
    /// liqtop's, for tests that signal it. The pane prints `exit=STATUS` when liqtop ends.
    static func liqtopWithPid(_ arguments: String, tag: String, width: Int, height: Int) throws -> (tmux: TmuxSession, pidFile: URL) {
        try #require(executable != nil, Comment(rawValue: missingMessage))
        let pidFile = FileManager.default.temporaryDirectory.appendingPathComponent("liqtop-\(tag)-\(getpid()).pid")
        try? FileManager.default.removeItem(at: pidFile)
        let inner = "echo $$ > \(pidFile.path.shellQuoted); exec env LANG=C.UTF-8 \(LiqtopBinary.url.path.shellQuoted) \(arguments)"
        let tmux = try TmuxSession(width: width, height: height, script: "/bin/sh -c \(inner.shellQuoted); echo \"exit=$?\"; sleep 60")
        return (tmux, pidFile)
    }

    /// The pid `liqtopWithPid` wrote (read once the dashboard is up).
    static func pid(in pidFile: URL) throws -> pid_t {
        let text = try String(contentsOf: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        return try #require(pid_t(text), "no pid in \(pidFile.path): '\(text)'")
    }
}

extension String {
    /// Quoted for /bin/sh.
    var shellQuoted: String { "'" + replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
