#!/bin/bash
# ALTER EXTENSION regionpolicy UPDATE from the previous version keeps every
# row, and leaves exactly what a fresh install of the new version creates.
cd "$(dirname "$0")" && . lib/tap.sh
plan 6
# The oldest version the installed upgrade scripts start from.
ext="$(${PG_CONFIG:-pg_config} --sharedir)/extension"
old=$(ls "$ext"/regionpolicy--*--*.sql 2>/dev/null | sed -n 's/.*regionpolicy--\([^-]*\)--.*/\1/p' | sort -V | head -1)
new=$(sed -n "s/^default_version = '\(.*\)'/\1/p" ../regionpolicy.control)
up=rp_upgrade_$$
fresh=rp_fresh_$$
trap 'dropdb --if-exists $up; dropdb --if-exists $fresh' EXIT
q() { psql -X -q -t -A -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }
columns=	# each table's columns in the old version: later versions may add some
rows() {	# every row of every table of the old version, in its columns, one per line
	for e in $columns; do
		t=${e%%=*}
		[ "$t" = province_steward ] && continue
		cols=$(echo "${e#*=}" | sed 's/\([^,]*\)/"\1"/g')
		q "$1" "SELECT '$t:' || r::text FROM (SELECT $cols FROM regionpolicy.$t) r"
	done | LC_ALL=C sort
}
# Definitions compared as the server reads them: a U&'\D589' literal (the
# ASCII install script of 1.2.0 on) is the same string as '행'.
unescape() { perl -CSD -pe "s/U&'((?:[^']|'')*)'/my \$b = \$1; \$b =~ s{\\\\([0-9A-F]{4})}{chr(hex(\$1))}ge; \$b =~ s{\\\\\\\\}{\\\\}g; \"'\$b'\"/ge"; }

createdb "$up"
q "$up" "CREATE EXTENSION regionpolicy VERSION '$old'" >/dev/null
is "$(q "$up" "SELECT extversion FROM pg_extension WHERE extname = 'regionpolicy'")" "$old" "version $old installs"
q "$up" "
SET search_path = regionpolicy;
INSERT INTO program (ministry, fiscal_year, name_ko, declared) VALUES ('MOTIE', 2024, '사용자 사업', '(10억,5억)');
INSERT INTO allocation (program_id, province_code, fiscal_year, amount) SELECT 1000, province_code, 2024, funding(id * 100000000::bigint, id) FROM cluster;
INSERT INTO cluster_diagnosis SELECT id, 2024, 2, 75, true, id <> 3 FROM cluster;
INSERT INTO cluster_evaluation SELECT id, 2024, 40 + id * 4 FROM cluster;
INSERT INTO grade_scale VALUES (2024, 'A', 60, 1.3), (2024, 'B', 0, 1.0);
" >/dev/null
columns=$(q "$up" "SELECT string_agg(format('%s=%s', c.relname, (SELECT string_agg(a.attname, ',' ORDER BY a.attnum) FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped)), ' ')
	FROM pg_class c WHERE c.relnamespace = 'regionpolicy'::regnamespace AND c.relkind = 'r'")
rows "$up" >/tmp/rp_upgrade_rows_before_$$
before=$(wc -l </tmp/rp_upgrade_rows_before_$$)
[ "$before" -gt 100 ] || echo "# only $before rows seen: the old version did not install"
split_before=$(q "$up" "SELECT string_agg(\"national\"::text, ',' ORDER BY cluster_id) FROM regionpolicy.differential_funding(2024, 100000000000, 1000000)")
[ -n "$split_before" ] || split_before="(nothing)"

q "$up" "ALTER EXTENSION regionpolicy UPDATE" >/dev/null
ok $? "ALTER EXTENSION regionpolicy UPDATE ($old → $new)"
is "$(q "$up" "SELECT extversion FROM pg_extension WHERE extname = 'regionpolicy'")" "$new" "now at $new"
rows "$up" >/tmp/rp_upgrade_rows_after_$$
is "$(comm -23 /tmp/rp_upgrade_rows_before_$$ /tmp/rp_upgrade_rows_after_$$ | head -5)$([ "$before" -gt 100 ] || echo none)" "" \
   "every row of every table is kept ($before rows; reference data may gain rows)"
rm -f /tmp/rp_upgrade_rows_before_$$ /tmp/rp_upgrade_rows_after_$$
is "$(q "$up" "SELECT string_agg(\"national\"::text, ',' ORDER BY cluster_id) FROM regionpolicy.differential_funding(2024, 100000000000, 1000000)")" \
   "$split_before" "the computations give the same answers"

createdb "$fresh"
q "$fresh" "CREATE EXTENSION regionpolicy" >/dev/null
psql -X -q -t -A -v ON_ERROR_STOP=1 -d "$up" -f lib/signature.sql | unescape >/tmp/rp_upgrade_up_$$ &&
	psql -X -q -t -A -v ON_ERROR_STOP=1 -d "$fresh" -f lib/signature.sql | unescape >/tmp/rp_upgrade_fresh_$$ &&
	[ "$(wc -l </tmp/rp_upgrade_fresh_$$)" -gt 300 ] &&
	diff /tmp/rp_upgrade_up_$$ /tmp/rp_upgrade_fresh_$$ >/tmp/rp_upgrade_diff_$$
ok $? "the updated extension has exactly the objects and definitions of a fresh $new install"
[ -s /tmp/rp_upgrade_diff_$$ ] && head -40 /tmp/rp_upgrade_diff_$$ | sed 's/^/# /'
rm -f /tmp/rp_upgrade_diff_$$ /tmp/rp_upgrade_up_$$ /tmp/rp_upgrade_fresh_$$
done_testing
