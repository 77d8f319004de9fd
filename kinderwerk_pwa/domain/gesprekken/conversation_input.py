"""Validating a conversation payload (form or offline queue) into a clean, typed value: field
limits, topics, the held-at time, the linked children, guardians and agreements, and the derived
client_uuids of its meldcode step and agreements.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlmodel import Session

from ... import texts
from ...models import StaffUser, utcnow
from ...models.conversations import AGREEMENT_OWNERS, CONVERSATION_KINDS
from ..common.cleaning import clean_text, client_uuid_of, parse_day
from ..common.clock import to_local
from ..common.errors import InvalidInput
from ..toegang.actor import Actor
from ..toegang.permissions import Action, Scope, scope_for

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
_TRUE = {"1", "true", "ja", "on", "yes"}
_FALSE = {"0", "false", "nee", "off", "no"}


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
