-- The one line the benchmarks read from every wrk run: requests, seconds, latency percentiles (ms)
-- and errors (a status of 400 or more, or a failed connection). Loaded by the request scripts.
return function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
      "bazaar-wrk requests=%d seconds=%.3f p50=%.3f p95=%.3f p99=%.3f errors=%d\n",
      summary.requests, summary.duration / 1e6,
      latency:percentile(50) / 1e3, latency:percentile(95) / 1e3, latency:percentile(99) / 1e3,
      errors.status + errors.connect + errors.read + errors.write + errors.timeout))
end
