"""The activities pages' handlers called directly, as a browser could: plan through the form's
handler, see the week, open the field sheet, tap and tally, realise twice (stored once); another
location's activity is refused; a negative tally is refused with a Dutch message and stores nothing;
Vandaag, the teamleider's overview and the rapportage show it."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import func, select

from kinderwerk_pwa import texts
from kinderwerk_pwa.domain.common.clock import local_today
from kinderwerk_pwa.models import Activity, ActivityChild, ActivityRegistration, ActivityTally
from tests.handlers import login_token, state_for


def _plan(db, w) -> Activity:
    from kinderwerk_pwa.pages.activiteiten import PlanState

    today = local_today()
    state = state_for(PlanState, login_token(db, w.staff["kinderwerker"]), "/activiteiten/plannen")
    state.load()
    assert state.location_id == str(w.loc_a) and state.lead_id == str(w.staff["kinderwerker"])
    assert {"id": str(w.staff["kinderwerker"]), "label": "Test kinderwerker"} in state.colleagues
    assert str(w.staff["beheerder"]) not in {c["id"] for c in state.colleagues}
    state.set_place_kind("speeltuin")
    state.set_repeat("wekelijks")
    form = {"title": "Speelpleinroute: voetbal", "kind": "sport_spel", "place_name": "Speeltuin De Wilg",
            "neighbourhood": "", "partner_id": "", "first_day": (today - timedelta(days=7)).isoformat(),
            "last_day": (today + timedelta(days=7)).isoformat(), "start_time": "00:00", "end_time": "23:59",
            "planned_children": "12", "thema_gezond_leven": "on"}
    state.save(form)
    assert state.error == "" and state.done == texts.PLAN_OPGESLAGEN.format(titel=form["title"], n=3)
    state.save(form)  # a double tap on "plannen": the same client UUID, planned once
    db.expire_all()
    assert db.exec(select(func.count()).select_from(Activity)).one() == 3
    return db.exec(select(Activity).where(Activity.day == today)).one()


def test_plan_week_sheet_and_realise_once(app_db):
    from kinderwerk_pwa.pages.activiteiten import SheetState, WeekState

    db, w = app_db
    activity = _plan(db, w)
    token = login_token(db, w.staff["kinderwerker"])
    week = state_for(WeekState, token, "/activiteiten")
    week.load()
    assert [row["id"] for day in week.days for row in day.rows] == [str(activity.id)]
    week.previous_week()
    assert week.count == 1 and week.days[0].rows[0]["status_label"] == texts.ACTIVITEIT_NIET_GEREGISTREERD

    sheet = state_for(SheetState, token, f"/activiteit/{activity.id}", {"activity_id": str(activity.id)})
    sheet.load()
    assert sheet.title == "Speelpleinroute: voetbal" and [c["id"] for c in sheet.children] == [str(w.child_a)]
    sheet.toggle(str(w.child_a))
    sheet.toggle(str(w.child_a))
    sheet.toggle(str(w.child_a))
    for _ in range(3):
        sheet.plus("7-9|meisje")
    sheet.minus("7-9|meisje")
    sheet.set_cell("10-12|jongen", "5")
    sheet.plus("nonsense|cell")
    assert sheet.present_count == 1 and sheet.tally_total == 7
    sheet.realise({"note": "Fijn gespeeld", "obs_gezond_leven": "Iedereen deed mee"})
    assert sheet.error == "" and sheet.registered and sheet.status == "gerealiseerd"
    sheet.realise({"note": "Fijn gespeeld"})  # the double tap: same client UUID, stored once
    assert sheet.error == ""
    db.expire_all()
    registrations = db.exec(select(ActivityRegistration)).all()
    assert [(r.activity_id, r.children_count, r.anonymous_count) for r in registrations] == [(activity.id, 1, 7)]
    assert db.exec(select(ActivityChild.child_id)).all() == [w.child_a]
    assert sorted((t.age_band, t.gender, t.count) for t in db.exec(select(ActivityTally)).all()) == [
        ("10-12", "jongen", 5), ("7-9", "meisje", 2)]

    # Opened again (a new client UUID): a second registration is refused with a Dutch message.
    again = state_for(SheetState, token, f"/activiteit/{activity.id}", {"activity_id": str(activity.id)})
    again.load()
    assert again.registered and again.tally["7-9|meisje"] == "2"
    again.plus("4-6|jongen")  # read-only once registered
    again.realise({})
    assert again.error.startswith("Deze activiteit is al geregistreerd")


def test_other_location_and_bad_tally_store_nothing(app_db):
    from kinderwerk_pwa.pages.activiteiten import SheetState, WeekState

    db, w = app_db
    activity = _plan(db, w)
    other = state_for(SheetState, login_token(db, w.staff["kinderwerker_b"]), f"/activiteit/{activity.id}",
                      {"activity_id": str(activity.id)})
    other.load()
    assert other.title == "" and other.children == [] and other.error == texts.GEEN_TOEGANG
    other.children = [{"id": str(w.child_a), "name": "x", "regular": "", "present": "1"}]  # a forged state
    other.realise({})
    assert other.error == texts.GEEN_TOEGANG

    sheet = state_for(SheetState, login_token(db, w.staff["kinderwerker"]), f"/activiteit/{activity.id}",
                      {"activity_id": str(activity.id)})
    sheet.load()
    sheet.set_cell("4-6|meisje", "-2")
    sheet.realise({})
    assert sheet.error == texts.FOUT_ACTIVITEIT_TURF_NEGATIEF.format(groep="4-6 jaar, meisje")
    sheet.set_cell("4-6|meisje", "drie")
    sheet.realise({})
    assert sheet.error == texts.FOUT_ACTIVITEIT_TURF_ONGELDIG and not sheet.registered
    # A child of another location, forged into the page: refused.
    sheet.set_cell("4-6|meisje", "")
    sheet.children = [{"id": str(w.child_b), "name": "x", "regular": "", "present": "1"}]
    sheet.realise({})
    assert sheet.error == texts.FOUT_KIND_NIET_BIJ_LOCATIE
    sheet.children = [{"id": "1 OR 1=1", "name": "x", "regular": "", "present": "1"}]
    sheet.realise({})
    assert sheet.error == texts.FOUT_ACTIVITEIT_KIND_ID
    db.expire_all()
    assert db.exec(select(func.count()).select_from(ActivityRegistration)).one() == 0

    # The week of another location, asked for by id: refused; an id that is no number shows nothing.
    week = state_for(WeekState, login_token(db, w.staff["kinderwerker"]), "/activiteiten")
    week.load()
    week.set_location(str(w.loc_b))
    assert week.days == [] and week.error == texts.GEEN_TOEGANG
    week.set_location("1 OR 1=1")
    assert week.days == [] and week.location_id == ""


def test_vandaag_overview_and_report_show_it(app_db):
    from kinderwerk_pwa.pages.activiteiten import SheetState
    from kinderwerk_pwa.pages.overzicht import OverzichtState
    from kinderwerk_pwa.pages.rapportage import RapportageState
    from kinderwerk_pwa.pages.vandaag import VandaagState

    db, w = app_db
    activity = _plan(db, w)
    vandaag = state_for(VandaagState, login_token(db, w.staff["kinderwerker"]), "/")
    vandaag.load()
    assert [a["id"] for a in vandaag.activities] == [str(activity.id)]
    # The beheerder sees no activities (and no refusal on Vandaag).
    beheerder = state_for(VandaagState, login_token(db, w.staff["beheerder"]), "/")
    beheerder.load()
    assert beheerder.activities == []

    leader = login_token(db, w.staff["teamleider"])
    overview = state_for(OverzichtState, leader, "/overzicht")
    overview.load()
    last_week = db.exec(select(Activity).where(Activity.day == local_today() - timedelta(days=7))).one()
    assert str(activity.id) in [a["id"] for a in overview.activities]
    assert [a["id"] for a in overview.open_activities] == [str(last_week.id)]  # over, not registered

    sheet = state_for(SheetState, leader, f"/activiteit/{activity.id}", {"activity_id": str(activity.id)})
    sheet.load()
    for _ in range(6):
        sheet.plus("4-6|anders")
    sheet.realise({})
    assert sheet.error == ""
    report = state_for(RapportageState, leader, "/rapportage")
    report.load()
    today = local_today().isoformat()
    report.make({"start": today, "end": today, f"loc_{w.loc_a}": "on"})
    tables = {t.title: t.rows for t in report.activity_tables}
    assert tables[texts.BEREIK_ACT_T_KERNCIJFERS][1] == [texts.BEREIK_ACT_R_GEREALISEERD, "1"]
    turf = {row[0]: row[1:] for row in tables[texts.BEREIK_ACT_T_TURF]}
    assert turf["4-6 jaar"] == ["0", "0", "6"]
