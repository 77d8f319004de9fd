"""An offline conversation note carries agreements (issue 15): what, who (ouder / kinderwerker /
partner with a name) and by when, queued on the phone and stored with the note through the same
record_conversation payload when the connection returns."""

from __future__ import annotations

from datetime import timedelta

import pytest
from playwright.sync_api import expect
from sqlmodel import select

from kinderwerk_pwa.domain.common.clock import local_today
from kinderwerk_pwa.models import Agreement, Child, ParentConversation

from .helpers import login, open_offline_panel, prime_offline, wait_ready, with_db
from .test_huiskamer import _setup_day

pytestmark = pytest.mark.e2e


def test_offline_note_with_agreements_is_stored_with_them(phone, app):
    location, worker, children = _setup_day(app, 6)
    family_id = with_db(app.database_url, lambda db: db.exec(
        select(Child.family_id).where(Child.id.in_([c.id for c in children]), Child.family_id.is_not(None))).first())
    assert family_id
    login(phone, worker.email)
    phone.goto("/")
    wait_ready(phone)
    prime_offline(phone)
    bar, dialog = open_offline_panel(phone)
    dialog.get_by_role("button", name="Gesprek", exact=True).tap()
    dialog.get_by_label("Gezin").select_option(str(family_id))
    facts = "Offline gesprek bij de deur: moeder maakt zich zorgen over het slapen."
    dialog.get_by_label("Samenvatting: wat is besproken?").fill(facts)
    today = local_today()
    first = dialog.get_by_role("group", name="Afspraak 1")
    first.get_by_label("Wat is afgesproken?").fill("Moeder belt de huisarts over het slapen")
    first.get_by_label("Wie doet het?").select_option("ouder")
    first.get_by_label("Uiterlijk op").fill((today + timedelta(days=7)).isoformat())
    second = dialog.get_by_role("group", name="Afspraak 2")
    second.get_by_label("Wat is afgesproken?").fill("Wijkteam neemt contact op met moeder")
    second.get_by_label("Wie doet het?").select_option("partner")
    # A partner without a name is caught on the phone, before anything is queued.
    second.get_by_label("Uiterlijk op").fill((today + timedelta(days=14)).isoformat())
    dialog.get_by_role("button", name="Bewaren").tap()
    expect(dialog.get_by_role("status")).to_contain_text("naam van de ketenpartner")
    second.get_by_label("Naam van de ketenpartner").fill("Wijkteam Stedenwijk")
    third = dialog.get_by_role("group", name="Afspraak 3")
    third.get_by_label("Wat is afgesproken?").fill("Ik vraag de juf hoe het op school gaat")
    third.get_by_label("Wie doet het?").select_option("kinderwerker")
    third.get_by_label("Uiterlijk op").fill(today.isoformat())
    phone.screens.shot(phone, "offline-gesprek-afspraken")
    dialog.get_by_role("button", name="Bewaren").tap()
    expect(dialog.get_by_role("status")).to_contain_text("Bewaard")
    dialog.get_by_role("button", name="Sluiten").tap()
    expect(bar).to_contain_text("1 wacht op verzending")
    queued = phone.evaluate("window.kinderwerkOffline.queue()")
    assert len(queued) == 1 and len(queued[0]["payload"]["agreements"]) == 3

    phone.context.set_offline(False)
    phone.evaluate("window.dispatchEvent(new Event('online'))")
    expect(bar).to_contain_text("1 item opgeslagen op de server")

    def stored(db):
        conversation = db.exec(select(ParentConversation).where(ParentConversation.facts == facts)).one()
        agreements = db.exec(select(Agreement).where(Agreement.conversation_id == conversation.id)
                             .order_by(Agreement.due_date)).all()
        return conversation, agreements
    conversation, agreements = with_db(app.database_url, stored)
    assert conversation.client_uuid == queued[0]["client_uuid"] and conversation.author_id == worker.id
    assert [(a.description, a.owner_kind, a.due_date) for a in agreements] == [
        ("Ik vraag de juf hoe het op school gaat", "kinderwerker", today),
        ("Moeder belt de huisarts over het slapen", "ouder", today + timedelta(days=7)),
        ("Wijkteam neemt contact op met moeder", "partner", today + timedelta(days=14)),
    ]
    assert agreements[0].owner_staff_id == worker.id and agreements[2].owner_name == "Wijkteam Stedenwijk"
    assert {a.client_uuid for a in agreements} == {a["client_uuid"] for a in queued[0]["payload"]["agreements"]}
