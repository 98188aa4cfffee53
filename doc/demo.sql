-- make demo: a short tour of regionpolicy in a throwaway cluster.
\pset footer off
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS regionpolicy CASCADE;
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

\echo '== 2. One amount, many spellings: newspapers, contracts, budget books =='
SELECT a AS written, parse_amount(a) AS won
FROM unnest(ARRAY['65.2조', '65조 2000억', '1억 2345만 6789원', '3천5백만원', '2,864억원', '5,000천원',
				  '1천44억', '5천8백22억원', '천 452억원', '일억이천삼백만원', '금 일억이천만원정']) AS a;
SELECT '국비 226억원, 시비 431억원, 구비 83억원'::funding AS "local levels add up",
	   '총 1,812억원(국비 1,306, 지방비 506)'::funding AS "parts take the total's unit";

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
SELECT parse_amount('12억 5천');
SELECT parse_amount('약 1조6000억원');
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
\echo 'Which child, and which figure (reconciliation_detail):'
SELECT child_name_ko, declared, needed, coalesce(likely_slip, '') AS likely_slip FROM reconciliation_detail;

\echo
\echo '== 9. Loading a file, twice, and a pivot (ILLUSTRATIVE allocations: the document gives no per-province split) =='
BEGIN;
INSERT INTO program (id, ministry, fiscal_year, name_ko) VALUES
	(1001, 'MOTIE', 2023, '예시 사업 (illustrative)'), (1002, 'MOTIE', 2024, '예시 사업 (illustrative)');
\echo 'A CSV with names, text amounts and references, loaded through allocation_entry:'
COPY allocation_entry (program, province, fiscal_year, amount, reference) FROM STDIN WITH (FORMAT csv);
예시 사업 (illustrative),부산,2023,"국비 43억원, 시비 21억원",E-2023-26
예시 사업 (illustrative),대구,2023,"국비 46억원, 시비 22억원",E-2023-27
예시 사업 (illustrative),광주,2023,"총 72억원(국비 49, 지방비 23)",E-2023-29
예시 사업 (illustrative),Gyeongnam,2023,국비 52억원 도비 24억원,E-2023-48
예시 사업 (illustrative),제주,2024,"국비 55억원, 도비 25억원",E-2024-50
예시 사업 (illustrative),부산광역시,2024,"국비 45억원, 시비 22억원",E-2024-26
\.
\echo 'The same file again: every line has its reference, so it replaces, never doubles:'
COPY allocation_entry (program, province, fiscal_year, amount, reference) FROM STDIN WITH (FORMAT csv);
예시 사업 (illustrative),부산,2023,"국비 43억원, 시비 21억원",E-2023-26
\.
SELECT count(*) AS allocations, sum(amount) AS total FROM allocation WHERE program_id IN (1001, 1002) AND phase = 'planned';
\echo 'A line without a reference that repeats one already there is refused:'
SAVEPOINT duplicate;
\set ON_ERROR_STOP 0
INSERT INTO allocation_entry (program, province, fiscal_year, amount) VALUES
	('예시 사업 (illustrative)', '울산', 2023, '(1억,1억)'), ('예시 사업 (illustrative)', '울산', 2023, '(1억,1억)');
\set ON_ERROR_STOP 1
ROLLBACK TO SAVEPOINT duplicate;
\echo 'Provinces × years, in the order of Korean statistics (억원):'
SELECT short_ko AS province,
	   sum(total_eok) FILTER (WHERE fiscal_year = 2023) AS "2023",
	   sum(total_eok) FILTER (WHERE fiscal_year = 2024) AS "2024"
FROM region_totals WHERE phase = 'planned' AND province_code IS NOT NULL
GROUP BY short_ko, sort_order ORDER BY sort_order;
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
SELECT d.cluster_id, p.short_ko AS province, d.stage, d.score, d.grade, d.coefficient, d.weight,
	   format_amount(d."national", '억') AS "national", d.compliant
FROM differential_funding(2023, '929억') d JOIN province p ON p.code = d.province_code
ORDER BY d.cluster_id;
SELECT format_amount(sum("national")::bigint, '억') AS "sum (the pool, exactly)" FROM differential_funding(2023, '929억');
ROLLBACK;

