#!/usr/bin/env bash
# Creates (once) and starts a private PostgreSQL cluster for BsgFunds from the machine's PostgreSQL binaries.
# Sourced by run-api.sh and test.sh; usage: pg_private_start <name> <port>; it exports PG_CONNECTION.
# The cluster is for local development and tests only: it trusts every local connection.
set -euo pipefail

PG_VERSION="${PG_VERSION:-15}"
PG_BIN="/usr/lib/postgresql/${PG_VERSION}/bin"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

pg_log() { printf '[postgres] %s\n' "$*" >&2; }

pg_ensure_binaries() {
  if [ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_ctl" ] && command -v psql >/dev/null 2>&1; then return; fi
  if [ "$(id -u)" != 0 ]; then
    pg_log "PostgreSQL ${PG_VERSION} binaries are missing in $PG_BIN; install the 'postgresql' package (needs root)."
    exit 1
  fi
  pg_log "installing the postgresql package with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq postgresql >/dev/null
  if [ ! -x "$PG_BIN/initdb" ]; then
    pg_log "apt-get installed PostgreSQL, but not version ${PG_VERSION} in $PG_BIN; set PG_VERSION."
    exit 1
  fi
}

# Runs a command as the cluster's owner: initdb refuses root, so root hands the cluster to 'postgres'.
# It starts from / because the owner may not be allowed into the caller's working folder.
pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

pg_port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The cluster's port as its configuration says (the last 'port =' line wins, as in PostgreSQL).
pg_configured_port() { sed -n 's/^port = \([0-9]*\).*/\1/p' "$1/postgresql.conf" | tail -n 1; }

# The data folder lives in the repo (git-ignored) unless the owner cannot reach it, e.g. a clone under /root.
pg_data_root() {
  local name="$1" wanted="$REPO_ROOT/.pg/$name"
  mkdir -p "$wanted"
  if [ "$(id -u)" != 0 ]; then echo "$wanted"; return; fi
  chown postgres:postgres "$wanted"
  if runuser -u postgres -- test -w "$wanted"; then echo "$wanted"; return; fi
  local fallback="/var/tmp/bsgfunds-pg-$(printf '%s' "$REPO_ROOT" | sha1sum | cut -c1-12)/$name"
  pg_log "the postgres user cannot reach $wanted; using $fallback instead"
  mkdir -p "$fallback" && chmod 755 "$(dirname "$fallback")" && chown postgres:postgres "$fallback"
  echo "$fallback"
}

pg_private_start() {
  local name="$1" port="$2" root data
  pg_ensure_binaries
  root="$(pg_data_root "$name")"
  data="$root/data"
  if [ ! -f "$data/PG_VERSION" ]; then
    pg_log "creating a private cluster in $data (port $port)"
    pg_as_owner "$PG_BIN/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$root/initdb.log" 2>&1 \
      || { cat "$root/initdb.log" >&2; exit 1; }
    cat >>"$data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$root'
max_connections = 200
shared_buffers = 256MB
fsync = ${PG_FSYNC:-on}
CONF
  fi
  if pg_as_owner "$PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    pg_log "reusing the running cluster in $data"
    port="$(pg_configured_port "$data")"
  else
    port="$(pg_configured_port "$data")"
    local attempt
    for attempt in 1 2 3 4 5; do
      # Something else holds our port (another checkout's cluster, or an outgoing connection's ephemeral port):
      # move this cluster to a free one.
      if pg_port_in_use "$port" || [ "$attempt" -gt 1 ]; then
        local candidate
        for candidate in $(seq $((port + 1)) $((port + 200))); do
          if ! pg_port_in_use "$candidate"; then break; fi
        done
        pg_log "port $port is taken; this cluster moves to port $candidate"
        printf 'port = %s\n' "$candidate" | pg_as_owner tee -a "$data/postgresql.conf" >/dev/null
        port="$candidate"
      fi
      if pg_as_owner "$PG_BIN/pg_ctl" -D "$data" -l "$root/server.log" -w -t 60 start >/dev/null; then
        pg_log "started the cluster in $data on 127.0.0.1:$port"
        break
      fi
      if ! tail -n 20 "$root/server.log" | grep -q "Address already in use" || [ "$attempt" = 5 ]; then
        tail -n 30 "$root/server.log" >&2
        exit 1
      fi
    done
  fi
  if ! psql -h 127.0.0.1 -p "$port" -U postgres -tAc "select 1 from pg_database where datname='bsgfunds'" | grep -q 1; then
    psql -h 127.0.0.1 -p "$port" -U postgres -qc "create database bsgfunds" >/dev/null
  fi
  export PG_DATA_DIR="$data"
  export PG_CONNECTION="Host=127.0.0.1;Port=$port;Database=bsgfunds;Username=postgres;Pooling=true;Maximum Pool Size=60"
}

pg_private_stop() {
  [ -n "${PG_DATA_DIR:-}" ] && pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA_DIR" -m fast stop >/dev/null 2>&1 || true
}
