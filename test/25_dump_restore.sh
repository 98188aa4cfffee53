#!/bin/bash
# pg_dump/pg_restore round trips (custom and plain formats): user rows
# survive exactly once, reference rows are not duplicated, identity
# sequences continue where they were.
cd "$(dirname "$0")" && . lib/tap.sh
plan 12
src=rp_dump_src_$$
custom=rp_dump_custom_$$
plain=rp_dump_plain_$$
dir=$(mktemp -d)
trap 'dropdb --if-exists $src; dropdb --if-exists $custom; dropdb --if-exists $plain; rm -rf "$dir"' EXIT

q() { psql -X -q -t -A -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }

createdb "$src"
q "$src" "CREATE EXTENSION regionpolicy" >/dev/null
q "$src" "
SET search_path = regionpolicy;
INSERT INTO program (ministry, fiscal_year, name_ko, declared) VALUES ('MSS', 2024, '사용자 사업', '(10억,5억)');
INSERT INTO program (ministry, fiscal_year, name_ko, parent_id) SELECT 'MSS', 2024, '하위 사업', max(id) FROM program;
INSERT INTO program_target SELECT max(id), 'jobs', 12, 'persons' FROM program;
INSERT INTO allocation (program_id, province_code, fiscal_year, amount, phase)
	SELECT 1000, p.code, 2024, funding(100000000 * row_number() OVER (ORDER BY p.code), 12345), 'planned'
	FROM province p WHERE NOT p.capital_area AND (p.valid_from IS NULL OR p.valid_from <= '2024-12-31');
INSERT INTO allocation (program_id, province_code, fiscal_year, amount) VALUES (21, '26', 2023, '국비 1억, 지방비 2억');
INSERT INTO cluster_diagnosis SELECT id, 2024, 2, 80, true, true FROM cluster;
INSERT INTO cluster_evaluation SELECT id, 2024, 50 + id FROM cluster;
INSERT INTO stage2_criteria VALUES (2024, 75, true, 'stricter from 2024');
INSERT INTO grade_scale VALUES (2024, 'A', 50, 1.5), (2024, 'B', 0, 1.0);
INSERT INTO stage_weight VALUES (2024, 1, 1.0), (2024, 2, 2.0);
" >/dev/null

# A fingerprint of every table of the extension, in a fixed order.
fingerprint() {
	q "$1" "SELECT string_agg(format('%s:%s:%s', c.relname, n, h), ' ' ORDER BY c.relname)
			FROM pg_class c
			CROSS JOIN LATERAL (SELECT (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM regionpolicy.%I', c.relname), false, true, '')))[1]::text AS n,
									   (xpath('/row/h/text()', query_to_xml(format('SELECT md5(string_agg(t::text, ''|'' ORDER BY t::text)) AS h FROM regionpolicy.%I t', c.relname), false, true, '')))[1]::text AS h) x
			WHERE c.relnamespace = 'regionpolicy'::regnamespace AND c.relkind = 'r'"
}
before=$(fingerprint "$src")

pg_dump -Fc -f "$dir/db.dump" "$src"
ok $? "pg_dump, custom format"
createdb "$custom"
pg_restore --exit-on-error -d "$custom" "$dir/db.dump" 2>"$dir/restore.err"
ok $? "pg_restore into a new database, no errors"
[ -s "$dir/restore.err" ] && sed 's/^/# /' "$dir/restore.err"
is "$(fingerprint "$custom")" "$before" "custom format: every table holds exactly the same rows"

pg_dump -Fp -f "$dir/db.sql" "$src"
ok $? "pg_dump, plain format"
createdb "$plain"
psql -X -q -v ON_ERROR_STOP=1 -d "$plain" -f "$dir/db.sql" >/dev/null 2>"$dir/plain.err"
ok $? "psql restores the plain dump, no errors"
[ -s "$dir/plain.err" ] && sed 's/^/# /' "$dir/plain.err"
is "$(fingerprint "$plain")" "$before" "plain format: every table holds exactly the same rows"

is "$(q "$custom" "SELECT count(*) FROM regionpolicy.program WHERE name_ko = '사용자 사업'")" "1" "a user programme survives exactly once"
is "$(q "$custom" "SELECT count(*) FROM regionpolicy.province")" "18" "reference provinces are not duplicated (17 of 2023 and the merged one of 2026)"
is "$(q "$custom" "SELECT count(*) FROM regionpolicy.program WHERE id < 1000")" \
   "$(q "$src" "SELECT count(*) FROM regionpolicy.program WHERE id < 1000")" "reference programmes are not duplicated"
is "$(q "$custom" "SELECT regionpolicy.total(regionpolicy.sum(amount)) FROM regionpolicy.allocation")" \
   "$(q "$src" "SELECT regionpolicy.total(regionpolicy.sum(amount)) FROM regionpolicy.allocation")" "allocations add up to the won"
is "$(q "$custom" "INSERT INTO regionpolicy.program (ministry, fiscal_year, name_ko) VALUES ('MSS', 2024, 'new') RETURNING id")" \
   "$(q "$src" "INSERT INTO regionpolicy.program (ministry, fiscal_year, name_ko) VALUES ('MSS', 2024, 'new') RETURNING id")" \
   "the programme id sequence continues where it was"
is "$(q "$custom" "SELECT stage FROM regionpolicy.cluster_stages WHERE cluster_id = 1 AND fiscal_year = 2024")" "2" \
   "policy overrides survive (stage 2 under the 2024 criteria)"
done_testing
