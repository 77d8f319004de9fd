"""The privacy officer of the test world, and a child with a record of every kind (each holding a
marker word the inzage tests look for)."""

from __future__ import annotations

import io
import re
from datetime import date, time, timedelta

from pypdf import PdfReader
from sqlmodel import Session

from kinderwerk_pwa.domain.toegang.actor import Actor, load_actor
from kinderwerk_pwa.models import (
    Activity,
    ActivityChild,
    ActivityRegistration,
    ActivitySeries,
    Agreement,
    AttendanceEvent,
    Child,
    Consent,
    ConversationChild,
    ConversationGuardian,
    Enrolment,
    FollowUp,
    Goal,
    GoalProgress,
    Guardian,
    MeldcodeStep,
    MeldcodeTrack,
    ParentConversation,
    Partner,
    PickupPerson,
    ReferralIn,
    ReferralOut,
    Signal,
    SignalCorrection,
    StaffLocation,
    StaffUser,
    utcnow,
)
from tests.world import World

# Every kind of record the inzage must hold (the JSON's "soort").
KINDS = {"child", "child_location", "enrolment", "family", "guardian", "pickup_person", "consent", "signal",
         "signal_correction", "meldcode_track", "meldcode_step", "parent_conversation", "agreement", "referral_in",
         "referral_out", "attendance_event", "follow_up", "goal", "goal_progress", "activity"}
# The kind of record (the table) -> a word only that record holds.
MARKERS = {
    "pickup_person": "Ophaalmarker",
    "consent": "Toestemmingmarker",
    "signal": "Signaalmarker",
    "signal_correction": "Correctiemarker",
    "meldcode_track": "Trajectmarker",
    "meldcode_step": "Stapmarker",
    "parent_conversation": "Gesprekmarker",
    "agreement": "Afspraakmarker",
    "referral_in": "Aanmeldmarker",
    "referral_out": "Doorverwijsmarker",
    "attendance_event": "Afmeldmarker",
    "follow_up": "Vervolgmarker",
    "goal": "Leerdoelmarker",
    "activity": "Activiteitmarker",
    "guardian": "Voogdmarker",
    "enrolment": "Plaatsingmarker",
}


def add_privacy_officer(db: Session, w: World, key: str = "privacy") -> Actor:
    user = StaffUser(organisation_id=w.org_id, name="Test Privacyfunctionaris", email=f"{key}@test.nl",
                     role="privacy")
    db.add(user)
    db.flush()
    db.add(StaffLocation(staff_id=user.id, location_id=w.loc_a))
    db.commit()
    w.staff[key] = user.id
    return load_actor(db, user.id)


