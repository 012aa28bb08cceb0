#!/usr/bin/env bash
# Reliability drills (not part of CI; figures go to docs/reliability.md by hand):
#   drills/run.sh crash       kill -9 the server DRILL_KILLS times (10) under SMTP load to a local mailbox, then count
#                             over IMAP: answered 250, present, lost, duplicated, time to first 250
#                             (DRILL_PROFILE=embedded|cassandra, embedded)
#   drills/run.sh webhooks    the webhook receiver is down while DRILL_EVENTS (1000) delivered events are produced, then
#                             comes up: delivered vs produced, duplicates (DRILL_PROFILE=memory|cassandra, memory)
#   drills/run.sh cassandra   Cassandra is stopped for DRILL_OUTAGE_SECONDS (30) and started again under HTTP sends:
#                             answers during the outage, recovery, and whether every 200 reached the SMTP sink
#   drills/run.sh disk-full   the data directory's disk fills up for DRILL_FULL_SECONDS (20) under SMTP load and API
#                             sends, on the embedded profile: the answers while full (SMTP 451/452, API 503 with
#                             Retry-After), then, with space again and after a restart, whether every 250 reached the
#                             mailbox. DRILL_FILL=guard (default) leaves 128 MB, under disk.min.free.mb (256); =all
#                             leaves nothing. Needs root (the data directory is a tmpfs of DRILL_DISK_MB, 400, mounted;
#                             DRILL_KEEP_DISK=1 leaves it mounted at data/drill-disk to look into)
#   drills/run.sh all
# Each run starts its own server (fixed ports 41xxx), sinks and receivers, and for the cassandra profile its own
# Cassandra and OpenSearch (POSTYARD_ENGINES_DIR=data/drill-engines, ports 19042/17000/17199 and 19200/19300), never
# the ones on the usual ports; it stops all of them at the end, by PID. Results stay in data/drills/<drill>-<time>/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DRILLS="$ROOT/drills"
LIB="$ROOT/james-extensions/postyard-server/target/lib"
JAR="$ROOT/james-extensions/postyard-server/target/postyard-server.jar"
KEY="key-drill-0123456789abcdef0123456789abcdef"
DOMAIN=drill.test
HTTP_PORT=41080 SMTP_PORT=41025 SUBMISSION_PORT=41587 IMAP_PORT=41143 POP3_PORT=41110 WEBADMIN_PORT=41000
SINK_PORT=41026 RECEIVER_PORT=41090
BASE="http://127.0.0.1:$HTTP_PORT/mailgun"

export POSTYARD_ENGINES_DIR="$ROOT/data/drill-engines"
export POSTYARD_LOCAL_CASSANDRA_PORT=19042 POSTYARD_LOCAL_CASSANDRA_STORAGE_PORT=17000 POSTYARD_LOCAL_CASSANDRA_JMX_PORT=17199
export POSTYARD_LOCAL_OPENSEARCH_PORT=19200 POSTYARD_LOCAL_OPENSEARCH_TRANSPORT_PORT=19300

[ -f "$JAR" ] || (cd "$ROOT" && ./postyard build)

PIDS=()
STARTED_ENGINES=()
STARTED_MOUNTS=()
SERVER_PID=""
cleanup() {
    local pid
    [ -n "$SERVER_PID" ] && kill -9 "$SERVER_PID" 2>/dev/null || true
    for pid in ${PIDS[@]+"${PIDS[@]}"}; do
        kill "$pid" 2>/dev/null || true
    done
    for engine in ${STARTED_ENGINES[@]+"${STARTED_ENGINES[@]}"}; do
        "$ROOT/tools/engines.sh" stop "$engine" || true
    done
    [ -n "$SERVER_PID" ] && wait "$SERVER_PID" 2>/dev/null || true
    if [ -z "${DRILL_KEEP_DISK:-}" ]; then
        for mount in ${STARTED_MOUNTS[@]+"${STARTED_MOUNTS[@]}"}; do
            umount "$mount" || true
        done
    fi
}
trap cleanup EXIT

