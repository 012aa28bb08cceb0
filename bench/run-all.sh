#!/usr/bin/env bash
# Postyard's benchmarks, one entry point. Prints a table and writes docs/benchmarks.md with PNG plots in
# docs/benchmarks/.
#   bench/run-all.sh [--quick] [--runs N] [--messages N] [--http-seconds S] [--webhook-events N]
#                    [--only smtp,http,suppression,webhooks,events]
# Defaults, the load the benchmark issue asks for: 3 runs, 20,000 messages per size and system (5,000 on the cassandra
# profile), 60 s per HTTP measurement, 1,000,000 suppressed addresses and a send to 1,000 recipients, 100,000 webhook
# events, 1,500 end-to-end webhook sends; about 70 minutes on 2 cores (estimated from the lighter run's rates).
# --quick: 1 run, 100 messages, 2 s, 20,000 suppressed and 200 recipients, 1,000 events, 200 end-to-end sends, under
# 3 minutes. A lighter full run: --messages 1000 --http-seconds 10 --webhook-events 20000 (16 minutes here).
# BENCH_SYSTEMS limits the SMTP part to some of: postyard postyard-embedded james postfix postyard-cassandra.
#
#  smtp         smtp-source (Debian's postfix package), 1 KB and 100 KB messages, 20 concurrent sessions each sending
#               messages back to back (-d), spread over 20 mailboxes (--quick: 4), against: Postyard (memory profile, its
#               mailets), Postyard (embedded profile, the default: H2 files and the KahaDB queue under its data
#               directory), stock James 3.8.1 MemoryJamesServerMain (bench/james/pom.xml, conf/ without Postyard's
#               mailets), a private Postfix instance delivering to Maildirs, Postyard (cassandra profile). Rate: from
#               the first connection to the last message seen in the mailbox (IMAP STATUS, or the Maildir). Also each
#               system's startup time, idle RSS and peak RSS.
#  http         wrk on POST /mailgun/v3/{d}/messages (1 KB) at 16 and 64 connections, next to an authenticated no-op GET
#               on the same server; accepted/s, p50/p99/p99.9, and delivered/s at the SMTP sink (NullSmtpSink); on the
#               memory and the embedded profiles.
#  suppression  one send to 1,000 recipients on a domain with 1,000,000 suppressed addresses (imported as CSV through
#               POST /mailgun/v3/{d}/bounces/import) and on one with none: API latency and time until the sink has
#               all 1,000 recipients.
#  webhooks     bench/webhooks/WebhookBench.java: events through the real webhook engine to a local receiver, next to a
#               bare HTTP client; and bench/webhooks/EndToEndWebhookBench.java on the Postyard memory server: sends at
#               50/s (BENCH_WEBHOOK_E2E_RATE), latency from each API 200 to its "delivered" webhook.
#  events       (only when named in --only) bench/events/run.sh: the events API's SQL store over 10,000,000 events
#               (BENCH_EVENTS; --quick: 100,000) on the embedded H2 database, 1,000 queries per scenario
#               (BENCH_EVENT_QUERIES; --quick: 200): p50/p99 of a filtered first page and of the next page. Loads them
#               once into /tmp/postyard-events-bench/N (about 7 GB for 10,000,000), reused by later runs.
# Every figure is a median over the runs (3; --quick: 1, with fewer messages and shorter runs); every ratio is taken
# within one run, then the median of those. Installs what it needs with apt (postfix without configuring the system's
# mail server, wrk, gnuplot-nox). Uses fixed ports 31xxx-38xxx, a local Cassandra and OpenSearch (reused when
# running, else started by tools/engines.sh) with its own keyspaces and index prefix, dropped at the end.
# BENCH_JFR=1 records a JFR profile of the Postyard memory server (kept with the logs when BENCH_KEEP=1).
# Not part of .ci/run.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ARGUMENTS="$*"
QUICK=false
ONLY="smtp,http,suppression,webhooks"
RUNS="" MESSAGES="" HTTP_SECONDS=""
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) QUICK=true ;;
        --runs) RUNS="$2"; shift ;;
        --messages) MESSAGES="$2"; shift ;;
        --http-seconds) HTTP_SECONDS="$2"; shift ;;
        --webhook-events) WEBHOOK_EVENTS="$2"; shift ;;
        --only) ONLY="$2"; shift ;;
        -h|--help) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
    shift
