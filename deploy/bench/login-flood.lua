-- wrk script for the login-flood row (bench.py login_flood): POST /api/auth/login with a random username and a
-- wrong password on every request; with "xff" as its argument also a random X-Forwarded-For (a flood from many
-- addresses, sent straight to auth-service, which trusts 127.0.0.1 to say who the client is). Counts the statuses.
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
  xff = args[1] == "xff"
  math.randomseed(os.time() * 100 + id)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  local headers = nil
  if xff then
    headers = {["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(1, 254))}
  end
  local body = string.format('{"username":"flood-%d-%d","password":"not-the-password"}', math.random(1, 1000000000), id)
  return wrk.format(nil, nil, headers, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + n
    end
  end
  for status, n in pairs(total) do
    io.write(string.format("STATUS %d %d\n", status, n))
  end
end
