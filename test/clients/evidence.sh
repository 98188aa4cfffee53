#!/bin/bash
# A real BI tool: Evidence 39.1.13 (pinned in evidence/package-lock.json;
# 40.x fetches a DuckDB extension from the internet) builds a small dashboard
# of the extension's views, with no SQL of the dashboard's own beyond
# choosing columns: a stacked bar of 국비 and 지방비 per province straight from
# region_totals_long, tables of region_totals and ministry_totals with their
# Korean labels, the cluster stages.  Headless Chromium renders the page
# (playwright-core, Debian's chromium), and evidence/test/verify.mjs checks the
# built data (every number a number and exact, Korean intact, every figure
# equal to the database's) and that the page shows no error block.  Then the
# same with one query broken on purpose, which must be caught.  TAP.
#
# Runs inside pg_virtualenv (make check-clients), which sets PGHOST, PGPORT,
# PGUSER and PGPASSWORD.  npm's cache is kept in /var/cache/regionpolicy/npm
# (EVIDENCE_NPM_CACHE) between runs.
set -u
cd "$(dirname "$0")" || exit 1
. ../lib/tap.sh
needs npm "make check-clients installs it"
needs chromium "make check-clients installs it"
proj=$PWD/evidence
work=$(mktemp -d)
db=regionpolicy_bi
cache=${EVIDENCE_NPM_CACHE:-/var/cache/regionpolicy/npm}
http_port=$((9500 + RANDOM % 400))
http_pid=
cleanup() {
	[ -n "$http_pid" ] && kill "$http_pid" 2>/dev/null
	dropdb --if-exists "$db"
	rm -rf "$work" "$proj/build" "$proj/.evidence/template" "$proj/.evidence/meta"
}
trap cleanup EXIT
psql_() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
n=0
tap() {	# tap <status> <description>: a result of this script, numbered after verify.mjs's
	n=$((n + 1)); if [ "$1" -eq 0 ]; then echo "ok $((100 + n)) - $2"; else echo "not ok $((100 + n)) - $2"; fi
}

dropdb --if-exists "$db"
createdb -E UTF8 -T template0 "$db"
psql_ -d "$db" -c "CREATE EXTENSION regionpolicy CASCADE" -c "ALTER DATABASE $db SET search_path = regionpolicy, \"\$user\", public" >/dev/null
PGDATABASE=$db psql_ -f evidence/load.sql >"$work/load.log" 2>&1
tap $? "the dashboard's data loads through allocation_entry and award_entry"

export SEND_ANONYMOUS_USAGE_STATS=no
export EVIDENCE_SOURCE__regionpolicy__host=${PGHOST:-localhost}
export EVIDENCE_SOURCE__regionpolicy__port=${PGPORT:-5432}
export EVIDENCE_SOURCE__regionpolicy__database=$db
export EVIDENCE_SOURCE__regionpolicy__user=${PGUSER:-postgres}
export EVIDENCE_SOURCE__regionpolicy__password=${PGPASSWORD:-unused}
mkdir -p "$cache"
(cd "$proj" && npm ci --prefer-offline --cache "$cache") >"$work/npm.log" 2>&1
status=$?
[ $status -eq 0 ] || tail -5 "$work/npm.log" | sed 's/^/# /'
tap $status "npm ci: Evidence 39.1.13 and the checker's packages, as package-lock.json pins them"

