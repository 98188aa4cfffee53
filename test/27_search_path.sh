#!/bin/bash
# A hostile search_path changes nothing: installing with a schema earlier on
# the path that shadows =, +, sum, lower, jsonb_build_object, … creates the
# same objects as a clean install, and calling the extension with that path
# gives the same answers.  doc/regionpolicy.md, "Installation".
cd "$(dirname "$0")" && . lib/tap.sh
plan 4
clean=rp_clean_$$
hostile=rp_hostile_$$
trap 'dropdb --if-exists $clean; dropdb --if-exists $hostile; rm -f /tmp/rp_sp_*_$$' EXIT
q() { psql -X -q -t -A -v ON_ERROR_STOP=1 -d "$1" "${@:2}"; }

createdb "$clean"
q "$clean" -c "CREATE EXTENSION regionpolicy CASCADE" >/dev/null
createdb "$hostile"
q "$hostile" >/dev/null <<'SQL'
CREATE SCHEMA evil;
CREATE FUNCTION evil.never(text, text) RETURNS boolean LANGUAGE sql AS 'SELECT false';
CREATE FUNCTION evil.never(integer, integer) RETURNS boolean LANGUAGE sql AS 'SELECT false';
CREATE FUNCTION evil.never(bigint, bigint) RETURNS boolean LANGUAGE sql AS 'SELECT false';
CREATE FUNCTION evil.never(numeric, numeric) RETURNS boolean LANGUAGE sql AS 'SELECT false';
CREATE OPERATOR evil.= (LEFTARG = text, RIGHTARG = text, FUNCTION = evil.never);
CREATE OPERATOR evil.= (LEFTARG = integer, RIGHTARG = integer, FUNCTION = evil.never);
CREATE OPERATOR evil.= (LEFTARG = bigint, RIGHTARG = bigint, FUNCTION = evil.never);
CREATE OPERATOR evil.= (LEFTARG = numeric, RIGHTARG = numeric, FUNCTION = evil.never);
CREATE OPERATOR evil.< (LEFTARG = numeric, RIGHTARG = numeric, FUNCTION = evil.never);
CREATE OPERATOR evil.<= (LEFTARG = integer, RIGHTARG = integer, FUNCTION = evil.never);
CREATE FUNCTION evil.zero(bigint, bigint) RETURNS bigint LANGUAGE sql AS 'SELECT 0::bigint';
CREATE OPERATOR evil.+ (LEFTARG = bigint, RIGHTARG = bigint, FUNCTION = evil.zero);
CREATE FUNCTION evil.zero(numeric, numeric) RETURNS numeric LANGUAGE sql AS 'SELECT 0::numeric';
CREATE OPERATOR evil.+ (LEFTARG = numeric, RIGHTARG = numeric, FUNCTION = evil.zero);
CREATE OPERATOR evil.* (LEFTARG = numeric, RIGHTARG = numeric, FUNCTION = evil.zero);
CREATE AGGREGATE evil.sum(bigint) (SFUNC = evil.zero, STYPE = bigint, INITCOND = '0');
CREATE AGGREGATE evil.sum(numeric) (SFUNC = evil.zero, STYPE = numeric, INITCOND = '0');
CREATE AGGREGATE evil.max(integer) (SFUNC = int4smaller, STYPE = integer);
CREATE FUNCTION evil.lower(text) RETURNS text LANGUAGE sql AS 'SELECT ''evil''';
CREATE FUNCTION evil.upper(text) RETURNS text LANGUAGE sql AS 'SELECT ''evil''';
CREATE FUNCTION evil.btrim(text) RETURNS text LANGUAGE sql AS 'SELECT ''evil''';
CREATE FUNCTION evil.to_jsonb(anyelement) RETURNS jsonb LANGUAGE sql AS 'SELECT ''{"evil": 1}''::jsonb';
CREATE FUNCTION evil.jsonb_build_object(text, bigint, text, bigint, text, bigint) RETURNS jsonb
	LANGUAGE sql AS 'SELECT ''{"evil": 1}''::jsonb';
