#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 with pgvector for the integration tests' second pass (see docs/local-development.md).
#
#   scripts/ci-postgres.sh [url-file]   install what is missing, (re)create the cluster, print TEST_DATABASE_URL=... last
#   scripts/ci-postgres.sh --stop       stop the cluster and delete its folder
#
# CI_POSTGRES_DIR (the cluster's folder) and CI_POSTGRES_PORT (a fixed port instead of the first free one from 54330)
# let a second instance run beside the default one on a shared machine; --stop then needs the same CI_POSTGRES_DIR.
#
# Debian bookworm, as root. Safe to run again: installed pieces are kept, the cluster is recreated from scratch so
# every run starts from an empty database. Everything but the final line goes to stderr.
set -euo pipefail

PG_MAJOR=15
PGVECTOR_VERSION=0.8.0
PG_BIN=/usr/lib/postgresql/$PG_MAJOR/bin
OWNER=navigator_owner
DATABASE=insurance_navigator
# mktemp -u names a path in $TMPDIR (or the system default) without creating it; its folder is the temp root.
TEMP_ROOT=$(dirname "$(mktemp -u)")
STATE_DIR=${CI_POSTGRES_DIR:-$TEMP_ROOT/insurance-navigator-ci-postgres}
# Ports above the usual 5432..5440 that packaged clusters take.
PORT_FIRST=54330
PORT_LAST=54429

log() { echo "ci-postgres: $*" >&2; }
fail() {
  log "FAILED: $*"
  exit 1
}
# Runs a noisy command with its output in a log file, showing the tail only if it fails.
quietly() {
  local logfile=$STATE_DIR.log
  if ! "$@" >>"$logfile" 2>&1; then
    tail -n 30 "$logfile" >&2
    fail "$* (full output in $logfile)"
  fi
}

stop_cluster() {
  if [[ -f $STATE_DIR/data/postmaster.pid ]]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$STATE_DIR/data" -m fast -w stop >&2 || true
  fi
  rm -rf "$STATE_DIR"
}

if [[ ${1:-} == --stop ]]; then
  stop_cluster
  rm -f "$STATE_DIR.log"
  exit 0
fi
url_file=
if [[ -n ${1:-} ]]; then
  url_file=$(realpath -m "$1")
fi
# The server's tools run as postgres, which may not be allowed into the caller's working directory.
cd "$TEMP_ROOT"

[[ $(id -u) -eq 0 ]] || fail "must run as root (installs packages, runs the server as user postgres)"
command -v apt-get >/dev/null || fail "no apt-get: this script is for Debian"
started=$SECONDS
: >"$STATE_DIR.log"
export DEBIAN_FRONTEND=noninteractive
apt_updated=

system_apt_update() {
  if [[ -z $apt_updated ]]; then
    log "apt-get update"
    quietly apt-get update
    apt_updated=1
  fi
}

# 1. The server.
if [[ ! -x $PG_BIN/postgres ]]; then
  system_apt_update
  log "installing postgresql-$PG_MAJOR"
  quietly apt-get install -y --no-install-recommends "postgresql-$PG_MAJOR"
fi
[[ -x $PG_BIN/postgres ]] || fail "postgresql-$PG_MAJOR did not install $PG_BIN/postgres"

