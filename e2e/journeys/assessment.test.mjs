// Self-assessment journeys: a village head from an empty app to the printed
// report, and a commune officer whose 70% indicator is counted from the
// units under the commune.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, ready, addUnit, indicator, yes, count, reason, startAssessment, childAssessment } from '../harness.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

test('a village head goes from an empty app to the printed report', async () => {
  const s = await open(env);
  const page = s.page;
  await page.goto(env.server.url);
  await ready(page);
  await addUnit(page, 'Thôn Đồng', 'khu-dan-cu');
  await startAssessment(page, 'Thôn Đồng', 2025);
  await page.getByText('Kỳ đánh giá: 01/11/2024 – 31/10/2025').waitFor();
  // The new assessment is brought into view, its heading focused.
  await page.waitForFunction(() => document.activeElement?.id === 'assessment-title');

  await yes(page, 'kdc-1a', '2025-02-15');
  await yes(page, 'kdc-1b', '2025-04-02');
  assert.equal(await reason(page, 'kdc-1b'), 'Ngày 02/04/2025 nằm ngoài khoảng 01/01/2025–31/03/2025.');
  await page.locator('#input-kdc-1b-date').fill('2025-03-10');
  await page.locator('#input-kdc-1c-num').fill('120');
  await page.locator('#input-kdc-1c-den').fill('125');
  assert.equal(await reason(page, 'kdc-1c'), '120/125 = 96% < 100% (cần ít nhất 125).');
  await page.locator('#input-kdc-1c-num').fill('125');
  assert.equal(await reason(page, 'kdc-1c'), '125/125 = 100% ≥ 100% (cần ít nhất 125).');
  await yes(page, 'kdc-2a');
  for (const p of ['a', 'b', 'c', 'd', 'dd', 'e', 'g']) await count(page, `kdc-3${p}`, 0);
  // Crime, social evils and other violations are entered apart; the total is the core's.
  for (const [n, value] of [[0, 1], [1, 2], [2, 0]]) await page.locator(`#input-kdc-4a-part-${n}`).fill(String(value));
  await page.getByTestId('input-kdc-4a-total').getByText('Tổng kỳ này: 3').waitFor();
  await page.locator('#input-kdc-4a-previous').fill('5');
  assert.equal(await reason(page, 'kdc-4a'), 'Kỳ này 3, kỳ trước 5: đạt.');
  await count(page, 'kdc-4b', 1);
  assert.equal(await reason(page, 'kdc-4b'), 'Xảy ra 1 vụ việc (phải bằng 0).');
  await count(page, 'kdc-4c1', 0);
  await count(page, 'kdc-4c2', 0);
  await yes(page, 'kdc-4c3');
  await count(page, 'kdc-4d', 0);
  await page.locator('#input-kdc-5a-level').selectOption({ label: 'Hoàn thành nhiệm vụ' });
  await count(page, 'kdc-5b', 0);
  await page.getByTestId('progress').getByText('Đã trả lời 19/19 chỉ tiêu').waitFor();
  assert.match(await page.getByTestId('set-result').innerText(), /Chưa đạt/);

  // Evidence for the resolution.
  await indicator(page, 'kdc-1a').locator('summary').click();
  await page.locator('#evidence-kdc-1a-notes').fill('Nghị quyết chi bộ số 02-NQ/CB');

  // The failing criterion appears in the gap view; an action with a past date is flagged.
  await page.getByRole('tab', { name: 'Khắc phục' }).click();
  const gap = page.getByTestId('gaps').locator('[data-criterion-id="kdc-4"]');
  // The gap says why, with its numbers.
  await gap.getByTestId('gap-reasons').getByText('Xảy ra 1 vụ việc (phải bằng 0).').waitFor();
  await gap.getByRole('button', { name: 'Thêm việc cần làm' }).click();
  await gap.getByLabel('Việc cần làm').fill('Tăng cường tuần tra ban đêm');
  await gap.getByLabel('Người thực hiện').fill('Tổ bảo vệ ANTT');
  await gap.getByLabel('Hạn').fill('2025-01-10');
  await gap.getByText('Quá hạn').waitFor();
  await page.locator('nav a[data-route="tong-quan"]').click();
  await page.getByTestId('overdue').getByText('Tăng cường tuần tra ban đêm').waitFor();

  // The case was handled at once and reported: the law's escape makes it pass.
  await page.locator('nav a[data-route="tu-danh-gia"]').click();
  await page.locator('[data-assessment-id] button').first().click();
  await page.locator('#input-kdc-4b-escape').check();
  await page.getByTestId('set-result').getByText('Đạt').waitFor();

  // Locking freezes the answers; the date and who are shown.
  await page.getByLabel('Người khóa (họ tên)').fill('Nguyễn Văn Bình');
  await page.getByRole('button', { name: 'Khóa tự đánh giá' }).click();
  await page.getByTestId('assessment-status').getByText('Đã tự đánh giá (khóa)').waitFor();
  assert.ok(await page.locator('#input-kdc-4b-count').isDisabled());

  // The report, printed: the table and the signature block, none of the app's chrome.
  await page.getByRole('tab', { name: 'Báo cáo và hồ sơ' }).click();
  await page.getByRole('button', { name: 'Mở lại để sửa' }).waitFor();
  await page.getByRole('button', { name: 'Xem và in Báo cáo tự đánh giá' }).click();
  const doc = page.getByTestId('doc-preview');
  await doc.getByText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM').waitFor();
  await doc.getByText('Độc lập - Tự do - Hạnh phúc').waitFor();
  await doc.getByText('Kết quả tự đánh giá Thôn Đồng theo tiêu chuẩn “An toàn về an ninh, trật tự” năm 2025').waitFor();
  await doc.getByText('Nghị quyết chi bộ số 02-NQ/CB').waitFor();
  await doc.getByText('Tăng cường tuần tra ban đêm').waitFor();
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.getByTestId('report-table').isVisible());
  assert.ok(await page.getByTestId('signature-block').isVisible());
  assert.equal(await page.getByTestId('signature-block').getByText('Nơi nhận:').isVisible(), true);
  for (const chrome of ['nav.nav', 'header.header', '[data-testid=start-form]', '[data-testid=status-panel]', '.doc-toolbar']) {
    assert.equal(await page.locator(chrome).first().isVisible(), false, `${chrome} printed`);
  }
  const font = await page.locator('.print-doc').evaluate((el) => getComputedStyle(el).fontFamily);
  assert.match(font, /Times New Roman/);
  await page.emulateMedia({ media: 'screen' });
  await doc.getByRole('button', { name: 'Quay lại' }).click();

  // The submission and the minutes come prefilled from the same assessment.
  // Locked, the dossier's details can still be filled in, and print.
  await page.getByTestId('report-fill-roles').click();
  assert.match(await page.getByLabel('Thành phần dự họp (mỗi người một dòng)').inputValue(), /^Trưởng khu dân cư \(chủ trì\)\nBí thư chi bộ\n/);
  await page.getByLabel('Thành phần dự họp (mỗi người một dòng)').fill('Bí thư chi bộ Lê Văn Cường');
  await page.getByLabel('Thư ký cuộc họp (ký biên bản)').fill('Lê Thị Hoa');
  await page.getByLabel('Họ tên người ký').fill('Nguyễn Văn Bình');
  // The unit passes: no warning on the submission.
  assert.equal(await page.getByTestId('report-submission-warning').isVisible(), false);
  await page.getByRole('button', { name: 'Xem và in Tờ trình' }).click();
  await doc.getByText('TỜ TRÌNH', { exact: true }).waitFor();
  await doc.getByText(/Kính đề nghị .* xem xét, công nhận Thôn Đồng/).waitFor();
  await doc.getByRole('button', { name: 'Quay lại' }).click();
  await page.getByRole('button', { name: 'Xem và in Biên bản họp' }).click();
  await doc.getByText('BIÊN BẢN', { exact: true }).waitFor();
  await doc.getByText('Thành phần tham dự gồm:').waitFor();
  await doc.getByText('Bí thư chi bộ Lê Văn Cường').waitFor();
  // Signed by the secretary and the chair.
  await doc.getByTestId('minutes-secretary').getByText('Lê Thị Hoa').waitFor();
  await doc.getByTestId('minutes-chair').getByText('Nguyễn Văn Bình').waitFor();
  await doc.getByRole('button', { name: 'Quay lại' }).click();

  // Next year starts from this year's answers; last year's count becomes the comparison.
  await startAssessment(page, 'Thôn Đồng', 2026);
  assert.equal(await page.locator('#input-kdc-4a-previous').inputValue(), '3');
  await page.getByRole('tab', { name: 'Các năm' }).click();
  const history = page.getByTestId('history');
  await history.getByRole('columnheader', { name: '2025' }).waitFor();
  await history.getByRole('columnheader', { name: '2026' }).waitFor();
  assert.match(await page.getByTestId('history-chart').getAttribute('aria-label'), /2025: \d+, 2026: \d+/);
  s.check();
  await s.close();
});

