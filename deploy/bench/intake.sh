#!/bin/sh
# intake.sh: dossier intake through HTTP measured with an outside load generator (wrk),
# on a fresh SQLite database (WAL, synchronous=FULL) served by `motcua serve`.
#
#   deploy/bench/intake.sh [BINARY] [SECONDS] [CONNECTIONS]
#
# It starts BINARY (default ./motcua) on a scratch directory with the demo data, adds a
# one-stop officer of Tân Hòa (H40.12.05), takes the officer's API token, runs wrk with
# deploy/bench/intake.lua (every request a distinct dossier, every answer checked to be
# 201), and prints the server's own CPU time per dossier created (user + system, from
# /proc), which holds on a busy machine better than the rate. Needs wrk and curl.
set -eu
BIN=${1:-./motcua}
SECS=${2:-20}
CONNS=${3:-64}
HERE=$(cd "$(dirname "$0")" && pwd)
DIR=$(mktemp -d /tmp/motcua-intake-XXXXXX)
PORT=${PORT:-18180}
PASS='Do-tai-2026!x'
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$DIR"' EXIT

"$BIN" serve --addr 127.0.0.1:$PORT --data "$DIR/data" --demo=true >"$DIR/serve.log" 2>&1 &
PID=$!
up=
for _ in $(seq 1 600); do
	curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && up=1 && break
	sleep 0.5
done
[ -n "$up" ] || { echo "motcua serve did not start:" >&2; cat "$DIR/serve.log" >&2; exit 1; }
"$BIN" user add --data "$DIR/data" --username wrk.motcua --name 'Cán bộ đo tải' \
	--unit H40.12.05 --roles motcua --password "$PASS" >/dev/null
TOKEN=$(curl -fs -X POST "http://127.0.0.1:$PORT/api/v1/auth/token" \
	-H 'Content-Type: application/json' \
	-d "{\"username\":\"wrk.motcua\",\"password\":\"$PASS\"}" | sed 's/.*"token":"\([^"]*\)".*/\1/')
[ -n "$TOKEN" ] && [ "${TOKEN#\{}" = "$TOKEN" ] || { echo "no API token: $TOKEN" >&2; exit 1; }
export TOKEN UNIT=H40.12.05
# One dossier first, waited for: right after start the server may still be writing the
# demo data, and a measurement must not include that.
curl -fs --max-time 600 -o /dev/null -X POST "http://127.0.0.1:$PORT/api/v1/dossiers" \
	-H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
	-d '{"procedure_code":"1.001193","unit_code":"H40.12.05","channel":"counter","applicant":{"full_name":"Nguyễn Văn Khởi","id_number":"040000000000"},"form":{}}'

cpu() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
TICKS=$(getconf CLK_TCK)
uptime
before=$(cpu)
wrk -t2 -c"$CONNS" -d"${SECS}s" -s "$HERE/intake.lua" "http://127.0.0.1:$PORT" | tee "$DIR/wrk.txt"
after=$(cpu)
created=$(sed -n 's/^201 Created: \([0-9]*\),.*/\1/p' "$DIR/wrk.txt")
awk -v t=$((after - before)) -v hz="$TICKS" -v n="$created" \
	'BEGIN { if (n > 0) printf "server CPU per dossier: %.0f µs (%d dossiers)\n", t / hz * 1e6 / n, n }'
uptime
