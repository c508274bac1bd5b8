// Trunk post-build hook (and a command of its own: node scripts/post-build.mjs DIR).
// 0. Names the wasm's folder after its content: pkg/ (scripts/build-wasm.mjs)
//    becomes pkg-HASH/, and index.html's references follow. A page keeps
//    fetching its chunks from its own build's folder, so after a new build
//    is deployed an open page never mixes its main module with another
//    build's chunks (without a service worker; with one, its cache already
//    keeps each version whole): the old folder is gone, and the section
//    says it could not be loaded.
// 1. Adds a strict Content-Security-Policy to index.html, allowing Trunk's
//    inline start-up script (index.html's) by its hash and nothing else inline.
//    A development build (`trunk serve`, profile "debug") also allows inline
//    scripts: Trunk adds its live-reload script to the page as it serves it,
//    after this hook, so no hash can name it.
// 1a. Fills the static first screen of index.html with its Vietnamese texts.
// 1b. Makes the stylesheets one file (one request instead of ten), and
//    has index.html ask at once for the chunks the first screen needs: the
//    workspace's and the open section's (from the address's hash), so they
//    come alongside the main module instead of after it.
// 2. Writes sw.js from scripts/sw.template.js with the list of every file of
//    the build, the wasm chunks included, and a cache version computed from
//    their content (pkg/'s file names stay the same when the bytes change).
//    The chunks only the Word and Excel files need (ON_DEMAND_SPLITS) are
//    not precached: nobody downloads them who does not use them, and the
//    service worker keeps them from their first use on.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, readdir, rename, rm, writeFile, stat } from 'node:fs/promises';
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

function csp(scriptHashes, development) {
  // With a hash in the list, 'unsafe-inline' would be ignored: development
  // names none.
  const inline = development ? ["'unsafe-inline'"] : scriptHashes.map((h) => `'sha256-${h}'`);
  const scripts = ["'self'", "'wasm-unsafe-eval'", ...inline].join(' ');
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

/**
 * Adds the CSP meta to index.html in `dir`; returns the new HTML. The
 * release policy unless `development`.
 */
export async function addCsp(dir, { development = false } = {}) {
  const file = join(dir, 'index.html');
  let html = await readFile(file, 'utf8');
  html = html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/g, '');
  const hashes = [];
  for (const match of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    hashes.push(createHash('sha256').update(match[1], 'utf8').digest('base64'));
  }
  const meta = `<meta http-equiv="Content-Security-Policy" content="${csp(hashes, development)}">`;
  html = html.replace(/(<meta charset="utf-8"\s*\/?>)/i, `$1\n    ${meta}`);
  if (!html.includes('Content-Security-Policy')) throw new Error('index.html has no <meta charset="utf-8">');
  await writeFile(file, html);
  return html;
}

/** The split points whose code is fetched only when a user asks for it. */
export const ON_DEMAND_SPLITS = ['word', 'excel'];

/**
 * The wasm files of `dir` that only ON_DEMAND_SPLITS load, read from each
 * build folder's chunk loader (`__wasm_split.js`): a split point's own
 * file, and each shared chunk whose comment names only such split points.
 */
