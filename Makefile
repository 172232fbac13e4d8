.PHONY: run test setup bench build release install uninstall deb

# make install [PREFIX=/usr/local] [DESTDIR=] [BINARY=path]: BINARY installs a binary already built
# (with scimdeck-manual beside it) instead of a release build; see scripts/install.sh.
PREFIX ?= /usr/local
DESTDIR ?=
BINARY ?=

run:
	@scripts/run.sh $(ARGS)

test:
	@scripts/test.sh

setup:
	@scripts/setup.sh --test

build:
	@scripts/build-info.sh
	swift build

release:
	@scripts/release.sh

install:
	@PREFIX="$(PREFIX)" DESTDIR="$(DESTDIR)" BINARY="$(BINARY)" scripts/install.sh

uninstall:
	@PREFIX="$(PREFIX)" DESTDIR="$(DESTDIR)" scripts/install.sh --uninstall

deb:
	@BINARY="$(BINARY)" scripts/deb.sh

bench:
	@scripts/bench.sh
