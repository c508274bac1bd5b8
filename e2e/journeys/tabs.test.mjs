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

test('two tabs saving at the same moment a hundred times lose no unit', async () => {
  const s = await open(env);
  const a = s.page;
  const b = await s.context.newPage();
  b.on('console', (msg) => { if (msg.type() === 'error') s.problems.push(`tab b: ${msg.text()}`); });
  b.on('pageerror', (err) => s.problems.push(`tab b: ${err.message}`));
  for (const page of [a, b]) {
    await page.goto(env.server.url + '#/tong-quan');
    await ready(page);
  }
  const count = (page) => page.getByTestId('unit-list').locator('.unit-list__name').count();
  const ROUNDS = 100;
  for (let round = 0; round < ROUNDS; round += 1) {
    await a.getByLabel('Tên đơn vị').fill(`Thôn A ${round}`);
    await b.getByLabel('Tên đơn vị').fill(`Thôn B ${round}`);
    // Both tabs add a unit in the same moment, so both save about 300 ms later.
    await Promise.all([a, b].map((page) => page.evaluate(() => document.querySelector('[data-testid=unit-submit]').click())));
    // Each tab ends up with both units: its own, and the other's, merged.
    for (const page of [a, b]) {
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid=unit-list] .unit-list__name').length === n, 2 * (round + 1));
    }
  }
  assert.equal(await count(a), 2 * ROUNDS);
  assert.equal(await count(b), 2 * ROUNDS);
  const stored = JSON.parse(await a.evaluate(() => localStorage.getItem('antq.workspace')));
  const names = new Set(stored.units.map((u) => u.name));
  for (let round = 0; round < ROUNDS; round += 1) {
    assert.ok(names.has(`Thôn A ${round}`) && names.has(`Thôn B ${round}`), `round ${round} lost a unit`);
  }
  for (const page of [a, b]) assert.equal(await page.getByTestId('save-failed').count(), 0);
  s.check();
  await s.close();
});
