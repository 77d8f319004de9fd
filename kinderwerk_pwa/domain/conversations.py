"""Oudergesprekken (conversations with parents) and the afspraken (agreements) made in them.

- `record_conversation` is the one way a conversation note enters (online form, offline queue,
  tests). Idempotent on the payload's client_uuid. It can complete step 3 of an open meldcode
  track ("gesprek met ouders") in the same transaction.
- `family_view` shows a family with its conversations and agreements; `my_agreements` and
  `due_agreements_today` are the actor's follow-up list; `set_agreement_status` closes one.
- Permissions: GESPREK_VASTLEGGEN on the conversation's location to record or change,
  GESPREK_LEZEN on it to read. Every read or write is audited in the same transaction; the audit
  detail holds ids and counts only, never the note text.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from .. import texts
from ..models import (
    Agreement,
    Child,
    ChildLocation,
    ConversationChild,
    ConversationGuardian,
    Family,
    Goal,
    Guardian,
    Location,
    MeldcodeTrack,
    ParentConversation,
    StaffUser,
    utcnow,
)
from ..models.conversations import AGREEMENT_OWNERS, AGREEMENT_STATUSES, CONVERSATION_KINDS
from . import audit
from .actor import Actor
from .children import age_on
from .clock import local_today, to_local
from .errors import DomainError, InvalidInput, NotFound, PermissionDenied
from .intake import clean_text, client_uuid_of, parse_day
from .permissions import Action, Scope, Target, authorize, can, scope_for
from .timeline import TimelineItem, child_target, load_child

MAX_PLACE = 200
MAX_TOPICS = 400  # all topics together, as stored (", "-joined)
MAX_TOPIC = 60  # one topic
MAX_FACTS = 4000
MAX_INTERPRETATION = 2000
MAX_NOT_DISCUSSED_REASON = 500
MAX_AGREEMENTS = 20
MAX_AGREEMENT = 500
MAX_OWNER_NAME = 200
MAX_WITH_WHOM = 300  # MeldcodeStep.with_whom
FUTURE_TOLERANCE = timedelta(minutes=5)  # phone clocks drift a little
MELDCODE_STEP = 3  # gesprek met ouders (en kind)
_TRUE = {"1", "true", "ja", "on", "yes"}
_FALSE = {"0", "false", "nee", "off", "no"}


# ---- results and views ---------------------------------------------------------------------

@dataclass(frozen=True)
class ConversationResult:
    conversation_id: int
    created: bool  # False: this client_uuid was stored before (a replay); nothing was written
    meldcode_step_recorded: bool = False  # this call completed step 3 of the linked meldcode track


@dataclass(frozen=True)
class FamilyChild:
    id: int
    name: str
    age: int
    can_open: bool  # the actor may open the child's record (KIND_LEZEN)


@dataclass(frozen=True)
class FamilyGuardian:
    id: int
    name: str
    relation: str
    phone: str


@dataclass(frozen=True)
class AgreementView:
    id: int
    conversation_id: int
    description: str
    owner_kind: str  # ouder / kinderwerker / partner
    owner_label: str  # "Ouder: Petra Jansen", "Jij", "Kinderwerker: Test collega", "Ketenpartner: Wijkteam"
    owner_name: str
    owner_staff_id: int | None
    due_date: date
    status: str  # open / gedaan / vervallen
    status_label: str
    overdue: bool  # open and due_date < today
    done_at: datetime | None
    done_by_name: str
    can_change: bool  # the actor may set its status (GESPREK_VASTLEGGEN on the conversation's location)


@dataclass(frozen=True)
class ConversationView:
    id: int
    held_at: datetime
    kind: str
    kind_label: str
    location_id: int
    location_name: str
    author_id: int
    author_name: str
    place: str
    topics: list[str]
    facts: str
    interpretation: str
    interpretation_label: str  # "Interpretatie van <auteur>"; "" when there is no interpretation
    discussed_with_parent: bool
    not_discussed_reason: str
    child_ids: list[int]
    child_names: list[str]
    guardian_names: list[str]
    track_id: int | None
    agreements: list[AgreementView] = field(default_factory=list)


@dataclass(frozen=True)
class FamilyView:
    id: int
    name: str
    children: list[FamilyChild]
    guardians: list[FamilyGuardian]
    conversations: list[ConversationView]  # newest first; only those the actor may read
    agreements: list[AgreementView]  # of those conversations: open first (overdue first), then by date
    hidden_conversations: int  # conversations with this family at locations the actor cannot read
    can_record: bool  # the actor may record a conversation with this family


@dataclass(frozen=True)
class AgreementRow:
    id: int
    conversation_id: int
    description: str
    owner_kind: str
    owner_label: str
    due_date: date
    overdue: bool
    family_id: int
    family_name: str
    child_names: str  # "Sem Jansen, Lisa Jansen"
    location_id: int


@dataclass(frozen=True)
class Choice:
    id: int
    label: str


@dataclass(frozen=True)
class TrackChoice:
    id: int
    label: str  # "Sem Jansen: meldcode stap 3"
    child_id: int
    current_step: int
    completes_step3: bool  # linking this conversation records step 3
    allowed: bool  # the actor may link it (and, at step 3, record that step)


@dataclass(frozen=True)
class GoalChoice:
    id: int
    child_id: int
    label: str  # "Sem Jansen: minder snel boos worden"


@dataclass(frozen=True)
class ConversationOptions:
    family_id: int
    family_name: str
    children: list[Choice]  # the family's children the actor may see (shares a location with)
    guardians: list[Choice]
    locations: list[Choice]  # the actor's locations that know at least one of the children
    tracks: list[TrackChoice]  # open meldcode tracks of the children at step 3 or later
    goals: list[GoalChoice]  # active goals of the children
    kinds: list[tuple[str, str]]  # (code, label) in CONVERSATION_KINDS order


@dataclass(frozen=True)
class FamilyChoice:
    id: int
    name: str
    child_names: str


# ---- small helpers -------------------------------------------------------------------------

def _id_list(value, field_name: str, errors: dict[str, str], empty_message: str | None) -> list[int]:
    """A list of ids from a list/tuple/set or a comma-separated string; dedupes, keeps order."""
    if value is None or value == "":
        raw = []
    elif isinstance(value, (list, tuple, set, frozenset)):
        raw = list(value)
    else:
        raw = [v for v in str(value).split(",")]
    ids: list[int] = []
    for item in raw:
        text = str(item).strip()
        if not text:
            continue
        if not text.isdigit():
            errors[field_name] = texts.FOUT_GESPREK_ID
            return []
        if int(text) not in ids:
            ids.append(int(text))
    if not ids and empty_message:
        errors[field_name] = empty_message
    return ids


def _optional_id(value, field_name: str, errors: dict[str, str]) -> int | None:
    if value is None or str(value).strip() == "":
        return None
    if not str(value).strip().isdigit():
        errors[field_name] = texts.FOUT_GESPREK_ID
        return None
    return int(str(value).strip())


def _bool(value, default: bool) -> bool:
    if value is None or (isinstance(value, str) and not value.strip()):
        return default
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    return bool(value)


def _topics(value, errors: dict[str, str]) -> str:
    raw = value if isinstance(value, (list, tuple)) else [value or ""]
    topics: list[str] = []
    for item in raw:
        for part in str(item or "").split(","):
            topic = " ".join(part.split())
            if topic and topic.casefold() not in (t.casefold() for t in topics):
                topics.append(topic)
    joined = ", ".join(topics)
    if any(len(t) > MAX_TOPIC for t in topics) or len(joined) > MAX_TOPICS:
        errors["topics"] = texts.FOUT_TE_LANG.format(n=MAX_TOPICS, veld="de onderwerpen")
    return joined


def _held_at(value, now: datetime, errors: dict[str, str]) -> datetime:
    if value is None or (isinstance(value, str) and not value.strip()):
        return now
    if isinstance(value, datetime):
        moment = value
    else:
        try:
            moment = datetime.fromisoformat(str(value).strip())
        except ValueError:
            errors["held_at"] = texts.FOUT_TIJD_ONGELDIG
            return now
    if moment.tzinfo is None:
        errors["held_at"] = texts.FOUT_TIJD_ONGELDIG
        return now
    if moment > now + FUTURE_TOLERANCE:
        errors["held_at"] = texts.FOUT_TOEKOMST
    return moment


def _check(errors: dict[str, str], fn, *args, **kwargs):
    """Run a cleaner; collect its field errors instead of raising."""
    try:
        return fn(*args, **kwargs)
    except InvalidInput as exc:
        errors.update(exc.fields or {"_": exc.message})
        return None


def _names(db: Session, ids) -> dict[int, str]:
    ids = {i for i in ids if i}
    if not ids:
        return {}
    return dict(db.exec(select(StaffUser.id, StaffUser.name).where(StaffUser.id.in_(ids))).all())


def _conversation_target(conversation: ParentConversation, action_object: str = "gesprek",
                         object_id: object = None) -> Target:
    return Target(conversation.organisation_id, frozenset({conversation.location_id}), author_id=conversation.author_id,
                  object_type=action_object, object_id=conversation.id if object_id is None else object_id)


def _locations_of(db: Session, child_ids) -> set[int]:
    ids = list(child_ids)
    if not ids:
        return set()
    return set(db.exec(select(ChildLocation.location_id).where(ChildLocation.child_id.in_(ids))).all())


def _family_children(db: Session, family: Family) -> list[Child]:
    return list(db.exec(select(Child).where(Child.family_id == family.id,
                                            Child.organisation_id == family.organisation_id)
                        .order_by(Child.date_of_birth, Child.id)).all())


def _family_target(db: Session, family: Family) -> Target:
    children = _family_children(db, family)
    return Target(family.organisation_id, frozenset(_locations_of(db, [c.id for c in children])),
                  object_type="gezin", object_id=family.id)


def _load_family(actor: Actor, db: Session, family_id, action: Action) -> Family:
    family = db.get(Family, int(family_id)) if str(family_id or "").strip().isdigit() else None
    if family is None:
        audit.record_denied(db, actor, str(action), object_type="gezin", object_id=family_id)
        raise NotFound(texts.NIET_GEVONDEN)
    authorize(actor, db, action, _family_target(db, family))
    return family


def _owner_label(actor: Actor | None, owner_kind: str, owner_name: str, owner_staff_id: int | None) -> str:
    if owner_kind == "kinderwerker" and actor is not None and owner_staff_id == actor.id:
        return texts.AFSPRAAK_EIGENAAR_JIJ
    kind_label = texts.AGREEMENT_OWNER_LABELS.get(owner_kind, owner_kind)
    return texts.AFSPRAAK_EIGENAAR.format(soort=kind_label, naam=owner_name) if owner_name else kind_label


def step3_client_uuid(conversation_client_uuid: str) -> str:
    """The client_uuid of the meldcode step 3 that a conversation records: derived, so a replayed
    conversation can never record the step twice."""
    return str(uuid.uuid5(uuid.UUID(conversation_client_uuid), "meldcode-stap3"))


def _agreement_uuid(conversation_client_uuid: str, index: int) -> str:
    return str(uuid.uuid5(uuid.UUID(conversation_client_uuid), f"afspraak-{index}"))


# ---- recording -----------------------------------------------------------------------------

@dataclass
class _CleanAgreement:
    client_uuid: str
    description: str
    owner_kind: str
    owner_name: str
    owner_staff_id: int | None
    due_date: date


@dataclass
class _Clean:
    client_uuid: str
    family_id: int | None
    location_id: int | None
    guardian_ids: list[int]
    child_ids: list[int]
    kind: str
    held_at: datetime
    place: str
    topics: str
    facts: str
    interpretation: str
    discussed: bool
    not_discussed_reason: str
    track_id: int | None
    goal_ids: list[int]
    agreements: list[_CleanAgreement]


def _clean_agreements(actor: Actor, db: Session, raw, conversation_uuid: str, held_day: date,
                      errors: dict[str, str]) -> list[_CleanAgreement]:
    if raw in (None, ""):
        return []
    if not isinstance(raw, (list, tuple)):
        errors["agreements"] = texts.FOUT_AFSPRAAK_OMSCHRIJVING
        return []
    if len(raw) > MAX_AGREEMENTS:
        errors["agreements"] = texts.FOUT_TE_VEEL_AFSPRAKEN.format(n=MAX_AGREEMENTS)
        return []
    result: list[_CleanAgreement] = []
    seen_uuids: set[str] = set()
    for index, item in enumerate(raw):
        prefix = f"agreements.{index}."
        item = item if isinstance(item, dict) else {}
        if str(item.get("client_uuid") or "").strip():
            try:
                a_uuid = str(uuid.UUID(str(item["client_uuid"]).strip()))
            except ValueError:
                errors[prefix + "client_uuid"] = texts.FOUT_KENMERK
                a_uuid = ""
        else:
            # No id from the device: derive one, so a replay of the conversation stays one.
            a_uuid = _agreement_uuid(conversation_uuid, index)
        if a_uuid and a_uuid in seen_uuids:
            errors[prefix + "client_uuid"] = texts.FOUT_AFSPRAAK_KENMERK_DUBBEL
        seen_uuids.add(a_uuid)
        description = _check(errors, clean_text, item.get("description"), prefix + "description", MAX_AGREEMENT,
                             required=True, veld="de afspraak", required_message=texts.FOUT_AFSPRAAK_OMSCHRIJVING)
        owner_kind = str(item.get("owner_kind") or "").strip()
        owner_name = _check(errors, clean_text, item.get("owner_name"), prefix + "owner_name", MAX_OWNER_NAME,
                            veld="de naam van de uitvoerder") or ""
        owner_staff_id = None
        if owner_kind not in AGREEMENT_OWNERS:
            errors[prefix + "owner_kind"] = texts.FOUT_AFSPRAAK_EIGENAAR
        elif owner_kind == "kinderwerker":
            staff_raw = item.get("owner_staff_id")
            staff_id = actor.id if staff_raw in (None, "") else (
                int(str(staff_raw)) if str(staff_raw).strip().isdigit() else None)
            staff = db.get(StaffUser, staff_id) if staff_id is not None else None
            if (staff is None or staff.organisation_id != actor.organisation_id or not staff.active
                    or scope_for(staff.role, Action.GESPREK_VASTLEGGEN) is Scope.GEEN):
                errors[prefix + "owner_staff_id"] = texts.FOUT_AFSPRAAK_MEDEWERKER
            else:
                owner_staff_id, owner_name = staff.id, staff.name
        elif owner_kind == "partner" and not owner_name:
            errors[prefix + "owner_name"] = texts.FOUT_AFSPRAAK_PARTNER_NAAM
        due = None
        if item.get("due_date") in (None, "") or (isinstance(item.get("due_date"), str)
                                                  and not item["due_date"].strip()):
            errors[prefix + "due_date"] = texts.FOUT_AFSPRAAK_DATUM
        else:
            due = _check(errors, parse_day, item.get("due_date"), prefix + "due_date")
            if due is not None and due < held_day:
                errors[prefix + "due_date"] = texts.FOUT_AFSPRAAK_DATUM_VOOR_GESPREK
        if description and due is not None and owner_kind in AGREEMENT_OWNERS and a_uuid:
            result.append(_CleanAgreement(a_uuid, description, owner_kind, owner_name, owner_staff_id, due))
    return result


def validate_conversation(actor: Actor, db: Session, payload: dict, now: datetime | None = None) -> _Clean:
    """Check the payload's fields (not yet who may do what); raise InvalidInput with a Dutch
    message per field. Agreement fields are named 'agreements.<index>.<field>'."""
    now = now or utcnow()
    client_uuid = client_uuid_of(payload)
    errors: dict[str, str] = {}
    family_id = _optional_id(payload.get("family_id"), "family_id", errors)
    if family_id is None and "family_id" not in errors:
        errors["family_id"] = texts.FOUT_GESPREK_GEEN_KIND
    location_id = _optional_id(payload.get("location_id"), "location_id", errors)
    guardian_ids = _id_list(payload.get("guardian_ids"), "guardian_ids", errors, texts.FOUT_GESPREK_GEEN_OUDER)
    child_ids = _id_list(payload.get("child_ids"), "child_ids", errors, texts.FOUT_GESPREK_GEEN_KIND)
    kind = str(payload.get("kind") or "").strip()
    if kind not in CONVERSATION_KINDS:
        errors["kind"] = texts.FOUT_GESPREK_SOORT
    held_at = _held_at(payload.get("held_at"), now, errors)
    place = _check(errors, clean_text, payload.get("place"), "place", MAX_PLACE, veld="de plaats") or ""
    topics = _topics(payload.get("topics"), errors)
    facts = str(payload.get("facts") or "").strip()
    if not facts:
        errors["facts"] = texts.FOUT_GESPREK_FEITEN_LEEG
    elif len(facts) > MAX_FACTS:
        errors["facts"] = texts.FOUT_FEITEN_TE_LANG.format(n=MAX_FACTS)
    interpretation = str(payload.get("interpretation") or "").strip()
    if len(interpretation) > MAX_INTERPRETATION:
        errors["interpretation"] = texts.FOUT_INTERPRETATIE_TE_LANG.format(n=MAX_INTERPRETATION)
    discussed = _bool(payload.get("discussed_with_parent"), True)
    reason = ""
    if not discussed:
        reason = _check(errors, clean_text, payload.get("not_discussed_reason"), "not_discussed_reason",
                        MAX_NOT_DISCUSSED_REASON, required=True, veld="de reden",
                        required_message=texts.FOUT_GESPREK_NIET_BESPROKEN_REDEN) or ""
    track_id = _optional_id(payload.get("track_id"), "track_id", errors)
    goal_ids = _id_list(payload.get("goal_ids"), "goal_ids", errors, None)
    agreements = _clean_agreements(actor, db, payload.get("agreements"), client_uuid,
                                   to_local(held_at).date(), errors)
    if errors:
        raise InvalidInput(next(iter(errors.values())), errors)
    return _Clean(client_uuid, family_id, location_id, guardian_ids, child_ids, kind, held_at, place, topics,
                  facts, interpretation, discussed, reason, track_id, goal_ids, agreements)


def _refuse(db: Session, actor: Actor, *, message: str, field_name: str, detail: str,
            object_type: str = "gezin", object_id: object = "", child_id: int | None = None,
            location_id: int | None = None) -> None:
    """Audit a refusal (own transaction) and raise InvalidInput: nothing is stored."""
    audit.record_denied(db, actor, str(Action.GESPREK_VASTLEGGEN), object_type=object_type, object_id=object_id,
                        child_id=child_id, location_id=location_id, detail=detail)
    raise InvalidInput(message, {field_name: message})


def record_conversation(actor: Actor, db: Session, payload: dict) -> ConversationResult:
    """The one way a conversation with parents enters. Idempotent on payload['client_uuid']: a
    replay returns the stored conversation (created=False) and writes nothing.

    Payload: client_uuid, family_id, location_id (optional when the actor shares exactly the
    obvious location with the children: default is the lowest shared one), guardian_ids,
    child_ids, kind, held_at (aware ISO datetime or datetime, default now), place, topics (list or
    comma string), facts, interpretation, discussed_with_parent (default True),
    not_discussed_reason, track_id, goal_ids, agreements (list of dicts: client_uuid, description,
    owner_kind, owner_name, owner_staff_id, due_date).
    """
    client_uuid = client_uuid_of(payload)
    existing = db.exec(select(ParentConversation).where(ParentConversation.client_uuid == client_uuid)).first()
    if existing is not None:
        return _replay(actor, db, existing)
    clean = validate_conversation(actor, db, payload)

    # Family, location, children and guardians: who may record what about whom.
    family = db.get(Family, clean.family_id)
    if family is None or family.organisation_id != actor.organisation_id:
        audit.record_denied(db, actor, str(Action.GESPREK_VASTLEGGEN), object_type="gezin",
                            object_id=clean.family_id)
        raise PermissionDenied(texts.GEEN_TOEGANG)
    children = db.exec(select(Child).where(Child.id.in_(clean.child_ids))).all()
    if len(children) != len(clean.child_ids) or any(c.family_id != family.id for c in children):
        _refuse(db, actor, message=texts.FOUT_GESPREK_KIND_ANDER_GEZIN, field_name="child_ids",
                detail="kind_niet_van_gezin", object_id=family.id)
    guardians = db.exec(select(Guardian).where(Guardian.id.in_(clean.guardian_ids))).all()
    if len(guardians) != len(clean.guardian_ids) or any(g.family_id != family.id for g in guardians):
        _refuse(db, actor, message=texts.FOUT_GESPREK_OUDER_ANDER_GEZIN, field_name="guardian_ids",
                detail="ouder_niet_van_gezin", object_id=family.id)
    children_locations = _locations_of(db, clean.child_ids)
    location_id = clean.location_id
    if location_id is None:
        shared = children_locations & actor.location_ids
        location_id = min(shared) if shared else None
    if location_id is None:
        # The actor shares no location with any of these children.
        authorize(actor, db, Action.GESPREK_VASTLEGGEN,
                  Target(family.organisation_id, frozenset(children_locations), object_type="gezin",
                         object_id=family.id, child_id=clean.child_ids[0]))
        raise PermissionDenied(texts.GEEN_TOEGANG)  # not reached: the actor shares no location
    location = db.get(Location, location_id)
    authorize(actor, db, Action.GESPREK_VASTLEGGEN,
              Target(location.organisation_id if location else -1, frozenset({location_id}),
                     object_type="gezin", object_id=family.id, child_id=clean.child_ids[0]))
    if location_id not in children_locations:
        _refuse(db, actor, message=texts.FOUT_GESPREK_LOCATIE, field_name="location_id",
                detail="locatie_kent_kinderen_niet", object_id=family.id, location_id=location_id)

    # Leerdoelen it evaluates: checked only. There is no column or link table for this in the
    # model (ParentConversation has no goal link), so the link is not stored; the count goes into
    # the audit detail. The note's text can name the goals.
    if clean.goal_ids:
        goal_children = db.exec(select(Goal.child_id).where(Goal.id.in_(clean.goal_ids))).all()
        if len(goal_children) != len(clean.goal_ids) or any(c not in clean.child_ids for c in goal_children):
            raise InvalidInput(texts.FOUT_GESPREK_LEERDOEL, {"goal_ids": texts.FOUT_GESPREK_LEERDOEL})

    # A meldcode track of one of the children, open and at step 3 or later.
    track = None
    completes_step3 = False
    if clean.track_id is not None:
        track = db.get(MeldcodeTrack, clean.track_id)
        if (track is None or track.organisation_id != actor.organisation_id or track.child_id not in clean.child_ids
                or track.status != "open" or track.current_step < MELDCODE_STEP):
            raise InvalidInput(texts.FOUT_GESPREK_TRAJECT, {"track_id": texts.FOUT_GESPREK_TRAJECT})
        track_target = _track_target(track)
        if not can(actor, Action.SIGNAAL_BESTAAN_ZIEN, track_target):
            _refuse(db, actor, message=texts.FOUT_GESPREK_TRAJECT, field_name="track_id",
                    detail="traject_niet_zichtbaar", object_type="meldcodetraject", object_id=track.id,
                    child_id=track.child_id, location_id=track.location_id)
        completes_step3 = track.current_step == MELDCODE_STEP
        if completes_step3 and not can(actor, Action.MELDCODE_STAP, track_target):
            audit.record_denied(db, actor, f"meldcode.stap{MELDCODE_STEP}", object_type="meldcodetraject",
                                object_id=track.id, child_id=track.child_id, location_id=track.location_id,
                                detail="via_oudergesprek")
            raise InvalidInput(texts.FOUT_GESPREK_STAP3_NIET_TOEGESTAAN,
                               {"track_id": texts.FOUT_GESPREK_STAP3_NIET_TOEGESTAAN})

    # An agreement id that is already stored (for another conversation) cannot be reused.
    agreement_uuids = [a.client_uuid for a in clean.agreements]
    if agreement_uuids and db.exec(select(Agreement.id).where(Agreement.client_uuid.in_(agreement_uuids))).first():
        raise InvalidInput(texts.FOUT_AFSPRAAK_KENMERK_DUBBEL, {"agreements": texts.FOUT_AFSPRAAK_KENMERK_DUBBEL})

    conversation = ParentConversation(
        client_uuid=clean.client_uuid, organisation_id=family.organisation_id, family_id=family.id,
        location_id=location_id, author_id=actor.id, kind=clean.kind, held_at=clean.held_at,
        place=clean.place or (location.name if location else ""), topics=clean.topics, facts=clean.facts,
        interpretation=clean.interpretation, discussed_with_parent=clean.discussed,
        not_discussed_reason=clean.not_discussed_reason, track_id=track.id if track else None,
    )
    db.add(conversation)
    try:
        db.flush()
    except IntegrityError:
        # The same conversation arrived twice at once (online form and offline queue): keep the first.
        db.rollback()
        existing = db.exec(select(ParentConversation).where(ParentConversation.client_uuid == clean.client_uuid)).one()
        return ConversationResult(existing.id, created=False)
    for child_id in clean.child_ids:
        db.add(ConversationChild(conversation_id=conversation.id, child_id=child_id))
    for guardian_id in clean.guardian_ids:
        db.add(ConversationGuardian(conversation_id=conversation.id, guardian_id=guardian_id))
    guardian_names = ", ".join(g.name for g in sorted(guardians, key=lambda g: clean.guardian_ids.index(g.id)))
    for item in clean.agreements:
        owner_name = item.owner_name
        if item.owner_kind == "ouder" and not owner_name:
            owner_name = guardian_names[:MAX_OWNER_NAME]
        db.add(Agreement(client_uuid=item.client_uuid, conversation_id=conversation.id, description=item.description,
                         owner_kind=item.owner_kind, owner_name=owner_name, owner_staff_id=item.owner_staff_id,
                         due_date=item.due_date, status="open"))
    audit.record(db, actor, "gesprek.vastgelegd", object_type="gesprek", object_id=conversation.id,
                 child_id=clean.child_ids[0], location_id=location_id,
                 detail=(f"gezin={family.id};soort={clean.kind};kinderen={','.join(map(str, clean.child_ids))};"
                         f"ouders={len(clean.guardian_ids)};afspraken={len(clean.agreements)};"
                         f"besproken={int(clean.discussed)};leerdoelen={len(clean.goal_ids)};"
                         f"traject={track.id if track else ''};stap3={int(completes_step3)}"))
    if completes_step3:
        # Step 3 of the meldcode, recorded by the meldcode module itself. It commits the session,
        # so the conversation, its agreements, both audit rows and the step commit together.
        from . import meldcode

        try:
            meldcode.record_step(actor, db, track.id, {
                "client_uuid": step3_client_uuid(clean.client_uuid), "step_no": MELDCODE_STEP,
                "with_whom": guardian_names[:MAX_WITH_WHOM], "conclusion": texts.GESPREK_STAP3_CONCLUSIE,
            })
        except DomainError:
            db.rollback()
            raise
    else:
        db.commit()
    return ConversationResult(conversation.id, created=True, meldcode_step_recorded=completes_step3)


def _replay(actor: Actor, db: Session, existing: ParentConversation) -> ConversationResult:
    if existing.author_id != actor.id:
        # Someone else's id: never reveal or touch that conversation.
        audit.record_denied(db, actor, str(Action.GESPREK_VASTLEGGEN), object_type="gesprek", object_id=existing.id,
                            detail="kenmerk_van_ander")
        raise PermissionDenied(texts.GEEN_TOEGANG)
    return ConversationResult(existing.id, created=False)


def _track_target(track: MeldcodeTrack) -> Target:
    return Target(track.organisation_id, frozenset({track.location_id}), author_id=track.opened_by_id,
                  object_type="meldcodetraject", object_id=track.id, child_id=track.child_id)


# ---- the form's choices --------------------------------------------------------------------

def conversation_options(actor: Actor, db: Session, family_id: int) -> ConversationOptions:
    """What the conversation form offers for one family. Needs GESPREK_VASTLEGGEN on a location of
    the family's children. Audited 'gesprek.formulier'."""
    family = _load_family(actor, db, family_id, Action.GESPREK_VASTLEGGEN)
    children = [c for c in _family_children(db, family) if can(actor, Action.KIND_LEZEN, child_target(db, c))]
    child_ids = [c.id for c in children]
    names = {c.id: c.full_name for c in children}
    guardians = db.exec(select(Guardian).where(Guardian.family_id == family.id).order_by(Guardian.id)).all()
    known = _locations_of(db, child_ids) & actor.location_ids
    locations = db.exec(select(Location).where(Location.id.in_(known or {-1})).order_by(Location.name)).all()
    tracks = []
    for track in db.exec(select(MeldcodeTrack).where(MeldcodeTrack.child_id.in_(child_ids or [-1]),
                                                     MeldcodeTrack.status == "open",
                                                     MeldcodeTrack.current_step >= MELDCODE_STEP)
                         .order_by(MeldcodeTrack.opened_at)).all():
        target = _track_target(track)
        if not can(actor, Action.SIGNAAL_BESTAAN_ZIEN, target):
            continue
        at_step3 = track.current_step == MELDCODE_STEP
        tracks.append(TrackChoice(
            track.id, texts.GESPREK_TRAJECT_KEUZE.format(kind=names.get(track.child_id, ""), stap=track.current_step),
            track.child_id, track.current_step, at_step3,
            (not at_step3) or can(actor, Action.MELDCODE_STAP, target)))
    goals = db.exec(select(Goal).where(Goal.child_id.in_(child_ids or [-1]), Goal.status == "actief")
                    .order_by(Goal.child_id, Goal.start_date, Goal.id)).all()
    audit.record(db, actor, "gesprek.formulier", object_type="gezin", object_id=family.id,
                 detail=f"kinderen={len(children)}")
    db.commit()
    return ConversationOptions(
        family_id=family.id, family_name=family.name,
        children=[Choice(c.id, c.full_name) for c in children],
        guardians=[Choice(g.id, f"{g.name} ({g.relation})" if g.relation else g.name) for g in guardians],
        locations=[Choice(loc.id, loc.name) for loc in locations],
        tracks=tracks,
        goals=[GoalChoice(g.id, g.child_id, f"{names.get(g.child_id, '')}: {g.title}") for g in goals],
        kinds=[(k, texts.CONVERSATION_KIND_LABELS[k]) for k in CONVERSATION_KINDS],
    )


