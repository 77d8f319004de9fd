#!/usr/bin/env bash
# Prepare the database (migrations; demo data in demo mode) and start the app in production mode.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${1:-${KINDERWERK_PORT:-3000}}"
export KINDERWERK_PORT="$PORT"
export PATH="$PWD/.venv/bin:$PATH" REFLEX_USE_NPM=1
export NPM_CONFIG_REGISTRY="${NPM_CONFIG_REGISTRY:-$(npm config get registry 2>/dev/null || echo https://registry.npmjs.org/)}"
python -m kinderwerk_pwa.manage prepare
exec reflex run --env prod --single-port --frontend-port "$PORT" --backend-port "$PORT" --loglevel warning
