-- wrk script every measured wrk run uses (bench.py wrk): keeps the first few answers that are not 2xx or 3xx, with
-- their status, request id (X-Request-Id, which every Casebook answer carries and every log line names) and the start
-- of their body, and prints them at the end for bench.py to record, so that an error is never only a count.
local threads = {}
local KEPT_PER_THREAD = 10

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  kept = {}
end

function response(status, headers, body)
  if (status < 200 or status >= 400) and #kept < KEPT_PER_THREAD then
    local id = headers["X-Request-Id"] or headers["x-request-id"] or "-"
    local text = (body or ""):sub(1, 300):gsub("[%c]", " ")
    table.insert(kept, string.format("%d %s %s", status, id, text))
  end
end

function done(summary, latency, requests)
  for _, thread in ipairs(threads) do
    local n = thread:get("kept")
    if n then
      for _, line in ipairs(n) do
        io.write("FAILED " .. line .. "\n")
      end
    end
  end
end
