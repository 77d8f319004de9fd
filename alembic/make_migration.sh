#!/usr/bin/env bash
# Autogenerate a new Alembic revision from the SQLModel models.
#
#   alembic/make_migration.sh "wat er veranderd is"
#
# Runs against a fresh temporary SQLite database that is first upgraded to head, so the new
# revision contains exactly the difference between the existing migrations and the models.
# Review the generated file (alembic/versions/) before committing: autogenerate does not see
# renames, CHECK constraint changes or server defaults.
set -euo pipefail

if [ $# -ne 1 ] || [ -z "$1" ]; then
    echo "gebruik: $0 \"omschrijving van de wijziging\"" >&2
    exit 2
fi

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ALEMBIC="${ALEMBIC:-$ROOT/.venv/bin/alembic}"
if [ ! -x "$ALEMBIC" ]; then
    ALEMBIC="$(command -v alembic)" || { echo "alembic niet gevonden (verwacht $ROOT/.venv/bin/alembic)" >&2; exit 1; }
fi

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

cd "$ROOT"
# env.py reads DATABASE_URL through kinderwerk_pwa.settings; never touch the real database here.
export DATABASE_URL="sqlite:///$TMP/migration.db"
# Settings() also resolves the cookie secret, which would otherwise be created under ./data.
export KINDERWERK_SECRET_KEY="${KINDERWERK_SECRET_KEY:-make-migration-only}"
"$ALEMBIC" -c "$ROOT/alembic.ini" upgrade head
"$ALEMBIC" -c "$ROOT/alembic.ini" revision --autogenerate -m "$1"
