"""The app shell: bottom navigation on a phone, a sidebar on a desktop (CSS in assets/kinderwerk.css)."""

from __future__ import annotations

import reflex as rx

from .. import texts
from ..state.session import SessionState
from .native_form import native_form

NAV_ITEMS = [
    ("/", texts.NAV_VANDAAG, "house"),
    ("/signaal", texts.NAV_SIGNAAL, "flag"),
    ("/gesprekken", texts.NAV_GESPREKKEN, "messages-square"),
    ("/kinderen", texts.NAV_KINDEREN, "users"),
    ("/meer", texts.NAV_MEER, "menu"),
]
# On the desktop sidebar only (the phone reaches them from Vandaag and Meer): before "Meer".
SIDEBAR_EXTRA = [("/activiteiten/maand", texts.NAV_ACTIVITEITEN, "calendar-days")]


def _nav_link(href: str, label: str, icon: str, active: str) -> rx.Component:
    return rx.link(
        rx.icon(icon, size=22, aria_hidden="true"),
        rx.el.span(label),
        href=href,
        class_name="kw-navlink",
        aria_current="page" if href == active else None,
        underline="none",
    )


def logout_form(**props) -> rx.Component:
    return native_form(
        rx.button(texts.NAV_UITLOGGEN, type="submit", variant="soft", color_scheme="gray",
                  size="3", class_name="kw-tap"),
        action="/auth/logout",
        method="post",
        **props,
    )


def loaded_marker() -> dict:
    """<main data-geladen="ja"> once the page's on_load handlers have run (Reflex's is_hydrated).
    Reflex queues on_load after the hydrate snapshot, so a page can show a previous visit's state
    for a moment; a tap in that moment is undone by the load. Tests wait for this marker."""
    return {"data-geladen": rx.cond(rx.State.is_hydrated, "ja", "nee")}


def page_shell(*children: rx.Component, active: str) -> rx.Component:
    """Every logged-in page: navigation + main content."""
    # A page that is not in the bottom bar is reached through "Meer": mark that one on the phone.
    bottom_active = active if any(href == active for href, _, _ in NAV_ITEMS) else "/meer"
    nav = [_nav_link(href, label, icon, bottom_active) for href, label, icon in NAV_ITEMS]
    side = NAV_ITEMS[:-1] + SIDEBAR_EXTRA + NAV_ITEMS[-1:]
    return rx.box(
        rx.el.nav(
            # The app name, not a heading: the page's own h1 is the only one (WCAG 1.3.1).
            rx.text(texts.APP_NAME, size="5", weight="bold", padding="0 16px 16px"),
            *[_nav_link(href, label, icon, active) for href, label, icon in side],
            rx.spacer(),
            rx.text(SessionState.user_name, weight="medium", padding_x="16px"),
            rx.text(SessionState.role_label, size="2", color_scheme="gray", padding_x="16px"),
            logout_form(style={"padding": "12px 16px"}),
            class_name="kw-sidebar",
            aria_label=texts.NAV_HOOFDMENU,
        ),
        rx.el.main(*children, class_name="kw-main", custom_attrs=loaded_marker()),
        rx.el.nav(*nav, class_name="kw-bottomnav", aria_label=texts.NAV_HOOFDMENU),
        class_name="kw-shell",
    )


def page(title, *children: rx.Component, active: str, **props) -> rx.Component:
    """A logged-in page: its title as the one h1, then its content in a column. title None: the
    page puts its own h1 (it names what was loaded, so it is shown only once that is there)."""
    heading = [] if title is None else [rx.heading(title, size="7", as_="h1")]
    return page_shell(rx.vstack(*heading, *children, **{"width": "100%", **props}), active=active)
