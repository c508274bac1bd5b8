#!/usr/bin/env bash
# Fuzzes the import pipeline (fuzz/fuzz_targets/import.rs) with cargo-fuzz.
# Needs the nightly toolchain; installs cargo-fuzz when missing. Not part of
# `make test`. FUZZ_SECONDS sets the length of the run (default 60).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! rustup toolchain list | grep -q '^nightly'; then
  echo "[fuzz] the nightly toolchain is missing: install it with 'rustup toolchain install nightly'" >&2
  exit 1
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "[fuzz] installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi
cd fuzz
# The seeds are committed; the fuzzer writes new inputs to a scratch copy.
work="$(mktemp -d)"
cp corpus/import/* "$work/"
cargo +nightly fuzz run import "$work" -- -max_total_time="${FUZZ_SECONDS:-60}" -max_len=65536