done
if $QUICK; then
    RUNS=${RUNS:-1} MESSAGES=${MESSAGES:-100} HTTP_SECONDS=${HTTP_SECONDS:-2} WARM_SECONDS=1 IDLE_SECONDS=0 MAILBOXES=4
    SUPPRESSED=20000 SEND_REPEATS=1 RECIPIENTS=200 WEBHOOK_EVENTS=${WEBHOOK_EVENTS:-1000} WEBHOOK_PACED=200
    WEBHOOK_E2E_MESSAGES=${BENCH_WEBHOOK_E2E_MESSAGES:-200}
else
    RUNS=${RUNS:-3} MESSAGES=${MESSAGES:-20000} HTTP_SECONDS=${HTTP_SECONDS:-60} WARM_SECONDS=5 IDLE_SECONDS=5 MAILBOXES=20
    SUPPRESSED=1000000 SEND_REPEATS=1 RECIPIENTS=1000 WEBHOOK_EVENTS=${WEBHOOK_EVENTS:-100000} WEBHOOK_PACED=2500
    WEBHOOK_E2E_MESSAGES=${BENCH_WEBHOOK_E2E_MESSAGES:-1500}
fi
# The memory servers (Postyard memory, stock James) keep every delivered message on the heap: 1 KB and 100 KB times
# the message count, plus copies being processed. 2 GB runs out near 20,000 messages of each (answered 451 then).
if [ -z "${BENCH_JAVA_OPTS:-}" ]; then
    heap_mb=$(( 1024 + MESSAGES * 160 / 1000 ))
    [ "$heap_mb" -lt 2048 ] && heap_mb=2048
    JAVA_OPTS="-Xmx${heap_mb}m"
fi
# The cassandra profile takes in mail several times slower: it gets a quarter of the messages (a rate all the same).
CASSANDRA_MESSAGES=${BENCH_CASSANDRA_MESSAGES:-$(( (MESSAGES + 3) / 4 ))}
WEBHOOK_RATE=250
WEBHOOK_E2E_RATE=${BENCH_WEBHOOK_E2E_RATE:-50}
SESSIONS=20
SIZES="1024 102400"
SYSTEMS="${BENCH_SYSTEMS:-postyard postyard-embedded james postfix postyard-cassandra}"
wants() { [[ ",$ONLY," == *",$1,"* ]]; }