def find_families(actor: Actor, db: Session, query: str = "", limit: int = 20) -> list[FamilyChoice]:
    """Families with a child at one of the actor's locations (for starting a conversation), by
    family or child name. Audited 'gezin.keuzelijst' (ids/counts only)."""
    if not actor.location_ids:
        return []
    authorize(actor, db, Action.GESPREK_LEZEN,
              Target(actor.organisation_id, actor.location_ids, object_type="gezinnen"))
    rows = db.exec(select(Child, Family)
                   .join(Family, Family.id == Child.family_id)
                   .join(ChildLocation, ChildLocation.child_id == Child.id)
                   .where(ChildLocation.location_id.in_(actor.location_ids),
                          Family.organisation_id == actor.organisation_id)
                   .order_by(Family.name, Child.first_name)).all()
    words = [w for w in query.lower().split() if w]
    families: dict[int, tuple[Family, list[str]]] = {}
    for child, family in rows:
        entry = families.setdefault(family.id, (family, []))
        if child.full_name not in entry[1]:
            entry[1].append(child.full_name)
    result = []
    for family, child_names in families.values():
        haystack = " ".join([family.name, *child_names]).lower()
        if all(w in haystack for w in words):
            result.append(FamilyChoice(family.id, family.name, ", ".join(child_names)))
        if len(result) >= limit:
            break
    audit.record(db, actor, "gezin.keuzelijst", object_type="gezinnen", detail=f"aantal={len(result)}")
    db.commit()
    return result


