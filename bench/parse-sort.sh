#!/bin/bash
# Reading and sorting funding against what a user would do instead, two
# bigint columns, in instructions (callgrind, --toggle-collect=PortalRun,
# minus an empty run of the same statement) per row:
#   COPY into a funding column of the keyed form ("국비 75억 4259만 8000원,
#   지방비 …"), of the keyed form budget tables print ("국비 7,542,598천원,
#   지방비 8,259,914천원"), of the tuple form ("(7542598000,2541123000)"),
#   and of the output of the display units 억 (the default) and korean
#   read back, against
#   COPY of the same two numbers into two bigint columns, and of the keyed
#   text into a text column (what COPY costs before anything reads it);
#   ORDER BY a funding column, against ORDER BY a + b, a on two bigints;
#   sum over a funding column, against sum over two bigint columns, against
#   PostgreSQL's own count and sum over one bigint column (the floor of an
#   aggregate that reads a column), and
#   against count(*), the floor of reading the rows.
#
#   bench/parse-sort.sh [N]        (default 100000; needs valgrind)
# then the COPYs in wall-clock milliseconds (the fastest of 5 runs).
set -eu
cd "$(dirname "$0")/.."
N=${1:-100000}
. bench/lib.sh
bench_init parse_sort
irq() { printf '%s\n' "$1" >"$tmp/q.sql"; ir "$tmp/q.sql"; }	# irq <sql>
wall() {	# wall <sql>: the fastest of 5 runs in milliseconds, server start included
	local best= t0 t1 ms
	for _ in 1 2 3 4 5; do
		printf 'BEGIN;\n\n%s\n\nROLLBACK;\n' "$1" >"$tmp/w.sql"
		t0=$(date +%s%N)
		as_owner "$bindir/postgres" --single -j -D "$tmp/data" postgres <"$tmp/w.sql" >"$tmp/w.log" 2>&1
		t1=$(date +%s%N)
		! grep -q ERROR "$tmp/w.log" || { cat "$tmp/w.log" >&2; exit 1; }
		ms=$(( (t1 - t0) / 1000000 ))
		if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
	done
	echo "$best"
}
cat >"$tmp/setup.sql" <<SQL
CREATE EXTENSION regionpolicy CASCADE;
CREATE TABLE n AS SELECT (i::bigint * 7919 % 9000000) * 1000 AS a, (i::bigint * 104729 % 3000000) * 1000 AS b FROM generate_series(1, $N) AS i;
CREATE TABLE tf AS SELECT regionpolicy.funding(a, b) AS f FROM n;
CREATE TABLE t2 AS SELECT a, b FROM n;
COPY (SELECT a, b FROM n) TO '$tmp/two.csv' WITH (FORMAT csv);
COPY (SELECT format('(%s,%s)', a, b) FROM n) TO '$tmp/tuple.txt';
COPY (SELECT regionpolicy.funding_text(regionpolicy.funding(a, b), 'korean') FROM n) TO '$tmp/korean.txt';
COPY (SELECT format('국비 %s, 지방비 %s', regionpolicy.format_amount(a, 'korean'), regionpolicy.format_amount(b, 'korean')) FROM n) TO '$tmp/keyed.txt';
COPY (SELECT format('국비 %s천원, 지방비 %s천원', to_char(a / 1000, 'FM999,999,999,990'), to_char(b / 1000, 'FM999,999,999,990')) FROM n) TO '$tmp/budget.txt';
COPY (SELECT regionpolicy.funding_text(regionpolicy.funding(a, b), '억') FROM n) TO '$tmp/eok.txt';
CREATE TABLE cf (f regionpolicy.funding);
CREATE TABLE c2 (a bigint, b bigint);
CREATE TABLE ct (t text);
VACUUM ANALYZE tf;
VACUUM ANALYZE t2;
SQL
single "$tmp/setup.sql"
for f in keyed budget korean eok; do head -1 "$tmp/$f.txt" | sed "s/^/# $f line: /"; done
per() { echo "$(( ($1 - $2) / N ))"; }
# The empty run: a COPY of an empty file (the rows of a file read and
# filtered by WHERE false would subtract their reading too).
: >"$tmp/empty.csv"
[ "$(id -u)" = 0 ] && chown postgres "$tmp/empty.csv"
copy_empty=$(irq "COPY c2 FROM '$tmp/empty.csv' WITH (FORMAT csv);")
two=$(irq "COPY c2 FROM '$tmp/two.csv' WITH (FORMAT csv);")
tuple=$(irq "COPY cf FROM '$tmp/tuple.txt';")
keyed=$(irq "COPY cf FROM '$tmp/keyed.txt';")
budget=$(irq "COPY cf FROM '$tmp/budget.txt';")
korean=$(irq "COPY cf FROM '$tmp/korean.txt';")
eok=$(irq "COPY cf FROM '$tmp/eok.txt';")
keyed_text=$(irq "COPY ct FROM '$tmp/keyed.txt';")
sort_empty=$(irq "SELECT a, b FROM t2 WHERE false ORDER BY a + b, a;")
sort2=$(irq "SELECT a, b FROM t2 ORDER BY a + b, a OFFSET $N;")
sortf=$(irq "SELECT f FROM tf ORDER BY f OFFSET $N;")
scan_empty=$(irq "SELECT count(*) FROM t2 WHERE false;")
count2=$(irq "SELECT count(*) FROM t2;")
countf=$(irq "SELECT count(*) FROM tf;")
sum2=$(irq "SELECT sum(a), sum(b) FROM t2;")
# PostgreSQL's own cheapest aggregates over one column: the floor of any
# aggregate that reads a value of each row
counta=$(irq "SELECT count(a) FROM t2;")
suma=$(irq "SELECT sum(a) FROM t2;")
sumf=$(irq "SELECT regionpolicy.sum(f) FROM tf;")
c2=$(per "$two" "$copy_empty"); ct=$(per "$tuple" "$copy_empty"); ck=$(per "$keyed" "$copy_empty"); cb=$(per "$budget" "$copy_empty")
cko=$(per "$korean" "$copy_empty"); ce=$(per "$eok" "$copy_empty"); ckt=$(per "$keyed_text" "$copy_empty")
s2=$(per "$sort2" "$sort_empty"); sf=$(per "$sortf" "$sort_empty")
# (per row to the tenth of an instruction: a scan's row costs a few hundred)
per10() { echo "scale=1; ($1 - $2) / $N" | bc; }
n2=$(per10 "$count2" "$scan_empty"); u2=$(per10 "$sum2" "$scan_empty")
na=$(per10 "$counta" "$scan_empty"); ua=$(per10 "$suma" "$scan_empty")
nf=$(per10 "$countf" "$scan_empty"); uf=$(per10 "$sumf" "$scan_empty")
printf '%-58s %12s %10s\n' "$N rows, instructions per row" "Ir/row" "× bigint"
printf '%-58s %12s %10s\n' "COPY of two bigint columns" "$c2" 1.00
printf '%-58s %12s %10s\n' "COPY of the tuple form into funding" "$ct" "$(echo "scale=2; $ct / $c2" | bc)"
printf '%-58s %12s %10s\n' "COPY of the keyed form into funding" "$ck" "$(echo "scale=2; $ck / $c2" | bc)"
printf '%-58s %12s %10s\n' "COPY of the budget-table form (천원) into funding" "$cb" "$(echo "scale=2; $cb / $c2" | bc)"
printf '%-58s %12s %10s\n' "COPY of korean's output into funding" "$cko" "$(echo "scale=2; $cko / $c2" | bc)"
printf '%-58s %12s %10s\n' "COPY of 억's output into funding" "$ce" "$(echo "scale=2; $ce / $c2" | bc)"
printf '%-58s %12s %10s\n' "COPY of the keyed form into a text column (not read)" "$ckt" "$(echo "scale=2; $ckt / $c2" | bc)"
printf '%-58s %12s %10s\n' "ORDER BY a + b, a (two bigint)" "$s2" 1.00
printf '%-58s %12s %10s\n' "ORDER BY funding" "$sf" "$(echo "scale=2; $sf / $s2" | bc)"
printf '%-58s %12s %10s\n' "$N rows, instructions per row" "Ir/row" "× count(*)"
printf '%-58s %12s %10s\n' "count(*) of the two bigint columns' table" "$n2" 1.00
printf '%-58s %12s %10s\n' "count(a) over a bigint column" "$na" "$(echo "scale=2; $na / $n2" | bc)"
printf '%-58s %12s %10s\n' "sum(a) over a bigint column" "$ua" "$(echo "scale=2; $ua / $n2" | bc)"
printf '%-58s %12s %10s\n' "sum(a), sum(b) over two bigint columns" "$u2" "$(echo "scale=2; $u2 / $n2" | bc)"
printf '%-58s %12s %10s\n' "count(*) of the funding column's table" "$nf" 1.00
printf '%-58s %12s %10s\n' "sum(f) over a funding column" "$uf" "$(echo "scale=2; $uf / $nf" | bc)"

