"""The domain layer: every decision of the app, as plain functions over a SQLModel Session.

Nothing under this package may import reflex (a test enforces it). Every public function takes the
acting user (`actor`) as its first argument and checks permission itself.
"""
