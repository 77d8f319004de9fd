#!/usr/bin/env bash
# Run every test (unit, integration, end-to-end) and write JUnit XML to test-results/junit.xml.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.venv/bin:$PATH" REFLEX_USE_NPM=1
export NPM_CONFIG_REGISTRY="${NPM_CONFIG_REGISTRY:-$(npm config get registry 2>/dev/null || echo https://registry.npmjs.org/)}"
mkdir -p test-results
python -m pytest tests --junitxml=test-results/junit.xml -o junit_family=xunit2 "$@"
status=$?
if [ "$status" -eq 5 ]; then
  echo "FOUT: pytest heeft geen enkele test uitgevoerd (exit 5); dat telt als mislukt." >&2
  exit 1
fi
exit "$status"
