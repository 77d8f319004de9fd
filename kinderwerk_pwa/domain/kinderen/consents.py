"""Toestemmingen: the parents' consents for a child, recorded and withdrawn, with their history.

Each answer of a parent/guardian is one `Consent` row: what for (kind; for gegevens_delen also
which ketenpartner), yes or no, from whom (the guardian, by id when the family knows them), on
which day, and who recorded it when. The current answer of a kind (per ketenpartner) is its
latest row by (given_on, id); withdrawing fills that row's withdrawn_* fields, so the history is
never overwritten. A new answer cannot predate the current one or its withdrawal.

Where it matters, a withdrawal takes effect at once: going home alone is kept on the child as well
(`Child.may_go_home_alone`, read by the huiskamer check-out) and synchronised in the same
transaction; a referral reads `sharing_consent` (domain/gesprekken/referrals_out.py).

Recording and withdrawing need TOESTEMMING_VASTLEGGEN on the child's locations, reading needs
KIND_LEZEN; everything is audited in the same transaction (ids and codes only), refusals on their
own. `record_consent` is idempotent on the payload's client_uuid.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from ... import texts
from ...models import Child, Consent, Guardian, Partner, StaffUser, utcnow
from ...models.children import CONSENT_KINDS
from ..common.cleaning import clean_text, client_uuid_of, parse_day
from ..common.clock import format_day, format_moment, local_today
from ..common.errors import InvalidInput, NotFound, PermissionDenied
from ..toegang import audit
from ..toegang.actor import Actor
from ..toegang.permissions import Action
from . import households
from .children import child_for_change, load_child

HOME_ALONE = "zelfstandig_naar_huis"
SHARE_PARTNER = "gegevens_delen"
SHARE_SCHOOL = "delen_school"
REGISTRATION = "registratie"
MAX_NAME = 200
_YES = {"1", "ja", "true", "on", "yes"}
_NO = {"0", "nee", "false", "off", "no"}


@dataclass(frozen=True)
class ConsentEntry:
    """One answer, as the child page and the consent page show it."""

    id: int
    kind: str
    kind_label: str  # with the ketenpartner for gegevens_delen
    partner_id: int | None
    status: str  # gegeven / geweigerd / ingetrokken
    status_label: str
    given_by: str
    given_on: date
    recorded_by: str  # "" when unknown (rows from before issue 13)
    recorded_at: datetime | None
    withdrawn_on: date | None
    withdrawn_by: str
    withdrawn_recorded_by: str
    withdrawn_recorded_at: datetime | None
    current: bool  # the latest answer of its kind (and ketenpartner)

    @property
    def given(self) -> bool:
        """The parent said yes (whether or not it was withdrawn later)."""
        return self.status != "geweigerd"

    @property
    def summary(self) -> str:
        """'Ja — van Petra Jansen, 3 december 2026'."""
        answer = texts.TOESTEMMING_STATUS["gegeven" if self.given else "geweigerd"]
        return texts.TOESTEMMING_REGEL.format(status=answer, wie=self.given_by or texts.TOESTEMMING_ONBEKEND,
                                              datum=format_day(self.given_on))

    @property
    def recorded_line(self) -> str:
        if self.recorded_at is None:  # recorded before consents had a moment (issue 13)
            return texts.TOESTEMMING_VASTGELEGD_DOOR_NAAM.format(naam=self.recorded_by) if self.recorded_by else ""
        return texts.TOESTEMMING_VASTGELEGD_DOOR.format(naam=self.recorded_by or texts.TOESTEMMING_ONBEKEND,
                                                        moment=format_moment(self.recorded_at))

    @property
    def withdrawn_line(self) -> str:
        if self.withdrawn_on is None:
            return ""
        line = texts.TOESTEMMING_INGETROKKEN_REGEL.format(datum=format_day(self.withdrawn_on),
                                                         wie=self.withdrawn_by or texts.TOESTEMMING_ONBEKEND)
        if self.withdrawn_recorded_at is not None:
            line += " · " + texts.TOESTEMMING_INTREKKING_VASTGELEGD.format(
                naam=self.withdrawn_recorded_by or texts.TOESTEMMING_ONBEKEND,
                moment=format_moment(self.withdrawn_recorded_at))
        return line


@dataclass(frozen=True)
class ConsentOverview:
    child_id: int
    child_name: str
    current: list[ConsentEntry] = field(default_factory=list)  # one per kind (and ketenpartner)
    history: list[ConsentEntry] = field(default_factory=list)  # earlier answers, newest first
    warnings: list[str] = field(default_factory=list)  # withdrawn consents that matter today
    guardians: list[tuple[int, str]] = field(default_factory=list)  # (id, "Petra Jansen (moeder)")
    partners: list[tuple[int, str]] = field(default_factory=list)  # the organisation's ketenpartners


@dataclass(frozen=True)
class RecordResult:
    consent_id: int
    created: bool


def status_of(row: Consent) -> str:
    if not row.given:
        return "geweigerd"
    return "ingetrokken" if row.withdrawn_on is not None else "gegeven"


def _key(row: Consent) -> tuple[str, int | None]:
    return (row.kind, row.partner_id if row.kind == SHARE_PARTNER else None)


def _order(row: Consent) -> tuple[date, int]:
    return (row.given_on, row.id or 0)


def _rows(db: Session, child_ids) -> list[Consent]:
    return list(db.exec(select(Consent).where(Consent.child_id.in_(list(child_ids) or [-1]))).all())


def current_rows(db: Session, child_id: int) -> dict[tuple[str, int | None], Consent]:
    """The current answer per (kind, ketenpartner) of one child."""
    current: dict[tuple[str, int | None], Consent] = {}
    for row in _rows(db, [child_id]):
        if _key(row) not in current or _order(row) > _order(current[_key(row)]):
            current[_key(row)] = row
    return current


def current_consent(db: Session, child_id: int, kind: str, partner_id: int | None = None) -> Consent | None:
    return current_rows(db, child_id).get((kind, partner_id if kind == SHARE_PARTNER else None))


def sharing_consent(db: Session, child_id: int, partner: Partner) -> Consent | None:
    """The answer that decides whether the child's data may go to this ketenpartner: the current
    answer naming the partner; for a school without one, the answer about sharing with school."""
    named = current_consent(db, child_id, SHARE_PARTNER, partner.id)
    if named is None and partner.kind == "school":
        return current_consent(db, child_id, SHARE_SCHOOL)
    return named


def home_alone_withdrawn(db: Session, child_ids) -> dict[int, date]:
    """Children whose current consent to go home alone was withdrawn: child id -> the date."""
    latest: dict[int, Consent] = {}
    for row in db.exec(select(Consent).where(Consent.child_id.in_(list(child_ids) or [-1]),
                                             Consent.kind == HOME_ALONE)).all():
        if row.child_id not in latest or _order(row) > _order(latest[row.child_id]):
            latest[row.child_id] = row
    return {cid: row.withdrawn_on for cid, row in latest.items() if row.withdrawn_on is not None}


def sync_home_alone(db: Session, child: Child) -> None:
    """Keep the child's 'zelfstandig naar huis' (read at every check-out) equal to the current
    consent. Call inside the transaction that changed the consent."""
    db.flush()
    row = current_consent(db, child.id, HOME_ALONE)
    if row is not None and status_of(row) == "gegeven":
        child.may_go_home_alone, child.home_alone_allowed_by, child.home_alone_allowed_on = (
            True, row.given_by, row.given_on)
        child.home_alone_guardian_id = row.guardian_id
    else:
        child.may_go_home_alone, child.home_alone_allowed_by, child.home_alone_allowed_on = False, "", None
        child.home_alone_guardian_id = None
    db.add(child)


# ---- reading -----------------------------------------------------------------------------------

def _kind_label(row: Consent, partners: dict[int, str]) -> str:
    label = texts.TOESTEMMING_SOORTEN.get(row.kind, row.kind)
    if row.kind == SHARE_PARTNER:
        name = partners.get(row.partner_id or -1) or texts.TOESTEMMING_PARTNER_ONBEKEND
        return texts.TOESTEMMING_MET_PARTNER.format(soort=label, partner=name)
    return label


def entries(db: Session, child_id: int) -> list[ConsentEntry]:
    """All answers of the child: current ones first (in the order of CONSENT_KINDS), then the
    history newest first. No permission check: for callers that have checked KIND_LEZEN."""
    rows = _rows(db, [child_id])
    partners = dict(db.exec(select(Partner.id, Partner.name).where(
        Partner.id.in_({r.partner_id for r in rows if r.partner_id} or {-1}))).all())
    staff_ids = {r.recorded_by_id for r in rows} | {r.withdrawn_recorded_by_id for r in rows}
    staff = dict(db.exec(select(StaffUser.id, StaffUser.name).where(
        StaffUser.id.in_({i for i in staff_ids if i} or {-1}))).all())
    current_ids = {r.id for r in current_rows(db, child_id).values()}
    result = [ConsentEntry(
        id=r.id, kind=r.kind, kind_label=_kind_label(r, partners), partner_id=r.partner_id,
        status=status_of(r), status_label=texts.TOESTEMMING_STATUS[status_of(r)], given_by=r.given_by,
        given_on=r.given_on, recorded_by=staff.get(r.recorded_by_id or -1, ""), recorded_at=r.recorded_at,
        withdrawn_on=r.withdrawn_on, withdrawn_by=r.withdrawn_by,
        withdrawn_recorded_by=staff.get(r.withdrawn_recorded_by_id or -1, ""),
        withdrawn_recorded_at=r.withdrawn_recorded_at, current=r.id in current_ids,
    ) for r in rows]
    kind_order = {k: i for i, k in enumerate(CONSENT_KINDS)}
    current = sorted((e for e in result if e.current), key=lambda e: (kind_order.get(e.kind, 99), e.kind_label))
    history = sorted((e for e in result if not e.current), key=lambda e: (e.given_on, e.id), reverse=True)
    return current + history


def warnings(current: list[ConsentEntry]) -> list[str]:
    """What a worker must know at once: registration or going home alone withdrawn."""
    result = []
    for entry in current:
        if entry.status != "ingetrokken" or entry.withdrawn_on is None:
            continue
        if entry.kind == REGISTRATION:
            result.append(texts.TOESTEMMING_WAARSCHUWING_REGISTRATIE.format(datum=format_day(entry.withdrawn_on)))
        elif entry.kind == HOME_ALONE:
            result.append(texts.TOESTEMMING_WAARSCHUWING_ZELFSTANDIG.format(datum=format_day(entry.withdrawn_on)))
    return result


def _guardians(db: Session, child: Child) -> list[Guardian]:
    """The guardians of all the child's households (issue 16.3: parents who live apart)."""
    return households.guardians_of(db, child)


