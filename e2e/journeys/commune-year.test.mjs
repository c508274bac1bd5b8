// The commune's year (issue 21): five village files arrive, two of them from
// one village set up in two browsers, one with a problem; the officer matches
// each to the commune's own village, reviews it read-only, accepts it and
// records the chairman's decision; the commune's own self-assessment then
// counts the same units as Tổng hợp, naming those it does not count and the
// one out of scope; a decision file goes back down and the village shows its
// recognition without retyping.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, open, ready, addUnit, startAssessment, reason } from '../harness.mjs';
import { catalogueSet, onDisk, villageFile } from '../villages.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

const SCHOOL = 'Trường Mầm non Hoa Sen';

/** Opens a received file for review; focus lands on its heading. */
async function openFile(page, unit, nth = 0) {
  await page.locator(`[data-testid="rollup-file"][data-unit="${unit}"]`).nth(nth).getByTestId('rollup-open').click();
  const review = page.getByTestId('rollup-review');
  await review.getByRole('heading', { name: new RegExp(`${unit} · 2025`) }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'rollup-review-title');
  return review;
}

async function confirmUnit(review, unit) {
  await review.getByTestId('rollup-identity').getByText(`có vẻ là đơn vị «${unit}» của bạn`, { exact: false }).waitFor();
  await review.getByTestId('rollup-identity-confirm').click();
  await review.getByTestId('rollup-identity').getByText(`Tệp này được tính cho đơn vị: ${unit}.`).waitFor();
}

async function close(page) {
  await page.getByTestId('rollup-review-close').click();
  await page.getByTestId('rollup-review').waitFor({ state: 'detached' });
}

async function decide(review, { recognised, number, note = '' }) {
  await review.getByTestId(recognised ? 'rollup-decision-yes' : 'rollup-decision-no').check();
  await review.getByTestId('rollup-decision-number').fill(number);
  await review.getByTestId('rollup-decision-on').fill('2025-11-10');
  await review.getByTestId('rollup-decision-signer').fill('Nguyễn Văn An, Chủ tịch UBND xã');
  await review.getByTestId('rollup-decision-note').fill(note);
  await review.getByTestId('rollup-decision-save').click();
}

