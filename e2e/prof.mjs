import { chromium } from 'playwright-core';
import { LAUNCH } from './harness.mjs';
import { serve } from './server.mjs';
import { workspace } from '../bench/workspace.mjs';
const server = await serve('/work/main/dist', '/');
const browser = await chromium.launch(LAUNCH);
const doc = JSON.parse(workspace({ villages: 49, years: 5, plans: 5 }));
for (let y = 0; y < 5; y += 1) doc.assessments.push({ id: `a-xa-${y}`, unit: 'u-xa', set: { id: 'tt124-xa-phuong', version: 1 }, year: 2021 + y, answers: { 'xa-2-3a': { type: 'count', count: 0 } }, evidence: {}, status: { state: 'draft' }, history: [], actions: [], report: {} });
const ctx = await browser.newContext();
await ctx.addInitScript((t) => { if (!localStorage.getItem('antq.workspace')) { localStorage.setItem('antq.workspace', t); localStorage.setItem('antq.prefs', '{"language":"vi","storage_notice_dismissed":true}'); } }, JSON.stringify(doc));
const page = await ctx.newPage();
await page.goto(server.url);
await page.waitForSelector('nav.nav');
await page.locator('nav a[data-route="tu-danh-gia"]').click();
await page.locator('[data-assessment-id="a-xa-4"] button').first().click();
const field = page.locator('#in-xa-2-3a-count');
await field.focus(); await page.keyboard.press('End');
await page.evaluate(() => {
  window.__m = new Map();
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type !== 'childList') continue;
      let t = r.target; const path = [];
      for (let k = 0; k < 4 && t && t.tagName; k++) { path.push(t.tagName.toLowerCase() + (t.className && typeof t.className === 'string' ? '.' + t.className.split(' ')[0] : '') + (t.dataset && t.dataset.testid ? '#' + t.dataset.testid : '')); t = t.parentElement; }
      const key = path.join(' < ');
      window.__m.set(key, (window.__m.get(key) || 0) + r.removedNodes.length + r.addedNodes.length);
    }
  }).observe(document.body, { childList: true, subtree: true });
});
for (let i = 0; i < 4; i++) { await page.keyboard.press(i % 2 ? 'Backspace' : '2'); await page.waitForTimeout(100); }
console.log(await page.evaluate(() => [...window.__m.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => v + ' ' + k).join('\n')));
await browser.close(); await server.close();
