// Shared set-up for the journeys: Debian's Chromium through playwright-core,
// the release dist/ under a deep sub-path, and guards that fail a journey on
// any console error, uncaught exception or request to another host.
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { serve } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const DIST = join(here, '..', 'dist');
export const BASE = '/a/b/antq/';
/** The clock every journey's page reads (Vietnam's time, UTC+7). */
export const TODAY = new Date('2026-11-20T09:00:00+07:00');

export const LAUNCH = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

/** Starts the server (serving `root` under `base`) and the browser once for a test file. */
export async function start({ root = DIST, base = BASE, types } = {}) {
  const server = await serve(root, base, types);
  const browser = await chromium.launch(LAUNCH);
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * A fresh context and page with the guards attached. `problems` collects
 * what went wrong; `check()` throws if anything did.
 */
export async function open(env, { init, contextOptions = {} } = {}) {
  const context = await env.browser.newContext({ acceptDownloads: true, viewport: { width: 1024, height: 800 }, ...contextOptions });
  const problems = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(env.server.origin + '/') || url.startsWith('blob:') || url.startsWith('data:')) {
      return route.continue();
    }
    problems.push(`request to another host: ${url}`);
    return route.abort();
  });
  // The journeys' day, whatever the machine's: deadlines, countdowns and
  // default years read the same on every run.
  await context.clock.setFixedTime(TODAY);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  // A Content-Security-Policy violation becomes a console error, which fails the journey.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  // `init`: a function, or a function and its argument.
  if (init) await page.addInitScript(...[init].flat());
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  return {
    context,
    page,
    problems,
    check() {
      if (problems.length) throw new Error(problems.join('\n'));
    },
    async close() {
      await context.close();
    },
  };
}

/**
 * Like `open`, with the service worker kept out and the main module held
 * back until `release()`: until then, only index.html's static first
 * screen works.
 */
export async function openHeld(env, options = {}) {
  const s = await open(env, { ...options, contextOptions: { serviceWorkers: 'block', ...options.contextOptions } });
  let release;
  const gate = new Promise((resolve) => {
    release = resolve;
  });
  await s.context.route('**/antq_bg.wasm', async (route) => {
    await gate;
    await route.continue();
  });
  return { ...s, release };
}

/**
 * Waits until the app has mounted and read its storage, and the section's
 * code has arrived (a section is shown, past its loading line).
 */
export async function ready(page) {
  await page.waitForSelector('nav.nav a[data-route="tong-quan"]');
  await page.waitForSelector('main#main .section > :not(.loading)');
}

/**
 * Adds a unit on the overview and waits until the list shows it. `scope`
 * states what decides whether TT 124 covers it: `{ level, size, armed, managed }`.
 */
export async function addUnit(page, name, kind = 'khu-dan-cu', parent, scope = {}) {
  await page.locator('nav a[data-route="tong-quan"]').click();
  await page.getByLabel('Tên đơn vị').fill(name);
  await page.getByLabel('Loại đơn vị').selectOption(kind);
  if (parent) await page.getByLabel('Thuộc đơn vị (trong ứng dụng)').selectOption({ label: parent });
  if (scope.level) await page.getByLabel('Cấp học').selectOption(scope.level);
  if (scope.size) await page.getByLabel('Quy mô doanh nghiệp').selectOption(scope.size);
  if (scope.armed !== undefined) await page.getByLabel('Là cơ quan, đơn vị lực lượng vũ trang').selectOption(String(scope.armed));
  if (scope.managed !== undefined) await page.getByLabel(/^Thuộc thẩm quyền/).selectOption(String(scope.managed));
  await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
  await page.getByTestId('unit-list').locator('.unit-list__name', { hasText: name }).first().waitFor();
}

// Self-assessment steps shared by the journeys.

export function indicator(page, id) {
  return page.locator(`[data-indicator-id="${id}"]`).first();
}

export async function yes(page, id, date) {
  await indicator(page, id).getByLabel('Có', { exact: true }).check();
  if (date) await page.locator(`#input-${id}-date`).fill(date);
}

export async function count(page, id, value) {
  await page.locator(`#input-${id}-count`).fill(String(value));
}

export async function reason(page, id) {
  return indicator(page, id).getByTestId('reason').innerText();
}

export async function startAssessment(page, unitLabel, year) {
  await page.locator('nav a[data-route="tu-danh-gia"]').click();
  await page.getByLabel('Đơn vị', { exact: true }).selectOption({ label: unitLabel });
  if (year) await page.getByLabel('Năm đánh giá').fill(String(year));
  await page.getByTestId('start-submit').click();
  await page.getByTestId('assessment-form').waitFor();
}

export async function childAssessment(page, name, recognised) {
  await startAssessment(page, name, 2025);
  await page.getByLabel('Người khóa (họ tên)').fill('Trưởng đơn vị');
  await page.getByRole('button', { name: 'Khóa tự đánh giá' }).click();
  await page.getByLabel('Số quyết định').fill('25/QĐ-UBND');
  await page.getByLabel('Ngày quyết định').fill('2025-11-10');
  await page.getByRole('button', { name: recognised ? 'Được công nhận' : 'Không được công nhận', exact: true }).click();
  await page
    .getByTestId('assessment-status')
    .getByText(recognised ? 'Được công nhận' : 'Không được công nhận', { exact: true })
    .waitFor();
}

/**
 * Waits until `field` is marked invalid and the message it is described by
 * says `message`: a refused value or a problem, next to its field.
 */
export async function invalid(page, field, message) {
  await page.waitForFunction(
    ([el, text]) => {
      const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
      const said = ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
      return el.getAttribute('aria-invalid') === 'true' && said.includes(text);
    },
    [await field.elementHandle(), message],
  );
}

/** Waits until `field` is no longer marked invalid nor described by a message. */
export async function valid(page, field) {
  await page.waitForFunction(
    (el) => el.getAttribute('aria-invalid') !== 'true' && !el.hasAttribute('aria-describedby'),
    await field.elementHandle(),
  );
}

/**
 * Waits until the element with id `id` has focus (`id` starting with "^" is
 * a pattern). After "Thêm…" the new row's first field takes focus on the
 * next frame: a journey waits for it before typing elsewhere in the row.
 */
export async function focusIs(page, id) {
  await page.waitForFunction(
    (want) => {
      const now = document.activeElement?.id ?? '';
      return want.startsWith('^') ? new RegExp(want).test(now) : now === want;
    },
    id,
  );
}

/**
 * Writes at once a save the autosave holds back for its pause, as leaving
 * the page does: what a journey then finds "not stored" is not on its way.
 */
export async function flushSaves(page) {
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
}
