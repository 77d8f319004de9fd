"""Fixed values of the demo data: the demo password and email domain, the organisation's name,
the time zone, the bulk-insert chunk size and the signal categories.
"""

from __future__ import annotations

from kinderwerk_pwa.domain.common.clock import AMSTERDAM

from ..domain.signalering.signal_catalog import category_codes  # noqa: E402

DEMO_PASSWORD = "Speeltuin-Zomer-2026"
DEMO_EMAIL_DOMAIN = "demo.kinderwerk.nl"
ORGANISATION_NAME = "Stichting Kinderwerk Almere (demo)"
AMS = AMSTERDAM
CHUNK = 5000

SIGNAL_CATEGORIES = tuple(category_codes())