def family_of_child(actor: Actor, db: Session, child_id: int) -> int | None:
    """The family id of a child the actor may read (KIND_LEZEN), for a link to /gezin/<id>."""
    return load_child(actor, db, child_id).family_id


# ---- reading -------------------------------------------------------------------------------

def _agreement_views(actor: Actor, db: Session, conversations: list[ParentConversation],
                     today: date) -> dict[int, list[AgreementView]]:
    ids = [c.id for c in conversations]
    if not ids:
        return {}
    by_id = {c.id: c for c in conversations}
    agreements = db.exec(select(Agreement).where(Agreement.conversation_id.in_(ids))
                         .order_by(Agreement.due_date, Agreement.id)).all()
    names = _names(db, {a.done_by_id for a in agreements})
    result: dict[int, list[AgreementView]] = {}
    for a in agreements:
        conversation = by_id[a.conversation_id]
        result.setdefault(a.conversation_id, []).append(AgreementView(
            id=a.id, conversation_id=a.conversation_id, description=a.description, owner_kind=a.owner_kind,
            owner_label=_owner_label(actor, a.owner_kind, a.owner_name, a.owner_staff_id), owner_name=a.owner_name,
            owner_staff_id=a.owner_staff_id, due_date=a.due_date, status=a.status,
            status_label=texts.AGREEMENT_STATUS_LABELS.get(a.status, a.status),
            overdue=a.status == "open" and a.due_date < today, done_at=a.done_at,
            done_by_name=names.get(a.done_by_id, ""),
            can_change=can(actor, Action.GESPREK_VASTLEGGEN, _conversation_target(conversation)),
        ))
    return result


