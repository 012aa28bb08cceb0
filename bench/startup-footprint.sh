#!/usr/bin/env bash
# Startup time and idle RSS of Postyard against stock James (MemoryJamesServerMain) with the same conf/ and JVM,
# measured in the same run, alternating, and reported as ratios.
#   bench/startup-footprint.sh [runs]     (default 3 runs of each)
# Startup: from process launch until SMTP, submission, IMAP and POP3 accept connections (and HTTP for Postyard).
# Idle RSS: resident set size 20 s after startup.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-3}"
IDLE_SECONDS="${IDLE_SECONDS:-20}"
LIB="$ROOT/james-extensions/postyard-server/target/lib"
JAR="$ROOT/james-extensions/postyard-server/target/postyard-server.jar"
JAVA_OPTS="${BENCH_JAVA_OPTS:--Xmx1g}"
WORK="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT

[ -f "$JAR" ] || (cd "$ROOT" && ./postyard build)

wait_for_ports() {
    local deadline=$((SECONDS + 120))
    for port in "$@"; do
        until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
            [ $SECONDS -lt $deadline ] || { echo "timeout waiting for port $port" >&2; return 1; }
            sleep 0.05
        done
    done
}

now_ms() { date +%s%3N; }

measure() { # name, ports..., -- command...
    local name="$1"; shift
    local ports=()
    while [ "$1" != "--" ]; do ports+=("$1"); shift; done
    shift
    local start pid startup rss
    start=$(now_ms)
    "$@" > "$WORK/$name.log" 2>&1 &
    pid=$!
    wait_for_ports "${ports[@]}"
    startup=$(( $(now_ms) - start ))
    sleep "$IDLE_SECONDS"
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
    kill "$pid"; wait "$pid" 2>/dev/null || true
    echo "$name $startup $rss"
}

run_postyard() {
    rm -rf "$WORK/postyard-data"
    measure postyard 2525 2587 1143 1110 8080 -- env POSTYARD_DATA_DIR="$WORK/postyard-data" POSTYARD_CONF_DIR="$ROOT/conf" \
        POSTYARD_API_KEY=bench-key-0123456789abcdef \
        java $JAVA_OPTS -Dlogback.configurationFile="$ROOT/conf/logback.xml" -cp "$JAR:$LIB/*" io.postyard.server.PostyardMain
}

# Stock James gets the same files minus Postyard's own mailets, matchers, processors and SMTP hooks, which need
# Postyard's injector.
stock_conf() {
    python3 - "$1" <<'PY'
import sys, xml.etree.ElementTree as ET
conf = sys.argv[1]
tree = ET.parse(conf + "/mailetcontainer.xml")
processors = tree.getroot().find("processors")
for processor in list(processors):
    if processor.get("state", "").startswith("postyard-"):
        processors.remove(processor)
        continue
    for mailet in list(processor):
        if "io.postyard" in (mailet.get("match", "") + mailet.get("class", "")):
            processor.remove(mailet)
tree.write(conf + "/mailetcontainer.xml")
smtp = ET.parse(conf + "/smtpserver.xml")
for chain in smtp.getroot().iter("handlerchain"):
    for handler in list(chain):
        if "io.postyard" in handler.get("class", ""):
            chain.remove(handler)
smtp.write(conf + "/smtpserver.xml")
PY
}

run_james() {
    rm -rf "$WORK/james" && mkdir -p "$WORK/james" && cp -r "$ROOT/conf" "$WORK/james/conf"
    stock_conf "$WORK/james/conf"
    measure james 2525 2587 1143 1110 -- java $JAVA_OPTS -Dlogback.configurationFile="$ROOT/conf/logback.xml" \
        -Dworking.directory="$WORK/james" -cp "$LIB/*" org.apache.james.MemoryJamesServerMain
}

: > "$WORK/results"
for i in $(seq 1 "$RUNS"); do
    run_james >> "$WORK/results"
    run_postyard >> "$WORK/results"
done

awk '
    { n[$1]++; s[$1]+=$2; r[$1]+=$3; print "run", $1, "startup_ms=" $2, "rss_kb=" $3 }
    END {
        js = s["james"]/n["james"]; jr = r["james"]/n["james"];
        ps = s["postyard"]/n["postyard"]; pr = r["postyard"]/n["postyard"];
        printf "\n%-10s %12s %12s\n", "server", "startup_ms", "idle_rss_MB";
        printf "%-10s %12.0f %12.0f\n", "james", js, jr/1024;
        printf "%-10s %12.0f %12.0f\n", "postyard", ps, pr/1024;
        printf "\nratio postyard/james: startup %.2fx, idle RSS %.2fx (target <= 1.3x each)\n", ps/js, pr/jr;
    }' "$WORK/results"
