#ifndef LIQTOP_SIGNAL_PIPE_H
#define LIQTOP_SIGNAL_PIPE_H

/// Creates a non-blocking, close-on-exec self-pipe and routes SIGWINCH, SIGINT, SIGTERM, SIGHUP,
/// SIGQUIT and SIGCONT into it: each delivery writes the signal number as one byte.
/// Returns the read end, or -1. Calling it again (e.g. after restore_defaults) reinstalls the
/// handlers and returns the same descriptor.
int liqtop_signal_pipe_install(void);

/// Puts the default dispositions back for those signals (the pipe stays open).
void liqtop_signal_pipe_restore_defaults(void);

/// Unblocks those signals in the calling thread. Threads started from a dispatch worker inherit
/// a mask that blocks everything; the watcher thread calls this so a signal always has a taker.
void liqtop_signal_pipe_unblock_in_this_thread(void);

/// Bytes that can be read from `fd` without blocking (FIONREAD), or -1 if unknown.
/// Lets a poll()-based watcher tell end-of-file (readable, 0 bytes) from data.
int liqtop_fd_bytes_available(int fd);

#endif