def family_view(actor: Actor, db: Session, family_id: int, today: date | None = None) -> FamilyView:
    """A family: children, guardians, the conversations the actor may read (GESPREK_LEZEN on the
    conversation's location), newest first, and their agreements. Needs GESPREK_LEZEN on a location
    of one of the family's children. Audited 'gezin.gelezen'."""
    today = today or local_today()
    family = _load_family(actor, db, family_id, Action.GESPREK_LEZEN)
    children = _family_children(db, family)
    child_by_id = {c.id: c for c in children}
    guardians = db.exec(select(Guardian).where(Guardian.family_id == family.id).order_by(Guardian.id)).all()
    guardian_by_id = {g.id: g for g in guardians}
    all_conversations = db.exec(select(ParentConversation).where(ParentConversation.family_id == family.id)
                                .order_by(ParentConversation.held_at.desc(), ParentConversation.id.desc())).all()
    readable = [c for c in all_conversations if can(actor, Action.GESPREK_LEZEN, _conversation_target(c))]
    ids = [c.id for c in readable] or [-1]
    links_children = db.exec(select(ConversationChild).where(ConversationChild.conversation_id.in_(ids))).all()
    links_guardians = db.exec(select(ConversationGuardian).where(ConversationGuardian.conversation_id.in_(ids))).all()
    kids_of: dict[int, list[int]] = {}
    for link in links_children:
        kids_of.setdefault(link.conversation_id, []).append(link.child_id)
    parents_of: dict[int, list[int]] = {}
    for link in links_guardians:
        parents_of.setdefault(link.conversation_id, []).append(link.guardian_id)
    names = _names(db, {c.author_id for c in readable})
    location_names = dict(db.exec(select(Location.id, Location.name).where(
        Location.id.in_({c.location_id for c in readable} or {-1}))).all())
    agreements = _agreement_views(actor, db, readable, today)
    views = []
    for c in readable:
        child_ids = sorted(kids_of.get(c.id, []), key=lambda i: (
            child_by_id[i].date_of_birth if i in child_by_id else date.max, i))
        author = names.get(c.author_id, "")
        views.append(ConversationView(
            id=c.id, held_at=c.held_at, kind=c.kind, kind_label=texts.CONVERSATION_KIND_LABELS.get(c.kind, c.kind),
            location_id=c.location_id, location_name=location_names.get(c.location_id, ""),
            author_id=c.author_id, author_name=author, place=c.place,
            topics=[t.strip() for t in c.topics.split(",") if t.strip()], facts=c.facts,
            interpretation=c.interpretation,
            interpretation_label=texts.SIGNAAL_INTERPRETATIE_VAN.format(naam=author) if c.interpretation else "",
            discussed_with_parent=c.discussed_with_parent, not_discussed_reason=c.not_discussed_reason,
            child_ids=child_ids, child_names=[child_by_id[i].full_name for i in child_ids if i in child_by_id],
            guardian_names=[guardian_by_id[i].name for i in sorted(parents_of.get(c.id, [])) if i in guardian_by_id],
            track_id=c.track_id, agreements=agreements.get(c.id, []),
        ))
    all_agreements = [a for v in views for a in v.agreements]
    all_agreements.sort(key=lambda a: (a.status != "open", not a.overdue, a.due_date, a.id))
    result = FamilyView(
        id=family.id, name=family.name,
        children=[FamilyChild(c.id, c.full_name, age_on(c.date_of_birth, today),
                              can(actor, Action.KIND_LEZEN, child_target(db, c))) for c in children],
        guardians=[FamilyGuardian(g.id, g.name, g.relation, g.phone) for g in guardians],
        conversations=views, agreements=all_agreements,
        hidden_conversations=len(all_conversations) - len(readable),
        can_record=can(actor, Action.GESPREK_VASTLEGGEN, _family_target(db, family)),
    )
    audit.record(db, actor, "gezin.gelezen", object_type="gezin", object_id=family.id,
                 detail=f"gesprekken={len(views)};afspraken={len(all_agreements)}")
    db.commit()
    return result


