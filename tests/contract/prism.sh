#!/usr/bin/env bash
# Counts what Stoplight Prism, in proxy mode in front of the API, finds wrong in the exchanges of the generated C# client's
# whole flow (tests/BsgFunds.IntegrationTests/Contract/ClientFlow.cs.txt). Not part of the test command: the integration
# suite checks every one of its own answers in process (Contract/ContractValidation.cs); this is the same check by an
# independent tool over a real socket. Usage: bash tests/contract/prism.sh   (after `bash deploy/test.sh` once)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
source deploy/postgres.sh
pg_private_start test "${BSGFUNDS_TEST_PG_PORT:-55433}"
api_port=5181; prism_port=4181; work=$(mktemp -d)
pg_port=$(printf '%s' "$PG_CONNECTION" | sed -n 's/.*Port=\([0-9]*\).*/\1/p')
psql -h 127.0.0.1 -p "$pg_port" -U postgres -q -c "drop database if exists bsgfunds_prism" -c "create database bsgfunds_prism" >/dev/null
export ConnectionStrings__Marten="${PG_CONNECTION/Database=bsgfunds/Database=bsgfunds_prism}"
(cd src/BsgFunds.Api/bin/Release/net10.0 && exec env ASPNETCORE_ENVIRONMENT=Development dotnet BsgFunds.Api.dll \
  --urls "http://127.0.0.1:$api_port") >"$work/api.log" 2>&1 &
api=$!
trap 'kill $api $prism 2>/dev/null || true' EXIT
for _ in $(seq 60); do curl -fs "http://127.0.0.1:$api_port/health/ready" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "http://127.0.0.1:$api_port/swagger/v1/swagger.json" >"$work/swagger.json"
tests/contract/node_modules/.bin/prism proxy "$work/swagger.json" "http://127.0.0.1:$api_port" -h 127.0.0.1 -p "$prism_port" >"$work/prism.log" 2>&1 &
prism=$!
for _ in $(seq 30); do grep -q "Prism is listening" "$work/prism.log" && break; sleep 1; done
BSGFUNDS_CONTRACT_BASE_URL="http://127.0.0.1:$prism_port" dotnet test tests/BsgFunds.IntegrationTests -c Release --no-build \
  --filter "FullyQualifiedName~a_csharp_client_generated_by_nswag_runs_the_whole_flow" >"$work/test.log" 2>&1 || true
exchanges=$(grep -c "Forwarding" "$work/prism.log" || true)
violations=$(grep -ci "violation" "$work/prism.log" || true)
grep -i -A3 "violation" "$work/prism.log" | head -40 || true
grep -E "Passed!|Failed!" "$work/test.log" || true
echo "prism: $exchanges exchanges, $violations violations"
