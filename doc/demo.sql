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

\echo '== 8. The schema: reference data from the press release =='
WITH RECURSIVE tree AS (
	SELECT id, name_ko, ministry, declared, 0 AS depth, ARRAY[id] AS path FROM program WHERE parent_id IS NULL AND fiscal_year = 2023
	UNION ALL
	SELECT p.id, p.name_ko, p.ministry, p.declared, t.depth + 1, t.path || p.id FROM program p JOIN tree t ON p.parent_id = t.id
)
SELECT id, repeat('  ', depth) || name_ko AS program, ministry, declared FROM tree ORDER BY path;
SELECT program_id, name_ko, declared, computed, difference, agrees FROM reconciliation ORDER BY program_id;
\echo 'Finding: MOTIE''s four 2023 programmes add up to 국비 2,853억 + 지방비 1,791억, not the announced 2,854억 + 1,378억.'

\echo
\echo '== 9. Per-region totals (ILLUSTRATIVE allocations: the document gives no per-province split) =='
BEGIN;
INSERT INTO program (id, ministry, fiscal_year, name_ko) VALUES (1001, 'MOTIE', 2023, '예시 사업 (illustrative)');
INSERT INTO allocation (program_id, province_code, fiscal_year, amount, phase, note)
SELECT 1001, c.province_code, 2023, amount, phase, 'illustrative'
FROM cluster c,
	 LATERAL (VALUES (funding((40 + c.id * 3) * 100000000::bigint, (20 + c.id) * 100000000::bigint), 'planned'),
					 (funding((38 + c.id * 3) * 100000000::bigint, (19 + c.id) * 100000000::bigint), 'executed')) AS v(amount, phase)
WHERE c.id <= 5;
SELECT province_code, name_ko, phase, national, local, total, amount FROM region_totals WHERE fiscal_year = 2023 ORDER BY province_code, phase;
SELECT province_code, province_name, phase, national_eok, local_eok, total_eok FROM allocation_report WHERE program_id = 1001 AND province_code = '26';
ROLLBACK;

\echo
\echo '== 10. Clusters: stages and the differential split of 929억 (ILLUSTRATIVE 2023 evaluation) =='
\echo 'Stage requests as reported in the press for 2023; all self-diagnosis and evaluation scores are invented for the demo.'
BEGIN;
INSERT INTO cluster_diagnosis (cluster_id, fiscal_year, requested_stage, self_score, has_rnd_body, workforce_program)
SELECT c.id, 2023, CASE WHEN p.short_ko IN ('부산', '충북', '충남', '전북', '전남', '경북', '경남') THEN 2 ELSE 1 END,
	   64 + (c.id * 7) % 30, c.id <> 12, c.id <> 6
FROM cluster c JOIN province p ON p.code = c.province_code;
INSERT INTO cluster_evaluation (cluster_id, fiscal_year, score) SELECT id, 2023, 55 + (id * 11) % 43 FROM cluster;
SELECT province, requested_stage AS asked, self_score, has_rnd_body AS rnd_body, stage, coalesce(refusal, '') AS refusal
FROM cluster_stages WHERE fiscal_year = 2023 ORDER BY cluster_id;
SELECT province, fiscal_year, problem FROM cluster_compliance;
SELECT d.cluster_id, p.short_ko AS province, d.stage, d.score, d.grade, d.coefficient, d.weight, format_amount(d."national", '억') AS "national"
FROM differential_funding(2023, 92900000000, 100000000) d JOIN province p ON p.code = d.province_code
ORDER BY d.cluster_id;
SELECT format_amount(sum("national")::bigint, '억') AS "sum (the pool, exactly)" FROM differential_funding(2023, 92900000000, 100000000);
ROLLBACK;
