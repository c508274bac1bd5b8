// Files between units: a village exports its assessment, the commune imports
// it after a preview and can undo; a bad file changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, open, ready, addUnit, flushSaves } from '../harness.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

test('a village assessment goes to the commune, previewed, applied and undone', async () => {
  const village = await open(env);
  let page = village.page;
  await page.goto(env.server.url + '#/tong-quan');
  await ready(page);
  await page.getByLabel('Tên đơn vị').fill('Thôn Đồng');
  await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
  await page.locator('nav a[data-route="tu-danh-gia"]').click();
  await page.getByLabel('Năm đánh giá').fill('2025');
  await page.getByTestId('start-submit').click();
  await page.locator('#input-kdc-3a-count').fill('0');
  await page.locator('nav a[data-route="du-lieu"]').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-record').click()]);
  assert.equal(download.suggestedFilename(), '2025_thon-dong_tu-danh-gia.json');
  await page.getByTestId('export-summary').getByText('1 bản tự đánh giá, 5 tiêu chí, 1 câu trả lời').waitFor();
  const text = await readFile(await download.path(), 'utf8');
  const doc = JSON.parse(text);
  assert.equal(doc.kind, 'assessment');
  assert.equal(doc.unit.name, 'Thôn Đồng');
  assert.equal(doc.criteria_set.id, 'tt124-khu-dan-cu');
  village.check();
  await village.close();

  const dir = await mkdtemp(join(tmpdir(), 'antq-'));
  const file = join(dir, '2025_thon-dong_tu-danh-gia.json');
  await writeFile(file, text);
  const commune = await open(env);
  page = commune.page;
  await page.goto(env.server.url + '#/tong-quan');
  await ready(page);
  await addUnit(page, 'Xã Tân Lập', 'xa');
  await page.waitForSelector('text=Đã lưu lúc');
  await page.locator('nav a[data-route="du-lieu"]').click();
  const stored = await page.evaluate(() => localStorage.getItem('antq.workspace'));

  // A damaged file: refused, and storage is byte-for-byte as it was.
  const bad = join(dir, 'hong.json');
  await writeFile(bad, text.replace('Thôn Đồng', 'Thôn Đông'));
  await page.getByLabel('Chọn một hoặc nhiều tệp JSON').setInputFiles(bad);
  await page.getByTestId('import-error').getByText('Nội dung tệp không khớp mã kiểm tra').waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('antq.workspace')), stored);

  await page.getByLabel('Chọn một hoặc nhiều tệp JSON').setInputFiles(file);
  const preview = page.getByTestId('import-preview');
  await preview.getByText('Thôn Đồng: Mới: sẽ thêm').waitFor();
  await preview.getByText('Thôn Đồng 2025: Mới: sẽ thêm').waitFor();
  // A save waiting for its pause would be written by leaving the page.
  await flushSaves(page);
  assert.equal(await page.evaluate(() => localStorage.getItem('antq.workspace')), stored, 'the preview stored something');
  await page.getByTestId('import-apply').click();
  await page.getByTestId('import-notice').getByText('Đã nhập 2 thay đổi.').waitFor();
  await page.locator('nav a[data-route="tu-danh-gia"]').click();
  await page.locator('[data-assessment-id]', { hasText: 'Thôn Đồng' }).waitFor();

  // The undo stays offered until the next import, across a reload (IndexedDB).
  await page.reload();
  await ready(page);
  await page.locator('nav a[data-route="du-lieu"]').click();
  await page.getByTestId('import-undo').click();
  await page.getByTestId('import-notice').getByText('Đã hoàn tác').waitFor();
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('antq.workspace')).units.length === 1);
  const afterUndo = JSON.parse(await page.evaluate(() => localStorage.getItem('antq.workspace')));
  assert.deepEqual(afterUndo.units.map((u) => u.name), ['Xã Tân Lập']);
  assert.equal(afterUndo.assessments.length, 0);
  commune.check();
  await commune.close();
});

test('a file claiming a newer built-in set is offered only as a local variant, never by default', async () => {
  const { catalogueSet, villageFile } = await import('../villages.mjs');
  // "Version 99" of the residential-area set, every threshold at 0%.
  const lax = catalogueSet('tt124-khu-dan-cu');
  lax.version = 99;
  for (const group of lax.groups) {
    for (const criterion of group.criteria) {
      for (const indicator of criterion.indicators) {
        if (indicator.kind.type === 'percent') indicator.kind.threshold = 0;
      }
    }
  }
  const file = villageFile({ set: lax, index: 1 });
  const dir = await mkdtemp(join(tmpdir(), 'antq-'));
  const path = join(dir, file.name);
  await writeFile(path, file.text);
  const s = await open(env);
  const page = s.page;
  await page.goto(env.server.url + '#/du-lieu');
  await ready(page);
  await page.getByLabel('Chọn một hoặc nhiều tệp JSON').setInputFiles(path);
  const preview = page.getByTestId('import-preview');
  await preview.getByText(/v99 → tt124-khu-dan-cu-dia-phuong: Dùng mã của một bộ có sẵn/).waitFor();
  // The unit is new and applied by default; the set and the assessment made with it are not.
  await preview.getByText('Thôn 01: Mới: sẽ thêm').waitFor();
  await page.getByTestId('import-apply').click();
  await page.getByTestId('import-notice').getByText('Đã nhập 1 thay đổi.').waitFor();
  await page.waitForFunction(() => (JSON.parse(localStorage.getItem('antq.workspace') || '{}').units || []).length === 1);
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('antq.workspace')));
  assert.deepEqual(stored.criteria_sets, []);
  assert.deepEqual(stored.assessments, []);
  // Chosen on purpose, the set and its assessment arrive under the local id.
  await page.getByLabel('Chọn một hoặc nhiều tệp JSON').setInputFiles(path);
  const choices = page.getByTestId('import-preview').locator('li[data-decision="local-variant"] input[type=checkbox]');
  // The preview comes once the file is read: wait for it before counting.
  await choices.first().waitFor();
  assert.equal(await choices.count(), 2);
  for (const choice of await choices.all()) await choice.check();
  await page.getByTestId('import-apply').click();
  await page.getByTestId('import-notice').getByText('Đã nhập 2 thay đổi.').waitFor();
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('antq.workspace')).assessments.length === 1);
  const chosen = JSON.parse(await page.evaluate(() => localStorage.getItem('antq.workspace')));
  assert.deepEqual(chosen.criteria_sets.map((set) => [set.id, set.version]), [['tt124-khu-dan-cu-dia-phuong', 1]]);
  assert.deepEqual(chosen.assessments[0].set, { id: 'tt124-khu-dan-cu-dia-phuong', version: 1 });
  s.check();
  await s.close();
});
