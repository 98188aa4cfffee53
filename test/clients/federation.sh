#!/bin/bash
# Scale-out on PostgreSQL's own federation: provinces' allocations live on
# two shard servers (loopback ports), a central database reaches them with
# postgres_fdw (extensions 'funding, regionpolicy'), and
#   - sum(amount) grouped by province runs on the shards (Remote SQL);
#   - a partitioned allocation whose partitions are the foreign tables
#     aggregates partitionwise, each partition's GROUP BY pushed down;
#   - the totals equal a single-server computation of the same rows.
cd "$(dirname "$0")" && . ../lib/tap.sh
plan 8
# default: the newest PostgreSQL major installed
PG_CONFIG=${PG_CONFIG:-$(ls -d /usr/lib/postgresql/[1-9][0-9]/bin/pg_config 2>/dev/null | tail -1)}
PG_CONFIG=${PG_CONFIG:-pg_config}
bindir=$($PG_CONFIG --bindir)
tmp=$(mktemp -d /tmp/regionpolicy_shards.XXXXXX)
chmod 755 "$tmp"
central=rp_central_$$
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
shards=(a b)
declare -A port
cleanup() {
	for s in "${shards[@]}"; do as_owner "$bindir/pg_ctl" -D "$tmp/$s" -m fast stop >/dev/null 2>&1; done
	dropdb --if-exists "$central"
	rm -rf "$tmp"
}
trap cleanup EXIT
[ "$(id -u)" = 0 ] && chown postgres "$tmp"

# Two shard servers on free loopback ports, trusting local connections.
next=$(( ${PGPORT:-5432} + 100 ))
for s in "${shards[@]}"; do
	while "$bindir/pg_isready" -q -h localhost -p "$next" >/dev/null 2>&1 || ss -ltn 2>/dev/null | grep -q ":$next "; do next=$((next + 1)); done
	port[$s]=$next
	next=$((next + 1))
	as_owner "$bindir/initdb" -D "$tmp/$s" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
	as_owner "$bindir/pg_ctl" -D "$tmp/$s" -l "$tmp/$s.log" -w \
		-o "-p ${port[$s]} -k $tmp -c listen_addresses=localhost" start >/dev/null
done
shard() { psql -X -q -t -A -v ON_ERROR_STOP=1 -h localhost -p "${port[$1]}" -U postgres -d postgres "${@:2}"; }
q() { psql -X -q -t -A -v ON_ERROR_STOP=1 -d "$central" "$@"; }

# Shard a holds 부산·울산·경남, shard b the other non-capital provinces.
declare -A provinces=([a]="'26','31','48'" [b]="'27','29','30','36','43','44','46','47','50','51','52'")
for s in "${shards[@]}"; do
	shard "$s" >/dev/null <<SQL
CREATE EXTENSION regionpolicy CASCADE;
INSERT INTO regionpolicy.program (id, ministry, fiscal_year, name_ko) VALUES (1001, 'MOTIE', 2023, 'federated');
INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount, phase)
SELECT 1001, c.province_code, 2023,
	   regionpolicy.funding((hashint8(c.id * 1000 + i) & 65535)::bigint * 1000000, (hashint8(-c.id * 1000 - i) & 65535)::bigint * 1000000),
	   (ARRAY['planned', 'executed'])[1 + i % 2]
FROM regionpolicy.cluster c, generate_series(1, 500) AS i
WHERE c.province_code IN (${provinces[$s]});
SQL
done
ok $? "two shard servers, each with regionpolicy and its provinces' allocations"

createdb "$central"
q >/dev/null <<SQL
CREATE EXTENSION regionpolicy CASCADE;
CREATE EXTENSION postgres_fdw;
CREATE SERVER shard_a FOREIGN DATA WRAPPER postgres_fdw
	OPTIONS (host 'localhost', port '${port[a]}', dbname 'postgres', extensions 'funding, regionpolicy');
