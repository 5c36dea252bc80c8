-- wrk script: post pages of random posts, ids 1..MAX (env SIFT_BENCH_MAX_ID, default 100000).
-- Usage: wrk -t2 -c16 -d30s --latency -s bench/wrk-posts.lua -H "Cookie: sift_session=..." http://127.0.0.1:7400
local max = tonumber(os.getenv("SIFT_BENCH_MAX_ID") or "100000")
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/posts/" .. math.random(1, max))
end
