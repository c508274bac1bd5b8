// Start-up and storage benchmarks, as ratios measured in one run (issue 9):
// - first contentful paint of the app (empty workspace, and a 1 MiB one)
//   divided by that of a static page with the same <head>, at normal CPU
//   and at 4x CPU throttling; medians of 10 samples after a warm-up, each in
//   a fresh browser context;
// - the share of localStorage's 5,242,880 UTF-16 units taken by a commune
//   with 30 villages, each with 5 years of assessments, and 5 festival plans.
// Prints figures and their budgets; never fails on a number (no timed asserts).
import { createRequire } from 'node:module';
import { readFile, writeFile, mkdtemp, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../e2e/server.mjs';
import { LAUNCH } from '../e2e/harness.mjs';
import { workspace } from './workspace.mjs';

const here = dirname(fileURLToPath(import.meta.url));
// playwright-core is installed with the journeys, in e2e/node_modules.
const { chromium } = createRequire(join(here, '..', 'e2e', 'package.json'))('playwright-core');
const DIST = join(here, '..', 'dist');
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 10);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function fcp(browser, url, { throttle = 1, storage = null } = {}) {
  const context = await browser.newContext();
  if (storage) {
    await context.addInitScript((text) => {
      if (!localStorage.getItem('antq.workspace')) {
        localStorage.setItem('antq.workspace', text);
        localStorage.setItem('antq.prefs', '{"language":"vi","storage_notice_dismissed":true}');
      }
    }, storage);
  }
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.goto(url);
  const value = await page.evaluate(() => new Promise((resolve) => {
    const found = performance.getEntriesByName('first-contentful-paint')[0];
    if (found) return resolve(found.startTime);
    new PerformanceObserver((list) => {
      const entry = list.getEntriesByName('first-contentful-paint')[0];
      if (entry) resolve(entry.startTime);
    }).observe({ type: 'paint', buffered: true });
  }));
  await context.close();
  return value;
}

async function main() {
  // A static page with the app's <head>: the reference.
  const root = await mkdtemp(join(tmpdir(), 'antq-bench-'));
  await cp(DIST, join(root, 'app'), { recursive: true });
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  const staticHtml = html
    .replace(/<script type="module">[\s\S]*?<\/script>/, '')
    .replace('<body>', '<body><header class="header"><span class="header__name">antq</span></header><main class="main"><h1>Tổng quan</h1></main>');
  await cp(DIST, join(root, 'static'), { recursive: true });
  await writeFile(join(root, 'static', 'index.html'), staticHtml);
  const server = await serve(root, '/');
  const browser = await chromium.launch(LAUNCH);
  const big = workspace({ villages: 30, years: 5, plans: 5, notes: 'x'.repeat(6500) });
  console.log(`1 MiB workspace: ${(big.length / 1024).toFixed(0)} KiB of JSON`);
  const rows = [];
  for (const throttle of [1, 4]) {
    for (const [label, storage] of [['empty workspace', null], ['1 MiB workspace', big]]) {
      const app = [];
      const ref = [];
      await fcp(browser, server.url + 'app/', { throttle, storage });
      await fcp(browser, server.url + 'static/', { throttle });
      for (let n = 0; n < SAMPLES; n += 1) {
        app.push(await fcp(browser, server.url + 'app/', { throttle, storage }));
        ref.push(await fcp(browser, server.url + 'static/', { throttle }));
      }
      rows.push({ throttle, label, app: median(app), ref: median(ref) });
    }
  }
  console.log('\nfirst contentful paint, median of %d (ms)', SAMPLES);
  console.log('%s %s %s %s %s', 'CPU'.padEnd(5), 'case'.padEnd(18), 'app'.padStart(8), 'static'.padStart(8), 'ratio (budget ≤ 3)');
  for (const r of rows) {
    console.log('%s %s %s %s %s', `${r.throttle}x`.padEnd(5), r.label.padEnd(18), r.app.toFixed(0).padStart(8), r.ref.toFixed(0).padStart(8), (r.app / r.ref).toFixed(2).padStart(8));
  }
  const commune = workspace({ villages: 30, years: 5, plans: 5 });
  const units = commune.length + 'antq.workspace'.length;
  console.log(`\nstorage: a commune with 30 villages x 5 years and 5 festival plans takes ${units} UTF-16 units = ${(units * 100 / 5242880).toFixed(2)}% of 5,242,880 (budget ≤ 20%)`);
  await browser.close();
  await server.close();
}

await main();
