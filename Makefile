# Two commands do everything on a fresh machine:
#   make serve   builds the app and serves it on http://127.0.0.1:8080
#   make test    runs every test layer (native, browser, journeys)
# Each first runs scripts/setup.sh, which installs what is missing.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
ROOT := $(abspath .)
export PATH := $(ROOT)/e2e/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# Chromium under wasm-bindgen-test-runner: chromedriver from Debian.
export CHROMEDRIVER ?= /usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT ?= 120

.PHONY: setup serve test test-native test-web test-e2e dist bench fuzz fmt lint clean

setup:
	@bash scripts/setup.sh

serve: setup
	cargo fetch --quiet
	@echo "antq: http://127.0.0.1:8080/"
	trunk serve

test: setup
	cargo fetch --quiet
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory test-native
	$(MAKE) --no-print-directory test-web
	$(MAKE) --no-print-directory dist
	$(MAKE) --no-print-directory test-e2e
	@echo "make test: lint and all three layers passed (native, browser, journeys)"

# (a) The pure core and the repository's structural rules, natively.
test-native:
	@echo "== native tests (cargo test) =="
	cargo test --locked

# (b) Browser adapters and mounted components, in headless Chromium.
test-web:
	@echo "== browser tests (wasm-bindgen-test, headless Chromium) =="
	cargo test --locked --target wasm32-unknown-unknown

# (c) User journeys against the release dist/, served under a deep sub-path.
test-e2e:
	@echo "== journeys (Playwright against dist/) =="
	cd e2e && node --test --test-concurrency=1 journeys/

# The release build: opt-level "z", LTO, one codegen unit (Cargo.toml), split
# into the shell and its chunks, then wasm-opt -Oz --low-memory-unused on every
# file (scripts/build-wasm.mjs, Trunk's pre_build hook).
dist: setup
	cargo fetch --quiet
	trunk build --release

# The benchmark's own build, in dist-bench/: the user's build (dist/) has none
# of its entry points.
bench: setup
	cargo fetch --quiet
	bash bench/size.sh
	ANTQ_BENCH=1 trunk build --release --dist dist-bench
	node bench/perf.mjs

# Fuzzing of the import pipeline (nightly toolchain); not part of `make test`.
fuzz:
	bash scripts/fuzz.sh

fmt:
	leptosfmt --config-file leptosfmt.toml --quiet src
	cargo fmt

# Formatting (rustfmt, and leptosfmt for view! macros) and clippy on every
# target the app builds for (run by `make test`).
lint:
	@echo "== lint (rustfmt, leptosfmt, clippy: native, wasm, split, bench) =="
	cargo fmt --check
	@leptosfmt --config-file leptosfmt.toml --quiet --check src \
	  || { echo "view! macros are not formatted: run make fmt"; exit 1; }
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --features split --lib --bins -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --features split,bench --lib --bins -- -D warnings

clean:
	cargo clean
	rm -rf dist
