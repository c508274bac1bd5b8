// A large file's checksum is computed by a worker (hash-worker.js) while
// the page reads its records: over the content's bytes exactly, its answer
// decides, and where no worker can run the page hashes it itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, ready } from '../harness.mjs';
import { catalogueSet, onDisk, villageFile } from '../villages.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

const set = catalogueSet('tt124-khu-dan-cu');
// Over 448 KiB of content (what the worker is asked to hash), with letters
// of two and three bytes before and in it.
const notes = 'Đã họp dân ở nhà văn hoá thôn, lập biên bản. '.repeat(10000);
const large = villageFile({ set, index: 1, notes });
const small = villageFile({ set, index: 2 });
// The same length, one letter changed: the stated checksum no longer fits.
const damaged = { name: 'hong.json', text: large.text.replace('lập biên bản. Đã', 'lập biên bản, Đã') };
assert.notEqual(damaged.text, large.text);

/** Where the content lies in the file's bytes: [start, end). */
function contentSpan(text) {
  const at = text.indexOf('"content": ') + '"content": '.length;
  const start = Buffer.byteLength(text.slice(0, at));
  return [start, start + Buffer.byteLength(text.slice(at, text.lastIndexOf('\n}')))];
}

/**
 * The page's Worker, watched: `window.__hashing` counts what was asked
 * (the spans) and whether the worker said it is ready. With `lying`, the
 * worker answers every question with a digest of zeros.
 */
function watchWorker(lying) {
  const Real = window.Worker;
  window.__hashing = { ready: false, spans: [] };
  window.Worker = class extends Real {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        if (event.data === 'ready') window.__hashing.ready = true;
      });
    }

    postMessage(message, transfer) {
      window.__hashing.spans.push([message.start, message.end]);
      if (lying) return transfer[1].postMessage(new ArrayBuffer(32));
      return super.postMessage(message, transfer);
    }
  };
}

async function dataSection(init) {
  const s = await open(env, { init, contextOptions: { serviceWorkers: 'block' } });
  await s.page.goto(env.server.url + '#/du-lieu');
  await ready(s.page);
  return s;
}

const stored = (page) => page.evaluate(() => localStorage.getItem('antq.workspace'));
const choose = (page, path) => page.getByLabel('Chọn một hoặc nhiều tệp JSON').setInputFiles(path);

test('a large file is hashed by the worker over its content, a damaged one is refused', async () => {
  const s = await dataSection([watchWorker, false]);
  const { page } = s;
  await page.waitForFunction(() => window.__hashing.ready);
  const [largePath, damagedPath, smallPath] = await onDisk([large, damaged, small]);
  assert.ok(contentSpan(large.text)[1] - contentSpan(large.text)[0] > 448 * 1024);

  const before = await stored(page);
  await choose(page, damagedPath);
  await page.getByTestId('import-error').getByText('Nội dung tệp không khớp mã kiểm tra').waitFor();
  assert.equal(await stored(page), before);

  await choose(page, largePath);
  await page.getByTestId('import-preview').getByText('Thôn 01 2025: Mới: sẽ thêm').waitFor();
  const spans = await page.evaluate(() => window.__hashing.spans);
  assert.deepEqual(spans, [contentSpan(damaged.text), contentSpan(large.text)]);

  // A small file is hashed in place: nothing more is asked of the worker.
  await choose(page, smallPath);
  await page.getByTestId('import-preview').getByText('Thôn 02 2025: Mới: sẽ thêm').waitFor();
  assert.equal(await page.evaluate(() => window.__hashing.spans.length), 2);
  s.check();
  await s.close();
});

test("the worker's answer decides: a wrong digest refuses a sound file", async () => {
  const s = await dataSection([watchWorker, true]);
  const { page } = s;
  await page.waitForFunction(() => window.__hashing.ready);
  const [largePath, smallPath] = await onDisk([large, small]);
  const before = await stored(page);
  await choose(page, largePath);
  await page.getByTestId('import-error').getByText('Nội dung tệp không khớp mã kiểm tra').waitFor();
  assert.equal(await page.evaluate(() => window.__hashing.spans.length), 1);
  assert.equal(await stored(page), before);
  // The same page takes a small file, which it hashes itself.
  await choose(page, smallPath);
  await page.getByTestId('import-preview').getByText('Thôn 02 2025: Mới: sẽ thêm').waitFor();
  s.check();
  await s.close();
});

test('where no worker can run, a large file is hashed in place', async () => {
  const s = await dataSection(() => {
    window.Worker = class {
      constructor() {
        throw new DOMException('workers are not allowed here', 'SecurityError');
      }
    };
  });
  const { page } = s;
  const [largePath, damagedPath] = await onDisk([large, damaged]);
  await choose(page, damagedPath);
  await page.getByTestId('import-error').getByText('Nội dung tệp không khớp mã kiểm tra').waitFor();
  await choose(page, largePath);
  await page.getByTestId('import-preview').getByText('Thôn 01 2025: Mới: sẽ thêm').waitFor();
  s.check();
  await s.close();
});
