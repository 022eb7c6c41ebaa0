#!/bin/sh
# measure.sh runs one wrk measurement of the public lookup against a running server and
# prints, besides wrk's report, the load average and the server's CPU time per answer
# (user + system seconds of the server process, read from /proc/PID/stat before and after,
# divided by the requests wrk completed): on a shared machine the rate moves with the
# others' load, the CPU per answer much less.
#
#   deploy/bench/measure.sh SERVER_PID http://127.0.0.1:18101 [wrk options]
#   (default wrk options: -t2 -c64 -d30s; LOOKUPS names the file of CODE KEY pairs)
set -eu
pid=${1:?usage: measure.sh SERVER_PID URL [wrk options]}
url=${2:?usage: measure.sh SERVER_PID URL [wrk options]}
shift 2
[ $# -gt 0 ] || set -- -t2 -c64 -d30s
here=$(dirname "$0")
ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
uptime
before=$(cpu)
out=$(wrk "$@" --latency -s "$here/lookup.lua" "$url")
after=$(cpu)
echo "$out"
requests=$(echo "$out" | awk '/requests in/ {print $1}')
echo "$before $after $ticks $requests" | awk '{printf "server CPU: %.2f s for %d requests = %.1f µs per request\n", ($2-$1)/$3, $4, 1e6*($2-$1)/$3/$4}'
uptime
