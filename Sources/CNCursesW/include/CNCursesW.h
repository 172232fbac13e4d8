// ncursesw with wide characters, plus functions for the macros Swift cannot import.
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
#include <ncursesw/curses.h>

/// Sets the locale from the environment; must run before initscr so wide characters work.
void cncurses_setlocale_from_environment(void);
int cncurses_lines(void);
int cncurses_cols(void);
int cncurses_color_pair(int pair);
int cncurses_key_resize(void);

#endif
