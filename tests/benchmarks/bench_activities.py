"""Benchmark (not a test): the activities report (activiteiten en bereik) on a large demo data set.

    .venv/bin/python -m tests.benchmarks.bench_activities [--children 2400] [--months 60] [--locations 12]
                                                          [--queries] [--explain]

Generates demo data (default: 60 months, 12 locations, 2400 children; the demo programme of
activities comes with it) into a temporary SQLite file and into a fresh PostgreSQL database
(created and dropped via postgresql+psycopg://postgres@127.0.0.1:5432/postgres, or
KINDERWERK_BENCH_PG_URL; skipped with a message when unreachable), both upgraded with the Alembic
migrations, and prints the time of rapportage.activity_reach for a teamleider of the generated data
over all locations, for the last 12 months and for the whole history (5 years), plus the
teamleider's week overview (week_activities). Each is run once cold and then --repeat times; the
best and the median of the repeats are printed too. Target: the 5-year report at most 1 s on
PostgreSQL.

--queries prints the slowest SQL statements of one 5-year report; --explain (PostgreSQL) adds
EXPLAIN ANALYZE of the slowest. Both are printed anyway when the target is missed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.pool import NullPool
from sqlmodel import Session, select

from tests.benchmarks.bench_reports import DEFAULT_PG_ADMIN_URL, _pg_reachable, _timed

TARGET_S = 1.0


class _StatementLog:
    """Every SQL statement the engine runs while active: (seconds, statement, parameters)."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine
        self.rows: list[tuple[float, str, object]] = []
        self.active = False
        sa.event.listen(engine, "before_cursor_execute", self._before)
        sa.event.listen(engine, "after_cursor_execute", self._after)

    def _before(self, conn, cursor, statement, parameters, context, executemany) -> None:
        conn.info["bench_t0"] = time.perf_counter()

    def _after(self, conn, cursor, statement, parameters, context, executemany) -> None:
        if self.active:
            self.rows.append((time.perf_counter() - conn.info.pop("bench_t0"), statement, parameters))

    def slowest(self, n: int) -> list[tuple[float, str, object]]:
        return sorted(self.rows, key=lambda r: r[0], reverse=True)[:n]


def _bench(label: str, url: str, args: argparse.Namespace, today: date) -> None:
    from kinderwerk_pwa import db as kw_db
    from kinderwerk_pwa.demo import generate
    from kinderwerk_pwa.domain.rapportage.activity_reach import activity_reach, week_activities
    from kinderwerk_pwa.domain.toegang.actor import load_actor
    from kinderwerk_pwa.migrations import upgrade_to_head
    from kinderwerk_pwa.models import Activity, Location, StaffUser
    from kinderwerk_pwa.settings import reset_settings

    print(f"\n== {label}")
    start = time.perf_counter()
    upgrade_to_head(url)
    engine = kw_db.make_engine(url)
    try:
        with Session(engine, expire_on_commit=False) as db:
            summary = generate(db, seed=args.seed, children=args.children, months=args.months,
                               locations=args.locations, today=today)
            print(f"gegenereerd in {time.perf_counter() - start:.1f} s: {summary.activity_series} reeksen, "
                  f"{summary.activity} activiteiten, {summary.activity_registration} registraties, "
                  f"{summary.activity_child} kinderen aanwezig, {summary.activity_tally} turfregels")
            if engine.dialect.name == "postgresql":
                with engine.connect() as conn:
                    conn.execute(sa.text("ANALYZE"))
                    conn.commit()
            os.environ["KINDERWERK_DEMO"] = "1"  # demo accounts act only in demo mode
            reset_settings()
            leader = db.exec(select(StaffUser).where(StaffUser.role == "teamleider", StaffUser.is_demo.is_(True))
                             .order_by(StaffUser.id)).first()
            actor = load_actor(db, leader.id)
            all_ids = sorted(db.exec(select(Location.id)).all())
            assert set(all_ids) <= set(actor.location_ids), "de teamleider hoort bij alle locaties"
            end = today
            year_start = end - timedelta(days=365) + timedelta(days=1)
            history_start = db.exec(select(sa.func.min(Activity.day))).one()
            for begin, what in ((year_start, "12 maanden"), (history_start, "hele periode")):
                n = db.exec(select(sa.func.count()).select_from(Activity)
                            .where(Activity.day >= begin, Activity.day <= end)).one()
                print(f"  {what}: {begin} t/m {end}, {n} activiteiten")
            print(f"teamleider {actor.id} met {len(actor.location_ids)} locaties")
            cases = [
                ("activity_reach (12 maanden)", lambda: activity_reach(actor, db, all_ids, year_start, end)),
                ("activity_reach (hele periode)", lambda: activity_reach(actor, db, all_ids, history_start, end)),
                ("week_activities (overzicht)", lambda: week_activities(actor, db, all_ids, today)),
            ]
            results = {}
            for name, fn in cases:
                cold, best, median = _timed(fn, args.repeat)
                results[name] = best
                print(f"  {name:<38} koud {cold * 1000:8.0f} ms   beste {best * 1000:8.0f} ms   "
                      f"mediaan {median * 1000:8.0f} ms")
            slow = engine.dialect.name == "postgresql" and max(results.values()) > TARGET_S
            if slow:
                print(f"  doel ({TARGET_S:.0f} s op PostgreSQL) niet gehaald")
            if args.queries or args.explain or slow:
                _slowest_statements(engine, lambda: activity_reach(actor, db, all_ids, history_start, end),
                                    explain=(args.explain or slow) and engine.dialect.name == "postgresql")
    finally:
        engine.dispose()
        kw_db._engines.pop(kw_db.normalise_url(url), None)


