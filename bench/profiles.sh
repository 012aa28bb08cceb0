#!/usr/bin/env bash
# Startup time and idle RSS of the server on the memory and the cassandra profiles, measured in the same run,
# alternating, and reported as ratios. The cassandra runs use a local Cassandra (started first by tools/engines.sh and
# timed on its own: "engine start" is 0 when one was already running) and a fresh keyspace each.
#   bench/profiles.sh [runs]     (default 3 runs of each)
# Startup: from process launch until SMTP, IMAP and the public HTTP API accept connections. Idle RSS: 20 s after.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-3}"
IDLE_SECONDS="${IDLE_SECONDS:-20}"
LIB="$ROOT/james-extensions/postyard-server/target/lib"
JAR="$ROOT/james-extensions/postyard-server/target/postyard-server.jar"
WORK="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
[ -f "$JAR" ] || (cd "$ROOT" && ./postyard build)

now_ms() { date +%s%3N; }
wait_for_ports() {
    local deadline=$((SECONDS + 180))
    for port in "$@"; do
        until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
            [ $SECONDS -lt $deadline ] || { echo "timeout waiting for port $port" >&2; return 1; }
            sleep 0.05
        done
    done
}

engine_start=$(now_ms)
"$ROOT/tools/engines.sh" start cassandra
engine_ms=$(( $(now_ms) - engine_start ))
cassandra_pid_rss() { ps -o rss= -C java --sort=-rss | head -0; pgrep -f CassandraDaemon | head -1 | xargs -r ps -o rss= -p | tr -d ' '; }

run() { # profile
    local profile="$1" data="$WORK/$1-$RANDOM" start pid
    mkdir -p "$data"
    start=$(now_ms)
    POSTYARD_PROFILE="$profile" POSTYARD_CASSANDRA_KEYSPACE="bench_$RANDOM$RANDOM" POSTYARD_DATA_DIR="$data" \
        POSTYARD_HTTP_PORT=28080 POSTYARD_SMTP_PORT=22525 POSTYARD_SUBMISSION_PORT=22587 POSTYARD_IMAP_PORT=21143 \
        POSTYARD_POP3_PORT=21110 POSTYARD_WEBADMIN_PORT=28000 POSTYARD_API_KEY=key-bench-profiles-0123456789abcdef \
        java -Xmx1g -Dlogback.configurationFile="$ROOT/conf/logback.xml" -Dworking.directory="$data" \
        -cp "$JAR:$LIB/*" io.postyard.server.PostyardMain > "$data/out.log" 2>&1 &
    pid=$!
    wait_for_ports 22525 21143 28080
    local startup=$(( $(now_ms) - start ))
    sleep "$IDLE_SECONDS"
    local rss
    rss=$(( $(ps -o rss= -p "$pid") / 1024 ))
    kill "$pid"; wait "$pid" 2>/dev/null || true
    echo "$profile $startup $rss"
}

for _ in $(seq 1 "$RUNS"); do
    run memory >> "$WORK/results"
    run cassandra >> "$WORK/results"
done
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
mem_start=$(awk '$1=="memory"{print $2}' "$WORK/results" | median)
cas_start=$(awk '$1=="cassandra"{print $2}' "$WORK/results" | median)
mem_rss=$(awk '$1=="memory"{print $3}' "$WORK/results" | median)
cas_rss=$(awk '$1=="cassandra"{print $3}' "$WORK/results" | median)
cassandra_rss=$(( $(cassandra_pid_rss) / 1024 ))
echo "runs: $RUNS of each (medians)"
printf '%-28s %10s %10s %8s\n' "" memory cassandra ratio
printf '%-28s %10s %10s %8s\n' "server startup (ms)" "$mem_start" "$cas_start" "$(awk "BEGIN{printf \"%.2f\", $cas_start/$mem_start}")"
printf '%-28s %10s %10s %8s\n' "server idle RSS (MB)" "$mem_rss" "$cas_rss" "$(awk "BEGIN{printf \"%.2f\", $cas_rss/$mem_rss}")"
echo "local Cassandra: engine start ${engine_ms} ms (0-ish when reused), RSS ${cassandra_rss} MB"
echo "cassandra profile in all: startup $(( cas_start + engine_ms )) ms, RSS $(( cas_rss + cassandra_rss )) MB"
java -Dlogback.configurationFile="$ROOT/conf/logback.xml" -cp "$LIB/*" "$ROOT/bench/DropKeyspaces.java" bench_ > /dev/null 2>&1 || true