WORK="$(mktemp -d /tmp/postyard-bench.XXXXXX)"
RESULTS="$WORK/results.tsv"
KEYSPACE_PREFIX="benchrun_$$_"
INDEX_PREFIX="benchrun-$$"
STARTED_ENGINES=""
SERVER_PID=""
cleanup() {
    set +e
    [ -n "$SERVER_PID" ] && stop_server "$SERVER_PID"
    stop_postfix
    local job
    for job in $(jobs -p); do kill "$job" 2>/dev/null; done
    wait 2>/dev/null
    if wants smtp && [[ " $SYSTEMS " == *" postyard-cassandra "* ]]; then
        java -Dlogback.configurationFile="$ROOT/conf/logback.xml" -cp "$LIB/*" "$BENCH_DIR/DropKeyspaces.java" \
            "$KEYSPACE_PREFIX" > "$WORK/drop-keyspaces.log" 2>&1 \
            || log "could not drop the keyspaces $KEYSPACE_PREFIX*: java bench/DropKeyspaces.java $KEYSPACE_PREFIX (see $WORK/drop-keyspaces.log)"
        local index
        for index in $(curl -s "http://127.0.0.1:9200/_cat/indices/$INDEX_PREFIX*?h=index" 2>/dev/null); do
            curl -s -o /dev/null -X DELETE "http://127.0.0.1:9200/$index"
        done
        curl -s -o /dev/null -X DELETE "http://127.0.0.1:9200/_index_template/$INDEX_PREFIX*" 2>/dev/null
    fi
    [ -n "$STARTED_ENGINES" ] && "$ROOT/tools/engines.sh" stop all > /dev/null 2>&1
    if [ "${BENCH_KEEP:-}" = 1 ]; then log "logs kept in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

record() { printf '%s\t%s\t%s\t%s\n' "$RUN" "$1" "$2" "$3" >> "$RESULTS"; }
field() { tr ' ' '\n' <<< "$1" | sed -n "s/^$2=//p"; }
sink() { read -r SINK_MESSAGES SINK_RECIPIENTS SINK_LAST_MS < "$WORK/sink-count"; }
wait_sink() { # FIELD(messages|recipients) TARGET TIMEOUT_S: until the sink's count reaches TARGET; 1 on timeout
    local deadline=$((SECONDS + $3))
    while sink; [ "$([ "$1" = messages ] && echo "$SINK_MESSAGES" || echo "$SINK_RECIPIENTS")" -lt "$2" ]; do
        [ $SECONDS -lt $deadline ] || return 1
        sleep 0.05
    done
}

# ---- SMTP inbound, and each system's footprint ---------------------------------------------------------------------
smtp_load() { # SYSTEM SIZE MESSAGES MAILBOX...: one smtp-source per mailbox, SESSIONS in all, sharing MESSAGES
    local system="$1" size="$2" messages="$3" port=$SMTP_PORT start end seen mailbox
    shift 3
    local mailboxes=("$@") sessions=$(( SESSIONS / $# )) per=$(( messages / $# ))
    messages=$(( per * $# ))
    [ "$system" = postfix ] && port=$POSTFIX_PORT
    local pids=() pid cpu_before
    cpu_before=$(cpu_ms "$SERVER_PID")
    start=$(now_ms)
    for mailbox in "${mailboxes[@]}"; do
        smtp-source -s $sessions -m $per -l "$size" -d -f sender@remote.example -t "$mailbox@bench.test" \
            -M bench.client "127.0.0.1:$port" > "$WORK/smtp-source-$mailbox.log" 2>&1 &
        pids+=($!)
    done
    for pid in "${pids[@]}"; do
        wait "$pid" || log "smtp-source failed on $system: $(sort -u "$WORK"/smtp-source-*.log | head -3)"
    done
    # Allows for 5 messages/s (the cassandra profile took in 10/s on this machine).
    local timeout=$((120 + messages / 5))
    if [ "$system" = postfix ]; then
        read -r end seen < <("$BENCH_DIR/wait-delivered.py" maildir "$messages" $timeout \
            $(printf "$POSTFIX_DIR/mail/bench.test/%s " "${mailboxes[@]}") || true)
    else
        read -r end seen < <("$BENCH_DIR/wait-delivered.py" imap $IMAP_PORT bench-secret-1 "$messages" $timeout \
            $(printf '%s@bench.test ' "${mailboxes[@]}") || true)
    fi
    [ "${mailboxes[0]}" = uwarm ] && return
    if [ "$seen" -lt "$messages" ]; then
        log "$system: only $seen of $messages messages of $size bytes arrived"
        record "$system" "smtp_${size}_incomplete" "$seen"
        return
    fi
    local cpu_per_message
    cpu_per_message=$(awk "BEGIN {printf \"%.2f\", ($(cpu_ms "$SERVER_PID") - $cpu_before) / $messages}")
    record "$system" "smtp_${size}_msgs_per_s" "$(awk "BEGIN {printf \"%.1f\", $messages * 1000 / ($end - $start)}")"
    record "$system" "smtp_${size}_cpu_ms_per_msg" "$cpu_per_message"
    log "$system: $messages x $size bytes into ${#mailboxes[@]} mailboxes in $((end - start)) ms, $cpu_per_message ms of CPU each"
}

mailboxes() { # SIZE: the mailboxes a load of that size goes to, one per session (--quick: 4, 5 sessions each)
    local k
    for k in $(seq 1 $MAILBOXES); do printf 'u%s-%s ' "$1" "$k"; done
}

smtp_system() { # SYSTEM
    local system="$1" start size ports mailbox
    start=$(now_ms)
    case "$system" in
        postyard) start_postyard "$system-$RUN" memory; ports=$(postyard_ports) ;;
        postyard-embedded) start_postyard "$system-$RUN" embedded; ports=$(postyard_ports) ;;
        postyard-cassandra)
            start_postyard "$system-$RUN" cassandra POSTYARD_CASSANDRA_KEYSPACE="$KEYSPACE_PREFIX$RUN" \
                POSTYARD_OPENSEARCH_INDEX_PREFIX="$INDEX_PREFIX-$RUN"
            ports=$(postyard_ports) ;;
        james) start_james "$system-$RUN"; ports=$(james_ports) ;;
        postfix) start_postfix "$system-$RUN" || true; ports=$POSTFIX_PORT ;;
    esac
    if ! wait_for_ports $ports; then
        log "$system did not start: skipped (its log: $WORK/$system-$RUN.log)"; tail -20 "$WORK/$system-$RUN.log" >&2
        stop_system "$system"; return
    fi
    record "$system" startup_ms $(( $(now_ms) - start ))
    local all=(uwarm)
    for size in $SIZES; do all+=($(mailboxes "$size")); done
    if [ "$system" = postfix ]; then
        add_mailbox_postfix "${all[@]}"
    else
        for mailbox in "${all[@]}"; do
            case "$system" in
                postyard*) add_mailbox_postyard "$mailbox" bench-secret-1 ;;
                james) add_mailbox_james "$mailbox" bench-secret-1 ;;
            esac || { log "$system: could not create the mailbox $mailbox: skipped"; stop_system "$system"; return; }
        done
    fi
    sleep "$IDLE_SECONDS"
    record "$system" idle_rss_mb "$(rss_mb Pss "$SERVER_PID")"
    # Warm-up, not measured: the JIT for the Java servers, spawning processes for Postfix.
    smtp_load "$system" 1024 $(( MESSAGES / 10 > 20 ? MESSAGES / 10 : 20 )) uwarm
    local messages=$MESSAGES
    [ "$system" = postyard-cassandra ] && messages=$CASSANDRA_MESSAGES
    for size in $SIZES; do
        smtp_load "$system" "$size" "$messages" $(mailboxes "$size")
    done
    record "$system" peak_rss_mb "$(rss_mb VmHWM "$SERVER_PID")"
    if [ "$system" = postyard ]; then
        # Webhook latency and suppressions first: the HTTP part leaves the outbound queue full for a while.
        wants webhooks && webhook_e2e_bench
        wants suppression && suppression_bench
        wants http && http_bench postyard
    fi
    [ "$system" = postyard-embedded ] && wants http && http_bench postyard-embedded
    stop_system "$system"
}

