#!/bin/bash
# Database encodings (doc/regionpolicy.md, "Installation"): UTF8 and EUC_KR databases give the
# same values in and out; EUC_KR clients (to EUC_KR) and UHC/CP949 clients
# (to UTF8) go through PostgreSQL's own conversion; any other server
# encoding is refused at CREATE EXTENSION with a message that says why:
# PostgreSQL's own (22P05, naming the encoding) where it converts the UTF-8
# install script and finds Hangul it cannot hold, the script's where it
# does not convert (SQL_ASCII).
cd "$(dirname "$0")" && . lib/tap.sh
plan 12
utf8=rp_enc_utf8_$$
euckr=rp_enc_euckr_$$
latin1=rp_enc_latin1_$$
ascii=rp_enc_ascii_$$
tmp=$(mktemp -d)
trap 'for d in $utf8 $euckr $latin1 $ascii; do dropdb --if-exists $d; done; rm -rf "$tmp"' EXIT
for pair in "$utf8 UTF8" "$euckr EUC_KR" "$latin1 LATIN1" "$ascii SQL_ASCII"; do
	set -- $pair
	createdb -E "$2" -l C -T template0 "$1"
done

psql -X -q -d "$utf8" -c "CREATE EXTENSION regionpolicy CASCADE" >/dev/null 2>&1
ok $? "installs in a UTF8 database"
psql -X -q -d "$euckr" -c "CREATE EXTENSION regionpolicy CASCADE" >/dev/null 2>&1
ok $? "installs in an EUC_KR database"
is "$(PGOPTIONS="-c client_min_messages=warning" psql -X -q -t -A -d "$latin1" -v VERBOSITY=sqlstate -c "CREATE EXTENSION regionpolicy CASCADE" 2>&1)" "ERROR:  22P05" \
	"a LATIN1 database is refused (22P05: the script's Hangul has no LATIN1 form) …"
psql -X -q -t -A -d "$latin1" -c "CREATE EXTENSION regionpolicy CASCADE" 2>&1 | grep -q 'in encoding "UTF8" has no equivalent in encoding "LATIN1"'
ok $? "… with a message that names the encoding"
is "$(PGOPTIONS="-c client_min_messages=warning" psql -X -q -t -A -d "$ascii" -v VERBOSITY=sqlstate -c "CREATE EXTENSION regionpolicy CASCADE" 2>&1)" "ERROR:  0A000" \
	"an SQL_ASCII database (no conversion) is refused (0A000) …"
psql -X -q -t -A -d "$ascii" -c "CREATE EXTENSION regionpolicy CASCADE" 2>&1 | grep -q 'UTF8 or EUC_KR'
ok $? "… with a message that names the encodings it needs"

# The same battery in both databases, through a UTF8 client: values,
# display units, parse errors and the reference data must be identical.
cat >"$tmp/battery.sql" <<'SQL'
\set VERBOSITY default
SET search_path = regionpolicy, public;
SELECT '국비 929억원, 지방비 433억원'::funding, '총 1,812억원(국비 1,306, 지방비 506)'::funding,
       '(259.1억,0)'::funding, '국비 226억원, 시비 431억원, 구비 83억원'::funding;
SELECT '사업비 150억원(국비 70%, 지방비 30%)'::funding, '국비 5억원, 도·군비 각각 3억원'::funding,
       '국비 873억원과 도비 112억원을 포함한 총 985억원'::funding, '국비 791만 9000원, 지방비 1억 472만 9000원'::funding;
SELECT '시·군비 각각 3억원'::funding;
SELECT parse_amount('일억이천삼백만원'), parse_amount('5천8백22억원'), parse_amount('￦1,234,567'),
       parse_amount('약 45조원', approximate => true), parse_amount('금 일억이천만원정');
SELECT format_amount(25910000000, '억'), funding_text('(1억 2345만,2억)', 'korean'), in_unit(25910000000, '억'),
       funding(929, 433, '억'), round('(1234567,7654321)'::funding, '천원');
SET regionpolicy.display_unit = '원';
SELECT '(929억,433억)'::funding;
SET regionpolicy.display_unit = 'korean';
SELECT '(929억 1234만,433억)'::funding;
SET regionpolicy.display_unit = '억';
SELECT '(929억,433억)'::funding;
SELECT parse_amount('12억 5천');
SELECT '국비 50억원, 민자 30억원'::funding;
SELECT md5(convert_to(string_agg(format('%s|%s|%s', code, name_ko, short_ko), ',' ORDER BY code), 'UTF8')) FROM province;
SELECT md5(convert_to(string_agg(t::text, ',' ORDER BY t.id), 'UTF8')) FROM program t;
-- lines by name a line at a time: keyed text and tuples read, a bare
-- number refused, in either encoding
BEGIN;
INSERT INTO program (id, ministry, fiscal_year, name_ko) VALUES (1001, 'MOTIE', 2023, '인코딩 시험 사업');
INSERT INTO allocation_entry (program, province, fiscal_year, amount, reference) VALUES
	('인코딩 시험 사업', '부산', 2023, '국비 5억원, 지방비 2억원', '가-1'), ('인코딩 시험 사업', '경남', 2023, '(1억,2억)', NULL),
	('인코딩 시험 사업', '전라남도', 2023, '총 1,812억원(국비 1,306, 지방비 506)', ' 가-2 ');
