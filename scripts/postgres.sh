# Starts a throwaway PostgreSQL cluster on 127.0.0.1 for the tests and
# exports LICENSE_TEST_POSTGRES_URL. Sourced by scripts/test.sh; the cluster
# is stopped and deleted when the calling script exits.
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

if [ -z "$(pg_bin)" ]; then
    step "Installing PostgreSQL"
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    else
        sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
fi
PG_BIN=$(pg_bin)
PG_PORT=${PG_PORT:-54329}
PG_DIR=$(mktemp -d /tmp/license-test-pg.XXXXXX)

# PostgreSQL refuses to run as root: run it as the postgres user then.
as_pg() {
    if [ "$(id -u)" = 0 ]; then
        chown -R postgres "$PG_DIR"
        su postgres -s /bin/sh -c "$*"
    else
        sh -c "$*"
    fi
}

# Tests need no durability (fsync off: quicker); PG_DURABLE=1 keeps PostgreSQL's
# defaults (fsync on, synchronous commit), for benchmarks.
PG_DURABILITY="-c fsync=off -c synchronous_commit=off"
[ "${PG_DURABLE:-}" = 1 ] && PG_DURABILITY="-c shared_buffers=256MB ${PG_EXTRA:-}"
step "Starting PostgreSQL ($PG_BIN) on 127.0.0.1:$PG_PORT${PG_DURABLE:+ (fsync on)}"
as_pg "'$PG_BIN/initdb' -D '$PG_DIR/data' -A trust -U postgres >/dev/null"
as_pg "'$PG_BIN/pg_ctl' -D '$PG_DIR/data' -l '$PG_DIR/log' -w start \
    -o \"-c listen_addresses=127.0.0.1 -p $PG_PORT -k '$PG_DIR' -c max_connections=400 $PG_DURABILITY\"" >/dev/null
stop_postgres() {
    as_pg "'$PG_BIN/pg_ctl' -D '$PG_DIR/data' -m immediate stop" >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
}
trap stop_postgres EXIT
export LICENSE_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
