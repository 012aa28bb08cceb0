#!/usr/bin/env bash
# Webhook engine benchmark: N events through the real delivery engine (outbox, Camel routes, Mailgun signing,
# camel-http) to a local receiver, next to Apache HttpClient 5 posting the same bodies straight to it (the baseline),
# in one JVM, one run. First a burst (throughput), then paced at RATE/s (publish-to-receipt latency).
#   bench/webhooks.sh [events] [rate]      (default 20000 events, 1000/s)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LIB="$ROOT/james-extensions/postyard-server/target/lib"
JAR="$ROOT/james-extensions/postyard-server/target/postyard-server.jar"
[ -f "$JAR" ] || (cd "$ROOT" && ./postyard build)
exec java ${BENCH_JAVA_OPTS:--Xmx1g} -Dlogback.configurationFile="$ROOT/conf/logback.xml" -cp "$JAR:$LIB/*" \
    "$ROOT/bench/webhooks/WebhookBench.java" "${1:-20000}" "${2:-1000}"
