// Renders icons/icon.svg to the PNG sizes the web app manifest lists, with
// Debian's Chromium. Run by hand (node e2e/render-icons.mjs) after changing the
// SVG; the PNGs are committed.
import { chromium } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const icons = join(dirname(fileURLToPath(import.meta.url)), '..', 'icons');
const svg = await readFile(join(icons, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const [name, size, padding] of [['icon-192.png', 192, 0], ['icon-512.png', 512, 0], ['icon-maskable-512.png', 512, 0.1]]) {
  await page.setViewportSize({ width: size, height: size });
  const inner = Math.round(size * (1 - 2 * padding));
  await page.setContent(`<html><body style="margin:0;background:#a4161a;display:grid;place-items:center;width:${size}px;height:${size}px">
    <div style="width:${inner}px;height:${inner}px">${svg.replace('width="512" height="512"', `width="${inner}" height="${inner}"`)}</div></body></html>`);
  await page.screenshot({ path: join(icons, name), omitBackground: padding === 0 });
}
await browser.close();