def my_agreements(actor: Actor, db: Session, today: date | None = None) -> list[AgreementRow]:
    """Open agreements for the actor to follow up: those the actor owns (owner_staff_id), plus
    those owned by a parent or a partner from conversations at the actor's locations (readable
    there). Overdue first, then by due date. Audited 'afspraak.lijst' when not empty."""
    today = today or local_today()
    own = db.exec(select(Agreement, ParentConversation)
                  .join(ParentConversation, ParentConversation.id == Agreement.conversation_id)
                  .where(Agreement.status == "open", Agreement.owner_staff_id == actor.id,
                         ParentConversation.organisation_id == actor.organisation_id)).all()
    others = db.exec(select(Agreement, ParentConversation)
                     .join(ParentConversation, ParentConversation.id == Agreement.conversation_id)
                     .where(Agreement.status == "open", Agreement.owner_kind.in_(("ouder", "partner")),
                            ParentConversation.location_id.in_(actor.location_ids or {-1}),
                            ParentConversation.organisation_id == actor.organisation_id)).all()
    others = [(a, c) for a, c in others if can(actor, Action.GESPREK_LEZEN, _conversation_target(c))]
    pairs = {a.id: (a, c) for a, c in [*own, *others]}
    conversation_ids = {c.id for _, c in pairs.values()} or {-1}
    family_ids = {c.family_id for _, c in pairs.values()} or {-1}
    families = dict(db.exec(select(Family.id, Family.name).where(Family.id.in_(family_ids))).all())
    kid_rows = db.exec(select(ConversationChild.conversation_id, Child)
                       .join(Child, Child.id == ConversationChild.child_id)
                       .where(ConversationChild.conversation_id.in_(conversation_ids))
                       .order_by(Child.date_of_birth, Child.id)).all()
    kids: dict[int, list[str]] = {}
    for conversation_id, child in kid_rows:
        kids.setdefault(conversation_id, []).append(child.full_name)
    rows = [
        AgreementRow(
            id=a.id, conversation_id=c.id, description=a.description, owner_kind=a.owner_kind,
            owner_label=_owner_label(actor, a.owner_kind, a.owner_name, a.owner_staff_id), due_date=a.due_date,
            overdue=a.due_date < today, family_id=c.family_id, family_name=families.get(c.family_id, ""),
            child_names=", ".join(kids.get(c.id, [])), location_id=c.location_id,
        )
        for a, c in pairs.values()
    ]
    rows.sort(key=lambda r: (not r.overdue, r.due_date, r.id))
    if rows:
        audit.record(db, actor, "afspraak.lijst", object_type="overzicht", detail=f"aantal={len(rows)}")
        db.commit()
    return rows