stop_system() { # SYSTEM
    if [ "$1" = postfix ]; then stop_postfix; else stop_server "$SERVER_PID"; fi
    SERVER_PID=""
    wait_for_ports_closed $SMTP_PORT $POSTFIX_PORT $IMAP_PORT $HTTP_PORT $WEBADMIN_PORT || true
}

# ---- HTTP send API (on the running Postyard memory server) ---------------------------------------------------------
wrk_run() { # SCRIPT CONNECTIONS SECONDS PATH: prints wrk's RESULT line
    wrk -t2 -c"$2" -d"$3s" -s "$BENCH_DIR/http-send/$1.lua" "http://127.0.0.1:$HTTP_PORT/mailgun$4" | grep '^RESULT'
}

record_wrk() { # SYSTEM NAME RESULT_LINE
    local requests duration errors
    requests=$(field "$3" requests) duration=$(field "$3" duration_s)
    errors=$(( $(field "$3" errors) + $(field "$3" non2xx) ))
    record "$1" "${2}_per_s" "$(awk "BEGIN {printf \"%.1f\", ($requests - $errors) / $duration}")"
    record "$1" "${2}_errors" "$errors"
    local p
    for p in p50 p99 p999; do record "$1" "${2}_${p}_ms" "$(field "$3" "${p}_ms")"; done
}