def fill_every_kind(db: Session, w: World) -> dict[str, int]:
    """child_a gets a record of every kind; returns a few ids."""
    kw, af = w.staff["kinderwerker"], w.staff["aandachtsfunctionaris"]
    now = utcnow()
    today = date(2026, 11, 2)
    partner = Partner(organisation_id=w.org_id, name="Wijkteam Haven", kind="wijkteam")
    db.add(partner)
    guardian = Guardian(family_id=w.family_a, name="Kees Jansen", relation="vader", email="voogdmarker@test.nl")
    db.add(guardian)
    db.flush()
    db.add(PickupPerson(child_id=w.child_a, name="Oma Ophaalmarker", relation="oma"))
    db.add(Consent(child_id=w.child_a, kind="foto", given=True, given_by="Toestemmingmarker Jansen",
                   given_on=today, recorded_by_id=kw))
    db.add(Enrolment(child_id=w.child_a, location_id=w.loc_b, weekdays="2", start_date=date(2025, 9, 1),
                     end_date=date(2025, 12, 19), end_reason="Plaatsingmarker"))
    track = MeldcodeTrack(organisation_id=w.org_id, location_id=w.loc_a, child_id=w.child_a, opened_by_id=kw,
                          owner_id=af, due_date=today + timedelta(days=14), current_step=2,
                          close_reason="Trajectmarker")
    db.add(track)
    db.flush()
    signal = Signal(organisation_id=w.org_id, location_id=w.loc_a, child_id=w.child_a, author_id=kw,
                    observed_at=now, place="schoolplein", categories="verzorging",
                    facts="Signaalmarker: kwam zonder jas.", source="zelf_gezien", track_id=track.id, version=2)
    db.add(signal)
    db.flush()
    db.add(SignalCorrection(signal_id=signal.id, version=2, previous_facts="Eerder", previous_interpretation="",
                            previous_categories="verzorging", reason="Correctiemarker", by_id=kw))
    db.add(MeldcodeStep(track_id=track.id, step_no=1, status="gedaan", by_id=kw, conclusion="Stapmarker"))
    conversation = ParentConversation(organisation_id=w.org_id, family_id=w.family_a, location_id=w.loc_a,
                                      author_id=kw, kind="zorg", held_at=now, facts="Gesprekmarker besproken.")
    db.add(conversation)
    db.flush()
    db.add(ConversationChild(conversation_id=conversation.id, child_id=w.child_a))
    db.add(ConversationGuardian(conversation_id=conversation.id, guardian_id=guardian.id))
    db.add(Agreement(conversation_id=conversation.id, description="Afspraakmarker: elke dag ontbijt",
                     owner_kind="ouder", owner_name="Kees Jansen", due_date=today))
    db.add(ReferralIn(child_id=w.child_a, location_id=w.loc_a, referrer_kind="ouder", referrer_name="Petra Jansen",
                      reason="Aanmeldmarker", received_on=date(2025, 12, 1), created_by_id=kw))
    db.add(ReferralOut(child_id=w.child_a, location_id=w.loc_a, partner_id=partner.id, reason="Doorverwijsmarker",
                       consent_given=True, consent_by="Petra Jansen", consent_on=today, sent_on=today,
                       feedback_due=today + timedelta(days=21), created_by_id=kw))
    db.add(AttendanceEvent(child_id=w.child_a, location_id=w.loc_a, day=today, kind="afgemeld", at=now, by_id=kw,
                           reason="Afmeldmarker"))
    db.add(FollowUp(child_id=w.child_a, location_id=w.loc_a, title="Vervolgmarker", due_date=today,
                    created_by_id=kw))
    goal = Goal(child_id=w.child_a, location_id=w.loc_a, title="Leerdoelmarker", start_date=date(2026, 1, 5),
                created_by_id=kw)
    db.add(goal)
    db.flush()
    db.add(GoalProgress(goal_id=goal.id, at=now, kind="evaluatie", score=4, by_id=kw))
    series = ActivitySeries(organisation_id=w.org_id, location_id=w.loc_a, title="Activiteitmarker voetbal",
                            kind="sport_spel", start_time=time(15), end_time=time(16), first_day=today,
                            last_day=today, lead_staff_id=kw, created_by_id=kw)
    db.add(series)
    db.flush()
    activity = Activity(series_id=series.id, organisation_id=w.org_id, location_id=w.loc_a, day=today,
                        start_time=time(15), end_time=time(16), status="gerealiseerd")
    db.add(activity)
    db.flush()
    db.add(ActivityChild(activity_id=activity.id, child_id=w.child_a))
    db.add(ActivityRegistration(activity_id=activity.id, status="gerealiseerd", note="Sem scoorde twee keer.",
                                children_count=1, by_id=kw))
    db.commit()
    return {"signal": signal.id, "track": track.id, "conversation": conversation.id, "goal": goal.id}


def add_child(db: Session, w: World, first: str, last: str, family_id: int | None = None) -> int:
    child = Child(organisation_id=w.org_id, family_id=family_id, first_name=first, last_name=last,
                  date_of_birth=date(2018, 2, 1), status="bekend")
    db.add(child)
    db.commit()
    return child.id


def pdf_text(body: bytes) -> str:
    """The PDF's text without white space (lines wrap wherever the page ends)."""
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)
    return re.sub(r"\s+", "", text)
