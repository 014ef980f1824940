// Nixpad's service worker: after one visit the whole site works with the network cut.
//
// At build time scripts/sw-manifest.sh (a trunk post_build hook) replaces the two lines
// below with the site's files and a version computed from their contents, so a new build
// is a new sw.js: the browser installs it, it fills a new cache, and the old one is deleted.
//
// Answers: files whose names carry trunk's content hash never change, so they come from
// the cache first; everything else (index.html, the worker, lesson packs, a workshop's
// /workshop.pack) comes from the network first, falling back to the cache when offline.
//
// Lesson packs are optional: `nixpad serve --only` answers 404 for curriculum.pack, and
// /workshop.pack exists only on a workshop's server (it is not in the build). They are
// cached when the server has them; offline, a pack that was never cached answers 404
// (as a server without it would), so the app shows the lessons it has.
'use strict';
const VERSION = 'dev';
const FILES = [];

const CACHE = `nixpad-${VERSION}`;
const HASHED = /-[0-9a-f]{16}(?:_bg)?\.[a-z]+$/;
const PACK = /\.pack$/;
// Named here too: a pack written into the build after this list was made is still cached.
const PACKS = [...new Set([...FILES.filter((f) => PACK.test(f)), 'curriculum.pack', 'workshop.pack'])];

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const reload = (f) => new Request(f, { cache: 'reload' });
    await cache.addAll(['./', ...FILES.filter((f) => !PACK.test(f))].map(reload));
    await Promise.all(PACKS.map(async (f) => {
      try {
        const response = await fetch(reload(f));
        if (response.ok) await cache.put(f, response);
      } catch (e) {
        // Not available now: fetched again when the app asks for it online.
      }
    }));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('nixpad-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(answer(request));
});

async function answer(request) {
  const cache = await caches.open(CACHE);
  const path = new URL(request.url).pathname;
  if (HASHED.test(path)) {
    const hit = await cache.match(request);
    if (hit) return hit;
  }
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
    return response;
  } catch (offline) {
    const hit = await cache.match(request, { ignoreSearch: true });
    if (hit) return hit;
    if (request.mode === 'navigate') {
      const shell = await cache.match(new URL('./', self.registration.scope).href);
      if (shell) return shell;
    }
    if (PACK.test(path)) return new Response('not available offline', { status: 404 });
    throw offline;
  }
}
