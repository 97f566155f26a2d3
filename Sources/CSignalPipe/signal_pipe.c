#include "signal_pipe.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

static const int watched[] = { SIGWINCH, SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGCONT };
static const int watched_count = (int)(sizeof(watched) / sizeof(watched[0]));

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

static int install_handlers(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    for (int i = 0; i < watched_count; i++) {
        if (sigaction(watched[i], &sa, NULL) != 0) {
            liqtop_signal_pipe_restore_defaults();
            return -1;
        }
    }
    return 0;
}

int liqtop_signal_pipe_install(void) {
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

void liqtop_signal_pipe_unblock_in_this_thread(void) {
    sigset_t set;
    sigemptyset(&set);
    for (int i = 0; i < watched_count; i++) sigaddset(&set, watched[i]);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}

void liqtop_signal_pipe_restore_defaults(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_DFL;
    sigemptyset(&sa.sa_mask);
    for (int i = 0; i < watched_count; i++) sigaction(watched[i], &sa, NULL);
}

int liqtop_fd_bytes_available(int fd) {
    int n = 0;
    if (ioctl(fd, FIONREAD, &n) != 0) return -1;
    return n;
}
