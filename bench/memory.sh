#!/bin/bash
# Memory evidence for the aggregates: the transition functions allocate
# nothing per row.  A single-user backend runs sum() and avg() over N and
# 2N rows under callgrind; the calls to the allocators (palloc, palloc0,
# MemoryContextAlloc[Zero], malloc) must not grow with N, while the calls to
# funding_sum_accum double.  (sum and avg share one transition state, so
# there is one call per row for both.)
#
#   bench/memory.sh [N]        (default 100000; needs valgrind)
set -eu
cd "$(dirname "$0")/.."
N=${1:-100000}
# default: the newest PostgreSQL major installed
PG_CONFIG=${PG_CONFIG:-$(ls -d /usr/lib/postgresql/[1-9][0-9]/bin/pg_config 2>/dev/null | tail -1)}
PG_CONFIG=${PG_CONFIG:-pg_config}
bindir=$($PG_CONFIG --bindir)
tmp=$(mktemp -d /tmp/regionpolicy_memory.XXXXXX)
chmod 755 "$tmp"
trap 'rm -rf "$tmp"' EXIT
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$tmp"

as_owner "$bindir/initdb" -D "$tmp/data" -A trust -U postgres >/dev/null
for n in "$N" $((2 * N)); do
	as_owner "$bindir/postgres" --single -D "$tmp/data" postgres >/dev/null <<SQL
DROP SCHEMA IF EXISTS regionpolicy CASCADE;	-- the extension and the user tables
CREATE EXTENSION regionpolicy CASCADE;
DROP TABLE IF EXISTS t;
CREATE TABLE t AS SELECT regionpolicy.funding(i, 2 * i) AS amount FROM generate_series(1, $n) AS i;
VACUUM t;
SQL
	echo "SELECT regionpolicy.sum(amount), regionpolicy.avg(amount) FROM t;" >"$tmp/query.sql"
	as_owner valgrind --tool=callgrind --callgrind-out-file="$tmp/callgrind.$n" \
		"$bindir/postgres" --single -D "$tmp/data" postgres <"$tmp/query.sql" >/dev/null 2>&1
	# calls: "calls=<count> ..." lines after "cfn=(<id>) <name>" — sum them per callee
	for fn in funding_sum_accum funding_sum_final palloc palloc0 MemoryContextAlloc MemoryContextAllocZero malloc; do
		calls=$(awk -v fn="$fn" '
			function define(line,   s, id, rest) {
				s = line; sub(/^c?fn=\(/, "", s); id = s; sub(/\).*/, "", id)
				rest = s; sub(/^[0-9]+\) ?/, "", rest); if (rest != "") name[id] = rest
				return name[id]
			}
			/^fn=\(/ { define($0); next }
			/^cfn=\(/ { current = define($0); next }
			/^calls=/ { s = $0; sub(/^calls=/, "", s); sub(/ .*/, "", s); if (current == fn) total += s }
			END { print total + 0 }' "$tmp/callgrind.$n")
		printf '%-8s rows  %-18s %12s calls\n' "$n" "$fn" "$calls"
	done
done
