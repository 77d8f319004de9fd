"""Test-wide settings: tests never touch the developer's ./data directory."""

from __future__ import annotations

import os
import tempfile

_DATA = tempfile.mkdtemp(prefix="kinderwerk-test-")
os.environ.setdefault("KINDERWERK_DATA_DIR", _DATA)
os.environ.setdefault("KINDERWERK_DB_PATH", os.path.join(_DATA, "unit.db"))
os.environ.pop("KINDERWERK_DEMO", None)
