#!/usr/bin/env bash
# Size report: the app's gzipped wasm and JS glue against a minimal Leptos
# page built with the same release profile in the same run, and the ten
# largest contributors by twiggy (on the wasm before wasm-opt, which still
# has its names). Also builds the app's core alone, without a single view
# (bench/core/): the part of the size no change to the views can remove.
# All three are optimised by scripts/wasm-opt.mjs with the same flags (the
# app by its post-build hook). Writes bench/size-result.json for bench/perf.mjs.
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

app_wasm=$(first dist '*_bg.wasm'); app_js=$(first dist 'antq-*.js')
ref_wasm=$(first bench/minimal/dist '*_bg.wasm'); ref_js=$(first bench/minimal/dist 'antq-bench-minimal-*.js')
core_wasm=$(first bench/core/dist '*_bg.wasm'); core_js=$(first bench/core/dist 'antq-bench-core-*.js')
for f in "$app_wasm" "$app_js" "$ref_wasm" "$ref_js" "$core_wasm" "$core_js"; do
  [ -f "$f" ] || { echo "missing build output: $f" >&2; exit 1; }
done

aw=$(gz "$app_wasm"); aj=$(gz "$app_js"); rw=$(gz "$ref_wasm"); rj=$(gz "$ref_js")
cw=$(gz "$core_wasm"); cj=$(gz "$core_js")
printf '\n%-22s %12s %12s %12s\n' "gzip -9 bytes" "wasm" "JS glue" "total"
printf '%-22s %12d %12d %12d\n' "app (antq)" "$aw" "$aj" $((aw + aj))
printf '%-22s %12d %12d %12d\n' "minimal Leptos page" "$rw" "$rj" $((rw + rj))
printf '%-22s %12d %12d %12d\n' "core alone, no views" "$cw" "$cj" $((cw + cj))

# The ten largest contributors. twiggy is a bench-only tool: installed here if missing.
if ! command -v twiggy >/dev/null; then
  echo "== installing twiggy (bench only) =="
  cargo install --locked twiggy >/dev/null 2>&1 || true
fi
raw="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/antq.wasm"
top='[]'
if command -v twiggy >/dev/null && [ -f "$raw" ]; then
  # Names and wasm-bindgen's own sections are stripped from dist/: leave them out.
  top=$(twiggy top -n 20 "$raw" 2>/dev/null | tail -n +3 | grep -v -e 'subsection' -e 'custom section' -e 'and [0-9]* more' -e 'Σ' \
    | head -n 10 | sed 's/[[:space:]]\+$//' \
    | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.stringify(s.split("\n").filter(Boolean))))')
fi
printf '{"app": %d, "ref": %d, "core": %d, "top": %s}\n' $((aw + aj)) $((rw + rj)) $((cw + cj)) "$top" > bench/size-result.json
awk -v a=$((aw + aj)) -v r=$((rw + rj)) -v c=$((cw + cj)) 'BEGIN {
  printf "\nratio app / minimal (total, gzip): %.2f\n", a / r
  printf "ratio core alone / minimal (the floor under the app): %.2f\n", c / r }'
