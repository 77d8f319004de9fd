/* Kinderwerk: the service worker, and moving open pages onto a new version of the app.
 *
 * The worker (/sw.js, made by the server from the build: kinderwerk_pwa/pwa/) serves our scripts
 * from its precache, so a page runs the build of the worker that served it. When a new worker takes
 * over (any precached file changed), an open page still runs the old build; it is reloaded once onto
 * the new one, or, when someone is typing (the offline panel is open, a text field holds text),
 * the page asks first: a reload would throw away what she typed.
 * When /api/sync answers 409 (the server expects another API version; kinderwerk-offline.js calls
 * outdated()), the page first asks for the newest worker and waits until it took over: reloading
 * before that would load the same old script from the old worker's precache and get 409 again, the
 * endless reload of issue 17.3. And whatever happens, a tab reloads at most once per build: the
 * build it reloaded for is kept in sessionStorage, and a page that is still too old after that
 * reload says so and keeps its queue instead of reloading again.
 * The Dutch texts of this script live in TEXTS below (the server's texts are in texts.py).
 */
(function () {
  "use strict";
  const TEXTS = {
    newVersion: "Er is een nieuwe versie van de app.",
    update: "Nu bijwerken",
    outdated: "Deze versie van de app is verouderd en kan niets verzenden. Sluit de app en open hem " +
              "opnieuw; wat wacht op verzending blijft bewaard.",
  };
  const RELOADED_FOR = "kw-herladen-voor";  // sessionStorage (per tab): the build it reloaded for
  const CHECK_EVERY_MS = 30 * 60 * 1000;    // a phone may keep the app open all day
  const ANSWER_WITHIN_MS = 5000;            // a worker from before issue 17.3 never answers
  const TEXT_FIELDS = new Set(["text", "search", "email", "tel", "url", "number", "password", "textarea"]);
  const sw = "serviceWorker" in navigator ? navigator.serviceWorker : null;
  let controlled = Boolean(sw && sw.controller);
  let reloading = false;
  let checking = false;
  let notice = null;  // {text, action, run}: shown in the offline bar (kinderwerk-offline.js)

  function show(value) {
    notice = value;
    window.dispatchEvent(new CustomEvent("kinderwerk-versie"));
  }

  function reloadedFor() {
    try { return sessionStorage.getItem(RELOADED_FOR); } catch (e) { return null; }
  }
  function remember(build) {
    try { sessionStorage.setItem(RELOADED_FOR, build); return true; } catch (e) { return false; }
  }
  function storageWorks() {
    try { sessionStorage.setItem("kw-proef", "1"); sessionStorage.removeItem("kw-proef"); return true; }
    catch (e) { return false; }
  }

  function busy() {
    if (document.querySelector(".kwo-panel")) return true;
    return [...document.querySelectorAll("input, textarea")].some(
      (field) => TEXT_FIELDS.has(field.type) && field.value.trim() !== "");
  }

  // Onto `build` (the worker that controls the page now): reload, ask, or say it is too old.
  function moveTo(build) {
    if (reloading) return;
    if (reloadedFor() === build) { show({text: TEXTS.outdated}); return; }
    const go = () => { reloading = true; remember(build); location.reload(); };
    // Without sessionStorage the page could not tell it already reloaded: then a person decides.
    if (busy() || !storageWorks()) show({text: TEXTS.newVersion, action: TEXTS.update, run: go});
    else go();
  }

  // Which build serves this page now: the controlling worker says so ("" without one).
  function controllerBuild() {
    const worker = sw && sw.controller;
    if (!worker) return Promise.resolve("");
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      const timer = setTimeout(() => resolve(""), ANSWER_WITHIN_MS);
      channel.port1.onmessage = (event) => {
        clearTimeout(timer);
        resolve(String((event.data && event.data.build) || ""));
      };
      worker.postMessage({type: "kw-versie"}, [channel.port2]);
    });
  }

  // Ask the server for the newest worker. True once a new one controls this page; false when there
  // is none (the same worker) or its installation failed (then the old worker stays).
  async function newWorker() {
    const registration = sw ? await sw.getRegistration().catch(() => null) : null;
    if (!registration) return false;
    const tookOver = new Promise((resolve) => sw.addEventListener("controllerchange", () => resolve(true), {once: true}));
    try { await registration.update(); } catch (e) { return false; }
    const worker = registration.installing || registration.waiting;
    if (!worker) return false;
    const settled = new Promise((resolve) => worker.addEventListener("statechange", () => {
      if (worker.state === "redundant") resolve(false);
      if (worker.state === "activated") resolve(true);
    }));
    return Promise.race([tookOver, settled]);
  }

  // The server refused the queue's version (409): get the new worker first, then reload (once).
  async function outdated() {
    if (checking || reloading) return;
    checking = true;
    await newWorker();
    moveTo(await controllerBuild());
  }

  function check() {
    if (sw && navigator.onLine) sw.getRegistration().then((r) => r && r.update()).catch(() => null);
  }

  window.kinderwerkVersie = {outdated, build: controllerBuild, notice: () => notice};

  if (!sw) return;
  sw.register("/sw.js", {updateViaCache: "none"}).catch(() => null);
  sw.addEventListener("controllerchange", () => {
    // No worker any more: logging out clears site storage (Clear-Site-Data), which removes the
    // worker while the browser follows the logout's redirect; a reload now would cancel it.
    if (!sw.controller) { controlled = false; return; }
    // The first worker of a page that opened without one: the page came from the network and is
    // already the current build. Any later worker is a new build.
    const wasControlled = controlled;
    controlled = true;
    if (wasControlled) controllerBuild().then(moveTo);
  });
  window.addEventListener("online", check);
  document.addEventListener("visibilitychange", () => { if (document.visibilityState === "visible") check(); });
  setInterval(check, CHECK_EVERY_MS);
})();
