.PHONY: run test setup bench build

run:
	@scripts/run.sh $(ARGS)

test:
	@scripts/test.sh

setup:
	@scripts/setup.sh --test

build:
	@scripts/build-info.sh
	swift build

bench:
	@scripts/bench.sh
