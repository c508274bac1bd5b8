// The release build is split (scripts/build-wasm.mjs): the first download
// is the shell, each section's code comes when the section first opens, and
// a section whose code cannot be fetched says so and can be tried again.
// The service worker is kept out here: it would fetch every chunk ahead.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, open, ready, DIST } from '../harness.mjs';
import { addCsp } from '../../scripts/post-build.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

const noWorker = { contextOptions: { serviceWorkers: 'block' } };

/** The wasm files the page asked for, by name. */
function wasmFetched(page) {
  const names = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith('.wasm')) names.push(path.slice(path.lastIndexOf('/') + 1));
  });
  return names;
}

test('the first download is the shell; a section’s code comes when it is opened', async () => {
  const s = await open(env, noWorker);
  const fetched = wasmFetched(s.page);
  await s.page.goto(env.server.url + '#/huong-dan');
  await ready(s.page);
  assert.equal(await s.page.locator('main h1').innerText(), 'Hướng dẫn');
  assert.ok(fetched.includes('antq_bg.wasm'), fetched.join(' '));
  // A first visit: the first screen's chunks, the open section's and no
  // other section's, come as one file that the page asks for itself,
  // alongside the main module (with nothing stored, no reader of it).
  assert.deepEqual(fetched.filter((name) => name.startsWith('first-')), ['first-huong-dan.wasm']);
  const packed = await s.page.evaluate(() => globalThis.antqFirstScreen.flatMap((pack) => Object.keys(pack.parts)));
  assert.ok(packed.includes('split_help.wasm'), packed.join(' '));
  assert.ok(!packed.includes('split_rollup.wasm') && !packed.includes('split_overview.wasm'), packed.join(' '));
  assert.deepEqual(fetched.filter((name) => packed.includes(name)), [], 'a packed chunk was fetched on its own');
  for (const other of ['split_rollup.wasm', 'split_assessment.wasm', 'split_festival.wasm', 'split_bench.wasm']) {
    assert.ok(!fetched.includes(other), `${other} was fetched before its section opened: ${fetched.join(' ')}`);
  }
  // One stylesheet.
  assert.equal(await s.page.evaluate(() => document.querySelectorAll('link[rel="stylesheet"]').length), 1);
  // Another section's chunks come one by one, when it opens.
  await s.page.locator('nav a[data-route="tong-hop"]').click();
  await ready(s.page);
  assert.equal(await s.page.locator('main h1').innerText(), 'Tổng hợp');
  assert.ok(fetched.includes('split_rollup.wasm'), fetched.join(' '));
  // Each file once: a section opened again is not fetched again.
  await s.page.locator('nav a[data-route="huong-dan"]').click();
  await ready(s.page);
  await s.page.locator('nav a[data-route="tong-hop"]').click();
  await ready(s.page);
  assert.equal(fetched.length, new Set(fetched).size, fetched.join(' '));
  s.check();
  await s.close();
});

test('a first run needs no reader of stored data, and a pack that cannot be fetched gives way to its chunks', async () => {
  const s = await open(env, noWorker);
  const fetched = wasmFetched(s.page);
  await s.context.route('**/first-tong-quan.wasm', (route) => route.abort('internetdisconnected'));
  await s.page.goto(env.server.url + '#/tong-quan');
  await ready(s.page);
  // Nothing stored: the reader of stored data is neither packed nor fetched.
  assert.ok(!fetched.includes('first-workspace.wasm') && !fetched.includes('split_workspace.wasm'), fetched.join(' '));
  // The section's pack failed: its chunks came one by one.
  assert.ok(fetched.includes('split_overview.wasm'), fetched.join(' '));
  await s.page.getByLabel('Tên đơn vị').fill('Thôn Đông');
  await s.page.getByRole('button', { name: 'Thêm đơn vị' }).click();
  await s.page.waitForSelector('text=Đã lưu lúc');
  // Something is stored now: the reader comes, in a pack of its own.
  fetched.length = 0;
  await s.page.reload();
  await ready(s.page);
  await s.page.getByTestId('unit-list').locator('.unit-list__name', { hasText: 'Thôn Đông' }).waitFor();
  assert.ok(fetched.includes('first-workspace.wasm') && !fetched.includes('split_workspace.wasm'), fetched.join(' '));
  const unexpected = s.problems.filter((p) => !/first-tong-quan|ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(p));
  assert.deepEqual(unexpected, []);
  await s.close();
});

