// A commune officer plans the festival from the template to the printed
// plan, records the after-festival report, and downloads the calendar file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { start, open, ready, invalid, valid, focusIs } from '../harness.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

test('a festival planned from the template to the printed plan, the report and the .ics', async () => {
  const s = await open(env);
  const page = s.page;
  await page.goto(env.server.url + '#/tong-quan');
  await ready(page);
  await page.getByLabel('Tên đơn vị').fill('Xã Tân Lập');
  await page.getByLabel('Loại đơn vị').selectOption('xa');
  await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
  await page.locator('nav a[data-route="ngay-hoi"]').click();
  await page.getByLabel('Năm tổ chức').fill('2026');
  await page.getByTestId('festival-create').getByRole('button', { name: 'Lập kế hoạch' }).click();
  const plan = page.getByTestId('festival-plan');
  await plan.getByRole('heading', { name: 'Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2026' }).waitFor();

  // The date must fall in the window; outside it, a clear message.
  await page.getByLabel('Ngày tổ chức').fill('2026-06-30');
  await page.getByTestId('festival-warnings').getByText('Ngày 30/06/2026 nằm ngoài thời gian tổ chức 01/07/2026 – 19/08/2026.').waitFor();
  // The warning is said beside the date too, tied to it.
  const dateField = page.getByLabel('Ngày tổ chức');
  await invalid(page, dateField, 'Ngày 30/06/2026 nằm ngoài thời gian tổ chức 01/07/2026 – 19/08/2026.');
  await dateField.fill('2026-08-15');
  await valid(page, dateField);
  const time = page.getByLabel('Giờ khai mạc (HH:MM)');
  await time.fill('07:30');
  // A time that cannot be is refused with its reason, and the stored 07:30 stays.
  await time.fill('25:99');
  await invalid(page, time, '«25:99» không phải giờ hợp lệ: nhập giờ:phút từ 00:00 đến 23:59, ví dụ 07:30.');
  await time.fill('07:30');
  await valid(page, time);
  // So is a window day that is not a day of the year.
  const opens = page.getByLabel('Được tổ chức từ ngày (tháng-ngày)');
  await opens.fill('13-45');
  await invalid(page, opens, '«13-45» không phải một ngày trong năm: nhập tháng-ngày, ví dụ 07-01 là ngày 1 tháng 7.');
  await opens.fill('07-01');
  await valid(page, opens);
  await page.getByLabel('Địa điểm').fill('Nhà văn hóa xã, thôn Đồng');
  assert.equal(await page.getByTestId('festival-warnings').getByText('nằm ngoài').count(), 0);
  await page.getByTestId('countdown').waitFor();

  await plan.getByRole('tab', { name: 'Ban tổ chức' }).click();
  await page.getByRole('button', { name: 'Thêm người' }).click();
  await focusIs(page, 'festival-person-0-name');
  await page.locator('#festival-person-0-name').fill('Nguyễn Văn An');
  await page.locator('#festival-person-0-role').selectOption('head');
  await page.locator('#festival-person-0-position').fill('Chủ tịch UBND xã');
  await page.locator('#festival-person-0-phone').fill('0912 345 678');

  await plan.getByRole('tab', { name: 'Chương trình' }).click();
  const items = page.getByTestId('programme').locator('.programme__item');
  assert.equal(await items.count(), 17);
  assert.equal(await page.locator('#festival-item-1-item').inputValue(), 'Chào cờ');
  await items.nth(1).getByRole('button', { name: 'Lên' }).click();
  assert.equal(await page.locator('#festival-item-0-item').inputValue(), 'Chào cờ');
  // Dragging works too: the third item dropped on the first.
  await items.nth(2).dragTo(items.nth(0));
  assert.match(await page.locator('#festival-item-0-item').inputValue(), /Tuyên bố lý do/);
  await page.getByRole('button', { name: 'Xếp giờ liền nhau từ giờ khai mạc' }).click();
  assert.equal(await page.locator('#festival-item-0-start').inputValue(), '07:30');
  await page.locator('#festival-item-0-responsible').selectOption({ label: 'Nguyễn Văn An' });
  await page.getByText(/Tổng thời lượng: \d+ phút/).waitFor();
  // The item's text has the width it needs at 1366 px.
  await page.setViewportSize({ width: 1366, height: 800 });
  const itemField = page.locator('#festival-item-0-item');
  assert.ok(await itemField.evaluate((el) => el.scrollWidth <= el.clientWidth), 'the item text is cut off');
  await page.setViewportSize({ width: 1024, height: 800 });
  const minutes = page.locator('#festival-item-0-minutes');
  await minutes.fill('-5');
  await invalid(page, minutes, '«-5» là số âm: nhập số từ 0 trở lên.');
  await minutes.fill('10');
  await valid(page, minutes);

  await plan.getByRole('tab', { name: 'Công việc' }).click();
  const tasks = page.getByTestId('tasks');
  const first = tasks.locator('[data-task-id="viec-ban-hanh-ke-hoach"]');
  assert.equal(await first.getByLabel('Hạn').inputValue(), '2026-07-01');
  await first.getByLabel('Người thực hiện').selectOption({ label: 'Nguyễn Văn An' });
  await first.getByLabel('Tình trạng').selectOption('done');
  assert.ok((await tasks.getByTestId('task-overdue').count()) > 0);
  // The report is due after the day by design: no warning about it. A
  // preparation task moved after the day is warned about.
  const warnings = page.getByTestId('festival-warnings');
  const security = tasks.locator('[data-task-id="viec-an-ninh"]');
  await security.getByLabel('Hạn').fill('2026-08-16');
  await warnings.getByText('việc quan trọng «Bảo đảm an ninh, trật tự trong ngày tổ chức»').waitFor();
  assert.equal(await warnings.getByText('Báo cáo kết quả tổ chức Ngày hội').count(), 0);
  await security.getByLabel('Hạn').fill('2026-08-15');
  await warnings.getByText('việc quan trọng').waitFor({ state: 'detached' });

  await plan.getByRole('tab', { name: 'Kinh phí' }).click();
  await page.getByRole('button', { name: 'Thêm khoản' }).click();
  await focusIs(page, 'festival-budget-0-category');
  await page.locator('#festival-budget-0-category').fill('Khánh tiết, âm thanh');
  await page.locator('#festival-budget-0-planned').fill('1500000');
  await page.getByRole('button', { name: 'Thêm khoản' }).click();
  await focusIs(page, 'festival-budget-1-category');
  await page.locator('#festival-budget-1-category').fill('Quà tặng hộ nghèo');
  await page.locator('#festival-budget-1-source').selectOption('voluntary');
  const amount = page.locator('#festival-budget-1-planned');
  await amount.fill('-3000000');
  await invalid(page, amount, '«-3000000» là số âm: nhập số từ 0 trở lên.');
  await amount.fill('3 triệu');
  await invalid(page, amount, '«3 triệu» không phải số nguyên: chỉ nhập chữ số, có thể dùng dấu chấm ngăn hàng nghìn (1.500.000).');
  await amount.fill('3.000.000');
  await valid(page, amount);
  await page.locator('#festival-budget-0-actual').fill('1200000');
  const totals = page.getByTestId('budget-totals');
  await totals.getByRole('row', { name: /Ngân sách nhà nước 1\.500\.000 đ 1\.200\.000 đ/ }).waitFor();
  await totals.getByRole('row', { name: /Xã hội hóa 3\.000\.000 đ/ }).waitFor();
  await totals.getByRole('row', { name: 'Tổng cộng 4.500.000 đ 1.200.000 đ' }).waitFor();

  await plan.getByRole('tab', { name: 'Khách mời, khen thưởng' }).click();
  await page.getByRole('button', { name: 'Thêm khách mời' }).click();
  await focusIs(page, 'festival-guest-0-name');
  await page.locator('#festival-guest-0-name').fill('Đại tá Trần Văn Bình');
  await page.locator('#festival-guest-0-body').fill('Công an tỉnh');
  await page.getByRole('button', { name: 'Thêm đề xuất' }).click();
  await focusIs(page, 'festival-comm-0-kind');
  await page.locator('#festival-comm-0-name').fill('Tổ bảo vệ ANTT thôn Đồng');
  await page.locator('#festival-comm-0-award').fill('Giấy khen của Chủ tịch UBND xã');

  await plan.getByRole('tab', { name: 'Sau Ngày hội' }).click();
  await page.getByLabel('Số người tham dự').fill('250');
  await page.getByLabel('Trị giá quà (đồng)').fill('15000000');
  // The narratives are paragraphs.
  const lessons = page.getByLabel('Bài học kinh nghiệm');
  assert.equal(await lessons.evaluate((el) => el.tagName), 'TEXTAREA');
  await lessons.fill('Cần chuẩn bị âm thanh sớm hơn.\nCần thêm ghế.');

  await plan.getByRole('tab', { name: 'In và xuất' }).click();
  await page.getByLabel('Cơ quan, tổ chức ban hành').fill('Ủy ban nhân dân xã Tân Lập');
  await page.getByLabel('Chức vụ người ký').fill('Chủ tịch');
  await page.getByLabel('Họ tên người ký').fill('Nguyễn Văn An');
  await page.getByRole('button', { name: 'Xem và in Kế hoạch' }).click();
  const doc = page.getByTestId('doc-preview');
  await doc.getByText('KẾ HOẠCH', { exact: true }).waitFor();
  await doc.getByText('ỦY BAN NHÂN DÂN XÃ TÂN LẬP').waitFor();
  await doc.getByTestId('plan-budget').getByText('Ngân sách nhà nước: 1.500.000 đ').waitFor();
  await doc.getByTestId('plan-budget').getByText('Tổng cộng: 4.500.000 đ').waitFor();
  await doc.getByText('Nguyễn Văn An – Chủ tịch UBND xã, Trưởng ban').waitFor();
  await page.emulateMedia({ media: 'print' });
  assert.ok(await doc.getByTestId('programme-table').first().isVisible());
  assert.ok(await doc.getByTestId('signature-block').isVisible());
  // Printed, the task table's first column has the width its text needs,
  // a heading stays with what follows it, and the signature with the
  // closing paragraph.
  const taskTable = doc.getByTestId('plan-tasks');
  const [firstColumn, wholeTable] = await taskTable.evaluate((t) => [t.querySelector('th').getBoundingClientRect().width, t.getBoundingClientRect().width]);
  assert.ok(firstColumn > wholeTable * 0.3, `the first column is ${firstColumn} of ${wholeTable} px`);
  assert.equal(await doc.locator('.nd30-heading').first().evaluate((h) => getComputedStyle(h).breakAfter), 'avoid');
  assert.equal(await doc.getByTestId('signature-block').evaluate((b) => getComputedStyle(b).breakBefore), 'avoid');
  assert.equal(await page.locator('nav.nav').isVisible(), false);
  assert.equal(await page.getByRole('tab', { name: 'Chương trình' }).isVisible(), false);
  await page.emulateMedia({ media: 'screen' });
  await doc.getByRole('button', { name: 'Quay lại' }).click();

  await page.getByRole('button', { name: 'Xem và in Báo cáo kết quả' }).click();
  await doc.getByTestId('report-figures').getByText('Số người tham dự: 250').waitFor();
  await doc.getByText('trị giá: 15.000.000 đ').waitFor();
  await doc.getByRole('row', { name: /Giấy khen của Chủ tịch UBND xã 1 0/ }).waitFor();
  // Spending beside the estimate.
  await doc.getByTestId('report-budget').getByRole('row', { name: 'Ngân sách nhà nước 1.500.000 đ 1.200.000 đ' }).waitFor();
  await doc.getByTestId('report-budget').getByRole('row', { name: 'Tổng cộng 4.500.000 đ 1.200.000 đ' }).waitFor();
  await doc.getByRole('button', { name: 'Quay lại' }).click();

  // The run-sheet says whom to call.
  await page.getByRole('button', { name: 'Xem và in bảng phân công chương trình' }).click();
  await doc.getByRole('cell', { name: 'Nguyễn Văn An – 0912 345 678' }).first().waitFor();
  await doc.getByRole('button', { name: 'Quay lại' }).click();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ics').click()]);
  assert.equal(download.suggestedFilename(), '2026_xa-tan-lap_ngay-hoi.ics');
  const ics = await readFile(await download.path(), 'utf8');
  assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\n'));
  assert.ok(ics.endsWith('END:VCALENDAR\r\n'));
  assert.ok(!ics.replace(/\r\n/g, '').includes('\n'), 'a bare LF');
  // The festival keeps its time, in Vietnam's time zone; the tasks are to-dos.
  assert.ok(ics.includes('BEGIN:VTIMEZONE\r\nTZID:Asia/Ho_Chi_Minh\r\n'));
  assert.ok(ics.includes('DTSTART;TZID=Asia/Ho_Chi_Minh:20260815T073000\r\n'));
  assert.ok(ics.includes('BEGIN:VTODO\r\n'));
  assert.ok(ics.includes('LOCATION:Nhà văn hóa xã\\, thôn Đồng\r\n'));
  for (const line of ics.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, line);
  s.check();
  await s.close();
});
