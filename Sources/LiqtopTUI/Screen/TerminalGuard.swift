#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CSignalPipe
import Synchronization

/// Terminal checks and last-resort restoration.
///
/// The normal exit path is `NCursesScreen.restore()` (endwin), called by the app on quit and
/// after a terminating signal (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGALRM, SIGPIPE, ...)
/// arrives through the signal pipe. `emergencyRestore()` is for paths where ncurses can no longer
/// be called (atexit, a fatal error on another thread); the fault signals (SIGSEGV, SIGABRT, ...)
/// get the same restoration from a C handler before the process dies of them. All of it lives in
/// C (CSignalPipe's terminal_guard) so that a signal handler can run it: tcsetattr(3) and write(2).
public enum TerminalGuard {
    public static var stdoutIsTTY: Bool { isatty(1) == 1 }
    public static var stdinIsTTY: Bool { isatty(0) == 1 }

    /// Leave the alternate screen, keypad off, reset colours, show the cursor.
    public static let restoreSequence = String(cString: liqtop_terminal_restore_sequence())

    /// Whether a real terminal screen is started and not yet restored.
    public static var isActive: Bool { liqtop_terminal_guard_active() != 0 }

    /// Called by the screen just before it takes over the terminal. From then on a crash (a
    /// fault signal) restores the terminal before the process dies.
    static func screenWillStart() {
        liqtop_terminal_guard_begin()
        _ = liqtop_fault_signals_install()
    }

    /// Called by the screen after endwin: nothing is left to restore.
    static func screenDidRestore() {
        liqtop_terminal_guard_end()
    }

    /// If a screen was started and not restored, put the terminal back by hand. Idempotent.
    public static func emergencyRestore() {
        _ = liqtop_terminal_guard_restore()
    }

    /// Registers `emergencyRestore` with atexit, so `exit()` from anywhere leaves a usable terminal.
    /// Safe to call more than once (registers once).
    public static func installExitHook() {
        guard !exitHookInstalled.exchange(true, ordering: .acquiringAndReleasing) else { return }
        atexit { TerminalGuard.emergencyRestore() }
    }

    private static let exitHookInstalled = Atomic<Bool>(false)
}