CREATE SERVER shard_b FOREIGN DATA WRAPPER postgres_fdw
	OPTIONS (host 'localhost', port '${port[b]}', dbname 'postgres', extensions 'funding, regionpolicy');
CREATE USER MAPPING FOR CURRENT_USER SERVER shard_a OPTIONS (user 'postgres');
CREATE USER MAPPING FOR CURRENT_USER SERVER shard_b OPTIONS (user 'postgres');
-- the national allocation table, partitioned by province; each partition a shard
CREATE TABLE national_allocation (
	program_id integer NOT NULL, province_code text, fiscal_year integer NOT NULL,
	amount regionpolicy.funding NOT NULL, phase text NOT NULL
) PARTITION BY LIST (province_code);
CREATE FOREIGN TABLE allocation_a PARTITION OF national_allocation FOR VALUES IN (${provinces[a]})
	SERVER shard_a OPTIONS (schema_name 'regionpolicy', table_name 'allocation');
CREATE FOREIGN TABLE allocation_b PARTITION OF national_allocation FOR VALUES IN (${provinces[b]})
	SERVER shard_b OPTIONS (schema_name 'regionpolicy', table_name 'allocation');
SQL
ok $? "a central database with postgres_fdw servers (extensions 'funding, regionpolicy') and a partitioned table of foreign partitions"

plan_a=$(q -c "SET search_path = public, regionpolicy" -c "EXPLAIN (VERBOSE, COSTS OFF) SELECT province_code, sum(amount) FROM allocation_a GROUP BY province_code")
echo "$plan_a" | sed 's/^/#   /'
echo "$plan_a" | grep -q 'Remote SQL: SELECT province_code, regionpolicy.sum(amount) FROM regionpolicy.allocation GROUP BY 1'
ok $? "sum(amount) grouped by province runs on the shard (Remote SQL)"

plan=$(q -c "SET search_path = public, regionpolicy" -c "SET enable_partitionwise_aggregate = on" \
	-c "EXPLAIN (VERBOSE, COSTS OFF) SELECT fiscal_year, province_code, phase, sum(amount) FROM national_allocation
	    GROUP BY fiscal_year, province_code, phase")
echo "$plan" | sed 's/^/#   /'
[ "$(echo "$plan" | grep -c 'Remote SQL: SELECT fiscal_year, province_code, phase, regionpolicy.sum(amount) FROM regionpolicy.allocation GROUP BY 1, 2, 3')" = 2 ]
ok $? "partitionwise aggregation: each partition's GROUP BY is pushed to its shard"
echo "$plan" | grep -q 'HashAggregate\|GroupAggregate'
[ $? -ne 0 ]
ok $? "… with no aggregation left in the central server"

# The same rows on one server, for the reference answer.
q -c "CREATE TABLE single AS SELECT * FROM national_allocation" >/dev/null
federated=$(q -c "SET search_path = public, regionpolicy" -c "SET enable_partitionwise_aggregate = on" \
	-c "SELECT string_agg(format('%s/%s:%s', province_code, phase, s), ' ' ORDER BY province_code, phase) FROM (SELECT province_code, phase, sum(amount) s FROM national_allocation GROUP BY 1, 2) x")
local_=$(q -c "SET search_path = public, regionpolicy" \
	-c "SELECT string_agg(format('%s/%s:%s', province_code, phase, s), ' ' ORDER BY province_code, phase) FROM (SELECT province_code, phase, sum(amount) s FROM single GROUP BY 1, 2) x")
is "$federated" "$local_" "federated totals equal the single-server computation, per province and phase"
is "$(q -c "SET search_path = public, regionpolicy" -c "SELECT sum(amount) FROM national_allocation")" \
   "$(q -c "SET search_path = public, regionpolicy" -c "SELECT sum(amount) FROM single")" "the grand total too"
is "$(q -c "SELECT count(*) FROM national_allocation")" "7000" "every row is reachable (14 provinces × 500)"
done_testing
