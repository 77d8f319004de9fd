"""Everything held about one child and its family, as sections of records (no permission check
here: `inzage` authorises and audits before it calls this)."""

from __future__ import annotations

from sqlalchemy import or_
from sqlmodel import Session, SQLModel, col, select

from ... import texts
from ...models import (
    Activity,
    ActivityChild,
    ActivityObservation,
    ActivityRegistration,
    ActivitySeries,
    Agreement,
    AttendanceEvent,
    Child,
    ChildLocation,
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
    PickupPerson,
    ReferralIn,
    ReferralOut,
    Signal,
    SignalCorrection,
)
from ..common.clock import format_day, format_moment
from ..kinderen.households import children_of_household, household_ids, households_of
from .records import Names, Record, Section, entry, record_of
from .third_parties import ThirdParties, name_parts

# The free-text columns checked for names of others.
FREE_TEXT = ("facts", "interpretation", "place", "reason", "conclusion", "with_whom", "skip_reason",
             "veilig_thuis_advice", "close_reason", "topics", "not_discussed_reason", "description",
             "owner_name", "closed_reason", "feedback", "picked_up_by", "title", "previous_facts",
             "previous_interpretation", "left_reason", "end_reason", "note", "text", "given_by",
             "consent_by", "contact_name", "referrer_name", "home_alone_allowed_by")


# Tables with a child_id that a section above shows in its own way (the audit: the log of readers).
COVERED = frozenset({"child_location", "enrolment", "pickup_person", "consent", "signal", "meldcode_track",
                     "conversation_child", "referral_in", "referral_out", "attendance_event", "follow_up",
                     "goal", "activity_child", "audit_event"})


def _check(record: Record, parties: ThirdParties, *, skip: tuple[str, ...] = ()) -> Record:
    record.review.extend(parties.reasons(*record.texts_of(*(c for c in FREE_TEXT if c not in skip))))
    return record


def collect(db: Session, child: Child) -> list[Section]:
    names, parties = Names(db), ThirdParties(db, child)
    return [
        Section("kind", [record_of(child, names, title=child.full_name)]),
        _locations(db, child, names),
        _family(db, child, names, parties),
        Section("ophalers", [record_of(p, names) for p in db.exec(
            select(PickupPerson).where(PickupPerson.child_id == child.id).order_by(PickupPerson.id)).all()]),
        Section("toestemmingen", [_check(record_of(c, names, title=texts.CONSENT_KIND_LABELS.get(c.kind, c.kind)),
                                         parties) for c in db.exec(
            select(Consent).where(Consent.child_id == child.id).order_by(Consent.id)).all()]),
        _signals(db, child, names, parties),
        _meldcode(db, child, names, parties),
        _conversations(db, child, names, parties),
        _referrals_in(db, child, names, parties),
        Section("doorverwijzingen", [_check(record_of(r, names, title=format_day(r.sent_on)), parties) for r in db.exec(
            select(ReferralOut).where(ReferralOut.child_id == child.id).order_by(ReferralOut.sent_on)).all()]),
        Section("aanwezigheid", [_check(record_of(a, names, title=format_moment(a.at)), parties) for a in db.exec(
            select(AttendanceEvent).where(AttendanceEvent.child_id == child.id)
            .order_by(AttendanceEvent.at, AttendanceEvent.id)).all()], compact=True),
        Section("vervolgacties", [_check(record_of(f, names, title=format_day(f.due_date)), parties) for f in db.exec(
            select(FollowUp).where(FollowUp.child_id == child.id).order_by(FollowUp.due_date)).all()]),
        _goals(db, child, names),
        _activities(db, child, names),
        _the_rest(db, child, names, parties),
    ]


def _locations(db: Session, child: Child, names: Names) -> Section:
    known = [record_of(link, names, title=names.of("location", link.location_id)) for link in db.exec(
        select(ChildLocation).where(ChildLocation.child_id == child.id)).all()]
    enrolments = [record_of(e, names, title=format_day(e.start_date)) for e in db.exec(
        select(Enrolment).where(Enrolment.child_id == child.id).order_by(Enrolment.start_date)).all()]
    return Section("locaties", known + enrolments)


