// ncursesw with wide characters, plus functions for the macros Swift cannot import.
// Every function here must be called from the one thread that owns curses,
// except the signal helpers, which are async-signal-safe by design.
#ifndef SCIMDECK_CNCURSESW_H
#define SCIMDECK_CNCURSESW_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <stdint.h>
#include <ncursesw/curses.h>

/// Sets the locale from the environment; must run before initscr so wide characters work.
/// When the environment gives no UTF-8 locale (LANG unset: "C"), LC_CTYPE falls back to
/// C.UTF-8 (or en_US.UTF-8) so non-ASCII characters are still drawn.
void cncurses_setlocale_from_environment(void);
/// 1 when the character type in effect is UTF-8.
int cncurses_locale_is_utf8(void);

// MARK: start and stop

/// initscr plus the modes scimdeck wants: raw (Ctrl-C arrives as a key), noecho, nonl,
/// keypad, non-blocking get_wch, hidden cursor and a short ESCDELAY. Returns 0 on success.
int cncurses_start(int escdelay_ms);
/// endwin if curses is running; safe to call twice.
void cncurses_stop(void);
int cncurses_is_running(void);
/// Ctrl-Z: gives the terminal back, stops the process until the shell continues it,
/// then takes the screen again.
void cncurses_suspend(void);

// MARK: size

int cncurses_lines(void);
int cncurses_cols(void);
/// getmaxyx on stdscr.
void cncurses_getmaxyx(int *rows, int *cols);

// MARK: colour

/// start_color + use_default_colors. Returns 1 when the terminal has colours.
int cncurses_start_color(void);
int cncurses_colors(void);
int cncurses_color_pairs(void);
/// init_extended_pair; -1 is the terminal's default colour.
int cncurses_init_pair(int pair, int fg, int bg);
int cncurses_color_pair(int pair);

// MARK: attributes (A_* are macros built from NCURSES_BITS)

unsigned int cncurses_a_normal(void);
unsigned int cncurses_a_bold(void);
unsigned int cncurses_a_dim(void);
unsigned int cncurses_a_underline(void);
unsigned int cncurses_a_reverse(void);
unsigned int cncurses_a_italic(void);
unsigned int cncurses_a_blink(void);

// MARK: output

/// Writes one cell: a spacing character followed by up to four combining characters,
/// with attributes and a colour pair (extended pairs allowed). Returns OK or ERR.
int cncurses_put_cell(int y, int x, const wchar_t *text, int count, unsigned int attrs, int pair);
/// Fills the whole screen with blanks in the default colours and marks it for a full repaint.
void cncurses_clear(void);
void cncurses_move_cursor(int y, int x, int visible);
void cncurses_refresh(void);
/// Writes a raw control string to the terminal (e.g. bracketed paste on/off).
void cncurses_write_raw(const char *sequence);

// MARK: input

/// get_wch: returns 0 for a character, 1 for a key code (KEY_*), -1 when no input is waiting.
int cncurses_get_wch(uint32_t *value);

int cncurses_key_resize(void);
int cncurses_key_mouse(void);
int cncurses_key_up(void);
int cncurses_key_down(void);
int cncurses_key_left(void);
int cncurses_key_right(void);
int cncurses_key_home(void);
int cncurses_key_end(void);
int cncurses_key_ppage(void);
int cncurses_key_npage(void);
int cncurses_key_dc(void);
int cncurses_key_ic(void);
int cncurses_key_backspace(void);
int cncurses_key_enter(void);
int cncurses_key_btab(void);
int cncurses_key_f(int n);
int cncurses_key_sleft(void);
int cncurses_key_sright(void);

// MARK: mouse

/// Reports button 1/3 presses and the wheel, with no click-resolution delay.
void cncurses_enable_mouse(void);
/// getmouse: kind 1 = left press (or click), 2 = left release, 3 = right press, 4 = wheel up,
/// 5 = wheel down, 0 = other. Returns 0 on success.
int cncurses_read_mouse(int *x, int *y, int *kind);

// MARK: signals

/// Makes SIGINT, SIGTERM, SIGHUP and SIGQUIT record the signal and write one byte to wake_fd;
/// SIGWINCH is chained to curses' own handler and also wakes the loop; SIGSEGV, SIGBUS,
/// SIGFPE, SIGABRT, SIGILL and SIGTRAP restore the terminal and re-raise.
void cncurses_install_signal_handlers(int wake_fd);
/// The last termination signal received (and clears it), or 0.
int cncurses_take_pending_signal(void);

#endif
