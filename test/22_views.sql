-- Views on user data: region_totals, allocation_report, reconciliation,
-- ministry and super-region roll-ups.  doc/regionpolicy.md, "The schema".
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION regionpolicy CASCADE;
SET LOCAL search_path = regionpolicy, public;
SELECT plan(21);

SELECT columns_are('regionpolicy', 'region_totals',
	ARRAY['fiscal_year', 'province_code', 'name_ko', 'short_ko', 'sort_order', 'phase', 'national', 'local', 'total', 'national_eok', 'local_eok', 'total_eok', 'amount', 'phase_ko', 'other', 'other_eok'], 'region_totals columns');
SELECT columns_are('regionpolicy', 'reconciliation',
	ARRAY['program_id', 'name_ko', 'declared', 'computed', 'difference', 'agrees', 'children', 'undeclared_children',
	'declared_national', 'declared_local', 'declared_total', 'declared_national_eok', 'declared_local_eok', 'declared_total_eok', 'computed_national', 'computed_local', 'computed_total', 'computed_national_eok', 'computed_local_eok', 'computed_total_eok', 'difference_national', 'difference_local', 'difference_total', 'difference_national_eok', 'difference_local_eok', 'difference_total_eok'], 'reconciliation columns');
SELECT is((SELECT count(*) FROM information_schema.columns
		   WHERE table_schema = 'regionpolicy' AND table_name = 'allocation_report'
			 AND data_type NOT IN ('bigint', 'numeric', 'integer', 'text')), 0::bigint,
		  'allocation_report has plain columns only (no funding)');
SELECT is((SELECT array_agg(data_type::text ORDER BY column_name) FROM information_schema.columns
		   WHERE table_schema = 'regionpolicy' AND table_name = 'allocation_report'
			 AND column_name IN ('national', 'local', 'total', 'national_eok', 'local_eok', 'total_eok')),
		  ARRAY['bigint', 'numeric', 'bigint', 'numeric', 'bigint', 'numeric'], 'money as bigint won and numeric 억원');

-- An illustrative data set (not from the document): two programmes, three
-- provinces, two phases, one line of no single province.
INSERT INTO program (id, ministry, fiscal_year, name_ko) VALUES (1001, 'MSS', 2024, '시험 사업 A'), (1002, 'MOTIE', 2024, '시험 사업 B');
INSERT INTO allocation (program_id, province_code, fiscal_year, amount, phase) VALUES
	(1001, '26', 2024, '국비 10억, 지방비 5억', 'planned'),
	(1001, '26', 2024, '국비 2억, 지방비 1억', 'planned'),
	(1002, '26', 2024, '(7억,3억)', 'planned'),
	(1001, '26', 2024, '국비 11억, 지방비 5억', 'executed'),
	(1001, '31', 2024, '(4억,4억)', 'planned'),
	(1002, '48', 2024, '(1억 5000만,2500만)', 'planned'),
	(1002, NULL, 2024, '(3억,0)', 'planned'),
	(1001, '27', 2024, '(-1억,0)', 'adjusted');

SELECT is((SELECT amount FROM region_totals WHERE fiscal_year = 2024 AND province_code = '26' AND phase = 'planned'),
		  '(19억,9억)'::funding, 'region_totals sums a province''s planned lines');
SELECT is((SELECT amount FROM region_totals WHERE fiscal_year = 2024 AND province_code = '26' AND phase = 'executed'),
		  '(11억,5억)'::funding, 'executed is kept apart from planned');
SELECT is((SELECT count(*) FROM region_totals WHERE province_code = '26'), 2::bigint, 'one row per phase, never added together');
SELECT is((SELECT row(national, local, total, name_ko)::text FROM region_totals WHERE province_code = '48'),
		  '(150000000,25000000,175000000,경상남도)', 'plain won columns and the province name');
SELECT is((SELECT amount FROM region_totals WHERE province_code IS NULL), '(3억,0)'::funding, 'lines of no single province are kept in a NULL row');
SELECT is((SELECT sum(amount) FROM region_totals WHERE phase = 'planned'),
		  (SELECT sum(amount) FROM allocation WHERE phase = 'planned'), 'region_totals add up to the allocations');
SELECT is((SELECT amount FROM region_totals WHERE province_code = '27'), '(-1억,0)'::funding, 'an adjustment may be negative');
SELECT is((SELECT count(*) FROM region_totals WHERE province_code = '11'), 0::bigint, 'a province without allocations has no row');

SELECT is((SELECT count(*) FROM allocation_report), (SELECT count(*) FROM allocation), 'allocation_report: one row per allocation');
SELECT is((SELECT row(ministry, program, province_name, national, local, total, national_eok, local_eok, total_eok)::text
		   FROM allocation_report WHERE province_code = '48'),
		  '(MOTIE,"시험 사업 B",경상남도,150000000,25000000,175000000,1.5,0.25,1.75)', 'allocation_report row in won and 억원');
SELECT is((SELECT sum(total) FROM allocation_report), (SELECT total(sum(amount)) FROM allocation)::numeric, 'report totals equal the fact table');

SELECT is((SELECT amount FROM ministry_totals WHERE fiscal_year = 2024 AND ministry = 'MOTIE' AND phase = 'planned'),
		  '(11억 5000만,3억 2500만)'::funding, 'ministry_totals');
SELECT is((SELECT amount FROM superregion_totals WHERE fiscal_year = 2024 AND superregion_id = 1 AND phase = 'planned'),
		  '(24억 5000만,13억 2500만)'::funding, 'superregion_totals for 부산·울산·경남');

-- reconciliation: the published MOTIE disagreement on the real 2023 figures
SELECT is((SELECT row(declared, computed, difference, agrees)::text FROM reconciliation WHERE program_id = 20),
		  '("(2854억,1378억,4232억)","(2853억,1791억,4644억)","(-1억,413억,412억)",f)',
		  'MOTIE 2023: parts add to 2,853억 + 1,791억 against a declared 2,854억 + 1,378억');
SELECT set_eq('SELECT program_id FROM reconciliation WHERE agrees', ARRAY[3, 4, 9], 'the MSS sub-programmes agree');
-- on user data
INSERT INTO program (id, ministry, fiscal_year, name_ko, declared, children_complete) VALUES (1100, 'MSS', 2024, '묶음', '(10억,5억)', true);
INSERT INTO program (id, parent_id, ministry, fiscal_year, name_ko, declared) VALUES
	(1101, 1100, 'MSS', 2024, '가', '(6억,3억)'), (1102, 1100, 'MSS', 2024, '나', '(4억,2억)');
SELECT is((SELECT agrees FROM reconciliation WHERE program_id = 1100), true, 'a user programme whose children add up');
INSERT INTO program (id, parent_id, ministry, fiscal_year, name_ko) VALUES (1103, 1100, 'MSS', 2024, '다');
SELECT is((SELECT row(agrees, undeclared_children)::text FROM reconciliation WHERE program_id = 1100), '(f,1)',
		  'a child without a declared amount: not agreeing, and counted');

SELECT * FROM finish();
ROLLBACK;
