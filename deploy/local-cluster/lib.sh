# Shared settings and helpers of the local cluster scripts (sourced, not run).
# Everything listens on loopback. Ports can be moved with the environment variables below.

set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
# CLUSTER_DIR holds data, configuration, logs and process ids (default /tmp/motcua-cluster).
CLUSTER_DIR=${CLUSTER_DIR:-${1:-/tmp/motcua-cluster}}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
ETCD_CLIENT_PORT=${ETCD_CLIENT_PORT:-2379}
ETCD_PEER_PORT=${ETCD_PEER_PORT:-2380}
PG_PORTS=(${PG_PORT_1:-5433} ${PG_PORT_2:-5434})
REST_PORTS=(${REST_PORT_1:-8008} ${REST_PORT_2:-8009})
HAPROXY_PG_PORT=${HAPROXY_PG_PORT:-5000}
HAPROXY_PG_READ_PORT=${HAPROXY_PG_READ_PORT:-5001}
HAPROXY_HTTP_PORT=${HAPROXY_HTTP_PORT:-8000}
HAPROXY_STATS_PORT=${HAPROXY_STATS_PORT:-7000}
NODE_PORTS=(${NODE_PORT_1:-18081} ${NODE_PORT_2:-18082} ${NODE_PORT_3:-18083})
METRICS_PORTS=(${METRICS_PORT_1:-19091} ${METRICS_PORT_2:-19092} ${METRICS_PORT_3:-19093})

RUN=$CLUSTER_DIR/run
LOG=$CLUSTER_DIR/log

say() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
die() { say "LỖI: $*" >&2; exit 1; }

# AS_PG prefixes a command to run it as the postgres system user (in the same process, so
# that its recorded id is its own) when the script runs as
# root (PostgreSQL refuses to run as root).
AS_PG=()
[ "$(id -u)" = 0 ] && AS_PG=(setpriv --reuid=postgres --regid=postgres --init-groups --reset-env)
as_pg() { "${AS_PG[@]}" "$@"; }

# start_bg NAME CMD… starts CMD in its own session, logging to $LOG/NAME.log, and keeps
# its process id in $RUN/NAME.pid.
start_bg() {
	local name=$1
	shift
	setsid "$@" >>"$LOG/$name.log" 2>&1 </dev/null &
	echo $! >"$RUN/$name.pid"
}

# alive NAME reports whether the process recorded in $RUN/NAME.pid runs.
alive() {
	[ -f "$RUN/$1.pid" ] && kill -0 "$(cat "$RUN/$1.pid")" 2>/dev/null
}

# wait_for DESCRIPTION SECONDS CMD… retries CMD every 0.5 s until it succeeds.
wait_for() {
	local what=$1 secs=$2
	shift 2
	local end=$((SECONDS + secs))
	until "$@" >/dev/null 2>&1; do
		[ $SECONDS -lt $end ] || die "$what: chưa sẵn sàng sau $secs giây (xem $LOG)"
		sleep 0.5
	done
}

# secret NAME prints the cluster's generated secret NAME.
secret() { cat "$RUN/secret-$1"; }

# db_url prints motcua's database URL (through HAProxy, to the current primary).
db_url() {
	echo "postgres://motcua:$(secret motcua)@127.0.0.1:$HAPROXY_PG_PORT/motcua?sslmode=disable&connect_timeout=5"
}

# db_read_url prints the URL of motcua's read-only work (serve --db-read): through HAProxy,
# to a standby; motcua reads from the primary whenever no standby answers there.
db_read_url() {
	echo "postgres://motcua:$(secret motcua)@127.0.0.1:$HAPROXY_PG_READ_PORT/motcua?sslmode=disable&connect_timeout=2&application_name=motcua-read"
}

# patroni_role N prints the role that Patroni node N reports (primary, replica, …).
patroni_role() {
	curl -s --max-time 2 "http://127.0.0.1:${REST_PORTS[$1]}/patroni" | sed -n 's/.*"role": *"\([a-z_]*\)".*/\1/p'
}