export async function onDemandFiles(dir, files) {
  const out = [];
  for (const loader of files.filter((name) => name.endsWith('/__wasm_split.js'))) {
    const folder = loader.slice(0, -'__wasm_split.js'.length);
    const text = await readFile(join(dir, loader), 'utf8');
    for (const [, users, file] of text.matchAll(/\/\* ([\w, ]+) \*\/\s*const __chunk_\d+ = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([\w.]+)"/g)) {
      if (users.split(', ').every((user) => ON_DEMAND_SPLITS.includes(user))) out.push(folder + file);
    }
    for (const split of ON_DEMAND_SPLITS) {
      if (files.includes(`${folder}split_${split}.wasm`)) out.push(`${folder}split_${split}.wasm`);
    }
  }
  return out.sort();
}

/** Writes sw.js for the files in `dir`; returns the cache version. */
export async function writeServiceWorker(dir) {
  const all = (await listFiles(dir))
    .map((path) => relative(dir, path).split(sep).join('/'))
    .filter((name) => name !== 'sw.js')
    .sort();
  const onDemand = await onDemandFiles(dir, all);
  // A first visit's packs (preloadFirstScreen): a later visit takes the chunks from the cache.
  const packs = all.filter((name) => /\/first-[\w-]+\.wasm$/.test(name));
  const files = all.filter((name) => !onDemand.includes(name) && !packs.includes(name));
  const hash = createHash('sha256');
  for (const name of all) {
    hash.update(name + '\0');
    hash.update(await readFile(join(dir, name)));
    hash.update('\0');
  }
  const version = hash.digest('hex').slice(0, 16);
  const list = ['./', ...files.map((name) => './' + name)];
  const template = await readFile(join(here, 'sw.template.js'), 'utf8');
  const sw = template
    .replace('__VERSION__', version)
    .replace('__FILES__', JSON.stringify(list, null, 2))
    .replace('__ON_DEMAND__', JSON.stringify(onDemand.map((name) => './' + name), null, 2));
  await writeFile(join(dir, 'sw.js'), sw);
  return version;
}

/** Renames `dir`/pkg to pkg-HASH and points index.html at it; returns the name. */
export async function versionPkg(dir) {
  const pkg = join(dir, 'pkg');
  const hash = createHash('sha256');
  for (const path of (await listFiles(pkg)).sort()) {
    hash.update(relative(pkg, path) + '\0');
    hash.update(await readFile(path));
    hash.update('\0');
  }
  const name = `pkg-${hash.digest('hex').slice(0, 16)}`;
  await rm(join(dir, name), { recursive: true, force: true });
  await rename(pkg, join(dir, name));
  const file = join(dir, 'index.html');
  const html = await readFile(file, 'utf8');
  const pointed = html.replace(/(["']|["']\.\/)pkg\//g, `$1${name}/`);
  if (pointed === html) throw new Error(`index.html in ${dir} names no pkg/ file`);
  await writeFile(file, pointed);
  return name;
}

/** The stylesheets of index.html in `dir` made one file, in their order; returns its name. */
export async function bundleCss(dir) {
  const file = join(dir, 'index.html');
  const html = await readFile(file, 'utf8');
  const links = [...html.matchAll(/\s*<link rel="stylesheet" href="\.\/([\w.-]+\.css)"[^>]*\/?>/g)];
  if (links.length < 2) return links[0]?.[1];
  const parts = [];
  for (const [, name] of links) parts.push(`/* ${name.replace(/-[0-9a-f]+\.css$/, '.css')} */\n` + (await readFile(join(dir, name), 'utf8')));
  const css = parts.join('\n');
  const name = `app-${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
  await writeFile(join(dir, name), css);
  const integrity = 'sha384-' + createHash('sha384').update(css).digest('base64');
  let out = html.replace(links[0][0], `\n    <link rel="stylesheet" href="./${name}" integrity="${integrity}"/>`);
  for (const link of links.slice(1)) out = out.replace(link[0], '');
  await writeFile(file, out);
  for (const [, old] of links) await rm(join(dir, old));
  return name;
}

/** The split point of each section, by its hash route (src/domain/route.rs). */
const SECTIONS = { 'tong-quan': 'overview', 'tu-danh-gia': 'assessment', 'ngay-hoi': 'festival', 'tong-hop': 'rollup', 'du-lieu': 'data', 'huong-dan': 'help' };

/**
 * The files each split point fetches, its own and the shared chunks it
 * needs, by split point, read from the chunk loader of `folder` in `dir`.
 */
export async function splitFiles(dir, folder) {
  const loader = join(dir, folder, '__wasm_split.js');
  if (!existsSync(loader)) return {};
  const text = await readFile(loader, 'utf8');
  const chunks = Object.fromEntries(
    [...text.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([\w.]+)"/g)].map(([, id, file]) => [id, file]),
  );
  const out = {};
  for (const [, split, own, deps] of text.matchAll(/export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([\w.]+)"[\s\S]*?\}\s*,\s*\[([^\]]*)\]/g)) {
    const files = [own, ...deps.split(',').map((d) => chunks[d.trim()]).filter(Boolean)];
    out[split] = files.map((f) => `./${folder}/${f}`);
  }
  return out;
}

/** The file a first visit fetches for `name`'s part of the first screen (a section's slug, or "workspace"). */
export const packName = (name) => `first-${name}.wasm`;

/**
 * The storage key of the workspace (src/platform/storage.rs,
 * `WorkspaceStore::default()`): with nothing under it, a first run, the
 * reader of stored data is not needed (src/ui/shell/app.rs).
 */
const WORKSPACE_KEY = 'antq.workspace';

/**
 * Has index.html ask, before the app starts, for the chunks of the first
 * screen: the reader of the stored workspace's (when something is stored)
 * and those of the section its hash opens (the overview by default), so
 * the first screen does not wait for the main module to ask for them.
 *
 * On a first visit (no service worker yet) they come as one file for the
 * reader, `first-workspace.wasm`, and one for each section's other chunks,
 * `first-SLUG.wasm`, their bytes one after the other: over a slow link each
 * request costs a round trip, and a browser asks a host for six files at a
 * time, so the seventy chunks of the overview came in twelve rounds. The
 * chunk loader (scripts/build-wasm.mjs) takes a chunk from a pack when it
 * is there (`globalThis.antqFirstScreen`), and fetches it itself otherwise.
 * Later visits preload the chunks themselves, which the service worker
 * serves from its cache; it does not keep the packs.
 *
 * At low priority, so the main module comes first: at the default priority
 * the preloads delayed the first paint from 182 to 420 ms (make bench,
 * 2026-12-03), at low 264 ms.
 */
export async function preloadFirstScreen(dir) {
  const file = join(dir, 'index.html');
  let html = await readFile(file, 'utf8');
  const folder = /["']\.?\/?(pkg-[0-9a-f]+)\/antq\.js["']/.exec(html)?.[1];
  if (!folder || html.includes('const FIRST_SCREEN')) return;
  const files = await splitFiles(dir, folder);
  if (!files.workspace) return;
  const names = (hrefs) => [...new Set(hrefs)].map((href) => href.split('/').pop());
  const pack = async (name, chunks) => {
    const parts = {};
    const bytes = [];
    let offset = 0;
    for (const chunk of chunks) {
      const content = await readFile(join(dir, folder, chunk));
      parts[chunk] = [offset, content.length];
      offset += content.length;
      bytes.push(content);
    }
    await writeFile(join(dir, folder, packName(name)), Buffer.concat(bytes));
    return { pack: packName(name), parts };
  };
  const reader = names(files.workspace);
  const workspace = await pack('workspace', reader);
  const screens = {};
  for (const [slug, split] of Object.entries(SECTIONS)) {
    // Whole: with nothing stored the reader's pack is not fetched (the few
    // chunks the two share then come twice when both are).
    screens[slug] = await pack(slug, names(files[split] ?? []));
  }
  const script = `<script>
      // Added by scripts/post-build.mjs: the chunks of the first screen, fetched at once.
      const FIRST_SCREEN = ${JSON.stringify({ folder: `./${folder}/`, workspace, screens })};
      const screen = FIRST_SCREEN.screens[antqSection(location.hash)]; // antqSection: index.html's
      let stored = true;
      try { stored = localStorage.getItem(${JSON.stringify(WORKSPACE_KEY)}) !== null; } catch {}
      const packs = stored ? [FIRST_SCREEN.workspace, screen] : [screen];
      const href = (name) => FIRST_SCREEN.folder + name;
      if (navigator.serviceWorker?.controller) {
        for (const name of packs.flatMap((pack) => Object.keys(pack.parts))) {
          const link = document.createElement('link');
          Object.assign(link, { rel: 'preload', as: 'fetch', href: href(name), crossOrigin: 'anonymous', fetchPriority: 'low' });
          link.type = 'application/wasm';
          document.head.appendChild(link);
        }
      } else {
        globalThis.antqFirstScreen = packs.map(({ pack, parts }) => {
          const bytes = fetch(href(pack), { priority: 'low' })
            .then((response) => (response.ok ? response.arrayBuffer() : Promise.reject(new Error(\`\${response.url}: HTTP \${response.status}\`))));
          bytes.catch(() => {});
          return { parts, bytes };
        });
      }
    </script>
    `;
  html = html.replace('<script type="module">', script + '<script type="module">');
  await writeFile(file, html);
}

/**
 * Fills index.html's static first screen with its texts: each key in double
 * braces becomes that text of locales/vi.json, escaped. A key it lacks stops
 * the build.
 */
export async function fillFirstScreen(dir) {
  const file = join(dir, 'index.html');
  const html = await readFile(file, 'utf8');
  const texts = JSON.parse(await readFile(join(here, '..', 'locales', 'vi.json'), 'utf8'));
  const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const filled = html.replace(/\{\{(\w+)\}\}/g, (_, key) => {
    if (typeof texts[key] !== 'string') throw new Error(`index.html names {{${key}}}, which locales/vi.json has no text for`);
    return escape(texts[key]);
  });
  if (filled !== html) await writeFile(file, filled);
}

export async function finalize(dir, { development = false } = {}) {
  // A build's own folder; a dist/ finalised again (a test's copy) has none.
  if (existsSync(join(dir, 'pkg'))) await versionPkg(dir);
  await fillFirstScreen(dir);
  await bundleCss(dir);
  await preloadFirstScreen(dir);
  await addCsp(dir, { development });
  return writeServiceWorker(dir);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  if (!dir || !(await stat(dir)).isDirectory()) {
    console.error('usage: node scripts/post-build.mjs DIR (or run as a Trunk post_build hook)');
    process.exit(2);
  }
  // Trunk names the profile; run by hand, the build is a release.
  const development = (process.env.TRUNK_PROFILE ?? 'release') !== 'release';
  const version = await finalize(dir, { development });
  console.log(`post-build: wasm in its build's own folder, CSP added, sw.js written (cache version ${version})`);
}
