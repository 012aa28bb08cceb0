# Shared pieces of the benchmarks: sourced by bench/run-all.sh. Starting and stopping each system under test, ports,
# waiting, process memory, medians.
# shellcheck shell=bash
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
LIB="$ROOT/james-extensions/postyard-server/target/lib"
JAR="$ROOT/james-extensions/postyard-server/target/postyard-server.jar"
M2_REPO="${BENCH_M2_REPO:-}"

# Fixed ports far from the defaults and from the tests' random ports. Every system under test runs alone, on these.
SMTP_PORT=32525
SUBMISSION_PORT=32587
IMAP_PORT=31143
POP3_PORT=31110
HTTP_PORT=38080
WEBADMIN_PORT=38000
POSTFIX_PORT=32526
SINK_PORT=32600
API_KEY="key-bench-0123456789abcdef0123456789abcdef"
JAVA_OPTS="${BENCH_JAVA_OPTS:--Xmx2g}"

now_ms() { date +%s%3N; }

log() { printf '[bench %s] %s\n' "$(date +%T)" "$*" >&2; }

wait_for_ports() { # port...: until each accepts a connection (180 s at most)
    local deadline=$((SECONDS + 180))
    for port in "$@"; do
        until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
            [ $SECONDS -lt $deadline ] || { log "timeout waiting for port $port"; return 1; }
            sleep 0.05
        done
    done
}

wait_for_ports_closed() {
    local deadline=$((SECONDS + 60))
    for port in "$@"; do
        while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
            [ $SECONDS -lt $deadline ] || { log "port $port still open"; return 1; }
            sleep 0.1
        done
    done
}