# 2. pgvector, built from Debian trixie's source package (bookworm has none) against the installed server.
pg_config=$PG_BIN/pg_config
have_pgvector() {
  local control
  control="$("$pg_config" --sharedir)/extension/vector.control"
  [[ -f "$("$pg_config" --pkglibdir)/vector.so" && -f $control ]] &&
    grep -q "default_version = '$PGVECTOR_VERSION'" "$control"
}
if ! have_pgvector; then
  build_started=$SECONDS
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  mirror=
  if [[ -f /etc/apt/sources.list.d/debian.sources ]]; then
    mirror=$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources)
  fi
  # The image's own mirror only: this script never chooses a package host itself.
  [[ -n $mirror ]] || fail "no Debian mirror in /etc/apt/sources.list.d/debian.sources; cannot fetch pgvector's source"
  # A private sources list and lists folder: the system's apt configuration is left as it was.
  mkdir -p "$work/lists/partial" "$work/sourceparts" "$work/src"
  printf 'deb %s bookworm main\ndeb-src %s trixie main\n' "$mirror" "$mirror" >"$work/sources.list"
  private=(-o "Dir::Etc::SourceList=$work/sources.list" -o "Dir::Etc::SourceParts=$work/sourceparts"
    -o "Dir::State::Lists=$work/lists")
  system_apt_update
  log "apt-get update (private list with trixie sources, mirror $mirror)"
  quietly apt-get "${private[@]}" update

  # The headers must match the running server exactly; unpinned, apt would upgrade the server along with them.
  server_version=$(dpkg-query -W -f='${Version}' "postgresql-$PG_MAJOR")
  log "installing postgresql-server-dev-$PG_MAJOR=$server_version"
  packages=("postgresql-server-dev-$PG_MAJOR=$server_version")
  dpkg-query -W -f='${Status}' build-essential 2>/dev/null | grep -q "ok installed" || packages+=(build-essential)
  if ! apt-get install -y --no-install-recommends "${packages[@]}" >>"$STATE_DIR.log" 2>&1; then
    # The mirror no longer has that exact version: take the current server and headers together.
    log "server version $server_version is gone from the mirror; upgrading postgresql-$PG_MAJOR with its headers"
    quietly apt-get install -y --no-install-recommends "postgresql-$PG_MAJOR" "postgresql-server-dev-$PG_MAJOR" build-essential
  fi

  log "fetching and building pgvector $PGVECTOR_VERSION"
  (cd "$work/src" && quietly apt-get "${private[@]}" source pgvector)
  source_dir=$(find "$work/src" -maxdepth 1 -mindepth 1 -type d -name 'pgvector-*' | head -n 1)
  [[ -n $source_dir ]] || fail "apt-get source pgvector produced no source folder"
  [[ $(basename "$source_dir") == "pgvector-$PGVECTOR_VERSION" ]] ||
    fail "trixie now ships $(basename "$source_dir"), not pgvector-$PGVECTOR_VERSION: check it and update PGVECTOR_VERSION"
  quietly make -C "$source_dir" -j "$(nproc)" PG_CONFIG="$pg_config"
  quietly make -C "$source_dir" install PG_CONFIG="$pg_config"
  have_pgvector || fail "pgvector $PGVECTOR_VERSION is not installed after make install"
  log "pgvector $PGVECTOR_VERSION built and installed in $((SECONDS - build_started)) s"
fi

# 3. A fresh cluster owned by postgres, listening on loopback only, password (SCRAM) auth over TCP.
stop_cluster
mkdir -p "$STATE_DIR"
chown postgres: "$STATE_DIR"
chmod 700 "$STATE_DIR"
port=
if [[ -n ${CI_POSTGRES_PORT:-} ]]; then
  PORT_FIRST=$CI_POSTGRES_PORT
  PORT_LAST=$CI_POSTGRES_PORT
fi
for candidate in $(seq "$PORT_FIRST" "$PORT_LAST"); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
    port=$candidate
    break
  fi
done
[[ -n $port ]] || fail "no free port in $PORT_FIRST..$PORT_LAST"

log "initdb in $STATE_DIR/data, port $port"
quietly runuser -u postgres -- "$PG_BIN/initdb" -D "$STATE_DIR/data" -U postgres -E UTF8 --locale=C.UTF-8 \
  --auth-local=peer --auth-host=scram-sha-256
# A test database holds nothing worth a crash-safe write: skipping fsync saves seconds per run.
cat >>"$STATE_DIR/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$STATE_DIR'
password_encryption = 'scram-sha-256'
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
# One retry: a start failed once here for a reason its log had lost by the time we looked; the server log's tail is
# printed on failure so the next one explains itself (--stop deletes the state folder, log included).
start_server() { runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$STATE_DIR/data" -l "$STATE_DIR/server.log" -w -t 60 start >>"$STATE_DIR.log" 2>&1; }
if ! start_server; then
  log "PostgreSQL did not start; its log says:"
  tail -n 20 "$STATE_DIR/server.log" >&2 || true
  sleep 2
  start_server || fail "pg_ctl start failed twice (server log above; full output in $STATE_DIR.log)"
fi

password=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
psql_admin() { runuser -u postgres -- "$PG_BIN/psql" -h "$STATE_DIR" -p "$port" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
# The owner runs the migrations like Neon's database owner: it owns the schema and may create roles (insurance_app),
# but is no superuser, so the tests see the permissions production has.
psql_admin -d postgres -c "CREATE ROLE $OWNER LOGIN CREATEROLE PASSWORD '$password'" >&2
psql_admin -d postgres -c "CREATE DATABASE $DATABASE OWNER $OWNER" >&2
psql_admin -d "$DATABASE" -c "ALTER SCHEMA public OWNER TO $OWNER" >&2
# Creating an extension needs a superuser unless it is marked trusted; Neon preinstalls it, so we do too.
psql_admin -d "$DATABASE" -c "CREATE EXTENSION IF NOT EXISTS vector" >&2
version=$(psql_admin -d "$DATABASE" -c "SELECT extversion FROM pg_extension WHERE extname = 'vector'")
log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{ print $3 }') with pgvector $version ready in $((SECONDS - started)) s"
log "stop it with: scripts/ci-postgres.sh --stop"

url="postgres://$OWNER:$password@127.0.0.1:$port/$DATABASE"
if [[ -n $url_file ]]; then
  (umask 077 && echo "$url" >"$url_file")
fi
echo "TEST_DATABASE_URL=$url"
