#!/usr/bin/env bash
# Size report: the app's first download (its main wasm module, JS glue and
# chunk loader: what the browser fetches before the app starts) gzipped,
# against a minimal Leptos page built with the same release profile in the
# same run, and the ten largest contributors to that main module by twiggy
# (before wasm-opt, which still has its names). The rest of the app is in
# chunks fetched later (scripts/build-wasm.mjs): what opening the Tổng quan
# needs and the whole of it are printed beside it (bench/split-sizes.mjs).
# Also builds the app's core alone, without a single view (bench/core/).
# All are optimised with scripts/wasm-opt.mjs's flags. Writes
# bench/size-result.json for bench/perf.mjs.
set -euo pipefail
cd "$(dirname "$0")/.."

gz() { gzip -9 -c "$1" | wc -c; }
first() { ls "$1"/$2 2>/dev/null | head -n 1; }

echo "== building the app (release) =="
trunk build --release >/dev/null
echo "== building the minimal Leptos page (release, same profile) =="
(cd bench/minimal && trunk build --release >/dev/null)
node scripts/wasm-opt.mjs bench/minimal/dist >/dev/null
echo "== building the core alone, no views (release, same profile) =="
(cd bench/core && trunk build --release >/dev/null)
node scripts/wasm-opt.mjs bench/core/dist >/dev/null

split=$(node bench/split-sizes.mjs dist)
ref_wasm=$(first bench/minimal/dist '*_bg.wasm'); ref_js=$(first bench/minimal/dist 'antq-bench-minimal-*.js')
core_wasm=$(first bench/core/dist '*_bg.wasm'); core_js=$(first bench/core/dist 'antq-bench-core-*.js')
for f in "$ref_wasm" "$ref_js" "$core_wasm" "$core_js"; do
  [ -f "$f" ] || { echo "missing build output: $f" >&2; exit 1; }
done

field() { node -e 'console.log(JSON.parse(process.argv[1])[process.argv[2]])' "$split" "$1"; }
app=$(field first); opening=$(field opening); total=$(field total)
rw=$(gz "$ref_wasm"); rj=$(gz "$ref_js")
cw=$(gz "$core_wasm"); cj=$(gz "$core_js")
printf '\n%-44s %12s\n' "gzip -9 bytes" "total"
printf '%-44s %12d\n' "app, first download (main, glue, loader)" "$app"
printf '%-44s %12d\n' "app, opening Tổng quan (first + chunks)" "$opening"
printf '%-44s %12d\n' "app, every file ($(field files) files)" "$total"
printf '%-44s %12d\n' "minimal Leptos page" $((rw + rj))
printf '%-44s %12d\n' "core alone, no views" $((cw + cj))

# The ten largest contributors. twiggy is a bench-only tool: installed here if missing.
if ! command -v twiggy >/dev/null; then
  echo "== installing twiggy (bench only) =="
  cargo install --locked twiggy >/dev/null 2>&1 || true
fi
# The main module as scripts/build-wasm.mjs leaves it before wasm-opt.
raw="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/antq-main.wasm"
top='[]'
if command -v twiggy >/dev/null && [ -f "$raw" ]; then
  # Names and wasm-bindgen's own sections are stripped from dist/: leave them out.
  top=$(twiggy top -n 20 "$raw" 2>/dev/null | tail -n +3 | grep -v -e 'subsection' -e 'custom section' -e 'and [0-9]* more' -e 'Σ' \
    | head -n 10 | sed 's/[[:space:]]\+$//' \
    | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.stringify(s.split("\n").filter(Boolean))))')
fi
printf '{"app": %d, "opening": %d, "total": %d, "ref": %d, "core": %d, "parts": %s, "top": %s}\n' \
  "$app" "$opening" "$total" $((rw + rj)) $((cw + cj)) "$(node -e 'console.log(JSON.stringify(JSON.parse(process.argv[1]).parts))' "$split")" "$top" > bench/size-result.json
awk -v a="$app" -v o="$opening" -v t="$total" -v r=$((rw + rj)) -v c=$((cw + cj)) 'BEGIN {
  printf "\nratio first download / minimal (gzip): %.2f\n", a / r
  printf "ratio opening Tổng quan / minimal: %.2f; every file / minimal: %.2f\n", o / r, t / r
  printf "ratio core alone / minimal (all pipelines, no views): %.2f\n", c / r }'
