#!/usr/bin/env bash
# The fault-injection suite (docs/reliability.md): kills the API, restarts PostgreSQL immediately and cuts the
# database connections while clients record receipts with idempotency keys; ends with "N passed, N failed".
# Bounded: about two and a half minutes. Usage: bash tests/fault-injection.sh [runs]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source deploy/postgres.sh
runs="${1:-1}"

if ! command -v socat >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] && { export DEBIAN_FRONTEND=noninteractive; apt-get update -qq >/dev/null; apt-get install -y -qq socat >/dev/null; }
fi

dotnet build src/BsgFunds.Api -c Release -v q -nologo >/dev/null
dotnet build tests/BsgFunds.FaultInjection -c Release -v q -nologo >/dev/null
owner=""; [ "$(id -u)" = 0 ] && owner="postgres"
passed=0; failed=0
for run in $(seq 1 "$runs"); do
  pg_private_start faults "${BSGFUNDS_FAULT_PG_PORT:-55443}"
  port=$(pg_configured_port "$PG_DATA_DIR")
  psql -h 127.0.0.1 -p "$port" -U postgres -qc "drop database if exists bsgfunds" -c "create database bsgfunds" >/dev/null
  out=$(dotnet tests/BsgFunds.FaultInjection/bin/Release/net10.0/BsgFunds.FaultInjection.dll \
    --api-dll "$(pwd)/src/BsgFunds.Api/bin/Release/net10.0/BsgFunds.Api.dll" --pg-bin "$PG_BIN" --pg-data "$PG_DATA_DIR" \
    --pg-port "$port" --relay-port "${BSGFUNDS_FAULT_RELAY_PORT:-55444}" --api-port "${BSGFUNDS_FAULT_API_PORT:-5091}" \
    ${owner:+--run-as "$owner"}) || true
  echo "run $run:"; echo "$out" | sed 's/^/  /'
  p=$(echo "$out" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p'); f=$(echo "$out" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-5}))
done
pg_private_stop
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
