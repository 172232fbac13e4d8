// The commit lives in a C file because a C file can include a header only if it exists:
// `scripts/build-info.sh` writes the git-ignored `commit.h` (the Makefile and scripts call it), and
// a plain `swift build` without it still compiles, with "unknown". The committed tree never changes.
#include "CBuildInfo.h"

#if __has_include("commit.h")
#include "commit.h"
#endif

#ifndef SCIMDECK_COMMIT
#define SCIMDECK_COMMIT "unknown"
#endif

const char *scimdeck_build_commit(void) {
    return SCIMDECK_COMMIT;
}
