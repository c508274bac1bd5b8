// Journeys through the shell: sections, deep links, units, language, saving.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { start, open, ready } from '../harness.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

const SECTIONS = [
  ['tong-quan', 'Tổng quan', 'Tổng quan'],
  ['tu-danh-gia', 'Tự đánh giá', 'Tự đánh giá'],
  ['ngay-hoi', 'Ngày hội', 'Ngày hội toàn dân bảo vệ an ninh Tổ quốc'],
  ['tong-hop', 'Tổng hợp', 'Tổng hợp'],
  ['du-lieu', 'Dữ liệu', 'Dữ liệu'],
  ['huong-dan', 'Hướng dẫn', 'Hướng dẫn'],
];

/** The name of a unit in the list, matched whole. */
function unitNamed(page, name) {
  return page.getByTestId('unit-list').locator('.unit-list__name').getByText(name, { exact: true });
}

async function addUnit(page, name, kind = 'khu-dan-cu') {
  await page.getByLabel('Tên đơn vị').fill(name);
  await page.getByLabel('Loại đơn vị').selectOption(kind);
  await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
}

test('every section opens from the navigation, in Vietnamese, under a deep sub-path', async () => {
  const s = await open(env);
  await s.page.goto(env.server.url);
  await ready(s.page);
  assert.equal(await s.page.getAttribute('html', 'lang'), 'vi');
  for (const [slug, link, heading] of SECTIONS) {
    await s.page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
    await s.page.waitForSelector(`[data-section="${slug}"]`);
    assert.equal(new URL(s.page.url()).hash, `#/${slug}`);
    assert.equal(await s.page.locator('main h1').innerText(), heading);
    assert.equal(
      await s.page.locator(`nav a[data-route="${slug}"]`).getAttribute('aria-current'),
      'page',
    );
  }
  // Every request stayed on the local server, under the sub-path.
  assert.ok(env.server.requests.every((path) => path.startsWith('/a/b/antq/')), env.server.requests.join('\n'));
  s.check();
  await s.close();
});

test('a deep link survives a reload', async () => {
  const s = await open(env);
  await s.page.goto(env.server.url + '#/ngay-hoi');
  await s.page.waitForSelector('[data-section="ngay-hoi"]');
  await s.page.reload();
  await s.page.waitForSelector('[data-section="ngay-hoi"]');
  assert.equal(await s.page.locator('main h1').innerText(), 'Ngày hội toàn dân bảo vệ an ninh Tổ quốc');
  s.check();
  await s.close();
});

test('a unit created is found after a reload, and can be renamed and deleted', async () => {
  const s = await open(env);
  await s.page.goto(env.server.url + '#/tong-quan');
  await ready(s.page);
  // Typed with combining marks (another keyboard), shown and kept precomposed.
  await addUnit(s.page, 'Xã Tân Lập');
  await addUnit(s.page, 'Thôn Hie\u0302\u0301u');
  await s.page.waitForSelector('text=Đã lưu lúc');
  await s.page.reload();
  await ready(s.page);
  const list = s.page.getByTestId('unit-list');
  await unitNamed(s.page, 'Thôn Hiếu').waitFor();
  assert.equal(await s.page.locator('#active-unit option:checked').innerText(), 'Xã Tân Lập');

  // Rename.
  await s.page.getByRole('button', { name: 'Sửa Thôn Hiếu' }).click();
  await s.page.getByLabel('Tên đơn vị').fill('Thôn Hiếu Trung');
  await s.page.getByLabel('Thuộc đơn vị (trong ứng dụng)').selectOption({ label: 'Xã Tân Lập' });
  await s.page.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await unitNamed(s.page, 'Thôn Hiếu Trung').waitFor();
  await list.getByText('thuộc Xã Tân Lập').waitFor();

  // Delete asks first; cancelling keeps it.
  await s.page.getByRole('button', { name: 'Xóa Xã Tân Lập' }).click();
  await s.page.getByText('Xóa đơn vị «Xã Tân Lập»? Việc này không thể hoàn tác.').waitFor();
  await s.page.getByText('1 đơn vị trực thuộc sẽ được giữ lại').waitFor();
  await s.page.getByRole('button', { name: 'Hủy' }).click();
  assert.equal(await list.locator('.unit-list__item').count(), 2);
  await s.page.getByRole('button', { name: 'Xóa Xã Tân Lập' }).click();
  await s.page.getByRole('button', { name: 'Xóa hẳn' }).click();
  await s.page.getByText('Đã xóa đơn vị «Xã Tân Lập».').waitFor();
  await s.page.waitForFunction(() => !localStorage.getItem('antq.workspace').includes('"Xã Tân Lập"'));
  await s.page.reload();
  await ready(s.page);
  await unitNamed(s.page, 'Thôn Hiếu Trung').waitFor();
  assert.equal(await list.locator('.unit-list__item').count(), 1);
  s.check();
  await s.close();
});

test('an empty name is refused with a message tied to the field', async () => {
  const s = await open(env);
  await s.page.goto(env.server.url);
  await ready(s.page);
  await s.page.getByRole('button', { name: 'Thêm đơn vị' }).click();
  await s.page.getByText('Hãy nhập tên đơn vị.').waitFor();
  assert.equal(await s.page.getByLabel('Tên đơn vị').getAttribute('aria-invalid'), 'true');
  assert.equal(await s.page.locator('.unit-list__item').count(), 0);
  s.check();
  await s.close();
});