test('the code that saves comes after the first screen: a change made before it is saved, and its failure is said', async () => {
  const s = await open(env, noWorker);
  let release;
  const held = new Promise((ok) => (release = ok));
  let blocked = true;
  await s.context.route('**/split_saving.wasm', async (route) => {
    await held;
    await (blocked ? route.abort('internetdisconnected') : route.continue());
  });
  await s.page.goto(env.server.url + '#/tong-quan');
  await ready(s.page);
  // The form is usable before the saving code is there.
  await s.page.getByLabel('Tên đơn vị').fill('Thôn Sớm');
  await s.page.getByRole('button', { name: 'Thêm đơn vị' }).click();
  await s.page.getByTestId('unit-list').locator('.unit-list__name', { hasText: 'Thôn Sớm' }).waitFor();
  // It cannot be fetched: the page says so, and nothing claims to be saved.
  release();
  const alert = s.page.locator('.banners').getByTestId('part-not-loaded');
  await alert.waitFor();
  assert.equal(await s.page.getByText('Đã lưu lúc').count(), 0);
  // Tried again, it comes, and the change made meanwhile is saved.
  blocked = false;
  await alert.getByRole('button', { name: 'Thử tải lại' }).click();
  await s.page.waitForSelector('text=Đã lưu lúc');
  assert.equal(await alert.count(), 0);
  await s.page.reload();
  await ready(s.page);
  await s.page.getByTestId('unit-list').locator('.unit-list__name', { hasText: 'Thôn Sớm' }).waitFor();
  const unexpected = s.problems.filter((p) => !/split_saving|Failed to fetch|ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(p));
  assert.deepEqual(unexpected, []);
  await s.close();
});

