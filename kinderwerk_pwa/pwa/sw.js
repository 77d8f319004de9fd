/* Kinderwerk service worker: the app opens without a connection.
 *
 * This is a template. kinderwerk_pwa/api/service_worker.py serves it at /sw.js with the precache
 * manifest of the running build filled in (kinderwerk_pwa/pwa/precache.py): every file of the app
 * shell with the SHA-256 of its content, and BUILD, a hash of this template plus that manifest. So
 * any change to any precached file changes this script and the browser installs a new worker;
 * nobody sets a version by hand.
 *
 * - Precache (the shell: the main pages, the built files they load, our own scripts, stylesheet,
 *   manifest and icons): one cache per build. The installing worker never touches the cache of the
 *   worker that is still serving, so a failed download, or a file whose content is not the revision
 *   in the manifest (a half-finished deployment), fails the installation and the old worker keeps
 *   serving its complete shell. Files whose revision did not change are copied from the old cache.
 * - Pages (navigations): network first, so an online phone always gets the server's current page;
 *   without a connection the precached page, else a page kept at runtime, else the start page.
 * - Built files outside the shell (/assets/*: their names carry a content hash): cache first.
 * - Runtime caches are bounded (entries and age): a phone used for years does not fill up.
 * - Never cached: /api/*, /auth/*, the websocket, uploads. Pages carry no child data (Reflex fills
 *   them over the websocket).
 * - A new worker takes over at once: waiting would keep the old shell as long as any tab of the
 *   app is open, which on a phone can be days. kinderwerk-versie.js then reloads each open page once
 *   onto the new build (or asks first when someone is typing).
 */
"use strict";

const PRECACHE = self.__KW_PRECACHE;  // [{url, revision}], filled in by the server
const BUILD = self.__KW_BUILD;        // the worker's version, filled in by the server

const PRECACHE_CACHE = "kw-precache-" + BUILD;
// Pages of this build only: an older build's page refers to built files this build no longer has.
const PAGES_CACHE = "kw-pages-" + BUILD;
// Hashed file names never change content, so this one is shared across builds (and bounded).
const ASSETS_CACHE = "kw-assets";
const DAY = 24 * 60 * 60;
const LIMITS = {
  [PAGES_CACHE]: {maxEntries: 30, maxAgeSeconds: 7 * DAY},
  [ASSETS_CACHE]: {maxEntries: 150, maxAgeSeconds: 30 * DAY},
};
const REVISION_HEADER = "x-kw-revision";
const STORED_AT_HEADER = "x-kw-bewaard-op";
const PRECACHED = new Map(PRECACHE.map((entry) => [entry.url, entry.revision]));

function neverCache(url) {
  return url.pathname.startsWith("/api/") || url.pathname.startsWith("/auth/") ||
         url.pathname.startsWith("/_event") || url.pathname.startsWith("/_upload") ||
         url.pathname === "/ping" || url.pathname === "/_health";
}

