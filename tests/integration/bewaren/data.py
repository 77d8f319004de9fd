"""A past year (2024) of two children who left, on the world of tests/world.py: everything a record
can hold, with names and free text that must be gone after the retention."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlmodel import Session, SQLModel, select

from kinderwerk_pwa.domain.toegang.actor import Actor, load_actor
from kinderwerk_pwa.models import (
    Agreement,
    AttendanceEvent,
    Child,
    ChildLocation,
    Consent,
    ConversationChild,
    ConversationGuardian,
    Enrolment,
    Family,
    Goal,
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
    StaffUser,
)

AMS = ZoneInfo("Europe/Amsterdam")
YEAR_START, YEAR_END = date(2024, 1, 1), date(2024, 12, 31)
# Words that only the two children's records hold: none may be left anywhere after the retention.
SECRETS = ("Lotte", "Milan", "de Vries", "Karin", "Truus", "Regenboog", "blauwe plek", "huisarts",
           "06-98765432", "karin@example.nl", "tandarts", "samenwerken", "Meester Bas", "Gezin in begeleiding",
           "oma in Zwolle", "mishandeling", "Veilig Thuis adviseerde")


@dataclass
class Past:
    lotte: int = 0
    milan: int = 0
    family: int = 0
    guardian: int = 0
    signals: dict[str, int] = field(default_factory=dict)
    track: int = 0
    conversation: int = 0


def at(day: date, hour: int = 15) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=AMS)


def privacy_officer(db: Session, world) -> Actor:
    user = StaffUser(organisation_id=world.org_id, name="Test privacy", email="privacy@test.nl", role="privacy")
    db.add(user)
    db.commit()
    world.staff["privacy"] = user.id
    return load_actor(db, user.id)


def build_past(db: Session, w) -> Past:
    p = Past()
    kw, af = w.staff["kinderwerker"], w.staff["aandachtsfunctionaris"]
    org, a = w.org_id, w.loc_a
    fam = Family(organisation_id=org, name="Gezin de Vries")
    db.add(fam)
    db.flush()
    p.family = fam.id
    karin = Guardian(family_id=fam.id, name="Karin de Vries", relation="moeder", phone="06-98765432",
                     email="karin@example.nl")
    db.add(karin)
    partner = Partner(organisation_id=org, name="Wijkteam Stedenwijk", kind="wijkteam", contact_name="Anouk")
    db.add(partner)
    db.flush()
    p.guardian = karin.id

    def child(first: str, born: date) -> Child:
        c = Child(organisation_id=org, family_id=fam.id, first_name=first, last_name="de Vries", date_of_birth=born,
                  school_name="OBS De Regenboog", school_group="groep 6", neighbourhood="Stedenwijk",
                  status="uitgestroomd", left_on=date(2024, 12, 20), left_reason="Verhuisd naar oma in Zwolle",
                  created_at=at(date(2024, 1, 2)))
        db.add(c)
        db.flush()
        db.add(ChildLocation(child_id=c.id, location_id=a))
        db.add(Enrolment(child_id=c.id, location_id=a, weekdays="1,3", start_date=date(2024, 1, 8),
                         end_date=date(2024, 12, 20), end_reason="Verhuisd naar oma in Zwolle"))
        return c

    lotte, milan = child("Lotte", date(2016, 3, 20)), child("Milan", date(2016, 9, 1))
    p.lotte, p.milan = lotte.id, milan.id
    db.add(PickupPerson(child_id=lotte.id, name="Oma Truus", relation="oma", phone="06-98765432"))
    db.add(Consent(child_id=lotte.id, kind="foto", given=True, given_by="Karin de Vries", guardian_id=karin.id,
                   given_on=date(2024, 1, 5), recorded_by_id=kw))
    for c in (lotte, milan):
        for day in (date(2024, 2, 5), date(2024, 2, 7), date(2024, 9, 2)):
            db.add(AttendanceEvent(child_id=c.id, location_id=a, day=day, kind="aanwezig", at=at(day), by_id=kw))
        db.add(AttendanceEvent(child_id=c.id, location_id=a, day=date(2024, 2, 5), kind="opgehaald",
                               at=at(date(2024, 2, 5), 17), by_id=kw, picked_up_by="Oma Truus"))
        db.add(AttendanceEvent(child_id=c.id, location_id=a, day=date(2024, 2, 12), kind="afgemeld",
                               at=at(date(2024, 2, 12), 9), by_id=kw, reason="naar de tandarts"))
        db.add(AttendanceEvent(child_id=c.id, location_id=a, day=date(2024, 2, 7), kind="stemming",
                               at=at(date(2024, 2, 7), 16), by_id=kw, mood=4))
        db.add(ReferralIn(child_id=c.id, location_id=a, referrer_kind="school", referrer_name="Meester Bas, IB De Regenboog",
                          reason=f"{c.first_name} heeft moeite met samenwerken", received_on=date(2024, 1, 2),
                          status="geplaatst", intake_on=date(2024, 1, 5), intake_by_id=kw, placed_on=date(2024, 1, 8),
                          created_by_id=kw))
        db.add(Goal(child_id=c.id, location_id=a, title=f"{c.first_name} leert samenwerken", start_date=date(2024, 1, 8),
                    status="behaald", achieved_on=date(2024, 6, 3), created_by_id=kw))
    db.add(ReferralOut(child_id=lotte.id, location_id=a, partner_id=partner.id, contact_name="Anouk",
                       reason="Karin vraagt om opvoedsteun", consent_given=True, consent_by="Karin de Vries",
                       consent_on=date(2024, 4, 1), sent_on=date(2024, 4, 2), feedback_due=date(2024, 5, 14),
                       status="afgerond", feedback="Gezin in begeleiding", feedback_on=date(2024, 5, 1),
                       created_by_id=kw))
    # A signal about Lotte without a track, and a closed meldcode track about Milan.
    s1 = Signal(organisation_id=org, location_id=a, child_id=lotte.id, author_id=kw, observed_at=at(date(2024, 3, 4)),
                place="bij de huisarts", categories="verzorging", facts="Lotte had dagen dezelfde kleren aan",
                interpretation="Karin heeft het zwaar", source="zelf_gezien")
    track = MeldcodeTrack(organisation_id=org, location_id=a, child_id=milan.id, opened_by_id=kw, owner_id=af,
                          opened_at=at(date(2024, 9, 2)), due_date=date(2024, 10, 1), status="gesloten", current_step=5,
                          decision_report=False, decision_help=True, closed_at=at(date(2024, 10, 1)),
                          close_reason="hulp via wijkteam; geen mishandeling")
    db.add_all([s1, track])
    db.flush()
    s2 = Signal(organisation_id=org, location_id=a, child_id=milan.id, author_id=kw, observed_at=at(date(2024, 9, 2)),
                categories="thuissituatie", facts="Milan had een blauwe plek", source="zelf_gezien", track_id=track.id)
    db.add(s2)
    db.flush()
    db.add(SignalCorrection(signal_id=s2.id, version=1, previous_facts="Milan had een blauwe plek op zijn arm",
                            previous_interpretation="", previous_categories="thuissituatie", reason="Karin belde",
                            by_id=kw))
    db.add(MeldcodeStep(track_id=track.id, step_no=2, status="gedaan", by_id=kw, at=at(date(2024, 9, 3)),
                        with_whom="aandachtsfunctionaris", conclusion="Veilig Thuis adviseerde hulp",
                        veilig_thuis_advice="Veilig Thuis adviseerde een gesprek met Karin"))
    p.signals, p.track = {"lotte": s1.id, "milan": s2.id}, track.id
    talk = ParentConversation(organisation_id=org, family_id=fam.id, location_id=a, author_id=kw, kind="zorg",
                              held_at=at(date(2024, 5, 1)), place="huiskamer", topics="slapen, huisarts",
                              facts="Karin vertelde over de huisarts", interpretation="Karin lijkt moe")
    db.add(talk)
    db.flush()
    p.conversation = talk.id
    db.add_all([ConversationChild(conversation_id=talk.id, child_id=lotte.id),
                ConversationChild(conversation_id=talk.id, child_id=milan.id),
                ConversationGuardian(conversation_id=talk.id, guardian_id=karin.id),
                Agreement(conversation_id=talk.id, description="Karin belt de huisarts", owner_kind="ouder",
                          owner_name="Karin de Vries", due_date=date(2024, 5, 15))])
    db.commit()
    return p


def snapshot(db: Session) -> dict[str, list[tuple]]:
    """Every row of every table (audit log included), in primary-key order."""
    db.expire_all()
    result = {}
    for table in SQLModel.metadata.sorted_tables:
        rows = db.execute(sa.select(table).order_by(*table.primary_key.columns)).all()
        result[table.name] = [tuple(r) for r in rows]
    return result


def texts_left(db: Session) -> list[str]:
    """Where any of SECRETS is still stored (table.column: value)."""
    found = []
    for table, rows in snapshot(db).items():
        columns = [c.name for c in SQLModel.metadata.tables[table].columns]
        for row in rows:
            for column, value in zip(columns, row, strict=True):
                if isinstance(value, str) and any(s.casefold() in value.casefold() for s in SECRETS):
                    found.append(f"{table}.{column}: {value}")
    return found


def now_utc(day: date) -> datetime:
    return datetime.combine(day, time(12), tzinfo=UTC)


def children_named(db: Session) -> list[str]:
    db.expire_all()
    return sorted(c.full_name for c in db.exec(select(Child)).all())