test('a commune officer sees the 70% computed from the units under the commune', async () => {
  const s = await open(env);
  const page = s.page;
  await page.goto(env.server.url);
  await ready(page);
  await addUnit(page, 'Xã Tân Lập', 'xa');
  // The form is ready for the next unit: a village again, the name field focused.
  assert.equal(await page.getByLabel('Loại đơn vị').inputValue(), 'khu-dan-cu');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'unit-name');
  const children = [
    ['Thôn 1', 'khu-dan-cu', true],
    ['Thôn 2', 'khu-dan-cu', true],
    ['Thôn 3', 'khu-dan-cu', true],
    ['Thôn 4', 'khu-dan-cu', false],
    ['Thôn 5', 'khu-dan-cu', false],
    ['Công ty May Tân Lập', 'doanh-nghiep', true],
    ['Trường THPT Tân Lập', 'co-so-giao-duc', false],
  ];
  for (const [name, kind] of children) await addUnit(page, name, kind, 'Xã Tân Lập');
  for (const [name, , recognised] of children) await childAssessment(page, name, recognised);

  await startAssessment(page, 'Xã Tân Lập', 2025);
  await indicator(page, 'xa-4b').getByText('Tính từ 7 đơn vị trực thuộc trong ứng dụng.').waitFor();
  assert.equal(await reason(page, 'xa-4a'), '7/7 đơn vị = 100% ≥ 100% (cần ít nhất 7).');
  assert.equal(
    await reason(page, 'xa-4b'),
    '4/7 đơn vị = 57,1% < 70% (cần ít nhất 5). Chưa tính 3 đơn vị: Thôn 4 (chưa có quyết định công nhận), Thôn 5 (chưa có quyết định công nhận), Trường THPT Tân Lập (chưa có quyết định công nhận).',
  );

  // One more village recognised: the commune's figure follows at once.
  await page.locator('[data-assessment-id]', { hasText: 'Thôn 4' }).getByRole('button').click();
  await page.getByLabel('Lý do mở lại').fill('Có quyết định bổ sung');
  await page.getByRole('button', { name: 'Mở lại để sửa' }).click();
  await page.getByLabel('Người khóa (họ tên)').fill('Trưởng thôn');
  await page.getByRole('button', { name: 'Khóa tự đánh giá' }).click();
  await page.getByLabel('Số quyết định').fill('26/QĐ-UBND');
  await page.getByLabel('Ngày quyết định').fill('2025-11-20');
  await page.getByRole('button', { name: 'Được công nhận', exact: true }).click();
  await page.getByTestId('status-panel').locator('summary').click();
  await page.getByTestId('status-panel').getByText('Có quyết định bổ sung').waitFor();

  await page.locator('[data-assessment-id]', { hasText: 'Xã Tân Lập' }).getByRole('button').click();
  assert.equal(
    await reason(page, 'xa-4b'),
    '5/7 đơn vị = 71,4% ≥ 70% (cần ít nhất 5). Chưa tính 2 đơn vị: Thôn 5 (chưa có quyết định công nhận), Trường THPT Tân Lập (chưa có quyết định công nhận).',
  );
  // The filter shows only what fails.
  await page.getByLabel('Lọc chỉ tiêu').selectOption('failing');
  assert.equal(await indicator(page, 'xa-4b').isVisible(), false);
  await page.getByLabel('Lọc chỉ tiêu').selectOption('unverified');
  assert.equal(await indicator(page, 'xa-1a').isVisible(), false);
  s.check();
  await s.close();
});