def due_agreements_today(actor: Actor, db: Session, today: date | None = None) -> list[AgreementRow]:
    """The agreements of `my_agreements` that are due today or overdue (for the Vandaag page)."""
    today = today or local_today()
    return [r for r in my_agreements(actor, db, today) if r.due_date <= today]


def set_agreement_status(actor: Actor, db: Session, agreement_id: int, status: str) -> None:
    """Set an agreement to gedaan (done_at/done_by recorded), vervallen or back to open. Needs
    GESPREK_VASTLEGGEN on the conversation's location. Audited 'afspraak.status'."""
    agreement = db.get(Agreement, int(agreement_id)) if str(agreement_id or "").strip().isdigit() else None
    conversation = db.get(ParentConversation, agreement.conversation_id) if agreement else None
    if agreement is None or conversation is None:
        audit.record_denied(db, actor, str(Action.GESPREK_VASTLEGGEN), object_type="afspraak", object_id=agreement_id)
        raise NotFound(texts.NIET_GEVONDEN)
    authorize(actor, db, Action.GESPREK_VASTLEGGEN, _conversation_target(conversation, "afspraak", agreement.id))
    status = str(status or "").strip()
    if status not in AGREEMENT_STATUSES:
        raise InvalidInput(texts.FOUT_AFSPRAAK_STATUS, {"status": texts.FOUT_AFSPRAAK_STATUS})
    if agreement.status == status:
        return  # a double tap changes nothing
    agreement.status = status
    if status == "gedaan":
        agreement.done_at, agreement.done_by_id = utcnow(), actor.id
    else:
        agreement.done_at, agreement.done_by_id = None, None
    db.add(agreement)
    audit.record(db, actor, "afspraak.status", object_type="afspraak", object_id=agreement.id,
                 location_id=conversation.location_id, detail=f"gesprek={conversation.id};status={status}")
    db.commit()


