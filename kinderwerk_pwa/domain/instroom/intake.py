"""The dagarrangement path of a child: aanmelding -> wachtlijst -> intake -> actief (geplaatst)
-> uitgestroomd, or ingetrokken on the way.

Every function takes the actor first and checks AANMELDING_BEHEREN on the huiskamer concerned.
Every read or write of a child's data is audited in the same transaction as the change.

The child's status follows from its referrals and placements (see `settle_child_status`): one
child can be known at several locations, so the status is derived from all of them rather than
overwritten by whichever step happened last.

The code lives in: referrals_in.py (aanmelding, wachtlijst, intrekken) and placements.py (intake,
plaatsing, uitstroom); the input cleaners are in common/cleaning.py and the derived child status in
kinderen/child_status.py. This module is the public surface of the instroom for pages and tests;
code inside the domain imports from the defining module.
"""

from ..common.cleaning import (  # noqa: F401 - re-exported: this module's public path
    _PHONE,
    MAX_GOAL_TITLE,
    WEEKDAYS_ALLOWED,
    clean_goal_title,
    clean_phone,
    clean_text,
    client_uuid_of,
    parse_day,
    weekdays_label,
)
from ..kinderen.child_status import (  # noqa: F401 - re-exported: this module's public path
    OPEN_STATUSES,
    active_enrolments,
    settle_child_status,
)
from .placements import (  # noqa: F401 - re-exported: this module's public path
    MAX_END_REASON,
    MAX_GOALS_AT_INTAKE,
    _clean_goal_titles,
    _clean_weekdays,
    end_placement,
    place_child,
    record_intake,
)
from .referrals_in import (  # noqa: F401 - re-exported: this module's public path
    _CHILD_FIELDS,
    MAX_AGE,
    MAX_REASON,
    MAX_REFERRER_NAME,
    MAX_WITHDRAW_REASON,
    MIN_AGE,
    WaitRow,
    _closed_message,
    _load_referral,
    _referral_target,
    register_referral,
    waitlist,
    withdraw_referral,
)
