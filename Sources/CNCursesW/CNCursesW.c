#include "CNCursesW.h"
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <langinfo.h>
#include <strings.h>

static volatile sig_atomic_t running = 0;
static volatile sig_atomic_t pending_signal = 0;
static int wake_descriptor = -1;
static struct sigaction previous_winch;

void cncurses_setlocale_from_environment(void) {
    setlocale(LC_ALL, "");
    // With no LANG (containers, cron, ssh without SendEnv) the locale is "C" and ncursesw
    // drops every non-ASCII character: box lines, ▸, accents, CJK. Terminals speak UTF-8
    // today, so fall back to a UTF-8 character type rather than draw blanks.
    const char *codeset = nl_langinfo(CODESET);
    if (codeset != NULL && (strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "utf8") == 0)) return;
    if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) setlocale(LC_CTYPE, "en_US.UTF-8");
}

int cncurses_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "utf8") == 0);
}

int cncurses_start(int escdelay_ms) {
    cncurses_setlocale_from_environment();
    if (initscr() == NULL) return -1;
    running = 1;
    raw();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    nodelay(stdscr, TRUE);
    intrflush(stdscr, FALSE);
    leaveok(stdscr, FALSE);
    curs_set(0);
    set_escdelay(escdelay_ms);
    return 0;
}

void cncurses_stop(void) {
    if (!running) return;
    running = 0;
    curs_set(1);
    endwin();
}

int cncurses_is_running(void) { return running; }

void cncurses_suspend(void) {
    if (!running) return;
    // Mouse reporting off while the shell has the terminal, back on after.
    mmask_t mouse = 0;
    mousemask(0, &mouse);
    endwin();
    // Stop with the default action (curses' own SIGTSTP handler would also restore the
    // screen, but only when it was installed): the shell gets its prompt back until `fg`.
    // In an orphaned process group (no job control) the kernel drops the signal and
    // this returns at once, which is also fine.
    struct sigaction stop, previous;
    memset(&stop, 0, sizeof stop);
    sigemptyset(&stop.sa_mask);
    stop.sa_handler = SIG_DFL;
    sigaction(SIGTSTP, &stop, &previous);
    kill(getpid(), SIGTSTP);
    sigaction(SIGTSTP, &previous, NULL);
    // refresh after endwin puts the terminal back in program mode and repaints; the
    // keypad's application mode is not part of that, so arrows would arrive as
    // "Esc [ B" without sending it again (toggling makes curses send it).
    refresh();
    keypad(stdscr, FALSE);
    keypad(stdscr, TRUE);
    if (mouse != 0) mousemask(mouse, NULL);
}

int cncurses_lines(void) { return LINES; }
int cncurses_cols(void) { return COLS; }
void cncurses_getmaxyx(int *rows, int *cols) {
    int y = 0, x = 0;
    getmaxyx(stdscr, y, x);
    *rows = y;
    *cols = x;
}

int cncurses_start_color(void) {
    if (!has_colors()) return 0;
    if (start_color() != OK) return 0;
    use_default_colors();
    return 1;
}
int cncurses_colors(void) { return COLORS; }
int cncurses_color_pairs(void) { return COLOR_PAIRS; }
int cncurses_init_pair(int pair, int fg, int bg) { return init_extended_pair(pair, fg, bg); }
int cncurses_color_pair(int pair) { return (int)COLOR_PAIR(pair); }

unsigned int cncurses_a_normal(void) { return (unsigned int)A_NORMAL; }
unsigned int cncurses_a_bold(void) { return (unsigned int)A_BOLD; }
unsigned int cncurses_a_dim(void) { return (unsigned int)A_DIM; }
unsigned int cncurses_a_underline(void) { return (unsigned int)A_UNDERLINE; }
unsigned int cncurses_a_reverse(void) { return (unsigned int)A_REVERSE; }
unsigned int cncurses_a_italic(void) { return (unsigned int)A_ITALIC; }
unsigned int cncurses_a_blink(void) { return (unsigned int)A_BLINK; }

int cncurses_put_cell(int y, int x, const wchar_t *text, int count, unsigned int attrs, int pair) {
    wchar_t buffer[CCHARW_MAX + 1];
    int n = count < CCHARW_MAX ? count : CCHARW_MAX;
    if (n < 1) { buffer[0] = L' '; n = 1; } else { memcpy(buffer, text, sizeof(wchar_t) * (size_t)n); }
    buffer[n] = L'\0';
    cchar_t cell;
    int extended_pair = pair;
    if (setcchar(&cell, buffer, (attr_t)attrs, 0, &extended_pair) != OK) {
        // A cluster curses cannot hold in one cell (an emoji ZWJ sequence has several
        // spacing characters): draw its first character, which carries the width.
        buffer[1] = L'\0';
        if (setcchar(&cell, buffer, (attr_t)attrs, 0, &extended_pair) != OK) return ERR;
    }
    return mvadd_wch(y, x, &cell);
}

