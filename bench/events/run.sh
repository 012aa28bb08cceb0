#!/usr/bin/env bash
# The events API's SQL store over many events on the embedded H2 database: p50/p99 of a filtered first page and of
# the next page, per scenario (bench/events/EventsBench.java says what and how).
#   bench/events/run.sh [EVENTS [RUNS [DB_DIR [SCENARIO,...]]]]
# EVENTS: events loaded (10000000); RUNS: queries per scenario (1000); DB_DIR: the H2 database's directory
# (/tmp/postyard-events-bench/EVENTS), loaded once and reused by later runs with the same EVENTS; SCENARIO: names or
# q<NN>_... keys of the scenarios to run (all). EVENTS_BENCH_JAVA_OPTS: the JVM's options (-Xmx3g: the load gives H2 a
# 1 GB page cache; the queries run with the server's 16 MB).
# Runs against the server's build, as the server runs: james-extensions/postyard-server/target/postyard-server.jar and
# target/lib/* (build it first: ./postyard build, or mvn -DskipTests install). Prints a table, then RESULT lines for
# bench/run-all.sh --only events.
# On 2 cores (from a 100,000-event run: 3,500 to 6,600 events/s, 668 bytes an event once compacted): 10,000,000 events
# load in 30 to 60 minutes, then the file is compacted (a few minutes) to about 7 GB; the load's file can reach a few
# times that before (it stops when less than 3 GB are left). The queries then take about 5 to 10 minutes, the two
# "from" scans most of it; a later run with the same EVENTS and DB_DIR only runs the queries.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
EVENTS="${1:-10000000}"
RUNS="${2:-1000}"
DB_DIR="${3:-/tmp/postyard-events-bench/$EVENTS}"
SCENARIOS="${4:-}"
TARGET="$ROOT/james-extensions/postyard-server/target"
JAR="$TARGET/postyard-server.jar"
LIB="$TARGET/lib"

if [ ! -f "$JAR" ] || [ ! -d "$LIB" ]; then
    echo "no server build in $TARGET: run ./postyard build (or mvn -DskipTests install) first" >&2
    exit 1
fi
# The store under test comes from the server's lib directory: the jdbc module's jar must be there, with the store.
jdbc_jar=$(ls "$LIB"/postyard-jdbc-*.jar 2>/dev/null | head -1 || true)
# The listing is read whole first: grep -q leaving a pipe early would fail the pipeline under pipefail.
if [ -z "$jdbc_jar" ] || ! grep -q 'io/postyard/jdbc/JdbcEventStore.class' <<< "$(unzip -l "$jdbc_jar")"; then
    echo "$LIB has no postyard-jdbc jar with io.postyard.jdbc.JdbcEventStore: rebuild the server" >&2
    exit 1
fi

# A copy of the build (about 170 MB): a rebuild while the bench runs (an hour with its load) would rewrite jars it reads.
BUILD_COPY="$(mktemp -d /tmp/postyard-events-bench-run.XXXXXX)"
trap 'rm -rf "$BUILD_COPY"' EXIT
mkdir "$BUILD_COPY/lib" "$BUILD_COPY/classes"
cp "$JAR" "$BUILD_COPY/"
cp "$LIB"/*.jar "$BUILD_COPY/lib/"
CP="$BUILD_COPY/$(basename "$JAR"):$BUILD_COPY/lib/*"
CLASSES="$BUILD_COPY/classes"
javac -nowarn -d "$CLASSES" -cp "$CP" "$HERE/EventsBench.java"

echo "events bench: $EVENTS events, $RUNS queries per scenario, database in $DB_DIR; store from $(basename "$jdbc_jar") ($(date -r "$jdbc_jar" '+%F %T'))"
# shellcheck disable=SC2086
java ${EVENTS_BENCH_JAVA_OPTS:--Xmx3g} -Dlogback.configurationFile="$ROOT/conf/logback.xml" -cp "$CLASSES:$CP" \
    EventsBench "$EVENTS" "$RUNS" "$DB_DIR" ${SCENARIOS:+"$SCENARIOS"}
