#!/bin/bash
# Messages in the user's language (doc/regionpolicy.md, "Messages"): every
# error, DETAIL, HINT and NOTICE of both extensions follows lc_messages, as
# PostgreSQL's own do, from a gettext catalog per library; the catalogs are
# complete and current; Korean particles after a filled-in word are written
# as the word is read; and it all holds in an EUC_KR database.  The Korean
# texts expected here are written out by hand.
cd "$(dirname "$0")" && . lib/tap.sh
needs msgfmt "the gettext tools, to check the catalogs"
needs xgettext "the gettext tools, to check the catalogs"
if ! locale -a 2>/dev/null | grep -qix 'ko_KR\.utf-\?8'; then
	if [ -n "${REGIONPOLICY_STRICT:-}" ]; then
		echo "1..1"; echo "not ok 1 - the locale ko_KR.UTF-8 is not installed (.ci/deps makes it)"; exit 1
	fi
	echo "1..0 # SKIP the locale ko_KR.UTF-8 is not installed"; exit 0
fi
plan 30
root=..
work=$(mktemp -d)
db=rp_messages_$$
euc=rp_messages_euc_$$
trap 'dropdb --if-exists $db; dropdb --if-exists $euc; rm -rf "$work"' EXIT

# 1-4: the catalogs, complete and current
for d in funding regionpolicy; do
	stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$root/src/$d/po/ko.po" 2>&1)
	echo "$stats" | grep -qv 'fuzzy\|untranslated' && ! echo "$stats" | grep -q 'fuzzy\|untranslated'
	ok $? "the Korean catalog of $d is complete ($stats)"
