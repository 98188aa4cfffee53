#!/bin/bash
# pg_dump and restore (doc/regionpolicy.md, "Your data, pg_dump and DROP
# EXTENSION"): user tables are ordinary tables, dumped after the extension;
# rows administrators add to every table of reference data are dumped and
# restored in an order their keys accept, shipped rows are not; plain format
# through psql (also in one transaction), custom format through pg_restore
# and pg_restore -j 4 restore every row and every object, and neither
# pg_dump nor any restore prints a warning or an error.  DROP EXTENSION
# without CASCADE refuses while user tables depend on the extension.
cd "$(dirname "$0")" && . lib/tap.sh
plan 29
src=rp_dump_src_$$
dir=$(mktemp -d)
dbs="$src"
trap 'for d in $dbs; do dropdb --if-exists $d; done; rm -rf "$dir"' EXIT

q() { psql -X -q -t -A -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }
quiet() {	# quiet <file> <description>: the file (stderr of a command) is empty
	[ ! -s "$1" ]
	ok $? "$2"
	[ -s "$1" ] && head -20 "$1" | sed 's/^/# /'
}

createdb "$src"
q "$src" "CREATE EXTENSION regionpolicy CASCADE" >/dev/null
pg_dump -Fp -f "$dir/fresh.sql" "$src" 2>"$dir/fresh.err"
quiet "$dir/fresh.err" "pg_dump of a fresh install prints nothing on stderr (no circular foreign-key warning)"

# An administrator's rows in every table of reference data, used by lines,
# awards, diagnoses, evaluations and stewards.  Some refer to rows stored
# after them: a province to its successor, a 시·군·구 to its successor, a
# sub-programme to its parent (a dump copies rows in storage order).
q "$src" "
SET search_path = regionpolicy;
BEGIN;
INSERT INTO province (code, name_ko, short_ko, capital_area, sort_order, note)
VALUES ('98', '시험특별자치도', '시험', false, 98, 'an administrator''s province');
INSERT INTO province (code, name_ko, short_ko, capital_area, sort_order, valid_to, successor_code)
VALUES ('97', '옛시험도', '옛시험', false, 97, '2030-01-01', '98');
UPDATE province SET note = 'stored after 97, which refers to it' WHERE code = '98';
INSERT INTO province_alias (alias, province_code, kind) VALUES ('시험도', '98', 'name');
INSERT INTO superregion (id, name_ko, industry_ko, industry_en) VALUES (6, '시험권', '시험산업', 'test industry');
INSERT INTO superregion_member (superregion_id, province_code) VALUES (6, '98'), (6, '26');
INSERT INTO municipality (code, province_code, name_ko, kind, valid_to, successor_code, source)
VALUES ('98020', '98', '옛시험시', '시', '2028-01-01', '98030', 'test');
INSERT INTO municipality (code, province_code, name_ko, kind, valid_from, source)
VALUES ('98030', '98', '새시험시', '시', '2028-01-01', 'test'), ('98010', '98', '시험시', '시', NULL, 'test');
INSERT INTO municipality_designation (municipality_code, kind, valid_from, basis)
VALUES ('98010', '시험지역', '2024-01-01', 'test');
INSERT INTO program (id, ministry, fiscal_year, name_ko, parent_id, support_years)
VALUES (2001, 'MSS', 2024, '하위 사업', 2000, 2);
INSERT INTO program (id, ministry, fiscal_year, name_ko, declared, children_complete)
VALUES (2000, 'MSS', 2024, '사용자 사업', '(10억,5억)', true);
COMMIT;
INSERT INTO program (ministry, fiscal_year, name_ko, declared) VALUES ('MOTIE', 2024, '다른 사업', '(1억,1억)');
INSERT INTO program_target VALUES (2000, 'jobs', 12, 'persons');
INSERT INTO support_terms VALUES (2001, 2024, 2, 100000000, 0.75, '자유공모');
INSERT INTO cluster (id, province_code, name_ko, designated_year) VALUES (99, '98', '시험 지역혁신협력지구', 2024);
INSERT INTO evaluation_agency VALUES ('98', '시험지역사업평가단', '시험시 시험로 1', '000-000-0000');
INSERT INTO committee_figure (key, label_ko, quantity, unit) VALUES ('test_figure', '시험 수치', 3, 'things');
INSERT INTO stage2_criteria VALUES (2024, 75, true, 'stricter from 2024');
INSERT INTO grade_scale VALUES (2024, 'A', 50, 1.5), (2024, 'B', 0, 1.0);
INSERT INTO stage_weight VALUES (2024, 1, 1.0), (2024, 2, 2.0);
INSERT INTO allocation (program_id, province_code, fiscal_year, amount, phase)
	SELECT 2000, p.code, 2024, funding(100000000 * row_number() OVER (ORDER BY p.code), 12345), 'planned'
	FROM province p WHERE NOT p.capital_area AND (p.valid_from IS NULL OR p.valid_from <= '2024-12-31');
