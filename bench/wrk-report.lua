-- wrk script used by bench/run.sh: after the run, print one machine-readable
-- line that run.sh turns into the report table:
--
--   WRK_RESULT requests=N duration_s=S rps=R p50_ms=.. p90_ms=.. p99_ms=.. max_ms=..
--              err_connect=.. err_read=.. err_write=.. err_timeout=.. err_status=.. non2xx=..
--
-- Given `-- post=FILE`, it POSTs FILE's lines in turn instead of the GET.
--
-- err_status is wrk's own count of HTTP status >= 400. Responses are only
-- inspected one by one when the script is given `-- count-non2xx`: that also
-- counts 1xx/3xx (e.g. a redirect to /login), but makes wrk parse every
-- response in Lua, which costs load-generator CPU, so it is opt-in and
-- non2xx is -1 when not counted.

local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

function init(args)
   non2xx = 0
   for _, a in pairs(args) do
      -- `post=FILE`: every request is a POST of FHIR JSON, taking FILE's
      -- lines (one body each) in turn (run.sh's create measurement).
      local file = a:match("^post=(.+)$")
      if file then
         bodies = {}
         for line in io.lines(file) do
            if #line > 0 then table.insert(bodies, line) end
         end
         assert(#bodies > 0, file .. " has no bodies")
         wrk.headers["Content-Type"] = "application/fhir+json"
         local next_body = 0
         request = function()
            next_body = next_body % #bodies + 1
            return wrk.format("POST", nil, nil, bodies[next_body])
         end
      end
      if a == "count-non2xx" then
         -- Defining response() here (before wrk checks for it) switches on
         -- per-response callbacks for this thread.
         response = function(status, headers, body)
            if status < 200 or status > 299 then
               non2xx = non2xx + 1
            end
         end
         counting = true
      end
   end
end

function done(summary, latency, requests)
   local non2xx_total = 0
   for _, t in ipairs(threads) do
      if t:get("counting") then
         non2xx_total = non2xx_total + (t:get("non2xx") or 0)
      else
         non2xx_total = -1
      end
   end
   local seconds = summary.duration / 1e6
   local e = summary.errors
   io.write(string.format(
      "WRK_RESULT requests=%d duration_s=%.3f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f " ..
      "err_connect=%d err_read=%d err_write=%d err_timeout=%d err_status=%d non2xx=%d\n",
      summary.requests, seconds, summary.requests / seconds,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000,
      latency:percentile(99) / 1000, latency.max / 1000,
      e.connect, e.read, e.write, e.timeout, e.status, non2xx_total))
end
