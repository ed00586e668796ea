#!/usr/bin/env bash
# Runs the whole test suite against a private PostgreSQL cluster (.pg/test) that it starts by itself,
# then prints one line "N passed, N failed" counted from the test results.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source deploy/postgres.sh

# Tools the tests drive, from Debian's packages: hledger and ledger-cli both check the journal export, xmllint
# validates the IATI export against the official schema, Chromium renders the donor portal.
missing=()
command -v hledger >/dev/null 2>&1 || missing+=(hledger)
command -v ledger >/dev/null 2>&1 || missing+=(ledger)
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "[test] installing ${missing[*]} with apt-get" >&2
    (export DEBIAN_FRONTEND=noninteractive; apt-get update -qq >/dev/null && apt-get install -y -qq "${missing[@]}" >/dev/null) || echo "[test] ${missing[*]} could not be installed" >&2
  else
    echo "[test] missing: ${missing[*]}; install these Debian packages" >&2
  fi
fi

# The tools the contract tests run on the served OpenAPI document (linters, TypeScript generator and compiler, Prism),
# from the npm registry at the versions tests/contract/package-lock.json pins; installed again when the lock changes.
contract=tests/contract
if [ ! -f "$contract/node_modules/.installed" ] || [ "$contract/package-lock.json" -nt "$contract/node_modules/.installed" ]; then
  (cd "$contract" && npm ci --no-audit --no-fund --silent >/dev/null && touch node_modules/.installed) \
    || echo "[test] the contract tools could not be installed from the npm registry; the contract tests will fail" >&2
fi

# The staff console (docs/console.md): its packages at the versions src/BsgFunds.Console/package-lock.json pins (installed
# again when the lock changes), then its build: the client generated from openapi.json, tsc --strict, the esbuild bundle
# into src/BsgFunds.Api/wwwroot/console, which the API's build below copies beside itself. The console tests also use its
# axe-core and oidc-provider packages.
console=src/BsgFunds.Console
if [ ! -f "$console/node_modules/.installed" ] || [ "$console/package-lock.json" -nt "$console/node_modules/.installed" ]; then
  (cd "$console" && npm ci --no-audit --no-fund --silent >/dev/null && touch node_modules/.installed) \
    || echo "[test] the console's packages could not be installed from the npm registry; the console tests will fail" >&2
fi
(cd "$console" && npm run --silent build) || { echo "[test] the console did not build (tsc --strict or esbuild failed)" >&2; exit 1; }

# NSwag, which generates the C# client the contract tests compile, at the version .config/dotnet-tools.json pins.
dotnet tool restore >/dev/null || echo "[test] the .NET tools could not be restored; the generated-client test will fail" >&2

# The test cluster is throw-away: durability buys nothing here and costs time.
PG_FSYNC=off pg_private_start test "${BSGFUNDS_TEST_PG_PORT:-55433}"
export ConnectionStrings__Marten="$PG_CONNECTION"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

results="$(pwd)/TestResults"
rm -rf "$results"
status=0
dotnet test BsgFunds.sln -c Release --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" || status=$?

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(printf '%s' "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
  f=$(printf '%s' "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
# A build failure or a crashed runner leaves no result for some tests: never report that as all passed.

# The fault-injection suite (docs/reliability.md): one run, about a minute and a half.
if [ "${BSGFUNDS_SKIP_FAULTS:-}" != 1 ]; then
  fault_status=0
  fault_out=$(bash tests/fault-injection.sh 1 2>&1) || fault_status=$?
  echo "$fault_out" | grep -E "PASS|FAIL" || true
  fp=$(echo "$fault_out" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p' | tail -n 1)
  ff=$(echo "$fault_out" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p' | tail -n 1)
  passed=$((passed + ${fp:-0})); failed=$((failed + ${ff:-1}))
  [ "$fault_status" = 0 ] || status=1
fi

if [ "$status" != 0 ] && [ "$failed" = 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
exit "$status"
