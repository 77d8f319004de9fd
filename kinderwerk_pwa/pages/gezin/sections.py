"""What the family page shows: children, parents, agreements, conversations, referrals."""

from __future__ import annotations

import reflex as rx

from ... import texts
from ...components.card import section_card
from ...components.form import INPUT_STYLE, LABEL_STYLE, select_input
from ...models.referrals import REFERRAL_OUT_STATUSES
from .state import GezinState

STATUS_OPTIONS = [(s, texts.REFERRAL_OUT_STATUS_LABELS[s]) for s in REFERRAL_OUT_STATUSES]


def _agreement(a) -> rx.Component:
    return rx.hstack(
        rx.vstack(rx.text(a["text"], weight="medium"),
                  rx.hstack(rx.text(a["owner"] + " · " + a["due"] + " · " + a["status"], size="2",
                                    color_scheme="gray"),
                            rx.cond(a["overdue"] == "1", rx.badge(texts.AFSPRAAK_TE_LAAT, color_scheme="red")),
                            wrap="wrap"), spacing="0"),
        rx.cond((a["open"] == "1") & (a["can_change"] == "1"),
                rx.button(texts.AFSPRAAK_GEDAAN, size="2", variant="soft", class_name="kw-tap",
                          on_click=GezinState.agreement_done(a["id"]),
                          aria_label=texts.AFSPRAAK_GEDAAN + ": " + a["text"])),
        justify="between", align="center", width="100%", padding_y="4px")


def _note(n) -> rx.Component:
    return rx.box(
        rx.text(n["title"], weight="bold"),
        rx.text(n["meta"], size="1", color_scheme="gray"),
        rx.cond(n["topics"] != "", rx.text(n["topics"], size="2", weight="medium")),
        rx.text(n["facts"], size="2", white_space="pre-wrap"),
        rx.cond(n["interpretation"] != "", rx.text(n["interpretation"], size="2", font_style="italic")),
        rx.text(n["discussed"], size="1"),
        rx.cond(n["track"] != "", rx.link(texts.MELDCODE_TITEL, href="/meldcode/" + n["track"], size="2")),
        border_top="1px solid var(--gray-4)", padding_y="8px", width="100%")


def _feedback_form(r) -> rx.Component:
    return rx.el.form(
        rx.el.input(type="hidden", name="referral_id", value=r["id"]),
        rx.hstack(
            rx.box(rx.el.label(texts.DOORVERWIJZEN_STATUS, html_for="status-" + r["id"], style=LABEL_STYLE),
                   select_input(*[rx.el.option(label, value=code) for code, label in STATUS_OPTIONS],
                                id="status-" + r["id"], name="status", default_value=r["status_code"],
                                style=INPUT_STYLE)),
            rx.box(rx.el.label(texts.DOORVERWIJZEN_TERUGKOPPELING, html_for="terug-" + r["id"], style=LABEL_STYLE),
                   rx.el.input(id="terug-" + r["id"], name="feedback", style=INPUT_STYLE, max_length=2000),
                   flex="1"),
            rx.button(texts.DOORVERWIJZEN_TERUG_OPSLAAN, type="submit", size="3", class_name="kw-tap"),
            align="end", wrap="wrap", width="100%"),
        on_submit=GezinState.save_feedback, style={"width": "100%"})


def _referral(r) -> rx.Component:
    return rx.box(
        rx.hstack(rx.text(r["title"], weight="bold"), rx.badge(r["status"]),
                  rx.cond(r["late"] == "1", rx.badge(texts.DOORVERWIJZEN_TE_LAAT, color_scheme="red")),
                  wrap="wrap"),
        rx.text(r["meta"], size="1", color_scheme="gray"),
        rx.text(r["reason"], size="2"),
        rx.cond(r["feedback"] != "", rx.text(texts.DOORVERWIJZEN_TERUGKOPPELING + ": " + r["feedback"], size="2")),
        rx.cond(r["can_update"] == "1", _feedback_form(r)),
        border_top="1px solid var(--gray-4)", padding_y="8px", width="100%")


def family_sections() -> list[rx.Component]:
    return [
        section_card(texts.GEZIN_KINDEREN, rx.foreach(GezinState.children, lambda c: rx.cond(
            c["open"] == "1", rx.link(c["name"] + " (" + c["age"] + ")", href="/kind/" + c["id"],
                                      class_name="kw-tap", display="block"),
            rx.text(c["name"] + " (" + c["age"] + ")")))),
        section_card(texts.GEZIN_OUDERS,
                     rx.cond(GezinState.family["address"] != "",
                             rx.text(texts.HUISHOUDEN_ADRES + ": " + GezinState.family["address"], size="2")),
                     rx.foreach(GezinState.guardians, lambda g: rx.hstack(
                         rx.box(rx.text(g["name"] + " (" + g["relation"] + ")"),
                                rx.cond(g["note"] != "", rx.text(g["note"], size="2", color_scheme="red",
                                                                 weight="bold"))),
                         rx.el.a(g["phone"], href="tel:" + g["phone"], class_name="kw-tap"),
                         justify="between", width="100%"))),
        rx.cond(GezinState.other_households.length() > 0, section_card(
            texts.HUISHOUDEN_ANDER, rx.foreach(GezinState.other_households, lambda h: rx.link(
                h["text"], href="/gezin/" + h["id"], class_name="kw-tap", display="block")))),
        section_card(texts.GEZIN_AFSPRAKEN, rx.foreach(GezinState.agreements, _agreement)),
        section_card(texts.GEZIN_GESPREKKEN,
                rx.cond(GezinState.hidden > 0, rx.text(texts.GESPREK_AFGESCHERMD, size="2", color_scheme="gray")),
                rx.foreach(GezinState.notes, _note)),
        section_card(texts.DOORVERWIJZEN_TITEL, rx.foreach(GezinState.referrals, _referral)),
    ]
