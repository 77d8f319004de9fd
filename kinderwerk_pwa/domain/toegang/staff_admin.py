"""Beheer: staff accounts and locations. Only the beheerder (matrix: medewerker.beheren,
locatie.beheren); every change is audited, and disabling an account ends its sessions at once."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, select

from ... import texts
from ...models import Location, StaffLocation, StaffUser
from ...models.organisation import LOCATION_KINDS
from ...models.staff import ROLES
from ..common.errors import InvalidInput, NotFound
from . import audit
from .actor import Actor
from .password_policy import password_problem
from .passwords import hash_password
from .permissions import Action, Target, authorize
from .staff_sessions import end_all_sessions

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class StaffRow:
    id: int
    name: str
    email: str
    role: str
    location_ids: tuple[int, ...]
    active: bool
    totp_enabled: bool
    login: str  # lokaal / organisatie / beide


def _org_target(actor: Actor, action: Action, object_id: object = "") -> Target:
    return Target(actor.organisation_id, object_type="account" if action is Action.MEDEWERKER_BEHEREN
                  else "locatie", object_id=object_id)


def list_staff(actor: Actor, db: Session) -> list[StaffRow]:
    authorize(actor, db, Action.MEDEWERKER_BEHEREN, _org_target(actor, Action.MEDEWERKER_BEHEREN))
    users = db.exec(select(StaffUser).where(StaffUser.organisation_id == actor.organisation_id)
                    .order_by(StaffUser.name)).all()
    links = db.exec(select(StaffLocation)).all()
    by_user: dict[int, list[int]] = {}
    for link in links:
        by_user.setdefault(link.staff_id, []).append(link.location_id)
    rows = []
    for u in users:
        kinds = [k for k, v in (("lokaal", u.password_hash), ("organisatie", u.oidc_subject)) if v]
        rows.append(StaffRow(u.id, u.name, u.email, u.role, tuple(sorted(by_user.get(u.id, []))),
                             u.active, u.totp_enabled, " + ".join(kinds) or "-"))
    return rows


def _valid_locations(actor: Actor, db: Session, location_ids) -> list[int]:
    ids = sorted({int(i) for i in location_ids})
    if not ids:
        return []
    found = db.exec(select(Location.id).where(Location.id.in_(ids),
                                              Location.organisation_id == actor.organisation_id)).all()
    if len(found) != len(ids):
        raise InvalidInput(texts.FOUT_LOCATIE_ONGELDIG, {"locations": texts.FOUT_LOCATIE_ONGELDIG})
    return ids


def _check_account_fields(db: Session, actor: Actor, data: dict, *, existing: StaffUser | None) -> dict:
    errors: dict[str, str] = {}
    name = str(data.get("name", "")).strip()[:200]
    email = str(data.get("email", "")).strip().lower()[:200]
    role = str(data.get("role", ""))
    subject = str(data.get("oidc_subject", "") or "").strip()[:300]
    password = str(data.get("password", "") or "")
    if not name:
        errors["name"] = texts.FOUT_VERPLICHT.format(veld="de naam")
    if not _EMAIL.match(email):
        errors["email"] = texts.FOUT_EMAIL_ONGELDIG
    elif db.exec(select(StaffUser).where(func.lower(StaffUser.email) == email,
                                         StaffUser.id != (existing.id if existing else -1))).first():
        errors["email"] = texts.FOUT_EMAIL_BESTAAT
    if role not in ROLES:
        errors["role"] = texts.FOUT_ROL_ONGELDIG
    if password and (problem := password_problem(password, email=email, name=name)):
        errors["password"] = problem
    if existing is None and not password and not subject:
        errors["password"] = texts.FOUT_INLOGMANIER
    issuer = str(data.get("oidc_issuer", "") or "")
    if subject and db.exec(select(StaffUser).where(StaffUser.oidc_issuer == issuer,
                                                   StaffUser.oidc_subject == subject,
                                                   StaffUser.id != (existing.id if existing else -1))).first():
        errors["oidc_subject"] = texts.FOUT_OIDC_BESTAAT
    if errors:
        raise InvalidInput(next(iter(errors.values())), errors)
    return {"name": name, "email": email, "role": role, "subject": subject, "issuer": issuer,
            "password": password}


def create_staff(actor: Actor, db: Session, data: dict) -> int:
    """data: name, email, role, location_ids, and password and/or oidc_subject (+ oidc_issuer)."""
    authorize(actor, db, Action.MEDEWERKER_BEHEREN, _org_target(actor, Action.MEDEWERKER_BEHEREN))
    clean = _check_account_fields(db, actor, data, existing=None)
    location_ids = _valid_locations(actor, db, data.get("location_ids", []))
    user = StaffUser(
        organisation_id=actor.organisation_id, name=clean["name"], email=clean["email"], role=clean["role"],
        password_hash=hash_password(clean["password"]) if clean["password"] else None,
        oidc_issuer=clean["issuer"] if clean["subject"] else None,
        oidc_subject=clean["subject"] or None,
    )
    db.add(user)
    db.flush()
    for location_id in location_ids:
        db.add(StaffLocation(staff_id=user.id, location_id=location_id))
    audit.record(db, actor, "account.aangemaakt", object_type="account", object_id=user.id,
                 detail=f"rol={user.role};locaties={','.join(map(str, location_ids))}")
    db.commit()
    return user.id


def update_staff(actor: Actor, db: Session, staff_id: int, data: dict) -> None:
    authorize(actor, db, Action.MEDEWERKER_BEHEREN, _org_target(actor, Action.MEDEWERKER_BEHEREN, staff_id))
    user = db.get(StaffUser, staff_id)
    if user is None or user.organisation_id != actor.organisation_id:
        raise NotFound(texts.NIET_GEVONDEN)
    clean = _check_account_fields(db, actor, {**data, "email": data.get("email", user.email)}, existing=user)
    location_ids = _valid_locations(actor, db, data.get("location_ids", []))
    role_changed = user.role != clean["role"]
    user.name, user.email, user.role = clean["name"], clean["email"], clean["role"]
    if clean["password"]:
        user.password_hash = hash_password(clean["password"])
    if clean["subject"]:
        user.oidc_issuer, user.oidc_subject = clean["issuer"], clean["subject"]
    db.add(user)
    for link in db.exec(select(StaffLocation).where(StaffLocation.staff_id == user.id)).all():
        db.delete(link)
    db.flush()
    for location_id in location_ids:
        db.add(StaffLocation(staff_id=user.id, location_id=location_id))
    if role_changed or clean["password"]:
        # New rights or a new password: whoever is logged in must log in again.
        end_all_sessions(db, user.id)
    audit.record(db, actor, "account.gewijzigd", object_type="account", object_id=user.id,
                 detail=f"rol={user.role};locaties={','.join(map(str, location_ids))}")
    db.commit()


def set_staff_active(actor: Actor, db: Session, staff_id: int, active: bool) -> None:
    authorize(actor, db, Action.MEDEWERKER_BEHEREN, _org_target(actor, Action.MEDEWERKER_BEHEREN, staff_id))
    user = db.get(StaffUser, staff_id)
    if user is None or user.organisation_id != actor.organisation_id:
        raise NotFound(texts.NIET_GEVONDEN)
    if user.id == actor.id and not active:
        raise InvalidInput(texts.FOUT_ZELF_UITSCHAKELEN)
    user.active = active
    db.add(user)
    ended = 0 if active else end_all_sessions(db, user.id)
    audit.record(db, actor, "account.ingeschakeld" if active else "account.uitgeschakeld",
                 object_type="account", object_id=user.id, detail=f"sessies_beeindigd={ended}")
    db.commit()


@dataclass(frozen=True)
class LocationRow:
    id: int
    name: str
    kind: str
    neighbourhood: str
    address: str
    capacity: int | None
    active: bool


def list_locations(actor: Actor, db: Session) -> list[LocationRow]:
    authorize(actor, db, Action.LOCATIE_BEHEREN, _org_target(actor, Action.LOCATIE_BEHEREN))
    rows = db.exec(select(Location).where(Location.organisation_id == actor.organisation_id)
                   .order_by(Location.name)).all()
    return [LocationRow(r.id, r.name, r.kind, r.neighbourhood, r.address, r.capacity, r.active) for r in rows]


def _check_location(data: dict) -> dict:
    errors: dict[str, str] = {}
    name = str(data.get("name", "")).strip()[:200]
    kind = str(data.get("kind", ""))
    neighbourhood = str(data.get("neighbourhood", "")).strip()[:100]
    capacity_raw = str(data.get("capacity", "") or "").strip()
    capacity = None
    if not name:
        errors["name"] = texts.FOUT_VERPLICHT.format(veld="de naam")
    if kind not in LOCATION_KINDS:
        errors["kind"] = texts.FOUT_SOORT_ONGELDIG
    if not neighbourhood:
        errors["neighbourhood"] = texts.FOUT_VERPLICHT.format(veld="de wijk")
    if capacity_raw:
        if not capacity_raw.isdigit() or int(capacity_raw) <= 0:
            errors["capacity"] = texts.FOUT_CAPACITEIT
        else:
            capacity = int(capacity_raw)
    if errors:
        raise InvalidInput(next(iter(errors.values())), errors)
    return {"name": name, "kind": kind, "neighbourhood": neighbourhood,
            "address": str(data.get("address", "")).strip()[:200], "capacity": capacity}


def create_location(actor: Actor, db: Session, data: dict) -> int:
    authorize(actor, db, Action.LOCATIE_BEHEREN, _org_target(actor, Action.LOCATIE_BEHEREN))
    location = Location(organisation_id=actor.organisation_id, **_check_location(data))
    db.add(location)
    db.flush()
    audit.record(db, actor, "locatie.aangemaakt", object_type="locatie", object_id=location.id,
                 location_id=location.id)
    db.commit()
    return location.id


def update_location(actor: Actor, db: Session, location_id: int, data: dict) -> None:
    authorize(actor, db, Action.LOCATIE_BEHEREN, _org_target(actor, Action.LOCATIE_BEHEREN, location_id))
    location = db.get(Location, location_id)
    if location is None or location.organisation_id != actor.organisation_id:
        raise NotFound(texts.NIET_GEVONDEN)
    for key, value in _check_location(data).items():
        setattr(location, key, value)
    location.active = bool(data.get("active", location.active))
    db.add(location)
    audit.record(db, actor, "locatie.gewijzigd", object_type="locatie", object_id=location.id,
                 location_id=location.id)
    db.commit()
