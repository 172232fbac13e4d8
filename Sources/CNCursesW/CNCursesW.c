#include "CNCursesW.h"

void cncurses_setlocale_from_environment(void) { setlocale(LC_ALL, ""); }
int cncurses_lines(void) { return LINES; }
int cncurses_cols(void) { return COLS; }
int cncurses_color_pair(int pair) { return (int)COLOR_PAIR(pair); }
int cncurses_key_resize(void) { return KEY_RESIZE; }