test('a section whose code cannot be fetched says so, the rest works, and it opens on a retry', async () => {
  const s = await open(env, noWorker);
  let blocked = true;
  // The first screen's pack too: the section is opened first.
  await s.context.route(/\/(split_rollup|first-tong-hop)\.wasm$/, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
  await s.page.goto(env.server.url + '#/tong-hop');
  const alert = s.page.getByTestId('part-not-loaded');
  await alert.waitFor();
  assert.match(await alert.innerText(), /Không tải được phần này của ứng dụng/);
  assert.equal(await alert.getAttribute('role'), 'alert');

  // The other sections and the data are untouched.
  await s.page.locator('nav a[data-route="tong-quan"]').click();
  await ready(s.page);
  await s.page.getByLabel('Tên đơn vị').fill('Thôn Đông');
  await s.page.getByRole('button', { name: 'Thêm đơn vị' }).click();
  await s.page.waitForSelector('text=Đã lưu lúc');

  await s.page.locator('nav a[data-route="tong-hop"]').click();
  await alert.waitFor();
  blocked = false;
  await alert.getByRole('button', { name: 'Thử tải lại' }).click();
  await ready(s.page);
  assert.equal(await s.page.locator('main h1').innerText(), 'Tổng hợp');
  assert.equal(await alert.count(), 0);
  // Only the blocked chunk went wrong.
  const unexpected = s.problems.filter((p) => !/split_rollup|first-tong-hop|Failed to fetch|ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(p));
  assert.deepEqual(unexpected, []);
  await s.close();
});

test('leaving a section before its code has arrived is harmless, and it opens when visited again', async () => {
  const s = await open(env, noWorker);
  // The section's code is held back until the user has left the section.
  let left;
  const hasLeft = new Promise((ok) => (left = ok));
  await s.context.route('**/split_rollup.wasm', async (route) => {
    await hasLeft;
    await route.continue();
  });
  await s.page.goto(env.server.url + '#/tong-quan');
  await ready(s.page);
  await s.page.locator('nav a[data-route="tong-hop"]').click();
  await s.page.locator('[data-section="tong-hop"] .loading').waitFor();
  await s.page.locator('nav a[data-route="tong-quan"]').click();
  await ready(s.page);
  // The chunk arrives while Tổng quan is shown: it stays, and nothing fails.
  const arrived = s.page.waitForResponse('**/split_rollup.wasm');
  left();
  await (await arrived).finished();
  // Compiled and run as it arrives; the chunk loader sets no marker, so the
  // journey looks two frames after the bytes are in (documented wait).
  await s.page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  assert.equal(await s.page.locator('main h1').innerText(), 'Tổng quan');
  s.check();
  await s.page.locator('nav a[data-route="tong-hop"]').click();
  await ready(s.page);
  assert.equal(await s.page.locator('main h1').innerText(), 'Tổng hợp');
  s.check();
  await s.close();
});

test('a server that sends .wasm as application/octet-stream still serves every section', async () => {
  const plain = await start({ types: { '.wasm': 'application/octet-stream' } });
  try {
    const s = await open(plain, noWorker);
    await s.page.goto(plain.server.url + '#/tong-quan');
    await ready(s.page);
    for (const [slug, heading] of [['tu-danh-gia', 'Tự đánh giá'], ['ngay-hoi', 'Ngày hội toàn dân bảo vệ an ninh Tổ quốc'], ['tong-hop', 'Tổng hợp'], ['du-lieu', 'Dữ liệu']]) {
      await s.page.locator(`nav a[data-route="${slug}"]`).click();
      await ready(s.page);
      assert.equal(await s.page.locator('main h1').first().innerText(), heading);
    }
    assert.equal(await s.page.getByTestId('part-not-loaded').count(), 0);
    s.check();
    await s.close();
  } finally {
    await plain.close();
  }
});

test('a page open when a new build is deployed never takes the new build’s chunks', async () => {
  // Build 2: the same files in a folder of another name, as another build's content would give.
  const second = await mkdtemp(join(tmpdir(), 'antq-dist-'));
  await cp(DIST, second, { recursive: true });
  const [folder] = (await readdir(second)).filter((name) => name.startsWith('pkg-'));
  assert.ok(folder, 'dist/ has no pkg-HASH folder');
  const other = 'pkg-0000000000000000';
  await rename(join(second, folder), join(second, other));
  const html = join(second, 'index.html');
  await writeFile(html, (await readFile(html, 'utf8')).split(`${folder}/`).join(`${other}/`));
  await addCsp(second); // the start-up script names the folder: its hash changed

  const deployed = await start();
  try {
    const s = await open(deployed, noWorker);
    // As the page asks (the server may log a request after the page has
    // shown the failure of another chunk of the same section).
    const asked = [];
    s.page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (/\/(split_rollup|first-tong-hop)\.wasm$/.test(path)) asked.push(path);
    });
    await s.page.goto(deployed.server.url + '#/tong-quan');
    await ready(s.page);
    deployed.server.setRoot(second);
    // The page still runs build 1: its chunks are asked for in build 1's folder, gone now.
    await s.page.locator('nav a[data-route="tong-hop"]').click();
    await s.page.locator('[data-section="tong-hop"]').getByTestId('part-not-loaded').waitFor();
    assert.ok(asked.length > 0 && asked.every((path) => path.includes(`/${folder}/`)), asked.join(' '));
    // Reloaded, the page is build 2, whole.
    await s.page.reload();
    await ready(s.page);
    await s.page.locator('nav a[data-route="tong-hop"]').click();
    await ready(s.page);
    assert.equal(await s.page.locator('main h1').innerText(), 'Tổng hợp');
    assert.ok(asked.some((path) => path.includes(`/${other}/`)), asked.join(' '));
    const unexpected = s.problems.filter((p) => !/split_rollup|first-tong-hop|404|Not Found|Failed to load resource/.test(p));
    assert.deepEqual(unexpected, []);
    await s.close();
  } finally {
    await deployed.close();
  }
});

test('nothing of the benchmark ships: no entry points, no chunk, nothing in the service worker', async () => {
  const s = await open(env);
  await s.page.goto(env.server.url);
  await ready(s.page);
  // The page's bindings are there, and the benchmark's are not among them.
  const bindings = await s.page.evaluate(() => Object.keys(window.wasmBindings ?? {}));
  assert.ok(bindings.length > 0, 'the bindings are exposed');
  assert.deepEqual(bindings.filter((name) => /bench/i.test(name)), []);
  const files = [];
  for (const entry of await readdir(DIST, { recursive: true })) files.push(entry);
  assert.ok(files.some((name) => /split_help\.wasm$/.test(name)), 'the sections are split');
  assert.deepEqual(files.filter((name) => /bench/i.test(name)), []);
  const worker = await readFile(join(DIST, 'sw.js'), 'utf8');
  assert.doesNotMatch(worker, /bench/i);
  assert.match(worker, /split_help\.wasm/);
  // A first visit's packs are not kept: later visits take the chunks themselves.
  assert.ok(files.some((name) => /first-tong-quan\.wasm$/.test(name)), 'the first screens are packed');
  assert.doesNotMatch(worker, /first-/);
  s.check();
  await s.close();
});