http_bench() { # SYSTEM: the running Postyard server's profile
    local system="$1"
    export BENCH_BASIC BENCH_DIR
    BENCH_BASIC="$(printf 'api:%s' "$API_KEY" | base64 -w0)"
    log "http ($system): warm-up"
    wrk_run noop 16 "$WARM_SECONDS" /v3/domains/bench.test > /dev/null
    wrk_run send 16 "$WARM_SECONDS" /v3/bench.test/messages > /dev/null
    local c line before after
    for c in 16 64; do
        log "http ($system): $c connections, ${HTTP_SECONDS} s each"
        record_wrk "$system" "http_noop_c$c" "$(wrk_run noop $c "$HTTP_SECONDS" /v3/domains/bench.test)"
        # Delivered/s: what reached the sink while the sends ran (the queue may still hold earlier sends then).
        sink; before=$SINK_MESSAGES
        line=$(wrk_run send $c "$HTTP_SECONDS" /v3/bench.test/messages)
        sink; after=$SINK_MESSAGES
        record_wrk "$system" "http_send_c$c" "$line"
        record "$system" "http_send_c${c}_delivered_per_s" "$(awk "BEGIN {printf \"%.1f\", ($after - $before) / $(field "$line" duration_s)}")"
    done
}

# ---- Suppression lookups -------------------------------------------------------------------------------------------
suppression_bench() {
    local auth=(-u "api:$API_KEY") base="http://127.0.0.1:$HTTP_PORT/mailgun/v3" domain
    for domain in suppressed.test empty.test; do curl -s -o /dev/null "${auth[@]}" "$base/domains" -d name=$domain; done
    python3 - "$WORK" "$SUPPRESSED" "$RECIPIENTS" <<'PY'
import sys
work, total, recipients = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
chunk = 100_000  # the import endpoint's limit per file
for start in range(0, total, chunk):
    with open(f"{work}/bounces-{start // chunk:03d}.csv", "w") as f:
        f.write("address,code,error\n")
        f.writelines(f"gone{i}@lost.example,550,mailbox unavailable\n" for i in range(start, min(total, start + chunk)))
with open(f"{work}/send.txt", "w") as f:
    f.write("from=bench%40{domain}&subject=to+many&text=" + "x" * 1000 + "&to=")
    f.write("%2C".join(f"reader{i}%40far.example" for i in range(recipients)))
PY
    log "suppression: importing $SUPPRESSED bounces"
    local start file
    start=$(now_ms)
    for file in "$WORK"/bounces-*.csv; do
        curl -sf -o /dev/null "${auth[@]}" "$base/suppressed.test/bounces/import" -F "file=@$file" || log "import of $file failed"
    done
    record postyard suppression_import_per_s "$(awk "BEGIN {printf \"%.0f\", $SUPPRESSED * 1000 / ($(now_ms) - $start)}")"
    local rep api_ms before domains
    # One send from each domain first, not measured (what the import left to collect, the JIT); then the measured ones,
    # in turns, the first domain alternating.
    for rep in $(seq 0 "$SEND_REPEATS"); do
        domains="empty.test suppressed.test"
        [ $((rep % 2)) = 1 ] && domains="suppressed.test empty.test"
        for domain in $domains; do
            sink; before=$SINK_RECIPIENTS
            start=$(now_ms)
            api_ms=$(sed "s/{domain}/$domain/" "$WORK/send.txt" | curl -s -o /dev/null -w '%{time_total}' "${auth[@]}" \
                -H 'Content-Type: application/x-www-form-urlencoded' --data-binary @- "$base/$domain/messages")
            [ "$rep" -gt 0 ] && record postyard "suppression_${domain%.test}_api_ms" "$(awk "BEGIN {printf \"%.1f\", $api_ms * 1000}")"
            if wait_sink recipients $((before + RECIPIENTS)) 90; then
                [ "$rep" -gt 0 ] && record postyard "suppression_${domain%.test}_sink_ms" $((SINK_LAST_MS - start))
            else
                log "suppression: the sink has $((SINK_RECIPIENTS - before)) of $RECIPIENTS recipients for $domain"
            fi
        done
    done
}