median() { sort -g | awk '{a[NR]=$1} END {if (NR == 0) print "NA"; else if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

# Resident set size now (VmRSS) and its peak since start (VmHWM), in MB, of one process or of a process tree.
proc_kb() { # PID FIELD: a field of /proc/PID/status (VmRSS, VmHWM) or of smaps_rollup (Pss), in kB; 0 when gone
    local file="/proc/$1/status"
    [ "$2" = Pss ] && file="/proc/$1/smaps_rollup"
    awk -v k="$2:" '$1 == k {print $2; found=1} END {if (!found) print 0}' "$file" 2>/dev/null || echo 0
}
tree_pids() { local pid; for pid in "$@"; do echo "$pid"; tree_pids $(pgrep -P "$pid" || true); done; }
# cpu_ms PID...: CPU time (user and system) used so far by the processes and their children, living or ended, in ms. Less sensitive than
# a rate to other work on a shared machine.
cpu_ms() {
    local total=0 pid ticks
    for pid in $(tree_pids "$@"); do
        ticks=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$pid/stat" 2>/dev/null || echo 0)
        total=$((total + ticks))
    done
    echo $((total * 1000 / $(getconf CLK_TCK)))
}
rss_mb() { local kind="$1" total=0 pid; shift; for pid in $(tree_pids "$@"); do total=$((total + $(proc_kb "$pid" "$kind"))); done; echo $((total / 1024)); }

ensure_tools() { # apt packages for the benchmarks: smtp-source (postfix), wrk, gnuplot
    local missing=()
    command -v smtp-source >/dev/null || missing+=(postfix)
    command -v wrk >/dev/null || missing+=(wrk)
    command -v gnuplot >/dev/null || missing+=(gnuplot-nox)
    command -v curl >/dev/null || missing+=(curl)
    command -v python3 >/dev/null || missing+=(python3)
    [ ${#missing[@]} -eq 0 ] && return
    log "installing ${missing[*]} with apt"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    # Postfix: "No configuration", so that the package starts no system mail server of its own.
    echo "postfix postfix/main_mailer_type select No configuration" | $sudo debconf-set-selections
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    # A system Postfix that the package may have started anyway is stopped; ours runs on its own directories.
    if [ -f /etc/postfix/main.cf ] && $sudo postfix status >/dev/null 2>&1; then
        log "stopping the system postfix that apt started"
        $sudo postfix stop >/dev/null 2>&1 || true
    fi
}

ensure_build() {
    [ -f "$JAR" ] && [ -d "$LIB" ] && return
    log "building the server"
    (cd "$ROOT" && mvn -B -q ${M2_REPO:+-o -Dmaven.repo.local=$M2_REPO} -DskipTests install)
}

# ---- Postyard -----------------------------------------------------------------------------------------------------
# start_postyard NAME PROFILE [extra VAR=value...]: starts it in the background on the bench ports; sets SERVER_PID.
start_postyard() {
    local name="$1" profile="$2"; shift 2
    local data="$WORK/$name-data"
    rm -rf "$data" && mkdir -p "$data"
    env POSTYARD_PROFILE="$profile" POSTYARD_DATA_DIR="$data" POSTYARD_CONF_DIR="$ROOT/conf" POSTYARD_API_KEY="$API_KEY" \
        POSTYARD_SMTP_PORT=$SMTP_PORT POSTYARD_SUBMISSION_PORT=$SUBMISSION_PORT POSTYARD_IMAP_PORT=$IMAP_PORT \
        POSTYARD_POP3_PORT=$POP3_PORT POSTYARD_HTTP_PORT=$HTTP_PORT POSTYARD_WEBADMIN_PORT=$WEBADMIN_PORT \
        POSTYARD_TESTING_TRUST_ALL_DOMAINS=true POSTYARD_HTTP_RATE_LIMIT_PER_MINUTE=1000000000 \
        POSTYARD_SMTP_GATEWAY="127.0.0.1:$SINK_PORT" POSTYARD_WEBHOOK_ALLOW_PRIVATE=true "$@" \
        java $JAVA_OPTS ${BENCH_JFR:+-XX:StartFlightRecording=filename=$WORK/$name.jfr,settings=profile,dumponexit=true} \
        -Dlogback.configurationFile="$ROOT/conf/logback.xml" -Dworking.directory="$data" \
        -cp "$JAR:$LIB/*" io.postyard.server.PostyardMain > "$WORK/$name.log" 2>&1 &
    SERVER_PID=$!
}

postyard_ports() { echo $SMTP_PORT $IMAP_PORT $HTTP_PORT; }

# add_mailbox_postyard USER PASSWORD: a hosted domain bench.test (idempotent) and a user in it, through the Mailgun API.
add_mailbox_postyard() {
    curl -s -o /dev/null -u "api:$API_KEY" "http://127.0.0.1:$HTTP_PORT/mailgun/v3/domains" -d name=bench.test
    curl -sf -o /dev/null -u "api:$API_KEY" "http://127.0.0.1:$HTTP_PORT/mailgun/v3/domains/bench.test/credentials" \
        -d "login=$1" -d "password=$2"
}

# ---- stock James (MemoryJamesServerMain from Maven Central, bench/james/pom.xml) -----------------------------------
JAMES_LIB="$BENCH_DIR/james/target/lib"
ensure_james() {
    [ -d "$JAMES_LIB" ] && return
    log "resolving org.apache.james:james-server-memory-app:3.8.1 (bench/james/pom.xml)"
    local repo=(${M2_REPO:+-Dmaven.repo.local=$M2_REPO})
    (cd "$BENCH_DIR/james" && { mvn -B -q -o "${repo[@]}" dependency:copy-dependencies 2>/dev/null \
        || mvn -B -q "${repo[@]}" dependency:copy-dependencies; })
}

# The same conf/ minus Postyard's own mailets, matchers, processors, SMTP hooks and mailbox listener (they need Postyard's
# classes and injector), with
# the bench ports written in (Postyard writes its ports at start-up; James reads them from the files).
stock_james_conf() {
    rm -rf "$1" && cp -r "$ROOT/conf" "$1"
    python3 - "$1" "$SMTP_PORT" "$SUBMISSION_PORT" "$IMAP_PORT" "$POP3_PORT" "$WEBADMIN_PORT" <<'PY'
import re, sys, xml.etree.ElementTree as ET
conf, smtp_port, submission_port, imap_port, pop3_port, webadmin_port = sys.argv[1:]
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
listeners = ET.parse(conf + "/listeners.xml")
for listener in list(listeners.getroot()):
    if "io.postyard" in (listener.findtext("class") or ""):
        listeners.getroot().remove(listener)
listeners.write(conf + "/listeners.xml")
def rebind(name, ports):
    doc = ET.parse(conf + "/" + name)
    for server, port in zip(doc.getroot(), ports):
        server.find("bind").text = "0.0.0.0:" + port
    for chain in doc.getroot().iter("handlerchain"):
        for handler in list(chain):
            if "io.postyard" in handler.get("class", ""):
                chain.remove(handler)
        # Postyard's core handlers (James's, behind the AUTH throttle): stock James uses its own.
        if "io.postyard" in chain.get("coreHandlersPackage", ""):
            del chain.attrib["coreHandlersPackage"]
    doc.write(conf + "/" + name)
rebind("smtpserver.xml", [smtp_port, submission_port])
rebind("imapserver.xml", [imap_port])
rebind("pop3server.xml", [pop3_port])
path = conf + "/webadmin.properties"
text = open(path).read()
text = re.sub(r"(?m)^port=.*$", "port=" + webadmin_port, text)
open(path, "w").write(text)
PY
}

start_james() { # NAME: sets SERVER_PID
    local name="$1" home="$WORK/$1-home"
    rm -rf "$home" && mkdir -p "$home"
    stock_james_conf "$home/conf"
    (cd "$home" && exec java $JAVA_OPTS -Dlogback.configurationFile="$ROOT/conf/logback.xml" -Dworking.directory="$home" \
        -cp "$JAMES_LIB/*" org.apache.james.MemoryJamesServerMain) > "$WORK/$name.log" 2>&1 &
    SERVER_PID=$!
}

james_ports() { echo $SMTP_PORT $IMAP_PORT $WEBADMIN_PORT; }

add_mailbox_james() { # USER PASSWORD, through James's WebAdmin
    curl -s -o /dev/null -X PUT "http://127.0.0.1:$WEBADMIN_PORT/domains/bench.test"
    curl -sf -o /dev/null -X PUT "http://127.0.0.1:$WEBADMIN_PORT/users/$1@bench.test" -H "Content-Type: application/json" -d "{\"password\":\"$2\"}"
}

# ---- Postfix: a private instance (own config, queue and data directories), delivering to Maildirs ----------------
POSTFIX_DIR=""
start_postfix() { # NAME: sets SERVER_PID to its master
    local dir="$WORK/$1-postfix"
    rm -rf "$dir" && mkdir -p "$dir/etc" "$dir/queue" "$dir/data" "$dir/mail"
    chmod 755 "$WORK" "$dir"
    chown nobody:nogroup "$dir/mail"
    chown postfix "$dir/data"
    POSTFIX_DIR="$dir"
    cat > "$dir/etc/main.cf" <<EOF
compatibility_level = 3.6
queue_directory = $dir/queue
data_directory = $dir/data
command_directory = /usr/sbin
daemon_directory = /usr/lib/postfix/sbin
shlib_directory = /usr/lib/postfix
meta_directory = /etc/postfix
mail_owner = postfix
setgid_group = postdrop
myhostname = bench-postfix.localdomain
mydestination =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
alias_maps =
alias_database =
local_recipient_maps =
smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
virtual_mailbox_domains = bench.test
virtual_mailbox_base = $dir/mail
virtual_mailbox_maps = texthash:$dir/etc/vmailbox
virtual_uid_maps = static:$(id -u nobody)
virtual_gid_maps = static:$(id -g nobody)
virtual_minimum_uid = 100
message_size_limit = 26214400
maillog_file = $dir/maillog
maillog_file_prefixes = $dir
smtputf8_enable = no
EOF
    # Debian's master.cf without chroot (our queue is not a chroot jail) and with only our SMTP port listening.
    cat > "$dir/etc/master.cf" <<EOF
127.0.0.1:$POSTFIX_PORT inet n - n - - smtpd
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
local     unix  -       n       n       -       -       local
virtual   unix  -       n       n       -       -       virtual
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
EOF
    : > "$dir/etc/vmailbox"
    postfix -c "$dir/etc" start > "$WORK/$1.log" 2>&1
    local deadline=$((SECONDS + 30))
    until [ -s "$dir/queue/pid/master.pid" ]; do
        [ $SECONDS -lt $deadline ] || { log "postfix did not start"; cat "$WORK/$1.log" >&2; return 1; }
        sleep 0.05
    done
    SERVER_PID=$(tr -d ' ' < "$dir/queue/pid/master.pid")
}

add_mailbox_postfix() { # USER...: Maildirs (trailing slash) under the instance's mail directory
    local user
    for user in "$@"; do echo "$user@bench.test bench.test/$user/" >> "$POSTFIX_DIR/etc/vmailbox"; done
    postfix -c "$POSTFIX_DIR/etc" reload >/dev/null 2>&1
}

stop_postfix() {
    [ -n "$POSTFIX_DIR" ] && [ -f "$POSTFIX_DIR/etc/main.cf" ] && postfix -c "$POSTFIX_DIR/etc" stop >/dev/null 2>&1 || true
}

stop_server() { # PID
    kill "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
}