done
# the messages the sources hold now, extracted as make update-po does
keywords=$(sed -n '/^XGETTEXT_KEYWORDS/,/[^\\]$/p' "$root/Makefile" | sed 's/^XGETTEXT_KEYWORDS = //; s/\\$//' | tr -d '\n\t')
(cd "$root" && xgettext -o "$work/funding.pot" --from-code=UTF-8 --no-wrap --language=C $keywords \
	--flag=T_:1:c-format --flag=_:1:c-format src/funding/*.c src/funding/*.h &&
	xgettext -o "$work/rp-c.pot" --from-code=UTF-8 --no-wrap --language=C -krp_message:1 -kgettext_noop src/regionpolicy/*.c &&
	perl test/lib/sql-messages.pl sql/regionpolicy/*.sql >"$work/rp-sql.pot" &&
	msgcat --use-first -o "$work/regionpolicy.pot" "$work/rp-c.pot" "$work/rp-sql.pot")
for d in funding regionpolicy; do
	missing=$(msgcomm --no-wrap -u "$work/$d.pot" "$root/src/$d/po/ko.po" 2>/dev/null | msgattrib --no-wrap --only-file="$work/$d.pot" 2>/dev/null |
		sed -n 's/^msgid "\(.\+\)"$/\1/p' | head -5)
	[ -z "$missing" ] || echo "# not in the catalog (make update-po): $missing"
	# every message of the sources has its entry in the catalog
	n=$(msgcmp --use-untranslated "$root/src/$d/po/ko.po" "$work/$d.pot" 2>&1 | grep -c 'this message is used but not defined')
	is "$n" "0" "every message of $d's sources is in its catalog"
done

# 5-6: placeholders.  funding's are C formats (msgfmt -c checks them);
# regionpolicy's take %s and %N$s, the same arguments, never mixed.  Neither
# writes a bare particle after a filled-in word (it could not know which).
LC_ALL=C msgfmt -c -o /dev/null "$root/src/funding/po/ko.po"
ok $? "msgfmt -c: funding's Korean formats take the arguments the English ones take"
bad=$(perl -CSD -ne '
	BEGIN { $/ = "" }
	my ($id) = /^msgid "((?:[^"\\]|\\.)*)"$/m or next;
	my ($str) = /^msgstr "((?:[^"\\]|\\.)*)"$/m;
	next if $id eq "";
	my $n = () = $id =~ /(?<!%)%s/g;
	my @plain = $str =~ /(?<!%)%s/g;
	my @pos = $str =~ /(?<!%)%(\d+)\$s/g;
	my %seen = map { $_ => 1 } @pos;
	if ((@plain && @pos) || (@plain && @plain != $n) || (@pos && join(",", sort { $a <=> $b } keys %seen) ne join(",", 1 .. $n))
		|| (!@plain && !@pos && $n)) { print "args: $id\n" }
	print "particle: $id\n" if $str =~ /%(?:\d+\$)?(?:s|lld|llu|d)(?:으로|로|을|를|은|는|이|가|와|과)(?![가-힣])/;
' "$root/src/regionpolicy/po/ko.po" "$root/src/funding/po/ko.po")
is "$bad" "" "regionpolicy's Korean messages take the same arguments; no bare particle after an argument in either catalog"

# A session: lc_messages, then statements; errors as state|message|detail|hint.
createdb "$db"
psql -X -q -d "$db" -c "CREATE EXTENSION regionpolicy CASCADE" >/dev/null 2>&1
createdb -E EUC_KR --locale=C -T template0 "$euc"
psql -X -q -d "$euc" -c "CREATE EXTENSION regionpolicy CASCADE" >/dev/null 2>&1
err() {	# err <db> <lc_messages> <statement>
	PGCLIENTENCODING=UTF8 psql -X -q -t -A -v ON_ERROR_STOP=1 -d "$1" 2>&1 <<SQL
SET lc_messages = '$2';
SET search_path = regionpolicy, public;
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS \$f\$
DECLARE s text; m text; d text; h text;
BEGIN
	EXECUTE q;
	RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS s = RETURNED_SQLSTATE, m = MESSAGE_TEXT, d = PG_EXCEPTION_DETAIL, h = PG_EXCEPTION_HINT;
	RETURN concat_ws('|', s, m, d, h);
END
\$f\$;
SELECT pg_temp.err(\$q\$$3\$q\$);
SQL
}
q() {	# q <db> <lc_messages> <statement>
	PGCLIENTENCODING=UTF8 psql -X -q -t -A -v ON_ERROR_STOP=1 -d "$1" -c "SET lc_messages = '$2'" \
		-c "SET search_path = regionpolicy, public" -c "$3" 2>&1
}

# 7-8: PostgreSQL's own messages follow lc_messages (the ground this stands on)
is "$(err "$db" ko_KR.UTF-8 'SELECT 1/0')" "22012|0으로는 나눌수 없습니다.||" "PostgreSQL's own message in Korean"
is "$(err "$db" C 'SELECT 1/0')" "22012|division by zero||" "… and in English"

# 9-12: the schema's messages (message(), from SQL)
is "$(err "$db" C "SELECT province_code('없는도')")" \
	'22023|unknown province: "없는도"||Give a Korean, short or English name (current or former), a 행정표준코드 (current or former) or an ISO 3166-2 code such as KR-26.' \
	"a refusal of the schema in English under lc_messages C"
is "$(err "$db" ko_KR.UTF-8 "SELECT province_code('없는도')")" \
	'22023|알 수 없는 시·도: "없는도"||한국어 이름, 약칭 또는 영문 이름(현재 또는 이전 이름), 행정표준코드(현재 또는 이전 코드), 또는 KR-26 같은 ISO 3166-2 코드를 지정하십시오.' \
	"… and in Korean under ko_KR.UTF-8, with the same SQLSTATE"
insert="INSERT INTO allocation_entry (program, province, fiscal_year, amount, reference) VALUES ('없는사업', '충남', 2024, '국비 5억원, 지방비 3억원', 'X-1')"
is "$(err "$db" C "$insert")" \
	"23503|no program '없는사업' in fiscal year 2024 (row 1: program '없는사업', province '충남', fiscal year 2024, reference 'X-1')|There are no programs for fiscal year 2024 yet.|Add the program first: INSERT INTO regionpolicy.program (ministry, fiscal_year, name_ko) VALUES (…)." \
	"a load's refusal, with its line, in English"
is "$(err "$db" ko_KR.UTF-8 "$insert")" \
	"23503|2024 회계연도에 '없는사업' 사업이 없음 (1번째 행: 사업 '없는사업', 시·도 '충남', 회계연도 2024, 참조 'X-1')|2024 회계연도의 사업이 아직 없습니다.|먼저 사업을 추가하십시오: INSERT INTO regionpolicy.program (ministry, fiscal_year, name_ko) VALUES (…)." \
	"… and in Korean, the line named in Korean too"

# 13-14: a NOTICE
ins2="INSERT INTO allocation_entry (program, province, fiscal_year, amount, reference) VALUES ('지역특화산업육성', '충남', 2023, '국비 5억원, 지방비 3억원', 'X-2')"
is "$(q "$db" ko_KR.UTF-8 "BEGIN; $ins2; ROLLBACK" | grep allocation_entry:)" "알림:  allocation_entry: 1줄 삽입됨, 0줄 교체됨" "a NOTICE in Korean"
is "$(q "$db" C "BEGIN; $ins2; ROLLBACK" | grep allocation_entry:)" "NOTICE:  allocation_entry: 1 line inserted, 0 replaced" "… and in English"

# 15-23: particles after a filled-in word, as the word is read
is "$(q "$db" C "SELECT with_particles('45.9억(으)로, 459억(으)로, 서울(으)로, 부산(으)로, \"해운대구\"(이)가, 연구(을)를, 사업(과)와')")" \
	"45.9억으로, 459억으로, 서울로, 부산으로, \"해운대구\"가, 연구를, 사업과" "after Hangul: 으로/로 (로 after ㄹ), 이/가, 을/를, 과/와, through a closing quote"
is "$(q "$db" C "SELECT with_particles('1(으)로 2(으)로 3(으)로 6(으)로 7(으)로 8(으)로 9(으)로 0(이)가')")" \
	"1로 2로 3으로 6으로 7로 8로 9로 0이" "after a digit, as the digit is read (일, 이, 삼, 육, 칠, 팔, 구, 영)"
is "$(q "$db" C "SELECT with_particles('10(으)로 200(은)는 1,000(을)를 20000(이)가 300000000(이)가 1000000000000(이)가 45.9(으)로 1.50(으)로')")" \
	"10으로 200은 1,000을 20000이 300000000이 1000000000000가 45.9로 1.50으로" \
	"after a number ending in zeros, as its unit is read (십, 백, 천, 만, 억, 조), and after a decimal, digit by digit"
is "$(q "$db" C "SELECT with_particles('13.1%(이)가 KR-29(으)로 ABC(으)로 (으)로 시작')")" \
	"13.1%가 KR-29로 ABC(으)로 (으)로 시작" "after a per cent sign (퍼센트) and a digit; after a Latin letter, or nothing, both forms stay"
is "$(q "$db" ko_KR.UTF-8 "SELECT message('%s is a local government of province %s.', '해운대구', '26') || ' ' || message('%s is a local government of province %s.', '수원시', '41')")" \
	"해운대구는 시·도 26의 자치단체입니다. 수원시는 시·도 41의 자치단체입니다." "message() writes the catalog's particle as the filled-in word is read"
is "$(q "$db" C "SELECT message('%2\$s, %1\$s, 100%%', 'a', 'b') || ' ' || message('%s and %s', NULL, 1)")" \
	"b, a, 100%  and 1" "message(): %N\$s, %% and a NULL (written as nothing)"
is "$(err "$db" C "SELECT message('%s and %s', 1)")" '22023|message "%s and %s" needs more arguments than it is given||' \
	"a message given too few arguments is an error, never a silent blank"
is "$(q "$db" C "SET regionpolicy.language = 'ko'; SELECT slip_text('local', 45900000000, 4600000000)" | tail -1)" \
	"지방비 459억: 자릿수가 하나 많은 45.9억으로 보임 (상위 사업에 필요한 값 46억)" "an explanation column: 45.9억으로, not 45.9억로"
is "$(q "$db" C "SET regionpolicy.language = 'ko'; SELECT slip_text('local', 4590000000, 46000000000)" | tail -1)" \
	"지방비 45.9억: 자릿수가 하나 빠진 459억으로 보임 (상위 사업에 필요한 값 460억)" "… and 459억으로"

# 24-27: the type's messages (the funding catalog, from C)
bad_total="SELECT '국비 5억원, 지방비 3억원, 총 9억원'::funding"
is "$(err "$db" C "$bad_total")" \
	'22P02|invalid input syntax for type funding: "국비 5억원, 지방비 3억원, 총 9억원"|National 5억 plus local 3억 is 8억, not the total 9억.|' \
	"the type's refusal in English"
is "$(err "$db" ko_KR.UTF-8 "$bad_total")" \
	'22P02|funding 자료형에 대한 잘못된 입력 구문: "국비 5억원, 지방비 3억원, 총 9억원"|국비 5억 더하기 지방비 3억 결과는 8억 값이며, 총액 9억 금액과 다릅니다.|' \
	"… and in Korean, the reader's DETAIL too"
is "$(err "$db" ko_KR.UTF-8 "SELECT parse_amount('5억언')")" \
	'22P02|잘못된 금액: "5억언"|알 수 없는 단위가 있음: "언" 부근.|혹시 "원" 표기를 의도했습니까?' "a reader's refusal with its hint, in Korean"
is "$(err "$db" ko_KR.UTF-8 "SELECT funding(1.5, 0, '원')")" \
	'22P02|국비 금액 1.5 원 값은 원 단위 정수가 아님|이 금액은 1.5원입니다.|' "a refusal of the fmgr layer, in Korean, the component named in Korean"

# 28-30: the same in an EUC_KR database
is "$(err "$euc" ko_KR.UTF-8 "SELECT province_code('없는도')" | cut -d'|' -f1,2)" '22023|알 수 없는 시·도: "없는도"' \
	"EUC_KR: the schema's message in Korean"
is "$(err "$euc" ko_KR.UTF-8 "$bad_total")" \
	'22P02|funding 자료형에 대한 잘못된 입력 구문: "국비 5억원, 지방비 3억원, 총 9억원"|국비 5억 더하기 지방비 3억 결과는 8억 값이며, 총액 9억 금액과 다릅니다.|' \
	"EUC_KR: the type's message in Korean, the reader's DETAIL too"
is "$(q "$euc" ko_KR.UTF-8 "SELECT message('%s is a local government of province %s.', '부산진구', '26')")" \
	"부산진구는 시·도 26의 자치단체입니다." "EUC_KR: particles"
done_testing
