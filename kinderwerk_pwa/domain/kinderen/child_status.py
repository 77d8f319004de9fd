"""A child's active placements and its status, derived from all its referrals and placements
(`settle_child_status`) rather than overwritten by whichever step happened last.
"""

from __future__ import annotations

from sqlmodel import Session, select

from ...models import Child, Enrolment, ReferralIn

OPEN_STATUSES = ("wachtlijst", "intake")


def active_enrolments(db: Session, child_id: int, location_id: int | None = None) -> list[Enrolment]:
    """Placements that have not been ended."""
    stmt = select(Enrolment).where(Enrolment.child_id == child_id, Enrolment.end_date.is_(None))
    if location_id is not None:
        stmt = stmt.where(Enrolment.location_id == location_id)
    return list(db.exec(stmt.order_by(Enrolment.start_date, Enrolment.id)).all())


def settle_child_status(db: Session, child: Child) -> str:
    """Derive child.status from all its placements and referrals:
    a running placement -> actief; else an open referral after intake -> intake; else one on the
    waitlist -> wachtlijst; else once left (left_on set) -> uitgestroomd; else bekend."""
    if active_enrolments(db, child.id):
        status = "actief"
    else:
        open_statuses = set(db.exec(select(ReferralIn.status).where(
            ReferralIn.child_id == child.id, ReferralIn.status.in_(OPEN_STATUSES))).all())
        if "intake" in open_statuses:
            status = "intake"
        elif "wachtlijst" in open_statuses:
            status = "wachtlijst"
        elif child.left_on is not None:
            status = "uitgestroomd"
        else:
            status = "bekend"
    child.status = status
    db.add(child)
    return status
