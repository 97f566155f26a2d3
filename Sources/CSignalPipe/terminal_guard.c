#include "terminal_guard.h"

#include <errno.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static const char restore_sequence[] = "\033[?1000l\033[?1002l\033[?1006l\033[?1049l\033[?1l\033>\033[0m\033[?25h";

static struct termios saved_modes;
static atomic_int have_modes = 0;
static atomic_int active = 0;

void liqtop_terminal_guard_begin(void) {
    atomic_store(&have_modes, tcgetattr(0, &saved_modes) == 0);
    atomic_store(&active, 1);
}

void liqtop_terminal_guard_end(void) { atomic_store(&active, 0); }

int liqtop_terminal_guard_active(void) { return atomic_load(&active); }

const char *liqtop_terminal_restore_sequence(void) { return restore_sequence; }

int liqtop_terminal_guard_restore(void) {
    if (!atomic_exchange(&active, 0)) return 0;
    int saved_errno = errno;
    if (atomic_load(&have_modes)) tcsetattr(0, TCSANOW, &saved_modes);
    size_t off = 0, len = sizeof(restore_sequence) - 1;
    while (off < len) {
        ssize_t n = write(1, restore_sequence + off, len - off);
        if (n > 0) off += (size_t)n;
        else if (n < 0 && errno == EINTR) continue;
        else break;
    }
    errno = saved_errno;
    return 1;
}

static const int fault_signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGSYS };
static const int fault_count = (int)(sizeof(fault_signals) / sizeof(fault_signals[0]));
static struct sigaction previous[NSIG];
static atomic_int faults_installed = 0;

static void on_fault(int sig, siginfo_t *info, void *context) {
    (void)context;
    liqtop_terminal_guard_restore();
    if (info != NULL && info->si_code > 0) {
        // A fault the kernel raised: it happens again as soon as this returns, now for the
        // previous owner (Swift's crash report, which then lets the default action end us).
        sigaction(sig, &previous[sig], NULL);
        return;
    }
    if (info != NULL && info->si_pid == getpid()) {
        // Sent by this process (abort, raise): the previous owner gets it once more, pending
        // until this returns; abort() ends the process itself if that owner returns.
        sigaction(sig, &previous[sig], NULL);
        raise(sig);
        return;
    }
    // Sent by someone else (kill -SEGV): what they asked for, the default action. A crash
    // reporter would report a crash that did not happen, and then let the process run on.
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(sig, &dfl, NULL);
    raise(sig);
}

int liqtop_fault_signals_install(void) {
    if (atomic_exchange(&faults_installed, 1)) return 0;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fault;
    sigemptyset(&sa.sa_mask);
    // SA_ONSTACK: uses an alternate stack where one is set up (as Swift's crash handler does).
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    int result = 0;
    for (int i = 0; i < fault_count; i++) {
        if (sigaction(fault_signals[i], &sa, &previous[fault_signals[i]]) != 0) result = -1;
    }
    return result;
}
