// The commune receives a folder of village files (30 good, 3 broken),
// accepts them, reads the table and the figures, exports the CSV, prints the
// summary, finds everything again after a reload, and passes a roll-up file
// on. Every expected number is computed here from the plan of the files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, open, ready, addUnit, flushSaves } from '../harness.mjs';
import { catalogueSet, villageFile, villagePlan } from '../villages.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

const N = 30;

test('a commune rolls up thirty village files', async () => {
  const set = catalogueSet('tt124-khu-dan-cu');
  const dir = await mkdtemp(join(tmpdir(), 'antq-rollup-'));
  const paths = [];
  const plans = [];
  for (let i = 0; i < N; i++) {
    const plan = villagePlan(i);
    plans.push(plan);
    const file = villageFile({ set, index: i, ...plan });
    const path = join(dir, file.name);
    await writeFile(path, file.text);
    paths.push(path);
  }
  // Last year's files of five villages, for the year-on-year figures.
  const lastYear = [0, 1, 2, 3, 4].map((i) => ({ i, recognised: i % 2 === 0 }));
  for (const { i, recognised } of lastYear) {
    const file = villageFile({ set, index: i, year: 2024, recognised, exportedAt: '2024-11-01T08:00:00Z' });
    const path = join(dir, file.name);
    await writeFile(path, file.text);
    paths.push(path);
  }
  const recognisedLastYear = lastYear.filter((v) => v.recognised).length;
  const good = await readFile(paths[1], 'utf8');
  const broken = [
    ['cat-ngang.json', good.slice(0, good.length / 2)],
    ['sua-tay.json', good.replace('"Thôn 01"', '"Thôn 91"')],
    ['ung-dung-khac.json', JSON.stringify({ format: 'other-app', rows: [] })],
  ];
  for (const [name, text] of broken) {
    await writeFile(join(dir, name), text);
    paths.push(join(dir, name));
  }

  // What the table must show, computed from the plan.
  const failsCriterion3 = plans.filter((p) => p.fail.includes('kdc-3a')).length;
  const failsCriterion2 = plans.filter((p) => p.fail.includes('kdc-2a')).length;
  const failedOverall = plans.filter((p) => p.fail.length > 0).length;
  const recognised = plans.filter((p) => p.recognised).length;
  const passed = N - failedOverall;

  const session = await open(env);
  const { page } = session;
  await page.goto(env.server.url + '#/tong-quan');
  await ready(page);
  await addUnit(page, 'Xã Tân Lập', 'xa');
  await page.waitForSelector('text=Đã lưu lúc');
  let stored = await page.evaluate(() => localStorage.getItem('antq.workspace'));

  await page.locator('nav a[data-route="tong-hop"]').click();
  await page.getByTestId('rollup-drop-zone').waitFor();
  await page.getByLabel('Chọn một hoặc nhiều tệp JSON').setInputFiles(paths);
  await page.getByTestId('rollup-batch').getByText(`Đã nhận ${N + lastYear.length} bản ghi; 3 tệp có lỗi.`).waitFor({ timeout: 30_000 });
  const errors = page.getByTestId('rollup-file-error');
  assert.equal(await errors.count(), 3);
  await errors.filter({ hasText: 'cat-ngang.json' }).getByText('không phải JSON').waitFor();
  await errors.filter({ hasText: 'sua-tay.json' }).getByText('không khớp mã kiểm tra').waitFor();
  await errors.filter({ hasText: 'ung-dung-khac.json' }).getByText('không phải của ứng dụng').waitFor();
  assert.equal(await page.getByTestId('rollup-file').count(), N + lastYear.length);
  // Received files are kept apart: the commune's own workspace is untouched.
  assert.equal(await page.evaluate(() => localStorage.getItem('antq.workspace')), stored);

  // Before accepting, each file shows its result by its own set and the status the unit gave it.
  const firstRows = page.locator('[data-testid="rollup-file"][data-unit="Thôn 00"]');
  const results = (await firstRows.getByTestId('rollup-file-result').allTextContents()).sort();
  assert.deepEqual(results, ['Kết quả: Chưa đạt', 'Kết quả: Đạt']);
  await firstRows.first().getByTestId('rollup-file-their-status').waitFor();

  // Nothing counts before it is accepted.
  await page.getByText('Chưa có bản ghi tự đánh giá nào được chấp nhận.').waitFor();
  await page.getByTestId('rollup-accept-all').click();
  await page.getByTestId('rollup-shown').getByText(`Đang hiển thị ${N}/${N} đơn vị.`).waitFor();
  assert.equal(await page.getByTestId('rollup-row').count(), N);
  const totals = await page.getByTestId('rollup-total').allTextContents();
  assert.deepEqual(totals.map(Number), [0, failsCriterion2, failsCriterion3, 0, 0]);

  // Filter: the units failing criterion 2.
  await page.getByTestId('rollup-filter-result').selectOption('failed');
  await page.getByTestId('rollup-shown').getByText(`Đang hiển thị ${failedOverall}/${N} đơn vị.`).waitFor();
  await page.getByTestId('rollup-filter-criterion').selectOption('kdc-2');
  await page.getByTestId('rollup-shown').getByText(`Đang hiển thị ${failsCriterion2}/${N} đơn vị.`).waitFor();
  const expectedNames = plans
    .map((p, i) => (p.fail.includes('kdc-2a') ? `Thôn ${String(i).padStart(2, '0')}` : null))
    .filter(Boolean);
  const names = await page.getByTestId('rollup-row').evaluateAll((rows) => rows.map((r) => r.dataset.unit));
  assert.deepEqual(names, expectedNames);
  await page.getByTestId('rollup-filter-criterion').selectOption('');
  await page.getByTestId('rollup-filter-result').selectOption('');

  // Sorting by the number of criteria failed puts a two-failure village first.
  await page.getByTestId('rollup-sort-failed').click();
  const firstFailed = await page.getByTestId('rollup-row-failed').first().textContent();
  assert.equal(firstFailed, '2');

  // The reason of a cell, on focus, with the indicator that failed.
  const cell = page.locator('[data-testid="rollup-row"][data-unit="Thôn 03"] td[data-criterion="kdc-3"]');
  assert.equal(await cell.getAttribute('data-status'), 'failed');
  await cell.focus();
  await page.getByTestId('rollup-reason').getByText('kdc-3a').waitFor();

  // Figures: per kind, and the commune's own derived indicators.
  const kindRow = page.locator('[data-testid="rollup-kind-row"][data-kind="khu-dan-cu"]');
  assert.equal(await kindRow.getByTestId('rollup-kind-units').textContent(), String(N));
  assert.match(await kindRow.getByTestId('rollup-kind-passed').textContent(), new RegExp(`^${passed}/${N} `));
  assert.match(await kindRow.getByTestId('rollup-kind-recognised').textContent(), new RegExp(`^${recognised}/${N} `));
  const recognisedFigure = page.locator('[data-testid="rollup-derived-item"][data-indicator="xa-4b"], [data-testid="rollup-derived-item"][data-indicator="xa-4a"]');
  const figures = await recognisedFigure.getByTestId('rollup-derived-figure').allTextContents();
  assert.ok(figures.some((f) => f.startsWith(`${recognised}/${N} `)), figures.join(' | '));
  assert.ok(figures.some((f) => f.startsWith(`${N}/${N} `)), figures.join(' | '));
  // Last year beside this year.
  await page.getByTestId('rollup-kinds').getByText('Được công nhận năm 2024').waitFor();
  assert.match(await kindRow.locator('td').last().textContent(), new RegExp(`^${recognisedLastYear}/${lastYear.length} `));
  await page.getByTestId('rollup-chart-kinds').waitFor();
  await page.getByTestId('rollup-chart-failing').waitFor();

  // The CSV: UTF-8 with a byte-order mark, semicolons, one line per unit.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('rollup-csv').click()]);
  assert.equal(download.suggestedFilename(), '2025_tt124-khu-dan-cu_bang-tong-hop.csv');
  const bytes = await readFile(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').split('\r\n').filter(Boolean);
  assert.equal(lines.length, N + 1);
  assert.ok(lines[0].startsWith('Đơn vị;Loại đơn vị;Phiên bản;Kết quả chung;Số tiêu chí chưa đạt;kdc-1 '), lines[0]);
  // Sorted by failures, most first: a village failing both criteria 2 and 3.
  const both = lines.find((l) => l.startsWith('Thôn 00;'));
  assert.equal(both, 'Thôn 00;Khu dân cư (thôn, tổ dân phố…);2;Chưa đạt;2;Đạt;Chưa đạt;Chưa đạt;Đạt;Đạt');

  // The printed summary, with its signer: the commune's documents' fields,
  // kept with the commune in its workspace (the files received stay apart).
  await page.getByText('Đầu văn bản và người ký của báo cáo tổng hợp').click();
  await page.getByLabel('Họ tên người ký').fill('Nguyễn Văn An');
  await page.getByLabel('Chức vụ người ký').fill('Trưởng Công an xã');
  await page.getByLabel('Chức vụ người ký').press('Tab');
  await flushSaves(page);
  stored = await page.evaluate(() => localStorage.getItem('antq.workspace'));
  assert.deepEqual(JSON.parse(stored).units[0].document, { signer_title: 'Trưởng Công an xã', signer_name: 'Nguyễn Văn An' });
  await page.getByTestId('rollup-print').click();
  const summary = page.getByTestId('doc-preview');
  await summary.getByText('BÁO CÁO', { exact: true }).waitFor();
  await summary.getByText(`đã tiếp nhận và chấp nhận ${N} tệp của ${N} đơn vị`).waitFor();
  assert.equal(await summary.getByTestId('rollup-summary-failing').locator('li').count(), failedOverall);
  await summary.getByTestId('signature-block').getByText('Nguyễn Văn An').waitFor();
  await summary.getByTestId('signature-block').getByText('TRƯỞNG CÔNG AN XÃ').waitFor();
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('nav.nav').isVisible(), false);
  // Only the document prints: not the table or the received files around it.
  assert.equal(await page.getByTestId('rollup-files').isVisible(), false);
  assert.equal(await summary.isVisible(), true);
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: 'Quay lại' }).click();

  // Everything is still there after a reload (IndexedDB).
  await page.reload();
  await ready(page);
  await page.getByTestId('rollup-shown').getByText(`Đang hiển thị ${N}/${N} đơn vị.`).waitFor();
  await page.getByText('Đầu văn bản và người ký của báo cáo tổng hợp').click();
  assert.equal(await page.getByLabel('Họ tên người ký').inputValue(), 'Nguyễn Văn An');

  // The roll-up file for the level above.
  const [rollup] = await Promise.all([page.waitForEvent('download'), page.getByTestId('rollup-export').click()]);
  assert.equal(rollup.suggestedFilename(), '2025_xa-tan-lap_tong-hop.json');
  const doc = JSON.parse(await readFile(await rollup.path(), 'utf8'));
  assert.equal(doc.kind, 'rollup');
  assert.equal(doc.content.assessments.length, N);
  assert.equal(doc.content.criteria_sets.length, 1);
  await page.getByTestId('rollup-exported').waitFor();

  // Another unit's workspace import refuses a roll-up file and says where it goes.
  const rollupPath = join(dir, rollup.suggestedFilename());
  await writeFile(rollupPath, JSON.stringify(doc));
  await page.locator('nav a[data-route="du-lieu"]').click();
  // The section changes on the hash's event: wait for it, or the file would
  // go to Tổng hợp's picker, which has the same label.
  await page.getByTestId('drop-zone').waitFor();
  await page.getByLabel('Chọn một hoặc nhiều tệp JSON').setInputFiles(rollupPath);
  await page.getByTestId('import-error').getByText('hãy nhận ở mục Tổng hợp').waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('antq.workspace')), stored);
  // The commune's own self-assessment counts the same files: computed, not typed.
  await page.locator('nav a[data-route="tu-danh-gia"]').click();
  await page.getByLabel('Đơn vị', { exact: true }).selectOption({ label: 'Xã Tân Lập' });
  await page.getByLabel('Năm đánh giá').fill('2025');
  await page.getByTestId('start-submit').click();
  const ownReason = (id) => page.locator(`[data-indicator-id="${id}"]`).getByTestId('reason');
  await ownReason('xa-4b').getByText(new RegExp(`^${recognised}/${N} đơn vị = `)).waitFor();
  await ownReason('xa-4a').getByText(new RegExp(`^${N}/${N} đơn vị = 100% ≥ 100%`)).waitFor();
  await page.locator('[data-indicator-id="xa-4b"]').getByTestId('derived-live').waitFor();
  assert.equal(await page.locator('#input-xa-4b-num').count(), 0, 'a computed figure is not an input');
  // Its companion: a figure typed by hand is an input.
  assert.ok((await page.locator('[data-indicator-id="xa-1c"] input').count()) > 0);
  session.check();
  await session.close();
});

