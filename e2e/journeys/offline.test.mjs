// Offline use: the service worker precaches the build, the app then works
// with no network (deep links included), and a new build is offered, not forced.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, open, ready, DIST } from '../harness.mjs';
import { addCsp, finalize } from '../../scripts/post-build.mjs';

const SECTIONS = [
  ['tong-quan', 'Tổng quan'],
  ['tu-danh-gia', 'Tự đánh giá'],
  ['ngay-hoi', 'Ngày hội toàn dân bảo vệ an ninh Tổ quốc'],
  ['tong-hop', 'Tổng hợp'],
  ['du-lieu', 'Dữ liệu'],
  ['huong-dan', 'Hướng dẫn'],
];

const envs = [];
after(async () => {
  for (const env of envs) await env.close();
});

/** A copy of dist/ that a test may change without touching the real build. */
async function copyOfDist() {
  const dir = await mkdtemp(join(tmpdir(), 'antq-dist-'));
  await cp(DIST, dir, { recursive: true });
  return dir;
}

async function untilControlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, {
    timeout: 20_000,
  });
}

async function addUnit(page, name) {
  await page.getByLabel('Tên đơn vị').fill(name);
  await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
  await page.getByTestId('unit-list').locator('.unit-list__name', { hasText: name }).waitFor();
  await page.waitForSelector('text=Đã lưu lúc');
}

async function offlineJourney(base) {
  const env = await start({ root: await copyOfDist(), base });
  envs.push(env);
  const s = await open(env);
  await s.page.goto(env.server.url + '#/tong-quan');
  await ready(s.page);
  await untilControlled(s.page);
  const seenOnline = env.server.requests.length;

  await s.context.setOffline(true);
  await s.page.goto(env.server.url + '#/ngay-hoi');
  await s.page.waitForSelector('[data-section="ngay-hoi"]');
  for (const [slug, heading] of SECTIONS) {
    await s.page.locator(`nav a[data-route="${slug}"]`).click();
    await s.page.waitForSelector(`[data-section="${slug}"]`);
    assert.equal(await s.page.locator('main h1').first().innerText(), heading);
  }
  // The criteria library and its embedded sets work offline too.
  await s.page.locator('nav a[data-route="tu-danh-gia"]').click();
  await s.page.locator('[data-set-id="tt124-khu-dan-cu"] button').click();
  await s.page.getByTestId('set-view').getByText('Điều 4, khoản 5').first().waitFor();

  await s.page.locator('nav a[data-route="tong-quan"]').click();
  await addUnit(s.page, 'Thôn Ngoại Tuyến');
  await s.page.reload();
  await ready(s.page);
  await s.page.getByTestId('unit-list').locator('.unit-list__name', { hasText: 'Thôn Ngoại Tuyến' }).waitFor();
  // A visit the service worker serves asks for the first screen's chunks
  // themselves, from its cache, not for a first visit's pack.
  const preloaded = await s.page.evaluate(() => [...document.querySelectorAll('link[rel="preload"][as="fetch"]')].map((l) => l.href.split('/').pop()));
  assert.ok(preloaded.includes('split_overview.wasm') && preloaded.includes('split_workspace.wasm'), preloaded.join(' '));
  assert.equal(await s.page.evaluate(() => typeof globalThis.antqFirstScreen), 'undefined');
  assert.equal(env.server.requests.length, seenOnline, 'the server was asked for something while offline');
  s.check();
  await s.close();
}

test('after one visit the app works offline under a deep sub-path, and keeps what was made offline', async () => {
  await offlineJourney('/a/deeper/path/');
});

test('the same build works offline from the root of a server', async () => {
  await offlineJourney('/');
});

test('the Word code is fetched only by whom asks for a Word file, and kept for offline use from then on', async () => {
  const root = await copyOfDist();
  const env = await start({ root, base: '/a/b/antq/' });
  envs.push(env);
  const s = await open(env);
  await s.page.goto(env.server.url + '#/tong-quan');
  await ready(s.page);
  await untilControlled(s.page);
  await addUnit(s.page, 'Xã Ngoại Tuyến');
  const word = () => env.server.requests.filter((path) => path.endsWith('/split_word.wasm')).length;
  const excel = () => env.server.requests.filter((path) => path.endsWith('/split_excel.wasm')).length;
  // The service worker precached every section, not the Word and Excel code.
  const sw = await readFile(join(root, 'sw.js'), 'utf8');
  assert.match(sw, /split_word\.wasm/);
  assert.equal(word(), 0);
  assert.equal(excel(), 0);
  assert.ok(env.server.requests.some((path) => path.endsWith('/split_festival.wasm')));

  // Asked for, it is fetched.
  await s.page.locator('nav a[data-route="ngay-hoi"]').click();
  await s.page.getByLabel('Năm tổ chức').fill('2026');
  await s.page.getByTestId('festival-create').getByRole('button', { name: 'Lập kế hoạch' }).click();
  await s.page.getByTestId('festival-plan').getByRole('tab', { name: 'In và xuất' }).click();
  const download = async () => {
    await s.page.getByRole('button', { name: 'Xem và in Kế hoạch' }).click();
    const doc = s.page.getByTestId('doc-preview');
    const [file] = await Promise.all([s.page.waitForEvent('download'), doc.getByTestId('doc-word').click()]);
    await doc.getByRole('button', { name: 'Quay lại' }).click();
    return file.suggestedFilename();
  };
  // Asked for offline before it was ever fetched: said so, nothing breaks.
  await s.context.setOffline(true);
  await s.page.getByRole('button', { name: 'Xem và in Kế hoạch' }).click();
  const doc = s.page.getByTestId('doc-preview');
  await doc.getByTestId('doc-word').click();
  await doc.getByRole('alert').getByText('Không tạo được tệp Word. Nếu đang ngoại tuyến').waitFor();
  await doc.getByRole('button', { name: 'Quay lại' }).click();
  await s.context.setOffline(false);
  assert.equal(await download(), 'ke-hoach-ngay-hoi_xa-ngoai-tuyen_2026.docx');
  assert.equal(word(), 1);
  assert.equal(excel(), 0);

  // Offline, after a reload: the Word file is still made, from the cache.
  await s.context.setOffline(true);
  await s.page.reload();
  await ready(s.page);
  const seen = env.server.requests.length;
  await s.page.getByTestId('festival-plan').getByRole('tab', { name: 'In và xuất' }).click();
  assert.equal(await download(), 'ke-hoach-ngay-hoi_xa-ngoai-tuyen_2026.docx');
  assert.equal(env.server.requests.length, seen);
  // The one failed fetch, while offline, is all that went wrong.
  const unexpected = s.problems.filter((p) => !/split_word|Failed to fetch|ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(p));
  assert.deepEqual(unexpected, []);
  await s.close();
});

