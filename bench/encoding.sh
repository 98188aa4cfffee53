#!/bin/bash
# COPY of funding text into a UTF8 and an EUC_KR database, in the same run:
# N lines (default 1,000,000) of 억 tuples "(75.42598억,82.59914억)" and of
# keyed text "국비 929억원, 지방비 433억원", each file in the database's own
# encoding; REPEAT rounds (default 5), interleaved; medians in ms.
# Needs a server in PGHOST/PGPORT with the extension installable, iconv, perl.
#   bench/encoding.sh [N]      (make bench runs it too)
set -eu
n=${1:-1000000}
repeat=${REPEAT:-5}
dir=$(mktemp -d)
chmod 755 "$dir"
trap 'dropdb --if-exists rp_bench_utf8; dropdb --if-exists rp_bench_euckr; rm -rf "$dir"' EXIT
perl -e 'srand(1); for (1..$ARGV[0]) { printf "(%d.%05d억,%d.%05d억)\n", int(rand 168), int(rand 100000), int(rand 168), int(rand 100000) }' "$n" >"$dir/eok.txt"
perl -e 'srand(2); for (1..$ARGV[0]) { printf "국비 %d억원, 지방비 %d억원\n", int(rand 1000), int(rand 1000) }' "$n" >"$dir/keyed.txt"
for f in eok keyed; do iconv -f UTF-8 -t EUC-KR "$dir/$f.txt" >"$dir/$f.euckr.txt"; done
chmod 644 "$dir"/*.txt
createdb -E UTF8 -l C -T template0 rp_bench_utf8
createdb -E EUC_KR -l C -T template0 rp_bench_euckr
for db in rp_bench_utf8 rp_bench_euckr; do
	psql -X -q -d "$db" -c "CREATE EXTENSION regionpolicy CASCADE" -c "CREATE TABLE c (f regionpolicy.funding)"
done
for r in $(seq "$repeat"); do
	for db in rp_bench_utf8 rp_bench_euckr; do
		for f in eok keyed; do
			file=$dir/$f.txt
			[ "$db" = rp_bench_euckr ] && file=$dir/$f.euckr.txt
			printf 'TRUNCATE c;\n\\timing on\nCOPY c FROM %s;\n' "'$file'" | psql -X -q -d "$db" |
				sed -n "s/^Time: \([0-9.]*\) ms.*/$db $f \1/p"
		done
	done
done | sort -k1,2 -k3n >"$dir/times"
echo "| database | text | median ms ($repeat rounds, $n lines) |"
echo "|---|---|---:|"
awk '{ k = $1 " " $2; v[k, ++c[k]] = $3 }
	END { for (k in c) { split(k, p, " "); printf "| %s | %s | %.1f |\n", p[1], p[2], v[k, int((c[k] + 1) / 2)] } }' "$dir/times" | sort
