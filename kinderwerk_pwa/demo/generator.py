"""Fictional, deterministic demo data for Kinderwerk PWA.

``generate(db)`` fills an empty database with an organisation that looks like a real kinderwerk
organisation in an Almere-like town: locations (huiskamers, schools, a speelpleinroute), staff in
every role, children with families, guardians, pick-up persons and consents, referrals in and a
waitlist, enrolments on fixed weekdays, leerdoelen with progress, months of attendance history,
signals with meldcode tracks, parent conversations with agreements, partners and referrals out,
and the programme of activities of the open work with what became of each occurrence.

Everything is invented. The same ``seed`` and ``today`` always give the same data: all randomness
comes from one ``random.Random(seed)`` and every timestamp is derived from ``today``.

Bulk rows (attendance, goal progress, ...) are inserted as plain dicts with Core ``insert`` in
chunks; rows whose ids are needed later are inserted with ``RETURNING`` (SQLite >= 3.35 and
PostgreSQL both support it), so the generator stays fast for the benchmark size
(months=60, locations=12, children=2400).

This module holds ``generate`` and the generator's core (state, insert helpers, run order). The
steps live in mixins: organisation_builder.py, children_builder.py, goals_attendance_builder.py,
signals_builder.py, conversations_builder.py, partners_builder.py and activities_builder.py; the
data they draw from in constants.py, text_banks.py, activity_texts.py, plan.py (result and plan
objects) and demo_dates.py. The names that
used to be defined here are re-exported.
"""

from __future__ import annotations

import random
import uuid
from datetime import date, timedelta

import sqlalchemy as sa
from sqlmodel import Session, select

from kinderwerk_pwa.domain.common.clock import local_today
from kinderwerk_pwa.models import StaffUser

from .activities_builder import _ActivitiesMixin
from .children_builder import _ChildrenMixin
from .constants import (  # noqa: F401 - re-exported: this module's public path
    AMS,
    CHUNK,
    DEMO_EMAIL_DOMAIN,
    DEMO_PASSWORD,
    ORGANISATION_NAME,
    SIGNAL_CATEGORIES,
)
from .conversations_builder import _ConversationsMixin
from .demo_dates import (  # noqa: F401 - re-exported: this module's public path
    _add_months,
    _add_years,
    _age,
    _at,
    _closed_days,
    _easter,
    _groep,
)
from .goals_attendance_builder import _GoalsAttendanceMixin
from .households_builder import _HouseholdsMixin
from .organisation_builder import _OrganisationMixin
from .partners_builder import _PartnersMixin
from .plan import (  # noqa: F401 - re-exported: this module's public path
    DemoSummary,
    _Fam,
    _Guardian,
    _Kid,
    _Loc,
    _Slot,
    _Staff,
)
from .signals_builder import _SignalsMixin
from .text_banks import (  # noqa: F401 - re-exported: this module's public path
    ACUTE_ADVICE,
    ACUTE_SIGNAL_TEXTS,
    AFMELD_REASONS,
    AGREEMENTS,
    CLOSE_REASONS,
    CONVERSATION_INTERPRETATIONS,
    CONVERSATION_PLACES,
    CONVERSATION_TEXTS,
    CONVERSATION_TOPICS,
    END_REASONS,
    GOAL_TITLES,
    INTAKE_FACTS,
    PARTNER_AGREEMENT_KINDS,
    PARTNER_FEEDBACK,
    PARTNER_REFERRALS,
    REFERRAL_REASONS,
    REFERRER_WEIGHTS,
    REJECTED_REASONS,
    SIGNAL_PLACES,
    SIGNAL_TEXTS,
    SKIP_REASON,
    STEP3_ANSWERS,
    STEP_TEXTS,
    TRACK_REFERRAL_REASONS,
    UNKNOWN_SIGNALS,
    VEILIG_THUIS_ADVICE,
    WEIGHINGS,
)


def generate(
    db: Session,
    *,
    seed: int = 2026,
    children: int = 200,
    months: int = 3,
    locations: int = 4,
    today: date | None = None,
    password: str = DEMO_PASSWORD,
) -> DemoSummary:
    """Fill ``db`` with fictional demo data and commit. Deterministic for a fixed seed and ``today``.

    The database must not hold demo data yet (demo accounts have fixed email addresses).
    """
    if children < 1 or months < 1 or locations < 1:
        raise ValueError("children, months and locations must be at least 1")
    if db.exec(select(StaffUser.id).where(StaffUser.is_demo == True).limit(1)).first() is not None:  # noqa: E712
        raise ValueError("de database bevat al demodata")
    if today is None:
        today = local_today()
    return _Generator(db, seed=seed, n_children=children, months=months, n_locations=locations,
                      today=today, password=password).run()


