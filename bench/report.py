#!/usr/bin/env python3
"""Turns bench/run-all.sh's results into a table on stdout, docs/benchmarks.md and PNG plots (gnuplot).
  report.py RESULTS_TSV META OUT_MD PLOT_DIR
RESULTS_TSV rows: run, system, metric, value. A figure is the median of its values over all runs; a ratio is taken
within each run (between the medians of that run) and the median of those ratios is reported."""
import os
import statistics
import subprocess
import sys
from collections import defaultdict

results_path, meta_path, out_md, plot_dir = sys.argv[1:5]
meta = dict(line.rstrip("\n").split("=", 1) for line in open(meta_path) if "=" in line)
values = defaultdict(list)            # (system, metric) -> [values]
per_run = defaultdict(list)           # (run, system, metric) -> [values]
if os.path.exists(results_path):
    for line in open(results_path):
        run, system, metric, value = line.rstrip("\n").split("\t")
        try:
            number = float(value)
        except ValueError:
            continue
        values[(system, metric)].append(number)
        per_run[(run, system, metric)].append(number)
runs = sorted({run for run, _, _ in per_run})
quick = meta.get("quick") == "true"


def med(system, metric):
    data = values.get((system, metric))
    return statistics.median(data) if data else None


def ratio(num, den):
    """Median over runs of (num / den), each measured in the same run. num, den: (system, metric)."""
    ratios = []
    for run in runs:
        a, b = per_run.get((run,) + num), per_run.get((run,) + den)
        if a and b and statistics.median(b) > 0:
            ratios.append(statistics.median(a) / statistics.median(b))
    return statistics.median(ratios) if ratios else None


def n(system, metric):
    return len(values.get((system, metric), []))


def fmt(value, digits=0):
    if value is None:
        return "n/a"
    return f"{value:,.{digits}f}"


def fx(value):
    return "n/a" if value is None else f"{value:.2f}x"


def target(value, ok):
    if value is None:
        return "n/a"
    return "met" if ok(value) else "not met"


SYSTEMS = [("postyard", "Postyard (memory)"), ("postyard-embedded", "Postyard (embedded, the default)"),
           ("james", "stock James 3.8.1 (memory)"), ("postfix", "Postfix " + meta.get("postfix", "")),
           ("postyard-cassandra", "Postyard (cassandra)")]
SIZES = [("1024", "1 KB"), ("102400", "100 KB")]
sections = []
runs_note = (f"{meta.get('runs')} run{'s' if meta.get('runs') != '1' else ''}"
             + (" (**--quick: one run, fewer messages, shorter runs; indicative only**)" if quick else ", medians"))

