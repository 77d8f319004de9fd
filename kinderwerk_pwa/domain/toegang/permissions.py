"""The one permission matrix: role x action -> scope, and the check `authorize(actor, db, action, target)`.

Scopes
- GEEN: never.
- EIGEN_LOCATIE: the object belongs to (one of) the actor's locations.
- AUTEUR: the actor wrote the object (and it belongs to the actor's organisation).
- AUTEUR_OF_EIGEN_LOCATIE: either of the two above.
- ORGANISATIE: anything in the actor's own organisation.

The README ("Rechten") shows this table; `tests/unit/test_permission_matrix.py` walks all of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from sqlmodel import Session

from ... import texts
from ..common.errors import PermissionDenied
from . import audit
from .actor import Actor


class Scope(StrEnum):
    GEEN = "geen"
    EIGEN_LOCATIE = "eigen locatie"
    AUTEUR = "auteur"
    AUTEUR_OF_EIGEN_LOCATIE = "auteur of eigen locatie"
    ORGANISATIE = "organisatie"


class Action(StrEnum):
    KIND_LEZEN = "kind.lezen"
    KIND_WIJZIGEN = "kind.wijzigen"
    AANWEZIGHEID_REGISTREREN = "aanwezigheid.registreren"
    AANMELDING_BEHEREN = "aanmelding.beheren"
    LEERDOEL_BIJWERKEN = "leerdoel.bijwerken"
    SIGNAAL_VASTLEGGEN = "signaal.vastleggen"
    SIGNAAL_INHOUD_LEZEN = "signaal.inhoud_lezen"
    SIGNAAL_BESTAAN_ZIEN = "signaal.bestaan_zien"
    SIGNAAL_CORRIGEREN = "signaal.corrigeren"
    MELDCODE_STAP = "meldcode.stap"
    GESPREK_LEZEN = "gesprek.lezen"
    GESPREK_VASTLEGGEN = "gesprek.vastleggen"
    DOORVERWIJZING_VASTLEGGEN = "doorverwijzing.vastleggen"
    PARTNER_LEZEN = "partner.lezen"
    PARTNER_BEHEREN = "partner.beheren"
    OVERZICHT_TEAM = "overzicht.team"
    RAPPORTAGE_EXPORTEREN = "rapportage.exporteren"
    MEDEWERKER_BEHEREN = "medewerker.beheren"
    LOCATIE_BEHEREN = "locatie.beheren"
    AUDIT_LEZEN = "audit.lezen"
    ACTIVITEIT_PLANNEN = "activiteit.plannen"
    ACTIVITEIT_REGISTREREN = "activiteit.registreren"
    ACTIVITEIT_LEZEN = "activiteit.lezen"
    INZAGE_MAKEN = "inzage.maken"
    TOESTEMMING_VASTLEGGEN = "toestemming.vastleggen"
    BEWAARTERMIJN_UITVOEREN = "bewaartermijn.uitvoeren"
    VERZOEK_BEHANDELEN = "verzoek.behandelen"


G, L, A, AL, O = Scope.GEEN, Scope.EIGEN_LOCATIE, Scope.AUTEUR, Scope.AUTEUR_OF_EIGEN_LOCATIE, Scope.ORGANISATIE  # noqa: E741
ROLE_ORDER = ("kinderwerker", "aandachtsfunctionaris", "teamleider", "beheerder", "privacy")

# Columns: kinderwerker, aandachtsfunctionaris, teamleider, beheerder, privacy.
# The beheerder manages accounts and locations and sees no child's data (need-to-know).
# The privacy officer (privacyfunctionaris / FG) does no field work: she answers access requests
# and reads the access log, for the whole organisation, and nothing else.
_TABLE: dict[Action, tuple[Scope, Scope, Scope, Scope, Scope]] = {
    Action.KIND_LEZEN: (L, L, L, G, G),
    Action.KIND_WIJZIGEN: (L, L, L, G, G),
    Action.AANWEZIGHEID_REGISTREREN: (L, L, L, G, G),
    Action.AANMELDING_BEHEREN: (L, L, L, G, G),
    Action.LEERDOEL_BIJWERKEN: (L, L, L, G, G),
    Action.SIGNAAL_VASTLEGGEN: (L, L, L, G, G),
    # A signal's content: its author, and the aandachtsfunctionaris and teamleider of the location.
    Action.SIGNAAL_INHOUD_LEZEN: (A, AL, AL, G, G),
    # Colleagues at the location see only that an open track exists and whom to ask.
    Action.SIGNAAL_BESTAAN_ZIEN: (L, L, L, G, G),
    Action.SIGNAAL_CORRIGEREN: (A, AL, AL, G, G),
    Action.MELDCODE_STAP: (A, L, L, G, G),
    Action.GESPREK_LEZEN: (L, L, L, G, G),
    Action.GESPREK_VASTLEGGEN: (L, L, L, G, G),
    Action.DOORVERWIJZING_VASTLEGGEN: (L, L, L, G, G),
    Action.PARTNER_LEZEN: (O, O, O, O, G),
    Action.PARTNER_BEHEREN: (G, G, O, O, G),
    Action.OVERZICHT_TEAM: (G, L, L, G, G),
    Action.RAPPORTAGE_EXPORTEREN: (G, G, L, G, G),
    Action.MEDEWERKER_BEHEREN: (G, G, G, O, G),
    Action.LOCATIE_BEHEREN: (G, G, G, O, G),
    # The access log names the children that were read: child data, so the privacy officer's only.
    Action.AUDIT_LEZEN: (G, G, G, G, O),
    # Activities of the open work: planned by the teamleider for her locations, or by a worker for
    # her own; registered in the field (children by name: the same need-to-know as kind.lezen).
    Action.ACTIVITEIT_PLANNEN: (L, L, L, G, G),
    Action.ACTIVITEIT_REGISTREREN: (L, L, L, G, G),
    Action.ACTIVITEIT_LEZEN: (L, L, L, G, G),
    # An access request (AVG art. 15): one export of everything held about a child and its family.
    Action.INZAGE_MAKEN: (G, G, G, G, O),
    # A parent's consent (and its withdrawal) is recorded by whoever works with the child.
    Action.TOESTEMMING_VASTLEGGEN: (L, L, L, G, G),
    # Removing or anonymising what is past its bewaartermijn, and deciding on requests for
    # rectification and erasure (AVG art. 16, 17): the privacy officer, for the whole organisation.
    Action.BEWAARTERMIJN_UITVOEREN: (G, G, G, G, O),
    Action.VERZOEK_BEHANDELEN: (G, G, G, G, O),
}

MATRIX: dict[Action, dict[str, Scope]] = {
    action: dict(zip(ROLE_ORDER, scopes, strict=True)) for action, scopes in _TABLE.items()
}


@dataclass(frozen=True)
class Target:
    """What a permission is decided on: the object's organisation, locations and author."""

    organisation_id: int
    location_ids: frozenset[int] = field(default_factory=frozenset)
    author_id: int | None = None
    object_type: str = ""
    object_id: object = ""
    child_id: int | None = None


def scope_for(role: str, action: Action) -> Scope:
    return MATRIX[action].get(role, Scope.GEEN)


def can(actor: Actor, action: Action, target: Target) -> bool:
    if actor.organisation_id != target.organisation_id:
        return False
    scope = scope_for(actor.role, action)
    own_location = actor.at(target.location_ids)
    is_author = target.author_id is not None and target.author_id == actor.id
    return {
        Scope.GEEN: False,
        Scope.EIGEN_LOCATIE: own_location,
        Scope.AUTEUR: is_author,
        Scope.AUTEUR_OF_EIGEN_LOCATIE: is_author or own_location,
        Scope.ORGANISATIE: True,
    }[scope]


def authorize(actor: Actor | None, db: Session, action: Action, target: Target) -> None:
    """Raise PermissionDenied (after auditing the refusal) unless the actor may do this."""
    if actor is not None and can(actor, action, target):
        return
    location_id = next(iter(sorted(target.location_ids)), None)
    audit.record_denied(
        db,
        actor,
        str(action),
        object_type=target.object_type,
        object_id=target.object_id,
        child_id=target.child_id,
        location_id=location_id,
    )
    raise PermissionDenied(texts.GEEN_TOEGANG)
