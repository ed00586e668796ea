#!/usr/bin/env bash
# Runs the API at http://127.0.0.1:5080 (Swagger UI at /swagger) in the Development environment.
# Without a configured connection string it starts (or reuses) a private PostgreSQL cluster in .pg/dev.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source deploy/postgres.sh

if [ -z "${ConnectionStrings__Marten:-}" ]; then
  pg_private_start dev "${BSGFUNDS_DEV_PG_PORT:-55432}"
  export ConnectionStrings__Marten="$PG_CONNECTION"
else
  pg_log "using the configured connection string (ConnectionStrings__Marten)"
fi
# The staff console at /console/ (docs/console.md) is built when npm is here; without npm the API still runs and
# /console/ answers 503 with a page saying how to build it.
if command -v npm >/dev/null 2>&1; then
  (cd src/BsgFunds.Console && { [ -f node_modules/.installed ] && [ node_modules/.installed -nt package-lock.json ] \
      || { npm ci --no-audit --no-fund --silent && touch node_modules/.installed; }; } && npm run --silent build) \
    || echo "[run-api] the staff console did not build; /console/ will answer 503" >&2
else
  echo "[run-api] npm is not installed: the staff console is not built and /console/ answers 503 (docs/console.md)" >&2
fi
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
exec dotnet run --project src/BsgFunds.Api -c Release -- --urls "${BSGFUNDS_URLS:-http://127.0.0.1:5080}"
