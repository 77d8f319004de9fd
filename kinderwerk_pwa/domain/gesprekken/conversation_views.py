"""The shapes the conversation functions return: frozen dataclasses for results, the family page,
agreement rows and the conversation form's choices (see gesprekken/conversations.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

# ---- results and views ---------------------------------------------------------------------

@dataclass(frozen=True)
class ConversationResult:
    conversation_id: int
    created: bool  # False: this client_uuid was stored before (a replay); nothing was written
    meldcode_step_recorded: bool = False  # this call completed step 3 of the linked meldcode track


@dataclass(frozen=True)
class FamilyChild:
    id: int
    name: str
    age: int
    can_open: bool  # the actor may open the child's record (KIND_LEZEN)


@dataclass(frozen=True)
class FamilyGuardian:
    id: int
    name: str
    relation: str
    phone: str
    note: str = ""  # "geen gezag" / "mag niet ophalen (rechterlijke uitspraak)"


@dataclass(frozen=True)
class AgreementView:
    id: int
    conversation_id: int
    description: str
    owner_kind: str  # ouder / kinderwerker / partner
    owner_label: str  # "Ouder: Petra Jansen", "Jij", "Kinderwerker: Test collega", "Ketenpartner: Wijkteam"
    owner_name: str
    owner_staff_id: int | None
    due_date: date
    status: str  # open / gedaan / vervallen
    status_label: str
    overdue: bool  # open and due_date < today
    done_at: datetime | None
    done_by_name: str
    can_change: bool  # the actor may set its status (GESPREK_VASTLEGGEN on the conversation's location)


@dataclass(frozen=True)
class ConversationView:
    id: int
    held_at: datetime
    kind: str
    kind_label: str
    location_id: int
    location_name: str
    author_id: int
    author_name: str
    place: str
    topics: list[str]
    facts: str
    interpretation: str
    interpretation_label: str  # "Interpretatie van <auteur>"; "" when there is no interpretation
    discussed_with_parent: bool
    not_discussed_reason: str
    child_ids: list[int]
    child_names: list[str]
    guardian_names: list[str]
    track_id: int | None
    agreements: list[AgreementView] = field(default_factory=list)


@dataclass(frozen=True)
class FamilyView:
    id: int
    name: str
    children: list[FamilyChild]
    guardians: list[FamilyGuardian]
    conversations: list[ConversationView]  # newest first; only those the actor may read
    agreements: list[AgreementView]  # of those conversations: open first (overdue first), then by date
    hidden_conversations: int  # conversations with this family at locations the actor cannot read
    can_record: bool  # the actor may record a conversation with this family
    address: str = ""
    # Children of this household who also live in another one: (child name, household id, name).
    other_households: list[tuple[str, int, str]] = field(default_factory=list)


@dataclass(frozen=True)
class AgreementRow:
    id: int
    conversation_id: int
    description: str
    owner_kind: str
    owner_label: str
    due_date: date
    overdue: bool
    family_id: int
    family_name: str
    child_names: str  # "Sem Jansen, Lisa Jansen"
    location_id: int


@dataclass(frozen=True)
class Choice:
    id: int
    label: str


@dataclass(frozen=True)
class TrackChoice:
    id: int
    label: str  # "Sem Jansen: meldcode stap 3"
    child_id: int
    current_step: int
    completes_step3: bool  # linking this conversation records step 3
    allowed: bool  # the actor may link it (and, at step 3, record that step)


@dataclass(frozen=True)
class GoalChoice:
    id: int
    child_id: int
    label: str  # "Sem Jansen: minder snel boos worden"


@dataclass(frozen=True)
class ConversationOptions:
    family_id: int
    family_name: str
    children: list[Choice]  # the family's children the actor may see (shares a location with)
    guardians: list[Choice]
    locations: list[Choice]  # the actor's locations that know at least one of the children
    tracks: list[TrackChoice]  # open meldcode tracks of the children at step 3 or later
    goals: list[GoalChoice]  # active goals of the children
    kinds: list[tuple[str, str]]  # (code, label) in CONVERSATION_KINDS order


@dataclass(frozen=True)
class FamilyChoice:
    id: int
    name: str
    child_names: str
