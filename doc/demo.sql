-- make demo: a short tour of regionpolicy in a throwaway cluster.
\pset footer off
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS regionpolicy;
SET search_path = regionpolicy, public;

\echo
\echo '== 1. Amounts as the 2023 press release writes them =='
SELECT input, input::funding AS funding
FROM (VALUES
	('국비 929억원, 지방비 433억원'),
	('총 4,232억원(국비 2,854억원, 지방비 1,378억원)'),
	('2,864억원(정부 2,049억원, 지방비 815억원)'),
	('총 6,418억원(국비 3,759억원, 지방비 등 2,659억원)'),
	('(259.1억,0)')
) AS press(input);

\echo '== 2. One amount, many spellings =='
SELECT a AS written, parse_amount(a) AS won
FROM unnest(ARRAY['65.2조', '65조 2000억', '1억 2345만 6789원', '3천5백만원', '2,864억원', '5,000천원']) AS a;

\echo '== 3. The display unit (regionpolicy.display_unit) =='
SELECT u AS display_unit, funding_text('(259.1억,0)', u) AS "(259.1억,0)", funding_text('(929억,433억)', u) AS "(929억,433억)"
FROM unnest(ARRAY['억', '원', 'korean']) AS u;
SET regionpolicy.display_unit = 'korean';
SELECT '(1억 2345만 6789원, -3천5백만원)'::funding AS "a correction, shown in korean";
RESET regionpolicy.display_unit;

\echo '== 4. Exact numbers for spreadsheets, and JSON for APIs =='
SELECT total(f) AS total_won, in_unit(total(f), '억') AS total_eok, national_share(f) AS national_share, f::jsonb AS json
FROM (SELECT '국비 929억원, 지방비 433억원'::funding AS f) AS x;

\echo '== 5. Mistakes are refused, with the reason =='
\set ON_ERROR_STOP 0
SELECT '총 4,232억원(국비 2,854억원, 지방비 1,377억원)'::funding;
SELECT '(0.5원,0)'::funding;
\set ON_ERROR_STOP 1
