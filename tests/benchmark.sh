#!/usr/bin/env bash
# The benchmark (docs/performance.md): a private PostgreSQL cluster, the Release build of the API, and one run that
# measures the raw baselines and the API, then rewrites docs/performance.md and docs/performance.json.
# Usage: bash tests/benchmark.sh [histories, default 10000,100000,1000000]. Not part of CI; takes 10 to 30 minutes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source deploy/postgres.sh
PG_FSYNC=on pg_private_start bench "${BSGFUNDS_BENCH_PG_PORT:-55450}"
port=$(pg_configured_port "$PG_DATA_DIR")
psql -h 127.0.0.1 -p "$port" -U postgres -qc "drop database if exists bsgfunds" -c "create database bsgfunds" >/dev/null
dotnet build src/BsgFunds.Api -c Release -v q -nologo >/dev/null
dotnet build tests/BsgFunds.Benchmarks -c Release -v q -nologo >/dev/null
dotnet tests/BsgFunds.Benchmarks/bin/Release/net10.0/BsgFunds.Benchmarks.dll \
  --cs "Host=127.0.0.1;Port=$port;Database=bsgfunds;Username=postgres;Maximum Pool Size=100" --pg-bin "$PG_BIN" \
  --api-dll "$(pwd)/src/BsgFunds.Api/bin/Release/net10.0/BsgFunds.Api.dll" \
  --histories "${1:-10000,100000,1000000}" --out-md docs/performance.md --out-json docs/performance.json
pg_private_stop