test('five village files become the commune’s figures, and the decision goes back down', async () => {
  const set = catalogueSet('tt124-khu-dan-cu');
  const dir = await mkdtemp(join(tmpdir(), 'antq-commune-'));
  const paths = await onDisk([
    villageFile({ set, index: 0 }),
    villageFile({ set, index: 1 }),
    // The same village, set up again in another browser: another id, a later export.
    villageFile({ set, index: 1, unitId: 'u-thon-1-may-2', exportedAt: '2025-11-05T08:00:00Z', fail: ['kdc-2a'] }),
    villageFile({ set, index: 2 }),
    villageFile({ set, index: 3 }),
  ]);

  const s = await open(env);
  const { page } = s;
  await page.goto(env.server.url + '#/tong-quan');
  await ready(page);
  // The commune keeps its own list of villages (made here, with ids of its own) and a kindergarten.
  await addUnit(page, 'Xã Tân Lập', 'xa');
  for (const n of [0, 1, 2, 3]) await addUnit(page, `Thôn 0${n}`, 'khu-dan-cu', 'Xã Tân Lập');
  await addUnit(page, SCHOOL, 'co-so-giao-duc', 'Xã Tân Lập', { level: 'preschool' });

  await page.locator('nav a[data-route="tong-hop"]').click();
  await page.getByLabel('Chọn một hoặc nhiều tệp JSON').setInputFiles(paths);
  await page.getByTestId('rollup-batch').getByText('Đã nhận 5 bản ghi; 0 tệp có lỗi.').waitFor();
  await page.getByTestId('rollup-file').nth(4).waitFor();
  assert.equal(await page.getByTestId('rollup-file').count(), 5);
  // None of the files carries the commune's ids: each asks to be confirmed.
  assert.equal(await page.getByTestId('rollup-identity-note').count(), 5);
  await page.getByTestId('rollup-identity-note').first().getByText('Cần xác nhận là đơn vị nào của bạn').waitFor();

  // Thôn 00: opened read-only, matched, accepted, recognised.
  let review = await openFile(page, 'Thôn 00');
  await review.getByTestId('rollup-review-result').getByText('Kết quả: Đạt').waitFor();
  await review.getByTestId('rollup-review-their-status').getByText('Bản nháp').waitFor();
  assert.ok((await review.getByTestId('rollup-review-indicator').count()) > 10);
  await review.getByTestId('rollup-review-indicator').filter({ hasText: 'kdc-1a' }).getByTestId('reason').waitFor();
  // Before it is accepted, no decision can be recorded.
  await review.getByTestId('rollup-decision-wait').waitFor();
  await confirmUnit(review, 'Thôn 00');
  await review.getByTestId('rollup-review-accept').click();
  await review.getByTestId('rollup-review-state').getByText('Đã chấp nhận').waitFor();
  await decide(review, { recognised: true, number: '15/QĐ-UBND' });
  await review.getByTestId('rollup-decision-recorded').getByText(/Được công nhận · 15\/QĐ-UBND · 10\/11\/2025/).waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), review.getByTestId('rollup-decision-send').click()]);
  assert.equal(download.suggestedFilename(), '2025_thon-00_quyet-dinh.json');
  const decisionFile = join(dir, 'quyet-dinh.json');
  await download.saveAs(decisionFile);
  await close(page);
  // Focus returns to the row's button.
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'rollup-open');

  // Thôn 01, twice: once both are matched they are copies of one record.
  assert.equal(await page.getByTestId('rollup-newer').count(), 0);
  for (const nth of [0, 1]) {
    review = await openFile(page, 'Thôn 01', nth);
    await confirmUnit(review, 'Thôn 01');
    await close(page);
  }
  await page.getByTestId('rollup-newer').waitFor();
  await page.getByTestId('rollup-older').waitFor();
  // The officer keeps the older copy (the newer one fails kdc-2a by mistake).
  await page.locator('[data-testid="rollup-file"]', { has: page.getByTestId('rollup-older') }).getByTestId('rollup-keep').click();
  await page.getByTestId('rollup-older').waitFor({ state: 'detached' });
  assert.equal(await page.locator('[data-testid="rollup-file"][data-unit="Thôn 01"]').count(), 1);
  review = await openFile(page, 'Thôn 01');
  await review.getByTestId('rollup-review-result').getByText('Kết quả: Đạt').waitFor();
  await review.getByTestId('rollup-review-accept').click();
  await review.getByTestId('rollup-review-state').getByText('Đã chấp nhận').waitFor();
  await decide(review, { recognised: true, number: '16/QĐ-UBND' });
  await review.getByTestId('rollup-decision-recorded').waitFor();
  await close(page);

  // Thôn 02 is flagged: not counted, and named with the problem.
  review = await openFile(page, 'Thôn 02');
  await confirmUnit(review, 'Thôn 02');
  await review.getByLabel('Vấn đề của tệp').fill('thiếu biên bản họp');
  await review.getByRole('button', { name: 'Ghi nhận có vấn đề' }).click();
  await review.getByTestId('rollup-review-state').getByText('Có vấn đề: thiếu biên bản họp').waitFor();
  await close(page);

  // Thôn 03 is not recognised: a refusal needs its reason.
  review = await openFile(page, 'Thôn 03');
  await confirmUnit(review, 'Thôn 03');
  await review.getByTestId('rollup-review-accept').click();
  await review.getByTestId('rollup-review-state').getByText('Đã chấp nhận').waitFor();
  await decide(review, { recognised: false, number: '17/QĐ-UBND' });
  await review.getByTestId('rollup-decision-error').getByText('Không công nhận thì phải ghi rõ lý do.').waitFor();
  assert.equal(await review.getByTestId('rollup-decision-recorded').count(), 0);
  await decide(review, { recognised: false, number: '17/QĐ-UBND', note: 'Còn 1 vụ việc chưa giải quyết' });
  await review.getByTestId('rollup-decision-recorded').getByText(/Không được công nhận · 17\/QĐ-UBND/).waitFor();
  await close(page);

  // Tổng hợp's figures: 3 of 4 registered, 2 of 4 recognised, the kindergarten left out.
  const figure = (id) => page.locator(`[data-testid="rollup-derived-item"][data-indicator="${id}"]`).getByTestId('rollup-derived-figure');
  await figure('xa-4a').getByText(/^3\/4/).waitFor();
  await figure('xa-4b').getByText(/^2\/4/).waitFor();
  // The printed summary lists the decisions.
  await page.getByRole('button', { name: 'Xem và in báo cáo tổng hợp' }).click();
  const decisions = page.getByTestId('rollup-summary-decisions');
  await decisions.getByText(/Thôn 00: được công nhận, Quyết định số 15\/QĐ-UBND ngày 10\/11\/2025/).waitFor();
  await decisions.getByText(/Thôn 03: không được công nhận.*lý do: Còn 1 vụ việc chưa giải quyết/).waitFor();
  await page.getByRole('button', { name: 'Quay lại' }).click();

  // The commune's own self-assessment counts the same units, and names the rest.
  await startAssessment(page, 'Xã Tân Lập', 2025);
  const registered = await reason(page, 'xa-4a');
  assert.match(registered, /^3\/4 đơn vị = 75% < 100%/);
  assert.match(registered, new RegExp(`${SCHOOL} \\(mầm non, nhà trẻ\\)`));
  assert.match(registered, /Thôn 02 \(tệp có vấn đề: thiếu biên bản họp\)/);
  const recognised = await reason(page, 'xa-4b');
  assert.match(recognised, /^2\/4 đơn vị = 50% < 70% \(cần ít nhất 3\)/);
  assert.match(recognised, /Thôn 03 \(chưa có quyết định công nhận\)/);
  assert.doesNotMatch(recognised, /Thôn 00|Thôn 01/);
  // Computed, so shown as computed: no input for these figures.
  assert.equal(await page.locator('#input-xa-4b-num').count(), 0);
  s.check();
  await s.close();

  // The village, in its own browser, with the assessment it sent.
  const v = await open(env);
  const vp = v.page;
  await vp.goto(env.server.url + '#/du-lieu');
  await ready(vp);
  await vp.getByLabel('Chọn một hoặc nhiều tệp JSON').setInputFiles(paths[0]);
  await vp.getByTestId('import-apply').click();
  await vp.getByTestId('import-notice').getByText('Đã nhập 2 thay đổi.').waitFor();
  await vp.getByLabel('Chọn một hoặc nhiều tệp JSON').setInputFiles(decisionFile);
  await vp.getByTestId('import-preview').getByText(/Thôn 00 2025 · 15\/QĐ-UBND · 10\/11\/2025: Mới: sẽ thêm/).waitFor();
  await vp.getByTestId('import-apply').click();
  await vp.getByTestId('import-notice').getByText('Đã nhập 1 thay đổi.').waitFor();
  await vp.locator('nav a[data-route="tu-danh-gia"]').click();
  const item = vp.locator('[data-assessment-id]', { hasText: 'Thôn 00' });
  await item.getByText('Được công nhận').waitFor();
  await item.getByRole('button').first().click();
  await vp.getByTestId('status-panel').getByText(/15\/QĐ-UBND · 10\/11\/2025/).waitFor();
  await vp.getByTestId('assessment-status').getByText('Được công nhận', { exact: true }).waitFor();
  v.check();
  await v.close();
});

