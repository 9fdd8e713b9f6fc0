// The portal's service worker: the customer's pages open and check codes
// with no connection. src/bin/prerender.rs writes this file into the build
// as /sw.js with the build's files and a version that changes with them.
//
// - Trunk's hashed files never change: served from the cache first.
// - The pages (HTML) are asked of the network first, so a new deployment is
//   shown on the next visit; the cached copy is used only when offline.
// - The API and everything else (the decode page and the support console,
//   staff pages with their own bundles) are not touched.
// A new build is a new sw.js: it installs, takes over at once and deletes
// the old build's cache.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const PAGES = { '/': '/code.html', '/index.html': '/code.html', '/code.html': '/code.html' };
const CACHE = `license-portal-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith('license-portal-') && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

async function page(request, cached) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      const cache = await caches.open(CACHE);
      await cache.put(cached, response.clone());
    }
    return response;
  } catch (offline) {
    const copy = await caches.match(cached);
    if (copy) return copy;
    throw offline;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const cached = PAGES[url.pathname];
  if (cached && request.mode === 'navigate') {
    event.respondWith(page(request, cached));
  } else if (FILES.includes(url.pathname)) {
    event.respondWith(caches.match(url.pathname).then((hit) => hit || fetch(request)));
  }
});
