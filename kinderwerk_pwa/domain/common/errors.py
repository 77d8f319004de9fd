"""Errors the domain raises; each carries a Dutch message a user can read."""

from __future__ import annotations


class DomainError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class PermissionDenied(DomainError):
    """Raised after the refusal has been written to the audit log."""


class NotFound(DomainError):
    pass


class InvalidInput(DomainError):
    """Bad input: nothing was stored. `fields` maps a field name to its Dutch message."""

    def __init__(self, message: str, fields: dict[str, str] | None = None):
        super().__init__(message)
        self.fields = fields or {}
