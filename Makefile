# The two set-up commands of the README: `make run` and `make test`.
SWIFT ?= swift
SAMPLE := data/articles/seed.txt

.PHONY: deps build release run test test-core test-gui validate bench fuzz clean

deps:
	@bash scripts/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# Opens the window on the sample article.
run: build
	./.build/debug/dramatis $(SAMPLE)

# Every test: unit and CLI tests, the GUI test under Xvfb, file validators, accuracy report.
test: deps
	bash scripts/test-all.sh

bench: deps
	bash bench/run

# Structure-aware fuzzing (Fuzz/run.sh): FUZZ_SECONDS per target (default 300), FUZZ_TARGETS
# (default: every target in Fuzz/Targets), FUZZ_TIMEOUT seconds for one input (default 10).
fuzz:
	bash Fuzz/run.sh $${FUZZ_SECONDS:-300} $${FUZZ_TARGETS:-}

clean:
	rm -rf .build