# ---- the child's timeline ------------------------------------------------------------------

def timeline_items(actor: Actor, db: Session, child: Child) -> list[TimelineItem]:
    """Conversations about this child that the actor may read (GESPREK_LEZEN on the conversation's
    location), as TimelineItems. Used by timeline.child_timeline (which audits the read)."""
    conversations = db.exec(select(ParentConversation)
                            .join(ConversationChild, ConversationChild.conversation_id == ParentConversation.id)
                            .where(ConversationChild.child_id == child.id)).all()
    readable = [c for c in conversations if can(actor, Action.GESPREK_LEZEN, _conversation_target(c))]
    names = _names(db, {c.author_id for c in readable})
    items = []
    for c in readable:
        body = c.facts
        if c.interpretation:
            body += f"\n{texts.SIGNAAL_INTERPRETATIE_VAN.format(naam=names.get(c.author_id, ''))}: {c.interpretation}"
        if not c.discussed_with_parent and c.not_discussed_reason:
            body += "\n" + texts.GESPREK_NIET_BESPROKEN.format(reden=c.not_discussed_reason)
        items.append(TimelineItem(
            at=c.held_at, kind="gesprek",
            title=texts.GESPREK_TIJDLIJN_TITEL.format(soort=texts.CONVERSATION_KIND_LABELS.get(c.kind, c.kind)),
            body=body, link=f"/gezin/{c.family_id}"))
    return items
