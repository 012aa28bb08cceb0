#!/usr/bin/env bash
# Local storage engines, without Docker: Apache Cassandra (Java 17) and OpenSearch (Java 21+) for the cassandra
# profile, each from its own small pom's jars, kept off the server's classpath; PostgreSQL (apt's) for the embedded
# profile's production database, its tests and benchmarks.
#   tools/engines.sh start  [cassandra|opensearch|postgres|all]   start (or reuse a running one) and wait until ready
#   tools/engines.sh stop   [cassandra|opensearch|postgres|all]   stop what this script started, by PID
#   tools/engines.sh status [cassandra|opensearch|postgres|all]    (all: Cassandra and OpenSearch)
# Data, logs and PID files live in POSTYARD_ENGINES_DIR (default data/engines). POSTYARD_ENGINES_THROWAWAY=true starts
# Cassandra for tests: schema changes are not synced to disk, which makes creating tables much faster.
# Ports (a second pair of nodes next to the usual ones, as the reliability drills run): POSTYARD_LOCAL_CASSANDRA_PORT
# (CQL, 9042), POSTYARD_LOCAL_CASSANDRA_STORAGE_PORT (7000), POSTYARD_LOCAL_CASSANDRA_JMX_PORT (7199),
# POSTYARD_LOCAL_OPENSEARCH_PORT (HTTP, 9200), POSTYARD_LOCAL_OPENSEARCH_TRANSPORT_PORT (9300),
# POSTYARD_LOCAL_POSTGRES_PORT (5433, beside a system PostgreSQL on 5432). PostgreSQL's database is "postyard", its
# user "postyard" without a password, on 127.0.0.1 only: jdbc:postgresql://127.0.0.1:5433/postyard. Throw-away
# (tests), it does not sync to disk.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/tools"
ENGINES_DIR="${POSTYARD_ENGINES_DIR:-$ROOT/data/engines}"
CASSANDRA_PORT="${POSTYARD_LOCAL_CASSANDRA_PORT:-9042}"
CASSANDRA_STORAGE_PORT="${POSTYARD_LOCAL_CASSANDRA_STORAGE_PORT:-7000}"
CASSANDRA_JMX_PORT="${POSTYARD_LOCAL_CASSANDRA_JMX_PORT:-7199}"
OPENSEARCH_PORT="${POSTYARD_LOCAL_OPENSEARCH_PORT:-9200}"
OPENSEARCH_TRANSPORT_PORT="${POSTYARD_LOCAL_OPENSEARCH_TRANSPORT_PORT:-9300}"
POSTGRES_PORT="${POSTYARD_LOCAL_POSTGRES_PORT:-5433}"