def _family(db: Session, child: Child, names: Names, parties: ThirdParties) -> Section:
    """Every household of the child (issue 16.3: parents who live apart), main first."""
    records, seen = [], {child.id}
    for family in households_of(db, child):
        records.append(record_of(family, names, title=family.name))
        records += [record_of(g, names, title=g.name, hide=("family_id",)) for g in db.exec(
            select(Guardian).where(Guardian.family_id == family.id).order_by(Guardian.id)).all()]
        for sibling in children_of_household(db, family.id):
            if sibling.id in seen:
                continue
            seen.add(sibling.id)
            # Only who they are: their own records are theirs, for a request that covers them.
            rec = Record("sibling", f"{texts.INZAGE_RECORDS['sibling']} · {sibling.first_name}", [
                entry("child", "first_name", sibling.first_name), entry("child", "last_name", sibling.last_name),
                entry("child", "date_of_birth", sibling.date_of_birth)])
            rec.review.append(texts.INZAGE_REDENEN["broer_zus"].format(namen=sibling.first_name))
            records.append(rec)
    return Section("gezin", records)


def _signals(db: Session, child: Child, names: Names, parties: ThirdParties) -> Section:
    records = []
    for s in db.exec(select(Signal).where(Signal.child_id == child.id).order_by(Signal.observed_at)).all():
        rec = _check(record_of(s, names, title=format_moment(s.observed_at)), parties)
        if s.source != "zelf_gezien":
            rec.review.append(texts.INZAGE_REDENEN["bron"].format(bron=texts.SIGNAAL_BRONNEN.get(s.source, s.source)))
        rec.parts = [_check(record_of(c, names, title=f"{format_moment(c.at)} (versie {c.version})",
                                      hide=("signal_id",)), parties)
                     for c in db.exec(select(SignalCorrection).where(SignalCorrection.signal_id == s.id)
                                      .order_by(SignalCorrection.version)).all()]
        records.append(rec)
    return Section("signalen", records)


def _meldcode(db: Session, child: Child, names: Names, parties: ThirdParties) -> Section:
    via_signals = select(Signal.track_id).where(Signal.child_id == child.id, col(Signal.track_id).is_not(None))
    tracks = db.exec(select(MeldcodeTrack).where(or_(MeldcodeTrack.child_id == child.id,
                                                     col(MeldcodeTrack.id).in_(via_signals)))
                     .order_by(MeldcodeTrack.opened_at)).all()
    records = []
    for t in tracks:
        rec = _check(record_of(t, names, title=format_moment(t.opened_at)), parties)
        if t.status == "open":
            rec.review.append(texts.INZAGE_REDENEN["meldcode_open"])
        for step in db.exec(select(MeldcodeStep).where(MeldcodeStep.track_id == t.id)
                            .order_by(MeldcodeStep.at, MeldcodeStep.id)).all():
            part = _check(record_of(step, names, title=texts.MELDCODE_STAPPEN.get(step.step_no, ""),
                                    hide=("track_id",)), parties)
            if step.with_whom or step.veilig_thuis_advice:
                part.review.append(texts.INZAGE_REDENEN["meldcode_overleg"])
            rec.parts.append(part)
        records.append(rec)
    return Section("meldcode", records)


def _conversations(db: Session, child: Child, names: Names, parties: ThirdParties) -> Section:
    linked = select(ConversationChild.conversation_id).where(ConversationChild.child_id == child.id)
    where = col(ParentConversation.id).in_(linked)
    homes = household_ids(db, child)
    if homes:  # the households' conversations: the parents' own data too
        where = or_(where, col(ParentConversation.family_id).in_(homes))
    records = []
    for c in db.exec(select(ParentConversation).where(where).order_by(ParentConversation.held_at)).all():
        kids = db.exec(select(Child).join(ConversationChild, ConversationChild.child_id == Child.id)
                       .where(ConversationChild.conversation_id == c.id).order_by(Child.first_name)).all()
        adults = db.exec(select(Guardian.name).join(ConversationGuardian, ConversationGuardian.guardian_id == Guardian.id)
                         .where(ConversationGuardian.conversation_id == c.id).order_by(Guardian.name)).all()
        extra = [entry("parent_conversation", "conversation_children", [k.full_name for k in kids]),
                 entry("parent_conversation", "conversation_guardians", list(adults))]
        extra[0].text, extra[1].text = ", ".join(k.full_name for k in kids), ", ".join(adults)
        rec = _check(record_of(c, names, title=format_moment(c.held_at), extra=extra), parties)
        others = [k.first_name for k in kids if k.id != child.id]
        if others:
            rec.review.append(texts.INZAGE_REDENEN["broer_zus"].format(namen=", ".join(others)))
        if not c.discussed_with_parent:
            rec.review.append(texts.INZAGE_REDENEN["niet_besproken"])
        rec.parts = [_check(record_of(a, names, title=format_day(a.due_date), hide=("conversation_id",)), parties)
                     for a in db.exec(select(Agreement).where(Agreement.conversation_id == c.id)
                                      .order_by(Agreement.due_date, Agreement.id)).all()]
        records.append(rec)
    return Section("gesprekken", records)


