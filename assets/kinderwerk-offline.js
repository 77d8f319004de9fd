/* Kinderwerk: capture without a connection.
 *
 * Signals, check-ins, conversation notes and activity registrations made while offline go into a queue in IndexedDB, each
 * with its client UUID. When the connection returns the queue is sent to /api/sync, which stores
 * every item through the same idempotent domain function as the online forms; an item leaves the
 * queue only when the server has stored it. Refusals stay visible with their reason. The queue and
 * the cached names are wiped at logout (the server sends Clear-Site-Data).
 * The Dutch texts of this script live in TEXTS below (the server's texts are in texts.py).
 */
(function () {
  "use strict";
  // The same number as API_VERSION in kinderwerk_pwa/domain/offline/sync.py (tests/unit checks): a
  // change to it changes this file, and so the service worker, so phones get the new script.
  const API_VERSION = 1;
  const TEXTS = {
    waiting: (n) => (n === 1 ? "1 wacht op verzending" : n + " wachten op verzending"),
    offline: "Geen verbinding: wat je vastlegt wordt bewaard en later verzonden.",
    stored: (n) => (n === 1 ? "1 item opgeslagen op de server" : n + " items opgeslagen op de server"),
    refused: "Niet opgeslagen",
    remove: "Verwijderen",
    open: "Vastleggen zonder verbinding",
    close: "Sluiten",
    signal: "Signaal",
    checkin: "Aanwezig",
    note: "Gesprek",
    child: "Kind",
    unknownChild: "Onbekend kind (omschrijving)",
    location: "Locatie",
    category: "Soort signaal",
    facts: "Wat zag of hoorde je?",
    acute: "Acuut onveilig",
    acuteHelp: "Direct gevaar? Bel 112. Veilig Thuis: 0800-2000.",
    save: "Bewaren",
    saved: "Bewaard; wordt verzonden zodra er verbinding is.",
    noContext: "Open de app één keer met verbinding om kinderen te kunnen kiezen.",
    family: "Gezin",
    kind: "Soort gesprek",
    summary: "Samenvatting: wat is besproken?",
    queuedCheckin: (name) => name + ": aanwezig (wacht op verzending)",
    needFacts: "Vul in wat je zag of hoorde.",
    needChild: "Kies een kind of beschrijf het kind.",
    kinds: {informeel: "Informeel", intake: "Intake", evaluatie: "Evaluatie", zorg: "Zorg/meldcode", huisbezoek: "Huisbezoek"},
    activity: "Activiteit",
    noActivities: "Geen activiteiten om te registreren deze week.",
    activityChildren: "Ingeschreven kinderen: tik op wie er is",
    tally: "Niet-ingeschreven kinderen turven",
    more: (group) => group + ", één meer",
    less: (group) => group + ", één minder",
    count: (group) => group + ", aantal",
    together: (c, a) => "Samen: " + c + " ingeschreven + " + a + " geturfd",
    activityNote: "Korte notitie (optioneel)",
    realised: "Gerealiseerd",
    queuedActivity: (title) => title + ": gerealiseerd (wacht op verzending)",
    alreadyQueued: "Al geregistreerd; wacht op verzending.",
    agreements: "Afspraken (optioneel)",
    agreement: (n) => "Afspraak " + n,
    agreementWhat: "Wat is afgesproken?",
    agreementWho: "Wie doet het?",
    agreementOwners: {ouder: "Ouder/verzorger", kinderwerker: "Ik (kinderwerker)", partner: "Ketenpartner"},
    agreementPartner: "Naam van de ketenpartner",
    agreementDue: "Uiterlijk op",
    needDue: "Vul bij elke afspraak in wanneer die uiterlijk klaar moet zijn.",
    needPartner: "Vul de naam van de ketenpartner in.",
  };

  // ---- IndexedDB ------------------------------------------------------------------------------
  let dbPromise = null;
  function db() {
    if (!dbPromise) {
      dbPromise = new Promise((resolve, reject) => {
        const request = indexedDB.open("kinderwerk", 1);
        request.onupgradeneeded = () => {
          request.result.createObjectStore("queue", {keyPath: "client_uuid"});
          request.result.createObjectStore("context");
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    }
    return dbPromise;
  }
  function tx(store, mode, fn) {
    return db().then((d) => new Promise((resolve, reject) => {
      const t = d.transaction(store, mode);
      const result = fn(t.objectStore(store));
      t.oncomplete = () => resolve(result && "result" in result ? result.result : result);
      t.onerror = () => reject(t.error);
    }));
  }
  const queueAll = () => tx("queue", "readonly", (s) => s.getAll());
  const queuePut = (item) => tx("queue", "readwrite", (s) => s.put(item));
  const queueDelete = (id) => tx("queue", "readwrite", (s) => s.delete(id));
  const contextGet = () => tx("context", "readonly", (s) => s.get("ctx"));
  const contextPut = (ctx) => tx("context", "readwrite", (s) => s.put(ctx, "ctx"));

  function uuid() {
    if (crypto.randomUUID) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  // ---- queue and sync ---------------------------------------------------------------------------
  let context = null;
  let lastStored = 0;
  let shownWaiting = 0;  // the count the bar shows (render)
  // The server answered 409: it expects another API version than this script's. Nothing is sent
  // until the page runs the new version (kinderwerk-versie.js); the queue stays as it is.
  let outdated = false;

  // A request that hangs (a phone between cells, a service worker being replaced) must not hold
  // the queue until the page is reloaded: after this long it is given up and tried again later
  // (the client UUIDs make a second copy of a sync harmless).
  const REQUEST_TIMEOUT_MS = 30000;
  function deadline() {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
    return {signal: controller.signal, clear: () => clearTimeout(timer)};
  }

  async function refreshContext() {
    const limit = deadline();
    try {
      const response = await fetch("/api/offline/context", {credentials: "same-origin", cache: "no-store",
                                                             signal: limit.signal});
      if (response.ok) {
        context = await response.json();
        await contextPut(context);
      } else if (response.status === 401) {
        context = null;  // logged out or session over: queued items wait for the next login
      }
    } catch (e) {
      context = context || (await contextGet()) || null;
    } finally {
      limit.clear();
    }
    return context;
  }

  async function enqueue(type, payload) {
    const ctx = context || (await contextGet());
    const item = {client_uuid: payload.client_uuid, type, payload, queued_by: ctx ? ctx.user_id : null,
                  created_at: new Date().toISOString(), state: "wacht", reason: ""};
    await queuePut(item);
    render();
    if (navigator.onLine) sync();
    return item;
  }

  let syncing = null;
  async function sync() {
    if (syncing) return syncing;
    syncing = (async () => {
      if (!navigator.onLine || outdated) return;
      const ctx = await refreshContext();
      if (!ctx) return;  // not logged in now: keep everything
      const waiting = (await queueAll()).filter((i) => i.state === "wacht" && String(i.queued_by) === String(ctx.user_id));
      if (!waiting.length) return;
      let response, body;
      const limit = deadline();
      try {
        response = await fetch("/api/sync", {
          method: "POST", credentials: "same-origin", cache: "no-store", signal: limit.signal,
          headers: {"Content-Type": "application/json", "X-Kinderwerk": "1"},
          body: JSON.stringify({api_version: API_VERSION,
                                items: waiting.map((i) => ({type: i.type, queued_by: i.queued_by, payload: i.payload}))}),
        });
        body = response.ok ? await response.json() : null;
      } catch (e) {
        return;  // connection dropped again, or no answer in time: try later
      } finally {
        limit.clear();
      }
      if (response.status === 409) {
        // Not a plain reload: the old service worker would serve this same script again and the page
        // would reload forever. kinderwerk-versie.js gets the new worker first and reloads at most once.
        outdated = true;
        if (window.kinderwerkVersie) window.kinderwerkVersie.outdated();
        return;
      }
      if (!response.ok) return;
      let stored = 0;
      for (const result of body.results || []) {
        const item = waiting.find((i) => i.client_uuid === result.client_uuid);
        if (!item) continue;
        if (result.status === "opgeslagen") { await queueDelete(item.client_uuid); stored += 1; }
        else { item.state = "geweigerd"; item.reason = result.reason || ""; await queuePut(item); }
      }
      lastStored = stored;
    })().finally(() => { syncing = null; render(); });
    return syncing;
  }

  // ---- UI -----------------------------------------------------------------------------------------
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === "on") for (const [ev, fn] of Object.entries(value)) node.addEventListener(ev, fn);
      else if (value !== null && value !== undefined && value !== false) node.setAttribute(key, value === true ? "" : value);
    }
    for (const child of children.flat()) if (child !== null && child !== undefined) node.append(child);
    return node;
  }
  let root = null;
  let panel = null;
  let flash = "";

  function field(label, input) {
    const id = "kwo-" + Math.random().toString(36).slice(2, 9);
    input.id = id;
    return el("div", {class: "kwo-field"}, el("label", {for: id}, label), input);
  }
  function select(options, attrs) {
    return el("select", attrs || {}, options.map(([value, text]) => el("option", {value}, text)));
  }

  async function render() {
    if (!root) return;
    const items = await queueAll().catch(() => []);
    const waiting = items.filter((i) => i.state === "wacht");
    const refused = items.filter((i) => i.state === "geweigerd");
    shownWaiting = waiting.length;
    const version = window.kinderwerkVersie ? window.kinderwerkVersie.notice() : null;
    const bar = el("div", {class: "kwo-bar", role: "status", "aria-live": "polite", id: "kw-wachtrij"},
      !navigator.onLine ? el("p", {}, TEXTS.offline) : null,
      waiting.length ? el("p", {class: "kwo-count"}, TEXTS.waiting(waiting.length)) : null,
      lastStored && !waiting.length ? el("p", {class: "kwo-ok"}, TEXTS.stored(lastStored)) : null,
      flash ? el("p", {}, flash) : null,
      !navigator.onLine || waiting.length ? el("button", {type: "button", class: "kwo-button", on: {click: openPanel}}, TEXTS.open) : null,
    );
    const refusals = refused.length ? el("div", {class: "kwo-refused", role: "alert"},
      refused.map((i) => el("div", {class: "kwo-refused-item"},
        el("strong", {}, TEXTS.refused + ": "), describe(i), " — ", el("span", {class: "kwo-reason"}, i.reason),
        el("button", {type: "button", class: "kwo-small", on: {click: async () => { await queueDelete(i.client_uuid); render(); }}}, TEXTS.remove)))) : null;
    const update = version ? el("div", {class: "kwo-bar", role: "status", id: "kw-versie"},
      el("p", {}, version.text),
      version.action ? el("button", {type: "button", class: "kwo-button", on: {click: version.run}}, version.action) : null) : null;
    root.replaceChildren(...[update, bar, refusals].filter(Boolean));
    root.hidden = !(update || bar.children.length || refusals);
  }

  function describe(item) {
    const p = item.payload || {};
    const ctx = context || {};
    const child = (ctx.children || []).find((c) => c.id === Number(p.child_id));
    if (item.type === "signaal") return TEXTS.signal + (child ? " over " + child.name : "");
    if (item.type === "aanwezigheid") return TEXTS.checkin + (child ? ": " + child.name : "");
    if (item.type === "activiteit") {
      const activity = (ctx.activities || []).find((a) => a.id === Number(p.activity_id));
      return TEXTS.activity + (activity ? ": " + activity.title : "");
    }
    return TEXTS.note;
  }

  async function openPanel() {
    context = context || (await contextGet()) || null;
    if (panel) panel.remove();
    panel = el("div", {class: "kwo-panel", role: "dialog", "aria-modal": "true", "aria-label": TEXTS.open});
    const body = el("div", {class: "kwo-body"});
    const tabs = el("div", {class: "kwo-tabs"},
      [["signaal", TEXTS.signal], ["aanwezig", TEXTS.checkin], ["gesprek", TEXTS.note], ["activiteit", TEXTS.activity]].map(([key, text]) =>
        el("button", {type: "button", class: "kwo-button", on: {click: () => show(key)}}, text)));
    panel.append(el("h2", {}, TEXTS.open), tabs, body,
      el("button", {type: "button", class: "kwo-button kwo-close", on: {click: () => { panel.remove(); panel = null; }}}, TEXTS.close));
    document.body.append(panel);
    function show(key) {
      body.replaceChildren(key === "signaal" ? signalForm() : key === "aanwezig" ? checkinForm()
        : key === "activiteit" ? activityForm() : noteForm());
    }
    show("signaal");
  }

  function needContext() {
    if (!context) return el("p", {}, TEXTS.noContext);
    return null;
  }

  function signalForm() {
    const missing = needContext(); if (missing) return missing;
    const child = select([["", "—"], ...context.children.map((c) => [c.id + ":" + c.location_id, c.name])]);
    const unknown = el("input", {type: "text", maxlength: "300"});
    const location = select(context.locations.map((l) => [l.id, l.name]));
    const category = select(context.categories.map((c) => [c.code, c.label]));
    const facts = el("textarea", {rows: "4", maxlength: "2000"});
    const acute = el("input", {type: "checkbox"});
    const message = el("p", {role: "status"});
    const form = el("form", {class: "kwo-form", on: {submit: async (ev) => {
      ev.preventDefault();
      if (!facts.value.trim()) { message.textContent = TEXTS.needFacts; return; }
      if (!child.value && !unknown.value.trim()) { message.textContent = TEXTS.needChild; return; }
      const [childId, childLocation] = child.value ? child.value.split(":") : [null, location.value];
      await enqueue("signaal", {client_uuid: uuid(), child_id: childId ? Number(childId) : null,
        unknown_description: childId ? "" : unknown.value.trim(), location_id: Number(childLocation || location.value),
        categories: [category.value], facts: facts.value.trim(), source: "zelf_gezien",
        observed_at: new Date().toISOString(), acute: acute.checked});
      form.reset(); message.textContent = TEXTS.saved;
    }}},
      field(TEXTS.child, child), field(TEXTS.unknownChild, unknown), field(TEXTS.location, location),
      field(TEXTS.category, category), field(TEXTS.facts, facts),
      el("label", {class: "kwo-check"}, acute, " " + TEXTS.acute), el("p", {class: "kwo-help"}, TEXTS.acuteHelp),
      el("button", {type: "submit", class: "kwo-button kwo-primary"}, TEXTS.save), message);
    return form;
  }

  function checkinForm() {
    const missing = needContext(); if (missing) return missing;
    const list = el("div", {class: "kwo-list"});
    const message = el("p", {role: "status"});
    const houses = context.locations.filter((l) => l.kind === "huiskamer");
    const location = select(houses.map((l) => [l.id, l.name]));
    function fill() {
      list.replaceChildren(...context.expected.filter((e) => String(e.location_id) === location.value).map((e) =>
        el("button", {type: "button", class: "kwo-button kwo-child", "data-child-id": e.child_id, on: {click: async (ev) => {
          ev.currentTarget.disabled = true;
          await enqueue("aanwezigheid", {client_uuid: uuid(), child_id: e.child_id, location_id: e.location_id,
                                         kind: "aanwezig", at: new Date().toISOString()});
          message.textContent = TEXTS.queuedCheckin(e.name);
        }}}, e.name)));
    }
    location.addEventListener("change", fill);
    fill();
    return el("div", {}, field(TEXTS.location, location), list, message);
  }

  function noteForm() {
    const missing = needContext(); if (missing) return missing;
    const family = select(context.families.map((f) => [f.id, f.name]));
    const kind = select(Object.entries(TEXTS.kinds));
    const facts = el("textarea", {rows: "4", maxlength: "4000"});
    const message = el("p", {role: "status"});
    // Up to three agreements, as on the online form: what, who (parent, me, a partner by name), by when.
    const rows = [1, 2, 3].map((n) => ({
      n, what: el("input", {type: "text", maxlength: "500"}),
      who: select(Object.entries(TEXTS.agreementOwners)),
      partner: el("input", {type: "text", maxlength: "200"}),
      due: el("input", {type: "date"}),
    }));
    const form = el("form", {class: "kwo-form", on: {submit: async (ev) => {
      ev.preventDefault();
      if (!facts.value.trim()) { message.textContent = TEXTS.needFacts; return; }
      const filled = rows.filter((r) => r.what.value.trim());
      if (filled.some((r) => !r.due.value)) { message.textContent = TEXTS.needDue; return; }
      if (filled.some((r) => r.who.value === "partner" && !r.partner.value.trim())) {
        message.textContent = TEXTS.needPartner; return;
      }
      const agreements = filled.map((r) => ({client_uuid: uuid(), description: r.what.value.trim(),
        owner_kind: r.who.value, owner_name: r.who.value === "partner" ? r.partner.value.trim() : "",
        due_date: r.due.value}));
      const f = context.families.find((x) => String(x.id) === family.value);
      await enqueue("gesprek", {client_uuid: uuid(), family_id: Number(family.value),
        guardian_ids: f.guardians.map((g) => g.id), child_ids: f.children.map((c) => c.id), kind: kind.value,
        facts: facts.value.trim(), held_at: new Date().toISOString(), discussed_with_parent: true, agreements});
      form.reset(); message.textContent = TEXTS.saved;
    }}},
      field(TEXTS.family, family), field(TEXTS.kind, kind), field(TEXTS.summary, facts),
      el("h3", {}, TEXTS.agreements),
      rows.map((r) => el("fieldset", {class: "kwo-form kwo-agreement"}, el("legend", {}, TEXTS.agreement(r.n)),
        field(TEXTS.agreementWhat, r.what), field(TEXTS.agreementWho, r.who),
        field(TEXTS.agreementPartner, r.partner), field(TEXTS.agreementDue, r.due))),
      el("button", {type: "submit", class: "kwo-button kwo-primary"}, TEXTS.save), message);
    return form;
  }

  // An activity of this week: tap the registered children who came, tally the others, realised.
  // One client UUID per activity shown, so a double tap on "Gerealiseerd" queues it once.
  function activityForm() {
    const missing = needContext(); if (missing) return missing;
    const today = context.day || new Date().toISOString().slice(0, 10);
    const open = (context.activities || []).filter((a) => a.status === "gepland" && a.day <= today);
    if (!open.length) return el("p", {}, TEXTS.noActivities);
    const catalog = context.activity_catalog || {age_bands: [], genders: []};
    const activity = select(open.map((a) => [a.id, a.day.slice(8) + "-" + a.day.slice(5, 7) + " " + a.start_time + " " + a.title + " (" + a.place + ")"]));
    const area = el("div", {class: "kwo-form"});
    const message = el("p", {role: "status"});
    function fill() {
      const a = open.find((x) => String(x.id) === activity.value);
      const clientUuid = uuid();
      const present = new Set();
      const tally = {};
      const regular = new Set(a.regular_child_ids || []);
      const children = context.children.filter((c) => c.location_id === a.location_id)
        .sort((x, y) => (regular.has(y.id) - regular.has(x.id)) || x.name.localeCompare(y.name));
      const total = el("p", {class: "kwo-total", "aria-live": "polite"});
      const sum = () => Object.values(tally).reduce((s, v) => s + v, 0);
      const showTotal = () => { total.textContent = TEXTS.together(present.size, sum()); };
      const tiles = el("div", {class: "kwo-tiles"}, children.map((c) => el("button", {
        type: "button", class: "kwo-button kwo-child", "data-child-id": c.id, "aria-pressed": "false",
        on: {click: (ev) => {
          const b = ev.currentTarget;
          if (present.has(c.id)) present.delete(c.id); else present.add(c.id);
          b.setAttribute("aria-pressed", String(present.has(c.id)));
          b.classList.toggle("kwo-on", present.has(c.id));
          showTotal();
        }}}, c.name)));
      const grid = el("div", {class: "kwo-tally", role: "group", "aria-label": TEXTS.tally},
        catalog.genders.map((g) => el("span", {class: "kwo-tally-head"}, g.label)),
        catalog.age_bands.flatMap((band) => [el("span", {class: "kwo-tally-band"}, band.label),
          ...catalog.genders.map((g) => {
            const key = band.code + "|" + g.code;
            const group = g.label + " " + band.label;
            tally[key] = 0;
            const count = el("input", {type: "text", inputmode: "numeric", class: "kwo-count", value: "0",
              "aria-label": TEXTS.count(group)});
            const set = (n) => { tally[key] = Math.max(0, n); count.value = String(tally[key]); showTotal(); };
            count.addEventListener("input", () => { const n = parseInt(count.value, 10); tally[key] = isNaN(n) ? 0 : Math.max(0, n); showTotal(); });
            return el("div", {class: "kwo-cell"}, count,
              el("button", {type: "button", class: "kwo-button kwo-step", "aria-label": TEXTS.less(group), on: {click: () => set(tally[key] - 1)}}, "−"),
              el("button", {type: "button", class: "kwo-button kwo-step kwo-primary", "aria-label": TEXTS.more(group), on: {click: () => set(tally[key] + 1)}}, "+"));
          })]));
      const note = el("textarea", {rows: "3", maxlength: "1000"});
      let saving = false;
      const save = el("button", {type: "button", class: "kwo-button kwo-primary", on: {click: async () => {
        // Registered once from this phone: a second tap (or a second opening) finds it in the queue.
        const queued = await queueAll().catch(() => []);
        if (saving || queued.some((i) => i.type === "activiteit" && Number(i.payload.activity_id) === a.id)) {
          message.textContent = TEXTS.alreadyQueued; return;
        }
        saving = true;
        const bands = {};
        for (const [key, n] of Object.entries(tally)) {
          const [band, gender] = key.split("|");
          (bands[band] = bands[band] || {})[gender] = n;
        }
        await enqueue("activiteit", {client_uuid: clientUuid, activity_id: a.id, status: "gerealiseerd",
          children: [...present], tally: bands, note: note.value.trim()});
        message.textContent = TEXTS.queuedActivity(a.title);
      }}}, TEXTS.realised);
      showTotal();
      area.replaceChildren(
        el("h3", {}, TEXTS.activityChildren), tiles,
        el("h3", {}, TEXTS.tally), grid, total,
        field(TEXTS.activityNote, note), save, message);
    }
    activity.addEventListener("change", () => { message.textContent = ""; fill(); });
    fill();
    return el("div", {class: "kwo-form"}, field(TEXTS.activity, activity), area);
  }

  function mount() {
    if (root && document.body.contains(root)) return;
    root = document.createElement("div");
    root.className = "kwo-root";
    root.hidden = true;
    document.body.append(root);
    render();
  }

  // A small API for the tests and for the online pages.
  window.kinderwerkOffline = {enqueue, sync, queue: queueAll, render, uuid, apiVersion: API_VERSION};

  window.addEventListener("online", () => { render(); sync(); });
  window.addEventListener("offline", render);
  window.addEventListener("kinderwerk-versie", render);  // a new version, or this one is too old
  // Every 5 s: send what waits; and when another tab of this phone sent it, stop showing it as waiting.
  setInterval(() => {
    if (navigator.onLine) queueAll().then((q) => {
      const waiting = q.filter((i) => i.state === "wacht").length;
      if (waiting) sync(); else if (shownWaiting) render();
    });
  }, 5000);

  function start() {
    mount();
    setInterval(mount, 1000);  // the page framework may re-render the body; put the bar back
    contextGet().then((ctx) => { context = ctx || null; }).catch(() => null);
    if (navigator.onLine && !location.pathname.startsWith("/login")) sync();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