INSERT INTO allocation (program_id, province_code, municipality_code, fiscal_year, amount, reference)
VALUES (2000, '98', '98010', 2024, '국비 3억, 지방비 1억', 'T-1'), (2000, '98', '98020', 2024, '(7,8)', 'T-2');
INSERT INTO allocation (program_id, province_code, fiscal_year, amount) VALUES (21, '26', 2023, '국비 1억, 지방비 2억');
INSERT INTO award (program_id, first_year, reference, recipient, business_number, province_code, municipality_code, years)
VALUES (2001, 2024, 'A-1', '시험(주)', '2208162517', '98', '98010', 2);
INSERT INTO award_year SELECT id, y, '(5천만,1천만)', 1000, 0 FROM award, (VALUES (2024), (2025)) AS v(y);
INSERT INTO cluster_diagnosis SELECT id, 2024, 2, 80, true, true FROM cluster;
INSERT INTO cluster_evaluation SELECT id, 2024, 50 + id % 50 FROM cluster;
INSERT INTO differential_pool VALUES (2024, 100000000000, 100000000, 'a pool of 1,000억');
INSERT INTO province_steward VALUES ('rp_dump_steward', '98');
INSERT INTO ministry (code, name_ko, name_en, source) VALUES ('MOF', '해양수산부', 'Ministry of Oceans and Fisheries', 'an administrator');
INSERT INTO program (id, ministry, fiscal_year, name_ko) VALUES (2002, 'MOF', 2024, '어촌 사업'), (2003, NULL, 2024, '자체 사업');
INSERT INTO program_partner VALUES (2002, 'MSS');
INSERT INTO region_code (system, code, name_ko, province_code, municipality_code, municipality_name, source)
VALUES ('lofin', '9800000', '시험본청', '98', NULL, NULL, 'test'), ('lofin', '9811000', '시험시험시', '98', '98010', '시험시', 'test'),
	   ('district', '98011', '시험시 시험구', '98', '98010', '시험시', 'test');
INSERT INTO allocation (program_id, province_code, municipality_code, fiscal_year, amount, reference, other)
VALUES (2000, '98', '98010', 2024, '국비 1억', 'T-3', 250000000);
" >/dev/null

