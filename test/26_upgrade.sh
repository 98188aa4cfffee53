#!/bin/bash
# Moving from 1.x to this version (doc/regionpolicy.md, "Moving from 1.x"),
# from 1.0.0, 1.2.0 and 1.3.0 with data, by the commands the doc gives:
# every row of every table is kept, every report gives the same rows (from
# 1.3.0: before it, explanations were English and are Korean now, NEWS.md
# 1.3.0), and both extensions are then exactly what a fresh install
# creates, reference data included.  (Shipped rows 2.0.0 changes on purpose
# are left out of the before-and-after comparison, and compared with a
# fresh install instead: 1.0.0 wrote 2018–2022 where the press release
# writes 2018~2022; the merged province's chart label and order.)
cd "$(dirname "$0")" && . lib/tap.sh
olds="1.0.0 1.2.0 1.3.0"
plan 24
new=$(sed -n "s/^default_version = '\(.*\)'/\1/p" ../regionpolicy.control)
fresh=rp_fresh_$$
up=rp_upgrade_$$
tmp=$(mktemp -d)
trap 'dropdb --if-exists $up; dropdb --if-exists $fresh; rm -rf "$tmp"' EXIT
q() { psql -X -q -t -A -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }
# every row of every table and view of the schema, in the columns it had before
rows() {
	for e in $columns; do
		t=${e%%=*}
		[ "$t" = province_steward ] && continue
		cols=$(echo "${e#*=}" | sed 's/\([^,]*\)/"\1"/g')
		q "$1" "SELECT '$t:' || r::text FROM (SELECT $cols FROM regionpolicy.$t) r"
	done | LC_ALL=C sort
}
every_row() {	# every row of every table of the schema, all columns
	q "$1" "SELECT string_agg(format('SELECT %L || '':'' || r::text FROM %s r', c.relname, c.oid::regclass), ' UNION ALL ')
			FROM pg_class c WHERE c.relnamespace = 'regionpolicy'::regnamespace AND c.relkind = 'r'" >"$tmp/every.sql"
	psql -X -q -t -A -v ON_ERROR_STOP=1 -d "$1" -f "$tmp/every.sql" | LC_ALL=C sort
}
# Definitions compared as the server reads them: a U&'\D589' literal (the
# ASCII install script of 1.2.0 on) is the same string as '행'.
unescape() { perl -CSD -pe "s/U&'((?:[^']|'')*)'/my \$b = \$1; \$b =~ s{\\\\([0-9A-F]{4})}{chr(hex(\$1))}ge; \$b =~ s{\\\\\\\\}{\\\\}g; \"'\$b'\"/ge"; }

# views whose columns 2.0.0 changes: compared by their own suites
changed="'reconciliation_detail', 'award_compliance', 'award_totals'"
createdb "$fresh"
q "$fresh" "CREATE EXTENSION regionpolicy CASCADE" >/dev/null 2>&1
psql -X -q -t -A -v ON_ERROR_STOP=1 -d "$fresh" -f lib/signature.sql | unescape >"$tmp/fresh.sig"
every_row "$fresh" >"$tmp/fresh.rows"

for old in $olds; do
	dropdb --if-exists "$up" 2>/dev/null
	createdb "$up"
	q "$up" "CREATE EXTENSION regionpolicy VERSION '$old'" >/dev/null
	is "$(q "$up" "SELECT extversion FROM pg_extension WHERE extname = 'regionpolicy'")" "$old" "$old: installs"
	q "$up" "
