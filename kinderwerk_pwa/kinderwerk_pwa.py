"""The Reflex app: theme, head, our API routes and the pages."""

from __future__ import annotations

import reflex as rx
from starlette.types import ASGIApp

from . import texts
from .api.app import create_api
from .api.headers import SecurityHeadersMiddleware
from .api.hosts import TrustedHostMiddleware, refuse_host
from .components import connection
from .pages.aanmeldingen import AanmeldingenState, aanmeldingen_page
from .pages.activiteiten import (
    MonthState,
    PlanState,
    SheetState,
    WeekState,
    month_page,
    plan_page,
    sheet_page,
    week_page,
)
from .pages.beheer import BeheerState, locaties_page, medewerkers_page
from .pages.bewaren import BewarenState, bewaren_page
from .pages.gesprekken import GesprekkenState, gesprekken_page
from .pages.gezin import GezinState, gezin_page
from .pages.huiskamer import HuiskamerState, huiskamer_page
from .pages.kind import KindState, kind_page
from .pages.kinderen import KinderenState, kinderen_page
from .pages.login import LoginState, login_page
from .pages.meer import meer_page
from .pages.meldcode import MeldcodeState, meldcode_page
from .pages.niet_gevonden import niet_gevonden_page
from .pages.overzicht import OverzichtState, overzicht_page
from .pages.partners import PartnersState, partners_page
from .pages.privacy import InzageState, LogboekState, inzage_page, logboek_page
from .pages.rapportage import RapportageState, rapportage_page
from .pages.second_factor import SecondFactorState, code_page, no_account_page, setup_page
from .pages.signaal import SignaalState, signaal_page
from .pages.signaal_detail import SignaalDetailState, signaal_detail_page
from .pages.toestemming import ToestemmingState, toestemming_page
from .pages.vandaag import VandaagState, vandaag_page
from .state import lock_wakeups
from .state.server_error import backend_exception_handler
from .state.session import SessionState


def guard_hosts(asgi_app: ASGIApp) -> ASGIApp:
    """The Host check around the whole port (api/hosts.py); its refusal carries the security headers."""
    return TrustedHostMiddleware(asgi_app, refusal=SecurityHeadersMiddleware(refuse_host))


class KinderwerkApp(rx.App):
    """rx.App whose ASGI app (what the server runs: `app()`, a factory) has the Host check outermost.

    An api transformer cannot do that: Reflex puts its own Starlette app with its CORS middleware
    around the transformed app, and that middleware answers a CORS preflight itself."""

    def __call__(self) -> ASGIApp:
        return guard_hosts(super().__call__())


lock_wakeups.install()
app = KinderwerkApp(
    html_lang="nl",
    stylesheets=["/kinderwerk.css"],
    head_components=[
        rx.el.meta(name="theme-color", content="#0d7a6f"),
        # Installable app: manifest and icons; kinderwerk-versie.js registers the service worker
        # (/sw.js, api/service_worker.py) and moves open pages onto a new version; the offline queue
        # script after it (deferred scripts run in this order) may call on it.
        rx.el.link(rel="manifest", href="/manifest.json"),
        rx.el.link(rel="apple-touch-icon", href="/icon-192.png"),
        rx.el.script(src="/kinderwerk-versie.js", defer=True),
        rx.el.script(src="/kinderwerk-offline.js", defer=True),
    ],
    # Our routes mounted in front of Reflex's; then the security headers around all of it (pages,
    # static files, /api, /auth, the /_event websocket): api/headers.py. The Host check is outside
    # even Reflex's own layers: KinderwerkApp above.
    api_transformer=[create_api(), SecurityHeadersMiddleware],
    backend_exception_handler=backend_exception_handler,
    # Sonner's toast region labelled in Dutch (issue 15): components/connection.py.
    toaster=connection.toaster(),
)
# Reflex's connection indicator and its toast, in Dutch, instead of the default overlay.
app.app_wraps[(5, "Overlay")] = connection.overlay

app.add_page(login_page, route="/login", title=f"{texts.LOGIN_TITEL} · {texts.APP_NAME}", on_load=LoginState.load)
app.add_page(vandaag_page, route="/", title=f"{texts.VANDAAG_TITEL} · {texts.APP_NAME}", on_load=VandaagState.load)
app.add_page(kinderen_page, route="/kinderen", title=f"{texts.KINDEREN_TITEL} · {texts.APP_NAME}",
             on_load=KinderenState.load)
app.add_page(meer_page, route="/meer", title=f"{texts.MEER_TITEL} · {texts.APP_NAME}",
             on_load=SessionState.require_login)