# A fingerprint of every table and view in the schema, in a fixed order.
fingerprint() {
	q "$1" "SELECT string_agg(format('%s:%s:%s', c.relname, n, h), ' ' ORDER BY c.relname)
			FROM pg_class c
			CROSS JOIN LATERAL (SELECT (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM regionpolicy.%I', c.relname), false, true, '')))[1]::text AS n,
									   (xpath('/row/h/text()', query_to_xml(format('SELECT md5(string_agg(t::text, ''|'' ORDER BY t::text)) AS h FROM regionpolicy.%I t', c.relname), false, true, '')))[1]::text AS h) x
			WHERE c.relnamespace = 'regionpolicy'::regnamespace AND c.relkind IN ('r', 'v')"
}
# Every object in the schema with its definition, ACL and membership.  A
# view re-created from its dump names the unnamed columns of a UNION's later
# branches after their type (PostgreSQL's deparser prints 'x'::text, which
# reads back as 'x'::text AS text): the same view.
signature() {
	psql -X -q -t -A -v ON_ERROR_STOP=1 -d "$1" -f lib/signature.sql |
		sed -E 's/::(text|integer) AS (text|int4)(,|$)/::\1\3/g' | md5sum
}
before=$(fingerprint "$src")
before_objects=$(signature "$src")

pg_dump -Fc -f "$dir/db.dump" "$src" 2>"$dir/dump-custom.err"
ok $? "pg_dump, custom format"
quiet "$dir/dump-custom.err" "… prints nothing on stderr"
pg_dump -Fp -f "$dir/db.sql" "$src" 2>"$dir/dump-plain.err"
ok $? "pg_dump, plain format"
quiet "$dir/dump-plain.err" "… prints nothing on stderr"
is "$(grep -c '^COPY regionpolicy\.\(allocation\|award\|award_year\|cluster_diagnosis\|cluster_evaluation\|province_steward\) ' "$dir/db.sql")" 6 \
   "the user tables are dumped"
is "$(grep -c "^CREATE TABLE regionpolicy\.\(allocation\|award\|award_year\|cluster_diagnosis\|cluster_evaluation\|province_steward\) " "$dir/db.sql")" 6 \
   "… as ordinary tables, created after the extension"
is "$(sed -n '/^COPY regionpolicy\.province /,/^\\\./p' "$dir/db.sql" | grep -vc '^COPY\|^\\\.')" 2 \
   "of the provinces, only the administrator's two are dumped"

restored() {	# restored <db> <how>: every row and every object is back
	is "$(fingerprint "$1")" "$before" "$2: every table and view holds exactly the same rows"
	is "$(signature "$1")" "$before_objects" "$2: the same objects, definitions, privileges and membership"
}

custom=rp_dump_custom_$$; dbs="$dbs $custom"; createdb "$custom"
pg_restore --exit-on-error -d "$custom" "$dir/db.dump" 2>"$dir/custom.err"
ok $? "pg_restore, custom format"
quiet "$dir/custom.err" "… prints nothing on stderr"
restored "$custom" "pg_restore"

parallel=rp_dump_parallel_$$; dbs="$dbs $parallel"; createdb "$parallel"
pg_restore --exit-on-error -j 4 -d "$parallel" "$dir/db.dump" 2>"$dir/parallel.err"
ok $? "pg_restore -j 4"
quiet "$dir/parallel.err" "… prints nothing on stderr"
restored "$parallel" "pg_restore -j 4"

plain=rp_dump_plain_$$; dbs="$dbs $plain"; createdb "$plain"
psql -X -q -v ON_ERROR_STOP=1 -d "$plain" -f "$dir/db.sql" >/dev/null 2>"$dir/plain.err"
ok $? "psql restores the plain dump"
quiet "$dir/plain.err" "… prints nothing on stderr"
restored "$plain" "plain format"

single=rp_dump_single_$$; dbs="$dbs $single"; createdb "$single"
psql -X -q -1 -v ON_ERROR_STOP=1 -d "$single" -f "$dir/db.sql" >/dev/null 2>"$dir/single.err"
ok $? "psql restores the plain dump in one transaction, without a word on stderr"
[ -s "$dir/single.err" ] && head -20 "$dir/single.err" | sed 's/^/# /'
is "$(fingerprint "$single")" "$before" "one transaction: every table and view holds exactly the same rows"

is "$(q "$custom" "INSERT INTO regionpolicy.program (ministry, fiscal_year, name_ko) VALUES ('MSS', 2024, 'new') RETURNING id")" \
   "$(q "$src" "INSERT INTO regionpolicy.program (ministry, fiscal_year, name_ko) VALUES ('MSS', 2024, 'new') RETURNING id")" \
   "the programme id sequence continues where it was"
is "$(q "$custom" "INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount) VALUES (2000, '98', 2024, '(1,1)') RETURNING id")" \
   "$(q "$src" "INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount) VALUES (2000, '98', 2024, '(1,1)') RETURNING id")" \
   "the allocation id sequence continues where it was"

# DROP EXTENSION: refused without CASCADE, naming what depends on it.
lines=$(q "$src" "SELECT count(*) FROM regionpolicy.allocation")
psql -X -q -v VERBOSITY=sqlstate -d "$src" -c "DROP EXTENSION regionpolicy" >"$dir/drop.out" 2>&1
is "$(cat "$dir/drop.out")" "ERROR:  2BP01" "DROP EXTENSION without CASCADE is refused (2BP01) …"
psql -X -q -d "$src" -c "DROP EXTENSION regionpolicy" >"$dir/drop.out" 2>&1
grep -q 'constraint allocation_program_fkey on table regionpolicy.allocation depends on table regionpolicy.program' "$dir/drop.out"
ok $? "… naming the user tables that depend on it"
is "$(q "$src" "SELECT count(*) FROM regionpolicy.allocation")" "$lines" "… and every line is still there"
# CASCADE drops what depends on the extension: the views, the keys to its
# tables; the tables keep every column, their funding amounts included
# (the type is the extension funding's, which stays).
q "$custom" "DROP EXTENSION regionpolicy CASCADE" >/dev/null 2>&1
is "$(q "$custom" "SELECT string_agg(c.relname || ':' || c.relkind::text || ':' || (SELECT count(*) FROM pg_attribute a WHERE a.attrelid = c.oid AND a.atttypid = 'pg_catalog.int4'::regtype), ' ' ORDER BY c.relname)
				   FROM pg_class c WHERE c.relnamespace = 'regionpolicy'::regnamespace AND c.relkind IN ('r', 'v')")" \
   "allocation:r:2 award:r:2 award_year:r:1 cluster_diagnosis:r:2 cluster_evaluation:r:2 differential_pool:r:1 province_steward:r:0" \
   "DROP EXTENSION … CASCADE drops the views; the user tables stay"
is "$(q "$custom" "SELECT string_agg(a.attname, ',' ORDER BY a.attnum) FROM pg_attribute a WHERE a.attrelid = 'regionpolicy.allocation'::regclass AND a.attnum > 0 AND NOT a.attisdropped")" \
   "id,program_id,province_code,fiscal_year,amount,phase,note,reference,municipality_code,other" "… allocation with its amount, in funding"
done_testing
