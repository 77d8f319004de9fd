"""Shared Reflex state."""
