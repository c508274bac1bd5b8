// The release build's wasm-opt, run here rather than by Trunk, which passes
// wasm-opt only a level: -Oz and --low-memory-unused (-0.7% gzipped). The
// Rust wasm's valid pointers never come near 4 GiB, so an address plus a
// constant never wraps, which is all the flag lets wasm-opt assume when it
// folds such constants into load and store offsets. Then the preload's
// `integrity` hash in index.html is made that of the optimised file.
// Its flags and binary are used by scripts/build-wasm.mjs for the app's
// wasm files; this command runs them on the bench pages (bench/size.sh),
// which Trunk builds, so the app and its size reference are optimised alike.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FLAGS = ['-Oz', '--low-memory-unused'];

// binaryen from npm, as scripts/setup.sh installs it: Debian's wasm-opt
// (version 108) breaks the output, so PATH is not searched.
const here = dirname(fileURLToPath(import.meta.url));
export const WASM_OPT = join(here, '..', 'e2e', 'node_modules', '.bin', 'wasm-opt');
const WANTED = 'wasm-opt version 132';

/** Stops unless the wasm-opt of scripts/setup.sh is there. */
export function checkWasmOpt() {
  let version = '';
  try {
    version = execFileSync(WASM_OPT, ['--version'], { encoding: 'utf8' });
  } catch {
    version = 'missing';
  }
  if (!version.startsWith(WANTED)) throw new Error(`${WASM_OPT} is "${version.trim()}", not ${WANTED}: run scripts/setup.sh`);
}

/** Optimises every `*_bg.wasm` in `dir` and updates index.html's hashes. */
export async function optimizeWasm(dir) {
  const wasms = (await readdir(dir)).filter((name) => name.endsWith('_bg.wasm'));
  if (wasms.length === 0) throw new Error(`no *_bg.wasm in ${dir}`);
  checkWasmOpt();
  const indexFile = join(dir, 'index.html');
  let html = await readFile(indexFile, 'utf8');
  for (const name of wasms) {
    const file = join(dir, name);
    execFileSync(WASM_OPT, [...FLAGS, file, '-o', file + '.opt'], { stdio: 'inherit' });
    await rename(file + '.opt', file);
    const integrity = 'sha384-' + createHash('sha384').update(await readFile(file)).digest('base64');
    const link = new RegExp(`(<link[^>]*href="\\./${name.replace(/[.]/g, '\\.')}"[^>]*integrity=")sha384-[^"]*(")`);
    if (!link.test(html)) throw new Error(`index.html in ${dir} has no preload of ${name} with an integrity hash`);
    html = html.replace(link, `$1${integrity}$2`);
  }
  await writeFile(indexFile, html);
  return wasms;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/wasm-opt.mjs DIST_DIR');
    process.exit(2);
  }
  const done = await optimizeWasm(dir);
  console.log(`wasm-opt ${FLAGS.join(' ')}: ${done.join(', ')}`);
}
