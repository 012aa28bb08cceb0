-- An authenticated request that does almost nothing: the cost of the HTTP stack and authentication alone.
wrk.method = "GET"
wrk.headers["Authorization"] = "Basic " .. os.getenv("BENCH_BASIC")

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors=%d non2xx=%d duration_s=%.2f p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
