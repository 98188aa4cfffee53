#!/bin/bash
# A dump made under 1.2.0, restored under this version by the procedure of
# doc/regionpolicy.md ("A dump of 1.2.0 or earlier", then "Moving from
# 1.x"), exactly as written there: every line, diagnosis, evaluation and
# steward comes back, the references 1.3.0 no longer accepts as they were
# (a trailing no-break space) are normalised by the update, the tables are
# then the user's, not the extension's, and the type is the extension
# funding's.  Restored the plain way instead, the dump does not lose the
# lines quietly: the restore fails.  Plain and custom format.
cd "$(dirname "$0")" && . lib/tap.sh
plan 20
old=rp_old_$$
dir=$(mktemp -d)
dbs="$old"
trap 'for d in $dbs; do dropdb --if-exists $d; done; rm -rf "$dir"' EXIT
q() { psql -X -q -t -A -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }

# 1.2.0 with what real data has: several years and phases, 시·군·구,
# references as exports give them, administrators' rows, and the tables
# users write.
createdb "$old"
q "$old" "CREATE EXTENSION regionpolicy VERSION '1.2.0'" >/dev/null 2>&1
q "$old" "
SET search_path = regionpolicy;
INSERT INTO program (id, ministry, fiscal_year, name_ko) VALUES (2000, 'MSS', 2024, '사용자 사업'), (2001, 'MSS', 2025, '사용자 사업');
INSERT INTO allocation (program_id, province_code, fiscal_year, amount, phase, reference)
SELECT 2000 + y - 2024, p.code, y, funding(100000000::bigint * i + y, 1000::bigint * i), ph, 'NB-' || p.code || '-' || i || CASE WHEN i % 7 = 0 THEN U&'\00A0' ELSE '' END
FROM province p, generate_series(2024, 2025) y, unnest(ARRAY['planned', 'executed']) ph, generate_series(1, 25) i
WHERE NOT p.capital_area AND p.valid_to IS NULL AND p.valid_from IS NULL;
INSERT INTO allocation (program_id, province_code, municipality_code, fiscal_year, amount)
VALUES (2000, '48', '48120', 2024, '국비 3억, 지방비 1억'), (2000, '48', '48170', 2024, '국비 2억, 지방비 1억');
INSERT INTO cluster_diagnosis SELECT id, 2024, 2, 80, true, true FROM cluster;
INSERT INTO cluster_evaluation SELECT id, 2024, 50 + id % 50 FROM cluster;
INSERT INTO province_steward VALUES ('rp_old_steward', '48');
-- a table of the user's that indexes text read as funding
CREATE TABLE public.budget_text (t text);
INSERT INTO public.budget_text VALUES ('국비 5억원, 지방비 3억원');
CREATE INDEX budget_text_amount ON public.budget_text ((t::regionpolicy.funding));
" >/dev/null
ok $? "a 1.2.0 database with lines, diagnoses, evaluations, a steward and a table of the user's"
counts="SELECT (SELECT count(*) FROM regionpolicy.allocation) || ' ' || (SELECT sum(regionpolicy.total(amount)) FROM regionpolicy.allocation)
		|| ' ' || (SELECT count(*) FROM regionpolicy.cluster_diagnosis) || ' ' || (SELECT count(*) FROM regionpolicy.cluster_evaluation)
		|| ' ' || (SELECT count(*) FROM regionpolicy.province_steward) || ' ' || (SELECT count(*) FROM regionpolicy.program WHERE id >= 2000)"
before=$(q "$old" "$counts")
is "$(q "$old" "SELECT count(*) > 0 FROM regionpolicy.allocation WHERE reference LIKE U&'%\00A0'")" t \
   "the 1.2.0 database holds references with a trailing no-break space"
pg_dump -Fp -f "$dir/budget_1_2.sql" "$old" 2>/dev/null
pg_dump -Fc -f "$dir/budget_1_2.dump" "$old" 2>/dev/null
grep -q '^CREATE EXTENSION IF NOT EXISTS regionpolicy WITH SCHEMA regionpolicy;' "$dir/budget_1_2.sql" &&
	grep -q '^COPY regionpolicy.allocation ' "$dir/budget_1_2.sql"
