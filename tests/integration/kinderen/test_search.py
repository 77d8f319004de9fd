"""Finding children, families and guardians as they are typed (issue 15), on SQLite and PostgreSQL:
case-, accent- and punctuation-insensitive, on first name, last name with or without tussenvoegsel,
and parts of both, in the database through the stored `search_key` (domain/common/search.py),
kept up to date when a name changes and cleared by the retention."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa
from sqlmodel import Session, select

from kinderwerk_pwa.domain.bewaren.erase import anonymise_child
from kinderwerk_pwa.domain.common.search import matches, matches_text, normalise, search_key
from kinderwerk_pwa.domain.gesprekken.families import find_families
from kinderwerk_pwa.domain.huiskamer.attendance import extra_candidates
from kinderwerk_pwa.domain.kinderen.children import list_children
from kinderwerk_pwa.domain.privacy.child_search import find_children as privacy_find
from kinderwerk_pwa.domain.signalering.signals import capture_choices
from kinderwerk_pwa.domain.toegang.actor import load_actor
from kinderwerk_pwa.models import Child, ChildLocation, Family, Guardian, StaffUser, utcnow
from tests.world import actor, build_world

TODAY = date(2026, 11, 27)

# (first name, last name) of the children made at location A; Sem Jansen of the world is there too.
NAMES = [
    ("Zoë", "de Vries"), ("Maja", "Zielińska"), ("Eylül", "Kaya"), ("Çağla", "Yılmaz"),
    ("Finn", "O'Neill"), ("Noah-Jayden", "van der Berg"), ("Noah", "Bakker"), ("Lotte", "van 't Hof"),
]

# What is typed -> the names it must find (and only those of NAMES + Sem Jansen).
EXAMPLES = [
    ("zoe", {"Zoë de Vries"}),
    ("ZOË", {"Zoë de Vries"}),
    ("zielinska", {"Maja Zielińska"}),
    ("eylul", {"Eylül Kaya"}),
    ("cagla", {"Çağla Yılmaz"}),
    ("yilmaz", {"Çağla Yılmaz"}),
    ("oneill", {"Finn O'Neill"}),
    ("o'neill", {"Finn O'Neill"}),
    ("O’Neill", {"Finn O'Neill"}),
    ("noah jayden", {"Noah-Jayden van der Berg"}),
    ("noahjayden", {"Noah-Jayden van der Berg"}),
    ("noah-jayden", {"Noah-Jayden van der Berg"}),
    ("noah", {"Noah-Jayden van der Berg", "Noah Bakker"}),
    ("jayden", {"Noah-Jayden van der Berg"}),
    ("de vries", {"Zoë de Vries"}),
    ("vries", {"Zoë de Vries"}),
    ("devries", {"Zoë de Vries"}),
    ("van der berg", {"Noah-Jayden van der Berg"}),
    ("berg", {"Noah-Jayden van der Berg"}),
    ("noah berg", {"Noah-Jayden van der Berg"}),
    ("zoe vries", {"Zoë de Vries"}),
    ("vries zoe", {"Zoë de Vries"}),
    ("zo vri", {"Zoë de Vries"}),
    ("van t hof", {"Lotte van 't Hof"}),
    ("hof", {"Lotte van 't Hof"}),
    ("sem jansen", {"Sem Jansen"}),
    ("xyz", set()),
]


@pytest.fixture
def world(db: Session):
    w = build_world(db)
    ids = {}
    for first, last in NAMES:
        child = Child(organisation_id=w.org_id, first_name=first, last_name=last,
                      date_of_birth=date(2017, 3, 1), status="actief")
        db.add(child)
        db.flush()
        db.add(ChildLocation(child_id=child.id, location_id=w.loc_a))
        ids[f"{first} {last}"] = child.id
    db.commit()
    return db, w, ids


def _privacy_officer(db: Session, w):
    user = StaffUser(organisation_id=w.org_id, name="Test privacy", email="privacy@test.nl", role="privacy")
    db.add(user)
    db.commit()
    return load_actor(db, user.id)


def test_the_key_is_made_from_the_names():
    assert search_key("Zoë", "de Vries") == "zoe de vries"
    assert search_key("Noah-Jayden", "O'Neill") == "noahjayden oneill"
    assert search_key("Çağla", "Yılmaz") == "cagla yilmaz"
    assert search_key("Maja", "Zielińska") == "maja zielinska"
    assert search_key("Søren", "Łukasz", "Straße", "Ærø") == "soren lukasz strasse aero"
    assert search_key("  Eylül  ", "", " van  't   Hof ") == "eylul van t hof"
    assert normalise("!?-") == "" and matches(Child.search_key, " ' - ") is None
    assert matches_text("noahjayden van der berg", "noah jayden") and not matches_text("noah bakker", "jayden")


def test_every_example_in_the_kinderen_list(world):
    db, w, _ = world
    kw = actor(db, w)
    for typed, expected in EXAMPLES:
        found = {r.name for r in list_children(kw, db, w.loc_a, query=typed, today=TODAY)}
        assert found == expected, typed


def test_every_example_in_the_signal_child_picker(world):
    db, w, _ = world
    kw = actor(db, w)
    for typed, expected in EXAMPLES:
        found = {c.name for c in capture_choices(kw, db, typed, today=TODAY, limit=20)}
        assert found == expected, typed


def test_every_example_when_adding_a_child_for_an_extra_day(world):
    db, w, _ = world
    kw = actor(db, w)
    for typed, expected in EXAMPLES:
        found = {name for _, name in extra_candidates(kw, db, w.loc_a, typed, TODAY, limit=20)}
        assert found == expected, typed


def test_the_privacy_officer_finds_them_too(world):
    db, w, ids = world
    officer = _privacy_officer(db, w)
    assert [h.id for h in privacy_find(officer, db, "zielinska")] == [ids["Maja Zielińska"]]
    assert [h.id for h in privacy_find(officer, db, "noah jayden")] == [ids["Noah-Jayden van der Berg"]]
    assert privacy_find(officer, db, "''") == []


def test_families_by_family_child_or_guardian_name(world):
    db, w, ids = world
    fam = Family(organisation_id=w.org_id, name="Gezin Öztürk-O'Neill")
    db.add(fam)
    db.flush()
    db.add(Guardian(family_id=fam.id, name="Ayşe Şahin", relation="moeder"))
    finn = db.get(Child, ids["Finn O'Neill"])
    finn.family_id = fam.id
    db.add(finn)
    db.commit()
    kw = actor(db, w)

    def found(typed: str) -> list[str]:
        return [f.name for f in find_families(kw, db, typed)]

    assert found("ozturk oneill") == ["Gezin Öztürk-O'Neill"]  # the family's name
    assert found("ozturkoneill") == ["Gezin Öztürk-O'Neill"]
    assert found("finn") == ["Gezin Öztürk-O'Neill"]  # a child's name
    assert found("ayse sahin") == ["Gezin Öztürk-O'Neill"]  # a guardian's name
    assert found("petra") == ["Gezin Jansen"]  # the world's guardian
    assert found("jansen") == ["Gezin Jansen"]
    assert found("xyz") == []
    assert [(f.name, f.child_names) for f in find_families(kw, db, "")] == [
        ("Gezin Jansen", "Sem Jansen"), ("Gezin Öztürk-O'Neill", "Finn O'Neill")]
    # Need-to-know: a kinderwerker of the other location finds neither.
    assert find_families(actor(db, w, "kinderwerker_b"), db, "finn") == []


def test_guardian_keys_in_the_database(world):
    db, w, _ = world
    db.add(Guardian(family_id=w.family_a, name="Zoë-Çağla O'Neill", relation="tante"))
    db.commit()
    names = db.exec(select(Guardian.name).where(matches(Guardian.search_key, "zoe cagla oneill"))).all()
    assert names == ["Zoë-Çağla O'Neill"]
    assert db.exec(select(Guardian.name).where(matches(Guardian.search_key, "zoecagla"))).all() == names


def test_the_key_follows_a_name_change(world):
    db, w, ids = world
    kw = actor(db, w)
    child = db.get(Child, ids["Zoë de Vries"])
    child.first_name, child.last_name = "Eliška", "Dvořák"
    db.add(child)
    db.commit()
    stored = db.exec(sa.select(Child.search_key).where(Child.id == child.id)).scalar_one()
    assert stored == "eliska dvorak"
    assert [r.name for r in list_children(kw, db, w.loc_a, query="dvorak", today=TODAY)] == ["Eliška Dvořák"]
    assert list_children(kw, db, w.loc_a, query="zoe", today=TODAY) == []

    guardian = db.exec(select(Guardian).where(Guardian.family_id == w.family_a)).one()
    guardian.name = "Petra Øberg"
    family = db.get(Family, w.family_a)
    family.name = "Gezin Øberg"
    db.add_all([guardian, family])
    db.commit()
    assert db.exec(sa.select(Guardian.search_key).where(Guardian.id == guardian.id)).scalar_one() == "petra oberg"
    assert db.exec(sa.select(Family.search_key).where(Family.id == family.id)).scalar_one() == "gezin oberg"
    assert [f.name for f in find_families(kw, db, "oberg")] == ["Gezin Øberg"]


def test_the_retention_clears_the_keys(world):
    db, w, _ = world
    sem = db.get(Child, w.child_a)
    anonymise_child(db, sem, utcnow(), set())
    db.commit()
    db.expire_all()
    assert db.exec(sa.select(Child.search_key).where(Child.id == w.child_a)).scalar_one() == ""
    assert db.exec(sa.select(Family.search_key).where(Family.id == w.family_a)).scalar_one() == ""
    assert set(db.exec(sa.select(Guardian.search_key).where(Guardian.family_id == w.family_a)).scalars()) == {""}


def test_the_migration_fills_the_keys_of_existing_rows(database_url):
    from alembic import command
    from alembic.script import ScriptDirectory
    from sqlalchemy.pool import NullPool

    from kinderwerk_pwa.migrations import alembic_config, upgrade_to_head

    config = alembic_config(database_url)
    before = ScriptDirectory.from_config(config).get_revision("68140980ce25").down_revision
    command.upgrade(config, before)
    engine = sa.create_engine(database_url, poolclass=NullPool)
    try:
        with engine.begin() as conn:
            conn.execute(sa.text("INSERT INTO organisation (id, name) VALUES (1, 'Org')"))
            conn.execute(sa.text("INSERT INTO family (id, organisation_id, name) VALUES (1, 1, 'Gezin O''Neill')"))
            conn.execute(sa.text("INSERT INTO guardian (id, family_id, name, relation, phone, email) "
                                 "VALUES (1, 1, 'Çağla Yılmaz', 'moeder', '', '')"))
            conn.execute(sa.text(
                "INSERT INTO child (id, organisation_id, family_id, first_name, last_name, date_of_birth, "
                "school_name, school_group, neighbourhood, status, may_go_home_alone, home_alone_allowed_by, "
                "left_reason, created_at) VALUES (1, 1, 1, 'Noah-Jayden', 'O''Neill', '2017-01-01', '', '', '', "
                "'actief', false, '', '', '2026-01-01 10:00:00')"))
        upgrade_to_head(database_url)
        with engine.connect() as conn:
            keys = [conn.execute(sa.text(f"SELECT search_key FROM {t}")).scalar_one()
                    for t in ("child", "family", "guardian")]
    finally:
        engine.dispose()
    assert keys == ["noahjayden oneill", "gezin oneill", "cagla yilmaz"]
