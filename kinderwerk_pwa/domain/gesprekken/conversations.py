"""Oudergesprekken (conversations with parents) and the afspraken (agreements) made in them.

- `record_conversation` is the one way a conversation note enters (online form, offline queue,
  tests). Idempotent on the payload's client_uuid. It can complete step 3 of an open meldcode
  track ("gesprek met ouders") in the same transaction.
- `family_view` shows a family with its conversations and agreements; `my_agreements` and
  `due_agreements_today` are the actor's follow-up list; `set_agreement_status` closes one.
- Permissions: GESPREK_VASTLEGGEN on the conversation's location to record or change,
  GESPREK_LEZEN on it to read. Every read or write is audited in the same transaction; the audit
  detail holds ids and counts only, never the note text.

The code lives in: conversation_views.py (result and view shapes), conversation_input.py
(validating a conversation payload), conversation_access.py (loading, permission targets, labels),
conversation_notes.py (recording a conversation, timeline items), families.py (the family page and
form choices) and agreements.py (the actor's follow-up list). This module re-exports them.
"""

from .agreements import (  # noqa: F401 - re-exported: this module's public path
    due_agreements_today,
    my_agreements,
    set_agreement_status,
)
from .conversation_access import (  # noqa: F401 - re-exported: this module's public path
    MELDCODE_STEP,
    _conversation_target,
    _family_children,
    _family_target,
    _load_family,
    _locations_of,
    _names,
    _owner_label,
    _track_target,
)
from .conversation_input import (  # noqa: F401 - re-exported: this module's public path
    _FALSE,
    _TRUE,
    FUTURE_TOLERANCE,
    MAX_AGREEMENT,
    MAX_AGREEMENTS,
    MAX_FACTS,
    MAX_INTERPRETATION,
    MAX_NOT_DISCUSSED_REASON,
    MAX_OWNER_NAME,
    MAX_PLACE,
    MAX_TOPIC,
    MAX_TOPICS,
    MAX_WITH_WHOM,
    _agreement_uuid,
    _bool,
    _check,
    _Clean,
    _clean_agreements,
    _CleanAgreement,
    _held_at,
    _id_list,
    _optional_id,
    _topics,
    step3_client_uuid,
    validate_conversation,
)
from .conversation_notes import (  # noqa: F401 - re-exported: this module's public path
    _refuse,
    _replay,
    record_conversation,
    timeline_items,
)
from .conversation_views import (  # noqa: F401 - re-exported: this module's public path
    AgreementRow,
    AgreementView,
    Choice,
    ConversationOptions,
    ConversationResult,
    ConversationView,
    FamilyChild,
    FamilyChoice,
    FamilyGuardian,
    FamilyView,
    GoalChoice,
    TrackChoice,
)
from .families import (  # noqa: F401 - re-exported: this module's public path
    _agreement_views,
    conversation_options,
    family_of_child,
    family_view,
    find_families,
)
