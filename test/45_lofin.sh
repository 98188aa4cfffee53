#!/bin/bash
# A 지방재정365 (lofin) 세출 export as it comes: 7-digit 자치단체코드, names
# without a space, 본청 lines, an aggregate row, 국비/시도비/시군구비/기타 in
# 천원 with △ for cuts, two fiscal years, programmes nobody created.  The
# documented recipe (doc/regionpolicy.md, "Exports as they come") loads it
# with one call, and every province's totals equal a sum computed here,
# outside the database, from the file itself.
cd "$(dirname "$0")" && . lib/tap.sh
plan 8
db=rp_lofin_$$
trap 'dropdb --if-exists $db' EXIT
createdb "$db"
q() { psql -X -q -t -A -v ON_ERROR_STOP=1 -d "$db" -c "$1"; }
q "CREATE EXTENSION regionpolicy CASCADE" >/dev/null

# The recipe, as the doc gives it (run from test/data).
recipe() {
	(cd data && psql -X -q -t -A -v ON_ERROR_STOP=1 -d "$db" 2>&1 <<SQL
CREATE TEMP TABLE lofin (회계연도 integer, 자치단체코드 text, 자치단체명 text, 세부사업명 text,
                         국비 text, 시도비 text, 시군구비 text, 기타 text, 계 text);
\\copy lofin FROM 'lofin-sechul-2024-2025.csv' WITH (FORMAT csv, HEADER) $1
SELECT * FROM regionpolicy.load_allocations('lofin', unit => '천원', new_programs => true, ministry => '자체사업');
SQL
	)
}
out=$(recipe "")
echo "$out" | grep -q "ERROR:  region '1100000\*' is an aggregate row, not a line (line 5)"
ok $? "without leaving it out, the aggregate row (1100000*, 서울계) is refused, naming its line"
is "$(q "SELECT count(*) FROM regionpolicy.allocation")" "0" "… and nothing is loaded"
checked=$(cd data && psql -X -q -t -A -v ON_ERROR_STOP=1 -d "$db" 2>&1 <<'SQL'
CREATE TEMP TABLE lofin (회계연도 integer, 자치단체코드 text, 자치단체명 text, 세부사업명 text,
                         국비 text, 시도비 text, 시군구비 text, 기타 text, 계 text);
\copy lofin FROM 'lofin-sechul-2024-2025.csv' WITH (FORMAT csv, HEADER)
SELECT line, column_name, value, sqlstate FROM regionpolicy.check_allocations('lofin', unit => '천원', new_programs => true, ministry => '자체사업');
SQL
)
is "$checked" "5|municipality|1100000*|22023" "check_allocations finds that row, and nothing else, in one call"
out=$(recipe "WHERE 자치단체코드 NOT LIKE '%*' AND 자치단체명 NOT LIKE '%계'")
is "$(echo "$out" | grep -v NOTICE)" "108|0" "the recipe loads the 108 lines in one call"

# The same totals from the file, outside the database: per year and
# province (ours: 강원 51, 전북 52, 세종 36, 제주 50), in won.
expected=$(perl -CSD -Mutf8 -ne '
	BEGIN { %code = (서울 => 11, 부산 => 26, 대구 => 27, 광주 => 29, 경기 => 41, 강원 => 51, 전북 => 52,
					 전남 => 46, 경남 => 48, 세종 => 36, 제주 => 50); }
	next if $. == 1;
	chomp; my @f = map { s/^"|"$//gr } split /,(?=(?:[^"]*"[^"]*")*[^"]*$)/, $_, -1;
	next if $f[1] =~ /\*$/ || $f[2] =~ /계$/;
	my $n = sub { my $v = shift; my $neg = $v =~ s/^△\s*//; $v =~ s/,//g; ($v || 0) * ($neg ? -1 : 1) * 1000 };
	my $k = "$f[0] " . $code{substr($f[2], 0, 2)};
	$nat{$k} += $n->($f[4]); $loc{$k} += $n->($f[5]) + $n->($f[6]); $oth{$k} += $n->($f[7]);
	END { print join("\n", map { "$_ $nat{$_} $loc{$_} $oth{$_}" } sort keys %nat), "\n"; }
' data/lofin-sechul-2024-2025.csv)
got=$(q "SELECT fiscal_year || ' ' || province_code || ' ' || \"national\" || ' ' || local || ' ' || other
		  FROM regionpolicy.region_totals ORDER BY 1" | LC_ALL=C sort)
is "$got" "$(echo "$expected" | LC_ALL=C sort)" "every province's 국비, 지방비 (시도비 + 시군구비) and 기타 equal the file's, to the won"
is "$(q "SELECT string_agg(DISTINCT coalesce(municipality_code, '-'), ' ' ORDER BY coalesce(municipality_code, '-'))
		 FROM regionpolicy.allocation WHERE province_code = '11'")" "- 11200 11260 11320 11410" \
   "서울: 본청 lines have no 시·군·구; 1114000 성동구, 1117000 중랑구, 1120000 도봉구, 1123000 서대문구"
is "$(q "SELECT count(*) || ' ' || count(DISTINCT name_ko) || ' ' || count(*) FILTER (WHERE ministry IS NULL) FROM regionpolicy.program WHERE id >= 1000")" \
   "12 6 12" "each programme named was created once a year, as a local programme (자체사업)"
is "$(q "SELECT DISTINCT ministry_ko FROM regionpolicy.ministry_totals")" "자체사업" "… and reported as such"
done_testing