ok $? "the 1.2.0 dump holds the lines as the extension's data"
cd "$dir" || exit 1
# "Moving from 1.x", from 1.0.0 to 1.2.0
move="ALTER EXTENSION regionpolicy UPDATE TO '1.3.0';
CREATE EXTENSION funding VERSION '1.3.0' SCHEMA regionpolicy;
ALTER EXTENSION funding UPDATE;
ALTER EXTENSION regionpolicy UPDATE;"

# The procedure, as doc/regionpolicy.md gives it.
plain=rp_old_plain_$$; dbs="$dbs $plain"
createdb "$plain"
psql -X -q -d "$plain" -c "CREATE EXTENSION regionpolicy VERSION '1.2.0'" >/dev/null 2>plain.err
grep -v '^CREATE SCHEMA regionpolicy;$' budget_1_2.sql | psql -X -q -v ON_ERROR_STOP=1 -d "$plain" >/dev/null 2>>plain.err
ok $? "plain format: the dump restores into 1.2.0"
psql -X -q -v ON_ERROR_STOP=1 -d "$plain" -c "$move" 2>>plain.err
ok $? "… and moves to 2.0"

custom=rp_old_custom_$$; dbs="$dbs $custom"
createdb "$custom"
psql -X -q -d "$custom" -c "CREATE EXTENSION regionpolicy VERSION '1.2.0'" >/dev/null 2>custom.err
pg_restore -l budget_1_2.dump | grep -v ' SCHEMA - regionpolicy ' > budget_1_2.list
pg_restore --exit-on-error -L budget_1_2.list -d "$custom" budget_1_2.dump 2>>custom.err
ok $? "custom format: pg_restore restores it into 1.2.0"
psql -X -q -v ON_ERROR_STOP=1 -d "$custom" -c "$move" 2>>custom.err
ok $? "… and moves to 2.0"

for db in "$plain" "$custom"; do
	how=$([ "$db" = "$plain" ] && echo plain || echo custom)
	is "$(q "$db" "$counts")" "$before" "$how: every line (and its won), diagnosis, evaluation, steward and programme is back"
	is "$(q "$db" "SELECT count(*) FROM regionpolicy.allocation WHERE reference LIKE U&'%\00A0' OR reference <> regionpolicy.reference_trim(reference)")" 0 \
	   "$how: the references are normalised"
	is "$(q "$db" "SELECT extversion || ' ' || (SELECT count(*) FROM pg_depend d WHERE d.refobjid = e.oid AND d.deptype = 'e'
											  AND d.classid = 'pg_class'::regclass AND d.objid = 'regionpolicy.allocation'::regclass)
				  FROM pg_extension e WHERE extname = 'regionpolicy'")" "2.0.0 0" \
	   "$how: at 2.0.0, with allocation the user's table"
	is "$(q "$db" "SELECT e.extname || ' ' || e.extversion FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid
				  WHERE d.classid = 'pg_type'::regclass AND d.objid = 'regionpolicy.funding'::regtype AND d.deptype = 'e'")" "funding 2.0.0" \
	   "$how: the type is the extension funding's"
done
is "$(grep -h 'ERROR' plain.err custom.err)" "" "no restore or update printed an error"
grep -q 'WARNING:  objects of yours convert text to funding, whose reading changed in 1.3.0: index \(public\.\)\?budget_text_amount' plain.err
ok $? "the update names the user's index over text read as funding, to be rebuilt"
grep -q 'WARNING:  objects of yours convert text to funding: index \(public\.\)\?budget_text_amount' plain.err
ok $? "the update to funding 2.0.0 names it too (funding_input_dependents), with nothing to rebuild"

# Restored as a dump of this version would be, the lines do not vanish
# quietly: the restore fails, naming the table.
naive=rp_old_naive_$$; dbs="$dbs $naive"
createdb "$naive"
pg_restore --exit-on-error -d "$naive" budget_1_2.dump 2>naive.err
isnt_ok=$?
[ "$isnt_ok" -ne 0 ] && grep -q 'required extension "funding" is not installed' naive.err
ok $? "a 1.2.0 dump restored straight into 2.0 fails, rather than restore nothing"
naive_plain=rp_old_naive_plain_$$; dbs="$dbs $naive_plain"
createdb "$naive_plain"
psql -X -q -v ON_ERROR_STOP=1 -d "$naive_plain" -f budget_1_2.sql >/dev/null 2>naive_plain.err
[ $? -ne 0 ] && grep -q 'required extension "funding" is not installed' naive_plain.err
ok $? "… and so does psql with ON_ERROR_STOP"
done_testing
