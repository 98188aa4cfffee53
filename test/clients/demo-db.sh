#!/bin/bash
# make demo-db (doc/demo-db.sh): a database that stays, with the dashboard
# data, reachable over TCP as the printed role, every report with rows;
# then dropped.  TAP.
cd "$(dirname "$0")/../.." || exit 1
. test/lib/tap.sh
plan 4
major=$(pg_config --version | sed -n 's/^PostgreSQL \([0-9]*\).*/\1/p')
port=$((5400 + RANDOM % 90))
out=$(doc/demo-db.sh "$major" "$port" 2>&1)
status=$?
echo "$out" | sed 's/^/# /'
ok $status "doc/demo-db.sh makes the demo database"
conn=$(echo "$out" | sed -n 's/^  \(postgresql:\/\/.*\)$/\1/p')
[ -n "$conn" ]
ok $? "… and prints the connection ($conn)"
is "$(psql -X -q -t -A "$conn" -c "SELECT count(DISTINCT fiscal_year) > 1 AND count(DISTINCT phase) > 1 FROM region_totals" 2>&1)" t \
   "a tool connects as the printed role, regionpolicy on its path, and finds several years and phases"
empty=$(psql -X -q -t -A "$conn" -c "SELECT string_agg(c.relname, ' ') FROM pg_class c WHERE c.relnamespace = 'regionpolicy'::regnamespace AND c.relkind = 'v'
	AND c.relname NOT IN ('allocation_entry', 'award_entry')" 2>&1 | tr ' ' '\n' | while read -r v; do
	[ -n "$v" ] && [ "$(psql -X -q -t -A "$conn" -c "SELECT count(*) FROM regionpolicy.$v")" = 0 ] && echo "$v"
done | tr '\n' ' ')
is "$empty" "" "every report view has rows"
doc/demo-db.sh --drop "$major" >/dev/null 2>&1
done_testing
