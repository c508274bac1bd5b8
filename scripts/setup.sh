#!/usr/bin/env bash
# Installs every tool the build and the tests need, with pinned versions.
# Idempotent: each step checks first and does nothing when the tool is
# already there at the right version. Run by `make serve`, `make test`,
# `make dist` and `make bench`; safe to run by hand.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

TRUNK_VERSION="0.21.14"
BINARYEN_NPM_VERSION="132.0.0"
WEBPKI_ROOTS_PRECISE="1.0.10"
# Cuts the release wasm into its chunks (scripts/build-wasm.mjs); the same
# project as the wasm_split_helpers in Cargo.lock, whose split points it reads.
WASM_SPLIT_VERSION="0.2.4"
LEPTOSFMT_VERSION="0.1.33"

say() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

need_root_for() {
  if [ "$(id -u)" != "0" ] && ! command -v sudo >/dev/null 2>&1; then
    die "$1 is missing and cannot be installed without root. Install it by hand: $2"
  fi
}
as_root() { if [ "$(id -u)" = "0" ]; then "$@"; else sudo "$@"; fi; }

# The wasm-bindgen version is whatever Cargo.lock holds: the CLI must match it exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

command -v cargo >/dev/null 2>&1 || die "cargo is missing. Install Rust 1.95 with rustup (https://rustup.rs) and run again."
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 \
  || die "node and npm are missing. Install Node.js 20 or newer (Debian: apt-get install nodejs npm) and run again."

# 1. The wasm32 target.
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. Trunk, at the last version that builds with rustc 1.95.
if [ "$(trunk --version 2>/dev/null || true)" != "trunk ${TRUNK_VERSION}" ]; then
  say "installing trunk ${TRUNK_VERSION} (about 6 minutes)"
  cargo install trunk --version "${TRUNK_VERSION}" --locked
fi

# 3. wasm-bindgen-cli at the Cargo.lock version. The registry here lacks the
#    webpki-roots version its lock file names, so build it from its own
#    source with that one dependency stepped back.
WB_VERSION="$(wasm_bindgen_version)"
[ -n "$WB_VERSION" ] || die "no wasm-bindgen in Cargo.lock; run 'cargo generate-lockfile' first."
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen ${WB_VERSION}" ] \
  || ! command -v wasm-bindgen-test-runner >/dev/null 2>&1; then
  say "installing wasm-bindgen-cli ${WB_VERSION} (about 4 minutes)"
  if ! cargo install wasm-bindgen-cli --version "${WB_VERSION}" --locked 2>/dev/null; then
    cargo info "wasm-bindgen-cli@${WB_VERSION}" >/dev/null
    crate="$(find "${CARGO_HOME:-$HOME/.cargo}/registry/cache" -name "wasm-bindgen-cli-${WB_VERSION}.crate" | head -n 1)"
    [ -n "$crate" ] || die "could not download wasm-bindgen-cli ${WB_VERSION} from the registry."
    work="$(mktemp -d)"
    tar xzf "$crate" -C "$work"
    (
      cd "$work/wasm-bindgen-cli-${WB_VERSION}"
      cargo update -p webpki-roots --precise "${WEBPKI_ROOTS_PRECISE}" || true
      cargo install --path . --locked
    )
    rm -rf "$work"
  fi
fi

# 3b. wasm-split-cli, which Trunk does not know: scripts/build-wasm.mjs runs it
#     between cargo and wasm-bindgen (under a minute to build).
if ! cargo install --list 2>/dev/null | grep -qx "wasm_split_cli_support v${WASM_SPLIT_VERSION}:" \
  || ! command -v wasm-split-cli >/dev/null 2>&1; then
  say "installing wasm-split-cli ${WASM_SPLIT_VERSION} (about a minute)"
  cargo install wasm_split_cli_support --version "${WASM_SPLIT_VERSION}" --features build-binary --locked
fi

# 3c. leptosfmt, which `make lint` runs on the view! macros (about a minute).
if ! cargo install --list 2>/dev/null | grep -qx "leptosfmt v${LEPTOSFMT_VERSION}:" \
  || ! command -v leptosfmt >/dev/null 2>&1; then
  say "installing leptosfmt ${LEPTOSFMT_VERSION} (about a minute)"
  cargo install leptosfmt --version "${LEPTOSFMT_VERSION}" --locked
fi

# 4. Chromium and its driver, from Debian (never a browser a test tool downloads).
if ! [ -x /usr/bin/chromium ] || ! [ -x /usr/bin/chromedriver ]; then
  command -v apt-get >/dev/null 2>&1 \
    || die "chromium and chromedriver are missing and there is no apt-get. Install Chromium and a matching ChromeDriver at /usr/bin/chromium and /usr/bin/chromedriver."
  need_root_for "chromium" "apt-get install chromium chromium-driver"
  say "installing Debian's chromium and chromium-driver"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# 4b. LibreOffice (Writer and Calc, without a GUI) and poppler's pdfinfo and
#     pdftotext, from Debian: the office journey opens the downloaded Word
#     and Excel files in them (about 40 s; fonts-liberation has Times New
#     Roman's metrics). python3 edits a workbook there as a user would.
if ! command -v soffice >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1 \
  || ! [ -f /usr/lib/libreoffice/program/libsclo.so ] || ! [ -f /usr/lib/libreoffice/program/libswlo.so ] \
  || ! [ -d /usr/share/fonts/truetype/liberation ]; then
  command -v apt-get >/dev/null 2>&1 \
    || die "LibreOffice and poppler-utils are missing and there is no apt-get. Install LibreOffice Writer and Calc (soffice on PATH) and poppler-utils (pdftotext, pdfinfo)."
  need_root_for "LibreOffice" "apt-get install libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-liberation"
  say "installing Debian's LibreOffice Writer and Calc (no GUI), poppler-utils and fonts-liberation"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends \
    libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-liberation >/dev/null
fi
command -v python3 >/dev/null 2>&1 || die "python3 is missing: the office journey edits a workbook with it (Debian: apt-get install python3)."

# 5. playwright-core, axe-core and binaryen's wasm-opt, from the committed package-lock.
want_opt="wasm-opt version ${BINARYEN_NPM_VERSION%%.*}"
if ! [ -x e2e/node_modules/.bin/wasm-opt ] || ! [ -d e2e/node_modules/playwright-core ] \
  || ! [ -f e2e/node_modules/axe-core/axe.min.js ] \
  || ! e2e/node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q "^${want_opt}"; then
  say "installing playwright-core, axe-core and binaryen from e2e/package-lock.json"
  (cd e2e && npm ci --no-audit --no-fund --loglevel=error)
fi

say "all tools present: $(trunk --version), $(wasm-bindgen --version), wasm-split-cli ${WASM_SPLIT_VERSION}, $(e2e/node_modules/.bin/wasm-opt --version | head -n 1), $(soffice --version | head -n 1)"