def consent_overview(actor: Actor, db: Session, child_id: int) -> ConsentOverview:
    """The consent page: current answers, history, warnings, and the choices of the form
    (the family's guardians, the organisation's ketenpartners). Audited 'toestemming.gelezen'."""
    child = load_child(actor, db, child_id)
    all_entries = entries(db, child.id)
    current = [e for e in all_entries if e.current]
    partners = [(p.id, p.name) for p in db.exec(select(Partner).where(
        Partner.organisation_id == child.organisation_id).order_by(Partner.name, Partner.id)).all()]
    guardians = [(g.id, f"{g.name} ({g.relation})" if g.relation else g.name) for g in _guardians(db, child)]
    audit.record(db, actor, "toestemming.gelezen", object_type="kind", object_id=child.id, child_id=child.id,
                 detail=f"aantal={len(all_entries)}")
    db.commit()
    return ConsentOverview(child.id, child.full_name, current, [e for e in all_entries if not e.current],
                           warnings(current), guardians, partners)


# ---- writing -----------------------------------------------------------------------------------

def _load_for_change(actor: Actor, db: Session, child_id) -> Child:
    return child_for_change(actor, db, child_id, Action.TOESTEMMING_VASTLEGGEN)


def _who(db: Session, child: Child, guardian_raw, name_raw, field: str) -> tuple[int | None, str]:
    """(guardian id, name): a guardian of the child's family, or a typed name."""
    raw = str(guardian_raw or "").strip()
    if raw:
        guardian = db.get(Guardian, int(raw)) if raw.isdigit() else None
        if guardian is None or guardian.family_id not in households.household_ids(db, child):
            raise InvalidInput(texts.FOUT_TOESTEMMING_OUDER, {field: texts.FOUT_TOESTEMMING_OUDER})
        return guardian.id, guardian.name
    name = clean_text(name_raw, field, MAX_NAME, required=True, veld="de naam",
                      required_message=texts.FOUT_TOESTEMMING_VAN_WIE)
    return None, name


