#!/bin/bash
# regionpolicy benchmark: funding against two bigint columns, two numeric
# columns and a composite type with SQL aggregates, in one run.
#
#   bench/run.sh [N]      N rows (default 5,000,000); needs a server in the
#                         environment (PGHOST, PGPORT, ...): make bench starts
#                         a throwaway one with pg_virtualenv
#
# Every measurement is repeated REPEAT times (default 5), interleaved across
# representations so that noise falls on all alike; the median is reported,
# with its ratio to the two-bigint baseline of the same operation.  Query
# times are server-side (EXPLAIN ANALYZE with TIMING OFF: execution time, no
# per-node timing overhead, no transfer); COPY and index builds are timed in
# the server with clock_timestamp().  Results: a table on stdout and CSV in
# bench/results/.
set -eu
cd "$(dirname "$0")/.."
N=${1:-${N:-5000000}}
REPEAT=${REPEAT:-5}
db=${BENCH_DB:-regionpolicy_bench}
out=bench/results
mkdir -p "$out"
csv=$out/bench-$(date -u +%Y%m%dT%H%M%SZ).csv
dir=$(mktemp -d)
chmod 777 "$dir"	# the server writes and reads the COPY files here
trap 'rm -rf "$dir"' EXIT

psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
echo "# building $N rows in each representation"
psql -X -q -v ON_ERROR_STOP=1 -v N="$N" -d "$db" -f bench/setup.sql

serial="SET max_parallel_workers_per_gather = 0;"
parallel="SET max_parallel_workers_per_gather = 2; SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;"

# explain_ms <settings> <query>: server execution time in ms
explain_ms() {
	psql -X -q -t -A -d "$db" -c "SET search_path = public, regionpolicy; $1" \
		-c "EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON) $2" | sed -n 's/^Execution Time: \([0-9.]*\) ms$/\1/p'
}
# server_ms <settings> <statement>: time of a statement (COPY, CREATE INDEX)
server_ms() {
	psql -X -q -t -A -d "$db" -c "SET search_path = public, regionpolicy; $1" \
		-c "SELECT bench_ms(\$q\$$2\$q\$)" | tail -1
}

# Each case: name | representation | kind | settings | statement.  The first
# representation of a name is the baseline its ratios are taken against.
copydir=$dir
cases=$(cat <<CASES
scan|count(*) floor|explain|$serial|SELECT count(*) FROM t_funding
sum|two bigint|explain|$serial|SELECT sum(national), sum(local) FROM t_bigint
sum|funding|explain|$serial|SELECT sum(amount) FROM t_funding
sum|two numeric|explain|$serial|SELECT sum(national), sum(local) FROM t_numeric
sum|composite, SQL aggregate|explain|$serial|SELECT sum(amount) FROM t_composite
avg|two bigint|explain|$serial|SELECT avg(national), avg(local) FROM t_bigint
avg|funding|explain|$serial|SELECT avg(amount) FROM t_funding
avg|two numeric|explain|$serial|SELECT avg(national), avg(local) FROM t_numeric
group by province, serial|two bigint|explain|$serial|SELECT province, sum(national), sum(local) FROM t_bigint GROUP BY province
group by province, serial|funding|explain|$serial|SELECT province, sum(amount) FROM t_funding GROUP BY province
group by province, 2 workers|two bigint|explain|$parallel|SELECT province, sum(national), sum(local) FROM t_bigint GROUP BY province
group by province, 2 workers|funding|explain|$parallel|SELECT province, sum(amount) FROM t_funding GROUP BY province
order by|two bigint|explain|$serial SET work_mem = '1GB';|SELECT national, local FROM t_bigint ORDER BY national, local OFFSET $N
order by|funding|explain|$serial SET work_mem = '1GB';|SELECT amount FROM t_funding ORDER BY amount OFFSET $N
btree index build|two bigint|server|$serial SET maintenance_work_mem = '1GB';|CREATE INDEX t_bigint_idx ON t_bigint (national, local); DROP INDEX t_bigint_idx
btree index build|funding|server|$serial SET maintenance_work_mem = '1GB';|CREATE INDEX t_funding_idx ON t_funding (amount); DROP INDEX t_funding_idx
copy to text|two bigint|server|$serial|COPY t_bigint (national, local) TO '/dev/null'
copy to text|funding, 억|server|$serial|COPY t_funding (amount) TO '/dev/null'
copy to text|funding, 원|server|$serial SET regionpolicy.display_unit = '원';|COPY t_funding (amount) TO '/dev/null'
copy from text|two bigint|server|$serial|CREATE TEMP TABLE c (national bigint, local bigint); COPY c FROM '$copydir/bigint.txt'
copy from text|funding, 억 text|server|$serial|CREATE TEMP TABLE c (amount regionpolicy.funding); COPY c FROM '$copydir/eok.txt'
copy from text|funding, won text|server|$serial|CREATE TEMP TABLE c (amount regionpolicy.funding); COPY c FROM '$copydir/won.txt'
copy from text|funding, (n,l) text|server|$serial|CREATE TEMP TABLE c (amount regionpolicy.funding); COPY c FROM '$copydir/pair.txt'
apportion 1M rows|pure SQL|explain|$serial SET work_mem = '1GB';|SELECT sum(share) FROM apportion_sql
apportion 1M rows|apportion()|explain|$serial SET work_mem = '1GB';|SELECT sum(share) FROM (SELECT apportion(1000000000000, weight) OVER (PARTITION BY part ORDER BY id) AS share FROM t_apportion) s
CASES
)