function hex(buffer) {
  return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

// A stored copy with one extra header (the revision, or when it was stored). A new Response also
// drops the "redirected" flag, which a browser refuses on an answer to a navigation.
function withHeader(response, body, name, value) {
  const headers = new Headers(response.headers);
  headers.set(name, value);
  return new Response(body, {status: response.status, statusText: response.statusText, headers});
}

// ---- precache -----------------------------------------------------------------------------------

async function download(url, revision) {
  // Our own unhashed files are revalidated; a hashed built file may come from the HTTP cache (the
  // page has usually just loaded it). Either way the content must be the manifest's revision.
  const response = await fetch(url, {credentials: "same-origin", redirect: "error",
                                     cache: url.startsWith("/assets/") ? "default" : "no-cache"});
  if (!response.ok) throw new Error("precache: " + url + " answered " + response.status);
  const body = await response.arrayBuffer();
  const digest = hex(await crypto.subtle.digest("SHA-256", body));
  if (digest !== revision) throw new Error("precache: " + url + " is not revision " + revision);
  return withHeader(response, body, REVISION_HEADER, revision);
}

async function fromOlderPrecache(url, revision) {
  const older = (await caches.keys()).filter((name) => name.startsWith("kw-precache-") && name !== PRECACHE_CACHE);
  for (const name of older) {
    const hit = await (await caches.open(name)).match(url);
    if (hit && hit.headers.get(REVISION_HEADER) === revision) return hit;
  }
  return null;
}

async function precache() {
  const cache = await caches.open(PRECACHE_CACHE);
  await Promise.all(PRECACHE.map(async ({url, revision}) => {
    const have = await cache.match(url);  // an installation that was interrupted earlier
    if (have && have.headers.get(REVISION_HEADER) === revision) return;
    await cache.put(url, (await fromOlderPrecache(url, revision)) || (await download(url, revision)));
  }));
}

self.addEventListener("install", (event) => {
  // A rejected precache() rejects the installation: this worker is discarded, the old one stays.
  // Its half-filled cache goes too (the old worker's own cache was never touched).
  event.waitUntil(precache().then(() => self.skipWaiting(), async (error) => {
    await caches.delete(PRECACHE_CACHE);
    throw error;
  }));
});

// ---- runtime caches with limits -----------------------------------------------------------------

function expired(response, maxAgeSeconds, now) {
  const storedAt = Number(response.headers.get(STORED_AT_HEADER));
  return !storedAt || now - storedAt > maxAgeSeconds * 1000;
}

async function trim(name) {
  const {maxEntries, maxAgeSeconds} = LIMITS[name];
  const cache = await caches.open(name);
  const keys = await cache.keys();  // in the order they were stored: a put moves an entry to the end
  const now = Date.now();
  const excess = keys.length - maxEntries;
  await Promise.all(keys.map(async (key, index) => {
    if (index < excess) return cache.delete(key);
    const hit = await cache.match(key);
    if (!hit || expired(hit, maxAgeSeconds, now)) return cache.delete(key);
    return false;
  }));
}

async function remember(name, key, response) {
  const body = await response.arrayBuffer();
  const cache = await caches.open(name);
  await cache.put(key, withHeader(response, body, STORED_AT_HEADER, String(Date.now())));
  await trim(name);
}

async function recall(name, key) {
  const cache = await caches.open(name);
  const hit = await cache.match(key);
  if (hit && expired(hit, LIMITS[name].maxAgeSeconds, Date.now())) {
    await cache.delete(key);
    return undefined;
  }
  return hit;
}

// ---- activation ---------------------------------------------------------------------------------

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    // Everything that is not this build's: older precaches and page caches, and the caches of the
    // worker before issue 17.3 (named after its hand-set VERSION).
    const keep = new Set([PRECACHE_CACHE, PAGES_CACHE, ASSETS_CACHE]);
    await Promise.all((await caches.keys()).filter((name) => !keep.has(name)).map((name) => caches.delete(name)));
    await Promise.all(Object.keys(LIMITS).map(trim));
    await self.clients.claim();
  })());
});

// The page asks which build serves it (kinderwerk-versie.js: reload at most once per build).
self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "kw-versie" && event.ports[0]) {
    event.ports[0].postMessage({build: BUILD});
  }
});

// ---- answering requests -------------------------------------------------------------------------

// "/signaal" and "/signaal/" are one page; the precache holds the canonical "/signaal/".
function pageKey(url) {
  const path = url.pathname;
  return path === "/" || path.endsWith("/") || path.includes(".") ? path : path + "/";
}

async function precached(key) {
  if (!PRECACHED.has(key)) return undefined;
  return (await caches.open(PRECACHE_CACHE)).match(key);
}

async function page(event, url) {
  try {
    const response = await fetch(event.request);
    if (response.ok && !response.redirected && (response.headers.get("content-type") || "").includes("text/html")) {
      event.waitUntil(remember(PAGES_CACHE, pageKey(url), response.clone()));
    }
    return response;
  } catch (error) {
    const key = pageKey(url);
    return (await precached(key)) || (await recall(PAGES_CACHE, key)) || (await precached("/")) || Response.error();
  }
}

async function builtFile(event, request) {
  const hit = await recall(ASSETS_CACHE, request.url);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) event.waitUntil(remember(ASSETS_CACHE, request.url, response.clone()));
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || neverCache(url)) return;
  if (request.mode === "navigate") {
    event.respondWith(page(event, url));
    return;
  }
  if (!url.search && PRECACHED.has(url.pathname)) {
    // The shell's files come from this worker's precache: they belong to one build, the one the
    // worker was made from (a page is reloaded onto a new worker: kinderwerk-versie.js).
    event.respondWith(precached(url.pathname).then((hit) => hit || fetch(request)));
    return;
  }
  if (url.pathname.startsWith("/assets/")) event.respondWith(builtFile(event, request));
});
