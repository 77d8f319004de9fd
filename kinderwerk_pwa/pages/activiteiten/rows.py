"""One activity in a list, the same everywhere (week, Vandaag, the teamleider's overview): what, when,
where and what became of it. A row is a flat dict of strings; the card links to the field sheet."""

from __future__ import annotations

from datetime import date

import reflex as rx

from ... import texts
from ...domain.activiteiten.programme import ActivityItem

# The navigation item of every activities page: the desktop sidebar links to the month.
ACTIVE = "/activiteiten/maand"
STATUS_COLORS = {"gepland": "gray", "gerealiseerd": "teal", "geannuleerd": "red", "verplaatst": "amber"}


def day_label(day: date, today: date | None = None) -> str:
    """'maandag 2 juni' (with ' · vandaag' for today)."""
    label = f"{texts.WEEKDAYS[day.isoweekday()]} {day.day} {texts.MONTHS[day.month]}"
    return label + (f" · {texts.ACTIVITEITEN_VANDAAG_LABEL}" if today is not None and day == today else "")


def short_day(day: date) -> str:
    """'ma 2 jun'"""
    return f"{texts.WEEKDAYS_SHORT[day.isoweekday()]} {day.day} {texts.MONTHS[day.month][:3]}"


def item_row(item: ActivityItem, today: date | None = None) -> dict[str, str]:
    if item.status == "verplaatst" and item.moved_to:
        status = texts.ACTIVITEIT_VERPLAATST_NAAR.format(dag=short_day(item.moved_to))
    elif item.not_registered:
        status = texts.ACTIVITEIT_NIET_GEREGISTREERD
    else:
        status = item.status_label
    if item.status == "gerealiseerd":
        detail = texts.ACTIVITEIT_BEREIKT.format(kinderen=item.children_count, anoniem=item.anonymous_count)
    elif item.planned_children:
        detail = texts.ACTIVITEIT_GEPLAND_AANTAL.format(n=item.planned_children)
    else:
        detail = ""
    return {
        "id": str(item.id),
        "title": item.title,
        "time": f"{item.start_time:%H:%M}–{item.end_time:%H:%M}",
        "day": short_day(item.day),
        "when": f"{short_day(item.day)} {item.start_time:%H:%M}–{item.end_time:%H:%M}",
        "place": item.place,
        "location": item.location_name,
        # The place with its location, once: "Speeltuin: De Wilg (Speelpleinroute Parkwijk)".
        "where": item.place if item.place == item.location_name else f"{item.place} ({item.location_name})",
        "kind": item.kind_label,
        "lead": texts.ACTIVITEIT_DOOR.format(naam=item.lead_name),
        "status": item.status,
        "status_label": status,
        "open": "1" if item.not_registered else "",
        "today": "1" if today is not None and item.day == today else "",
        "detail": detail,
    }


def status_badge(row) -> rx.Component:
    return rx.badge(row["status_label"],
                    color_scheme=rx.cond(row["open"] == "1", "orange",
                                         rx.match(row["status"], *STATUS_COLORS.items(), "gray")))


def item_card(row, *, show_day: bool = False, show_location: bool = False) -> rx.Component:
    """A tap target (the whole card) that opens the activity's field sheet."""
    return rx.link(
        rx.box(
            rx.hstack(
                rx.text(row["day"] + " " + row["time"] if show_day else row["time"], weight="bold", size="2"),
                status_badge(row),
                justify="between", align="center", width="100%", wrap="wrap", spacing="2",
            ),
            rx.text(row["title"], weight="bold", size="4"),
            rx.text(row["place"] + (" · " + row["location"] if show_location else ""), size="2"),
            rx.text(row["kind"] + " · " + row["lead"], size="2", color_scheme="gray"),
            rx.cond(row["detail"] != "", rx.text(row["detail"], size="2", color_scheme="gray")),
            class_name="kw-card kw-tap",
            width="100%",
        ),
        href="/activiteit/" + row["id"],
        underline="none", color="inherit", width="100%",
        data_activity_id=row["id"],
    )