test('a new build is offered, applied only on request, and the data survives it', async () => {
  const first = await copyOfDist();
  const env = await start({ root: first, base: '/a/b/antq/' });
  envs.push(env);
  const s = await open(env);
  await s.page.goto(env.server.url);
  await ready(s.page);
  await untilControlled(s.page);
  await addUnit(s.page, 'Tổ dân phố Cập Nhật');
  const oldVersion = (await readFile(join(first, 'sw.js'), 'utf8')).match(/const VERSION = '([0-9a-f]+)'/)[1];

  // Deploy a new build: same file names, different bytes, a new sw.js.
  const second = await copyOfDist();
  const html = join(second, 'index.html');
  await writeFile(html, (await readFile(html, 'utf8')).replace('</body>', '<!-- build 2 --></body>'));
  const newVersion = await finalize(second);
  assert.notEqual(newVersion, oldVersion);
  env.server.setRoot(second);

  await s.page.reload();
  await ready(s.page);
  const banner = s.page.getByTestId('update-available');
  await banner.getByText('Có phiên bản mới, tải lại').waitFor({ timeout: 20_000 });
  // Nothing is applied behind the user's back: the old version still serves the page.
  let caches = await s.page.evaluate(() => caches.keys());
  assert.ok(caches.includes(`antq-${oldVersion}`), caches.join());

  await Promise.all([s.page.waitForEvent('load'), banner.getByRole('button', { name: 'Tải lại' }).click()]);
  await ready(s.page);
  await s.page.getByTestId('unit-list').locator('.unit-list__name', { hasText: 'Tổ dân phố Cập Nhật' }).waitFor();
  await s.page.waitForFunction((v) => caches.keys().then((keys) => keys.includes(`antq-${v}`)), newVersion);
  caches = await s.page.evaluate(() => caches.keys());
  assert.deepEqual(caches, [`antq-${newVersion}`]);
  assert.equal(await s.page.getByTestId('update-available').count(), 0);
  s.check();
  await s.close();
});

test('the web app manifest names the app in Vietnamese and every icon it lists exists', async () => {
  const env = await start({ root: DIST, base: '/a/b/antq/' });
  envs.push(env);
  const s = await open(env);
  await s.page.goto(env.server.url);
  await ready(s.page);
  const href = await s.page.getAttribute('link[rel="manifest"]', 'href');
  const manifest = await s.page.evaluate(async (url) => (await fetch(url)).json(), href);
  assert.equal(manifest.lang, 'vi');
  assert.equal(manifest.short_name, 'antq');
  assert.match(manifest.name, /An toàn về an ninh, trật tự/);
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.display, 'standalone');
  const sizes = manifest.icons.map((icon) => icon.sizes);
  assert.ok(sizes.includes('192x192') && sizes.includes('512x512') && sizes.includes('any'));
  for (const icon of manifest.icons) {
    const status = await s.page.evaluate(async (url) => (await fetch(url)).status, icon.src);
    assert.equal(status, 200, icon.src);
  }
  assert.equal(await s.page.getAttribute('meta[name="theme-color"]', 'content'), '#a4161a');
  const csp = await s.page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /unsafe-inline|https?:/);
  s.check();
  await s.close();
});

test('a development build lets the live-reload script that Trunk adds as it serves run, a release build does not', async () => {
  // What `trunk serve` does after the hooks: an inline script in the page.
  const reload = '<script>window.__reloadScriptRan = true;</script>';
  const ran = async (development) => {
    const dir = await copyOfDist();
    await addCsp(dir, { development });
    const html = await readFile(join(dir, 'index.html'), 'utf8');
    await writeFile(join(dir, 'index.html'), html.replace('</body>', `${reload}</body>`));
    const env = await start({ root: dir });
    envs.push(env);
    const s = await open(env);
    await s.page.goto(env.server.url + '#/tong-quan');
    await ready(s.page);
    const result = await s.page.evaluate(() => window.__reloadScriptRan === true);
    await s.close();
    return { result, problems: s.problems };
  };
  const dev = await ran(true);
  assert.equal(dev.result, true);
  assert.deepEqual(dev.problems, []);
  const release = await ran(false);
  assert.equal(release.result, false);
  assert.ok(release.problems.some((p) => p.includes('CSP violation')), release.problems.join('\n'));
});
