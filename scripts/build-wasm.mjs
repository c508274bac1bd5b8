// Trunk pre_build hook (and a command of its own: node scripts/build-wasm.mjs
// DIR [release|debug]): builds the app's wasm into DIR/pkg/.
//
// Trunk 0.21 runs cargo and wasm-bindgen back to back, and the release
// build needs a step between them: wasm-split-cli, which cuts the wasm at
// the split points of src/ui/shell/split.rs into a main module (the first
// download: the shell) and one chunk per split point, plus chunks of the
// code several of them share, fetched by pkg/__wasm_split.js on first use.
// So this script does the Rust part of the build, and index.html starts
// pkg/antq.js itself.
//
// release: cargo build --release --features split (and bench, for
//          ANTQ_BENCH=1: make bench's own build; linked with its
//          relocations, see build.rs), wasm-split-cli, wasm-bindgen on the
//          main module, wasm-opt (scripts/wasm-opt.mjs's flags) on every wasm.
// debug:   cargo build, wasm-bindgen; nothing split (`trunk serve`).
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FLAGS, WASM_OPT, checkWasmOpt } from './wasm-opt.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NAME = 'antq';

function run(cmd, args, options = {}) {
  execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], ...options });
}

function output(cmd, args) {
  try {
    return execFileSync(cmd, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch {
    return '';
  }
}

/** The tools at the versions Trunk.toml and scripts/setup.sh pin. */
async function checkTools(release) {
  const trunkToml = await readFile(join(root, 'Trunk.toml'), 'utf8');
  const wanted = /^wasm_bindgen\s*=\s*"([^"]+)"/m.exec(trunkToml)?.[1];
  const have = output('wasm-bindgen', ['--version']);
  if (have !== `wasm-bindgen ${wanted}`) {
    throw new Error(`wasm-bindgen is "${have || 'missing'}", not ${wanted} (Trunk.toml): run scripts/setup.sh`);
  }
  if (release) {
    if (!output('wasm-split-cli', ['--help'])) throw new Error('wasm-split-cli is missing: run scripts/setup.sh');
    checkWasmOpt();
  }
}

function targetDir() {
  const dir = process.env.CARGO_TARGET_DIR || 'target';
  return isAbsolute(dir) ? dir : join(root, dir);
}

// wasm-split-cli's loader instantiates every chunk with
// WebAssembly.instantiateStreaming, which refuses a .wasm that the server
// sends under another type than application/wasm; wasm-bindgen's own glue
// falls back to the bytes then. The loader is given the same fallback, so a
// server that does not know .wasm serves the sections as it serves the shell.
const STREAMING = 'return async (imports) => (WebAssembly.instantiateStreaming(src, imports));';
const TOLERANT = 'return async (imports) => (instantiateChunk(src, imports));';
const INSTANTIATE = `// Added by scripts/build-wasm.mjs: a chunk sent under another type than
// application/wasm is instantiated from its bytes, as wasm-bindgen's glue does.
// On a first visit, index.html fetches the first screen's chunks in packs
// (scripts/post-build.mjs, preloadFirstScreen): a chunk found in one is taken
// from it, any other fetched as it is (and so is one whose pack failed).
const fetch = (url) => {
    const name = new URL(url).pathname.split('/').pop();
    const pack = (globalThis.antqFirstScreen ?? []).find((pack) => name in pack.parts);
    if (!pack) return globalThis.fetch(url);
    const [start, length] = pack.parts[name];
    return pack.bytes.then(
        (bytes) => new Response(bytes.slice(start, start + length), { headers: { 'Content-Type': 'application/wasm' } }),
        () => globalThis.fetch(url),
    );
};
async function instantiateChunk(src, imports) {
    const response = await src;
    if (!response.ok) throw new Error(\`\${response.url}: HTTP \${response.status}\`);
    const type = (response.headers.get('Content-Type') || '').split(';')[0].trim();
    if (type === 'application/wasm') return WebAssembly.instantiateStreaming(response, imports);
    return WebAssembly.instantiate(await response.arrayBuffer(), imports);
}
`;

async function tolerantLoader(file) {
  const text = await readFile(file, 'utf8');
  const loads = text.split('makeLoad(').length - 2; // the definition, then each use
  const uses = text.split(STREAMING).length - 1;
  if (uses === 0 || uses !== loads) {
    throw new Error(`${file}: ${uses} of ${loads} chunk loads are written as expected; wasm-split-cli changed its loader`);
  }
  await writeFile(file, INSTANTIATE + text.split(STREAMING).join(TOLERANT));
}

export async function buildWasm(dir, release) {
  await checkTools(release);
  const pkg = join(dir, 'pkg');
  await rm(pkg, { recursive: true, force: true });
  await mkdir(pkg, { recursive: true });
  const cargo = ['build', '--locked', '--target', 'wasm32-unknown-unknown', '--bin', NAME];
  // ANTQ_BENCH=1: the benchmark's own build (dist-bench/), with its entry points.
  if (release) cargo.push('--release', '--features', process.env.ANTQ_BENCH ? 'split,bench' : 'split');
  run('cargo', cargo);
  const built = join(targetDir(), 'wasm32-unknown-unknown', release ? 'release' : 'debug', `${NAME}.wasm`);
  const bindgen = ['--target', 'web', '--weak-refs', '--no-typescript', '--out-dir', pkg, '--out-name', NAME];
  if (!release) {
    run('wasm-bindgen', [...bindgen, built]);
    return [];
  }
  // The main module keeps the exports the chunks link against.
  run('wasm-split-cli', [built, pkg, '--out-name', NAME, '--target', 'web']);
  await tolerantLoader(join(pkg, '__wasm_split.js'));
  const main = join(pkg, `${NAME}.wasm`);
  run('wasm-bindgen', [...bindgen, '--keep-lld-exports', main]);
  await rm(main);
  // The main module before wasm-opt, names and all, for bench/size.sh's twiggy.
  await copyFile(join(pkg, `${NAME}_bg.wasm`), join(dirname(built), `${NAME}-main.wasm`));
  const wasms = (await readdir(pkg)).filter((name) => name.endsWith('.wasm')).sort();
  // ANTQ_PROFILE=1: names kept for a profiler (no wasm-opt); never shipped.
  if (process.env.ANTQ_PROFILE) return wasms;
  for (const name of wasms) {
    const file = join(pkg, name);
    // wasm-opt warns of the name subsection it does not know in each chunk
    // (wasm-split-cli writes it; the output drops names anyway): only its
    // other messages are shown.
    const result = spawnSync(WASM_OPT, [...FLAGS, file, '-o', file + '.opt'], { cwd: root, encoding: 'utf8' });
    const said = result.stderr.split('\n').filter((line) => line && !/^warning: unknown name subsection/.test(line));
    if (said.length) console.error(said.join('\n'));
    if (result.status !== 0) throw new Error(`wasm-opt failed on ${name}`);
    await copyFile(file + '.opt', file);
    await rm(file + '.opt');
  }
  return wasms;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  const release = (process.argv[3] ?? process.env.TRUNK_PROFILE) === 'release';
  if (!dir || !(await stat(dir)).isDirectory()) {
    console.error('usage: node scripts/build-wasm.mjs DIR [release|debug] (or run as a Trunk pre_build hook)');
    process.exit(2);
  }
  const wasms = await buildWasm(dir, release);
  console.log(`build-wasm: ${release ? `release, split into ${wasms.length} wasm files` : 'debug, not split'} in ${join(dir, 'pkg')}`);
}
