#!/usr/bin/env bash
# HTTP send benchmark: POST /mailgun/v3/{domain}/messages with 1 KB messages, 16 connections, against a server whose
# outbound gateway is a discarding SMTP sink; next to an authenticated no-op GET on the same server, same session.
#   bench/http-send.sh [seconds]      (default 60 each)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_PER_RUN="${1:-60}"
CONNECTIONS=16
THREADS=2
LIB="$ROOT/james-extensions/postyard-server/target/lib"
JAR="$ROOT/james-extensions/postyard-server/target/postyard-server.jar"
WORK="$(mktemp -d)"
KEY="key-bench-0123456789abcdef0123456789abcdef"
HTTP_PORT=18080
SINK_PORT=12526
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT

command -v wrk >/dev/null || { echo "installing wrk"; apt-get install -y -qq wrk >/dev/null; }
[ -f "$JAR" ] || (cd "$ROOT" && ./postyard build)

wait_for_port() {
    local deadline=$((SECONDS + 120))
    until (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; do
        [ $SECONDS -lt $deadline ] || { echo "timeout waiting for port $1" >&2; exit 1; }
        sleep 0.2
    done
}

java "$ROOT/bench/http-send/NullSmtpSink.java" "$SINK_PORT" "$WORK/sink-count" > "$WORK/sink.log" 2>&1 &
wait_for_port "$SINK_PORT"

env POSTYARD_DATA_DIR="$WORK/data" POSTYARD_CONF_DIR="$ROOT/conf" POSTYARD_API_KEY="$KEY" \
    POSTYARD_HTTP_PORT=$HTTP_PORT POSTYARD_SMTP_PORT=12525 POSTYARD_SUBMISSION_PORT=12587 POSTYARD_IMAP_PORT=11143 \
    POSTYARD_POP3_PORT=11110 POSTYARD_WEBADMIN_PORT=18000 POSTYARD_TRUST_DOMAINS=true \
    POSTYARD_SMTP_GATEWAY="127.0.0.1:$SINK_PORT" POSTYARD_HTTP_RATE_LIMIT_PER_MINUTE=100000000 \
    java ${BENCH_JAVA_OPTS:--Xmx2g} -Dlogback.configurationFile="$ROOT/conf/logback.xml" -cp "$JAR:$LIB/*" \
    io.postyard.server.PostyardMain > "$WORK/server.log" 2>&1 &
wait_for_port $HTTP_PORT

BASE="http://127.0.0.1:$HTTP_PORT/mailgun"
export BENCH_BASIC="$(printf 'api:%s' "$KEY" | base64 -w0)"
curl -sf -u "api:$KEY" "$BASE/v3/domains" -d name=bench.test > /dev/null

echo "warm-up (10 s each)..."
wrk -t$THREADS -c$CONNECTIONS -d10s -s "$ROOT/bench/http-send/noop.lua" "$BASE/v3/domains/bench.test" > /dev/null
wrk -t$THREADS -c$CONNECTIONS -d10s -s "$ROOT/bench/http-send/send.lua" "$BASE/v3/bench.test/messages" > /dev/null

echo "measuring (${SECONDS_PER_RUN} s each, $CONNECTIONS connections)..."
noop=$(wrk -t$THREADS -c$CONNECTIONS -d${SECONDS_PER_RUN}s -s "$ROOT/bench/http-send/noop.lua" "$BASE/v3/domains/bench.test" | grep '^RESULT')
sink_before=$(cat "$WORK/sink-count")
send=$(wrk -t$THREADS -c$CONNECTIONS -d${SECONDS_PER_RUN}s -s "$ROOT/bench/http-send/send.lua" "$BASE/v3/bench.test/messages" | grep '^RESULT')
sleep 5
sink_after=$(cat "$WORK/sink-count")

field() { echo "$1" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2; }
report() {
    local name="$1" line="$2"
    local requests duration
    requests=$(field "$line" requests); duration=$(field "$line" duration_s)
    printf "%-34s %10.0f %9s %9s %8s\n" "$name" "$(echo "$requests / $duration" | bc -l)" "$(field "$line" p50_ms)" \
        "$(field "$line" p99_ms)" "$(( $(field "$line" errors) + $(field "$line" non2xx) ))"
}
echo
printf "%-34s %10s %9s %9s %8s\n" "endpoint" "req/s" "p50_ms" "p99_ms" "errors"
report "GET domain (authenticated no-op)" "$noop"
report "POST messages (1 KB, accepted)" "$send"
send_rate=$(echo "$(field "$send" requests) / $(field "$send" duration_s)" | bc -l)
noop_rate=$(echo "$(field "$noop" requests) / $(field "$noop" duration_s)" | bc -l)
printf "\nratio send/no-op throughput: %.2f\n" "$(echo "$send_rate / $noop_rate" | bc -l)"
printf "messages that reached the SMTP sink during and within 5 s after the send run: %d (of %d accepted)\n" \
    "$((sink_after - sink_before))" "$(field "$send" requests)"
