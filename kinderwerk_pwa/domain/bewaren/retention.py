"""Running the bewaartermijnen: list what is due, then remove or anonymise it.

Two ways in, one machinery:
- the privacy officer's page: `retention_overview` and `apply_retention` (BEWAARTERMIJN_UITVOEREN,
  her organisation only; the list is audited as it names children);
- the operator's command, `python -m kinderwerk_pwa.manage retention --dry-run | --apply`
  (`run_retention`): every organisation, no actor (whoever runs it has the database anyway). A dry
  run reads only and writes nothing, not even to the audit log.

Each item is done in its own transaction with its audit row ('bewaartermijn.geanonimiseerd' for a
child, 'bewaartermijn.inhoud_verwijderd' for signals, tracks and activities; ids and counts only,
so the access log keeps the event without the removed content). An item that fails is rolled back
and audited as 'mislukt'; the others go on. Done items are no longer due, so a second run changes
nothing. `now` can be given (tests move the clock past a term); by default the clock's.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from ...models import Child, utcnow
from ..common.clock import local_today
from ..toegang import audit
from ..toegang.actor import Actor
from ..toegang.permissions import Action, Target, authorize
from . import erase
from .due import DueItem, audit_rows_due, due_items
from .terms import Terms, terms_from_settings

log = logging.getLogger("kinderwerk.bewaren")


@dataclass(frozen=True)
class RetentionOverview:
    today: date
    terms: Terms
    items: list[DueItem]
    audit_due: int  # rows of the access log past their term (a separate step: README)


@dataclass
class RetentionResult:
    today: date
    applied: bool
    items: list[DueItem] = field(default_factory=list)  # what was due (and, when applied, done)
    failed: list[DueItem] = field(default_factory=list)
    audit_due: int = 0

    @property
    def done(self) -> int:
        return len(self.items) - len(self.failed) if self.applied else 0


def _authorize(actor: Actor, db: Session) -> None:
    authorize(actor, db, Action.BEWAARTERMIJN_UITVOEREN,
              Target(actor.organisation_id, object_type="bewaartermijn"))


def retention_overview(actor: Actor, db: Session, now: datetime | None = None,
                       terms: Terms | None = None) -> RetentionOverview:
    """What is due today in the actor's organisation. Audited 'bewaartermijn.lijst'."""
    _authorize(actor, db)
    terms = terms or terms_from_settings()
    today = local_today(now)
    items = due_items(db, terms, today, actor.organisation_id)
    audit.record(db, actor, "bewaartermijn.lijst", object_type="bewaartermijn",
                 detail=f"aantal={len(items)};dag={today.isoformat()}")
    db.commit()
    return RetentionOverview(today, terms, items, audit_rows_due(db, terms, today))


def carry_out(db: Session, actor: Actor | None, item: DueItem, now: datetime, source: str,
              common_reasons: dict[int, set[str]] | None = None) -> dict[str, int]:
    """Remove or anonymise one item and write its audit row; the caller commits."""
    if item.kind == "kind":
        child = db.get(Child, item.object_id)
        reasons = (common_reasons or {}).get(child.organisation_id)
        if reasons is None:
            reasons = erase.common_end_reasons(db, child.organisation_id)
        counts = erase.anonymise_child(db, child, now, reasons)
        action, object_type = "bewaartermijn.geanonimiseerd", "kind"
    elif item.kind == "activiteit":
        erase.clear_activity(db, item.object_id)
        counts, action, object_type = {}, "bewaartermijn.inhoud_verwijderd", "activiteit"
    else:
        counts = {"signalen": erase.clear_signals(db, item.signal_ids)}
        if item.kind == "meldcode_onbekend":
            counts["trajecten"] = erase.clear_tracks(db, [item.object_id])
        action = "bewaartermijn.inhoud_verwijderd"
        object_type = "meldcodetraject" if item.kind == "meldcode_onbekend" else (
            "kind" if item.kind == "signalen" else "signaal")
    detail = ";".join([f"bron={source}", f"soort={item.kind}", *(f"{k}={v}" for k, v in counts.items())])
    audit.record(db, actor, action, object_type=object_type, object_id=item.object_id, child_id=item.child_id,
                 detail=detail)
    return counts


def _run(db: Session, actor: Actor | None, items: list[DueItem], now: datetime, source: str,
         result: RetentionResult) -> None:
    reasons: dict[int, set[str]] = {}
    for item in items:
        try:
            if item.kind == "kind" and item.organisation_id not in reasons:
                reasons[item.organisation_id] = erase.common_end_reasons(db, item.organisation_id)
            carry_out(db, actor, item, now, source, reasons)
            db.commit()
        except SQLAlchemyError:
            db.rollback()
            log.exception("bewaartermijn mislukt: %s %s", item.kind, item.object_id)
            result.failed.append(item)
            audit.record(db, actor, "bewaartermijn.mislukt", outcome=audit.FAILED, object_type=item.kind,
                         object_id=item.object_id, child_id=item.child_id, detail=f"bron={source}")
            db.commit()


def apply_retention(actor: Actor, db: Session, now: datetime | None = None,
                    terms: Terms | None = None) -> RetentionResult:
    """Remove or anonymise everything due in the actor's organisation, one transaction per item."""
    _authorize(actor, db)
    now = now or utcnow()
    terms = terms or terms_from_settings()
    today = local_today(now)
    items = due_items(db, terms, today, actor.organisation_id)
    result = RetentionResult(today, True, items)
    _run(db, actor, items, now, "privacyfunctionaris", result)
    result.audit_due = audit_rows_due(db, terms, today)
    return result


def run_retention(db: Session, *, apply: bool, now: datetime | None = None,
                  terms: Terms | None = None) -> RetentionResult:
    """The operator's command over every organisation: a dry run lists, `apply` carries out."""
    now = now or utcnow()
    terms = terms or terms_from_settings()
    today = local_today(now)
    items = due_items(db, terms, today)
    result = RetentionResult(today, apply, items, audit_due=audit_rows_due(db, terms, today))
    if apply:
        _run(db, None, items, now, "opdrachtregel", result)
    else:
        db.rollback()  # a dry run leaves no transaction open, and writes nothing
    return result
