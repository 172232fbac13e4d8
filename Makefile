.PHONY: run test setup bench build

run:
	@scripts/run.sh $(ARGS)

test:
	@scripts/test.sh

setup:
	@scripts/setup.sh --test

build:
	swift build

bench:
	@scripts/bench.sh