def _answer(value) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value or "").strip().lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise InvalidInput(texts.FOUT_TOESTEMMING_ANTWOORD, {"given": texts.FOUT_TOESTEMMING_ANTWOORD})


def _check_after_current(db: Session, child_id: int, kind: str, partner_id: int | None, on: date,
                         field_name: str = "given_on") -> None:
    current = current_consent(db, child_id, kind, partner_id)
    if current is None:
        return
    if current.withdrawn_on is not None and on < current.withdrawn_on:
        message = texts.FOUT_TOESTEMMING_NA_INTREKKING.format(datum=format_day(current.withdrawn_on))
        raise InvalidInput(message, {field_name: message})
    if on < current.given_on:
        message = texts.FOUT_TOESTEMMING_NA_NIEUWERE.format(datum=format_day(current.given_on))
        raise InvalidInput(message, {field_name: message})


def add_answer(db: Session, actor: Actor, child: Child, *, kind: str, given: bool, given_by: str,
               given_on: date, guardian_id: int | None = None, partner_id: int | None = None,
               client_uuid: str | None = None, now: datetime | None = None) -> Consent:
    """Add one answer to the session (no commit, no audit: the caller's transaction does both).
    For callers that have authorised the actor on the child (set_home_alone, refer_out)."""
    _check_after_current(db, child.id, kind, partner_id, given_on)
    row = Consent(client_uuid=client_uuid, child_id=child.id, kind=kind, partner_id=partner_id, given=given,
                  given_by=given_by, guardian_id=guardian_id, given_on=given_on, recorded_by_id=actor.id,
                  recorded_at=now or utcnow())
    db.add(row)
    db.flush()
    if kind == HOME_ALONE:
        sync_home_alone(db, child)
    return row


