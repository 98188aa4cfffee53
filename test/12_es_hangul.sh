#!/bin/bash
# Differential test against an independent, widely used implementation
# : es-hangul, pinned in test/es-hangul/package-lock.json, writes
# more than 20,000 amounts (log-uniform up to 10^16, edges, whole 만원 and
# 억원) with numberToHangul and numberToHangulMixed, with and without 원 and
# spaces.  parse_amount must read every text back to the value it was
# written from, or refuse it as reading two ways (일억천: 1억 1천원, or
# 1억 1천만 as speech shortens it); a text read as any other number fails.
# amountToHangul drops a myriad unit in some outputs (110000000 → 일억천,
# 8010000011000 → 팔조백일만천): where the text then reads two ways it must
# be refused; where it is a well-formed numeral of another number, it may
# only be read as what it literally says, by an independent reader
# (es-hangul/literal.mjs), never as anything else.  (With 원 appended those
# texts are unambiguous and mean what they say, so they are left out.)
cd "$(dirname "$0")" && . lib/tap.sh
# The version matrix (.ci/check-versions) runs the same C parser on every
# major, and memcheck runs it under valgrind; this test needs npm and many
# calls, and runs once, in make test on the host.
if [ -n "${REGIONPOLICY_NO_NPM:-}" ]; then
	echo "1..0 # SKIP the es-hangul differential test runs in make test on the host only"
	exit 0
fi
needs npm "the es-hangul differential test: make deps installs it"
needs node "the es-hangul differential test: make deps installs it"
plan 6
work=${RP_NPM_DIR:-/var/cache/regionpolicy/es-hangul}
db=rp_eshangul_$$
tmp=$(mktemp -d)
trap 'dropdb --if-exists $db; rm -rf "$tmp"' EXIT

mkdir -p "$work" && cp es-hangul/package.json es-hangul/package-lock.json es-hangul/generate.mjs es-hangul/literal.mjs "$work"/
if ! (cd "$work" && npm ci --silent --no-audit --no-fund >/dev/null 2>&1); then
	sleep 5; (cd "$work" && npm ci --silent --no-audit --no-fund >/dev/null)	# one retry
fi
ok $? "es-hangul $(sed -n 's/.*"es-hangul": "\(.*\)".*/\1/p' es-hangul/package.json) installed from the npm registry (npm ci)"
node "$work/generate.mjs" 1 2>"$tmp/gen.err" | node "$work/literal.mjs" >"$tmp/amounts.tsv"
ok $? "generated $(wc -l <"$tmp/amounts.tsv") texts ($(cat "$tmp/gen.err"))"

createdb "$db"
psql -X -q -v ON_ERROR_STOP=1 -d "$db" >"$tmp/result" 2>&1 <<SQL
CREATE EXTENSION regionpolicy CASCADE;
CREATE TABLE t (value numeric, text text, how text, literal numeric);
\copy t FROM '$tmp/amounts.tsv' WITH (FORMAT csv, DELIMITER E'\t', QUOTE E'\b')
DELETE FROM t WHERE how = 'amountToHangul+원';
CREATE TABLE r AS SELECT t.value, t.text, t.how, x.* FROM t, LATERAL (SELECT NULL::bigint AS got, NULL::text AS err, NULL::numeric AS literal) x WITH NO DATA;
DO \$\$
DECLARE row record; g bigint;
BEGIN
	FOR row IN SELECT * FROM t LOOP
		BEGIN
			g := regionpolicy.parse_amount(row.text);
			INSERT INTO r VALUES (row.value, row.text, row.how, g, NULL, row.literal);
		EXCEPTION WHEN invalid_text_representation THEN
			INSERT INTO r VALUES (row.value, row.text, row.how, NULL, SQLERRM, row.literal);
		END;
	END LOOP;
END
\$\$;
SQL
ok $? "parse_amount ran over every text"
q() { psql -X -q -t -A -d "$db" -c "$1"; }
as_written="how = 'amountToHangul' AND literal IS NOT NULL AND literal <> value AND got = literal"
wrong=$(q "SELECT count(*) FROM r WHERE got IS NOT NULL AND got <> value AND NOT ($as_written)")
is "$wrong" "0" "no text is read as a number other than the one it was written from, or the one it literally says"
[ "$wrong" != 0 ] && q "SELECT value, text, how, got FROM r WHERE got <> value AND NOT ($as_written) LIMIT 20" | sed 's/^/# /'
echo "# es-hangul's own wrong amountToHangul texts: $(q "SELECT count(*) FROM r WHERE how = 'amountToHangul' AND literal <> value") (refused: $(q "SELECT count(*) FROM r WHERE how = 'amountToHangul' AND literal <> value AND got IS NULL"), read as written: $(q "SELECT count(*) FROM r WHERE $as_written"))"
q "SELECT how, count(*) FILTER (WHERE got = value) AS read, count(*) FILTER (WHERE got IS NULL) AS refused FROM r GROUP BY how ORDER BY how" | sed 's/^/# /'
ok $([ "$(q "SELECT count(DISTINCT value) FROM r WHERE got = value")" -ge 20000 ]; echo $?) \
	"at least 20,000 distinct values read back exactly"
# A refusal of numberToHangul's or numberToHangulMixed's text must be the
# two-readings refusal (a last group with 천/백/십 after 억 or more, no 원).
bad=$(psql -X -q -t -A -d "$db" <<'SQL'
CREATE FUNCTION pg_temp.reason(t text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN PERFORM regionpolicy.parse_amount(t); RETURN 'read';
EXCEPTION WHEN others THEN
	DECLARE d text; BEGIN GET STACKED DIAGNOSTICS d = PG_EXCEPTION_DETAIL; RETURN d; END;
END $$;
SELECT count(*) FROM r WHERE got IS NULL AND how NOT LIKE 'amountToHangul%'
   AND pg_temp.reason(text) NOT LIKE '%reads two ways%';
SQL
)
is "$bad" "0" "numberToHangul texts are refused only when they read two ways"
done_testing
