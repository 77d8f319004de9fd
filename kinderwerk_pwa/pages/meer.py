"""Meer: account and logout (later also beheer, rapportage)."""

from __future__ import annotations

import reflex as rx

from .. import texts
from ..components.layout import logout_form, page_shell
from ..components.native_form import native_form
from ..state.session import SessionState


def meer_page() -> rx.Component:
    return page_shell(
        rx.vstack(
            rx.heading(texts.MEER_TITEL, size="7", as_="h1"),
            rx.box(
                rx.text(texts.MEER_INGELOGD_ALS, size="2", color_scheme="gray"),
                rx.text(SessionState.user_name, weight="medium"),
                rx.text(SessionState.role_label, size="2"),
                class_name="kw-card",
                width="100%",
            ),
            rx.cond(
                (SessionState.user_role == "teamleider") | (SessionState.user_role == "aandachtsfunctionaris"),
                rx.vstack(
                    rx.link(texts.OVERZICHT_TITEL, href="/overzicht", class_name="kw-tap", size="4"),
                    rx.link(texts.RAPPORT_TITEL, href="/rapportage", class_name="kw-tap", size="4"),
                ),
            ),
            rx.cond(
                (SessionState.user_role != "beheerder") & (SessionState.user_role != "privacy"),
                rx.vstack(
                    rx.link(texts.NAV_ACTIVITEITEN, href="/activiteiten", class_name="kw-tap", size="4"),
                    rx.link(texts.NAV_AANMELDINGEN, href="/aanmeldingen", class_name="kw-tap", size="4"),
                    rx.link(texts.PARTNERS_TITEL, href="/ketenpartners", class_name="kw-tap", size="4"),
                ),
            ),
            rx.box(
                rx.heading(texts.MEER_TWEESTAP, size="4", as_="h2"),
                rx.cond(
                    SessionState.has_totp,
                    rx.text(texts.MEER_TWEESTAP_AAN),
                    rx.vstack(
                        rx.text(texts.MEER_TWEESTAP_UIT, size="2"),
                        native_form(
                            rx.button(texts.MEER_TWEESTAP_KNOP, type="submit", variant="outline", size="3",
                                      class_name="kw-tap"),
                            action="/auth/totp/instellen",
                            method="post",
                        ),
                    ),
                ),
                class_name="kw-card",
                width="100%",
            ),
            rx.cond(
                SessionState.user_role == "beheerder",
                rx.vstack(
                    rx.heading(texts.NAV_BEHEER, size="4", as_="h2"),
                    rx.link(texts.BEHEER_MEDEWERKERS, href="/beheer/medewerkers", class_name="kw-tap"),
                    rx.link(texts.BEHEER_LOCATIES, href="/beheer/locaties", class_name="kw-tap"),
                    spacing="1",
                ),
            ),
            rx.cond(
                SessionState.user_role == "privacy",
                rx.vstack(
                    rx.heading(texts.NAV_PRIVACY, size="4", as_="h2"),
                    rx.link(texts.PRIVACY_INZAGE_TITEL, href="/privacy/inzage", class_name="kw-tap"),
                    rx.link(texts.LOGBOEK_TITEL, href="/privacy/logboek", class_name="kw-tap"),
                    rx.link(texts.NAV_BEWAREN, href="/privacy/bewaren", class_name="kw-tap"),
                    spacing="1",
                ),
            ),
            logout_form(),
            spacing="4",
            width="100%",
        ),
        active="/meer",
    )
