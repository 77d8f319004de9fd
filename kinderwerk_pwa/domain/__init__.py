"""The domain layer: every decision of the app, as plain functions over a SQLModel Session.

Nothing under this package may import reflex, auth, pages, state or api (a test enforces it). Every
public function takes the acting user (`actor`) as its first argument and checks permission itself.

One package per part of the work, importing each other in one direction only (a test enforces
that too), lowest first:

    common -> toegang -> kinderen -> huiskamer, instroom, signalering, activiteiten -> gesprekken
           -> dossier, rapportage, offline -> privacy
"""
