#!/usr/bin/env bash
# Writes the OpenAPI document the API serves into src/BsgFunds.Console/openapi.json, the console client's source
# (docs/console.md). Run after adding or changing an endpoint; the integration test ConsoleDocumentTests says when.
# It starts the API's build in Development on a free loopback port against the configured or the dev database.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
dotnet build src/BsgFunds.Api -c Release >/dev/null
port="${BSGFUNDS_OPENAPI_PORT:-5179}"
export ASPNETCORE_ENVIRONMENT=Development
if [ -z "${ConnectionStrings__Marten:-}" ]; then
  source deploy/postgres.sh
  pg_private_start dev "${BSGFUNDS_DEV_PG_PORT:-55432}"
  export ConnectionStrings__Marten="$PG_CONNECTION"
fi
(cd src/BsgFunds.Api/bin/Release/net10.0 && exec dotnet BsgFunds.Api.dll --urls "http://127.0.0.1:$port" >/dev/null 2>&1) &
api=$!
trap 'kill "$api" 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -sf "http://127.0.0.1:$port/health/live" >/dev/null && break
  sleep 1
done
curl -sf "http://127.0.0.1:$port/swagger/v1/swagger.json" -o src/BsgFunds.Console/openapi.json
echo "src/BsgFunds.Console/openapi.json updated; now: cd src/BsgFunds.Console && npm run build"
