#include "signal_pipe.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

// What install() routes by itself; liqtop_signal_pipe_add() extends the set.
static const int base_signals[] = { SIGWINCH, SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGCONT };
static const int base_count = (int)(sizeof(base_signals) / sizeof(base_signals[0]));

// 1 for each signal routed into the pipe. Changed only by install/add (startup, one thread).
static unsigned char routed[NSIG];
// What each signal did before its handler went in, for restore_defaults to put back.
static struct sigaction original[NSIG];
static unsigned char have_original[NSIG];

static int read_fd = -1;
static volatile sig_atomic_t write_fd = -1;

// Async-signal-safe: one write(2), errno preserved. A full pipe drops the byte, which is fine:
// the reader only needs to know that the signal happened at least once.
static void on_signal(int sig) {
    int saved = errno;
    unsigned char byte = (unsigned char)sig;
    if (write_fd >= 0) {
        ssize_t n = write(write_fd, &byte, 1);
        (void)n;
    }
    errno = saved;
}

static int make_nonblocking_cloexec(int fd) {
    int fdflags = fcntl(fd, F_GETFD);
    if (fdflags < 0 || fcntl(fd, F_SETFD, fdflags | FD_CLOEXEC) < 0) return -1;
    int flflags = fcntl(fd, F_GETFL);
    if (flflags < 0 || fcntl(fd, F_SETFL, flflags | O_NONBLOCK) < 0) return -1;
    return 0;
}

static int install_one(int sig) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    if (sigaction(sig, &sa, have_original[sig] ? NULL : &original[sig]) != 0) return -1;
    have_original[sig] = 1;
    return 0;
}

static int install_handlers(void) {
    for (int sig = 1; sig < NSIG; sig++) {
        if (routed[sig] && install_one(sig) != 0) {
            liqtop_signal_pipe_restore_defaults();
            return -1;
        }
    }
    return 0;
}

int liqtop_signal_pipe_install(void) {
    for (int i = 0; i < base_count; i++) routed[base_signals[i]] = 1;
    if (read_fd >= 0) return install_handlers() == 0 ? read_fd : -1;
    int fds[2];
    if (pipe(fds) != 0) return -1;
    if (make_nonblocking_cloexec(fds[0]) != 0 || make_nonblocking_cloexec(fds[1]) != 0) {
        close(fds[0]);
        close(fds[1]);
        return -1;
    }
    read_fd = fds[0];
    write_fd = fds[1];
    if (install_handlers() != 0) {
        write_fd = -1;
        close(fds[0]);
        close(fds[1]);
        read_fd = -1;
        return -1;
    }
    return read_fd;
}

int liqtop_signal_pipe_add(int sig) {
    // SIGKILL and SIGSTOP cannot be caught; the byte in the pipe holds the number.
    if (sig <= 0 || sig >= NSIG || sig > 255 || sig == SIGKILL || sig == SIGSTOP) return -1;
    routed[sig] = 1;
    if (read_fd >= 0 && install_one(sig) != 0) {
        routed[sig] = 0;
        return -1;
    }
    return 0;
}

int liqtop_signal_pipe_add_ending(void) {
    static const int ending[] = {
        SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ, SIGPIPE,
#ifdef SIGIO
        SIGIO,
#endif
#ifdef SIGPWR
        SIGPWR,
#endif
#ifdef SIGSTKFLT
        SIGSTKFLT,
#endif
    };
    int result = 0;
    for (size_t i = 0; i < sizeof(ending) / sizeof(ending[0]); i++) {
        if (liqtop_signal_pipe_add(ending[i]) != 0) result = -1;
    }
#ifdef SIGRTMIN
    // Real-time signals also end the process by default. SIGRTMIN is a function call in glibc
    // (the C library keeps the lowest ones for itself).
    for (int sig = SIGRTMIN; sig <= SIGRTMAX; sig++) {
        if (liqtop_signal_pipe_add(sig) != 0) result = -1;
    }
#endif
    return result;
}

void liqtop_signal_pipe_unblock_in_this_thread(void) {
    sigset_t set;
    sigemptyset(&set);
    for (int sig = 1; sig < NSIG; sig++) if (routed[sig]) sigaddset(&set, sig);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}

void liqtop_signal_pipe_restore_defaults(void) {
    for (int sig = 1; sig < NSIG; sig++) {
        if (!routed[sig] || !have_original[sig]) continue;
        sigaction(sig, &original[sig], NULL);
        have_original[sig] = 0;
    }
}

int liqtop_fd_bytes_available(int fd) {
    int n = 0;
    if (ioctl(fd, FIONREAD, &n) != 0) return -1;
    return n;
}
