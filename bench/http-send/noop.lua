-- An authenticated request that does almost nothing: the cost of the HTTP stack and authentication alone.
wrk.method = "GET"
wrk.headers["Authorization"] = "Basic " .. os.getenv("BENCH_BASIC")
dofile(os.getenv("BENCH_DIR") .. "/http-send/result.lua")