app.add_page(signaal_page, route="/signaal", title=f"{texts.SIGNAAL_TITEL} · {texts.APP_NAME}",
             on_load=SignaalState.load)
app.add_page(signaal_detail_page, route="/signalen/[signaal_id]", title=f"{texts.SIGNAAL_TITEL_DETAIL} · {texts.APP_NAME}",
             on_load=SignaalDetailState.load)
app.add_page(meldcode_page, route="/meldcode/[traject_id]", title=f"{texts.MELDCODE_TITEL} · {texts.APP_NAME}",
             on_load=MeldcodeState.load)
app.add_page(kind_page, route="/kind/[kind_id]", title=f"{texts.KINDEREN_TITEL} · {texts.APP_NAME}",
             on_load=KindState.load)
app.add_page(gesprekken_page, route="/gesprekken", title=f"{texts.GESPREKKEN_TITEL} · {texts.APP_NAME}",
             on_load=GesprekkenState.load)
app.add_page(gezin_page, route="/gezin/[gezin_id]", title=f"{texts.GESPREKKEN_TITEL} · {texts.APP_NAME}",
             on_load=GezinState.load)
app.add_page(partners_page, route="/ketenpartners", title=f"{texts.PARTNERS_TITEL} · {texts.APP_NAME}",
             on_load=PartnersState.load)
app.add_page(code_page, route="/login/code", title=f"{texts.CODE_TITEL} · {texts.APP_NAME}",
             on_load=SecondFactorState.load_code)
app.add_page(setup_page, route="/login/instellen", title=f"{texts.INSTELLEN_TITEL} · {texts.APP_NAME}",
             on_load=SecondFactorState.load_setup)
app.add_page(no_account_page, route="/login/geen-account", title=f"{texts.GEEN_ACCOUNT_TITEL} · {texts.APP_NAME}")
app.add_page(medewerkers_page, route="/beheer/medewerkers",
             title=f"{texts.BEHEER_MEDEWERKERS} · {texts.APP_NAME}", on_load=BeheerState.load)
app.add_page(locaties_page, route="/beheer/locaties", title=f"{texts.BEHEER_LOCATIES} · {texts.APP_NAME}",
             on_load=BeheerState.load)
app.add_page(huiskamer_page, route="/huiskamer/[locatie_id]", title=f"{texts.VANDAAG_TITEL} · {texts.APP_NAME}",
             on_load=HuiskamerState.load)
app.add_page(aanmeldingen_page, route="/aanmeldingen", title=f"{texts.AANMELDINGEN_TITEL} · {texts.APP_NAME}",
             on_load=AanmeldingenState.load)
app.add_page(overzicht_page, route="/overzicht", title=f"{texts.OVERZICHT_TITEL} · {texts.APP_NAME}",
             on_load=OverzichtState.load)
app.add_page(rapportage_page, route="/rapportage", title=f"{texts.RAPPORT_TITEL} · {texts.APP_NAME}",
             on_load=RapportageState.load)
app.add_page(week_page, route="/activiteiten", title=f"{texts.ACTIVITEITEN_TITEL} · {texts.APP_NAME}",
             on_load=WeekState.load)
app.add_page(month_page, route="/activiteiten/maand", title=f"{texts.ACTIVITEITEN_MAAND_TITEL} · {texts.APP_NAME}",
             on_load=MonthState.load)
app.add_page(plan_page, route="/activiteiten/plannen", title=f"{texts.PLAN_TITEL} · {texts.APP_NAME}",
             on_load=PlanState.load)
app.add_page(sheet_page, route="/activiteit/[activity_id]", title=f"{texts.SHEET_TITEL} · {texts.APP_NAME}",
             on_load=SheetState.load)
app.add_page(inzage_page, route="/privacy/inzage", title=f"{texts.PRIVACY_INZAGE_TITEL} · {texts.APP_NAME}",
             on_load=InzageState.load)
app.add_page(logboek_page, route="/privacy/logboek", title=f"{texts.LOGBOEK_TITEL} · {texts.APP_NAME}",
             on_load=LogboekState.load)
app.add_page(toestemming_page, route="/kind/[kind_id]/toestemmingen",
             title=f"{texts.TOESTEMMING_TITEL} · {texts.APP_NAME}", on_load=ToestemmingState.load)
app.add_page(bewaren_page, route="/privacy/bewaren", title=f"{texts.BEWAREN_TITEL} · {texts.APP_NAME}",
             on_load=BewarenState.load)
# An address that does not exist: a Dutch page (Reflex's own says "404: Page not found").
app.add_page(niet_gevonden_page, route="404", title=f"{texts.NIET_GEVONDEN_TITEL} · {texts.APP_NAME}")