test('a unit card sets the village up with the commune’s id, so its file needs no matching', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'antq-card-'));
  const s = await open(env);
  const { page } = s;
  await page.goto(env.server.url + '#/tong-quan');
  await ready(page);
  await addUnit(page, 'Xã Tân Lập', 'xa');
  await addUnit(page, 'Thôn Đông', 'khu-dan-cu', 'Xã Tân Lập');
  // The commune has no card of its own: it is under no unit here.
  const item = (name) =>
    page.getByTestId('unit-list').locator('.unit-list__item', { has: page.locator('.unit-list__name', { hasText: new RegExp(`^${name}$`) }) });
  const commune = item('Xã Tân Lập');
  const row = item('Thôn Đông');
  await row.getByTestId('unit-card').waitFor();
  assert.equal(await commune.getByTestId('unit-card').count(), 0);
  await row.getByTestId('unit-card').click();
  await row.getByLabel('Liên hệ của đơn vị bạn (ghi trên thẻ)').fill('Công an xã, 0912 345 678');
  const [card] = await Promise.all([page.waitForEvent('download'), row.getByTestId('unit-card-download').click()]);
  assert.equal(card.suggestedFilename(), 'the-don-vi_thon-dong.json');
  const cardPath = join(dir, 'the.json');
  await card.saveAs(cardPath);
  await row.getByTestId('unit-card-made').getByText('Đã tạo the-don-vi_thon-dong.json.').waitFor();

  // The village, in its own browser where it set itself up already (its
  // own id), imports the card: its unit takes the commune's id.
  const v = await open(env);
  const vp = v.page;
  await vp.goto(env.server.url + '#/tong-quan');
  await ready(vp);
  await addUnit(vp, 'thôn đông');
  await vp.locator('nav a[data-route="du-lieu"]').click();
  await vp.getByLabel('Chọn một hoặc nhiều tệp JSON').setInputFiles(cardPath);
  const preview = vp.getByTestId('import-preview');
  await preview.getByText('Xã Tân Lập (Công an xã, 0912 345 678): Mới: sẽ thêm').waitFor();
  await preview.getByText('Thôn Đông: Đã có đơn vị này với mã khác: nhận mã của cấp trên').waitFor();
  await vp.getByTestId('import-apply').click();
  await vp.getByTestId('import-notice').getByText('Đã nhập 2 thay đổi.').waitFor();
  // One unit of that name, not two.
  await vp.locator('nav a[data-route="tong-quan"]').click();
  await vp.getByTestId('unit-list').locator('.unit-list__name', { hasText: 'Xã Tân Lập' }).waitFor();
  assert.equal(await vp.getByTestId('unit-list').locator('.unit-list__name', { hasText: /^Thôn Đông$/i }).count(), 1);
  await startAssessment(vp, 'Thôn Đông', 2025);
  await vp.locator('nav a[data-route="du-lieu"]').click();
  const [sent] = await Promise.all([vp.waitForEvent('download'), vp.getByTestId('export-record').click()]);
  const sentPath = join(dir, sent.suggestedFilename());
  await sent.saveAs(sentPath);
  v.check();
  await v.close();

  // Its file meets the commune's record at once.
  await page.locator('nav a[data-route="tong-hop"]').click();
  await page.getByLabel('Chọn một hoặc nhiều tệp JSON').setInputFiles(sentPath);
  await page.getByTestId('rollup-batch').getByText('Đã nhận 1 bản ghi; 0 tệp có lỗi.').waitFor();
  const review = await openFile(page, 'Thôn Đông');
  await review.getByTestId('rollup-identity').getByText('Tệp này được tính cho đơn vị: Thôn Đông.').waitFor();
  assert.equal(await review.getByTestId('rollup-identity-confirm').count(), 0);
  assert.equal(await page.getByTestId('rollup-identity-note').count(), 0);
  s.check();
  await s.close();
});