\echo
\echo '== 11. Across the 광주 + 전남 merger (2026-07-01; code 12 PROVISIONAL; ILLUSTRATIVE amounts and scores) =='
BEGIN;
INSERT INTO program (ministry, fiscal_year, name_ko) VALUES
	('MOTIE', 2026, '지역혁신협력지구'), ('MOTIE', 2027, '지역혁신협력지구'), ('MOTIE', 2027, '지역혁신협력지구 차등지원');
\echo 'FY2026: codes load as themselves; a name needs the line''s date (as_of):'
INSERT INTO allocation_entry (program, province, fiscal_year, amount, reference, as_of) VALUES
	('지역혁신협력지구', '29', 2026, '국비 61억원, 시비 26억원', 'C-29', NULL),
	('지역혁신협력지구', '46', 2026, '국비 66억원, 도비 28억원', 'C-46', NULL),
	('지역혁신협력지구', '광주', 2026, '국비 1억원', 'C-29-추경', '2026-03-02');
\echo 'FY2027: the merged province by its short name, a line that names its 시·군·구:'
INSERT INTO allocation_entry (program, province, municipality, fiscal_year, amount, reference) VALUES
	('지역혁신협력지구', '전남광주', NULL, 2027, '국비 127억원, 지방비 54억원', 'C-12'),
	('지역혁신협력지구', '광주특별시', '신안군', 2027, '국비 5억원', 'C-12-신안');
\echo 'FY2027 differential funding: both clusters now belong to 12, and the split is recorded:'
INSERT INTO cluster_evaluation (cluster_id, fiscal_year, score) SELECT id, 2027, 55 + (id * 11) % 43 FROM cluster;
SELECT a.reference, a.province_code, format_amount(national_won(a.amount), '억') AS "national"
FROM allocate_differential_funding(
	(SELECT id FROM program WHERE fiscal_year = 2027 AND name_ko = '지역혁신협력지구 차등지원'), 2027, '929억') a
WHERE a.province_code IN ('12', '29', '46') ORDER BY a.reference;
\echo 'The same lines on the 2023 map (merged_after: a line of the merged province, never split by a guess):'
SELECT fiscal_year, province_code, short_ko, total_eok, merged_after FROM region_totals_as_of('2023-01-01')
WHERE fiscal_year >= 2026 AND province_code IN ('12', '29', '46') ORDER BY fiscal_year, province_code;
ROLLBACK;

\echo
\echo '== 12. Grants: awards to companies under the seed''s support terms (ILLUSTRATIVE awards) =='
BEGIN;
\echo 'The sub-programmes'' terms, as the press release gives them (기간, 연 한도, 비중):'
SELECT g.name_ko AS "sub-programme", format_amount(total(g.declared), '억') AS "규모", t.support_years AS "기간",
	   format_amount(t.annual_cap, '억') AS "연 한도", t.grant_share AS "비중", t.selection_mode AS "공모"
FROM support_terms t JOIN program g ON g.id = t.program_id ORDER BY g.id;
\echo 'Three awards: one clean, one over the yearly cap (연 3억 over 연 2억), one over the share (90.9% over 80%):'
INSERT INTO award_entry (program, reference, recipient, business_number, province, first_year, years,
						 grant_amount, private_cash, private_in_kind) VALUES
	('자유공모', 'RS-2023-001', '(주)경남정밀', '220-81-62517', '경남', 2023, 2, '국비 2억원', '3천만원', '2천만원'),
	('자유공모', 'RS-2023-002', '부산기계(주)', '104-81-45521', '부산', 2023, 2, '국비 3억원', '1억원', NULL),
	('지역스타기업 R&D 신규', 'RS-2023-003', '충북바이오(주)', '301-86-08137', '충북', 2023, 2, '국비 2억원', '2천만원', NULL);
SELECT reference, recipient, rule, explanation FROM award_compliance ORDER BY reference;
\echo 'Awarded against budgeted, per sub-programme, province and year (awards are a breakdown, never counted twice):'
SELECT program_name_ko, short_ko, fiscal_year, awards, format_amount(granted_total, '억') AS awarded,
	   in_unit(private_cash + private_in_kind, '억') AS "private share (억)"
FROM award_totals ORDER BY program_id, sort_order;
ROLLBACK;
