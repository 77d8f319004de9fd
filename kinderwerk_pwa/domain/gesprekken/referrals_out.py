"""Doorverwijzingen: referring a child on to a ketenpartner, and the terugkoppeling (feedback).

The rule of the privacy law and the meldcode: a child's data go to a partner only with the
parents' consent, unless it follows a meldcode decision to report (step 5, decision_report). The
consent is given with the referral, or is the current answer on the child's consents
(domain/kinderen/consents.py: named for this partner, or for a school the consent to share with
school). A withdrawal or a "no" on or after the day of the consent given with the referral refuses
it: a withdrawn consent takes effect at once.
Recording needs DOORVERWIJZING_VASTLEGGEN on the child's (shared) location; reading needs
KIND_LEZEN on the referral's location. Everything is audited in the same transaction; refusals
on their own. Audit details hold ids and codes only, never the reason or the feedback text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from ... import texts
from ...models import Child, Location, MeldcodeTrack, Partner, ReferralOut, StaffUser
from ...models.referrals import REFERRAL_OUT_STATUSES
from ..common.cleaning import clean_text, client_uuid_of, parse_day
from ..common.clock import format_day, local_today, to_local
from ..common.errors import InvalidInput, NotFound, PermissionDenied
from ..kinderen import consents as consent_domain
from ..kinderen.children import child_locations, child_target, load_child
from ..toegang import audit
from ..toegang.actor import Actor
from ..toegang.permissions import Action, Target, authorize, can

MAX_REASON = 2000
MAX_FEEDBACK = 2000
MAX_NAME = 200
FEEDBACK_WEEKS = 6  # default term for terugkoppeling
OPEN_STATUSES = ("verstuurd", "in_behandeling")
_TRUE = {"1", "true", "ja", "on", "yes"}


@dataclass(frozen=True)
class ReferralRow:
    id: int
    child_id: int
    child_name: str
    location_id: int
    location_name: str
    partner_id: int
    partner_name: str
    partner_kind: str
    partner_kind_label: str
    contact_name: str
    reason: str
    consent_given: bool
    consent_by: str
    consent_on: date | None
    meldcode_track_id: int | None
    without_consent: bool  # shared without consent, following a meldcode decision to report
    sent_on: date
    feedback_due: date
    status: str  # verstuurd / in_behandeling / afgerond / geweigerd
    status_label: str
    feedback: str
    feedback_on: date | None
    feedback_overdue: bool  # still open (verstuurd / in behandeling) and feedback_due < today
    created_by_name: str
    can_update: bool  # the actor may record feedback (DOORVERWIJZING_VASTLEGGEN on its location)


@dataclass(frozen=True)
class ReportTrack:
    """A meldcode track of the child whose step-5 decision was to report: sharing may follow it
    without consent."""

    id: int
    label: str
    status: str


def _bool(value) -> bool:
    if isinstance(value, bool):
        return value
    return str(value or "").strip().lower() in _TRUE


def _target(referral: ReferralOut, organisation_id: int) -> Target:
    return Target(organisation_id, frozenset({referral.location_id}), author_id=referral.created_by_id,
                  object_type="doorverwijzing", object_id=referral.id, child_id=referral.child_id)


def _organisation_of(db: Session, referral: ReferralOut) -> int:
    child = db.get(Child, referral.child_id)
    return child.organisation_id if child else -1


def _said_no_on(row) -> date | None:
    """The day the parents said no to this sharing or withdrew their consent (None: they did not)."""
    if row is None:
        return None
    if not row.given:
        return row.given_on
    return row.withdrawn_on


def _track_target(track: MeldcodeTrack) -> Target:
    return Target(track.organisation_id, frozenset({track.location_id}), author_id=track.opened_by_id,
                  object_type="meldcodetraject", object_id=track.id, child_id=track.child_id)


def refer_out(actor: Actor, db: Session, payload: dict) -> int:
    """Record a doorverwijzing; returns the ReferralOut id. Idempotent on payload['client_uuid'].

    Payload: client_uuid, child_id, location_id (optional: default the lowest location the child
    and the actor share), partner_id, contact_name (default the partner's contact), reason,
    consent_given, consent_by and consent_on (both required with consent), meldcode_track_id,
    sent_on (default today, not in the future), feedback_due (default sent_on + 6 weeks).
    Without consent it is refused (InvalidInput, audited as geweigerd) unless meldcode_track_id
    is a track of this child whose step-5 decision was to report.
    """
    client_uuid = client_uuid_of(payload)
    existing = db.exec(select(ReferralOut).where(ReferralOut.client_uuid == client_uuid)).first()
    if existing is not None:
        if existing.created_by_id != actor.id:
            audit.record_denied(db, actor, str(Action.DOORVERWIJZING_VASTLEGGEN), object_type="doorverwijzing",
                                object_id=existing.id, detail="kenmerk_van_ander")
            raise PermissionDenied(texts.GEEN_TOEGANG)
        return existing.id

    child_raw = str(payload.get("child_id") or "").strip()
    child = db.get(Child, int(child_raw)) if child_raw.isdigit() else None
    # An anonymised child (retention, domain/bewaren) is no one's record: nothing new about it.
    if child is None or child.organisation_id != actor.organisation_id or child.anonymised_at is not None:
        audit.record_denied(db, actor, str(Action.DOORVERWIJZING_VASTLEGGEN), object_type="kind",
                            object_id=child_raw)
        raise PermissionDenied(texts.GEEN_TOEGANG)
    known = child_locations(db, child.id)
    location_raw = str(payload.get("location_id") or "").strip()
    shared = known & actor.location_ids
    if location_raw.isdigit():
        location_id = int(location_raw)
    else:
        location_id = min(shared) if shared else None
    target_locations = frozenset({location_id}) if location_id is not None else known
    location = db.get(Location, location_id) if location_id is not None else None
    authorize(actor, db, Action.DOORVERWIJZING_VASTLEGGEN,
              Target(location.organisation_id if location else child.organisation_id, target_locations,
                     object_type="doorverwijzing", child_id=child.id))
    if location_id not in known:
        audit.record_denied(db, actor, str(Action.DOORVERWIJZING_VASTLEGGEN), object_type="kind",
                            object_id=child.id, child_id=child.id, location_id=location_id,
                            detail="locatie_kent_kind_niet")
        raise PermissionDenied(texts.FOUT_KIND_NIET_BIJ_LOCATIE)

    today = local_today()
    errors: dict[str, str] = {}

    def check(fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except InvalidInput as exc:
            errors.update(exc.fields or {"_": exc.message})
            return None

    partner_raw = str(payload.get("partner_id") or "").strip()
    partner = db.get(Partner, int(partner_raw)) if partner_raw.isdigit() else None
    if partner is None or partner.organisation_id != actor.organisation_id:
        errors["partner_id"] = texts.FOUT_PARTNER_KIES
    contact_name = check(clean_text, payload.get("contact_name"), "contact_name", MAX_NAME,
                         veld="de contactpersoon") or ""
    reason = check(clean_text, payload.get("reason"), "reason", MAX_REASON, required=True,
                   veld="de reden", required_message=texts.FOUT_DOORVERWIJZING_REDEN)
    consent = _bool(payload.get("consent_given"))
    consent_by, consent_on = "", None
    if consent:
        consent_by = check(clean_text, payload.get("consent_by"), "consent_by", MAX_NAME, required=True,
                           veld="de naam", required_message=texts.FOUT_TOESTEMMING_WIE) or ""
        if str(payload.get("consent_on") or "").strip():
            consent_on = check(parse_day, payload.get("consent_on"), "consent_on", not_after=today)
        else:
            errors["consent_on"] = texts.FOUT_TOESTEMMING_DATUM
    sent_on = check(parse_day, payload.get("sent_on"), "sent_on", default=today, not_after=today)
    feedback_due = None
    if sent_on is not None:
        feedback_due = check(parse_day, payload.get("feedback_due"), "feedback_due",
                             default=sent_on + timedelta(weeks=FEEDBACK_WEEKS))
        if feedback_due is not None and feedback_due < sent_on:
            errors["feedback_due"] = texts.FOUT_TERUGKOPPELING_TERMIJN
    track_raw = str(payload.get("meldcode_track_id") or "").strip()
    track = None
    if track_raw:
        track = db.get(MeldcodeTrack, int(track_raw)) if track_raw.isdigit() else None
        if (track is None or track.child_id != child.id or track.organisation_id != actor.organisation_id
                or not can(actor, Action.SIGNAAL_BESTAAN_ZIEN, _track_target(track))):
            errors["meldcode_track_id"] = texts.FOUT_DOORVERWIJZING_TRAJECT
            track = None
    if errors:
        raise InvalidInput(next(iter(errors.values())), errors)

    # The consents on the child's record: a later "no" or withdrawal overrules a consent given
    # with the referral; without one given here, a current recorded consent counts.
    recorded = consent_domain.sharing_consent(db, child.id, partner)
    said_no_on = _said_no_on(recorded)
    if consent and said_no_on is not None and said_no_on >= consent_on:
        consent = False
    elif not consent and recorded is not None and consent_domain.status_of(recorded) == "gegeven":
        consent, consent_by, consent_on = True, recorded.given_by, recorded.given_on
    # The rule: no consent -> only when it follows a meldcode decision to report.
    if not consent and not (track is not None and track.decision_report is True):
        withdrawn = recorded is not None and recorded.withdrawn_on is not None
        audit.record_denied(db, actor, "doorverwijzing.verstuurd", object_type="kind", object_id=child.id,
                            child_id=child.id, location_id=location_id,
                            detail=f"reden={'toestemming_ingetrokken' if withdrawn else 'geen_toestemming'};"
                                   f"partner={partner.id};traject={track.id if track else ''}")
        message = (texts.FOUT_DELEN_INGETROKKEN.format(partner=partner.name, datum=format_day(recorded.withdrawn_on))
                   if withdrawn else texts.FOUT_DELEN_ZONDER_TOESTEMMING)
        raise InvalidInput(message, {"consent_given": message})

    referral = ReferralOut(
        client_uuid=client_uuid, child_id=child.id, location_id=location_id, partner_id=partner.id,
        contact_name=contact_name or partner.contact_name, reason=reason, consent_given=consent,
        consent_by=consent_by, consent_on=consent_on, meldcode_track_id=track.id if track else None,
        sent_on=sent_on, feedback_due=feedback_due, status="verstuurd", created_by_id=actor.id,
    )
    db.add(referral)
    try:
        db.flush()
    except IntegrityError:
        # The same referral arrived twice at once: keep the first.
        db.rollback()
        return db.exec(select(ReferralOut).where(ReferralOut.client_uuid == client_uuid)).one().id
    if consent and not (recorded is not None and consent_domain.status_of(recorded) == "gegeven"
                        and recorded.given_on >= consent_on):
        # A consent given with the referral goes on the child's record too, naming the partner.
        consent_domain.add_answer(db, actor, child, kind=consent_domain.SHARE_PARTNER, given=True,
                                  given_by=consent_by, given_on=consent_on, partner_id=partner.id)
    audit.record(db, actor, "doorverwijzing.verstuurd", object_type="doorverwijzing", object_id=referral.id,
                 child_id=child.id, location_id=location_id,
                 detail=f"partner={partner.id};toestemming={int(consent)};traject={track.id if track else ''}")
    db.commit()
    return referral.id


def record_feedback(actor: Actor, db: Session, referral_id: int, status: str, feedback: str = "",
                    feedback_on: date | str | None = None) -> None:
    """Record the partner's terugkoppeling and/or the referral's status. feedback_on defaults to
    today (not in the future, not before sent_on); it stays empty while the status is 'verstuurd'
    and there is no feedback text. Audited 'doorverwijzing.terugkoppeling'."""
    referral = db.get(ReferralOut, int(referral_id)) if str(referral_id or "").strip().isdigit() else None
    if referral is None:
        audit.record_denied(db, actor, str(Action.DOORVERWIJZING_VASTLEGGEN), object_type="doorverwijzing",
                            object_id=referral_id)
        raise NotFound(texts.NIET_GEVONDEN)
    authorize(actor, db, Action.DOORVERWIJZING_VASTLEGGEN, _target(referral, _organisation_of(db, referral)))
    status = str(status or "").strip()
    if status not in REFERRAL_OUT_STATUSES:
        raise InvalidInput(texts.FOUT_DOORVERWIJZING_STATUS, {"status": texts.FOUT_DOORVERWIJZING_STATUS})
    text = clean_text(feedback, "feedback", MAX_FEEDBACK, veld="de terugkoppeling")
    on = None
    if text or status != "verstuurd":
        today = local_today()
        on = parse_day(feedback_on, "feedback_on", default=today, not_after=today)
        if on < referral.sent_on:
            message = texts.FOUT_TERUGKOPPELING_VOOR_VERSTUURD.format(datum=referral.sent_on.strftime("%d-%m-%Y"))
            raise InvalidInput(message, {"feedback_on": message})
    referral.status, referral.feedback, referral.feedback_on = status, text, on
    db.add(referral)
    audit.record(db, actor, "doorverwijzing.terugkoppeling", object_type="doorverwijzing", object_id=referral.id,
                 child_id=referral.child_id, location_id=referral.location_id,
                 detail=f"status={status};terugkoppeling={int(bool(text))}")
    db.commit()


def _rows(actor: Actor, db: Session, referrals: list[ReferralOut], today: date) -> list[ReferralRow]:
    if not referrals:
        return []
    children = {c.id: c for c in db.exec(select(Child).where(Child.id.in_({r.child_id for r in referrals}))).all()}
    partners = {p.id: p for p in db.exec(select(Partner).where(Partner.id.in_({r.partner_id for r in referrals}))).all()}
    locations = dict(db.exec(select(Location.id, Location.name).where(
        Location.id.in_({r.location_id for r in referrals}))).all())
    staff = dict(db.exec(select(StaffUser.id, StaffUser.name).where(
        StaffUser.id.in_({r.created_by_id for r in referrals}))).all())
    rows = []
    for r in referrals:
        child, partner = children.get(r.child_id), partners.get(r.partner_id)
        org = child.organisation_id if child else -1
        rows.append(ReferralRow(
            id=r.id, child_id=r.child_id, child_name=child.full_name if child else "", location_id=r.location_id,
            location_name=locations.get(r.location_id, ""), partner_id=r.partner_id,
            partner_name=partner.name if partner else "", partner_kind=partner.kind if partner else "",
            partner_kind_label=texts.PARTNER_KIND_LABELS.get(partner.kind, partner.kind) if partner else "",
            contact_name=r.contact_name, reason=r.reason, consent_given=r.consent_given, consent_by=r.consent_by,
            consent_on=r.consent_on, meldcode_track_id=r.meldcode_track_id,
            without_consent=not r.consent_given, sent_on=r.sent_on, feedback_due=r.feedback_due, status=r.status,
            status_label=texts.REFERRAL_OUT_STATUS_LABELS.get(r.status, r.status), feedback=r.feedback,
            feedback_on=r.feedback_on, feedback_overdue=r.status in OPEN_STATUSES and r.feedback_due < today,
            created_by_name=staff.get(r.created_by_id, ""),
            can_update=can(actor, Action.DOORVERWIJZING_VASTLEGGEN, _target(r, org)),
        ))
    return rows


def child_referrals(actor: Actor, db: Session, child_id: int, today: date | None = None) -> list[ReferralRow]:
    """The child's referrals the actor may read (KIND_LEZEN on the referral's location), newest
    first. Audited 'doorverwijzing.gelezen'."""
    today = today or local_today()
    child = load_child(actor, db, child_id)
    referrals = db.exec(select(ReferralOut).where(ReferralOut.child_id == child.id)
                        .order_by(ReferralOut.sent_on.desc(), ReferralOut.id.desc())).all()
    readable = [r for r in referrals if can(actor, Action.KIND_LEZEN, _target(r, child.organisation_id))]
    rows = _rows(actor, db, readable, today)
    audit.record(db, actor, "doorverwijzing.gelezen", object_type="kind", object_id=child.id, child_id=child.id,
                 detail=f"aantal={len(rows)}")
    db.commit()
    return rows


def overdue_feedback(actor: Actor, db: Session, today: date | None = None) -> list[ReferralRow]:
    """A reminder list: referrals at the actor's locations still verstuurd / in behandeling whose
    feedback_due has passed, oldest due first. Audited when not empty."""
    today = today or local_today()
    referrals = db.exec(select(ReferralOut).join(Child, Child.id == ReferralOut.child_id)
                        .where(ReferralOut.status.in_(OPEN_STATUSES), ReferralOut.feedback_due < today,
                               ReferralOut.location_id.in_(actor.location_ids or {-1}),
                               Child.organisation_id == actor.organisation_id)
                        .order_by(ReferralOut.feedback_due, ReferralOut.id)).all()
    visible = [r for r in referrals if can(actor, Action.DOORVERWIJZING_VASTLEGGEN, _target(r, actor.organisation_id))]
    rows = _rows(actor, db, visible, today)
    if rows:
        audit.record(db, actor, "doorverwijzing.terugkoppeling_lijst", object_type="overzicht",
                     detail=f"aantal={len(rows)}")
        db.commit()
    return rows


def report_tracks(actor: Actor, db: Session, child_id: int) -> list[ReportTrack]:
    """The child's meldcode tracks with a step-5 decision to report, that the actor may know of
    (SIGNAAL_BESTAAN_ZIEN): a referral without consent may follow one of these. Needs
    DOORVERWIJZING_VASTLEGGEN for the child. Audited 'meldcode.besluiten_gelezen' when not empty."""
    child = db.get(Child, int(child_id)) if str(child_id or "").strip().isdigit() else None
    if child is None or child.anonymised_at is not None:
        audit.record_denied(db, actor, str(Action.DOORVERWIJZING_VASTLEGGEN), object_type="kind", object_id=child_id)
        raise NotFound(texts.NIET_GEVONDEN)
    authorize(actor, db, Action.DOORVERWIJZING_VASTLEGGEN, child_target(db, child))
    tracks = db.exec(select(MeldcodeTrack).where(MeldcodeTrack.child_id == child.id,
                                                 MeldcodeTrack.decision_report.is_(True))
                     .order_by(MeldcodeTrack.opened_at.desc())).all()
    result = [ReportTrack(t.id, texts.REFERRAL_TRACK_KEUZE.format(datum=to_local(t.opened_at).strftime("%d-%m-%Y")), t.status)
              for t in tracks if can(actor, Action.SIGNAAL_BESTAAN_ZIEN, _track_target(t))]
    if result:
        audit.record(db, actor, "meldcode.besluiten_gelezen", object_type="kind", object_id=child.id,
                     child_id=child.id, detail=f"aantal={len(result)}")
        db.commit()
    return result
