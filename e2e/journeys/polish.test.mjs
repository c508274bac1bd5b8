// As a new user finds it (issue 22): focus that follows each action, tabs
// by the arrow keys, the print preview as a modal dialog, the consolidated
// table's reasons and charts shown whole, and English that reads as English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, ready, addUnit, startAssessment, yes, focusIs } from '../harness.mjs';
import { catalogueSet, onDisk, villageFile } from '../villages.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

test('by keyboard alone, a festival plan is made and its lists grow with focus on each new row', async () => {
  const s = await open(env);
  const { page } = s;
  await page.goto(env.server.url + '#/tong-quan');
  await ready(page);
  await addUnit(page, 'Xã Tân Lập', 'xa');
  await page.locator('nav a[data-route="ngay-hoi"]').click();
  await page.getByLabel('Năm tổ chức').fill('2026');
  // "Lập kế hoạch" by Enter: focus goes to the new plan's heading.
  await page.getByTestId('festival-create').getByRole('button', { name: 'Lập kế hoạch' }).focus();
  await page.keyboard.press('Enter');
  await focusIs(page, 'festival-heading');

  // The tabs move with the arrow keys, Home and End, and select as they go.
  const plan = page.getByTestId('festival-plan');
  const selected = () => plan.getByRole('tab', { selected: true }).innerText();
  await plan.getByRole('tab', { name: 'Thông tin chung' }).focus();
  await page.keyboard.press('ArrowRight');
  await focusIs(page, 'festival-tab-1');
  assert.equal(await selected(), 'Ban tổ chức');
  await page.keyboard.press('End');
  await focusIs(page, 'festival-tab-7');
  assert.equal(await selected(), 'In và xuất');
  await page.keyboard.press('ArrowRight');
  await focusIs(page, 'festival-tab-0');
  assert.equal(await selected(), 'Thông tin chung');
  await page.keyboard.press('ArrowLeft');
  await focusIs(page, 'festival-tab-7');
  await page.keyboard.press('Home');
  await focusIs(page, 'festival-tab-0');
  // Only the selected tab is in the Tab order.
  assert.equal(await plan.getByRole('tab', { name: 'Ban tổ chức' }).getAttribute('tabindex'), '-1');
  assert.equal(await plan.getByRole('tab', { name: 'Thông tin chung' }).getAttribute('tabindex'), '0');

  // Each "Thêm…" puts focus in the new row's first field.
  await plan.getByRole('tab', { name: 'Ban tổ chức' }).click();
  await page.getByRole('button', { name: 'Thêm người' }).click();
  await focusIs(page, 'festival-person-0-name');
  await page.keyboard.type('Nguyễn Văn An');
  await page.getByRole('button', { name: 'Thêm người' }).click();
  await focusIs(page, 'festival-person-1-name');
  assert.equal(await page.locator('#festival-person-0-name').inputValue(), 'Nguyễn Văn An');
  await plan.getByRole('tab', { name: 'Kinh phí' }).click();
  await page.getByRole('button', { name: 'Thêm khoản' }).click();
  await focusIs(page, 'festival-budget-0-category');
  await plan.getByRole('tab', { name: 'Chương trình' }).click();
  // The template's items come first; the new one is the last.
  const items = page.getByTestId('programme').locator('.programme__item');
  await items.first().waitFor();
  const before = await items.count();
  await page.getByRole('button', { name: 'Thêm mục' }).click();
  await focusIs(page, `festival-item-${before}-item`);
  await plan.getByRole('tab', { name: 'Công việc' }).click();
  await page.getByRole('button', { name: 'Thêm công việc' }).click();
  await focusIs(page, '^festival-task-cv-.+-title$');
  await plan.getByRole('tab', { name: 'Khách mời, khen thưởng' }).click();
  await page.getByRole('button', { name: 'Thêm khách mời' }).click();
  await focusIs(page, 'festival-guest-0-name');

  // The print preview is a modal dialog: focus inside, Tab stays inside,
  // Esc goes back, and focus returns to the button that opened it.
  await plan.getByRole('tab', { name: 'In và xuất' }).click();
  const opener = page.getByRole('button', { name: 'Xem và in Kế hoạch' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Xem trước văn bản để in' });
  await dialog.locator('.print-doc').waitFor();
  const inDialog = () => page.evaluate(() => !!document.activeElement?.closest('dialog[open]'));
  assert.ok(await inDialog());
  for (let n = 0; n < 6; n += 1) {
    await page.keyboard.press('Tab');
    assert.ok(await inDialog(), `Tab ${n + 1} left the dialog`);
  }
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.textContent === 'Xem và in Kế hoạch');
  // "Quay lại" returns focus the same way.
  await opener.click();
  await dialog.getByRole('button', { name: 'Quay lại' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.textContent === 'Xem và in Kế hoạch');
  s.check();
  await s.close();
});

test('a result reads "Đạt: …" with no gap before the colon, and a decision needs its own date', async () => {
  const s = await open(env);
  const { page } = s;
  await page.goto(env.server.url + '#/tong-quan');
  await ready(page);
  await addUnit(page, 'Thôn Đồng');
  await startAssessment(page, 'Thôn Đồng', 2025);
  await yes(page, 'kdc-1a', '2025-03-01');
  const line = page.locator('[data-indicator-id="kdc-1a"] .indicator__result');
  await line.getByTestId('reason').waitFor();
  // (The ✓ before it is the stylesheet's.)
  assert.match(await line.innerText(), /^Đạt: /);
  const gap = await line.evaluate((el) => {
    const result = el.querySelector('.result');
    const range = document.createRange();
    range.setStart(result.nextSibling, 0);
    range.setEnd(result.nextSibling, 1);
    return range.getBoundingClientRect().left - result.getBoundingClientRect().right;
  });
  assert.ok(gap < 1, `${gap}px between the result and its colon`);

  // A decision is never dated today in the user's place: without its date
  // it is refused with a reason, and recorded once the date is typed.
  await page.getByLabel('Người khóa (họ tên)').fill('Trưởng thôn');
  await page.getByRole('button', { name: 'Khóa tự đánh giá' }).click();
  await page.getByLabel('Số quyết định').fill('25/QĐ-UBND');
  await page.getByRole('button', { name: 'Được công nhận', exact: true }).click();
  await page.getByTestId('status-panel').getByRole('alert').getByText('Hãy nhập ngày ký quyết định.').waitFor();
  assert.equal(await page.getByTestId('assessment-status').innerText(), 'Đã tự đánh giá (khóa)');
  await page.getByLabel('Ngày quyết định').fill('2025-11-10');
  await page.getByRole('button', { name: 'Được công nhận', exact: true }).click();
  await page.getByTestId('assessment-status').getByText('Được công nhận', { exact: true }).waitFor();
  await page.getByTestId('status-panel').getByText('25/QĐ-UBND · 10/11/2025').waitFor();
  s.check();
  await s.close();
});

test('the consolidated table opens on its largest group, shows a reason whole and its charts uncut', async () => {
  const villages = catalogueSet('tt124-khu-dan-cu');
  const agencies = catalogueSet('tt124-co-quan-doanh-nghiep');
  const files = [
    villageFile({ set: agencies, index: 9, name: 'Công ty May Tân Lập', kind: 'doanh-nghiep', unitId: 'u-cty' }),
    ...[0, 1, 2].map((index) => villageFile({ set: villages, index, fail: ['kdc-3a'] })),
  ];
  const paths = await onDisk(files);
  const s = await open(env, { contextOptions: { viewport: { width: 1024, height: 700 } } });
  const { page } = s;
  await page.goto(env.server.url + '#/tong-quan');
  await ready(page);
  await addUnit(page, 'Xã Tân Lập', 'xa');
  await page.locator('nav a[data-route="tong-hop"]').click();
  await page.getByLabel('Chọn một hoặc nhiều tệp JSON').setInputFiles(paths);
  await page.getByTestId('rollup-file').nth(3).waitFor();
  await page.getByTestId('rollup-accept-all').click();
  // Three villages against one enterprise: the villages' set first.
  await page.getByTestId('rollup-row').nth(2).waitFor();
  assert.equal(await page.getByTestId('rollup-set').inputValue(), 'tt124-khu-dan-cu');
  assert.equal(await page.getByTestId('rollup-row').count(), 3);

  // The last row's failing cell: its reason is shown whole, over the page.
  const cell = page.getByTestId('rollup-row').last().locator('td[data-criterion="kdc-3"]');
  await cell.scrollIntoViewIfNeeded();
  await cell.focus();
  const reason = page.getByTestId('rollup-reason');
  await reason.getByText('kdc-3a', { exact: false }).waitFor();
  assert.equal(await cell.getAttribute('aria-describedby'), 'rollup-reason');
  const whole = await reason.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const inside = (x, y) => el.contains(document.elementFromPoint(x, y));
    return (
      box.top >= 0 && box.bottom <= innerHeight && box.left >= 0 && box.right <= innerWidth &&
      inside(box.left + 4, box.top + 4) && inside(box.right - 4, box.bottom - 4)
    );
  });
  assert.ok(whole, 'the reason is clipped or covered');
  await cell.blur();
  await reason.waitFor({ state: 'detached' });

  // The chart's labels are whole: "Khu dân cư (thôn, tổ dân phố…)", not cut.
  const labels = page.getByTestId('rollup-chart-kinds').locator('.rollup-bars__label');
  await labels.first().waitFor();
  const kinds = await labels.allInnerTexts();
  assert.ok(kinds.includes('Khu dân cư (thôn, tổ dân phố…)'), kinds.join(' | '));
  for (const n of [...kinds.keys()]) {
    assert.ok(await labels.nth(n).evaluate((el) => el.scrollWidth <= el.clientWidth), kinds[n]);
  }
  s.check();
  await s.close();
});