test('the language switch is remembered after a reload', async () => {
  const s = await open(env);
  await s.page.goto(env.server.url + '#/huong-dan');
  await ready(s.page);
  // The button's accessible name begins with the text it shows (WCAG 2.5.3).
  const switchButton = s.page.getByRole('button', { name: /Switch to English/ });
  assert.match(await switchButton.getAttribute('aria-label'), new RegExp(`^${(await switchButton.innerText()).trim()}`));
  await switchButton.click();
  await s.page.locator('main h1', { hasText: 'Help' }).waitFor();
  assert.equal(await s.page.getAttribute('html', 'lang'), 'en');
  await s.page.reload();
  await s.page.locator('main h1', { hasText: 'Help' }).waitFor();
  assert.equal(await s.page.getAttribute('html', 'lang'), 'en');
  await s.page.getByRole('navigation').getByRole('link', { name: 'Overview' }).waitFor();
  await s.page.getByRole('button', { name: /Switch to Vietnamese/ }).click();
  await s.page.locator('main h1', { hasText: 'Hướng dẫn' }).waitFor();
  assert.equal(await s.page.getAttribute('html', 'lang'), 'vi');
  s.check();
  await s.close();
});

test('the first-run notice says the data stays in this browser, until dismissed', async () => {
  const s = await open(env);
  await s.page.goto(env.server.url);
  await ready(s.page);
  const notice = s.page.getByTestId('storage-notice');
  await notice.getByText('Dữ liệu chỉ được lưu trong trình duyệt này').waitFor();
  await notice.getByRole('button', { name: 'Đã hiểu' }).click();
  await notice.waitFor({ state: 'detached' });
  await s.page.reload();
  await ready(s.page);
  assert.equal(await s.page.getByTestId('storage-notice').count(), 0);
  s.check();
  await s.close();
});

test('a full storage shows the error and the export button, which downloads the data', async () => {
  // Storage fills up after the page opens: every later write of the workspace fails.
  const init = () => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (String(key) === 'antq.workspace') {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return original.call(this, key, value);
    };
  };
  const s = await open(env, { init });
  await s.page.goto(env.server.url);
  await ready(s.page);
  await addUnit(s.page, 'Tổ dân phố 5');
  const banner = s.page.getByTestId('save-failed');
  await banner.getByText('Không lưu được: bộ nhớ của trình duyệt đã đầy.').waitFor();
  assert.equal(await banner.getAttribute('role'), 'alert');
  const [download] = await Promise.all([
    s.page.waitForEvent('download'),
    banner.getByRole('button', { name: 'Xuất dữ liệu ngay' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^antq_sao-luu_\d{4}-\d{2}-\d{2}\.json$/);
  const text = await readFile(await download.path(), 'utf8');
  const doc = JSON.parse(text);
  assert.equal(doc.format, 'antq');
  assert.equal(doc.kind, 'workspace');
  assert.equal(doc.schema_version, 2);
  // The checksum is of the content's bytes as the file holds them.
  const content = text.slice(text.indexOf('"content":') + '"content":'.length, text.lastIndexOf('}')).trim();
  assert.deepEqual(JSON.parse(content), doc.content);
  assert.equal(doc.checksum, createHash('sha256').update(content, 'utf8').digest('hex'));
  assert.deepEqual(doc.content.units.map((u) => u.name), ['Tổ dân phố 5']);
  s.check();
  await s.close();
});

test('the layout fits a 360 px phone without sideways scrolling', async () => {
  const s = await open(env);
  await s.page.setViewportSize({ width: 360, height: 740 });
  await s.page.goto(env.server.url);
  await ready(s.page);
  await addUnit(s.page, 'Trường Trung học phổ thông chuyên Hùng Vương, tỉnh Phú Thọ', 'co-so-giao-duc');
  const overflow = await s.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
  s.check();
  await s.close();
});

test('stored data from another app is kept aside and explained, not overwritten', async () => {
  const s = await open(env);
  await s.page.goto(env.server.url);
  await ready(s.page);
  await s.page.evaluate(() => localStorage.setItem('antq.workspace', '{"format":"other","units":[]}'));
  await s.page.reload();
  await ready(s.page);
  const banner = s.page.getByTestId('load-failed');
  await banner.getByText('Tệp không phải của ứng dụng.').waitFor();
  const kept = await s.page.evaluate(() => localStorage.getItem('antq.workspace.unreadable'));
  assert.equal(kept, '{"format":"other","units":[]}');
  s.check();
  await s.close();
});

test('the backup reminder sends to Dữ liệu from elsewhere and is not shown on Dữ liệu itself', async () => {
  const s = await open(env);
  const page = s.page;
  await page.goto(env.server.url + '#/tong-quan');
  await ready(page);
  // Twenty saves without a backup bring the reminder (each add waits for
  // its own save: saves made while typing are one).
  const reminder = page.getByTestId('backup-reminder');
  for (let n = 1; n <= 20; n += 1) {
    assert.equal(await reminder.count(), 0);
    await addUnit(page, `Thôn ${n}`);
    await page.waitForFunction((saved) => Number(localStorage.getItem('antq.revision')) >= saved, n);
  }
  await reminder.waitFor();
  assert.equal(await reminder.getByRole('link', { name: 'Đến mục Dữ liệu' }).getAttribute('href'), '#/du-lieu');
  await reminder.getByRole('link', { name: 'Đến mục Dữ liệu' }).click();
  await page.getByRole('heading', { name: 'Dữ liệu', level: 1 }).waitFor();
  await reminder.waitFor({ state: 'detached' });
  // Back elsewhere, it is there again until a backup is made.
  await page.locator('nav a[data-route="tong-quan"]').click();
  await reminder.waitFor();
  s.check();
  await s.close();
});
