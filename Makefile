# The set-up commands of the README: `make run`, `make test`, `make install` (README: "Make targets").
SWIFT ?= swift
SAMPLE := data/articles/seed.txt
# `make install`: where to (PREFIX), staged under DESTDIR for packages; the meson build folder.
PREFIX ?= /usr/local
DESTDIR ?=
MESON_BUILDDIR ?= .build-meson

.PHONY: deps build release run install test test-core test-gui validate bench fuzz clean

deps:
	@bash scripts/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# Opens the window on the sample article.
run: build
	./.build/debug/dramatis $(SAMPLE)

# The program, its data and the desktop files through meson (meson-notes.md): one install layout.
# The release build takes a few minutes the first time, then is incremental.
install: deps
	@if [ -f "$(MESON_BUILDDIR)/build.ninja" ]; then meson configure "$(MESON_BUILDDIR)" --prefix="$(PREFIX)"; \
	  else meson setup "$(MESON_BUILDDIR)" --prefix="$(PREFIX)"; fi
	meson compile -C "$(MESON_BUILDDIR)"
	meson install -C "$(MESON_BUILDDIR)" $(if $(DESTDIR),--destdir "$(DESTDIR)")

# Every test: unit and CLI tests, the GUI test under Xvfb, file validators, accuracy report.
test: deps
	bash scripts/test-all.sh

# One part of `make test` each, run by the same scripts.
test-core: deps
	bash scripts/test-core.sh

test-gui: deps
	bash scripts/tests/gui-test.sh

validate: deps
	bash scripts/tests/validate.sh

bench: deps
	bash bench/run

# Structure-aware fuzzing (Fuzz/run.sh): FUZZ_SECONDS per target (default 300), FUZZ_TARGETS
# (default: every target in Fuzz/Targets), FUZZ_TIMEOUT seconds for one input (default 10).
fuzz:
	bash Fuzz/run.sh $${FUZZ_SECONDS:-300} $${FUZZ_TARGETS:-}

clean:
	rm -rf .build
