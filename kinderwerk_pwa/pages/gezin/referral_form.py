"""The form for a referral of a child to a ketenpartner, with consent and a feedback date."""

from __future__ import annotations

import reflex as rx

from ... import texts
from ...components.form import (
    card_form,
    choice,
    field_error,
    submit_and_cancel,
    text_field,
    textarea_field,
    var_select_field,
)
from ...components.messages import error_callout
from .state import GezinState


def referral_form() -> rx.Component:
    e = GezinState.errors
    return card_form(
        rx.heading(texts.DOORVERWIJZEN_NIEUW, size="4", as_="h2"),
        var_select_field(texts.DOORVERWIJZEN_KIND, "verwijs-kind", GezinState.children, name="child_id",
                         error=e["child_id"]),
        var_select_field(texts.DOORVERWIJZEN_PARTNER, "verwijs-partner", GezinState.partner_options,
                         name="partner_id", error=e["partner_id"]),
        text_field(texts.DOORVERWIJZEN_CONTACT, "contact_name", id="verwijs-contact", max_length=200),
        textarea_field(texts.DOORVERWIJZEN_REDEN, "reason", error=e["reason"], rows=3, max_length=2000,
                       id="verwijs-reden"),
        choice(texts.DOORVERWIJZEN_TOESTEMMING, "consent_given"),
        field_error(e["consent_given"]),
        text_field(texts.DOORVERWIJZEN_TOESTEMMING_WIE, "consent_by", id="verwijs-toestemming-wie",
                   max_length=200, error=e["consent_by"]),
        text_field(texts.DOORVERWIJZEN_TOESTEMMING_DATUM, "consent_on", type_="date", id="verwijs-toestemming-datum",
                   error=e["consent_on"]),
        rx.cond(GezinState.report_tracks.length() > 0, var_select_field(
            texts.DOORVERWIJZEN_TRAJECT, "verwijs-traject", GezinState.report_tracks, name="meldcode_track_id",
            first=rx.el.option(texts.GESPREK_GEEN_TRAJECT, value=""))),
        text_field(texts.DOORVERWIJZEN_TERUG, "feedback_due", type_="date", id="verwijs-terug", error=e["feedback_due"]),
        error_callout(GezinState.error, width="100%"),
        submit_and_cancel(texts.DOORVERWIJZEN_OPSLAAN, GezinState.close, size="4", wrap="wrap"),
        on_submit=GezinState.save_referral,
        key=GezinState.form_key,
    )
