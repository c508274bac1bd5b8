// Every document the app prints, downloaded as a Word file, and the roll-up
// as an Excel workbook, then opened in LibreOffice as an official would:
// A4 pages, the document's text, page numbers from page 2, and figures
// that are formulas recomputed from the results.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, open, ready, addUnit, startAssessment } from '../harness.mjs';
import { catalogueSet, villageFile, villagePlan, onDisk } from '../villages.mjs';
import { toPdf, pdfInfo, pdfText, sheets, edited } from '../office.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

/** Opens a paper's preview by its button, downloads its Word file, closes it; returns the file's path. */
async function word(page, dir, button, heading) {
  await page.getByRole('button', { name: button }).click();
  const doc = page.getByTestId('doc-preview');
  await doc.getByText(heading, { exact: true }).first().waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), doc.getByTestId('doc-word').click()]);
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  await doc.getByRole('button', { name: 'Quay lại' }).click();
  return path;
}

const A4 = { width: 595.3, height: 841.9 };

function isA4(info) {
  return Math.abs(info.width - A4.width) < 1 && Math.abs(info.height - A4.height) < 1;
}

test('every printed document downloads as a Word file that LibreOffice opens as the same A4 document', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'antq-word-'));
  const s = await open(env);
  const page = s.page;
  await page.goto(env.server.url);
  await ready(page);
  await addUnit(page, 'Thôn Đông Tâm', 'khu-dan-cu');
  await startAssessment(page, 'Thôn Đông Tâm', 2025);
  await page.getByRole('tab', { name: 'Báo cáo và hồ sơ' }).click();
  // The unit's documents' fields, typed once here.
  await page.getByLabel('Cơ quan, tổ chức ban hành').fill('Ban công tác Mặt trận thôn Đông Tâm');
  await page.getByLabel('Chữ viết tắt tên cơ quan ban hành').fill('BCTMT');
  await page.getByLabel('Cơ quan cấp trên trực tiếp').fill('UBND xã Tân Lập');
  await page.getByLabel('Địa danh').fill('Đông Tâm');
  await page.getByLabel('Chức vụ người ký').fill('Trưởng thôn');
  await page.getByLabel('Họ tên người ký').fill('Nguyễn Văn An');
  await page.getByLabel('Thư ký cuộc họp (ký biên bản)').fill('Lê Thị Hoa');
  // The dossier's date: today until set (the meeting is not recorded yet).
  const date = page.getByLabel('Ngày văn bản');
  assert.equal(await date.inputValue(), '2026-11-20');
  await date.fill('2025-10-28');
  const papers = [
    [await word(page, dir, 'Xem và in Báo cáo tự đánh giá', 'BÁO CÁO'), ['BÁO CÁO', 'BAN CÔNG TÁC', '/BC-BCTMT', 'Đông Tâm, ngày 28 tháng 10 năm 2025', 'Kết quả tự đánh giá Thôn Đông Tâm', 'II. KẾT QUẢ THỰC HIỆN', 'Nơi nhận:', 'Nguyễn Văn An']],
    [await word(page, dir, 'Xem và in Tờ trình', 'TỜ TRÌNH'), ['TỜ TRÌNH', 'Kính gửi: UBND xã Tân Lập']],
    [await word(page, dir, 'Xem và in Biên bản họp', 'BIÊN BẢN'), ['BIÊN BẢN', 'THƯ KÝ', 'Lê Thị Hoa', 'CHỦ TRÌ']],
  ];

  // The festival's three papers.
  await page.locator('nav a[data-route="ngay-hoi"]').click();
  await page.getByLabel('Năm tổ chức').fill('2026');
  await page.getByTestId('festival-create').getByRole('button', { name: 'Lập kế hoạch' }).click();
  await page.getByLabel('Ngày tổ chức').fill('2026-08-15');
  await page.getByLabel('Địa điểm').fill('Nhà văn hóa thôn');
  await page.getByTestId('festival-plan').getByRole('tab', { name: 'In và xuất' }).click();
  // The same fields, not typed again.
  assert.equal(await page.getByLabel('Họ tên người ký').inputValue(), 'Nguyễn Văn An');
  assert.equal(await page.getByLabel('Chữ viết tắt tên cơ quan ban hành').inputValue(), 'BCTMT');
  papers.push(
    [await word(page, dir, 'Xem và in Kế hoạch', 'KẾ HOẠCH'), ['KẾ HOẠCH', '/KH-BCTMT', 'I. MỤC ĐÍCH, YÊU CẦU', 'Nhà văn hóa thôn', 'Nguyễn Văn An']],
    [await word(page, dir, 'Xem và in Báo cáo kết quả', 'BÁO CÁO'), ['Kết quả tổ chức Ngày hội', 'Khen thưởng:']],
    [await word(page, dir, 'Xem và in bảng phân công chương trình', 'CHƯƠNG TRÌNH VÀ PHÂN CÔNG'), ['CHƯƠNG TRÌNH VÀ PHÂN CÔNG', 'Phần lễ']],
  );
  const names = papers.map(([path]) => path.split('/').pop());
  // Each file says what it is, for whom and when.
  assert.deepEqual(names, [
    'bao-cao-tu-danh-gia_thon-dong-tam_2025.docx',
    'to-trinh_thon-dong-tam_2025.docx',
    'bien-ban-hop_thon-dong-tam_2025.docx',
    'ke-hoach-ngay-hoi_thon-dong-tam_2026.docx',
    'bao-cao-ket-qua-ngay-hoi_thon-dong-tam_2026.docx',
    'chuong-trinh-ngay-hoi_thon-dong-tam_2026.docx',
  ]);

  const pdfs = await toPdf(papers.map(([path]) => path));
  for (const [path, texts] of papers) {
    const name = path.split('/').pop();
    const pdf = pdfs[name];
    const info = pdfInfo(pdf);
    assert.ok(isA4(info), `${name}: ${info.width} x ${info.height} pt`);
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    for (const t of texts) assert.ok(text.includes(t), `${name}: "${t}" missing from ${text.slice(0, 400)}`);
    if (!name.startsWith('chuong-trinh')) {
      assert.ok(text.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'), name);
      assert.ok(text.includes('Độc lập - Tự do - Hạnh phúc'), name);
    }
    // No page number on the first page; from the second, centred at its top.
    assert.doesNotMatch(pdfText(pdf, 1).trim().split('\n')[0], /^\s*1\s*$/, name);
    for (let p = 2; p <= info.pages; p++) {
      assert.equal(pdfText(pdf, p).trim().split('\n')[0].trim(), String(p), `${name}: page ${p}`);
    }
  }
  // The report runs over pages, which are numbered.
  assert.ok(pdfInfo(pdfs[names[0]]).pages >= 2);
  await s.context.close();
});