void cncurses_clear(void) {
    bkgdset(' ' | A_NORMAL);
    clear();
}

void cncurses_move_cursor(int y, int x, int visible) {
    if (visible) {
        move(y, x);
        curs_set(1);
    } else {
        curs_set(0);
    }
}

void cncurses_refresh(void) { refresh(); }

void cncurses_write_raw(const char *sequence) {
    fputs(sequence, stdout);
    fflush(stdout);
}

int cncurses_get_wch(uint32_t *value) {
    wint_t ch = 0;
    int result = get_wch(&ch);
    *value = (uint32_t)ch;
    if (result == KEY_CODE_YES) return 1;
    if (result == OK) return 0;
    return -1;
}

int cncurses_key_resize(void) { return KEY_RESIZE; }
int cncurses_key_mouse(void) { return KEY_MOUSE; }
int cncurses_key_up(void) { return KEY_UP; }
int cncurses_key_down(void) { return KEY_DOWN; }
int cncurses_key_left(void) { return KEY_LEFT; }
int cncurses_key_right(void) { return KEY_RIGHT; }
int cncurses_key_home(void) { return KEY_HOME; }
int cncurses_key_end(void) { return KEY_END; }
int cncurses_key_ppage(void) { return KEY_PPAGE; }
int cncurses_key_npage(void) { return KEY_NPAGE; }
int cncurses_key_dc(void) { return KEY_DC; }
int cncurses_key_ic(void) { return KEY_IC; }
int cncurses_key_backspace(void) { return KEY_BACKSPACE; }
int cncurses_key_enter(void) { return KEY_ENTER; }
int cncurses_key_btab(void) { return KEY_BTAB; }
int cncurses_key_f(int n) { return KEY_F(n); }
int cncurses_key_sleft(void) { return KEY_SLEFT; }
int cncurses_key_sright(void) { return KEY_SRIGHT; }

void cncurses_enable_mouse(void) {
    // CLICKED too: when a press and its release arrive in one read (a quick click over
    // a slow link), curses reports them as one click even with mouseinterval(0).
    mousemask(BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED
              | BUTTON3_PRESSED | BUTTON3_CLICKED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
              | BUTTON5_PRESSED
#endif
              , NULL);
    mouseinterval(0);
}

int cncurses_read_mouse(int *x, int *y, int *kind) {
    MEVENT event;
    if (getmouse(&event) != OK) return -1;
    *x = event.x;
    *y = event.y;
    if (event.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED)) *kind = 1;
    else if (event.bstate & BUTTON1_RELEASED) *kind = 2;
    else if (event.bstate & (BUTTON3_PRESSED | BUTTON3_CLICKED)) *kind = 3;
    else if (event.bstate & BUTTON4_PRESSED) *kind = 4;
#ifdef BUTTON5_PRESSED
    else if (event.bstate & BUTTON5_PRESSED) *kind = 5;
#endif
    else *kind = 0;
    return 0;
}

static void wake_loop(void) {
    if (wake_descriptor >= 0) {
        char byte = 1;
        ssize_t ignored = write(wake_descriptor, &byte, 1);
        (void)ignored;
    }
}

static void on_termination(int signal_number) {
    pending_signal = signal_number;
    wake_loop();
}

static void on_winch(int signal_number) {
    if (previous_winch.sa_handler != SIG_DFL && previous_winch.sa_handler != SIG_IGN
        && previous_winch.sa_handler != NULL) {
        previous_winch.sa_handler(signal_number);
    }
    wake_loop();
}

static void on_crash(int signal_number) {
    if (running) {
        running = 0;
        endwin();
    }
    signal(signal_number, SIG_DFL);
    raise(signal_number);
}

void cncurses_install_signal_handlers(int wake_fd) {
    wake_descriptor = wake_fd;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = on_termination;
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
    sigaction(SIGQUIT, &action, NULL);

    struct sigaction winch;
    memset(&winch, 0, sizeof winch);
    sigemptyset(&winch.sa_mask);
    winch.sa_handler = on_winch;
    winch.sa_flags = SA_RESTART;
    sigaction(SIGWINCH, &winch, &previous_winch);

    struct sigaction crash;
    memset(&crash, 0, sizeof crash);
    sigemptyset(&crash.sa_mask);
    crash.sa_handler = on_crash;
    sigaction(SIGSEGV, &crash, NULL);
    sigaction(SIGBUS, &crash, NULL);
    sigaction(SIGFPE, &crash, NULL);
    sigaction(SIGABRT, &crash, NULL);
    // Swift traps (a failed precondition, an out-of-range index) arrive as SIGILL or SIGTRAP.
    sigaction(SIGILL, &crash, NULL);
    sigaction(SIGTRAP, &crash, NULL);
}

int cncurses_take_pending_signal(void) {
    int value = pending_signal;
    pending_signal = 0;
    return value;
}