class _Generator(_OrganisationMixin, _ChildrenMixin, _HouseholdsMixin, _GoalsAttendanceMixin, _SignalsMixin, _ConversationsMixin, _PartnersMixin,
                 _ActivitiesMixin):
    def __init__(self, db: Session, *, seed: int, n_children: int, months: int, n_locations: int,
                 today: date, password: str) -> None:
        self.db = db
        self.seed = seed
        self.rng = random.Random(seed)
        self.n_children = n_children
        self.months = months
        self.n_locations = n_locations
        self.today = today
        self.yesterday = today - timedelta(days=1)
        self.history_start = _add_months(today, -months)
        self.password = password
        self.summary = DemoSummary()
        # How much "activity" (signals, conversations, referrals out) relative to the default size.
        self.scale = (n_locations / 4) * (months / 3) * min(1.0, n_children / 200)
        self.closed = _closed_days(self.history_start, today)
        self.locs: list[_Loc] = []
        self.staff: list[_Staff] = []
        self.kids: list[_Kid] = []
        self.families: list[_Fam] = []
        self.partners: list[dict] = []
        self.org_id = 0

    # ---------------------------------------------------------------- helpers

    def uuid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def phone(self) -> str:
        return f"06-{self.rng.randint(10000000, 99999999)}"

    def day_between(self, first: date, last: date) -> date:
        if last <= first:
            return first
        return first + timedelta(days=self.rng.randint(0, (last - first).days))

    def open_day_between(self, first: date, last: date) -> date:
        """A random weekday between first and last on which the huiskamers are open."""
        for _ in range(30):
            d = self.day_between(first, last)
            if d.isoweekday() <= 5 and d not in self.closed:
                return d
        return self.day_between(first, last)

    def insert(self, model, rows: list[dict]) -> None:
        if not rows:
            return
        table = model.__table__
        for i in range(0, len(rows), CHUNK):
            self.db.execute(sa.insert(table), rows[i:i + CHUNK])
        setattr(self.summary, table.name, getattr(self.summary, table.name) + len(rows))

    def insert_ids(self, model, rows: list[dict]) -> list[int]:
        if not rows:
            return []
        table = model.__table__
        stmt = sa.insert(table).returning(table.c.id, sort_by_parameter_order=True)
        ids: list[int] = []
        for i in range(0, len(rows), CHUNK):
            ids.extend(self.db.execute(stmt, rows[i:i + CHUNK]).scalars().all())
        setattr(self.summary, table.name, getattr(self.summary, table.name) + len(rows))
        return ids

    def fill(self, text: str, kid: _Kid | None = None, ouder: str = "", partner: str = "", doel: str = "") -> str:
        female = kid.female if kid else False
        rol = kid.family.guardians[0].relation if kid and kid.family else "ouder"
        return text.format(
            kind=kid.first if kid else "het kind", Kind=kid.first if kid else "Het kind",
            hij="zij" if female else "hij", Hij="Zij" if female else "Hij",
            zijn="haar" if female else "zijn", Zijn="Haar" if female else "Zijn",
            hem="haar" if female else "hem", ouder=ouder or "de ouder", Rol=rol[:1].upper() + rol[1:],
            partner=partner, doel=doel,
        )

    def worker(self, loc: _Loc) -> _Staff:
        return self.rng.choice(loc.workers or loc.staff)

    # ---------------------------------------------------------------- run

    def run(self) -> DemoSummary:
        self.make_organisation_and_locations()
        self.make_staff()
        self.plan_children()
        self.make_families_and_names()
        self.write_children()
        self.make_second_households()  # its own random stream: the rest stays the same
        self.make_partners()
        self.make_goals()
        self.make_attendance()
        tracks = self.make_signals_and_tracks()
        self.make_conversations(tracks)
        self.make_referrals_out(tracks)
        self.make_activities()  # last, with its own random stream: the data above stay the same
        # One transaction: a failure leaves the database as it was (also at the benchmark size,
        # ~600k rows, which SQLite and PostgreSQL handle fine in one go).
        self.db.commit()
        return self.summary

    def kid_by_id(self, id_: int) -> _Kid:
        if not hasattr(self, "_kid_index"):
            self._kid_index = {k.id: k for k in self.kids}
        return self._kid_index[id_]

    def loc_by_id(self, id_: int) -> _Loc:
        return next(loc for loc in self.locs if loc.id == id_)

    def staff_by_id(self, id_: int) -> _Staff:
        return next(s for s in self.staff if s.id == id_)