test('an enterprise’s recognition is the level above’s: the commune records what it was told', async () => {
  const set = catalogueSet('tt124-co-quan-doanh-nghiep');
  const [path] = await onDisk([villageFile({ set, index: 9, unitId: 'u-cty', name: 'Công ty May Tân Lập', kind: 'doanh-nghiep' })]);
  const s = await open(env);
  const { page } = s;
  await page.goto(env.server.url + '#/tong-quan');
  await ready(page);
  await addUnit(page, 'Xã Tân Lập', 'xa');
  await page.locator('nav a[data-route="tong-hop"]').click();
  await page.getByLabel('Chọn một hoặc nhiều tệp JSON').setInputFiles(path);
  await page.getByTestId('rollup-batch').getByText('Đã nhận 1 bản ghi; 0 tệp có lỗi.').waitFor();
  const review = await openFile(page, 'Công ty May Tân Lập');
  // No unit of the commune is like it: it stands for itself.
  await review.getByTestId('rollup-identity').getByText(/không khớp đơn vị nào của bạn/).waitFor();
  await review.getByTestId('rollup-review-accept').click();
  const decision = review.getByTestId('rollup-decision');
  await decision.getByText('Cấp trên quyết định công nhận đơn vị này (Thông tư 124, Điều 10). Ghi lại quyết định đã được thông báo.').waitFor();
  await decide(review, { recognised: true, number: '88/QĐ-UBND' });
  // Dated on or after 20/11 it is late for an enterprise; 10/11 is not.
  await review.getByTestId('rollup-decision-recorded').getByText(/Được công nhận · 88\/QĐ-UBND/).waitFor();
  assert.equal(await review.getByTestId('rollup-decision-late').count(), 0);
  await review.getByTestId('rollup-decision-on').fill('2025-11-20');
  await review.getByTestId('rollup-decision-save').click();
  await review.getByTestId('rollup-decision-late').getByText('phải trước 20/11/2025').waitFor();
  await close(page);
  await page.locator('[data-testid="rollup-file"]').getByTestId('rollup-file-decision').getByText(/Được công nhận · 88\/QĐ-UBND · 20\/11\/2025/).waitFor();
  s.check();
  await s.close();
});
