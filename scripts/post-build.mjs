// Trunk post-build hook (and a command of its own: node scripts/post-build.mjs DIR).
// 1. Adds a strict Content-Security-Policy to index.html, allowing Trunk's
//    inline start-up script (index.html's) by its hash and nothing else inline.
// 2. Writes sw.js from scripts/sw.template.js with the list of every file of
//    the build, the wasm chunks included, and a cache version computed from
//    their content (pkg/'s file names stay the same when the bytes change).
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

async function listFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path)));
    else out.push(path);
  }
  return out;
}

function csp(scriptHashes) {
  const scripts = ["'self'", "'wasm-unsafe-eval'", ...scriptHashes.map((h) => `'sha256-${h}'`)].join(' ');
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/** Adds the CSP meta to index.html in `dir`; returns the new HTML. */
export async function addCsp(dir) {
  const file = join(dir, 'index.html');
  let html = await readFile(file, 'utf8');
  html = html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/g, '');
  const hashes = [];
  for (const match of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    hashes.push(createHash('sha256').update(match[1], 'utf8').digest('base64'));
  }
  const meta = `<meta http-equiv="Content-Security-Policy" content="${csp(hashes)}">`;
  html = html.replace(/(<meta charset="utf-8"\s*\/?>)/i, `$1\n    ${meta}`);
  if (!html.includes('Content-Security-Policy')) throw new Error('index.html has no <meta charset="utf-8">');
  await writeFile(file, html);
  return html;
}

/** Writes sw.js for the files in `dir`; returns the cache version. */
export async function writeServiceWorker(dir) {
  const files = (await listFiles(dir))
    .map((path) => relative(dir, path).split(sep).join('/'))
    .filter((name) => name !== 'sw.js')
    .sort();
  const hash = createHash('sha256');
  for (const name of files) {
    hash.update(name + '\0');
    hash.update(await readFile(join(dir, name)));
    hash.update('\0');
  }
  const version = hash.digest('hex').slice(0, 16);
  const list = ['./', ...files.map((name) => './' + name)];
  const template = await readFile(join(here, 'sw.template.js'), 'utf8');
  const sw = template.replace('__VERSION__', version).replace('__FILES__', JSON.stringify(list, null, 2));
  await writeFile(join(dir, 'sw.js'), sw);
  return version;
}

export async function finalize(dir) {
  await addCsp(dir);
  return writeServiceWorker(dir);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  if (!dir || !(await stat(dir)).isDirectory()) {
    console.error('usage: node scripts/post-build.mjs DIR (or run as a Trunk post_build hook)');
    process.exit(2);
  }
  const version = await finalize(dir);
  console.log(`post-build: CSP added, sw.js written (cache version ${version})`);
}
