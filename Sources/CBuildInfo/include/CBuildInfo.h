#ifndef SCIMDECK_CBUILDINFO_H
#define SCIMDECK_CBUILDINFO_H

/// The git commit scimdeck was built from (`a3294a7`, `a3294a7-dirty`), or "unknown" when it was
/// built without `scripts/build-info.sh` (a plain `swift build`, a tarball without git).
const char *scimdeck_build_commit(void);

#endif
