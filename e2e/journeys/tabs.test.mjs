// Several tabs: a tab never overwrites newer data from another; it takes it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, ready } from '../harness.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

async function addUnit(page, name) {
  await page.getByLabel('Tên đơn vị').fill(name);
  await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
  await page.getByTestId('unit-list').locator('.unit-list__name', { hasText: name }).waitFor();
  await page.waitForSelector('text=Đã lưu lúc');
}

test('two tabs editing in turn each see the other’s units and lose none', async () => {
  const s = await open(env);
  const a = s.page;
  const b = await s.context.newPage();
  b.on('console', (msg) => { if (msg.type() === 'error') s.problems.push(`tab b: ${msg.text()}`); });
  for (const page of [a, b]) {
    await page.goto(env.server.url + '#/tong-quan');
    await ready(page);
  }
  await addUnit(a, 'Thôn Tab Một');
  await b.getByTestId('unit-list').locator('.unit-list__name', { hasText: 'Thôn Tab Một' }).waitFor();
  await addUnit(b, 'Thôn Tab Hai');
  await a.getByTestId('unit-list').locator('.unit-list__name', { hasText: 'Thôn Tab Hai' }).waitFor();
  await a.reload();
  await ready(a);
  const names = await a.getByTestId('unit-list').locator('.unit-list__name').allInnerTexts();
  assert.deepEqual(names.sort(), ['Thôn Tab Hai', 'Thôn Tab Một']);
  assert.equal(await a.evaluate(() => localStorage.getItem('antq.revision')), '2');
  s.check();
  await s.close();
});
