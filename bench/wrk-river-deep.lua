-- wrk script: river pages at random depths, by a cursor anywhere in the last three years, optionally filtered
-- (env SIFT_BENCH_FILTER, e.g. "topic=routing&show=unread").
-- Usage: wrk -t2 -c16 -d30s --latency -s bench/wrk-river-deep.lua -H "Cookie: sift_session=..." http://127.0.0.1:7400
local filter = os.getenv("SIFT_BENCH_FILTER") or ""
local now = os.time() * 1000
local span = 3 * 365 * 24 * 3600 * 1000
math.randomseed(os.time())
request = function()
  local at = now - math.random(0, span)
  local q = filter ~= "" and (filter .. "&") or ""
  return wrk.format("GET", "/?" .. q .. "after=" .. at .. "-" .. math.random(1, 2000000000))
end
