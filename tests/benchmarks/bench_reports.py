"""Benchmark (not a test): the team overview and the rapportage on a large demo data set.

    .venv/bin/python -m tests.benchmarks.bench_reports [--children 2400] [--months 60] [--locations 12]

Generates demo data (default: 60 months, 12 locations, 2400 children) into a temporary SQLite file
and into a fresh PostgreSQL database (created and dropped via
postgresql+psycopg://postgres@127.0.0.1:5432/postgres, or KINDERWERK_BENCH_PG_URL; skipped with a
message when unreachable), both upgraded with the Alembic migrations, and prints the time of
reports.team_overview and reports.report (all locations, the last 12 months) - plus trends and the
two exports - for a teamleider of the generated data. Each is run once cold and then --repeat
times; the best of the repeats is printed too.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.pool import NullPool
from sqlmodel import Session, select

DEFAULT_PG_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def _timed(fn: Callable[[], object], repeat: int) -> tuple[float, float, float]:
    """(cold, best, median) in seconds."""
    start = time.perf_counter()
    fn()
    cold = time.perf_counter() - start
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return cold, min(runs, default=cold), statistics.median(runs) if runs else cold


def _bench(label: str, url: str, args: argparse.Namespace, today: date) -> None:
    from kinderwerk_pwa import db as kw_db
    from kinderwerk_pwa.demo import generate
    from kinderwerk_pwa.domain.rapportage import exports, reports
    from kinderwerk_pwa.domain.toegang.actor import load_actor
    from kinderwerk_pwa.migrations import upgrade_to_head
    from kinderwerk_pwa.models import AttendanceEvent, Location, StaffUser
    from kinderwerk_pwa.settings import reset_settings

    print(f"\n== {label}")
    start = time.perf_counter()
    upgrade_to_head(url)
    engine = kw_db.make_engine(url)
    try:
        with Session(engine, expire_on_commit=False) as db:
            summary = generate(db, seed=args.seed, children=args.children, months=args.months,
                               locations=args.locations, today=today)
            print(f"gegenereerd in {time.perf_counter() - start:.1f} s: "
                  f"{summary.attendance_event} aanwezigheidsevents, {summary.signal} signalen, "
                  f"{summary.referral_in} aanmeldingen, {summary.goal} leerdoelen, "
                  f"{summary.goal_progress} voortgangsregels")
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
            begin = end - timedelta(days=365) + timedelta(days=1)
            n_events = db.exec(select(sa.func.count()).select_from(AttendanceEvent)
                               .where(AttendanceEvent.day >= begin, AttendanceEvent.day <= end)).one()
            print(f"teamleider {actor.id} met {len(actor.location_ids)} locaties; periode {begin} t/m {end} "
                  f"({n_events} aanwezigheidsevents in de periode)")
            day = today - timedelta(days=1)  # the generated history ends yesterday
            cases = [
                ("team_overview", lambda: reports.team_overview(actor, db, day)),
                ("report (alle locaties, 12 maanden)", lambda: reports.report(actor, db, all_ids, begin, end)),
                ("trends (alle locaties, 12 maanden)", lambda: reports.trends(actor, db, all_ids, begin, end)),
                ("report_xlsx", lambda: exports.report_xlsx(actor, db, all_ids, begin, end)),
                ("report_csv", lambda: exports.report_csv(actor, db, all_ids, begin, end)),
            ]
            for name, fn in cases:
                cold, best, median = _timed(fn, args.repeat)
                print(f"  {name:<38} koud {cold * 1000:8.0f} ms   beste {best * 1000:8.0f} ms   "
                      f"mediaan {median * 1000:8.0f} ms")
    finally:
        engine.dispose()
        kw_db._engines.pop(kw_db.normalise_url(url), None)


def _pg_reachable(url: sa.URL) -> str | None:
    host, port = url.host or "127.0.0.1", url.port or 5432
    try:
        with socket.create_connection((host, port), timeout=3):
            return None
    except OSError as exc:
        return f"PostgreSQL niet bereikbaar op {host}:{port}: {exc}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--children", type=int, default=2400)
    parser.add_argument("--months", type=int, default=60)
    parser.add_argument("--locations", type=int, default=12)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--today", type=date.fromisoformat, default=None, help="JJJJ-MM-DD (standaard: vandaag)")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--skip-postgres", action="store_true")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="kw-bench-reports-"))
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
