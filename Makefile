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

clean:
	rm -rf .build
