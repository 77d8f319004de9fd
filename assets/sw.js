/* Kinderwerk service worker: the app opens without a connection.
 *
 * - Pages (navigations): network first, the cached copy when offline.
 * - Built static files (hashed names, icons, css, scripts): cache first.
 * - Never cached: /api/*, /auth/*, the websocket. Child data never lands in this cache except inside
 *   pages, which carry none (Reflex fills them over the websocket).
 * A new version (VERSION changes with every release) installs, takes over at once, and deletes the
 * old caches; pages are network-first, so an old shell is replaced as soon as the phone is online.
 */
const VERSION = "kw-2026-12-10-1";
const SHELL = ["/", "/signaal/", "/gesprekken/", "/kinderen/", "/meer/", "/activiteiten/", "/kinderwerk.css",
               "/kinderwerk-offline.js", "/manifest.json", "/icon-192.png", "/icon-512.png"];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(VERSION)
      .then((cache) => Promise.all(SHELL.map((url) => cache.add(url).catch(() => null))))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== VERSION).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

function neverCache(url) {
  return url.pathname.startsWith("/api/") || url.pathname.startsWith("/auth/") ||
         url.pathname.startsWith("/_event") || url.pathname.startsWith("/_upload") ||
         url.pathname === "/ping";
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || neverCache(url)) return;

  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(VERSION).then((cache) => cache.put(request, copy));
          }
          return response;
        })
        .catch(() => caches.match(request, {ignoreSearch: true})
          .then((hit) => hit || caches.match("/")))
    );
    return;
  }

  event.respondWith(
    caches.match(request).then((hit) => hit || fetch(request).then((response) => {
      if (response.ok && (url.pathname.startsWith("/assets/") || /\.(js|css|png|svg|woff2?|json)$/.test(url.pathname))) {
        const copy = response.clone();
        caches.open(VERSION).then((cache) => cache.put(request, copy));
      }
      return response;
    }))
  );
});