test('English reads as English: plurals, number marks, money and quotes', async () => {
  const s = await open(env);
  const { page } = s;
  await page.goto(env.server.url + '#/tong-quan');
  await ready(page);
  await addUnit(page, 'Xã Tân Lập', 'xa');
  await page.getByRole('button', { name: /Switch to English/ }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.locator('nav a[data-route="du-lieu"]').click();
  await page.getByText('This browser holds 1 unit.', { exact: true }).waitFor();
  assert.match(await page.getByTestId('storage-use').innerText(), /about \d+\.\d% of/);
  await page.locator('nav a[data-route="ngay-hoi"]').click();
  await page.getByLabel('Year', { exact: true }).fill('2026');
  await page.getByTestId('festival-create').locator('button[type="submit"]').click();
  const plan = page.getByTestId('festival-plan');
  await plan.getByRole('tab', { name: 'Budget' }).click();
  await page.getByRole('button', { name: 'Add a line' }).click();
  await focusIs(page, 'festival-budget-0-category');
  await page.getByLabel('Planned (VND)').fill('1,500,000');
  await page.getByTestId('budget-totals').getByRole('row', { name: 'Total 1,500,000 VND 0 VND' }).waitFor();
  await page.getByLabel('Planned (VND)').fill('-1');
  await page.getByText('“-1” is negative: enter 0 or more.').waitFor();
  await plan.getByRole('tab', { name: 'Programme' }).click();
  await page.getByText(/^Total: \d+ minutes/).waitFor();
  assert.equal(await page.getByText(/[«»đ]/).count(), 0);
  // Back in Vietnamese, the same in Vietnamese.
  await page.getByRole('button', { name: /Switch to Vietnamese/ }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'vi');
  await page.getByText(/^Tổng thời lượng: \d+ phút/).waitFor();
  s.check();
  await s.close();
});
