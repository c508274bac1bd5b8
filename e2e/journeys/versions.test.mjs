// An assessment made with the first version of a built-in set still opens
// and evaluates as it did, says a newer version exists, moves to it in one
// step that keeps the answers, and the move can be undone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, ready, reason } from '../harness.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

// A workspace saved by the previous release: a village's draft on version 1,
// last year's count equal to this year's.
const stored = {
  format: 'antq.workspace',
  schema_version: 1,
  active_unit: 'u-thon-dong',
  units: [{ id: 'u-thon-dong', name: 'Thôn Đồng', kind: 'khu-dan-cu', above: 'xã Tân Lập', parent: null }],
  criteria_sets: [],
  assessments: [
    {
      id: 'a-2025',
      unit: 'u-thon-dong',
      set: { id: 'tt124-khu-dan-cu', version: 1 },
      year: 2025,
      answers: {
        'kdc-3a': { type: 'count', count: 0 },
        'kdc-4a': { type: 'trend', current: 3, previous: 3 },
      },
      status: { state: 'draft' },
    },
  ],
  festival_plans: [],
};

test('an assessment of version 1 evaluates as it did, moves to version 2 and back', async () => {
  const s = await open(env);
  const page = s.page;
  // Only on the first load: the reload below reads what the app stored.
  await page.addInitScript((text) => {
    if (!localStorage.getItem('antq.workspace')) localStorage.setItem('antq.workspace', text);
  }, JSON.stringify(stored));
  await page.goto(env.server.url + '#/tu-danh-gia/a-2025/bieu-mau');
  await ready(page);
  await page.getByTestId('assessment-form').waitFor();
  // Version 1 held "equal to last year" a failure, and still does.
  assert.equal(await reason(page, 'kdc-4a'), 'Kỳ này 3, kỳ trước 3: chưa giảm.');
  const banner = page.getByTestId('newer-version');
  await banner.getByText('Đã có phiên bản 2 của bộ tiêu chí này; bản tự đánh giá này dùng phiên bản 1').waitFor();

  await banner.getByRole('button', { name: 'Chuyển sang phiên bản 2' }).click();
  const status = page.getByTestId('move-status');
  await status.getByText(/Đã chuyển sang phiên bản 2: giữ 2 câu trả lời; 0 chỉ tiêu mới cần trả lời; \d+ chỉ tiêu đã sửa/).waitFor();
  assert.equal(
    await reason(page, 'kdc-4a'),
    'Kỳ này 3, bằng kỳ trước: bộ tiêu chí này tính là đạt (cách hiểu, tỉnh có thể quy định chặt hơn).',
  );
  assert.equal(await page.getByTestId('newer-version').count(), 0);
  await page.waitForSelector('text=Đã lưu lúc');
  const moved = JSON.parse(await page.evaluate(() => localStorage.getItem('antq.workspace')));
  assert.deepEqual(moved.assessments[0].set, { id: 'tt124-khu-dan-cu', version: 2 });
  assert.deepEqual(moved.assessments[0].answers['kdc-4a'], { type: 'trend', current: 3, previous: 3 });

  await status.getByRole('button', { name: 'Hoàn tác việc chuyển phiên bản' }).click();
  await status.getByText('Đã trở lại phiên bản 1.').waitFor();
  assert.equal(await reason(page, 'kdc-4a'), 'Kỳ này 3, kỳ trước 3: chưa giảm.');
  await page.getByTestId('newer-version').waitFor();
  // The undo is stored: a reload opens version 1 again.
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('antq.workspace')).assessments[0].set.version === 1);
  await page.reload();
  await ready(page);
  await page.getByTestId('newer-version').waitFor();
  s.check();
  await s.close();
});

test('an assessment’s place is in the address: its tab is written there, and a link moves it in place', async () => {
  const s = await open(env);
  const page = s.page;
  await page.addInitScript((text) => localStorage.setItem('antq.workspace', text), JSON.stringify(stored));
  await page.goto(env.server.url + '#/tu-danh-gia/a-2025/bieu-mau');
  await ready(page);
  await page.getByTestId('assessment-form').waitFor();
  await page.getByRole('tab', { name: 'Báo cáo và hồ sơ' }).click();
  await page.waitForFunction(() => location.hash === '#/tu-danh-gia/a-2025/bao-cao');
  // A link to another tab (as the address bar or a bookmark gives it): the
  // section stays as it is laid out, and the tab follows.
  await page.evaluate(() => {
    window.__section = document.querySelector('[data-section="tu-danh-gia"]');
    location.hash = '#/tu-danh-gia/a-2025/khac-phuc';
  });
  await page.getByTestId('gaps').waitFor();
  assert.equal(await page.getByRole('tab', { name: 'Khắc phục' }).getAttribute('aria-selected'), 'true');
  assert.ok(await page.evaluate(() => document.contains(window.__section)));
  // The section's own link closes the assessment, and the list stays.
  await page.evaluate(() => { location.hash = '#/tu-danh-gia'; });
  await page.getByTestId('assessment').waitFor({ state: 'detached' });
  await page.getByTestId('assessment-list').waitFor();
  s.check();
  await s.close();
});
