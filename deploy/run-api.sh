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
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
exec dotnet run --project src/BsgFunds.Api -c Release -- --urls "${BSGFUNDS_URLS:-http://127.0.0.1:5080}"