# ---- SMTP ----------------------------------------------------------------------------------------------------------
smtp_rows = []
if any(system for (system, metric) in values if metric.startswith("smtp_")):
    lines = [f"### SMTP inbound: messages/s to a local mailbox\n",
             f"`smtp-source -s {meta.get('sessions')} -m {meta.get('messages')} -l SIZE -d`: {meta.get('sessions')} concurrent "
             f"sessions, {int(meta.get('messages')):,} messages per size ({int(meta.get('cassandra_messages', meta.get('messages'))):,} on the "
             "cassandra profile, several times slower), each session sending messages back to back, the sessions spread evenly over " + meta.get("mailboxes", "20") + " mailboxes, after a warm-up of a tenth as many (20 at least) to another mailbox; from the first connection to the last message seen "
             "in the mailbox (IMAP STATUS for Postyard and James, the Maildir for Postfix). " + runs_note + ".\n",
             "CPU ms/msg: the server's CPU time (user and system, every process of it) during the load, divided by the "
             "messages; less sensitive than a rate to other work on a shared machine.\n",
             "| System | 1 KB msg/s | 100 KB msg/s | vs Postyard (memory), 1 KB | 100 KB | CPU ms/msg, 1 KB | 100 KB |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for system, label in SYSTEMS:
        cells = [fmt(med(system, f"smtp_{size}_msgs_per_s"), 1) for size, _ in SIZES]
        rel = [fx(ratio((system, f"smtp_{size}_msgs_per_s"), ("postyard", f"smtp_{size}_msgs_per_s"))) if system != "postyard" else "1.00x"
               for size, _ in SIZES]
        for size, _ in SIZES:
            if values.get((system, f"smtp_{size}_incomplete")):
                cells[SIZES.index((size, dict(SIZES)[size]))] += " (incomplete)"
        cpu = [fmt(med(system, f"smtp_{size}_cpu_ms_per_msg"), 1) for size, _ in SIZES]
        lines.append(f"| {label} | {cells[0]} | {cells[1]} | {rel[0]} | {rel[1]} | {cpu[0]} | {cpu[1]} |")
        smtp_rows.append((label, [med(system, f"smtp_{size}_msgs_per_s") or 0 for size, _ in SIZES]))
    lines.append("")
    lines.append("| Target (Postyard memory / other, same run) | 1 KB | 100 KB | target | |")
    lines.append("|---|---:|---:|---|---|")
    for other, label, goal in [("james", "Postyard / stock James", 0.9), ("postfix", "Postyard / Postfix", 1.0)]:
        r = [ratio(("postyard", f"smtp_{size}_msgs_per_s"), (other, f"smtp_{size}_msgs_per_s")) for size, _ in SIZES]
        verdict = "met" if all(x is not None and x >= goal for x in r) else ("n/a" if None in r else "not met")
        lines.append(f"| {label} | {fx(r[0])} | {fx(r[1])} | >= {goal}x | {verdict} |")
    r = [ratio(("postyard-cassandra", f"smtp_{size}_msgs_per_s"), ("postyard", f"smtp_{size}_msgs_per_s")) for size, _ in SIZES]
    lines.append(f"| Postyard cassandra / memory | {fx(r[0])} | {fx(r[1])} | (none) | |")
    # The durable default against the durable peers (issue 19's targets).
    for other, label, goal in [("postfix", "Postyard embedded / Postfix (durable / durable)", 0.5),
                               ("postyard-cassandra", "Postyard embedded / cassandra", 3.0)]:
        r = [ratio(("postyard-embedded", f"smtp_{size}_msgs_per_s"), (other, f"smtp_{size}_msgs_per_s")) for size, _ in SIZES]
        verdict = "met" if all(x is not None and x >= goal for x in r) else ("n/a" if None in r else "not met")
        lines.append(f"| {label} | {fx(r[0])} | {fx(r[1])} | >= {goal}x | {verdict} |")
    sections.append("\n".join(lines))

    lines = ["### Resources\n",
             "Startup: from process launch until SMTP, IMAP and the HTTP API (Postyard) or WebAdmin (James) accept "
             "connections; for Postfix, `postfix start` until SMTP accepts. Idle: proportional set size (PSS) "
             f"{meta.get('idle_s', '?')} s after start-up and mailbox creation, before any load. Peak: VmHWM after the SMTP "
             "loads. Postfix's figures add up all of its processes (its peak adds each process's own peak, so it "
             "overstates). The cassandra profile's figures are the server's alone: the Cassandra and OpenSearch it "
             "uses are shared with other work on this machine and not counted. " + runs_note + ".\n",
             "| System | startup (ms) | idle RSS (MB) | peak RSS (MB) | startup vs Postyard | idle RSS vs Postyard |",
             "|---|---:|---:|---:|---:|---:|"]
    for system, label in SYSTEMS:
        rel = ["1.00x", "1.00x"] if system == "postyard" else [fx(ratio((system, m), ("postyard", m))) for m in ("startup_ms", "idle_rss_mb")]
        lines.append(f"| {label} | {fmt(med(system, 'startup_ms'))} | {fmt(med(system, 'idle_rss_mb'))} | "
                     f"{fmt(med(system, 'peak_rss_mb'))} | {rel[0]} | {rel[1]} |")
    sections.append("\n".join(lines))

# ---- HTTP ----------------------------------------------------------------------------------------------------------
http_rows = []
HTTP_SYSTEMS = [(system, label) for system, label in SYSTEMS[:2] if med(system, "http_send_c16_per_s") is not None]
if HTTP_SYSTEMS:
    lines = ["### HTTP send API: `POST /mailgun/v3/{d}/messages`, 1 KB\n",
             f"wrk, 2 threads, {meta.get('http_seconds')} s per measurement after a warm-up; the outbound gateway is an SMTP "
             "sink (`bench/http-send/NullSmtpSink.java`). Baseline: an authenticated no-op (`GET /mailgun/v3/domains/{d}`) "
             "on the same server, same run. Delivered/s: messages that reached the sink while the sends ran, "
             "per second (the outbound queue may then still hold earlier sends: the 64-connection run starts with what the "
             "16-connection one left). " + runs_note + ".\n",
             "| Profile | Connections | request | ok/s | p50 (ms) | p99 (ms) | p99.9 (ms) | errors | delivered/s at sink | send / no-op |",
             "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|"]
    for system, system_label in HTTP_SYSTEMS:
        for c in (16, 64):
            for kind, label in (("noop", "no-op GET"), ("send", "send POST")):
                key = f"http_{kind}_c{c}"
                rel = fx(ratio((system, f"http_send_c{c}_per_s"), (system, f"http_noop_c{c}_per_s"))) if kind == "send" else ""
                delivered = fmt(med(system, f"{key}_delivered_per_s")) if kind == "send" else ""
                lines.append(f"| {system_label} | {c} | {label} | {fmt(med(system, key + '_per_s'))} | {fmt(med(system, key + '_p50_ms'), 2)} | "
                             f"{fmt(med(system, key + '_p99_ms'), 2)} | {fmt(med(system, key + '_p999_ms'), 2)} | "
                             f"{fmt(med(system, key + '_errors'))} | {delivered} | {rel} |")
                if system == "postyard":
                    http_rows.append((f"{label} c{c}", [med(system, f"{key}_{p}_ms") or 0 for p in ("p50", "p99", "p999")]))
    rate, p99 = med("postyard", "http_send_c16_per_s"), med("postyard", "http_send_c16_p99_ms")
    lines.append("")
    lines.append(f"Target at 16 connections (memory profile): >= 1,500 sends/s ({target(rate, lambda v: v >= 1500)}: {fmt(rate)}), "
                 f"p99 < 50 ms ({target(p99, lambda v: v < 50)}: {fmt(p99, 2)} ms).")
    sections.append("\n".join(lines))

# ---- Suppressions --------------------------------------------------------------------------------------------------
if med("postyard", "suppression_empty_api_ms") is not None:
    rcpt = int(meta.get("recipients", "1000"))
    lines = [f"### Suppression lookups: one send to {rcpt:,} recipients\n",
             f"The same send ({rcpt:,} recipients on one domain, none of them suppressed) from a domain with "
             f"{int(meta.get('suppressed')):,} suppressed addresses (bounces, imported as CSV through "
             "`POST /mailgun/v3/{d}/bounces/import`, 100,000 rows per file) and from a domain with none, alternating, "
             f"{meta.get('send_repeats')} time(s) each per run, after one unmeasured send from each. API: until the 200; sink: until the SMTP sink has all {rcpt:,} "
             "recipients (Postyard sends one message per recipient). " + runs_note + ".\n",
             "| Domain | API latency (ms) | until all at the sink (ms) |", "|---|---:|---:|"]
    for domain, label in (("empty", "no suppressions"), ("suppressed", f"{int(meta.get('suppressed')):,} suppressed")):
        lines.append(f"| {label} | {fmt(med('postyard', f'suppression_{domain}_api_ms'), 1)} | "
                     f"{fmt(med('postyard', f'suppression_{domain}_sink_ms'))} |")
    lines.append(f"| ratio suppressed / empty | {fx(ratio(('postyard', 'suppression_suppressed_api_ms'), ('postyard', 'suppression_empty_api_ms')))} | "
                 f"{fx(ratio(('postyard', 'suppression_suppressed_sink_ms'), ('postyard', 'suppression_empty_sink_ms')))} |")
    lines.append("")
    lines.append(f"Import: {fmt(med('postyard', 'suppression_import_per_s'))} addresses/s.")
    sections.append("\n".join(lines))

# ---- Webhooks ------------------------------------------------------------------------------------------------------
if med("webhooks", "engine_burst_events_per_s") is not None:
    rate = meta.get("webhook_rate")
    paced = f"engine_at_{rate}_per_s"
    base_paced = f"baseline_at_{rate}_per_s"
    lines = ["### Webhooks\n",
             f"`bench/webhooks/WebhookBench.java`: {int(meta.get('webhook_events')):,} events published at once (burst: "
             f"throughput), then {int(meta.get('webhook_paced')):,} at {rate}/s (latency), through the real engine "
             "(outbox, Camel routes, Mailgun signing, camel-http) to a local receiver in the same JVM; latency from "
             "publishing the event to its receipt. Baseline: Apache HttpClient 5 posting the same bodies with the "
             "engine's per-host concurrency (4). " + runs_note + ".\n",
             "| | events/s (burst) | p50 (ms) at rate | p99 (ms) at rate |", "|---|---:|---:|---:|"]
    for kind, label in (("engine", "webhook engine"), ("baseline", "bare HTTP client")):
        p = paced if kind == "engine" else base_paced
        lines.append(f"| {label} | {fmt(med('webhooks', f'{kind}_burst_events_per_s'))} | {fmt(med('webhooks', p + '_p50_ms'), 2)} | "
                     f"{fmt(med('webhooks', p + '_p99_ms'), 2)} |")
    lines.append(f"| engine / baseline | {fx(ratio(('webhooks', 'engine_burst_events_per_s'), ('webhooks', 'baseline_burst_events_per_s')))} | "
                 f"{fx(ratio(('webhooks', paced + '_p50_ms'), ('webhooks', base_paced + '_p50_ms')))} | "
                 f"{fx(ratio(('webhooks', paced + '_p99_ms'), ('webhooks', base_paced + '_p99_ms')))} |")
    p99 = med("webhooks", paced + "_p99_ms")
    burst_p99 = med("webhooks", "engine_burst_p99_ms")
    lines.append("")
    lines.append(f"Target: p99 < 500 ms ({target(p99, lambda v: v < 500)} at {rate}/s: {fmt(p99, 1)} ms). During the burst, "
                 f"when events queue faster than they can be sent, p99 is {fmt(burst_p99)} ms.")
    e2e_p99 = med("webhooks", "e2e_p99_ms")
    if e2e_p99 is not None:
        lines.append("")
        lines.append(f"End to end (`bench/webhooks/EndToEndWebhookBench.java`, on the Postyard memory server): "
                     f"{int(meta.get('webhook_e2e_messages')):,} sends at {meta.get('webhook_e2e_rate')}/s, latency from each "
                     "send's API 200 to the receipt of its `delivered` webhook (the message through the pipeline to the "
                     "SMTP sink, then the event through the engine).\n")
        lines.append("| | webhooks/s | p50 (ms) | p99 (ms) | missing |")
        lines.append("|---|---:|---:|---:|---:|")
        lines.append(f"| API 200 → delivered webhook | {fmt(med('webhooks', 'e2e_events_per_s'), 1)} | "
                     f"{fmt(med('webhooks', 'e2e_p50_ms'), 1)} | {fmt(e2e_p99, 1)} | {fmt(med('webhooks', 'e2e_missing'))} |")
        lines.append("")
        lines.append(f"Target: p99 < 500 ms from the API 200 ({target(e2e_p99, lambda v: v < 500)}: {fmt(e2e_p99, 1)} ms).")
    sections.append("\n".join(lines))

# ---- Events API over many events (bench/events) --------------------------------------------------------------------
event_scenarios = sorted(metric[:-len("_first_p99_ms")] for (system, metric) in values
                         if system == "events" and metric.endswith("_first_p99_ms"))
if event_scenarios:
    total, queries = med("events", "total_events"), med("events", "queries_per_scenario")
    lines = [f"### Events API over {fmt(total)} events\n",
             f"`bench/events/run.sh {int(total or 0)} {int(queries or 0)}`: `JdbcEventStore.query` on the embedded H2 database "
             f"({fmt(med('events', 'db_mb'))} MB), its schema made by the store's migrations, the rows written as the store writes "
             "them; 30 days of events on five domains (half on one). Per scenario, "
             f"{fmt(queries)} queries (the two `from` scans: a tenth) with random values over the last 7 days or a random day, a page "
             "of 300 (the API's maximum), then the next page from its cursor; nearest-rank percentiles. "
             + (f"Loaded at {fmt(med('events', 'load_events_per_s'))} events/s. " if med("events", "load_events_per_s") else "")
             + "One run (each query repeated instead).\n",
             "| Query | first page p50 (ms) | p99 (ms) | next page p50 (ms) | p99 (ms) | events on the first page | p99 < 100 ms |",
             "|---|---:|---:|---:|---:|---:|---|"]
    over = []
    for scenario in event_scenarios:
        label = meta.get(f"events_label_{scenario}", scenario.split("_", 1)[-1].replace("_", " "))
        first99, next99 = med("events", scenario + "_first_p99_ms"), med("events", scenario + "_next_p99_ms")
        met = first99 is not None and first99 < 100 and (next99 is None or next99 < 100)
        if not met:
            over.append(label)
        lines.append(f"| {label} | {fmt(med('events', scenario + '_first_p50_ms'), 2)} | {fmt(first99, 2)} | "
                     f"{fmt(med('events', scenario + '_next_p50_ms'), 2)} | {fmt(next99, 2)} | "
                     f"{fmt(med('events', scenario + '_rows'), 1)} | {'yes' if met else 'no'} |")
    lines.append("")
    lines.append(f"Target: a filtered page over 10,000,000 events in under 100 ms at p99 ("
                 + (f"measured over {fmt(total)} events: " if total != 10_000_000 else "")
                 + ("met by every scenario)." if not over else f"met by {len(event_scenarios) - len(over)} of {len(event_scenarios)} "
                    f"scenarios; not by: {', '.join(over)}).")
                 + (" A `from` address is matched on an index; any other `from` value is a substring of the From header, on no "
                    "index: a value few events have reads every event of the domain in the range."
                    if any("substring" in scenario for scenario in event_scenarios) else ""))
    read = [(meta.get(f"events_label_{scenario}", scenario), med("events", scenario + "_events_read")) for scenario in event_scenarios
            if med("events", scenario + "_events_read") is not None]
    if read:
        lines[-1] += " Events read by such a first page, on average: " + "; ".join(f"{label}: {fmt(n)}" for label, n in read) + "."
    sections.append("\n".join(lines))

# ---- plots ---------------------------------------------------------------------------------------------------------
os.makedirs(plot_dir, exist_ok=True)
plots = []


def gnuplot(name, data_rows, columns, title, ylabel):
    data = os.path.join(plot_dir, name + ".dat")
    with open(data, "w") as f:
        f.write("label " + " ".join(f'"{c}"' for c in columns) + "\n")
        for label, row in data_rows:
            f.write(f'"{label}" ' + " ".join(f"{v:.3f}" for v in row) + "\n")
    png = os.path.join(plot_dir, name + ".png")
    using = ", ".join(f"'{data}' using {i + 2}:xtic(1) title columnheader({i + 2})" for i in range(len(columns)))
    script = f"""set terminal pngcairo size 900,480 font 'sans,10'
set output '{png}'
set title "{title}"
set ylabel "{ylabel}"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set boxwidth 0.9
set grid ytics
set yrange [0:*]
set key top right
set xtics nomirror
plot {using}
"""
    try:
        subprocess.run(["gnuplot"], input=script, text=True, check=True, capture_output=True)
        os.remove(data)
        plots.append((name, title))
    except (OSError, subprocess.CalledProcessError) as e:
        print(f"gnuplot failed for {name}: {e}", file=sys.stderr)


if smtp_rows:
    gnuplot("smtp", smtp_rows, [label for _, label in SIZES], "SMTP inbound, messages/s (higher is better)", "messages/s")
    gnuplot("resources", [(label, [med(s, "idle_rss_mb") or 0, med(s, "peak_rss_mb") or 0]) for s, label in SYSTEMS],
            ["idle RSS", "peak RSS"], "Memory (MB, lower is better)", "MB")
if http_rows:
    gnuplot("http-latency", http_rows, ["p50", "p99", "p99.9"], "HTTP latency (ms, lower is better)", "ms")

# ---- the report ----------------------------------------------------------------------------------------------------
header = f"""# Benchmarks

Written by `bench/run-all.sh{(' ' + meta['arguments']) if meta.get('arguments') else ''}` on {meta.get('date')} (commit {meta.get('commit')}); run it again
to refresh this page. Figures from one machine are comparable with each other, not with another machine's.

| Machine | |
|---|---|
| CPU | {meta.get('cpu')}, {meta.get('cores')} cores |
| RAM | {meta.get('ram')} |
| JVM | {meta.get('jvm')}, `{meta.get('java_opts')}` for Postyard and James |
| Kernel | {meta.get('kernel')} |
| Load average (1, 5, 15 min) at start; at the end | {meta.get('load')}; {meta.get('load_end', 'n/a')} |
| Runs | {runs_note} |
| Duration | {int(meta.get('elapsed_s', '0')) // 60} min {int(meta.get('elapsed_s', '0')) % 60} s |

The machine was shared with other work while this ran (builds and test suites of other developers, and the Cassandra
and OpenSearch nodes the cassandra profile used): absolute figures are noisy. That is why every comparison is a ratio
of two figures measured in the same run, one right after the other, and the ratios are what to read.
"""
body = "\n\n".join(sections)
pictures = "\n".join(f"![{title}](benchmarks/{name}.png)" for name, title in plots)
notes = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "notes.md")).read() \
    if os.path.exists(os.path.join(os.path.dirname(os.path.abspath(__file__)), "notes.md")) else ""
with open(out_md, "w") as f:
    f.write(header + "\n## Results\n\n" + body + "\n\n## Plots\n\n" + pictures + "\n" + ("\n" + notes if notes else ""))

# ---- stdout --------------------------------------------------------------------------------------------------------
print(header.split("\n| Machine")[0].replace("# Benchmarks\n\n", ""))
for line in (header + "\n" + body).splitlines():
    if line.startswith("|") or line.startswith("###") or line.startswith("Target"):
        print(line)
print(f"\nwritten: {out_md}, " + ", ".join(f"{plot_dir}/{name}.png" for name, _ in plots))
