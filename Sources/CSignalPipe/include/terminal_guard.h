#ifndef LIQTOP_TERMINAL_GUARD_H
#define LIQTOP_TERMINAL_GUARD_H

/// Last-resort terminal restoration that works where ncurses cannot be called: from a signal
/// handler, atexit, or while another thread is inside ncurses. Everything here is
/// async-signal-safe (tcsetattr, write, atomics).

/// Before a screen takes over the terminal: remembers stdin's modes and marks the terminal taken.
void liqtop_terminal_guard_begin(void);

/// After endwin: nothing left to restore.
void liqtop_terminal_guard_end(void);

/// Whether a screen took the terminal and has not given it back.
int liqtop_terminal_guard_active(void);

/// If the terminal is taken: puts the saved modes back and writes the restore sequence to
/// stdout, once. Returns 1 if it restored, 0 if there was nothing to do.
int liqtop_terminal_guard_restore(void);

/// The bytes `restore` writes: leave the alternate screen, keypad off, reset attributes, show
/// the cursor.
const char *liqtop_terminal_restore_sequence(void);

/// For the signals that report a fault (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP,
/// SIGSYS): a handler that restores the terminal, then hands the signal on to whoever handled it
/// before (Swift's crash report) or to the default action, so the process still dies of it.
/// Idempotent. Returns 0, or -1 if a handler could not be installed.
int liqtop_fault_signals_install(void);

#endif
