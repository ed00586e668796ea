#!/usr/bin/env bash
# The benchmark (docs/performance.md): a private PostgreSQL cluster, the Release build of the API, and one run that
# measures the raw baselines and the API, then rewrites docs/performance.md and docs/performance.json.
# Usage: bash tests/benchmark.sh [histories, default 10000,100000,1000000]. Not part of CI; takes about ten minutes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source deploy/postgres.sh
PG_FSYNC=on pg_private_start bench "${BSGFUNDS_BENCH_PG_PORT:-55450}"
port=$(pg_configured_port "$PG_DATA_DIR")
psql -h 127.0.0.1 -p "$port" -U postgres -qc "drop database if exists bsgfunds with (force)" -c "create database bsgfunds" \
  -c "drop database if exists bsgfunds_load with (force)" -c "create database bsgfunds_load" >/dev/null
# The API as the container image runs it: Wolverine's code generated at build time (codegen write), built into
# .bench/api; the generated files are removed from the source tree afterwards (they are never committed).
dotnet build src/BsgFunds.Api -c Release -v q -nologo >/dev/null
(cd src/BsgFunds.Api && ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Marten="Host=codegen" \
  dotnet run -c Release --no-build -- codegen write >/dev/null)
rm -rf .bench/api
dotnet build src/BsgFunds.Api -c Release -v q -nologo -o .bench/api >/dev/null
rm -rf src/BsgFunds.Api/Internal/Generated
dotnet build src/BsgFunds.Api -c Release -v q -nologo >/dev/null
dotnet build tests/BsgFunds.Benchmarks -c Release -v q -nologo >/dev/null
dotnet tests/BsgFunds.Benchmarks/bin/Release/net10.0/BsgFunds.Benchmarks.dll \
  --cs "Host=127.0.0.1;Port=$port;Database=bsgfunds;Username=postgres;Maximum Pool Size=100" --pg-bin "$PG_BIN" \
  --cs-load "Host=127.0.0.1;Port=$port;Database=bsgfunds_load;Username=postgres;Maximum Pool Size=100" \
  --api-dll "$(pwd)/.bench/api/BsgFunds.Api.dll" \
  --histories "${1:-10000,100000,1000000}" --out-md docs/performance.md --out-json docs/performance.json
pg_private_stop
