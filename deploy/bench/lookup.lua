-- wrk script of the public lookup benchmark (tra cứu hồ sơ): each request looks up a
-- random dossier of the file named by the environment variable LOOKUPS (default
-- lookups.txt; one "CODE KEY" pair a line, as deploy/bench/lookups.sh writes it), from a
-- random client address sent in X-Forwarded-For, so that the per-address limit of the
-- lookup (60 a minute) counts many citizens, as behind a proxy. Start the server with
-- --trusted-proxies 127.0.0.1. wrk itself prints "Non-2xx or 3xx responses" when any
-- answer was not a success (an unknown code or wrong key is a 404; a refusal by the
-- limit a 429). The script defines no response() callback: wrk then does not hand every
-- answer to Lua, which keeps the generator's own work small.
--
--   LOOKUPS=/tmp/lookups.txt wrk -t2 -c64 -d30s --latency -s deploy/bench/lookup.lua http://127.0.0.1:18101

local paths = {}
local counter = 0

local function load(name)
  local f = io.open(name, "r")
  if not f then
    error("cannot open " .. name .. " (set LOOKUPS to the file of CODE KEY pairs)")
  end
  for line in f:lines() do
    local code, key = line:match("^(%S+)%s+(%S+)")
    if code then
      paths[#paths + 1] = "/api/v1/lookup/" .. code .. "?key=" .. key
    end
  end
  f:close()
  if #paths == 0 then
    error(name .. " holds no CODE KEY pair")
  end
end

local threads = {}

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  load(os.getenv("LOOKUPS") or "lookups.txt")
  math.randomseed(os.time() * 1000 + id)
end

function request()
  local ip = "10." .. math.random(0, 255) .. "." .. math.random(0, 255) .. "." .. math.random(1, 254)
  return wrk.format("GET", paths[math.random(#paths)], { ["X-Forwarded-For"] = ip })
end