# Wall-clock, the same statements without valgrind: the fastest of 5 runs,
# less the fastest empty run (server start and an empty COPY).
w_empty=$(wall "COPY c2 FROM '$tmp/empty.csv' WITH (FORMAT csv);")
w_two=$(( $(wall "COPY c2 FROM '$tmp/two.csv' WITH (FORMAT csv);") - w_empty ))
w_tuple=$(( $(wall "COPY cf FROM '$tmp/tuple.txt';") - w_empty ))
w_keyed=$(( $(wall "COPY cf FROM '$tmp/keyed.txt';") - w_empty ))
w_budget=$(( $(wall "COPY cf FROM '$tmp/budget.txt';") - w_empty ))
w_korean=$(( $(wall "COPY cf FROM '$tmp/korean.txt';") - w_empty ))
w_eok=$(( $(wall "COPY cf FROM '$tmp/eok.txt';") - w_empty ))
w_text=$(( $(wall "COPY ct FROM '$tmp/keyed.txt';") - w_empty ))
[ "$w_two" -gt 0 ] || w_two=1
printf '%-58s %12s %10s\n' "$N rows, wall-clock (fastest of 5)" "ms" "× bigint"
printf '%-58s %12s %10s\n' "COPY of two bigint columns" "$w_two" 1.00
printf '%-58s %12s %10s\n' "COPY of the tuple form into funding" "$w_tuple" "$(echo "scale=2; $w_tuple / $w_two" | bc)"
printf '%-58s %12s %10s\n' "COPY of the keyed form into funding" "$w_keyed" "$(echo "scale=2; $w_keyed / $w_two" | bc)"
printf '%-58s %12s %10s\n' "COPY of the budget-table form (천원) into funding" "$w_budget" "$(echo "scale=2; $w_budget / $w_two" | bc)"
printf '%-58s %12s %10s\n' "COPY of korean's output into funding" "$w_korean" "$(echo "scale=2; $w_korean / $w_two" | bc)"
printf '%-58s %12s %10s\n' "COPY of 억's output into funding" "$w_eok" "$(echo "scale=2; $w_eok / $w_two" | bc)"
printf '%-58s %12s %10s\n' "COPY of the keyed form into a text column (not read)" "$w_text" "$(echo "scale=2; $w_text / $w_two" | bc)"