# The database's own answers: every source query, and the page's.
expected() {
	echo '{"sources": {'
	local first=1 q
	for q in "$proj"/sources/regionpolicy/*.sql; do
		[ $first = 1 ] || echo ','; first=0
		printf '"%s": ' "$(basename "$q" .sql)"
		psql_ -d "$db" -At -c "SELECT coalesce(json_agg(q), '[]') FROM ($(grep -v '^--' "$q")) q"
	done
	# The chart and the headline figures: FY2024's plan, summed from the
	# lines themselves rather than by the page's query over a view, so that
	# a page adding phases or years (load.sql has both) is caught.
	echo '}, "page": {"by_province": '
	psql_ -d "$db" -At -c "SELECT json_agg(q ORDER BY sort_order, part_order) FROM (SELECT p.short_ko AS province, p.sort_order,
		x.part_order, x.kind, sum(x.won) / 100000000 AS eok
		FROM regionpolicy.allocation a JOIN regionpolicy.province p ON p.code = a.province_code
		CROSS JOIN LATERAL (VALUES (1, '국비', regionpolicy.national(a.amount)), (2, '지방비', regionpolicy.local(a.amount)),
										(3, '기타', a.other)) x(part_order, kind, won)
		WHERE a.fiscal_year = 2024 AND a.phase = 'planned' GROUP BY 1, 2, 3, 4) q"
	echo ', "grand": '
	psql_ -d "$db" -At -c "SELECT json_agg(q) FROM (SELECT sum(regionpolicy.total(amount)) AS total_won,
		sum(regionpolicy.total(amount)) / 100000000 AS total_eok, sum(regionpolicy.national(amount)) AS national_won,
		sum(regionpolicy.local(amount)) AS local_won
		FROM regionpolicy.allocation WHERE fiscal_year = 2024 AND phase = 'planned') q"
	echo ', "provinces": '
	psql_ -d "$db" -At -c "SELECT json_agg(to_jsonb(q) - 'sort_order' ORDER BY fiscal_year, sort_order) FROM (SELECT fiscal_year, short_ko, name_ko,
		phase_ko, \"national\", local, total, total_eok, sort_order FROM regionpolicy.region_totals) q"
	echo ', "ministries": '
	psql_ -d "$db" -At -c "SELECT json_agg(q ORDER BY fiscal_year, ministry COLLATE \"C\") FROM (SELECT fiscal_year, ministry, ministry_ko, phase_ko,
		\"national\", local, total, total_eok FROM regionpolicy.ministry_totals) q"
	echo ', "stages": '
	psql_ -d "$db" -At -c "SELECT json_agg(q ORDER BY cluster_id) FROM (SELECT cluster_id, province, fiscal_year, requested_stage,
		self_score, stage, refusal FROM regionpolicy.cluster_stages) q"
	echo '}}'
}
expected >"$work/expected.json"
node -e 'JSON.parse(require("fs").readFileSync(process.argv[1]))' "$work/expected.json"
tap $? "the database's answers, for the checks"

build() {	# build <project dir> <label>: evidence sources and build
	local dir=$1 label=$2 q
	(cd "$dir" && rm -rf build .evidence/template .evidence/meta)
	# each source query in PostgreSQL first: a failing one makes Evidence 39
	# hide the error and never exit
	for q in "$dir"/sources/regionpolicy/*.sql; do
		PGDATABASE=$db psql_ -o /dev/null -f "$q" || return 1
	done
	(cd "$dir" && timeout 300 npm run sources) >"$work/$label-sources.log" 2>&1 || return 1
	! grep -q '✖' "$work/$label-sources.log" || return 1
	(cd "$dir" && timeout 600 npm run build) >"$work/$label-build.log" 2>&1
}
serve_and_check() {	# serve_and_check <project dir> <label>: verify.mjs's TAP on stdout
	local dir=$1 label=$2 rc=0
	/usr/bin/python3 -m http.server "$http_port" --bind 127.0.0.1 --directory "$dir/build" >"$work/$label-http.log" 2>&1 &
	http_pid=$!
	for _ in $(seq 50); do curl -sf "http://127.0.0.1:$http_port/" >/dev/null && break; sleep 0.1; done
	curl -sf "http://127.0.0.1:$http_port/index.html" | cmp -s - "$dir/build/index.html" || { kill "$http_pid"; http_pid=; return 1; }
	(cd "$dir" && node test/verify.mjs "$work/expected.json" "http://127.0.0.1:$http_port/" "$work/$label.png") || rc=$?
	kill "$http_pid"; wait "$http_pid" 2>/dev/null; http_pid=
	return $rc
}

build "$proj" good
status=$?
[ $status -eq 0 ] || tail -8 "$work"/good-*.log | sed 's/^/# /'
tap $status "evidence sources and evidence build of the dashboard"
echo "# the dashboard, rendered and checked:"
serve_and_check "$proj" good

# The check must be able to fail: a page query summing a text column, and
# the chart's query without its year and phase (it adds FY2024's plan, its
# execution and FY2025's plan together).
broken=$work/broken
mkdir -p "$broken/test"
(cd "$proj" && cp -a package.json .npmrc evidence.plugins.yaml sources pages "$broken"/ && cp test/verify.mjs "$broken/test/")
ln -s "$proj/node_modules" "$broken/node_modules"
sed -i -e 's/select sum(total) as total_won/select sum(name_ko) as total_won/' \
	-e '0,/^where fiscal_year = 2024 and phase/{/^where fiscal_year = 2024 and phase/d}' "$broken/pages/index.md"
build "$broken" broken >/dev/null 2>&1
serve_and_check "$broken" broken >"$work/broken.tap" 2>&1
caught=$?
grep -q '^not ok [0-9]* - rendered page has no error block' "$work/broken.tap"
[ $caught -ne 0 ] && [ $? -eq 0 ]
tap $? "a page query that fails (sum of a text column) is caught: an error block, and its data missing"
grep -q '^not ok [0-9]* - page query by_province equals the database' "$work/broken.tap"
tap $? "a chart that adds phases and years together is caught"
