// The static first screen (index.html's #first-screen): on the overview, in
// Vietnamese, the "Thêm đơn vị" form is there and usable before the app's
// code has arrived. The app takes over what was done on it: the fields, the
// focus and its caret, and a submit that waited. Each journey holds the
// main module back until it has done its part on the static form.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openHeld, ready, focusIs } from '../harness.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

const STATIC = '#first-screen';

/** What a visitor reads and fills on the overview under `root`: texts, fields and choices. */
function describe(root) {
  const text = (selector) => root.querySelector(selector)?.textContent.trim();
  const form = root.querySelector('form[data-testid="unit-form"]');
  return {
    name: text('.header__name'),
    tagline: text('.header__tagline'),
    nav: [...root.querySelectorAll('nav.nav a')].map((a) => [a.textContent.trim(), a.getAttribute('href')]),
    navLabel: root.querySelector('nav.nav').getAttribute('aria-label'),
    current: text('nav.nav a[aria-current="page"]'),
    title: text('main h1'),
    lead: text('main .lead'),
    units: text('#units-title'),
    form: text('.unit-form__title'),
    fields: [...form.querySelectorAll('input, select')].map((field) => ({
      id: field.id,
      label: form.querySelector(`label[for="${field.id}"]`)?.textContent.trim(),
      type: field.type,
      placeholder: field.placeholder,
      maxLength: field.maxLength,
      value: field.value,
      // The app's list of units to belong to is the workspace's: its first choice is "none".
      options: field.options ? [...field.options].slice(0, field.id === 'unit-parent' ? 1 : undefined).map((o) => [o.value, o.textContent.trim()]) : undefined,
    })),
    submit: text('button[type="submit"]'),
  };
}

test('the static first screen is the app’s overview, text for text and field for field', async () => {
  const s = await openHeld(env);
  await s.page.goto(env.server.url);
  await s.page.locator(STATIC).waitFor();
  const before = await s.page.evaluate(`(${describe})(document.querySelector('${STATIC}'))`);
  s.release();
  await ready(s.page);
  assert.equal(await s.page.locator(STATIC).count(), 0);
  const app = await s.page.evaluate(`(${describe})(document.body)`);
  // The app's form has what the static one has, in the same order, and one
  // thing more only where its fields depend on the kind of unit.
  assert.deepEqual(app.fields.slice(0, before.fields.length), before.fields);
  assert.deepEqual({ ...app, fields: [] }, { ...before, fields: [] });
  assert.ok(before.fields.length >= 4 && before.nav.length === 6, JSON.stringify(before));
  s.check();
  await s.close();
});

test('what is typed on the static first screen stays, with its focus and caret, when the app takes over', async () => {
  const s = await openHeld(env);
  await s.page.goto(env.server.url);
  const name = s.page.getByLabel('Tên đơn vị');
  await name.fill('Thôn Đông');
  await s.page.getByLabel('Loại đơn vị').selectOption('xa');
  await s.page.getByLabel('Đơn vị hành chính cấp trên').fill('huyện Mỹ Đức');
  // The caret after "Thôn", in the name.
  await name.evaluate((input) => {
    input.focus();
    input.setSelectionRange(4, 4);
  });
  // Until the code comes, the form is the static one.
  assert.equal(await s.page.locator(`${STATIC} #unit-name`).count(), 1);
  assert.equal(await s.page.locator('main#main').isVisible(), false);
  s.release();
  await s.page.locator(STATIC).waitFor({ state: 'detached' });
  await focusIs(s.page, 'unit-name');
  assert.equal(await name.inputValue(), 'Thôn Đông');
  assert.equal(await s.page.getByLabel('Loại đơn vị').inputValue(), 'xa');
  assert.equal(await s.page.getByLabel('Đơn vị hành chính cấp trên').inputValue(), 'huyện Mỹ Đức');
  // Typing goes on where it was.
  await s.page.keyboard.type(' Tây');
  assert.equal(await name.inputValue(), 'Thôn Tây Đông');
  await s.page.getByRole('button', { name: 'Thêm đơn vị' }).click();
  await s.page.getByTestId('unit-list').locator('.unit-list__name', { hasText: 'Thôn Tây Đông' }).waitFor();
  assert.match(await s.page.getByTestId('unit-list').innerText(), /Xã/);
  s.check();
  await s.close();
});

test('a unit submitted before the app’s code arrives is added when it does', async () => {
  const s = await openHeld(env);
  await s.page.goto(env.server.url);
  await s.page.getByLabel('Tên đơn vị').fill('Tổ dân phố 3');
  await s.page.getByLabel('Tên đơn vị').press('Enter');
  // The static form says the unit waits for the app (and nothing was sent anywhere).
  await s.page.locator(`${STATIC} [role="status"]`, { hasText: 'Đơn vị sẽ được thêm ngay khi mở xong' }).waitFor();
  s.release();
  await s.page.getByTestId('unit-list').locator('.unit-list__name', { hasText: 'Tổ dân phố 3' }).waitFor();
  assert.match(await s.page.getByTestId('units-status').innerText(), /Đã thêm đơn vị «Tổ dân phố 3»/);
  // Once, and the form is ready for the next.
  assert.equal(await s.page.getByTestId('unit-list').locator('.unit-list__name').count(), 1);
  assert.equal(await s.page.getByLabel('Tên đơn vị').inputValue(), '');
  await focusIs(s.page, 'unit-name');
  await s.page.waitForSelector('text=Đã lưu lúc');
  s.check();
  await s.close();
});

test('the static first screen is the overview’s, in Vietnamese: not another section’s, nor shown in English', async () => {
  // Another section: not shown, and the section opens.
  let s = await openHeld(env);
  await s.page.goto(env.server.url + '#/huong-dan');
  await s.page.waitForFunction(() => document.readyState === 'complete');
  assert.equal(await s.page.locator(STATIC).isVisible(), false);
  s.release();
  await ready(s.page);
  assert.equal(await s.page.locator('main h1').innerText(), 'Hướng dẫn');
  assert.equal(await s.page.locator(STATIC).count(), 0);
  s.check();
  await s.close();

  // Leaving the overview while the code is on its way: the static screen goes.
  s = await openHeld(env);
  await s.page.goto(env.server.url + '#/tong-quan');
  await s.page.locator(`${STATIC} #unit-name`).waitFor();
  await s.page.locator(`${STATIC} nav a`, { hasText: 'Ngày hội' }).click();
  await s.page.locator(STATIC).waitFor({ state: 'detached' });
  s.release();
  await ready(s.page);
  assert.equal(await s.page.locator('main h1').innerText(), 'Ngày hội toàn dân bảo vệ an ninh Tổ quốc');
  s.check();
  await s.close();

  // English chosen: not shown (its texts are Vietnamese); the app opens in English.
  s = await openHeld(env, { init: () => localStorage.setItem('antq.prefs', JSON.stringify({ language: 'en' })) });
  await s.page.goto(env.server.url);
  await s.page.waitForFunction(() => document.readyState === 'complete');
  assert.equal(await s.page.locator(STATIC).isVisible(), false);
  s.release();
  await s.page.getByLabel('Unit name').waitFor();
  assert.equal(await s.page.locator(STATIC).count(), 0);
  s.check();
  await s.close();
});
