// A CPU profile of the typing figure's keystrokes, to see where their time
// goes: functions by self time and by total time, and the whole profile in
// /tmp/typing.cpuprofile (Chrome's Performance panel opens it). Profile a
// build that keeps its names (no wasm-opt):
//   ANTQ_PROFILE=1 trunk build --release --dist /tmp/prof
//   node bench/profile-typing.mjs /tmp/prof
import { createRequire } from 'node:module';
import { writeFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../e2e/server.mjs';
import { LAUNCH } from '../e2e/harness.mjs';
import { typingWorkspace } from './workspace.mjs';
const here = dirname(fileURLToPath(import.meta.url));
const { chromium } = createRequire(join(here, '..', 'e2e', 'package.json'))('playwright-core');
const server = await serve(process.argv[2]);
const browser = await chromium.launch(LAUNCH);
const doc = typingWorkspace();
const ctx = await browser.newContext({ viewport: { width: 1024, height: 800 } });
await ctx.addInitScript((text) => {
  localStorage.setItem('antq.prefs', '{"language":"vi","storage_notice_dismissed":true}');
  if (!localStorage.getItem('antq.workspace')) localStorage.setItem('antq.workspace', text);
}, JSON.stringify(doc));
const page = await ctx.newPage();
await page.goto(server.url);
await page.locator('nav a[data-route="tu-danh-gia"]').click();
await page.locator('[data-assessment-id="a-xa-4"] button').first().click();
const field = page.locator('#input-xa-2-3a-count');
await field.waitFor();
await field.focus();
await page.keyboard.press('End');
for (const k of ['1', 'Backspace', '1', 'Backspace']) { await page.keyboard.press(k); await page.waitForTimeout(80); }
const cdp = await ctx.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
for (let i = 0; i < 40; i += 1) { await page.keyboard.press(i % 2 ? 'Backspace' : '2'); await page.waitForTimeout(50); }
const { profile } = await cdp.send('Profiler.stop');
await writeFile('/tmp/typing.cpuprofile', JSON.stringify(profile));
// self time per function
const self = new Map(); const total = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const counts = new Map(); for (const s of profile.samples) counts.set(s, (counts.get(s) ?? 0) + 1);
for (const [id, c] of counts) {
  const n = byId.get(id); const name = n.callFrame.functionName || '(anon)';
  self.set(name, (self.get(name) ?? 0) + c);
  const seen = new Set(); let cur = id;
  while (cur !== undefined) { const nm = byId.get(cur).callFrame.functionName || '(anon)'; if (!seen.has(nm)) { seen.add(nm); total.set(nm, (total.get(nm) ?? 0) + c); } cur = parent.get(cur); }
}
const all = profile.samples.length;
const idle = self.get('(idle)') ?? 0;
console.log('samples', all, 'idle', idle);
console.log('--- self');
for (const [n, c] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(String(c).padStart(6), n.slice(0, 150));
console.log('--- total');
for (const [n, c] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 80)) console.log(String(c).padStart(6), n.slice(0, 150));
await browser.close(); await server.close();