SET search_path = regionpolicy;
INSERT INTO program (ministry, fiscal_year, name_ko, declared) VALUES ('MOTIE', 2024, '사용자 사업', '(10억,5억)');
INSERT INTO allocation (program_id, province_code, fiscal_year, amount) SELECT 1000, province_code, 2024, funding(id * 100000000::bigint, id) FROM cluster;
INSERT INTO allocation (program_id, province_code, fiscal_year, amount) SELECT 21, province_code, 2023, funding(id * 7000000000::bigint, id * 3) FROM cluster;
INSERT INTO cluster_diagnosis SELECT id, 2024, 2, 75, true, id <> 3 FROM cluster;
INSERT INTO cluster_evaluation SELECT id, 2024, 40 + id * 4 FROM cluster;
INSERT INTO grade_scale VALUES (2024, 'A', 60, 1.3), (2024, 'B', 0, 1.0);
" >/dev/null
	# (sort_order left out: 2.0.0 gives the merged province a place of its own)
	columns=$(q "$up" "SELECT string_agg(format('%s=%s', c.relname, (SELECT string_agg(a.attname, ',' ORDER BY a.attnum) FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attname <> 'sort_order')), ' ')
		FROM pg_class c WHERE c.relnamespace = 'regionpolicy'::regnamespace
		  AND c.relkind IN ('r', $([ "$old" = 1.3.0 ] && echo "'v'" || echo "'r'"))
		  AND c.relname NOT IN ($changed)")
	rows "$up" | LC_ALL=C grep -v -e "^committee_figure:(clusters_2018_2022,.*,2018–2022" \
		-e "^province:(\(12\|47\|48\|50\)," -e "^province_alias:(전남광주,12," -e "^province_alias:(KR-12,12," >"$tmp/before"
	split_before=$(q "$up" "SELECT string_agg(\"national\"::text, ',' ORDER BY cluster_id) FROM regionpolicy.differential_funding(2024, 100000000000, 1000000)")

	# The commands of doc/regionpolicy.md, "Moving from 1.x"
	{ [ "$old" = 1.3.0 ] || q "$up" "ALTER EXTENSION regionpolicy UPDATE TO '1.3.0'"; } &&
		q "$up" "CREATE EXTENSION funding VERSION '1.3.0' SCHEMA regionpolicy" &&
		q "$up" "ALTER EXTENSION funding UPDATE" &&
		q "$up" "ALTER EXTENSION regionpolicy UPDATE" >/dev/null
	ok $? "$old: moves to $new by the documented commands"
	is "$(q "$up" "SELECT string_agg(extname || ' ' || extversion, ', ' ORDER BY extname) FROM pg_extension WHERE extname IN ('funding', 'regionpolicy')")" \
	   "funding $new, regionpolicy $new" "$old: … both extensions at $new"
	rows "$up" >"$tmp/after"
	is "$(comm -23 "$tmp/before" "$tmp/after" | head -5)$([ "$(wc -l <"$tmp/before")" -gt 150 ] || echo "only $(wc -l <"$tmp/before") rows")" "" \
	   "$old: every row of every table$([ "$old" = 1.3.0 ] && echo " and report") is kept ($(wc -l <"$tmp/before") rows)"
	is "$(q "$up" "SELECT string_agg(\"national\"::text, ',' ORDER BY cluster_id) FROM regionpolicy.differential_funding(2024, 100000000000, 1000000)")" \
	   "${split_before:-(nothing)}" "$old: the computations give the same answers"
	psql -X -q -t -A -v ON_ERROR_STOP=1 -d "$up" -f lib/signature.sql | unescape >"$tmp/up.sig" &&
		[ "$(wc -l <"$tmp/fresh.sig")" -gt 300 ] && diff "$tmp/up.sig" "$tmp/fresh.sig" >"$tmp/diff"
	ok $? "$old: the extensions have exactly the objects and definitions of a fresh $new install"
	[ -s "$tmp/diff" ] && head -20 "$tmp/diff" | sed 's/^/# /'
	every_row "$up" | comm -23 "$tmp/fresh.rows" - >"$tmp/missing"
	is "$(head -5 "$tmp/missing")" "" "$old: every reference row of a fresh install is there, as it is there"
done

# Refused, with what to do: the new funding beside a 1.x type, and an
# update of regionpolicy before funding took the type over.
dropdb --if-exists "$up"; createdb "$up"
q "$up" "CREATE EXTENSION regionpolicy VERSION '1.3.0'" >/dev/null
is "$(psql -X -q -t -A -v VERBOSITY=sqlstate -d "$up" -c "CREATE EXTENSION funding" 2>&1)" "ERROR:  55006" \
   "CREATE EXTENSION funding beside regionpolicy 1.3.0 is refused (55006) …"
psql -X -q -t -A -d "$up" -c "CREATE EXTENSION funding" 2>&1 | grep -q "HINT:  Take it over instead: CREATE EXTENSION funding VERSION '1.3.0' SCHEMA regionpolicy"
ok $? "… saying how to take the type over"
is "$(psql -X -q -t -A -v VERBOSITY=sqlstate -d "$up" -c "ALTER EXTENSION regionpolicy UPDATE" 2>&1)" "ERROR:  42704" \
   "ALTER EXTENSION regionpolicy UPDATE before funding is refused (42704: funding is not installed)"
done_testing
