-- Amounts copied verbatim from real Korean documents , each with
-- its source address in test/data/real-amounts.tsv and the value a reader
-- means, worked out by hand.  Every "read" row must give exactly that value,
-- every "refuse" row must be refused (22P02), never read as something else;
-- approximate figures are refused unless approximate => true.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION regionpolicy CASCADE;
SET LOCAL search_path = regionpolicy, public;

CREATE TEMP TABLE corpus (n serial, expect text, kind text, text text, national_won bigint,
						  local_won bigint, total_won bigint, source_url text, note text);
\copy corpus (expect, kind, text, national_won, local_won, total_won, source_url, note) FROM PROGRAM 'grep -v "^#" test/data/real-amounts.tsv' WITH (FORMAT csv, DELIMITER E'\t', HEADER true, QUOTE E'\b')

SELECT plan((SELECT count(*)::int FROM corpus WHERE expect <> 'divergent')
			+ (SELECT count(*)::int FROM corpus WHERE kind = 'approx') + 3);

SELECT cmp_ok((SELECT count(*) FROM corpus), '>=', 100::bigint, 'at least 100 real amounts');
SELECT cmp_ok((SELECT count(*) FROM corpus WHERE expect = 'read'), '>=', 200::bigint, 'at least 200 of them read');
SELECT is((SELECT count(*) FROM corpus WHERE source_url NOT LIKE 'http%'), 0::bigint, 'every amount names its source');

-- Plain amounts: parse_amount
SELECT is(parse_amount(text), total_won, format('reads %s (%s)', text, source_url))
FROM corpus WHERE kind = 'amount' AND expect = 'read' ORDER BY n;
SELECT throws_ok(format('SELECT regionpolicy.parse_amount(%L)', text), '22P02', NULL,
				 format('refuses %s (%s)', text, left(note, 60)))
FROM corpus WHERE kind = 'amount' AND expect = 'refuse' ORDER BY n;

-- National/local splits: the funding type
SELECT is(text::funding, funding(national_won, local_won), format('reads %s (%s)', text, source_url))
FROM corpus WHERE kind LIKE 'keyed%' AND expect = 'read' ORDER BY n;
SELECT throws_ok(format('SELECT %L::regionpolicy.funding', text), '22P02', NULL,
				 format('refuses %s', text))
FROM corpus WHERE kind LIKE 'keyed%' AND expect = 'refuse' ORDER BY n;

-- Approximations: refused as exact figures; read with approximate => true
SELECT throws_ok(format('SELECT regionpolicy.parse_amount(%L)', text), '22P02', NULL,
				 format('refuses the approximate %s', text))
FROM corpus WHERE kind = 'approx' ORDER BY n;
SELECT is(parse_amount(text, approximate => true), total_won, format('reads %s with approximate => true', text))
FROM corpus WHERE expect = 'approximate' ORDER BY n;
SELECT throws_ok(format('SELECT regionpolicy.parse_amount(%L, approximate => true)', text), '22P02', NULL,
				 format('refuses %s even with approximate => true', text))
FROM corpus WHERE kind = 'approx' AND expect = 'refuse' ORDER BY n;

SELECT * FROM finish();
ROLLBACK;
