"""What the plan form offers at one location: the colleagues who can run an activity there and the
organisation's schools and ketenpartners (a school partner of a brede school). planning.py checks
the chosen ids again on save; this only fills the lists."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session, select

from ...models import Partner, StaffLocation, StaffUser
from ...models.staff import NON_FIELD_ROLES
from ..toegang.actor import Actor
from ..toegang.permissions import Action
from . import catalog
from .access import authorized_location


@dataclass(frozen=True)
class PlanChoices:
    location_id: int
    colleagues: list[tuple[int, str]]  # (staff id, name): active staff of the location, no beheerder/privacy
    partners: list[tuple[int, str]]  # (partner id, name): schools first, then the others by name
    catalogue: dict = field(default_factory=catalog.as_dict)


def plan_choices(actor: Actor, db: Session, location_id: int) -> PlanChoices:
    """The lists of the plan form for this location. ACTIVITEIT_PLANNEN there (a refusal is
    audited by the permission check). Names of colleagues and partners only: nothing about a child."""
    location = authorized_location(actor, db, location_id, Action.ACTIVITEIT_PLANNEN)
    colleagues = db.exec(
        select(StaffUser.id, StaffUser.name).join(StaffLocation, StaffLocation.staff_id == StaffUser.id)
        .where(StaffLocation.location_id == location.id, StaffUser.active.is_(True),
               StaffUser.role.not_in(NON_FIELD_ROLES), StaffUser.organisation_id == location.organisation_id)
        .order_by(StaffUser.name, StaffUser.id)).all()
    partners = db.exec(select(Partner.id, Partner.name, Partner.kind)
                       .where(Partner.organisation_id == location.organisation_id)).all()
    ordered = sorted(partners, key=lambda p: (p[2] != "school", p[1].casefold(), p[0]))
    return PlanChoices(location.id, [(i, n) for i, n in colleagues], [(i, n) for i, n, _ in ordered])
