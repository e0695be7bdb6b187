-- wrk script: each request GETs a path drawn at random from the file named by WRK_PATHS (one path per line), and
-- the summary is printed as one machine-readable line that bench/run.sh parses.
local paths = {}

init = function(args)
  for line in io.lines(os.getenv("WRK_PATHS")) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  math.randomseed(os.time() + (tonumber(tostring({}):sub(8), 16) or 0))
end

request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "WRK requests=%d seconds=%.2f rps=%.1f non2xx=%d errors=%d p50_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    summary.requests, seconds, summary.requests / seconds, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