log() { printf '[drill %s] %s\n' "$(date +%T)" "$*" >&2; }
now_ms() { date +%s%3N; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_for_port() { # port seconds [pid that must stay alive]
    local deadline=$((SECONDS + ${2:-180}))
    until port_open "$1"; do
        [ $SECONDS -lt $deadline ] || { log "timeout waiting for port $1"; return 1; }
        [ -z "${3:-}" ] || kill -0 "$3" 2>/dev/null || { log "process $3 exited before port $1 opened"; return 1; }
        sleep 0.1
    done
}
# java, as an array so that "$!" of a background "${JAVA[@]}" ... & is the JVM's own PID
JAVA=(java -Dlogback.configurationFile="$ROOT/conf/logback.xml")

new_work() {
    WORK="$ROOT/data/drills/$1-$(date +%Y%m%d-%H%M%S)"
    mkdir -p "$WORK"
    log "results in $WORK"
}

# Our own Cassandra and OpenSearch, on the drill ports; refuses to go on if something else already listens there.
start_engines() {
    local engine port
    for engine in cassandra opensearch; do
        port=$POSTYARD_LOCAL_CASSANDRA_PORT
        [ "$engine" = opensearch ] && port=$POSTYARD_LOCAL_OPENSEARCH_PORT
        if port_open "$port"; then
            if [ -f "$POSTYARD_ENGINES_DIR/$engine/pid" ] && kill -0 "$(cat "$POSTYARD_ENGINES_DIR/$engine/pid")" 2>/dev/null; then
                log "$engine: a drill node from an earlier run is still up on $port: reused, and stopped at the end"
                STARTED_ENGINES+=("$engine")
                continue
            fi
            log "$engine: port $port is taken by something that is not a drill node"; exit 1
        fi
        "$ROOT/tools/engines.sh" start "$engine"
        STARTED_ENGINES+=("$engine")
    done
}

# start_server PROFILE DATA_DIR [VAR=value ...]: starts the server in the background, SERVER_PID, and waits for its ports.
# A start that fails (on a loaded machine the cassandra profile's first start can time out creating its tables) is
# retried (up to 5 times), and counted in $WORK/failed-starts.
start_server() {
    local attempt
    for attempt in 1 2 3 4 5 6; do
        start_server_once "$@" && return 0
        echo "$(date +%T) $*" >>"$WORK/failed-starts"
        log "server start failed (attempt $attempt); see $2/server.log"
        kill -9 "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
        SERVER_PID=""
    done
    return 1
}

start_server_once() {
    local profile="$1" data="$2"; shift 2
    mkdir -p "$data"
    env POSTYARD_PROFILE="$profile" POSTYARD_DATA_DIR="$data" POSTYARD_CONF_DIR="$ROOT/conf" POSTYARD_API_KEY="$KEY" \
        POSTYARD_HTTP_PORT=$HTTP_PORT POSTYARD_SMTP_PORT=$SMTP_PORT POSTYARD_SUBMISSION_PORT=$SUBMISSION_PORT \
        POSTYARD_IMAP_PORT=$IMAP_PORT POSTYARD_POP3_PORT=$POP3_PORT POSTYARD_WEBADMIN_PORT=$WEBADMIN_PORT \
        POSTYARD_SMTPS_PORT=41465 POSTYARD_IMAPS_PORT=41993 \
        POSTYARD_TESTING_TRUST_ALL_DOMAINS=true POSTYARD_HTTP_RATE_LIMIT_PER_MINUTE=100000000 \
        POSTYARD_SMTP_GATEWAY="127.0.0.1:$SINK_PORT" POSTYARD_SMTP_RETRY_DELAYS="20*5 seconds" \
        POSTYARD_CASSANDRA_CONTACT_POINTS="127.0.0.1:$POSTYARD_LOCAL_CASSANDRA_PORT" \
        POSTYARD_OPENSEARCH_URLS="http://127.0.0.1:$POSTYARD_LOCAL_OPENSEARCH_PORT" \
        "$@" \
        java ${DRILL_JAVA_OPTS:--Xmx1g} -Dlogback.configurationFile="$ROOT/conf/logback.xml" -Dworking.directory="$data" \
        -cp "$JAR:$LIB/*" io.postyard.server.PostyardMain >>"${SERVER_LOG:-$data/server.log}" 2>&1 &
    SERVER_PID=$!
    wait_for_port $HTTP_PORT 300 $SERVER_PID && wait_for_port $SMTP_PORT 60 $SERVER_PID && wait_for_port $IMAP_PORT 60 $SERVER_PID
}

stop_server() { # graceful
    [ -n "$SERVER_PID" ] || return 0
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
}

start_sink() { # SUBJECTS_FILE
    "${JAVA[@]}" "$ROOT/bench/http-send/NullSmtpSink.java" "$SINK_PORT" "$WORK/sink-count" "$1" >"$WORK/sink.log" 2>&1 &
    PIDS+=($!)
    wait_for_port $SINK_PORT 60
}
sink_count() { awk '{print $1; exit}' "$WORK/sink-count" 2>/dev/null || echo 0; }

api() { curl -sS -u "api:$KEY" "$@"; }

create_domain() {
    api "$BASE/v3/domains" -F name=$DOMAIN >/dev/null
}

# ---------------------------------------------------------------------------------------------------------------------
drill_webhooks() {
    local profile="${DRILL_PROFILE:-memory}" events="${DRILL_EVENTS:-1000}" scale="${DRILL_WEBHOOK_SCALE:-0.004}"
    new_work "webhooks-$profile"
    [ "$profile" = cassandra ] && start_engines
    start_sink "$WORK/sink-subjects"
    log "server ($profile profile, webhook schedule scale $scale)"
    start_server "$profile" "$WORK/data" POSTYARD_WEBHOOK_ALLOW_PRIVATE=true POSTYARD_WEBHOOK_SCHEDULE_SCALE="$scale" \
        POSTYARD_CASSANDRA_KEYSPACE="drill_webhooks_$(date +%s)"
    create_domain
    local signing_key
    signing_key=$(api "$BASE/v5/accounts/http_signing_key" | sed 's/.*"http_signing_key" *: *"\([^"]*\)".*/\1/')
    api "$BASE/v3/domains/$DOMAIN/webhooks" -F id=delivered -F url="http://127.0.0.1:$RECEIVER_PORT/hook" >/dev/null
    log "receiver down; $events sends through the API"
    local down_at produced_at up_at
    down_at=$(now_ms)
    "${JAVA[@]}" "$DRILLS/HttpSend.java" "$BASE" "$KEY" $DOMAIN sink@far.example "$events" 4 "$WORK/sends"
    local ok
    ok=$(awk '$2==200' "$WORK/sends" | wc -l)
    log "sends answered 200: $ok of $events; waiting for the sink to receive them"
    local deadline=$((SECONDS + 300))
    while [ "$(sink_count)" -lt "$ok" ] && [ $SECONDS -lt $deadline ]; do sleep 1; done
    produced_at=$(now_ms)
    log "delivered to the sink: $(sink_count) (events produced) after $(( (produced_at - down_at) / 1000 )) s; receiver up"
    "${JAVA[@]}" "$DRILLS/WebhookReceiver.java" "$RECEIVER_PORT" "$signing_key" "$WORK/receiver-stats" "$WORK/receiver-posts" \
        >"$WORK/receiver.log" 2>&1 &
    PIDS+=($!)
    up_at=$(now_ms)
    local total_s
    total_s=$(awk "BEGIN{print int(27000*$scale)+60}")
    deadline=$((SECONDS + total_s))
    local events_seen=0
    while [ $SECONDS -lt $deadline ]; do
        sleep 2
        events_seen=$(sed -n 's/.* events=\([0-9]*\).*/\1/p' "$WORK/receiver-stats" 2>/dev/null || echo 0)
        [ "${events_seen:-0}" -ge "$(sink_count)" ] && break
    done
    local all_at
    all_at=$(now_ms)
    log "waiting 15 s more for late duplicates"
    sleep 15
    local dead
    dead=$(curl -s "http://127.0.0.1:$WEBADMIN_PORT/postyard/webhooks/dead-letters?limit=10000" | grep -o '"id"' | wc -l || true)
    {
        echo "profile: $profile, schedule scale: $scale, events produced (mail delivered to the sink): $(sink_count)"
        echo "sends: $events, answered 200: $ok, sink subjects distinct: $(sort -u "$WORK/sink-subjects" | wc -l), sink copies: $(wc -l <"$WORK/sink-subjects")"
        echo "receiver down for $(( (up_at - down_at) / 1000 )) s (during sends and deliveries)"
        echo "receiver: $(cat "$WORK/receiver-stats")"
        echo "time from receiver up to all events received: $(( (all_at - up_at) / 1000 )) s"
        echo "dead letters (WebAdmin): $dead"
    } | tee "$WORK/report"
    stop_server
}

# ---------------------------------------------------------------------------------------------------------------------
accepted_count() { awk '$2==250 {c++} END {print c+0}' "$WORK/smtp"; }

drill_crash() {
    local kills="${DRILL_KILLS:-10}" profile="${DRILL_PROFILE:-embedded}"
    new_work "crash-$profile"
    start_sink "$WORK/sink-subjects"
    local envs=()
    if [ "$profile" = cassandra ]; then
        start_engines
        envs=(POSTYARD_CASSANDRA_KEYSPACE="drill_crash_$(date +%s)")
    fi
    log "server ($profile profile)"
    start_server "$profile" "$WORK/data" "${envs[@]}"
    start_smtp_load crash
    local driver=$DRIVER_PID
    local i accepted_before
    for i in $(seq 1 "$kills"); do
        # wait for load to flow on this server (a 250 after its start), then a few seconds more
        accepted_before=$(accepted_count)
        local deadline=$((SECONDS + 120))
        until [ "$(accepted_count)" -gt "$accepted_before" ] || [ $SECONDS -ge $deadline ]; do sleep 0.2; done
        sleep $((3 + RANDOM % 5))
        log "kill -9 $i of $kills (pid $SERVER_PID, $(accepted_count) answered 250 so far)"
        kill -9 "$SERVER_PID"
        wait "$SERVER_PID" 2>/dev/null || true
        SERVER_PID=""
        now_ms >>"$WORK/restarts"
        start_server "$profile" "$WORK/data" "${envs[@]}"
        log "restarted (pid $SERVER_PID)"
    done
    sleep 10
    touch "$WORK/stop"
    wait "$driver" 2>/dev/null || true
    log "load stopped; waiting for the queue to drain into the mailbox"
    drain_into "crash@$DOMAIN" crash-secret-1 10
    {
        echo "profile: $profile; kills: $kills (kill -9 under load, restarted at once on the same data directory)"
        "${JAVA[@]}" "$DRILLS/Driver.java" report "$WORK/smtp" "$WORK/restarts" 127.0.0.1 $IMAP_PORT "crash@$DOMAIN" crash-secret-1
    } | tee "$WORK/report"
    stop_server
}

# ---------------------------------------------------------------------------------------------------------------------
# start_smtp_load LOGIN: the drill domain, a login LOGIN@DOMAIN (password LOGIN-secret-1), and the driver's 4 SMTP
# connections to it, each message's answer in $WORK/smtp; sets DRIVER_PID.
start_smtp_load() {
    create_domain
    api "$BASE/v3/domains/$DOMAIN/credentials" -F login="$1" -F password="$1-secret-1" >/dev/null
    : >"$WORK/restarts"
    : >"$WORK/smtp"
    log "SMTP load: 4 connections to $1@$DOMAIN"
    "${JAVA[@]}" "$DRILLS/Driver.java" send 127.0.0.1 $SMTP_PORT "$1@$DOMAIN" 4 "$WORK/smtp" "$WORK/stop" >"$WORK/driver.log" 2>&1 &
    DRIVER_PID=$!
    PIDS+=($DRIVER_PID)
}

# drain_into USER PASSWORD [SECONDS]: reads the mailbox until it stops growing for SECONDS (60: mail that met a full disk
# or an outage waits for its next attempt, 5 s and doubling); sets present.
drain_into() {
    local previous=-1
    present=0
    while true; do
        sleep "${3:-60}"
        present=$("${JAVA[@]}" "$DRILLS/Driver.java" imap 127.0.0.1 $IMAP_PORT "$1" "$2" | wc -l || true)
        [ "$present" -eq "$previous" ] && break
        previous=$present
    done
}

drill_disk_full() {
    local full_seconds="${DRILL_FULL_SECONDS:-20}" disk="$ROOT/data/drill-disk"
    [ "$(id -u)" = 0 ] || { log "disk-full needs root, to mount a small tmpfs for the data directory"; exit 1; }
    new_work "disk-full-${DRILL_FILL:-guard}"
    mkdir -p "$disk"
    mount -t tmpfs -o size="${DRILL_DISK_MB:-400}m" postyard-drill "$disk"
    STARTED_MOUNTS+=("$disk")
    start_sink "$WORK/sink-subjects"
    log "server (embedded profile, data on a ${DRILL_DISK_MB:-400} MB tmpfs)"
    # The log stays off the disk that fills up, whole.
    export SERVER_LOG="$WORK/server.log"
    start_server embedded "$disk/data"
    start_smtp_load full
    local driver=$DRIVER_PID
    sleep 10
    log "filling the disk for $full_seconds s ($(accepted_count) answered 250 so far)"
    if [ "${DRILL_FILL:-guard}" = all ]; then
        dd if=/dev/zero of="$disk/filler" bs=1M status=none 2>/dev/null || true
    else
        fallocate -l "$(( $(df --output=avail -B1M "$disk" | tail -1) - 128 ))M" "$disk/filler"
    fi
    local end=$((SECONDS + full_seconds))
    while [ $SECONDS -lt $end ]; do
        api -o /dev/null -D "$WORK/api-headers" -w '%{http_code}\n' "$BASE/v3/$DOMAIN/messages" -F from="app@$DOMAIN" \
            -F to=far@remote.test -F subject="sent while full" -F text=hello >>"$WORK/api-codes" || true
        grep -i '^retry-after' "$WORK/api-headers" | tr -d '\r' >>"$WORK/api-retry-after" || true
        sleep 1
    done
    rm -f "$disk/filler"
    log "space again ($(accepted_count) answered 250 so far); load goes on for 20 s"
    sleep 20
    touch "$WORK/stop"
    wait "$driver" 2>/dev/null || true
    log "load stopped; waiting for the queue to drain into the mailbox"
    drain_into "full@$DOMAIN" full-secret-1
    echo "present before a restart: $present" >"$WORK/before-restart"
    log "$present in the mailbox; restarting the server, then waiting again"
    stop_server
    now_ms >>"$WORK/restarts"
    start_server embedded "$disk/data"
    drain_into "full@$DOMAIN" full-secret-1
    {
        echo "disk filled (DRILL_FILL=${DRILL_FILL:-guard}) for $full_seconds s under SMTP load (4 connections) and one API send a second"
        echo "SMTP answers to DATA: $(awk '{print $2}' "$WORK/smtp" | sort | uniq -c | tr '\n' ' ')"
        cat "$WORK/before-restart"
        echo "API answers while full: $(sort "$WORK/api-codes" | uniq -c | tr '\n' ' ')$(sort -u "$WORK/api-retry-after" | tr '\n' ' ')"
        echo "error repository: $(curl -sS "http://127.0.0.1:$WEBADMIN_PORT/mailRepositories/var%2Fmail%2Ferror/mails")"
        "${JAVA[@]}" "$DRILLS/Driver.java" report "$WORK/smtp" "$WORK/restarts" 127.0.0.1 $IMAP_PORT "full@$DOMAIN" full-secret-1
    } | tee "$WORK/report"
    stop_server
}

# ---------------------------------------------------------------------------------------------------------------------
drill_cassandra() {
    local outage="${DRILL_OUTAGE_SECONDS:-30}"
    new_work cassandra
    start_engines
    start_sink "$WORK/sink-subjects"
    log "server (cassandra profile)"
    start_server cassandra "$WORK/data" POSTYARD_CASSANDRA_KEYSPACE="drill_outage_$(date +%s)"
    create_domain
    log "HTTP sends, 2 threads"
    "${JAVA[@]}" "$DRILLS/HttpSend.java" "$BASE" "$KEY" $DOMAIN sink@far.example 0 2 "$WORK/sends" "$WORK/stop" >"$WORK/sender.log" 2>&1 &
    local sender=$!
    PIDS+=($sender)
    sleep 20
    local down_at up_at
    down_at=$(now_ms)
    log "stopping Cassandra"
    "$ROOT/tools/engines.sh" stop cassandra
    sleep "$outage"
    log "starting Cassandra"
    "$ROOT/tools/engines.sh" start cassandra
    up_at=$(now_ms)
    log "Cassandra up after $(( (up_at - down_at) / 1000 )) s down; waiting for 200s again"
    local deadline=$((SECONDS + 300))
    until awk -v t="$up_at" '$2==200 && $3>t {found=1} END {exit !found}' "$WORK/sends" || [ $SECONDS -ge $deadline ]; do sleep 1; done
    sleep 20
    touch "$WORK/stop"
    wait "$sender" 2>/dev/null || true
    log "sends stopped; waiting for the sink"
    local ok previous=-1
    ok=$(awk '$2==200' "$WORK/sends" | wc -l)
    deadline=$((SECONDS + 180))
    while [ "$(sink_count)" -lt "$ok" ] && [ $SECONDS -lt $deadline ]; do sleep 2; done
    sleep 10
    {
        echo "Cassandra stopped at +0 s, started again at +$(( (up_at - down_at) / 1000 )) s (engines.sh: TERM, then start)"
        awk -v d="$down_at" -v u="$up_at" '
            { phase = ($3 < d ? "before" : ($3 < u ? "outage" : "after")); n[phase" "$2]++; total[$2]++ }
            $2==200 && $3>=u && !first { first = $4 }
            END {
                for (k in n) print "answers " k ": " n[k]
                if (first) printf "first 200 started after Cassandra was up: +%.1f s after the start command returned\n", (first - u) / 1000
            }' "$WORK/sends" | sort
        awk '$2==200 {print "drill-" $1}' "$WORK/sends" | sort -u >"$WORK/ok-subjects"
        sort "$WORK/sink-subjects" >"$WORK/sink-sorted"
        echo "answered 200: $(wc -l <"$WORK/ok-subjects"), reached the sink: $(comm -12 "$WORK/ok-subjects" <(sort -u "$WORK/sink-sorted") | wc -l)"
        echo "lost (200 but not at the sink): $(comm -23 "$WORK/ok-subjects" <(sort -u "$WORK/sink-sorted") | wc -l) $(comm -23 "$WORK/ok-subjects" <(sort -u "$WORK/sink-sorted") | head -20 | tr '\n' ' ')"
        echo "duplicated at the sink: $(uniq -d "$WORK/sink-sorted" | wc -l) $(uniq -d "$WORK/sink-sorted" | head -20 | tr '\n' ' ')"
        echo "at the sink but not answered 200: $(comm -13 "$WORK/ok-subjects" <(sort -u "$WORK/sink-sorted") | wc -l)"
    } | tee "$WORK/report"
    stop_server
}

case "${1:-}" in
    webhooks) drill_webhooks ;;
    crash) drill_crash ;;
    cassandra) drill_cassandra ;;
    disk-full) drill_disk_full ;;
    all) drill_webhooks; drill_crash; drill_cassandra ;;
    *) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
