// CNcursesw: ncursesw for Swift (TOOLCHAIN.md "ncursesw from Swift").
// Macros and mutable globals that Swift cannot import are wrapped in static inline
// functions here; only the TUINcurses module imports this target.
#ifndef CNCURSESW_H
#define CNCURSESW_H

// Without this, get_wch, cchar_t, setcchar, mvadd_wch stay invisible
// (SwiftPM drops pkg-config's -D_XOPEN_SOURCE=600).
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncurses.h>

// Hidden by Glibc's module map.
extern int wcwidth(wchar_t c);
extern int wcswidth(const wchar_t *s, size_t n);

static inline attr_t cnc_A_BOLD(void) { return A_BOLD; }
static inline attr_t cnc_A_REVERSE(void) { return A_REVERSE; }
static inline attr_t cnc_A_UNDERLINE(void) { return A_UNDERLINE; }
static inline attr_t cnc_A_DIM(void) { return A_DIM; }
static inline attr_t cnc_A_NORMAL(void) { return A_NORMAL; }

static inline int cnc_KEY_F(int n) { return KEY_F(n); }

static inline WINDOW *cnc_stdscr(void) { return stdscr; }
static inline int cnc_LINES(void) { return LINES; }
static inline int cnc_COLS(void) { return COLS; }
static inline int cnc_COLORS(void) { return COLORS; }
static inline int cnc_COLOR_PAIRS(void) { return COLOR_PAIRS; }
static inline void cnc_getmaxyx(WINDOW *w, int *y, int *x) { int yy, xx; getmaxyx(w, yy, xx); *y = yy; *x = xx; }

static inline const cchar_t *cnc_WACS_HLINE(void) { return WACS_HLINE; }
static inline const cchar_t *cnc_WACS_VLINE(void) { return WACS_VLINE; }
static inline const cchar_t *cnc_WACS_ULCORNER(void) { return WACS_ULCORNER; }
static inline const cchar_t *cnc_WACS_URCORNER(void) { return WACS_URCORNER; }
static inline const cchar_t *cnc_WACS_LLCORNER(void) { return WACS_LLCORNER; }
static inline const cchar_t *cnc_WACS_LRCORNER(void) { return WACS_LRCORNER; }

// The mouse (issue 18 item 6): left presses and the wheel, reported at once (no click
// interval), or none. Returns whether the terminal reports any.
static inline int cnc_mouse(int on) {
    mouseinterval(0);
    mmask_t wanted = on ? (BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED) : 0;
    return mousemask(wanted, NULL) != 0;
}
// The mouse event ncurses holds after KEY_MOUSE: 1 a left press, 4 the wheel up, 5 down,
// 0 anything else, -1 none; its cell in *x, *y.
static inline int cnc_mouse_event(int *x, int *y) {
    MEVENT e;
    if (getmouse(&e) != OK) return -1;
    *x = e.x; *y = e.y;
    if (e.bstate & BUTTON1_PRESSED) return 1;
    if (e.bstate & BUTTON4_PRESSED) return 4;
    if (e.bstate & BUTTON5_PRESSED) return 5;
    return 0;
}
static inline int cnc_KEY_MOUSE(void) { return KEY_MOUSE; }

// The codeset of the current LC_CTYPE ("UTF-8", "ANSI_X3.4-1968", ...).
static inline const char *cnc_codeset(void) { return nl_langinfo(CODESET); }

#endif
