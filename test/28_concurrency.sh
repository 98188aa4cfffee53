#!/bin/bash
# Concurrent load: 16 pgbench clients insert allocations (through the
# funding parser and the row-level security checks, as province stewards)
# while others read region totals, for a bounded time.  Afterwards the
# totals equal what was inserted, to the won, and no transaction failed.
cd "$(dirname "$0")" && . lib/tap.sh
plan 6
db=rp_concurrency_$$
dir=$(mktemp -d)
chmod 755 "$dir"
seconds=${CONCURRENCY_SECONDS:-10}
trap 'dropdb --if-exists $db; psql -X -q -d postgres -c "DROP ROLE IF EXISTS rp_bench_writer" 2>/dev/null; rm -rf "$dir"' EXIT
q() { psql -X -q -t -A -v ON_ERROR_STOP=1 -d "$db" -c "$1"; }

password=rp$RANDOM$RANDOM$$
createdb "$db"
psql -X -q -d postgres -c "DROP ROLE IF EXISTS rp_bench_writer" 2>/dev/null
psql -X -q -v ON_ERROR_STOP=1 -v password="$password" -d "$db" >/dev/null <<'SQL'
CREATE EXTENSION regionpolicy CASCADE;
CREATE ROLE rp_bench_writer LOGIN PASSWORD :'password';
INSERT INTO regionpolicy.province_steward SELECT 'rp_bench_writer', code FROM regionpolicy.province;
INSERT INTO regionpolicy.program (id, ministry, fiscal_year, name_ko) VALUES (1001, 'MOTIE', 2024, 'load test');
-- What each transaction meant to insert, in plain bigints, beside the funding.
CREATE TABLE public.ledger (province_code text, national bigint, local bigint);
GRANT SELECT ON ALL TABLES IN SCHEMA regionpolicy TO rp_bench_writer;
GRANT INSERT ON regionpolicy.allocation, public.ledger TO rp_bench_writer;
GRANT USAGE ON SEQUENCE regionpolicy.allocation_id_seq TO rp_bench_writer;
SQL

cat >"$dir/write.sql" <<'SQL'
\set p random(1, 14)
\set n random(0, 100000000000)
\set l random(0, 50000000000)
BEGIN;
INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount)
	SELECT 1001, province_code, 2024, format('국비 %s원, 지방비 %s원', :n, :l)::regionpolicy.funding
	FROM regionpolicy.cluster WHERE id = :p;
INSERT INTO public.ledger SELECT province_code, :n, :l FROM regionpolicy.cluster WHERE id = :p;
END;
SQL
cat >"$dir/read.sql" <<'SQL'
SELECT province_code, national, local, total FROM regionpolicy.region_totals WHERE fiscal_year = 2024;
SELECT regionpolicy.sum(amount) FROM regionpolicy.allocation;
SQL

PGPASSWORD=$password pgbench -n -U rp_bench_writer -c 12 -j 2 -T "$seconds" -f "$dir/write.sql" "$db" >"$dir/write.out" 2>&1 &
writer=$!
pgbench -n -c 4 -j 1 -T "$seconds" -f "$dir/read.sql" "$db" >"$dir/read.out" 2>&1
wait $writer
ok $? "12 writing clients ran for ${seconds}s"
grep -E 'number of (transactions actually processed|failed transactions)|tps' "$dir/write.out" | sed 's/^/# writers: /'
grep -E 'number of transactions actually processed' "$dir/read.out" | sed 's/^/# readers: /'
# pgbench 15 and later count failed transactions; before, and for errors
# it does not retry, a failed transaction aborts its client ("client N
# aborted in command ...").  Both count.
failures() {
	local n
	n=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$1")
	echo $((${n:-0} + $(grep -cE '^client [0-9]+ aborted' "$1")))
}
is "$(failures "$dir/write.out")" "0" "no writing transaction failed"
is "$(failures "$dir/read.out")" "0" "no reading transaction failed"
processed=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$dir/write.out")
is "$(q "SELECT count(*) FROM regionpolicy.allocation")" "$processed" "one allocation per committed transaction ($processed)"
is "$(q "SELECT string_agg(format('%s:%s:%s', province_code, national, local), ' ' ORDER BY province_code) FROM regionpolicy.region_totals WHERE fiscal_year = 2024")" \
   "$(q "SELECT string_agg(format('%s:%s:%s', province_code, n, l), ' ' ORDER BY province_code) FROM (SELECT province_code, sum(national) n, sum(local) l FROM public.ledger GROUP BY province_code) s")" \
   "region totals equal the sum of what was inserted, to the won, in every province"
is "$(q "SELECT regionpolicy.total(regionpolicy.sum(amount)) FROM regionpolicy.allocation")" \
   "$(q "SELECT sum(national + local) FROM public.ledger")" "the grand total equals the ledger"
done_testing
