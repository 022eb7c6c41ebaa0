#!/bin/sh
# lookups.sh writes the "CODE KEY" pairs of the dossiers of a motcua database, one a line,
# for deploy/bench/lookup.lua (wrk). At most LIMIT pairs (default 200000), taken at
# random; with RECENT_DAYS=N only among the dossiers received in the N days before the
# last receipt in the database (citizens follow the dossiers in progress far more often
# than old ones; without it every dossier is as likely, the worst case for the caches).
#
#   deploy/bench/lookups.sh DATA_DIR/motcua.db > /tmp/lookups.txt          # SQLite
#   deploy/bench/lookups.sh 'postgres://postgres@127.0.0.1:5432/DB' > /tmp/lookups.txt
set -eu
db=${1:?usage: lookups.sh SQLITE_FILE_OR_POSTGRES_URL}
limit=${LIMIT:-200000}
days=${RECENT_DAYS:-}
case "$days" in '' | *[!0-9]*) [ -z "$days" ] || { echo "RECENT_DAYS must be a number of days" >&2; exit 2; } ;; esac
q="SELECT code || ' ' || lookup_key FROM dossiers"
case "$db" in
postgres://* | postgresql://*)
	[ -z "$days" ] || q="$q WHERE received_at >= (SELECT MAX(received_at) FROM dossiers) - interval '$days days'"
	exec psql "$db" -Atc "$q ORDER BY random() LIMIT $limit" ;;
*)
	[ -z "$days" ] || q="$q WHERE received_at >= datetime((SELECT MAX(received_at) FROM dossiers), '-$days days')"
	exec sqlite3 -readonly "$db" "$q ORDER BY random() LIMIT $limit" ;;
esac