# ---- Webhooks ------------------------------------------------------------------------------------------------------
webhook_bench() {
    log "webhooks: $WEBHOOK_EVENTS events (burst), $WEBHOOK_PACED at $WEBHOOK_RATE/s"
    local line label
    java ${BENCH_JAVA_OPTS:--Xmx1g} -Dlogback.configurationFile="$ROOT/conf/logback.xml" -cp "$JAR:$LIB/*" \
        "$BENCH_DIR/webhooks/WebhookBench.java" "$WEBHOOK_EVENTS" "$WEBHOOK_RATE" "$WEBHOOK_PACED" > "$WORK/webhooks.log" 2>&1 \
        || { log "webhook bench failed"; tail -20 "$WORK/webhooks.log" >&2; return; }
    while read -r line; do
        label=$(field "$line" label)
        label=${label//\//_per_}
        record webhooks "${label}_events_per_s" "$(field "$line" events_per_s)"
        record webhooks "${label}_p50_ms" "$(field "$line" p50_ms)"
        record webhooks "${label}_p99_ms" "$(field "$line" p99_ms)"
    done < <(grep '^RESULT' "$WORK/webhooks.log")
}

# What a Mailgun user sees: from each send's API 200 to its "delivered" webhook, on the running Postyard server (through
# the pipeline, the SMTP sink and the webhook engine), at a steady rate the server keeps up with.
webhook_e2e_bench() {
    log "webhooks end to end: $WEBHOOK_E2E_MESSAGES sends at $WEBHOOK_E2E_RATE/s, API 200 to delivered webhook"
    local line
    line=$(java "$BENCH_DIR/webhooks/EndToEndWebhookBench.java" "$HTTP_PORT" "$API_KEY" bench.test \
        "$WEBHOOK_E2E_MESSAGES" "$WEBHOOK_E2E_RATE" 2> "$WORK/webhooks-e2e.log" | grep '^RESULT') \
        || { log "end-to-end webhook bench failed"; tail -20 "$WORK/webhooks-e2e.log" >&2; return; }
    record webhooks e2e_events_per_s "$(field "$line" events_per_s)"
    record webhooks e2e_p50_ms "$(field "$line" p50_ms)"
    record webhooks e2e_p99_ms "$(field "$line" p99_ms)"
    record webhooks e2e_missing "$(field "$line" missing)"
}

# ---- Events API over many events (bench/events) --------------------------------------------------------------------
EVENTS=${BENCH_EVENTS:-$($QUICK && echo 100000 || echo 10000000)}
EVENT_QUERIES=${BENCH_EVENT_QUERIES:-$($QUICK && echo 200 || echo 1000)}
events_bench() { # once, not per run: the bench repeats each query EVENT_QUERIES times itself
    log "events: $EVENTS events, $EVENT_QUERIES queries per scenario (bench/events/run.sh; loads them on its first run)"
    "$BENCH_DIR/events/run.sh" "$EVENTS" "$EVENT_QUERIES" > "$WORK/events.log" 2>&1 \
        || { log "events bench failed"; tail -20 "$WORK/events.log" >&2; return; }
    local RUN=1 line scenario metric
    record events total_events "$EVENTS"
    record events queries_per_scenario "$EVENT_QUERIES"
    record events db_mb "$(field "$(grep '^RESULT database ' "$WORK/events.log")" db_mb)"
    line=$(grep '^RESULT load ' "$WORK/events.log" || true)
    [ -z "$line" ] || record events load_events_per_s "$(field "$line" events_per_s)"
    while read -r line; do
        scenario=$(field "$line" scenario)
        for metric in first_p50_ms first_p99_ms next_p50_ms next_p99_ms rows events_read; do
            record events "${scenario}_$metric" "$(field "$line" "$metric")"
        done
        echo "events_label_$scenario=${line##* label=}" >> "$WORK/meta"
    done < <(grep '^RESULT scenario=' "$WORK/events.log")
}

# ---- main ----------------------------------------------------------------------------------------------------------
ensure_tools
ensure_build
wants smtp && ensure_james
if wants smtp && [[ " $SYSTEMS " == *" postyard-cassandra "* ]]; then
    if ! (exec 3<>/dev/tcp/127.0.0.1/9042) 2>/dev/null || ! (exec 3<>/dev/tcp/127.0.0.1/9200) 2>/dev/null; then
        log "starting a local Cassandra and OpenSearch (tools/engines.sh)"
        "$ROOT/tools/engines.sh" start all
        STARTED_ENGINES=1
    fi
fi
BENCH_STARTED=$(now_ms)
{
    echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "commit=$(git -C "$ROOT" rev-parse --short HEAD)"
    echo "cpu=$(lscpu | sed -n 's/^Model name: *//p' | head -1)"
    echo "cores=$(nproc)"
    echo "ram=$(free -g | awk '/^Mem:/ {print $2}') GiB"
    echo "jvm=$(java -version 2>&1 | sed -n 2p)"
    echo "java_opts=$JAVA_OPTS"
    echo "kernel=$(uname -r)"
    echo "load=$(cut -d' ' -f1-3 /proc/loadavg)"
    echo "postfix=$(postconf -h mail_version 2>/dev/null)"
    echo "wrk=$(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
    echo "quick=$QUICK"
    echo "runs=$RUNS"
    echo "messages=$MESSAGES"
    echo "cassandra_messages=$CASSANDRA_MESSAGES"
    echo "sessions=$SESSIONS"
    echo "mailboxes=$MAILBOXES"
    echo "http_seconds=$HTTP_SECONDS"
    echo "suppressed=$SUPPRESSED"
    echo "send_repeats=$SEND_REPEATS"
    echo "recipients=$RECIPIENTS"
    echo "webhook_events=$WEBHOOK_EVENTS"
    echo "webhook_paced=$WEBHOOK_PACED"
    echo "webhook_rate=$WEBHOOK_RATE"
    echo "webhook_e2e_messages=$WEBHOOK_E2E_MESSAGES"
    echo "webhook_e2e_rate=$WEBHOOK_E2E_RATE"
    echo "only=$ONLY"
    echo "arguments=$ARGUMENTS"
    echo "idle_s=$IDLE_SECONDS"
} > "$WORK/meta"

if wants smtp || wants http || wants suppression || wants webhooks; then
    java "$BENCH_DIR/http-send/NullSmtpSink.java" "$SINK_PORT" "$WORK/sink-count" > "$WORK/sink.log" 2>&1 &
    wait_for_ports $SINK_PORT
    until [ -s "$WORK/sink-count" ]; do sleep 0.05; done
fi
for RUN in $(seq 1 "$RUNS"); do
    log "run $RUN of $RUNS"
    if wants smtp; then
        for system in $SYSTEMS; do smtp_system "$system"; done
    elif wants http || wants suppression || wants webhooks; then
        # Without the SMTP part, the HTTP, suppression and end-to-end webhook parts still need a Postyard memory server.
        start_postyard "postyard-$RUN" memory; wait_for_ports $(postyard_ports)
        add_mailbox_postyard sender bench-secret-1
        wants webhooks && webhook_e2e_bench
        wants suppression && suppression_bench
        wants http && http_bench
        stop_server "$SERVER_PID"; SERVER_PID=""
        wait_for_ports_closed $SMTP_PORT $HTTP_PORT || true
    fi
    wants webhooks && webhook_bench
done
wants events && events_bench
echo "elapsed_s=$(( ($(now_ms) - BENCH_STARTED) / 1000 ))" >> "$WORK/meta"
echo "load_end=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$WORK/meta"

if [ -n "${BENCH_JFR:-}" ]; then
    for jfr in "$WORK"/postyard-*.jfr; do
        [ -f "$jfr" ] || continue
        log "JFR hottest frames in $jfr:"
        jfr print --events jdk.ExecutionSample "$jfr" | grep -A1 'stackTrace = \[' | grep -v -e 'stackTrace' -e '^--' \
            | sed 's/line:.*//' | sort | uniq -c | sort -rn | head -25 >&2
    done
fi
python3 "$BENCH_DIR/report.py" "$RESULTS" "$WORK/meta" "$ROOT/docs/benchmarks.md" "$ROOT/docs/benchmarks"