test('the roll-up downloads as an Excel workbook whose figures are formulas LibreOffice recomputes', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'antq-excel-'));
  const set = catalogueSet('tt124-khu-dan-cu');
  const N = 8;
  const plans = Array.from({ length: N }, (_, i) => villagePlan(i));
  const files = plans.map((plan, i) => villageFile({ set, index: i, ...plan }));
  const passed = plans.filter((p) => p.fail.length === 0).length;
  const recognised = plans.filter((p) => p.recognised).length;

  const s = await open(env);
  const page = s.page;
  await page.goto(env.server.url + '#/tong-quan');
  await ready(page);
  await addUnit(page, 'Xã Tân Lập', 'xa');
  await page.locator('nav a[data-route="tong-hop"]').click();
  await page.getByLabel('Chọn một hoặc nhiều tệp JSON').setInputFiles(await onDisk(files));
  await page.getByTestId('rollup-batch').getByText(`Đã nhận ${N} bản ghi`).waitFor();
  await page.getByTestId('rollup-accept-all').click();
  await page.getByTestId('rollup-table').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('rollup-xlsx').click()]);
  assert.equal(download.suggestedFilename(), 'bang-tong-hop_xa-tan-lap_2025.xlsx');
  const xlsx = join(dir, download.suggestedFilename());
  await download.saveAs(xlsx);

  // The summary report, as a Word file too.
  await page.getByTestId('rollup-print').click();
  const doc = page.getByTestId('doc-preview');
  await doc.getByText('Tổng hợp kết quả xây dựng, công nhận “An toàn về an ninh, trật tự” năm 2025').waitFor();
  const [summary] = await Promise.all([page.waitForEvent('download'), doc.getByTestId('doc-word').click()]);
  assert.equal(summary.suggestedFilename(), 'bao-cao-tong-hop_xa-tan-lap_2025.docx');
  const docx = join(dir, summary.suggestedFilename());
  await summary.saveAs(docx);
  const pdf = (await toPdf([docx]))[summary.suggestedFilename()];
  assert.ok(isA4(pdfInfo(pdf)));
  assert.match(pdfText(pdf).replace(/\s+/g, ' '), new RegExp(`đã tiếp nhận và chấp nhận ${N} tệp của ${N} đơn vị`));

  // The set's sheet: a row per unit, a column per criterion, in Vietnamese.
  const book = await sheets(xlsx);
  const setSheet = Object.entries(book).find(([name]) => name.startsWith('Khu dân cư'))[1];
  assert.deepEqual(setSheet[0].slice(0, 3), ['Đơn vị', 'Kết quả chung', 'Được công nhận']);
  assert.equal(setSheet.length, N + 1);
  assert.ok(setSheet[0][3].startsWith('kdc-1 '));
  // The figures, as LibreOffice computes them.
  const figures = book['Số liệu'];
  assert.deepEqual(figures[0].slice(0, 3), ['Bộ tiêu chí', 'Số đơn vị', 'Tự đánh giá đạt']);
  assert.deepEqual(figures[1].slice(1, 3), [String(N), String(passed)]);
  assert.equal(figures[1][4], String(recognised));
  // Every failing result made a pass: the formulas count again.
  const changed = await sheets(await edited(xlsx, 'Chưa đạt', 'Đạt'));
  assert.deepEqual(changed['Số liệu'][1].slice(1, 3), [String(N), String(N)]);
  assert.ok(passed < N);
  // The festival sheet sums with a formula (no festival received: zero).
  const festival = book['Ngày hội'];
  assert.deepEqual(festival.at(-1).slice(0, 2), ['Tổng cộng', '0']);
  await s.context.close();
});