def _referrals_in(db: Session, child: Child, names: Names, parties: ThirdParties) -> Section:
    records = []
    for r in db.exec(select(ReferralIn).where(ReferralIn.child_id == child.id).order_by(ReferralIn.received_on)).all():
        rec = _check(record_of(r, names, title=format_day(r.received_on)), parties, skip=("referrer_name",))
        if r.referrer_name and r.referrer_kind != "ouder":
            kind = texts.REFERRER_KIND_LABELS.get(r.referrer_kind, r.referrer_kind)
            rec.review.append(texts.INZAGE_REDENEN["verwijzer"].format(soort=kind))
        records.append(rec)
    return Section("aanmeldingen", records)


def _goals(db: Session, child: Child, names: Names) -> Section:
    records = []
    for g in db.exec(select(Goal).where(Goal.child_id == child.id).order_by(Goal.start_date, Goal.id)).all():
        rec = record_of(g, names, title=g.title)
        rec.parts = [record_of(p, names, title=format_moment(p.at), hide=("goal_id",)) for p in db.exec(
            select(GoalProgress).where(GoalProgress.goal_id == g.id).order_by(GoalProgress.at)).all()]
        records.append(rec)
    return Section("leerdoelen", records)


def _activities(db: Session, child: Child, names: Names) -> Section:
    """The activities the child was registered at: what, where, when. A group note or observation is
    included only where it names the child, and then marked (it is about the whole group)."""
    rows = db.exec(select(Activity, ActivitySeries)
                   .join(ActivityChild, ActivityChild.activity_id == Activity.id)
                   .join(ActivitySeries, ActivitySeries.id == Activity.series_id)
                   .where(ActivityChild.child_id == child.id).order_by(Activity.day, Activity.start_time)).all()
    own = name_parts(child.first_name)
    records = []
    for activity, series in rows:
        extra = [entry("activity", "title", series.title), entry("activity", "activity_kind", series.kind),
                 entry("activity", "place", series.place_name)]
        registration = db.exec(select(ActivityRegistration).where(ActivityRegistration.activity_id == activity.id)).first()
        notes = [registration.note] if registration is not None and registration.note else []
        notes += list(db.exec(select(ActivityObservation.text).where(ActivityObservation.activity_id == activity.id)).all())
        about_child = [n for n in notes if name_parts(n) & own]
        if about_child:
            extra.append(entry("activity", "note", "\n".join(about_child)))
        rec = record_of(activity, names, title=f"{series.title} · {format_day(activity.day)}", extra=extra,
                        hide=("series_id", "moved_from_id", "planned_children"))
        if about_child:
            rec.review.append(texts.INZAGE_REDENEN["groepsnotitie"])
        records.append(rec)
    return Section("activiteiten", records, compact=True)


def _the_rest(db: Session, child: Child, names: Names, parties: ThirdParties) -> Section:
    """Any other table that holds rows about the child (say the requests for rectification or
    erasure): shown whole, so a table added later is in the inzage without a change here."""
    records = []
    for mapper in sorted(SQLModel._sa_registry.mappers, key=lambda m: m.local_table.name):
        table = mapper.local_table
        if table.name in COVERED or "child_id" not in table.c:
            continue
        model = mapper.class_
        for row in db.exec(select(model).where(table.c.child_id == child.id)).all():
            records.append(_check(record_of(row, names), parties))
    return Section("overig", records)