def withdraw_answer(db: Session, actor: Actor, child: Child, row: Consent, *, withdrawn_on: date,
                    withdrawn_by: str, guardian_id: int | None = None, now: datetime | None = None) -> None:
    """Withdraw the current, given answer `row` (no commit, no audit)."""
    if withdrawn_on < row.given_on:
        message = texts.FOUT_INTREKKEN_DATUM.format(datum=format_day(row.given_on))
        raise InvalidInput(message, {"withdrawn_on": message})
    row.withdrawn_on, row.withdrawn_by, row.withdrawn_guardian_id = withdrawn_on, withdrawn_by, guardian_id
    row.withdrawn_recorded_by_id, row.withdrawn_recorded_at = actor.id, now or utcnow()
    db.add(row)
    db.flush()
    if row.kind == HOME_ALONE:
        sync_home_alone(db, child)


def record_consent(actor: Actor, db: Session, payload: dict, now: datetime | None = None) -> RecordResult:
    """Record a parent's answer. Idempotent on payload['client_uuid'].

    Payload: client_uuid, child_id, kind (one of CONSENT_KINDS), given ('ja'/'nee'), partner_id
    (required for gegevens_delen), guardian_id (a guardian of the child's family) or given_by (a
    name), given_on (default today, not in the future, not before the current answer or its
    withdrawal). Audited 'toestemming.vastgelegd'."""
    client_uuid = client_uuid_of(payload)
    existing = db.exec(select(Consent).where(Consent.client_uuid == client_uuid)).first()
    if existing is not None:
        if existing.recorded_by_id != actor.id:
            audit.record_denied(db, actor, str(Action.TOESTEMMING_VASTLEGGEN), object_type="toestemming",
                                object_id=existing.id, detail="kenmerk_van_ander")
            raise PermissionDenied(texts.GEEN_TOEGANG)
        return RecordResult(existing.id, False)
    child = _load_for_change(actor, db, payload.get("child_id"))
    today = local_today(now)
    errors: dict[str, str] = {}

    def check(fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except InvalidInput as exc:
            errors.update(exc.fields or {"_": exc.message})
            return None

    kind = str(payload.get("kind") or "").strip()
    if kind not in CONSENT_KINDS:
        errors["kind"] = texts.FOUT_TOESTEMMING_SOORT
    given = check(_answer, payload.get("given"))
    partner_id = None
    if kind == SHARE_PARTNER:
        raw = str(payload.get("partner_id") or "").strip()
        partner = db.get(Partner, int(raw)) if raw.isdigit() else None
        if partner is None or partner.organisation_id != child.organisation_id:
            errors["partner_id"] = texts.FOUT_TOESTEMMING_PARTNER
        else:
            partner_id = partner.id
    who = check(_who, db, child, payload.get("guardian_id"), payload.get("given_by"), "given_by")
    on = check(parse_day, payload.get("given_on"), "given_on", default=today, not_after=today)
    if not errors:
        check(_check_after_current, db, child.id, kind, partner_id, on)
    if errors:
        raise InvalidInput(next(iter(errors.values())), errors)
    try:
        row = add_answer(db, actor, child, kind=kind, given=given, given_by=who[1], given_on=on,
                         guardian_id=who[0], partner_id=partner_id, client_uuid=client_uuid, now=now)
    except IntegrityError:
        db.rollback()  # the same answer arrived twice at once: keep the first
        return RecordResult(db.exec(select(Consent).where(Consent.client_uuid == client_uuid)).one().id, False)
    audit.record(db, actor, "toestemming.vastgelegd", object_type="toestemming", object_id=row.id,
                 child_id=child.id, detail=f"soort={kind};antwoord={'ja' if given else 'nee'};"
                                           f"partner={partner_id or ''};ouder={who[0] or ''}")
    db.commit()
    return RecordResult(row.id, True)


def withdraw_consent(actor: Actor, db: Session, consent_id, payload: dict | None = None,
                     now: datetime | None = None) -> None:
    """Withdraw the current, given answer `consent_id`: withdrawn_on (default today, not in the
    future, not before the consent), guardian_id or withdrawn_by (default: who gave it). A second
    withdrawal of the same consent changes nothing. Audited 'toestemming.ingetrokken'."""
    payload = payload or {}
    raw = str(consent_id or "").strip()
    row = db.get(Consent, int(raw)) if raw.isdigit() else None
    if row is None:
        audit.record_denied(db, actor, str(Action.TOESTEMMING_VASTLEGGEN), object_type="toestemming", object_id=raw)
        raise NotFound(texts.NIET_GEVONDEN)
    child = _load_for_change(actor, db, row.child_id)
    if row.withdrawn_on is not None:
        return
    current = current_consent(db, child.id, row.kind, row.partner_id)
    if not row.given or current is None or current.id != row.id:
        raise InvalidInput(texts.FOUT_INTREKKEN_NIET_GEGEVEN, {"_": texts.FOUT_INTREKKEN_NIET_GEGEVEN})
    today = local_today(now)
    on = parse_day(payload.get("withdrawn_on"), "withdrawn_on", default=today, not_after=today)
    if str(payload.get("guardian_id") or "").strip() or str(payload.get("withdrawn_by") or "").strip():
        guardian_id, name = _who(db, child, payload.get("guardian_id"), payload.get("withdrawn_by"), "withdrawn_by")
    else:
        guardian_id, name = row.guardian_id, row.given_by
    withdraw_answer(db, actor, child, row, withdrawn_on=on, withdrawn_by=name, guardian_id=guardian_id, now=now)
    audit.record(db, actor, "toestemming.ingetrokken", object_type="toestemming", object_id=row.id,
                 child_id=child.id, detail=f"soort={row.kind};partner={row.partner_id or ''};ouder={guardian_id or ''}")
    db.commit()