log() { printf '[engines] %s\n' "$*" >&2; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

search_java_home() {
    if [ -n "${POSTYARD_SEARCH_JAVA_HOME:-}" ]; then
        echo "$POSTYARD_SEARCH_JAVA_HOME"
        return
    fi
    local candidate
    for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-2[1-9]* /usr/lib/jvm/java-2[1-9]-*; do
        if [ -x "$candidate/bin/java" ]; then
            echo "$candidate"
            return
        fi
    done
    log "OpenSearch needs Java 21 or newer: set POSTYARD_SEARCH_JAVA_HOME"
    exit 1
}

fetch_jars() {
    local pom_dir="$1" java_home="$2"
    if [ ! -d "$pom_dir/target/lib" ] || [ "$pom_dir/pom.xml" -nt "$pom_dir/target/lib" ]; then
        log "fetching $(basename "$pom_dir") jars with Maven"
        rm -rf "$pom_dir/target/lib"
        (cd "$pom_dir" && JAVA_HOME="$java_home" mvn -B -q dependency:copy-dependencies)
    fi
}

wait_until() {
    local what="$1" pid_file="$2" seconds="$3"; shift 3
    local waited=0
    until "$@"; do
        if ! kill -0 "$(cat "$pid_file")" 2>/dev/null; then
            log "$what exited during start-up; see $(dirname "$pid_file")/logs"
            exit 1
        fi
        if [ "$waited" -ge "$seconds" ]; then
            log "$what not ready after ${seconds}s; see $(dirname "$pid_file")/logs"
            exit 1
        fi
        sleep 1
        waited=$((waited + 1))
    done
}

start_cassandra() {
    local dir="$ENGINES_DIR/cassandra"
    if port_open "$CASSANDRA_PORT"; then
        log "cassandra: already running on $CASSANDRA_PORT"
        return
    fi
    fetch_jars "$TOOLS/cassandra" "${JAVA_HOME:-}"
    mkdir -p "$dir/data" "$dir/logs"
    # A throw-away node (tests) starts empty, with room for the many keyspaces tests create, and does not sync its
    # system tables, which makes schema changes much faster; a crash could lose recent schema changes, which is fine
    # for tests and nothing else.
    local fast_schema=""
    if [ "${POSTYARD_ENGINES_THROWAWAY:-}" = "true" ]; then
        rm -rf "$dir/data"
        mkdir -p "$dir/data"
        fast_schema="-Dcassandra.unsafesystem=true -Xms1g -Xmx1g"
    fi
    # As root Cassandra would mlock its whole heap; without CAP_IPC_LOCK it stays near 550 MB resident.
    local drop_lock=()
    if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1; then
        drop_lock=(setpriv --bounding-set -ipc_lock --inh-caps -ipc_lock)
    fi
    # Another storage port means another seed too (its own one-node cluster): a copy of the file, in the node's directory.
    local config="$TOOLS/cassandra/cassandra.yaml"
    if [ "$CASSANDRA_STORAGE_PORT" != 7000 ]; then
        config="$dir/cassandra.yaml"
        sed -e "s/^storage_port: .*/storage_port: $CASSANDRA_STORAGE_PORT/" \
            -e "s/127\.0\.0\.1:7000/127.0.0.1:$CASSANDRA_STORAGE_PORT/" "$TOOLS/cassandra/cassandra.yaml" >"$config"
    fi
    # shellcheck disable=SC2046
    (ulimit -l 64 2>/dev/null || true
     exec "${drop_lock[@]}" java $(grep -v '^#' "$TOOLS/cassandra/jvm.options") ${fast_schema:-} \
        -Dcassandra.config="file://$config" \
        -Dcassandra.native_transport_port="$CASSANDRA_PORT" -Dcassandra.jmx.local.port="$CASSANDRA_JMX_PORT" \
        -Dcassandra.storagedir="$dir/data" -Dcassandra.logdir="$dir/logs" \
        -Dlogback.configurationFile="$TOOLS/cassandra/logback.xml" \
        -cp "$TOOLS/cassandra/target/lib/*" org.apache.cassandra.service.CassandraDaemon \
        >"$dir/logs/stdout.log" 2>&1) &
    echo $! >"$dir/pid"
    log "cassandra: starting (pid $(cat "$dir/pid"))"
    wait_until cassandra "$dir/pid" 120 port_open "$CASSANDRA_PORT"
    log "cassandra: ready on 127.0.0.1:$CASSANDRA_PORT"
}

opensearch_green() {
    curl -fs "http://127.0.0.1:$OPENSEARCH_PORT/_cluster/health" 2>/dev/null | grep -q '"status":"green"'
}

start_opensearch() {
    local dir="$ENGINES_DIR/opensearch"
    if opensearch_green; then
        log "opensearch: already running on $OPENSEARCH_PORT"
        return
    fi
    local java_home
    java_home="$(search_java_home)"
    fetch_jars "$TOOLS/opensearch" "$java_home"
    mkdir -p "$dir/logs" "$TOOLS/opensearch/target/classes"
    if [ ! -f "$TOOLS/opensearch/target/classes/SearchNode.class" ] || \
        [ "$TOOLS/opensearch/src/SearchNode.java" -nt "$TOOLS/opensearch/target/classes/SearchNode.class" ]; then
        "$java_home/bin/javac" -d "$TOOLS/opensearch/target/classes" -cp "$TOOLS/opensearch/target/lib/*" "$TOOLS/opensearch/src/SearchNode.java"
    fi
    "$java_home/bin/java" -Xms256m -Xmx256m --enable-native-access=ALL-UNNAMED \
        -cp "$TOOLS/opensearch/target/classes:$TOOLS/opensearch/target/lib/*" SearchNode "$dir" "$OPENSEARCH_PORT" \
        "$OPENSEARCH_TRANSPORT_PORT" \
        >"$dir/logs/stdout.log" 2>&1 &
    echo $! >"$dir/pid"
    log "opensearch: starting (pid $(cat "$dir/pid"))"
    wait_until opensearch "$dir/pid" 120 opensearch_green
    log "opensearch: ready on 127.0.0.1:$OPENSEARCH_PORT"
}

postgres_bin() {
    local bin
    bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
    if [ -z "$bin" ]; then
        if command -v apt-get >/dev/null 2>&1; then
            local sudo=""
            [ "$(id -u)" -ne 0 ] && sudo="sudo"
            log "installing postgresql with apt"
            $sudo apt-get update -qq
            DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
            bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
        else
            log "please install PostgreSQL"
            exit 1
        fi
    fi
    echo "$bin"
}

# PostgreSQL refuses to run as root: root runs it as the postgres user apt made, in a directory that user owns.
as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then
        su postgres -s /bin/sh -c "$*"
    else
        sh -c "$*"
    fi
}

