"""Fictional demo data: ``generate(db)`` fills an empty database (see generator.py)."""

from .generator import DEMO_PASSWORD, DemoSummary, generate

__all__ = ["DEMO_PASSWORD", "DemoSummary", "generate"]
