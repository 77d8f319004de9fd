"""Command line for operators: prepare the database, load demo data, print demo logins.

    python -m kinderwerk_pwa.manage prepare      # migrate; in demo mode also load demo data once
    python -m kinderwerk_pwa.manage demo --children 2400 --months 60 --locations 12
    python -m kinderwerk_pwa.manage retention --dry-run   # list what is past its bewaartermijn
    python -m kinderwerk_pwa.manage retention --apply     # remove or anonymise it
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime

from sqlmodel import select

from .db import session_scope
from .migrations import upgrade_to_head
from .models import Organisation
from .settings import get_settings


def _print_demo_logins() -> None:
    from .demo.accounts import demo_logins

    rows, password = demo_logins()
    print("\nDemo-accounts (alleen in demomodus), wachtwoord voor allemaal:", password)
    for row in rows:
        print(f"  {row['email']:<38} {row['role']:<22} {row['name']}")
    print()


def prepare() -> int:
    settings = get_settings()
    upgrade_to_head(settings.database_url)
    if not settings.demo_mode:
        return 0
    with session_scope() as db:
        empty = db.exec(select(Organisation)).first() is None
    if empty:
        from .demo.generator import generate

        print(f"Demodata laden ({settings.demo_size} kinderen) ...", flush=True)
        with session_scope() as db:
            generate(db, children=settings.demo_size)
    _print_demo_logins()
    return 0


def demo(args: argparse.Namespace) -> int:
    from .demo.generator import generate

    upgrade_to_head(get_settings().database_url)
    with session_scope() as db:
        summary = generate(db, seed=args.seed, children=args.children, months=args.months,
                           locations=args.locations)
    print(summary)
    return 0


def retention(args: argparse.Namespace, now: datetime | None = None) -> int:
    """List (--dry-run) or carry out (--apply) the bewaartermijnen in every organisation."""
    from .domain.bewaren.retention import run_retention

    upgrade_to_head(get_settings().database_url)
    with session_scope() as db:
        result = run_retention(db, apply=args.apply, now=now)
    print(f"Bewaartermijnen op {result.today:%d-%m-%Y}: {len(result.items)} onderdelen over de termijn.")
    for item in result.items:
        print(f"  {item.kind:<18} org {item.organisation_id:<4} {item.label:<28} {item.reason}")
    if result.audit_due:
        print(f"Logboek: {result.audit_due} regels over de termijn (apart te verwijderen, zie README).")
    if not args.apply:
        print("Droogloop: er is niets gewijzigd. Voer uit met --apply.")
        return 0
    print(f"Uitgevoerd: {result.done} onderdelen verwijderd of geanonimiseerd.")
    if result.failed:
        print(f"Mislukt: {len(result.failed)} onderdelen (zie het logboek).", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None, now: datetime | None = None) -> int:
    """`now`: only for tests, which move the clock past a bewaartermijn."""
    parser = argparse.ArgumentParser(prog="kinderwerk_pwa.manage")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("prepare", help="migraties uitvoeren; in demomodus eenmalig demodata laden")
    demo_parser = sub.add_parser("demo", help="demodata genereren in DATABASE_URL")
    demo_parser.add_argument("--seed", type=int, default=2026)
    demo_parser.add_argument("--children", type=int, default=200)
    demo_parser.add_argument("--months", type=int, default=3)
    demo_parser.add_argument("--locations", type=int, default=4)
    retention_parser = sub.add_parser("retention", help="bewaartermijnen: tonen (--dry-run) of uitvoeren (--apply)")
    mode = retention_parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--dry-run", dest="apply", action="store_false", help="alleen tonen wat over de termijn is")
    mode.add_argument("--apply", dest="apply", action="store_true", help="verwijderen en anonimiseren")
    args = parser.parse_args(argv)
    if args.command == "prepare":
        return prepare()
    if args.command == "retention":
        return retention(args, now)
    return demo(args)


if __name__ == "__main__":
    sys.exit(main())