test('a province officer pages through 120 files and keeps the keyboard in the list', async () => {
  const M = 120;
  const set = catalogueSet('tt124-khu-dan-cu');
  const plans = Array.from({ length: M }, (_, i) => villagePlan(i));
  const dir = await mkdtemp(join(tmpdir(), 'antq-pages-'));
  const paths = [];
  for (const [i, plan] of plans.entries()) {
    const file = villageFile({ set, index: i, ...plan });
    paths.push(join(dir, file.name));
    await writeFile(paths.at(-1), file.text);
  }
  const session = await open(env);
  const { page } = session;
  await page.goto(env.server.url + '#/tong-hop');
  await page.getByTestId('rollup-drop-zone').waitFor();
  await page.getByLabel('Chọn một hoặc nhiều tệp JSON').setInputFiles(paths);
  await page.getByTestId('rollup-batch').getByText(`Đã nhận ${M} bản ghi`).waitFor({ timeout: 60_000 });

  // The files: fifty to a page, the rest on the pages after.
  const files = page.getByTestId('rollup-file');
  const filesPage = page.getByTestId('rollup-files-page');
  await filesPage.getByText(`Trang 1/3: 1–50 trong ${M}`).waitFor();
  assert.equal(await files.count(), 50);
  assert.equal(await files.first().getAttribute('data-unit'), 'Thôn 00');
  const previous = page.getByTestId('rollup-files-previous');
  assert.equal(await previous.getAttribute('aria-disabled'), 'true');
  const next = page.getByTestId('rollup-files-next');
  await next.focus();
  await page.keyboard.press('Enter');
  await filesPage.getByText(`Trang 2/3: 51–100 trong ${M}`).waitFor();
  assert.equal(await files.first().getAttribute('data-unit'), 'Thôn 50');
  await page.keyboard.press('Enter');
  await filesPage.getByText(`Trang 3/3: 101–120 trong ${M}`).waitFor();
  assert.equal(await files.count(), M - 100);
  // At the last page the button says so and keeps the focus; pressing it again changes nothing.
  assert.equal(await next.getAttribute('aria-disabled'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'rollup-files-next');
  await page.keyboard.press('Enter');
  await filesPage.getByText(`Trang 3/3: 101–120 trong ${M}`).waitFor();
  assert.equal(await previous.getAttribute('aria-disabled'), null);

  // The table: the same pages; a filter starts again from its first page.
  await page.getByTestId('rollup-accept-all').click();
  await page.getByTestId('rollup-shown').getByText(`Đang hiển thị ${M}/${M} đơn vị.`).waitFor();
  const rows = page.getByTestId('rollup-row');
  assert.equal(await rows.count(), 50);
  await page.getByTestId('rollup-table-next').click();
  await page.getByTestId('rollup-table-page').getByText(`Trang 2/3: 51–100 trong ${M}`).waitFor();
  const failed = plans.filter((p) => p.fail.length > 0).length;
  await page.getByTestId('rollup-filter-result').selectOption('failed');
  await page.getByTestId('rollup-shown').getByText(`Đang hiển thị ${failed}/${M} đơn vị.`).waitFor();
  await page.getByTestId('rollup-table-page').getByText(`Trang 1/2: 1–50 trong ${failed}`).waitFor();
  assert.equal(await rows.count(), 50);
  assert.equal(await rows.first().getAttribute('data-unit'), 'Thôn 00');
  // Fewer rows than a page: no page controls, every row shown.
  await page.getByTestId('rollup-filter-criterion').selectOption('kdc-2');
  const failsCriterion2 = plans.filter((p) => p.fail.includes('kdc-2a')).length;
  await page.getByTestId('rollup-shown').getByText(`Đang hiển thị ${failsCriterion2}/${M} đơn vị.`).waitFor();
  assert.equal(await rows.count(), failsCriterion2);
  assert.equal(await page.getByTestId('rollup-table-page').count(), 0);
  session.check();
  await session.close();
});
