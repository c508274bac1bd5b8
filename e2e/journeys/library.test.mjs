// Journeys through the criteria-set library: browse, copy, edit (an invalid
// edit refused), export and import round trip, versions, hostile files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, open, ready } from '../harness.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

function card(page, id) {
  return page.locator(`[data-set-id="${id}"]`);
}

async function openSet(page, id) {
  await card(page, id).getByRole('button', { name: /^Xem/ }).click();
  await page.getByTestId('set-view').waitFor();
}

async function gotoLibrary(s) {
  await s.page.goto(env.server.url + '#/tu-danh-gia');
  await ready(s.page);
  await s.page.getByTestId('library-list').waitFor();
}

test('every built-in set shows its source, citations and unverified items', async () => {
  const s = await open(env);
  await gotoLibrary(s);
  const ids = await s.page.locator('[data-set-id]').evaluateAll((els) => els.map((e) => e.dataset.setId));
  assert.deepEqual(ids.sort(), [
    'cong-an-phuong-kieu-mau', 'do-thi-van-minh-tieu-chi-4', 'ntm-19-2-2021-2025', 'ntm-2026-2030-tieu-chi-10',
    'ntm-nang-cao-19-2-2021-2025', 'qd510-co-quan-doanh-nghiep', 'tt124-co-quan-doanh-nghiep',
    'tt124-co-so-giao-duc', 'tt124-khu-dan-cu', 'tt124-xa-phuong',
  ]);
  await openSet(s.page, 'tt124-khu-dan-cu');
  const view = s.page.getByTestId('set-view');
  await view.getByText('Thông tư 124/2021/TT-BCA, Điều 4, khoản 3, điểm đ').waitFor();
  await view.getByText('Kỳ đánh giá: từ 01/11 năm trước đến 31/10').waitFor();
  await view.getByText('Hạn công nhận: trước 15/11').waitFor();
  // An unverified set says so in words, on the card and on each item.
  await card(s.page, 'do-thi-van-minh-tieu-chi-4').getByText(/\d+ mục chưa xác minh/).waitFor();
  await openSet(s.page, 'do-thi-van-minh-tieu-chi-4');
  assert.ok((await view.locator('[data-status="unconfirmed"]').count()) >= 5);
  await openSet(s.page, 'cong-an-phuong-kieu-mau');
  await view.getByText('Chưa có tiêu chí nào (chưa xác minh)').first().waitFor();
  s.check();
  await s.close();
});

test('a local variant is copied, an invalid edit is refused, a valid one kept after reload', async () => {
  const s = await open(env);
  await gotoLibrary(s);
  await openSet(s.page, 'tt124-xa-phuong');
  await s.page.getByRole('button', { name: 'Tạo bản địa phương' }).click();
  const editor = s.page.getByTestId('set-editor');
  await editor.waitFor();
  // The id inputs carry their value as a property; find the row by evaluating.
  const index = await editor.locator('input[id$="-id"]').evaluateAll((els) => els.findIndex((e) => e.value === 'xa-4b'));
  assert.ok(index >= 0);
  const threshold = editor.locator('.set-editor__indicator').nth(index).getByLabel('Ngưỡng');
  await threshold.fill('170');
  await threshold.blur();
  await editor.getByRole('button', { name: 'Lưu bộ tiêu chí' }).click();
  const problems = s.page.getByTestId('editor-problems');
  await problems.getByText('Chưa lưu: bộ tiêu chí có 1 lỗi.').waitFor();
  await problems.getByText('groups[0].criteria[3].indicators[1].kind.threshold: tỷ lệ 170% lớn hơn 100%.').waitFor();

  // A duplicate id is refused too, naming the id.
  const ids = editor.locator('input[id$="-id"]');
  await ids.nth(1).fill('xa-1a');
  await threshold.fill('80');
  await threshold.blur();
  await editor.getByRole('button', { name: 'Lưu bộ tiêu chí' }).click();
  await problems.getByText('mã «xa-1a» bị trùng').waitFor();
  await ids.nth(1).fill('xa-1b');
  // An indicator added takes an id of its own after its criterion's; removed, it is gone.
  const rows = editor.locator('.set-editor__indicator');
  const before = await rows.count();
  const idsNow = () => ids.evaluateAll((els) => els.map((e) => e.value));
  await editor.locator('.set-editor__criterion').first().getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
  await s.page.waitForFunction((n) => document.querySelectorAll('.set-editor__indicator').length === n, before + 1);
  const added = (await idsNow()).indexOf('xa-1-moi-1');
  assert.ok(added > 0, (await idsNow()).join(' '));
  assert.equal(await rows.nth(added).getByLabel('Cách đánh giá').inputValue(), 'yes_no');
  await rows.nth(added).getByRole('button', { name: 'Xóa', exact: true }).click();
  await s.page.waitForFunction((n) => document.querySelectorAll('.set-editor__indicator').length === n, before);
  assert.ok(!(await idsNow()).includes('xa-1-moi-1'));
  await editor.getByLabel('Tên bộ tiêu chí').fill('Xã an toàn (tỉnh Phú Thọ)');
  await editor.getByRole('button', { name: 'Lưu bộ tiêu chí' }).click();
  const view = s.page.getByTestId('set-view');
  await view.getByText('Tỷ lệ đơn vị trực thuộc được công nhận ≥ 80%').waitFor();
  await s.page.waitForSelector('text=Đã lưu lúc');
  await s.page.reload();
  await ready(s.page);
  await card(s.page, 'tt124-xa-phuong-dia-phuong').locator('.library__card-title', { hasText: 'Xã an toàn (tỉnh Phú Thọ)' }).waitFor();
  await openSet(s.page, 'tt124-xa-phuong-dia-phuong');
  await view.getByText('Tỷ lệ đơn vị trực thuộc được công nhận ≥ 80%').waitFor();
  await view.getByText('Sao từ bộ «tt124-xa-phuong» phiên bản 2').waitFor();
  // The built-in set is untouched.
  await openSet(s.page, 'tt124-xa-phuong');
  await view.getByText('Tỷ lệ đơn vị trực thuộc được công nhận ≥ 70%').waitFor();
  s.check();
  await s.close();
});