SELECT province_code, amount, reference FROM allocation ORDER BY id;
INSERT INTO allocation_entry (program, province, fiscal_year, amount) VALUES ('인코딩 시험 사업', '부산', 2023, ' 1,000 ');
ROLLBACK;
SQL
run() {	# run <db> <client encoding> <file>: output as UTF-8, psql's file prefix cut
	PGCLIENTENCODING=$2 psql -X -q -d "$1" <"$3" 2>&1 | iconv -f "$([ "$2" = UHC ] && echo CP949 || ([ "$2" = EUC_KR ] && echo EUC-KR || echo UTF-8))" -t UTF-8
}
run "$utf8" UTF8 "$tmp/battery.sql" >"$tmp/utf8.out"
run "$euckr" UTF8 "$tmp/battery.sql" >"$tmp/euckr.out"
grep -q '929억' "$tmp/utf8.out" && diff "$tmp/utf8.out" "$tmp/euckr.out" >"$tmp/diff"
ok $? "UTF8 and EUC_KR databases read, print and refuse alike (values, units, errors, reference data)"
[ -s "$tmp/diff" ] && head -20 "$tmp/diff" | sed 's/^/# /'

# An EUC_KR client talking to the EUC_KR database, in its own bytes.
iconv -f UTF-8 -t EUC-KR "$tmp/battery.sql" >"$tmp/battery.euckr.sql"
run "$euckr" EUC_KR "$tmp/battery.euckr.sql" >"$tmp/euckr-client.out"
diff "$tmp/utf8.out" "$tmp/euckr-client.out" >"$tmp/diff"
ok $? "an EUC_KR client to the EUC_KR database gets the same answers"
[ -s "$tmp/diff" ] && head -10 "$tmp/diff" | sed 's/^/# /'

# A UHC (CP949) client, as Korean Windows tools are, to the UTF8 database.
iconv -f UTF-8 -t CP949 "$tmp/battery.sql" >"$tmp/battery.uhc.sql"
run "$utf8" UHC "$tmp/battery.uhc.sql" >"$tmp/uhc-client.out"
diff "$tmp/utf8.out" "$tmp/uhc-client.out" >"$tmp/diff"
ok $? "a UHC (CP949) client to the UTF8 database gets the same answers"
[ -s "$tmp/diff" ] && head -10 "$tmp/diff" | sed 's/^/# /'

# COPY of amounts as text into each database gives the same sums.
printf '국비 %d억원, 지방비 %d억원\n' $(seq 1 2000) >"$tmp/copy.txt"
for db in "$utf8" "$euckr"; do
	PGCLIENTENCODING=UTF8 psql -X -q -d "$db" -c "CREATE TABLE c (f regionpolicy.funding)" -c "\\copy c FROM '$tmp/copy.txt'" >/dev/null
done
is "$(PGCLIENTENCODING=UTF8 psql -X -q -t -A -d "$euckr" -c "SELECT regionpolicy.sum(f)::text FROM c")" \
   "$(PGCLIENTENCODING=UTF8 psql -X -q -t -A -d "$utf8" -c "SELECT regionpolicy.sum(f)::text FROM c")" "COPY of Korean amounts sums alike in both"
is "$(PGCLIENTENCODING=UTF8 psql -X -q -t -A -d "$euckr" -c "SELECT regionpolicy.sum(f)::text FROM c")" \
   "(1000000억,1001000억,2001000억)" "… and right (odd numbers to 1999 national, even to 2000 local)"
# The install script is UTF-8 (encoding = UTF8 in the control file), and
# every character in it has an EUC-KR form, comments included: PostgreSQL
# converts the whole file before running any of it.
script="$(${PG_CONFIG:-pg_config} --sharedir)/extension/regionpolicy--$(sed -n "s/^default_version = '\(.*\)'/\1/p" ../regionpolicy.control).sql"
[ -s "$script" ] && grep -qx 'encoding = UTF8' ../regionpolicy.control && iconv -f UTF-8 -t EUC-KR "$script" >/dev/null
ok $? "the installed script ($script) is UTF-8 that converts to EUC-KR"
done_testing
