"""Load (not a test): 10, 50 and 200 simulated phones against the production setup.

    .venv/bin/python -m tests.benchmarks.load_checkins [--levels 10,50,200] [--seconds 20] [--think 2.0]
                                                      [--compare 50] [--compare-seconds 20]

Starts the app as in production (PostgreSQL in a fresh database on 127.0.0.1:5432, Redis at
127.0.0.1:6379 for Reflex's state, two workers; all on loopback), and drives it with a light
socket client per phone that speaks Reflex's websocket protocol (socket.io on /_event: the hydrate
event in the CONNECT packet, then one `event` per handler call, updates back as state deltas) — the
same messages a browser sends, without a browser. Every phone logs in (a real session cookie), then
loops for --seconds: load its huiskamer page (HTML + hydrate + on_load + the live watch), tap its own
child three times (check in when expected, undo when present), load the signaal page and capture a
signal (choose child, category, save). Between actions it waits --think seconds (0.5x..1.5x; a kinderwerker at the door taps every few seconds).

Prints per level: actions, throughput (actions finished inside the window, per second), p50/p95/p99 per kind of action and errors; then it checks the
database: every confirmed check-in, undo and signal is stored exactly once (lost / duplicated), and
nothing is stored that was not sent. Finally it restarts the app with one worker and with two and
runs --compare phones without think time (saturation) on both: throughput 1 vs 2 workers.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import httpx
import sqlalchemy as sa
from sqlalchemy.pool import NullPool
from sqlmodel import func, select
from wsproto import ConnectionType, WSConnection
from wsproto.events import (
    AcceptConnection,
    CloseConnection,
    Message,
    Ping,
    RejectConnection,
    Request,
    TextMessage,
)

from kinderwerk_pwa.demo.generator import DEMO_PASSWORD
from kinderwerk_pwa.domain.common.clock import local_today
from kinderwerk_pwa.domain.toegang.locations import enrolments_on
from kinderwerk_pwa.models import (
    AttendanceEvent,
    Child,
    ChildLocation,
    Enrolment,
    Location,
    Signal,
    StaffLocation,
    StaffUser,
)
from kinderwerk_pwa.pages.huiskamer.state import HuiskamerState
from kinderwerk_pwa.pages.signaal.state import SignaalState
from tests.benchmarks.floor import seeded_copies
from tests.e2e.conftest import start_app, stop_app
from tests.e2e.helpers import with_db

PG_ADMIN = os.environ.get("KINDERWERK_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
REDIS = os.environ.get("KINDERWERK_LOAD_REDIS_URL", "redis://127.0.0.1:6379/9")
MARK = "_rx_state_"
HK = HuiskamerState.get_full_name()
SG = SignaalState.get_full_name()
ROOT_STATE = "reflex___state____state"
TIMEOUT = 15.0  # seconds an action may take before it counts as an error
CATEGORY = "lichamelijk_welzijn"


@dataclass
class Stats:
    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: Counter = field(default_factory=Counter)
    confirmed: Counter = field(default_factory=Counter)  # (child_id, kind) -> taps the screen confirmed
    sent: Counter = field(default_factory=Counter)  # (child_id, kind) -> taps sent
    signals_confirmed: set = field(default_factory=set)
    signals_sent: set = field(default_factory=set)
    parts: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))  # a page load's steps
    finished: list[float] = field(default_factory=list)  # time.monotonic() at the end of each action


@dataclass
class Phone:
    n: int
    cookie: str
    location_id: int
    child_id: int | None
    signal_child: int
    token: str = field(default_factory=lambda: str(uuid.uuid4()))


NAMESPACE = "/_event"


class Socket:
    """The smallest socket.io client that Reflex's event socket needs: Engine.IO 4 over one
    websocket (wsproto on asyncio streams), the /_event namespace, `event` messages both ways."""

    def __init__(self, on_event, token: str):
        self.on_event, self.token = on_event, token
        self.ws = WSConnection(ConnectionType.CLIENT)
        self.reader = self.writer = None
        self.connected = asyncio.get_running_loop().create_future()
        self.task = None
        self.buffer = ""

    async def connect(self, host: str, port: int, cookie: str, auth: dict) -> None:
        self.reader, self.writer = await asyncio.open_connection(host, port)
        target = f"{NAMESPACE}/?EIO=4&transport=websocket&token={self.token}"
        self.writer.write(self.ws.send(Request(host=f"{host}:{port}", target=target,
                                               extra_headers=[(b"cookie", cookie.encode())])))
        self.task = asyncio.create_task(self._read(auth))
        await asyncio.wait_for(asyncio.shield(self.connected), TIMEOUT)

    def _send(self, text: str) -> None:
        self.writer.write(self.ws.send(Message(data=text)))

    async def emit(self, data: dict) -> None:
        self._send(f"42{NAMESPACE}," + json.dumps(["event", data]))
        await self.writer.drain()

    async def _read(self, auth: dict) -> None:
        try:
            while True:
                data = await self.reader.read(65536)
                if not data:
                    break
                self.ws.receive_data(data)
                for event in self.ws.events():
                    if isinstance(event, RejectConnection):
                        raise ConnectionError(f"websocket geweigerd: {event.status_code}")
                    if isinstance(event, Ping):
                        self.writer.write(self.ws.send(event.response()))
                    elif isinstance(event, CloseConnection):
                        return
                    elif isinstance(event, TextMessage):
                        self.buffer += event.data
                        if event.message_finished:
                            text, self.buffer = self.buffer, ""
                            await self._packet(text, auth)
                    elif isinstance(event, AcceptConnection):
                        pass
        except Exception as exc:  # the page's waits see the connection end
            if not self.connected.done():
                self.connected.set_exception(exc)
        finally:
            if not self.connected.done():
                self.connected.set_exception(ConnectionError("socket gesloten"))

    async def _packet(self, text: str, auth: dict) -> None:
        if text.startswith("0"):  # Engine.IO open: connect to the namespace with the hydrate event
            self._send(f"40{NAMESPACE}," + json.dumps(auth))
        elif text == "2":  # Engine.IO ping
            self._send("3")
        elif text.startswith(f"40{NAMESPACE}"):
            self.connected.set_result(True)
        elif text.startswith(f"44{NAMESPACE}"):
            raise ConnectionError(f"namespace geweigerd: {text[:200]}")
        elif text.startswith(f"42{NAMESPACE},"):
            name, *args = json.loads(text[len(NAMESPACE) + 3:])
            if name == "event" and args:
                await self.on_event(args[0])

    async def close(self) -> None:
        if self.writer is not None:
            try:
                self.writer.write(self.ws.send(CloseConnection(code=1000)))
                self.writer.close()
            except Exception:  # already gone
                pass
        if self.task is not None:
            self.task.cancel()
            await asyncio.gather(self.task, return_exceptions=True)


class Page:
    """One open page of a phone: a socket, the state it has been sent, and a way to wait for it."""

    def __init__(self, base_url: str, phone: Phone, path: str, query: dict[str, str]):
        self.base_url, self.cookie, self.path, self.query = base_url, phone.cookie, path, query
        self.state: dict[str, dict] = defaultdict(dict)
        self.seen: Counter = Counter()  # (state, var) -> deltas that carried it
        self.changed = asyncio.Condition()
        # One token per phone, as a browser tab keeps its token across page loads (sessionStorage):
        # the phone's state on the server is reused, and a new live watch replaces the old one.
        self.sio = Socket(self._on_update, phone.token)

    def _router(self) -> dict:
        return {"pathname": self.path, "asPath": self.path, "query": self.query}

    async def _on_update(self, update: dict) -> None:
        for state_name, values in (update.get("delta") or {}).items():
            self.state[state_name].update({k.removesuffix(MARK): v for k, v in values.items()})
            self.seen.update((state_name, k.removesuffix(MARK)) for k in values)
        for event in update.get("events") or []:
            # What the browser does with events a handler returns: send the backend ones back.
            if not event.get("name", "").startswith("_"):
                await self.emit(event["name"], event.get("payload") or {})
        async with self.changed:
            self.changed.notify_all()

    async def open(self) -> None:
        boot = {"name": f"{ROOT_STATE}.hydrate_and_load", "payload": {}, "router_data": self._router()}
        url = httpx.URL(self.base_url)
        await self.sio.connect(url.host, url.port, self.cookie, {"event": boot})

    async def emit(self, name: str, payload: dict) -> None:
        await self.sio.emit({"name": name, "payload": payload, "router_data": self._router()})

    async def wait(self, predicate, timeout: float = TIMEOUT) -> None:
        async with self.changed:
            await asyncio.wait_for(self.changed.wait_for(lambda: predicate(self.state)), timeout)

    async def close(self) -> None:
        await self.sio.close()


async def _timed(stats: Stats, kind: str, coro) -> bool:
    start = time.perf_counter()
    try:
        await coro
    except Exception as exc:  # every failure of an action is an error of that kind
        stats.errors[f"{kind}: {exc.__class__.__name__} {str(exc)[:60]}"] += 1
        return False
    stats.times[kind].append((time.perf_counter() - start) * 1000)
    stats.finished.append(time.monotonic())
    return True


def _hk(state) -> dict:
    return state.get(HK, {})


async def _load_huiskamer(base_url: str, http: httpx.AsyncClient, phone: Phone, stats: Stats) -> Page:
    path = f"/huiskamer/{phone.location_id}"
    steps = [time.perf_counter()]
    (await http.get(path)).raise_for_status()
    steps.append(time.perf_counter())
    page = Page(base_url, phone, path, {"locatie_id": str(phone.location_id)})
    await page.open()
    steps.append(time.perf_counter())
    # The hydrate snapshot carries what the phone's state held before (this tab's last visit);
    # the page is loaded once the on_load handler's delta has come too.
    await page.wait(lambda s: page.seen[(HK, "tile_status")] >= 2 or page.seen[(HK, "error")] >= 2)
    steps.append(time.perf_counter())
    for name, a, b in zip(("html", "verbinding", "hydrate+on_load"), steps, steps[1:], strict=False):
        stats.parts[name].append((b - a) * 1000)
    if _hk(page.state).get("error"):
        raise RuntimeError(_hk(page.state)["error"])
    await page.emit(f"{HK}.watch", {})  # the page's on_mount: the live watch
    return page


async def _tap(page: Page, phone: Phone, stats: Stats) -> None:
    cid = str(phone.child_id)
    status = _hk(page.state).get("tile_status", {}).get(cid, "verwacht")

    def answered(before: Counter, want: str):
        # Only a delta that came after the tap counts (not one already on its way, such as the
        # live watch's reload): the tile's new status, or an error message.
        return lambda s: ((page.seen[(HK, "tile_status")] > before[(HK, "tile_status")]
                           and _hk(s).get("tile_status", {}).get(cid) == want)
                          or (page.seen[(HK, "error")] > before[(HK, "error")] and bool(_hk(s).get("error"))))
    if status == "verwacht":
        stats.sent[(phone.child_id, "aanwezig")] += 1
        before = page.seen.copy()
        await page.emit(f"{HK}.tile", {"child_id": cid, "status": status})
        await page.wait(answered(before, "aanwezig"))
        kind = "aanwezig"
    else:
        await page.emit(f"{HK}.open_panel", {"child_id": cid})
        await page.wait(lambda s: _hk(s).get("panel", {}).get("id") == cid and _hk(s).get("panel_open"))
        stats.sent[(phone.child_id, "ongedaan")] += 1
        before = page.seen.copy()
        await page.emit(f"{HK}.undo", {})
        await page.wait(answered(before, "verwacht"))
        kind = "ongedaan"
    if _hk(page.state).get("error"):
        raise RuntimeError(_hk(page.state)["error"])
    stats.confirmed[(phone.child_id, kind)] += 1


async def _signal(base_url: str, http: httpx.AsyncClient, phone: Phone, stats: Stats, marker: str) -> None:
    (await http.get("/signaal")).raise_for_status()
    page = Page(base_url, phone, "/signaal", {})
    try:
        await page.open()
        # After the on_load delta (a fresh client UUID), not the hydrate snapshot of the last visit.
        await page.wait(lambda s: page.seen[(SG, "client_uuid")] >= 2 and s[SG].get("step") == "kind")
        await page.emit(f"{SG}.choose", {"child_id": str(phone.signal_child), "name": "Kind",
                                          "location_id": str(phone.location_id)})
        await page.wait(lambda s: s[SG].get("step") == "details")
        await page.emit(f"{SG}.toggle_category", {"code": CATEGORY})
        await page.wait(lambda s: CATEGORY in (s[SG].get("selected") or []))
        stats.signals_sent.add(marker)
        await page.emit(f"{SG}.save", {"form": {"facts": marker, "source": "zelf_gezien", "place": "",
                                                "interpretation": "", "location_id": str(phone.location_id),
                                                "observed_at": ""}})
        await page.wait(lambda s: s[SG].get("step") == "klaar" or bool(s[SG].get("error")))
        if s_error := page.state[SG].get("error"):
            raise RuntimeError(s_error)
        stats.signals_confirmed.add(marker)
    finally:
        await page.close()


async def _phone_loop(base_url: str, phone: Phone, stats: Stats, until: float, think: float, tag: str) -> None:
    rng = random.Random(phone.n)
    count = 0

    async def pause():
        if think:
            await asyncio.sleep(think * rng.uniform(0.5, 1.5))

    async with httpx.AsyncClient(base_url=base_url, headers={"Cookie": phone.cookie}, timeout=TIMEOUT,
                                 follow_redirects=True) as http:
        await asyncio.sleep(rng.uniform(0, max(think, 0.2)))  # phones do not start in step
        while time.monotonic() < until:
            holder: list[Page] = []

            async def load(holder=holder, http=http):
                holder.append(await _load_huiskamer(base_url, http, phone, stats))
            if not await _timed(stats, "paginalading", load()):
                await pause()
                continue
            page = holder[0]
            try:
                for _ in range(3):
                    if phone.child_id is None or time.monotonic() >= until:
                        break
                    await pause()
                    await _timed(stats, "tik", _tap(page, phone, stats))
            finally:
                try:
                    await page.emit(f"{HK}.stop_watch", {})  # the page's on_unmount, as a browser sends it
                finally:
                    await page.close()
            if time.monotonic() >= until:
                break
            await pause()
            count += 1
            await _timed(stats, "signaal", _signal(base_url, http, phone, stats, f"{tag}-p{phone.n}-{count}"))
            await pause()


# ---- setting up ---------------------------------------------------------------------------------

def _setup_phones(database_url: str, base_url: str, count: int) -> list[Phone]:
    """Children expected today at every huiskamer; `count` phones, each a session of a kinderwerker
    at one of her huiskamers with one child of its own to tap."""
    today = local_today()

    def setup(db):
        homes = db.exec(select(Location).where(Location.kind == "huiskamer").order_by(Location.id)).all()
        pairs, children = [], {}
        for loc in homes:
            expected = set(db.exec(select(Enrolment.child_id).where(Enrolment.location_id == loc.id,
                                                                    *enrolments_on(today))).all())
            known = db.exec(select(Child.id).join(ChildLocation, ChildLocation.child_id == Child.id)
                            .where(ChildLocation.location_id == loc.id, Child.status == "actief")
                            .order_by(Child.id)).all()
            for cid in known:
                if cid not in expected:
                    db.add(Enrolment(child_id=cid, location_id=loc.id, weekdays=str(today.isoweekday()),
                                     start_date=date(today.year, 1, 1)))
            children[loc.id] = list(known)
            staff = db.exec(select(StaffUser).join(StaffLocation, StaffLocation.staff_id == StaffUser.id)
                            .where(StaffLocation.location_id == loc.id, StaffUser.is_demo.is_(True),
                                   StaffUser.active.is_(True), StaffUser.totp_enabled.is_(False),
                                   StaffUser.role.in_(["kinderwerker", "aandachtsfunctionaris"]))
                            .order_by(StaffUser.id)).all()
            pairs += [(s.email, loc.id) for s in staff]
        db.commit()
        return pairs, children
    pairs, children = with_db(database_url, setup)
    # Round robin over locations first, so phones spread over the huiskamers.
    by_loc: dict[int, list[str]] = defaultdict(list)
    for email, loc in pairs:
        by_loc[loc].append(email)
    order = []
    while len(order) < count:
        for loc in by_loc:
            order.append((by_loc[loc][len(order) // len(by_loc) % len(by_loc[loc])], loc))
    order = order[:count]
    taken: dict[int, int] = Counter()
    phones = []
    with httpx.Client(base_url=base_url, headers={"Origin": base_url}, timeout=60) as http:
        for n, (email, loc) in enumerate(order):
            for _attempt in range(5):  # set-up, not measured: ride out a busy or restarting database
                response = http.post("/auth/login", data={"email": email, "password": DEMO_PASSWORD})
                token = response.cookies.get("kw_sessie")
                if token:
                    break
                http.cookies.clear()
                time.sleep(2)
            if not token:
                raise RuntimeError(f"login van {email} mislukte: {response.status_code} {response.headers}")
            http.cookies.clear()
            kids = children[loc]
            own = kids[taken[loc]] if taken[loc] < len(kids) else None
            taken[loc] += 1
            phones.append(Phone(n, f"kw_sessie={token}", loc, own, kids[n % len(kids)] if kids else 0))
    return phones


def _stored(database_url: str, since_event: int, tag: str):
    def read(db):
        events = db.exec(select(AttendanceEvent.child_id, AttendanceEvent.kind, func.count())
                         .where(AttendanceEvent.id > since_event)
                         .group_by(AttendanceEvent.child_id, AttendanceEvent.kind)).all()
        signals = db.exec(select(Signal.facts, func.count()).where(Signal.facts.like(f"{tag}-%"))
                          .group_by(Signal.facts)).all()
        return {(c, k): n for c, k, n in events}, dict(signals)
    return with_db(database_url, read)


def _max_event(database_url: str) -> int:
    return with_db(database_url, lambda db: db.exec(select(func.coalesce(func.max(AttendanceEvent.id), 0))).one())


def _pct(values, q):
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, int(round(q * len(ordered))) - 1))] if ordered else float("nan")


def _verify(stats: Stats, events: dict, signals: dict) -> tuple[int, int, int]:
    """(lost, duplicated, stored without confirmation) over check-ins, undos and signals."""
    lost = dup = unconfirmed = 0
    for key in set(stats.sent) | set(events):
        stored, confirmed, sent = events.get(key, 0), stats.confirmed[key], stats.sent[key]
        lost += max(0, confirmed - stored)
        dup += max(0, stored - sent)
        unconfirmed += max(0, min(stored, sent) - confirmed)
    for marker in stats.signals_sent | set(signals):
        stored = signals.get(marker, 0)
        lost += marker in stats.signals_confirmed and stored == 0
        dup += max(0, stored - 1) + (stored > 0 and marker not in stats.signals_sent)
        unconfirmed += stored > 0 and marker in stats.signals_sent and marker not in stats.signals_confirmed
    return lost, dup, unconfirmed


async def _run_level(app, phones: list[Phone], seconds: float, think: float, tag: str) -> tuple[Stats, float, float]:
    stats = Stats()
    start = time.monotonic()
    await asyncio.gather(*(_phone_loop(app.base_url, p, stats, start + seconds, think, tag) for p in phones))
    return stats, start, time.monotonic() - start


def _level(app, phones, seconds, think, label) -> float:
    tag = f"load-{uuid.uuid4().hex[:6]}"
    since = _max_event(app.database_url)
    stats, start, elapsed = asyncio.run(_run_level(app, phones, seconds, think, tag))
    time.sleep(2)  # let the last writes land
    events, signals = _stored(app.database_url, since, tag)
    lost, dup, unconfirmed = _verify(stats, events, signals)
    done = sum(len(v) for v in stats.times.values())
    errors = sum(stats.errors.values())
    # Throughput in the window itself: the actions still running when it closes finish in a run-out
    # of their own (a few seconds, longer when one action is slow), which is not the steady rate.
    in_window = sum(1 for t in stats.finished if t <= start + seconds)
    rate = in_window / seconds
    print(f"\n{label}: {len(phones)} telefoons, {seconds:.0f} s (+{elapsed - seconds:.1f} s uitloop), "
          f"{done} handelingen, {rate:.1f}/s in het venster, fouten {errors}, kwijt {lost}, dubbel {dup}, "
          f"opgeslagen zonder bevestiging {unconfirmed}")
    for kind in ("paginalading", "tik", "signaal"):
        t = stats.times.get(kind, [])
        if t:
            print(f"  {kind:13} n={len(t):5d}  p50 {statistics.median(t):6.0f} ms  p95 {_pct(t, .95):6.0f} ms  "
                  f"p99 {_pct(t, .99):6.0f} ms")
        if kind == "paginalading":
            for part, pt in stats.parts.items():  # where a page load's time goes
                print(f"    {part:15} p50 {statistics.median(pt):6.0f} ms  p95 {_pct(pt, .95):6.0f} ms")
    every = [x for v in stats.times.values() for x in v]
    if every:
        print(f"  {'alles':13} n={len(every):5d}  p50 {statistics.median(every):6.0f} ms  "
              f"p95 {_pct(every, .95):6.0f} ms  p99 {_pct(every, .99):6.0f} ms")
    for message, n in stats.errors.most_common(5):
        print(f"  fout x{n}: {message}")
    return rate


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--levels", default="10,50,200")
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--think", type=float, default=2.0)
    parser.add_argument("--compare", type=int, default=50, help="phones for 1 vs 2 workers (0: skip)")
    parser.add_argument("--compare-seconds", type=float, default=20)
    parser.add_argument("--children", type=int, default=600, help="demo children")
    parser.add_argument("--locations", type=int, default=12, help="demo locations")
    args = parser.parse_args()
    levels = [int(x) for x in args.levels.split(",") if x]
    url = sa.make_url(PG_ADMIN.replace("postgresql://", "postgresql+psycopg://"))
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    name = f"kw_load_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    database_url = url.set(database=name).render_as_string(hide_password=False)
    # An organisation of 12 sites (the app's own first start loads a smaller one): generated first,
    # so the app's start finds it and loads nothing.
    subprocess.run([sys.executable, "-m", "kinderwerk_pwa.manage", "demo", "--children", str(args.children),
                    "--months", "2", "--locations", str(args.locations)], check=True, stdout=subprocess.DEVNULL,
                   env={**os.environ, "DATABASE_URL": database_url, "KINDERWERK_DEMO": "1"})
    workdir = Path(tempfile.mkdtemp(prefix="kw-load-"))
    import redis

    proc = None
    try:
        def start(workers: int, sub: str):
            redis.Redis.from_url(REDIS).flushdb()
            return start_app(workdir / sub, extra_env={"DATABASE_URL": database_url, "REFLEX_REDIS_URL": REDIS,
                                                      "GRANIAN_WORKERS": str(workers)})
        app, proc = start(2, "w2")
        app.base_url = app.base_url.replace("localhost", "127.0.0.1")  # loopback only
        seeded_copies(workdir / "w2" / "project" / ".web")
        phones = _setup_phones(database_url, app.base_url, max(levels + [args.compare]))
        print(f"productie-opzet: PostgreSQL, Redis, 2 workers op {app.base_url}; "
              f"{len({p.location_id for p in phones})} huiskamers, denktijd {args.think} s")
        for level in levels:
            _level(app, phones[:level], args.seconds, args.think, f"niveau {level}")
        if args.compare:
            # Each on a freshly started app (the phones' sessions live in PostgreSQL and survive).
            rates = {}
            for workers in (1, 2):
                stop_app(proc)
                app, proc = start(workers, f"c{workers}")
                app.base_url = app.base_url.replace("localhost", "127.0.0.1")
                rates[workers] = _level(app, phones[:args.compare], args.compare_seconds, 0,
                                        f"verzadiging, {workers} worker{'s' if workers > 1 else ''}")
            one, two = rates[1], rates[2]
            print(f"\ndoorvoer 2 workers / 1 worker: {two:.1f} / {one:.1f} per s = {two / one:.2f}x (doel >= 1.6x)")
    finally:
        if proc is not None:
            stop_app(proc)
        shutil.rmtree(workdir, ignore_errors=True)
        try:
            redis.Redis.from_url(REDIS).flushdb()
        except redis.ConnectionError:
            pass  # Redis restarting (another test's fault injection): it starts empty anyway
        for _attempt in range(10):  # the database may be restarting (another test's fault injection)
            try:
                with admin.connect() as conn:
                    conn.execute(sa.text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                         "WHERE datname = :n AND pid <> pg_backend_pid()"), {"n": name})
                    conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
                break
            except sa.exc.OperationalError:
                time.sleep(3)
        admin.dispose()


if __name__ == "__main__":
    main()
