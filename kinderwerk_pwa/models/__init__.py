"""All tables. Importing this package registers every model with SQLModel.metadata."""

from .activities import (
    Activity,
    ActivityChild,
    ActivityObservation,
    ActivityRegistration,
    ActivitySeries,
    ActivitySeriesTheme,
    ActivityTally,
)
from .attendance import AttendanceEvent, FollowUp
from .audit import AuditEvent
from .base import UTCDateTime, new_uuid, utcnow
from .children import (
    Child,
    ChildHousehold,
    ChildLocation,
    Consent,
    Enrolment,
    Family,
    Guardian,
    PickupPerson,
)
from .conversations import (
    Agreement,
    ConversationChild,
    ConversationGoal,
    ConversationGuardian,
    ParentConversation,
)
from .goals import Goal, GoalProgress
from .organisation import Location, Organisation, Partner
from .referrals import ReferralIn, ReferralOut
from .signals import MeldcodeStep, MeldcodeTrack, Signal, SignalCorrection
from .staff import LoginAttempt, StaffLocation, StaffUser, UserSession
from .subject_requests import SubjectRequest

__all__ = [
    "Activity", "ActivityChild", "ActivityObservation", "ActivityRegistration", "ActivitySeries",
    "ActivitySeriesTheme", "ActivityTally",
    "Agreement", "AttendanceEvent", "AuditEvent", "Child", "ChildLocation", "Consent",
    "ConversationChild", "ConversationGoal", "ConversationGuardian", "Enrolment", "Family", "FollowUp", "Goal",
    "GoalProgress", "Guardian", "Location", "LoginAttempt", "MeldcodeStep", "MeldcodeTrack",
    "ChildHousehold", "Organisation", "ParentConversation", "Partner", "PickupPerson", "ReferralIn", "ReferralOut",
    "Signal", "SignalCorrection", "StaffLocation", "StaffUser", "UTCDateTime", "UserSession",
    "new_uuid", "utcnow",
    "SubjectRequest",
]
