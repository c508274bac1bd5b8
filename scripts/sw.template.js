// The service worker of antq, generated at build time by
// scripts/post-build.mjs from the files actually in dist/. Do not edit the
// generated dist/sw.js; edit this template.
'use strict';

const VERSION = '__VERSION__';
const CACHE = 'antq-' + VERSION;
const FILES = __FILES__;
// The chunks only Word and Excel files need: fetched on first use, then kept.
const ON_DEMAND = __ON_DEMAND__;

self.addEventListener('install', (event) => {
  // Precache every file of this build. A new version then waits until the
  // user chooses to reload: it is never applied in the middle of work.
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES.map((file) => new Request(file, { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('antq-') && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
  if (event.data === 'version' && event.source) event.source.postMessage({ version: VERSION });
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Every page of the app is index.html; sections are hash routes.
    event.respondWith(
      caches
        .open(CACHE)
        .then((cache) => cache.match(new URL('./index.html', self.registration.scope).href))
        .then((cached) => cached || fetch(request)),
    );
    return;
  }
  const onDemand = ON_DEMAND.some((file) => new URL(file, self.registration.scope).pathname === url.pathname);
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(request, { ignoreSearch: true }).then(
        (cached) =>
          cached ||
          fetch(request).then((response) => {
            // Kept from its first use, for the next time offline.
            if (onDemand && response.ok) return cache.put(request, response.clone()).then(() => response);
            return response;
          }),
      ),
    ),
  );
});
