"""Removing personal data and free text, keeping what the figures need.

What stays, so that the rapportage of a past period gives the same figures before and after: the
child row with its neighbourhood, status and dates, the date of birth as the first of its month
(the age group of a period that ends on a month's last day is unchanged); attendance events (kind,
day, location); referrals in and out (kind of referrer, partner, dates, status); placements with
their dates, and an uitstroom reason only when at least MIN_FREE_TEXT_LABEL placements of the
organisation share it (a category like "verhuisd"; rarer ones become REMOVED_TEXT, which the
report counts under "Overige redenen" as it did before); goals (dates, status) and their scores;
signals (category, date, location, source, acute); meldcode tracks and steps (dates, decisions,
answers of the afwegingskader); conversations and agreements (kind, dates, status); consents (kind,
answer, dates); requests (kind, dates, decision and its reason).

What goes: names, date of birth (day), school, phone numbers and e-mail addresses, pick-up
persons, every free text (facts, interpretations, places, conclusions, reasons, goals, notes,
feedback, agreements), moods, the child's locations (so no list shows the child any more) and its
link to the family and to conversations. Guardians and the family name go when no child of the
family is left; a conversation's text goes when no child it is about is left.

Every function works in the caller's session and neither commits nor audits.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, delete, select, update

from ...models import (
    ActivityObservation,
    ActivityRegistration,
    Agreement,
    AttendanceEvent,
    Child,
    ChildHousehold,
    ChildLocation,
    Consent,
    ConversationChild,
    ConversationGoal,
    Enrolment,
    Family,
    Goal,
    Guardian,
    MeldcodeStep,
    MeldcodeTrack,
    ParentConversation,
    PickupPerson,
    ReferralIn,
    ReferralOut,
    Signal,
    SignalCorrection,
    SubjectRequest,
)
from ...models.base import REMOVED_TEXT
from ..kinderen.households import household_ids
from ..rapportage.period_report import MIN_FREE_TEXT_LABEL


def _normal(reason: str) -> str:
    """An uitstroom reason as the rapportage groups it."""
    return " ".join((reason or "").split()).casefold()


def common_end_reasons(db: Session, organisation_id: int) -> set[str]:
    """Uitstroom reasons (normalised) that MIN_FREE_TEXT_LABEL or more placements of the
    organisation share: categories, not stories about one child."""
    counts: Counter = Counter()
    for reason, n in db.exec(select(Enrolment.end_reason, sa.func.count())
                             .join(Child, Child.id == Enrolment.child_id)
                             .where(Child.organisation_id == organisation_id, Enrolment.end_reason != "")
                             .group_by(Enrolment.end_reason)).all():
        counts[_normal(reason)] += n
    return {key for key, n in counts.items() if n >= MIN_FREE_TEXT_LABEL}


def clear_signals(db: Session, signal_ids) -> int:
    """The content of these signals and of their corrections; category, date and place of work stay."""
    ids = list(signal_ids)
    if not ids:
        return 0
    db.exec(update(Signal).where(Signal.id.in_(ids)).values(facts="", interpretation="", place=""))
    db.exec(update(Signal).where(Signal.id.in_(ids), Signal.child_id.is_(None))
            .values(unknown_description=REMOVED_TEXT))
    db.exec(update(SignalCorrection).where(SignalCorrection.signal_id.in_(ids))
            .values(previous_facts="", previous_interpretation="", reason=""))
    return len(ids)


def clear_tracks(db: Session, track_ids) -> int:
    ids = list(track_ids)
    if not ids:
        return 0
    db.exec(update(MeldcodeTrack).where(MeldcodeTrack.id.in_(ids)).values(close_reason=""))
    db.exec(update(MeldcodeStep).where(MeldcodeStep.track_id.in_(ids))
            .values(with_whom="", conclusion="", skip_reason="", veilig_thuis_advice=""))
    return len(ids)


def clear_conversations(db: Session, conversation_ids) -> int:
    ids = list(conversation_ids)
    if not ids:
        return 0
    db.exec(update(ParentConversation).where(ParentConversation.id.in_(ids))
            .values(place="", topics="", facts="", interpretation="", not_discussed_reason=""))
    db.exec(update(Agreement).where(Agreement.conversation_id.in_(ids)).values(description="", owner_name=""))
    return len(ids)


def clear_activity(db: Session, activity_id: int) -> None:
    db.exec(update(ActivityRegistration).where(ActivityRegistration.activity_id == activity_id).values(note=""))
    db.exec(update(ActivityObservation).where(ActivityObservation.activity_id == activity_id).values(text=""))


def _left(db: Session, family_id: int) -> bool:
    """Whether a child of the family still has its data."""
    linked = select(ChildHousehold.child_id).where(ChildHousehold.family_id == family_id)
    return db.exec(select(Child.id).where((Child.family_id == family_id) | Child.id.in_(linked),
                                          Child.anonymised_at.is_(None))).first() is not None


def anonymise_child(db: Session, child: Child, now: datetime, common_reasons: set[str]) -> dict[str, int]:
    """Remove the child's personal data and free text (see the module docstring). Returns counts of
    what was touched (for the audit: numbers only)."""
    cid = child.id
    tracks = list(db.exec(select(MeldcodeTrack.id).where(MeldcodeTrack.child_id == cid)).all())
    signal_ids = list(db.exec(select(Signal.id).where(sa.or_(Signal.child_id == cid, Signal.track_id.in_(tracks or [-1])))).all())
    counts = {"signalen": clear_signals(db, signal_ids), "trajecten": clear_tracks(db, tracks)}

    # Conversations: the text goes once no child it is about keeps its data.
    conversation_ids = list(db.exec(select(ConversationChild.conversation_id).where(ConversationChild.child_id == cid)).all())
    done = []
    for conversation_id in conversation_ids:
        others = db.exec(select(ConversationChild.child_id).join(Child, Child.id == ConversationChild.child_id)
                         .where(ConversationChild.conversation_id == conversation_id, ConversationChild.child_id != cid,
                                Child.anonymised_at.is_(None))).first()
        if others is None:
            done.append(conversation_id)
    counts["gesprekken"] = clear_conversations(db, done)
    db.exec(delete(ConversationChild).where(ConversationChild.child_id == cid))
    db.exec(delete(ConversationGoal).where(ConversationGoal.goal_id.in_(select(Goal.id).where(Goal.child_id == cid))))

    db.exec(update(AttendanceEvent).where(AttendanceEvent.child_id == cid).values(picked_up_by="", reason="", mood=None))
    for enrolment in db.exec(select(Enrolment).where(Enrolment.child_id == cid, Enrolment.end_reason != "")).all():
        if _normal(enrolment.end_reason) not in common_reasons:
            enrolment.end_reason = REMOVED_TEXT
            db.add(enrolment)
    db.exec(update(Goal).where(Goal.child_id == cid).values(title=""))
    db.exec(update(ReferralIn).where(ReferralIn.child_id == cid).values(referrer_name="", reason="", closed_reason=""))
    db.exec(update(ReferralOut).where(ReferralOut.child_id == cid)
            .values(contact_name="", reason="", consent_by="", feedback=""))
    db.exec(update(Consent).where(Consent.child_id == cid)
            .values(given_by="", withdrawn_by="", guardian_id=None, withdrawn_guardian_id=None))
    db.exec(update(SubjectRequest).where(SubjectRequest.child_id == cid).values(requested_by="", description=""))
    counts["ophalers"] = len(db.exec(select(PickupPerson.id).where(PickupPerson.child_id == cid)).all())
    db.exec(delete(PickupPerson).where(PickupPerson.child_id == cid))
    db.exec(delete(ChildLocation).where(ChildLocation.child_id == cid))

    family_ids = household_ids(db, child)
    db.exec(delete(ChildHousehold).where(ChildHousehold.child_id == cid))
    child.first_name = child.last_name = child.school_name = child.school_group = child.left_reason = ""
    child.search_key = ""  # the model's listener would too; a bulk update (below) must say so itself
    child.date_of_birth = child.date_of_birth.replace(day=1)
    child.may_go_home_alone, child.home_alone_allowed_by, child.home_alone_allowed_on = False, "", None
    child.home_alone_guardian_id = None
    child.family_id = None
    child.anonymised_at = now
    db.add(child)
    db.flush()

    counts["gezin"] = 0
    for family_id in family_ids:
        if _left(db, family_id):
            continue
        # The last child of the household: the guardians and the family's own conversations go too.
        db.exec(update(Guardian).where(Guardian.family_id == family_id)
                .values(name="", phone="", email="", collect_note="", search_key=""))
        db.exec(update(Family).where(Family.id == family_id).values(name="", address="", search_key=""))
        unlinked = list(db.exec(select(ParentConversation.id).where(
            ParentConversation.family_id == family_id,
            ParentConversation.id.not_in(select(ConversationChild.conversation_id)))).all())
        counts["gesprekken"] += clear_conversations(db, unlinked)
        counts["gezin"] += 1
    db.flush()
    return counts
