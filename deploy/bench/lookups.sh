#!/bin/sh
# lookups.sh writes the "CODE KEY" pairs of the dossiers of a motcua database, one a line,
# for deploy/bench/lookup.lua (wrk). At most LIMIT pairs (default 200000), taken at
# random.
#
#   deploy/bench/lookups.sh DATA_DIR/motcua.db > /tmp/lookups.txt          # SQLite
#   deploy/bench/lookups.sh 'postgres://postgres@127.0.0.1:5432/DB' > /tmp/lookups.txt
set -eu
db=${1:?usage: lookups.sh SQLITE_FILE_OR_POSTGRES_URL}
limit=${LIMIT:-200000}
q="SELECT code || ' ' || lookup_key FROM dossiers ORDER BY random() LIMIT $limit"
case "$db" in
postgres://* | postgresql://*) exec psql "$db" -Atc "$q" ;;
*) exec sqlite3 -readonly "$db" "$q" ;;
esac
