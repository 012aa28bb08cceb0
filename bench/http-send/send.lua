-- POST /v3/{domain}/messages with a 1 KB text body, as an SDK would.
local body_text = string.rep("x", 1000)
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = "Basic " .. os.getenv("BENCH_BASIC")
wrk.body = "from=bench%40bench.test&to=sink%40far.example&subject=bench&text=" .. body_text
dofile(os.getenv("BENCH_DIR") .. "/http-send/result.lua")
