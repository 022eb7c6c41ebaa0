-- intake.lua: a wrk script that receives counter dossiers through the JSON API
-- (POST /api/v1/dossiers), each with its own applicant, and counts every answer that is
-- not 201 Created. See docs/PERFORMANCE.md ("Intake with an outside load generator").
--
--   TOKEN=… UNIT=H40.12.05 wrk -t2 -c64 -d20s -s deploy/bench/intake.lua http://127.0.0.1:8080
--
-- TOKEN is a one-stop officer's API token (POST /api/v1/auth/token) of the unit UNIT;
-- PROCEDURE (default 1.001193, Đăng ký khai sinh) must be offered by that unit.

local token = os.getenv("TOKEN") or error("TOKEN: the officer's API token is missing")
local unit = os.getenv("UNIT") or "H40.12.05"
local procedure = os.getenv("PROCEDURE") or "1.001193"

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  n = 0
  bad = 0
  created = 0
  first_bad = nil
  headers = {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
  }
  -- Applicants differ between threads and runs: the thread's id and the start time.
  prefix = string.format("%d%04d", os.time() % 100000, id)
end

function request()
  n = n + 1
  local body = string.format(
    '{"procedure_code":"%s","unit_code":"%s","channel":"counter",' ..
    '"applicant":{"full_name":"Nguyễn Văn Thử %s%d","id_number":"040%09d","phone":"09%08d",' ..
    '"address":"Khu phố 1, thị trấn Tân Hòa"},"form":{"ho_ten_tre":"Nguyễn Thị Bé"}}',
    procedure, unit, prefix, n, (id * 100000000 + n) % 1000000000, n % 100000000)
  return wrk.format("POST", "/api/v1/dossiers", headers, body)
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
  else
    bad = bad + 1
    if first_bad == nil then
      first_bad = status .. " " .. body
    end
  end
end

function done(summary, latency, requests)
  local ok, notok = 0, 0
  for _, t in ipairs(threads) do
    ok = ok + t:get("created")
    notok = notok + t:get("bad")
    local fb = t:get("first_bad")
    if fb ~= nil then
      io.write("first refused answer: " .. fb .. "\n")
    end
  end
  io.write(string.format("201 Created: %d, other answers: %d, socket errors: %d\n", ok, notok,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  io.write(string.format("created per second: %.0f\n", ok / (summary.duration / 1e6)))
end