start_postgres() {
    local dir="$ENGINES_DIR/postgres" bin
    if port_open "$POSTGRES_PORT"; then
        log "postgres: already running on $POSTGRES_PORT"
        return
    fi
    bin="$(postgres_bin)"
    local options="-c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir -c max_connections=200"
    if [ "${POSTYARD_ENGINES_THROWAWAY:-}" = "true" ]; then
        rm -rf "$dir"
        options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    fi
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        as_postgres "'$bin/initdb' -D '$dir/data' -U postyard --auth=trust -E UTF8 --locale=C >'$dir/initdb.log'"
    fi
    as_postgres "'$bin/pg_ctl' -D '$dir/data' -o '-p $POSTGRES_PORT $options' -l '$dir/postgres.log' -w -t 60 start >/dev/null"
    head -1 "$dir/data/postmaster.pid" >"$dir/pid"
    if ! as_postgres "'$bin/psql' -h 127.0.0.1 -p $POSTGRES_PORT -U postyard -d postgres -tAc \"SELECT 1 FROM pg_database WHERE datname = 'postyard'\"" | grep -q 1; then
        as_postgres "'$bin/createdb' -h 127.0.0.1 -p $POSTGRES_PORT -U postyard postyard"
    fi
    log "postgres: ready on 127.0.0.1:$POSTGRES_PORT (jdbc:postgresql://127.0.0.1:$POSTGRES_PORT/postyard, user postyard)"
}

stop_engine() {
    local name="$1" pid_file="$ENGINES_DIR/$1/pid"
    if [ ! -f "$pid_file" ] || ! kill -0 "$(cat "$pid_file")" 2>/dev/null; then
        log "$name: not started by this script"
        rm -f "$pid_file"
        return
    fi
    local pid
    pid="$(cat "$pid_file")"
    kill "$pid"
    for _ in $(seq 1 30); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 1
    done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$pid_file"
    log "$name: stopped"
}

status_engine() {
    case "$1" in
        cassandra) port_open "$CASSANDRA_PORT" && log "cassandra: up on $CASSANDRA_PORT" || log "cassandra: down" ;;
        opensearch) opensearch_green && log "opensearch: up on $OPENSEARCH_PORT" || log "opensearch: down" ;;
        postgres) port_open "$POSTGRES_PORT" && log "postgres: up on $POSTGRES_PORT" || log "postgres: down" ;;
    esac
}

engines() {
    case "${1:-all}" in
        all) echo cassandra opensearch ;;
        cassandra|opensearch|postgres) echo "$1" ;;
        *) log "unknown engine: $1"; exit 2 ;;
    esac
}

command="${1:-}"
shift || true
for engine in $(engines "${1:-all}"); do
    case "$command" in
        start) "start_$engine" ;;
        stop) stop_engine "$engine" ;;
        status) status_engine "$engine" ;;
        *) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
    esac
done
