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

\echo '== 6. Arithmetic, grouping, ordering, windows: the four MOTIE programmes of 2023 =='
CREATE TEMP TABLE motie_2023 (program text, amount funding);
INSERT INTO motie_2023 VALUES
	('지역혁신협력지구(클러스터)육성', '국비 929억, 지방비 433억'),
	('지역협력혁신성장', '국비 107억, 지방비 459억'),
	('사회적경제혁신성장', '국비 210억, 지방비 210억'),
	('지능형(스마트) 특성화기반구축', '국비 1,607억, 지방비 689억');
SELECT program, amount,
	   round(100 * national_share(amount), 1) AS "national %",
	   sum(amount) OVER (ORDER BY amount DESC) AS running_total
FROM motie_2023 ORDER BY amount DESC;
SELECT sum(amount) AS "sum of the four", '총 4,232억원(국비 2,854억원, 지방비 1,378억원)'::funding AS "as announced",
	   sum(amount) - '(2854억,1378억)' AS difference
FROM motie_2023;
\echo 'The parts do not add up to the announced total; the schema''s reconciliation view reports it.'

\echo '== 7. apportion: 929억 of national funds over 14 clusters, equal weights, in whole 억 (illustrative) =='
WITH split AS (
	SELECT region, apportion(92900000000, 1, 100000000) OVER (ORDER BY region) AS share
	FROM unnest(ARRAY['부산','대구','광주','대전','울산','세종','강원','충북','충남','전북','전남','경북','경남','제주']) AS region
)
SELECT string_agg(region || ' ' || format_amount(share, '억'), ', ' ORDER BY region) AS "each cluster",
	   format_amount(sum(share)::bigint, '억') AS "sum (exactly the pool)"
FROM split;