echo "# writing the COPY input files"
psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c "COPY t_bigint (national, local) TO '$dir/bigint.txt'" \
	-c "SET regionpolicy.display_unit = '억'" -c "COPY t_funding (amount) TO '$dir/eok.txt'" \
	-c "SET regionpolicy.display_unit = '원'" -c "COPY t_funding (amount) TO '$dir/won.txt'" \
	-c "COPY (SELECT format('(%s,%s)', national, local) FROM t_bigint) TO '$dir/pair.txt'"
head -2 "$dir/eok.txt" | sed 's/^/#   억 form: /'
head -2 "$dir/won.txt" | sed 's/^/#   won form: /'

echo "# checking that apportion() and the pure-SQL method agree"
mismatch=$(psql -X -q -t -A -d "$db" -c "SET search_path = public, regionpolicy; SET work_mem = '1GB';
	SELECT count(*) FROM apportion_sql s JOIN (SELECT id, apportion(1000000000000, weight) OVER (PARTITION BY part ORDER BY id) AS share FROM t_apportion) a USING (id)
	WHERE a.share <> s.share")
echo "#   rows that differ: $mismatch"
[ "$mismatch" = 0 ] || { echo "apportion() and the SQL reference disagree" >&2; exit 1; }

echo "# the parallel GROUP BY plan:"
psql -X -q -t -A -d "$db" -c "SET search_path = public, regionpolicy; $parallel" \
	-c "EXPLAIN (COSTS OFF) SELECT province, sum(amount) FROM t_funding GROUP BY province" | sed 's/^/#   /'

echo "# measuring ($REPEAT rounds, interleaved)"
: >"$dir/times"
for round in $(seq 1 "$REPEAT"); do
	while IFS='|' read -r name rep kind settings statement; do
		if [ "$kind" = explain ]; then
			ms=$(explain_ms "$settings" "$statement")
		else
			ms=$(server_ms "$settings" "$statement")
		fi
		printf '%s|%s|%s\n' "$name" "$rep" "$ms" >>"$dir/times"
	done <<<"$cases"
	echo "#   round $round done"
done

# Medians and ratios to the first representation of each operation.
awk -F'|' '
	{ key = $1 "|" $2; t[key, ++c[key]] = $3; if (!(key in seen)) { seen[key] = 1; order[++k] = key } }
	END {
		for (i = 1; i <= k; i++) {
			key = order[i]; m = c[key]
			for (a = 1; a <= m; a++) v[a] = t[key, a] + 0
			for (a = 1; a <= m; a++) for (b = a + 1; b <= m; b++) if (v[b] < v[a]) { x = v[a]; v[a] = v[b]; v[b] = x }
			med = (m % 2) ? v[(m + 1) / 2] : (v[m / 2] + v[m / 2 + 1]) / 2
			split(key, p, "|")
			if (!(p[1] in base)) base[p[1]] = med
			printf "%s|%s|%.1f|%.2f\n", p[1], p[2], med, med / base[p[1]]
		}
	}' "$dir/times" >"$dir/results"

echo "operation,representation,median_ms,ratio_to_baseline,rows,repeat" >"$csv"
awk -F'|' -v n="$N" -v r="$REPEAT" '{ printf "\"%s\",\"%s\",%s,%s,%d,%d\n", $1, $2, $3, $4, n, r }' "$dir/results" >>"$csv"
cp "$csv" "$out/latest.csv"

echo
echo "| operation | representation | median ms | × baseline |"
echo "|---|---|---:|---:|"
awk -F'|' '{ printf "| %s | %s | %s | %s |\n", $1, $2, $3, $4 }' "$dir/results"
echo
echo "Targets (ratios of medians in this run):"
awk -F'|' '
	{ t[$1 "|" $2] = $3 }
	function check(label, value, op, limit) {
		pass = (op == "<=") ? value <= limit : value >= limit
		printf "  %-58s %5.2f  (%s %.1f)  %s\n", label, value, op, limit, pass ? "met" : "MISSED"
	}
	END {
		check("sum(funding) / two-bigint sums", t["sum|funding"] / t["sum|two bigint"], "<=", 0.9)
		check("avg(funding) / two-bigint avgs", t["avg|funding"] / t["avg|two bigint"], "<=", 1.0)
		check("sum(funding) / count(*)", t["sum|funding"] / t["scan|count(*) floor"], "<=", 1.3)
		check("COPY FROM 억 text / two bigint columns", t["copy from text|funding, 억 text"] / t["copy from text|two bigint"], "<=", 1.3)
		check("COPY FROM won text / two bigint columns", t["copy from text|funding, won text"] / t["copy from text|two bigint"], "<=", 1.3)
		check("GROUP BY speed-up, 2 workers over serial (funding)", t["group by province, serial|funding"] / t["group by province, 2 workers|funding"], ">=", 1.6)
	}' "$dir/results"
echo
echo "# CSV: $csv"
