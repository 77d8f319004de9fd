"""The floor: the cheapest tap Reflex can do on a page like the huiskamer's.

N tiles (FLOOR_TILES, default 70) built like the real tiles (a Radix button with a name and a
status line, data-status, a colour per status), a counter, no database and no login. A tap sets
one tile's status in a small dict (the big list of names never changes) and adds one to the counter.
What the real app's tap costs above this is ours, not Reflex's.
"""

from __future__ import annotations

import os

import reflex as rx

N = int(os.environ.get("FLOOR_TILES", "70"))
NAMES = [{"id": str(1000 + i), "name": f"Kind {i + 1:02d} Achternaam"} for i in range(N)]
COLORS = {"verwacht": "gray", "aanwezig": "teal"}


class FloorState(rx.State):
    tiles: list[dict[str, str]] = NAMES
    status: dict[str, str] = {t["id"]: "verwacht" for t in NAMES}
    present: int = 0

    @rx.event
    def reset_day(self):
        self.status = {t["id"]: "verwacht" for t in NAMES}
        self.present = 0

    @rx.event
    def tap(self, tile_id: str):
        if self.status.get(tile_id) == "verwacht":
            self.status[tile_id] = "aanwezig"
            self.present += 1


def tile(t) -> rx.Component:
    status = FloorState.status[t["id"]]
    return rx.button(
        rx.vstack(rx.text(t["name"], weight="bold", size="4"), rx.text(status, size="2"),
                  spacing="0", align="start"),
        on_click=FloorState.tap(t["id"]),
        variant=rx.cond(status == "verwacht", "outline", "soft"),
        color_scheme=rx.match(status, *COLORS.items(), "gray"),
        size="4", width="100%", class_name="kw-tile",
        data_status=status, data_child_id=t["id"],
    )


def index() -> rx.Component:
    return rx.container(
        rx.heading("Vloer", as_="h1"),
        rx.box(rx.text(FloorState.present.to_string(), size="6", weight="bold"), rx.text("Aanwezig", size="1"),
               role="group", aria_label="Tellingen"),
        rx.vstack(rx.foreach(FloorState.tiles, tile), width="100%"),
    )


app = rx.App(html_lang="nl")
app.add_page(index, route="/", on_load=FloorState.reset_day)