test('a set exported, deleted and imported again comes back; again is "đã có"; a newer version upgrades', async () => {
  const s = await open(env);
  await gotoLibrary(s);
  await openSet(s.page, 'tt124-khu-dan-cu');
  await s.page.getByRole('button', { name: 'Tạo bản địa phương' }).click();
  await s.page.getByTestId('set-editor').getByRole('button', { name: 'Lưu bộ tiêu chí' }).click();
  const view = s.page.getByTestId('set-view');
  const [download] = await Promise.all([
    s.page.waitForEvent('download'),
    view.getByRole('button', { name: 'Xuất tệp JSON' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'bo-tieu-chi_tt124-khu-dan-cu-dia-phuong_v1.json');
  const text = await readFile(await download.path(), 'utf8');
  const doc = JSON.parse(text);
  assert.equal(doc.format, 'antq');
  assert.equal(doc.kind, 'criteria_set');
  assert.deepEqual(doc.criteria_set, { id: 'tt124-khu-dan-cu-dia-phuong', version: 1 });
  assert.equal(doc.content.variant_of.id, 'tt124-khu-dan-cu');

  await view.getByRole('button', { name: 'Xóa bộ này' }).first().click();
  await s.page.getByRole('group').getByRole('button', { name: 'Xóa bộ này' }).click();
  await card(s.page, 'tt124-khu-dan-cu-dia-phuong').waitFor({ state: 'detached' });

  const dir = await mkdtemp(join(tmpdir(), 'antq-'));
  const file = join(dir, 'bo.json');
  await writeFile(file, text);
  const input = s.page.getByLabel('Chọn tệp JSON');
  await input.setInputFiles(file);
  const decision = s.page.getByTestId('import-decision');
  await decision.getByText('chưa có. Thêm vào thư viện?').waitFor();
  await decision.getByRole('button', { name: 'Đồng ý' }).click();
  await card(s.page, 'tt124-khu-dan-cu-dia-phuong').waitFor();

  await input.setInputFiles(file);
  await decision.getByText('Đã có: bộ «tt124-khu-dan-cu-dia-phuong» phiên bản 1 đã có trong thư viện.').waitFor();
  assert.equal(await decision.getByRole('button', { name: 'Đồng ý' }).count(), 0);

  const newer = join(dir, 'bo-v2.json');
  // A first-release file (a bare set, without envelope) still opens.
  await writeFile(newer, JSON.stringify({ format: 'antq.criteria-set', schema_version: 1, ...doc.content, version: 2 }));
  await input.setInputFiles(newer);
  await decision.getByText('phiên bản 2 mới hơn').waitFor();
  await decision.getByRole('button', { name: 'Đồng ý' }).click();
  await card(s.page, 'tt124-khu-dan-cu-dia-phuong').locator('.library__card-meta', { hasText: 'phiên bản 2' }).waitFor();
  s.check();
  await s.close();
});

test('files that are not criteria sets are refused with a clear message and nothing changes', async () => {
  const s = await open(env);
  await gotoLibrary(s);
  const dir = await mkdtemp(join(tmpdir(), 'antq-'));
  const cases = [
    ['hong.json', '{"format": "antq.criteria-set", ', 'Tệp không phải JSON hợp lệ'],
    ['khac.json', '{"type": "excalidraw", "elements": []}', 'Tệp không phải của ứng dụng.'],
    ['moi.json', '{"format": "antq.criteria-set", "schema_version": 9}', 'Tệp được tạo bởi phiên bản mới hơn'],
    ['doc.json', JSON.stringify({ format: 'antq.criteria-set', schema_version: 1, id: 'x', version: 1, title: { vi: '<img src=x onerror=alert(1)>' }, applies_to: ['xa'], legal_basis: [], groups: [{ id: 'g', label: { vi: '' }, criteria: [] }] }), 'groups[0].label.vi: không được để trống.'],
  ];
  const before = await card(s.page, 'tt124-xa-phuong').count() + (await s.page.locator('[data-set-id]').count());
  for (const [name, body, message] of cases) {
    const file = join(dir, name);
    await writeFile(file, body);
    await s.page.getByLabel('Chọn tệp JSON').setInputFiles(file);
    const failed = s.page.getByTestId('import-failed');
    await failed.getByText(message).waitFor();
    await failed.getByText(`Không nhập được tệp «${name}»`).waitFor();
  }
  assert.equal(await card(s.page, 'tt124-xa-phuong').count() + (await s.page.locator('[data-set-id]').count()), before);
  assert.equal(await s.page.locator('img[src=x]').count(), 0);
  s.check();
  await s.close();
});
