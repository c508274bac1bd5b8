import { chromium } from 'playwright-core';
import { LAUNCH } from './harness.mjs';
import { serve } from './server.mjs';
import { workspace } from '../bench/workspace.mjs';
const server = await serve('/work/main/dist', '/');
const browser = await chromium.launch(LAUNCH);
const big = workspace({ villages: 30, years: 5, plans: 5, notes: 'x'.repeat(6500) });
for (const storage of [null, big]) {
const ctx = await browser.newContext();
await ctx.addInitScript((t) => { if (!localStorage.getItem('antq.prefs')) localStorage.setItem('antq.prefs', '{"language":"vi","storage_notice_dismissed":true}'); if (t && !localStorage.getItem('antq.workspace')) { localStorage.setItem('antq.workspace', t); } }, storage);
const page = await ctx.newPage();
const cdp = await ctx.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
await page.goto(server.url);
await page.waitForSelector('nav.nav');
await page.waitForTimeout(300);
const { profile } = await cdp.send('Profiler.stop');
const self = new Map();
const dt = profile.timeDeltas; const byId = new Map(profile.nodes.map(n => [n.id, n]));
profile.samples.forEach((id, i) => { const n = byId.get(id); const name = n.callFrame.functionName || '(anon) ' + n.callFrame.url.split('/').pop(); self.set(name, (self.get(name) || 0) + (dt[i] || 0)); });
console.log('----', storage ? '1MiB' : 'empty');
[...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 14).forEach(([n, t]) => console.log((t / 1000).toFixed(1).padStart(8), n.slice(0, 100)));
await ctx.close();
}
await browser.close(); await server.close();