CREATE FUNCTION evil.pg_has_role(oid, text) RETURNS boolean LANGUAGE sql AS 'SELECT true';
CREATE FUNCTION evil.row_security_active(regclass) RETURNS boolean LANGUAGE sql AS 'SELECT false';
GRANT USAGE ON SCHEMA evil TO PUBLIC;
SET search_path = evil, pg_catalog, public;
CREATE EXTENSION regionpolicy CASCADE;
SQL
ok $? "CREATE EXTENSION succeeds with a hostile schema first on the search_path"

q "$clean" -f lib/signature.sql >/tmp/rp_sp_clean_$$ && q "$hostile" -f lib/signature.sql >/tmp/rp_sp_hostile_$$ &&
	[ "$(wc -l </tmp/rp_sp_clean_$$)" -gt 300 ] && diff /tmp/rp_sp_clean_$$ /tmp/rp_sp_hostile_$$ >/tmp/rp_sp_diff_$$
ok $? "the hostile install created exactly the objects and definitions of a clean one"
[ -s /tmp/rp_sp_diff_$$ ] && head -20 /tmp/rp_sp_diff_$$ | sed 's/^/# /'

# Calls under the hostile path give the answers of a clean path.
battery=$(cat <<'SQL'
INSERT INTO regionpolicy.program (id, ministry, fiscal_year, name_ko, declared) VALUES (1001, 'MOTIE', 2023, 'x', '(10억,5억)');
INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount)
	SELECT 1001, province_code, 2023, regionpolicy.funding(id * 1000, id) FROM regionpolicy.cluster;
INSERT INTO regionpolicy.cluster_diagnosis SELECT id, 2023, 1 + id % 2, 60 + id, id % 3 <> 0, true FROM regionpolicy.cluster;
INSERT INTO regionpolicy.cluster_evaluation SELECT id, 2023, 50 + id * 3 FROM regionpolicy.cluster;
SELECT regionpolicy.province_code(x) FROM unnest(ARRAY['강원도', '42', 'KR-50', 'Gangwon State', ' 부산 ']) AS x;
SELECT * FROM regionpolicy.region_totals ORDER BY 1, 2, 4;
SELECT * FROM regionpolicy.reconciliation ORDER BY 1;
SELECT * FROM regionpolicy.cluster_stages ORDER BY 1;
SELECT regionpolicy.cluster_stage(id, 2023) FROM regionpolicy.cluster ORDER BY id;
SELECT * FROM regionpolicy.differential_funding(2023, 92900000000, 100000000);
SELECT * FROM regionpolicy.allocation_report ORDER BY 1;
SELECT regionpolicy.is_steward_of('26');
INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year, amount, reference) VALUES
	('x', '부산', 2023, '국비 5억원, 지방비 2억원', 'E-1'), ('x', '경남', 2023, '(1억,2억)', NULL), (' x ', ' 울산 ', 2023, '(3억,0)', 'E-2');
INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year, amount, reference) VALUES
	('x', '부산', 2023, '국비 6억원, 지방비 2억원', 'E-1');
SELECT province_code, amount, reference FROM regionpolicy.allocation ORDER BY id DESC LIMIT 3;
DO $$ BEGIN INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year, amount) VALUES ('x', '경남', 2023, '(1억,2억)');
EXCEPTION WHEN unique_violation THEN RAISE NOTICE 'refused: %', SQLERRM; END $$;
SQL
)
{ echo "SET search_path = evil, pg_catalog, regionpolicy, public; BEGIN;"; echo "$battery"; echo "ROLLBACK;"; } |
	q "$hostile" >/tmp/rp_sp_hostile_out_$$ 2>&1
{ echo "SET search_path = regionpolicy, public; BEGIN;"; echo "$battery"; echo "ROLLBACK;"; } |
	q "$clean" >/tmp/rp_sp_clean_out_$$ 2>&1
[ "$(wc -l </tmp/rp_sp_clean_out_$$)" -gt 50 ] && ! grep -q ERROR /tmp/rp_sp_clean_out_$$
ok $? "the battery of calls runs cleanly"
diff /tmp/rp_sp_clean_out_$$ /tmp/rp_sp_hostile_out_$$ >/tmp/rp_sp_diff_$$
ok $? "under the hostile search_path every call gives the clean answer"
[ -s /tmp/rp_sp_diff_$$ ] && head -20 /tmp/rp_sp_diff_$$ | sed 's/^/# /'
done_testing
