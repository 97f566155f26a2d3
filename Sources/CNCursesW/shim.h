#ifndef LIQTOP_CNCURSESW_SHIM_H
#define LIQTOP_CNCURSESW_SHIM_H

// SwiftPM drops the pkg-config cflags (-D_XOPEN_SOURCE=600 ...); without this the wide-character
// API (wget_wch, setcchar, mvwadd_wch) is not declared.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <sys/ioctl.h>
#include <unistd.h>

#if __has_include(<ncursesw/curses.h>)
#include <ncursesw/curses.h>
#else
#include <curses.h>
#endif

// Swift 6 rejects mutable C globals as "not concurrency-safe": read them through functions.
static inline WINDOW *liqtop_stdscr(void) { return stdscr; }
static inline int liqtop_lines(void) { return LINES; }
static inline int liqtop_cols(void) { return COLS; }
static inline int liqtop_colors(void) { return COLORS; }
static inline int liqtop_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *liqtop_stdin(void) { return stdin; }
static inline FILE *liqtop_stdout(void) { return stdout; }

// Attribute macros are not imported; never hard-code their bits.
static inline attr_t liqtop_a_normal(void) { return A_NORMAL; }
static inline attr_t liqtop_a_bold(void) { return A_BOLD; }
static inline attr_t liqtop_a_reverse(void) { return A_REVERSE; }
static inline attr_t liqtop_a_underline(void) { return A_UNDERLINE; }
static inline attr_t liqtop_a_dim(void) { return A_DIM; }

// Colour pairs and colours as ints: ncurses 6.1+ (extended colours) takes pairs and colours
// beyond a short, which direct colour (0xRRGGBB) and 65,536-pair terminals need; older ones
// (macOS's own 5.7) only shorts, and setcchar/getcchar there want a NULL `opts`.
#if defined(NCURSES_EXT_COLORS) && defined(NCURSES_VERSION_MAJOR) && NCURSES_VERSION_MAJOR >= 6
#define LIQTOP_EXTENDED_COLORS 1
#else
#define LIQTOP_EXTENDED_COLORS 0
#endif

static inline short liqtop_short(int v) { return v > 32767 ? 32767 : (short)v; }

static inline int liqtop_init_pair(int pair, int fg, int bg) {
#if LIQTOP_EXTENDED_COLORS
    return init_extended_pair(pair, fg, bg);
#else
    if (pair > 32767 || fg > 32767 || bg > 32767) return ERR;
    return init_pair((short)pair, (short)fg, (short)bg);
#endif
}

static inline int liqtop_pair_content(int pair, int *fg, int *bg) {
#if LIQTOP_EXTENDED_COLORS
    return extended_pair_content(pair, fg, bg);
#else
    short f = 0, b = 0;
    if (pair > 32767 || pair_content((short)pair, &f, &b) == ERR) return ERR;
    *fg = f; *bg = b;
    return OK;
#endif
}

static inline int liqtop_setcchar(cchar_t *cc, const wchar_t *wch, attr_t attrs, int pair) {
#if LIQTOP_EXTENDED_COLORS
    return setcchar(cc, wch, attrs, liqtop_short(pair), &pair);
#else
    return setcchar(cc, wch, attrs, liqtop_short(pair), NULL);
#endif
}

static inline int liqtop_getcchar(const cchar_t *cc, wchar_t *wch, attr_t *attrs, int *pair) {
    short p = 0;
#if LIQTOP_EXTENDED_COLORS
    return getcchar(cc, wch, attrs, &p, pair);
#else
    int r = getcchar(cc, wch, attrs, &p, NULL);
    *pair = p;
    return r;
#endif
}

// glibc declares wcwidth only under _XOPEN_SOURCE (dropped, see above). Same width table
// ncurses uses, so the backend can tell when the grid and ncurses disagree about a glyph.
int wcwidth(wchar_t c);
static inline int liqtop_wcwidth(wchar_t c) { return wcwidth(c); }

// Whether the terminal can address the cursor (terminfo "cup"): "dumb" and the like cannot,
// and a full-screen dashboard on them would be a garbled run-on line.
static inline int liqtop_can_address_cursor(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}

// ioctl is variadic and not imported into Swift. Returns 0 and the size, or -1.
static inline int liqtop_window_size(int fd, int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) return -1;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}

// Mouse: presses, releases and the wheel, as a kind the Swift side can switch on (the mask
// macros are not imported). 0 left press, 1 release, 2 wheel up, 3 wheel down, 4 other press.
static inline int liqtop_mouse_on(void) {
    mmask_t wanted = BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON2_PRESSED | BUTTON3_PRESSED | BUTTON4_PRESSED;
#ifdef BUTTON5_PRESSED
    wanted |= BUTTON5_PRESSED;
#endif
    mouseinterval(0); // presses and releases as they come, no click-resolution delay
    return mousemask(wanted, NULL) != 0;
}
static inline void liqtop_mouse_off(void) { mousemask(0, NULL); }
static inline int liqtop_get_mouse(int *x, int *y, int *kind) {
    MEVENT e;
    if (getmouse(&e) != OK) return 0;
    *x = e.x; *y = e.y;
    if (e.bstate & BUTTON4_PRESSED) *kind = 2;
#ifdef BUTTON5_PRESSED
    else if (e.bstate & BUTTON5_PRESSED) *kind = 3;
#endif
    else if (e.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) *kind = 0;
    else if (e.bstate & BUTTON1_RELEASED) *kind = 1;
    else *kind = 4;
    return 1;
}

#endif
