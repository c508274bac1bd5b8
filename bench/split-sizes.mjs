// The sizes of the split release build (dist/pkg-HASH/, see scripts/build-wasm.mjs),
// gzip -9 bytes, as JSON on stdout:
//   first:   what the browser fetches before the app starts: the main module,
//            its JS glue and the chunk loader (pkg/__wasm_split.js);
//   opening: first, plus what a first visit to Tổng quan fetches for the
//            first screen: the workspace's reader and the section's chunks,
//            a file each (first-workspace.wasm, first-tong-quan.wasm);
//   openingFirstRun: the same with nothing stored, which needs no reader;
//   total:   every file of the folder, as the service worker stores them for offline use;
//   parts:   each split point with the chunks it needs, largest first.
// Which chunks a split point needs is read from the loader itself.
// Usage: node bench/split-sizes.mjs [DIST_DIR]
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2] ?? 'dist';
// scripts/post-build.mjs names the folder after its content.
const folders = readdirSync(dist).filter((name) => /^pkg(-[0-9a-f]+)?$/.test(name));
if (folders.length !== 1) throw new Error(`${dist} holds ${folders.length} wasm folders (pkg-HASH), not one: run make dist`);
const pkg = join(dist, folders[0]);
const gz = (name) => Number(execFileSync('sh', ['-c', 'gzip -9 -c "$1" | wc -c', 'sh', join(pkg, name)], { encoding: 'utf8' }).trim());

const loader = readFileSync(join(pkg, '__wasm_split.js'), 'utf8');
// `const __chunk_N = makeLoad(() => { ... "./chunk_N.wasm" ...` and
// `export const __wasm_split_load_NAME = wrapAsyncCb(makeLoad(() => { ... "./split_NAME.wasm" ... }, [__chunk_A, ...]))`.
const parts = {};
for (const match of loader.matchAll(/__wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{[\s\S]*?"\.\/([\w.]+\.wasm)"[\s\S]*?\}\s*,\s*\[([^\]]*)\]/g)) {
  const deps = match[3].split(',').map((d) => d.trim()).filter(Boolean).map((d) => d.replace('__chunk_', 'chunk_') + '.wasm');
  parts[match[1]] = [match[2], ...deps];
}
if (!parts.workspace || !parts.overview) throw new Error(`${pkg}/__wasm_split.js has no workspace or overview split point`);

// A first visit's packs (scripts/post-build.mjs: each section's first screen
// as one file) are counted as the opening, not among the files kept.
const isPack = (name) => /^first-[\w-]+\.wasm$/.test(name);
const sizes = Object.fromEntries(readdirSync(pkg).filter((name) => !isPack(name)).map((name) => [name, gz(name)]));
const sum = (names) => [...new Set(names)].reduce((total, name) => total + sizes[name], 0);
const firstFiles = ['antq_bg.wasm', 'antq.js', '__wasm_split.js'];
const result = {
  first: sum(firstFiles),
  opening: sum(firstFiles) + gz('first-workspace.wasm') + gz('first-tong-quan.wasm'),
  openingFirstRun: sum(firstFiles) + gz('first-tong-quan.wasm'),
  total: sum(Object.keys(sizes)),
  files: Object.keys(sizes).length,
  parts: Object.entries(parts)
    .map(([name, files]) => ({ name, bytes: sum(files), files: files.length }))
    .sort((a, b) => b.bytes - a.bytes),
};
console.log(JSON.stringify(result));
