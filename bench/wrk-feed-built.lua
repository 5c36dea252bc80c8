-- wrk script: the re-exported Atom feed of the 100 newest posts, each request with a query parameter Sift ignores
-- but keys its feed cache on, so that every request builds the feed anew (the worst case: posts changed since).
-- Usage: wrk -t2 -c16 -d30s --latency -s bench/wrk-feed-built.lua -H "Cookie: sift_session=..." http://127.0.0.1:7400
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/feeds/posts.atom?limit=100&n=" .. math.random(1, 1000000000))
end
