#ifndef LIQTOP_SIGNAL_PIPE_H
#define LIQTOP_SIGNAL_PIPE_H

/// Creates a non-blocking, close-on-exec self-pipe and routes SIGWINCH, SIGINT, SIGTERM, SIGHUP,
/// SIGQUIT and SIGCONT into it (plus any signal added with liqtop_signal_pipe_add): each delivery
/// writes the signal number as one byte. Returns the read end, or -1. Calling it again (e.g.
/// after restore_defaults) reinstalls the handlers and returns the same descriptor.
int liqtop_signal_pipe_install(void);

/// Routes one more signal into the pipe: now if the pipe is installed, else from install() on.
/// restore_defaults and unblock_in_this_thread cover it too. Returns 0, or -1 for a signal that
/// cannot be caught (SIGKILL, SIGSTOP) or does not exist. Call from one thread, at startup.
int liqtop_signal_pipe_add(int sig);

/// Adds every other catchable signal whose default action ends the process and that can be
/// handled later, on the watcher's time: SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU,
/// SIGXFSZ, SIGPIPE, SIGIO, SIGPWR, SIGSTKFLT and SIGRTMIN...SIGRTMAX (where they exist).
/// Signals that report a fault are not among them: see liqtop_fault_signals_install.
/// Returns 0, or -1 if one could not be added.
int liqtop_signal_pipe_add_ending(void);

/// Puts back, for every routed signal, what it did before install (the default, unless the
/// process had set another, e.g. SIGPIPE ignored). The pipe stays open.
void liqtop_signal_pipe_restore_defaults(void);

/// Unblocks those signals in the calling thread. Threads started from a dispatch worker inherit
/// a mask that blocks everything; the watcher thread calls this so a signal always has a taker.
void liqtop_signal_pipe_unblock_in_this_thread(void);

/// Bytes that can be read from `fd` without blocking (FIONREAD), or -1 if unknown.
/// Lets a poll()-based watcher tell end-of-file (readable, 0 bytes) from data.
int liqtop_fd_bytes_available(int fd);

#endif