def _slowest_statements(engine: sa.Engine, fn, *, explain: bool, n: int = 5) -> None:
    log = _StatementLog(engine)
    log.active = True
    fn()
    log.active = False
    total = sum(r[0] for r in log.rows)
    print(f"  {len(log.rows)} SQL-opdrachten in het rapport over de hele periode, samen {total * 1000:.0f} ms; "
          f"de traagste:")
    for seconds, statement, _ in log.slowest(n):
        print(f"    {seconds * 1000:7.1f} ms  {' '.join(statement.split())[:220]}")
    if explain and log.rows:
        seconds, statement, parameters = log.slowest(1)[0]
        with engine.connect() as conn:
            plan = conn.exec_driver_sql("EXPLAIN (ANALYZE, BUFFERS) " + statement, parameters).all()
        print("  EXPLAIN ANALYZE van de traagste:")
        for (line,) in plan:
            print(f"    {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--children", type=int, default=2400)
    parser.add_argument("--months", type=int, default=60)
    parser.add_argument("--locations", type=int, default=12)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--today", type=date.fromisoformat, default=None, help="JJJJ-MM-DD (standaard: vandaag)")
    parser.add_argument("--queries", action="store_true", help="de traagste SQL-opdrachten tonen")
    parser.add_argument("--explain", action="store_true", help="EXPLAIN ANALYZE van de traagste (PostgreSQL)")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--skip-postgres", action="store_true")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="kw-bench-activities-"))
    os.environ.setdefault("KINDERWERK_DATA_DIR", str(workdir))
    import kinderwerk_pwa.models  # noqa: F401 - registers the tables
    from kinderwerk_pwa import db as kw_db
    from kinderwerk_pwa.domain.common.clock import local_today

    today = args.today or local_today()
    print(f"Demodata: {args.children} kinderen, {args.months} maanden, {args.locations} locaties, "
          f"seed {args.seed}, vandaag {today}")
    try:
        if not args.skip_sqlite:
            _bench("SQLite", f"sqlite:///{workdir / 'bench.db'}", args, today)
        if not args.skip_postgres:
            admin_url = sa.make_url(kw_db.normalise_url(os.environ.get("KINDERWERK_BENCH_PG_URL",
                                                                        DEFAULT_PG_ADMIN_URL)))
            reason = _pg_reachable(admin_url)
            if reason:
                print(f"\n== PostgreSQL overgeslagen: {reason}")
                return
            admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
            name = f"kw_bench_{uuid.uuid4().hex[:12]}"
            try:
                with admin.connect() as conn:
                    conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
            except sa.exc.OperationalError as exc:
                print(f"\n== PostgreSQL overgeslagen: {exc.orig}")
                admin.dispose()
                return
            try:
                _bench("PostgreSQL", admin_url.set(database=name).render_as_string(hide_password=False), args, today)
            finally:
                with admin.connect() as conn:
                    conn.execute(sa.text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                         "WHERE datname = :name AND pid <> pg_backend_pid()"), {"name": name})
                    conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
                admin.dispose()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
