// Accessibility: axe-core (WCAG 2.1 A and AA) over every section, every tab
// of an assessment and of a festival plan, the roll-up's review and table,
// and every print preview, in Vietnamese and in English. A serious or
// critical violation anywhere fails the journey, naming the view and the
// elements.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { start, open, openHeld, ready, addUnit, startAssessment } from '../harness.mjs';
import { catalogueSet, onDisk, villageFile } from '../villages.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const AXE = await readFile(join(here, '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

/** Runs axe on the page as it stands; returns the serious and critical violations. */
async function audit(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

/** The words of each view in one language. */
const WORDS = {
  vi: {
    assessmentTabs: ['Biểu mẫu', 'Khắc phục', 'Các năm', 'Báo cáo và hồ sơ'],
    reportPreviews: ['Xem và in Báo cáo tự đánh giá', 'Xem và in Tờ trình', 'Xem và in Biên bản họp'],
    festivalTabs: ['Thông tin chung', 'Ban tổ chức', 'Chương trình', 'Công việc', 'Kinh phí', 'Khách mời, khen thưởng', 'Sau Ngày hội', 'In và xuất'],
    festivalPreviews: ['Xem và in Kế hoạch', 'Xem và in Báo cáo kết quả', 'Xem và in bảng phân công chương trình'],
    rollupPreview: 'Xem và in báo cáo tổng hợp',
    festivalYear: 'Năm tổ chức',
    back: 'Quay lại',
  },
  en: {
    assessmentTabs: ['Form', 'Action plan', 'Years', 'Report and dossier'],
    reportPreviews: ['Preview and print the report', 'Preview and print the submission', 'Preview and print the minutes'],
    festivalTabs: ['General', 'Committee', 'Programme', 'Tasks', 'Budget', 'Guests, commendations', 'After the festival', 'Print and export'],
    festivalPreviews: ['Preview and print the plan', 'Preview and print the report', 'Preview and print the run-sheet'],
    rollupPreview: 'View and print the summary report',
    festivalYear: 'Year',
    back: 'Back',
  },
};

async function section(page, slug) {
  await page.locator(`nav a[data-route="${slug}"]`).click();
  await page.waitForSelector(`[data-section="${slug}"]`);
  await page.waitForSelector('main#main .section > :not(.loading)');
}

/** Opens a print preview, audits it, and goes back. */
async function preview(page, name, words, check) {
  await page.getByRole('button', { name, exact: true }).click();
  const doc = page.getByTestId('doc-preview');
  await doc.locator('.print-doc').first().waitFor();
  await check(`preview «${name}»`);
  await doc.getByRole('button', { name: words.back, exact: true }).click();
  await doc.waitFor({ state: 'detached' });
}

/** Every view, audited in the language the page is in. */
async function walk(page, words, check) {
  await section(page, 'tong-quan');
  await check('Tổng quan');

  await section(page, 'tu-danh-gia');
  await page.getByTestId('assessment-list').locator('button').first().click();
  await page.getByTestId('assessment-form').waitFor();
  for (const tab of words.assessmentTabs) {
    await page.getByRole('tab', { name: tab, exact: true }).click();
    await page.getByRole('tab', { name: tab, exact: true, selected: true }).waitFor();
    await check(`Tự đánh giá · ${tab}`);
  }
  for (const name of words.reportPreviews) await preview(page, name, words, check);

  await section(page, 'ngay-hoi');
  await page.getByLabel(words.festivalYear, { exact: true }).fill('2025');
  const plan = page.getByTestId('festival-plan');
  await plan.waitFor();
  for (const tab of words.festivalTabs) {
    await plan.getByRole('tab', { name: tab, exact: true }).click();
    await plan.getByRole('tab', { name: tab, exact: true, selected: true }).waitFor();
    await check(`Ngày hội · ${tab}`);
  }
  for (const name of words.festivalPreviews) await preview(page, name, words, check);

  await section(page, 'tong-hop');
  await page.getByTestId('rollup-table').waitFor();
  await check('Tổng hợp');
  await page.getByTestId('rollup-open').first().click();
  await page.getByTestId('rollup-review').waitFor();
  await check('Tổng hợp · xem và xét');
  await page.getByTestId('rollup-review-close').click();
  await page.getByTestId('rollup-review').waitFor({ state: 'detached' });
  await page.locator('[data-testid="rollup-table"] td[data-criterion]').first().focus();
  await page.getByTestId('rollup-reason').waitFor();
  await check('Tổng hợp · lý do của một ô');
  await preview(page, words.rollupPreview, words, check);

  await section(page, 'du-lieu');
  await check('Dữ liệu');
  await section(page, 'huong-dan');
  await check('Hướng dẫn');
}

test('no serious or critical axe violation on any section, tab or print preview, in both languages', async () => {
  const set = catalogueSet('tt124-khu-dan-cu');
  const [path] = await onDisk([villageFile({ set, index: 7, fail: ['kdc-3a'] })]);

  const s = await open(env);
  const { page } = s;
  await page.goto(env.server.url + '#/tong-quan');
  await ready(page);
  // A commune with a village, an assessment, a festival plan and a received file.
  await addUnit(page, 'Xã Tân Lập', 'xa');
  await addUnit(page, 'Thôn Đồng', 'khu-dan-cu', 'Xã Tân Lập');
  await startAssessment(page, 'Thôn Đồng', 2025);
  await section(page, 'ngay-hoi');
  await page.getByLabel('Năm tổ chức').fill('2025');
  await page.getByTestId('festival-create').getByRole('button', { name: 'Lập kế hoạch' }).click();
  await page.getByTestId('festival-plan').waitFor();
  await page.getByLabel('Ngày tổ chức').fill('2025-08-15');
  await section(page, 'tong-hop');
  await page.getByLabel('Chọn một hoặc nhiều tệp JSON').setInputFiles(path);
  await page.getByTestId('rollup-file').first().waitFor();
  await page.getByTestId('rollup-accept-all').click();
  await page.getByTestId('rollup-table').waitFor();

  const found = [];
  let views = 0;
  for (const language of ['vi', 'en']) {
    if (language === 'en') {
      await page.getByRole('button', { name: /Switch to English/ }).click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
    }
    await walk(page, WORDS[language], async (where) => {
      views += 1;
      for (const v of await audit(page)) found.push(`[${language}] ${where}: ${v}`);
    });
  }
  assert.deepEqual(found, []);
  // The walk covered what it says: 6 sections, 4 + 8 tabs, 7 previews, the review and a cell.
  assert.equal(views, 2 * 25);
  s.check();
  await s.close();
});

test('no serious or critical axe violation on the static first screen, before the app’s code arrives', async () => {
  const s = await openHeld(env);
  await s.page.goto(env.server.url);
  await s.page.locator('#first-screen #unit-name').waitFor();
  assert.deepEqual(await audit(s.page), []);
  s.release();
  await ready(s.page);
  s.check();
  await s.close();
});
