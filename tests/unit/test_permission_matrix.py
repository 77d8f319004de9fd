"""Every role x every domain action x own/other location (and author), against an expected table
written out here by hand, independent of the matrix in domain/permissions.py."""

from __future__ import annotations

import pytest

from kinderwerk_pwa.domain.toegang.actor import Actor
from kinderwerk_pwa.domain.toegang.permissions import MATRIX, Action, Target, can

ROLES = ["kinderwerker", "aandachtsfunctionaris", "teamleider", "beheerder", "privacy"]
OWN, OTHER = 1, 2
ORG, OTHER_ORG = 10, 20
ME = 100

# Situations: E = object at one of my locations (someone else wrote it); A = object at another
# location (someone else wrote it); AU = I wrote it, but it belongs to another location;
# X = another organisation, at "my" location id and written by me.
# Per action and role: the situations in which it is allowed.
ALL = {"E", "A", "AU"}
OWN_LOC = {"E"}
AUTHOR = {"AU"}
AUTHOR_OR_OWN = {"E", "AU"}
NONE: set[str] = set()

EXPECTED = {
    # action: (kinderwerker, aandachtsfunctionaris, teamleider, beheerder, privacy)
    Action.KIND_LEZEN: (OWN_LOC, OWN_LOC, OWN_LOC, NONE, NONE),
    Action.KIND_WIJZIGEN: (OWN_LOC, OWN_LOC, OWN_LOC, NONE, NONE),
    Action.AANWEZIGHEID_REGISTREREN: (OWN_LOC, OWN_LOC, OWN_LOC, NONE, NONE),
    Action.AANMELDING_BEHEREN: (OWN_LOC, OWN_LOC, OWN_LOC, NONE, NONE),
    Action.LEERDOEL_BIJWERKEN: (OWN_LOC, OWN_LOC, OWN_LOC, NONE, NONE),
    Action.SIGNAAL_VASTLEGGEN: (OWN_LOC, OWN_LOC, OWN_LOC, NONE, NONE),
    Action.SIGNAAL_INHOUD_LEZEN: (AUTHOR, AUTHOR_OR_OWN, AUTHOR_OR_OWN, NONE, NONE),
    Action.SIGNAAL_BESTAAN_ZIEN: (OWN_LOC, OWN_LOC, OWN_LOC, NONE, NONE),
    Action.SIGNAAL_CORRIGEREN: (AUTHOR, AUTHOR_OR_OWN, AUTHOR_OR_OWN, NONE, NONE),
    Action.MELDCODE_STAP: (AUTHOR, OWN_LOC, OWN_LOC, NONE, NONE),
    Action.GESPREK_LEZEN: (OWN_LOC, OWN_LOC, OWN_LOC, NONE, NONE),
    Action.GESPREK_VASTLEGGEN: (OWN_LOC, OWN_LOC, OWN_LOC, NONE, NONE),
    Action.DOORVERWIJZING_VASTLEGGEN: (OWN_LOC, OWN_LOC, OWN_LOC, NONE, NONE),
    Action.PARTNER_LEZEN: (ALL, ALL, ALL, ALL, NONE),
    Action.PARTNER_BEHEREN: (NONE, NONE, ALL, ALL, NONE),
    Action.OVERZICHT_TEAM: (NONE, OWN_LOC, OWN_LOC, NONE, NONE),
    Action.RAPPORTAGE_EXPORTEREN: (NONE, NONE, OWN_LOC, NONE, NONE),
    Action.MEDEWERKER_BEHEREN: (NONE, NONE, NONE, ALL, NONE),
    Action.LOCATIE_BEHEREN: (NONE, NONE, NONE, ALL, NONE),
    Action.AUDIT_LEZEN: (NONE, NONE, NONE, NONE, ALL),
    Action.ACTIVITEIT_PLANNEN: (OWN_LOC, OWN_LOC, OWN_LOC, NONE, NONE),
    Action.ACTIVITEIT_REGISTREREN: (OWN_LOC, OWN_LOC, OWN_LOC, NONE, NONE),
    Action.ACTIVITEIT_LEZEN: (OWN_LOC, OWN_LOC, OWN_LOC, NONE, NONE),
    Action.INZAGE_MAKEN: (NONE, NONE, NONE, NONE, ALL),
    Action.TOESTEMMING_VASTLEGGEN: (OWN_LOC, OWN_LOC, OWN_LOC, NONE, NONE),
    Action.BEWAARTERMIJN_UITVOEREN: (NONE, NONE, NONE, NONE, ALL),
    Action.VERZOEK_BEHANDELEN: (NONE, NONE, NONE, NONE, ALL),
}


def _target(situation: str) -> Target:
    return {
        "E": Target(ORG, frozenset({OWN}), author_id=999),
        "A": Target(ORG, frozenset({OTHER}), author_id=999),
        "AU": Target(ORG, frozenset({OTHER}), author_id=ME),
        "X": Target(OTHER_ORG, frozenset({OWN}), author_id=ME),
    }[situation]


def test_every_action_is_in_the_expected_table():
    assert set(EXPECTED) == set(Action) == set(MATRIX)


@pytest.mark.parametrize("action", list(Action))
@pytest.mark.parametrize("role_index", range(len(ROLES)))
@pytest.mark.parametrize("situation", ["E", "A", "AU", "X"])
def test_matrix(action, role_index, situation):
    actor = Actor(id=ME, name="Ik", role=ROLES[role_index], organisation_id=ORG, location_ids=frozenset({OWN}))
    expected = situation in EXPECTED[action][role_index]  # never allowed across organisations ("X")
    assert can(actor, action, _target(situation)) is expected


def test_unknown_role_may_nothing():
    actor = Actor(id=ME, name="Ik", role="stagiair", organisation_id=ORG, location_ids=frozenset({OWN}))
    assert not any(can(actor, action, _target(s)) for action in Action for s in ("E", "A", "AU"))
