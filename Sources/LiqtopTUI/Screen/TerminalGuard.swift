#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Terminal checks and last-resort restoration.
///
/// The normal exit path is `NCursesScreen.restore()` (endwin), called by the app on quit and
/// after SIGINT/SIGTERM/SIGHUP/SIGQUIT arrive through the signal pipe. `emergencyRestore()` is
/// for paths where ncurses can no longer be called (atexit, a fatal error on another thread):
/// it only uses write(2) and tcsetattr(3).
public enum TerminalGuard {
    /// Both stdin and stdout are terminals: the interactive UI can start.
    public static var isInteractive: Bool { stdoutIsTTY && stdinIsTTY }
    public static var stdoutIsTTY: Bool { isatty(1) == 1 }
    public static var stdinIsTTY: Bool { isatty(0) == 1 }

    /// Leave the alternate screen, reset colours, show the cursor.
    public static let restoreSequence = "\u{1B}[?1049l\u{1B}[0m\u{1B}[?25h"

    private static let active = Atomic<Bool>(false)
    /// The terminal modes from before the screen started, to put back in an emergency.
    private static let savedModes = Mutex<termios?>(nil)

    /// Whether a real terminal screen is started and not yet restored.
    public static var isActive: Bool { active.load(ordering: .acquiring) }

    /// Called by the screen just before it takes over the terminal.
    static func screenWillStart() {
        var t = termios()
        let saved: termios? = tcgetattr(0, &t) == 0 ? t : nil
        savedModes.withLock { $0 = saved }
        active.store(true, ordering: .releasing)
    }

    /// Called by the screen after endwin: nothing is left to restore.
    static func screenDidRestore() {
        active.store(false, ordering: .releasing)
    }

    /// If a screen was started and not restored, put the terminal back by hand. Idempotent.
    public static func emergencyRestore() {
        guard active.exchange(false, ordering: .acquiringAndReleasing) else { return }
        if var modes = savedModes.withLock({ $0 }) { _ = tcsetattr(0, TCSANOW, &modes) }
        let bytes = Array(restoreSequence.utf8)
        bytes.withUnsafeBytes { buf in
            guard let base = buf.baseAddress else { return }
            var off = 0
            while off < buf.count {
                let n = write(1, base + off, buf.count - off)
                if n > 0 { off += n } else if n < 0 && errno == EINTR { continue } else { break }
            }
        }
    }

    /// Registers `emergencyRestore` with atexit, so `exit()` from anywhere leaves a usable terminal.
    /// Safe to call more than once (registers once).
    public static func installExitHook() {
        guard !exitHookInstalled.exchange(true, ordering: .acquiringAndReleasing) else { return }
        atexit { TerminalGuard.emergencyRestore() }
    }

    private static let exitHookInstalled = Atomic<Bool>(false)
}
