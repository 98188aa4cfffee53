-- The analyst's day (doc/regionpolicy.md, "Functions" and "The schema"): loading through
-- allocation_entry, the duplicate rule, report-ready views, rounded text,
-- differential funding with compliance, reconciliation detail.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION regionpolicy CASCADE;
SET LOCAL search_path = regionpolicy, public;
SET LOCAL regionpolicy.language = 'en';	-- the explanations checked below are the English ones
SELECT plan(47);

INSERT INTO program (id, ministry, fiscal_year, name_ko) VALUES
	(1000, 'MOTIE', 2024, '지역혁신협력지구 육성'), (1001, 'MSS', 2024, '지역주력산업 R&D'),
	(1002, 'MSS', 2024, '동명사업'), (1003, 'MOTIE', 2024, '동명사업');

-- allocation_entry: names resolved, text amounts and numbers in a unit
SELECT lives_ok($$INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year, amount, reference) VALUES
	('지역혁신협력지구 육성', '경남', 2024, '국비 929억원, 지방비 433억원', 'A-1'),
	('지역혁신협력지구 육성', '부산광역시', 2024, '총 1,812억원(국비 1,306, 지방비 506)', 'A-2'),
	('1001', 'Jeju', 2024, '(1억,2억)', 'B-1')$$, 'INSERT with names, an English name and a program id');
SELECT is((SELECT array_agg(province_code ORDER BY reference) FROM allocation), ARRAY['48', '26', '50'], 'provinces resolved to codes');
SELECT is((SELECT amount FROM allocation WHERE reference = 'A-2'), '(1306억,506억)'::funding, 'parts with no unit take the total''s unit');
SELECT lives_ok($$INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year, "national", local, unit) VALUES
	('지역주력산업 R&D', '48', 2024, '7,979,230', '1,000', '천원')$$, 'numbers with separators in 천원');
SELECT is((SELECT amount FROM allocation WHERE reference IS NULL), funding(7979230000, 1000000), '… read exactly');
SELECT lives_ok($$INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year, phase, amount) VALUES
	('지역혁신협력지구 육성', '', 2024, 'executed', '(5억,0)')$$, 'an empty province is a line of no single province');
SELECT is((SELECT province_code FROM allocation WHERE phase = 'executed'), NULL, '… stored with NULL province');

-- a load run again
SELECT lives_ok($$INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year, amount, reference) VALUES
	('지역혁신협력지구 육성', '경남', 2024, '국비 930억원, 지방비 433억원', 'A-1')$$, 'a line loaded again with its reference');
SELECT is((SELECT count(*) FROM allocation WHERE reference = 'A-1'), 1::bigint, '… replaces, not adds');
SELECT is((SELECT amount FROM allocation WHERE reference = 'A-1'), '(930억,433억)'::funding, '… with the new amount');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year, "national", local, unit) VALUES
	('지역주력산업 R&D', '48', 2024, '7,979,230', '1,000', '천원')$$, '23505', NULL,
	'an identical line without a reference is refused (23505)');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount) VALUES (1001, '48', 2024, funding(7979230000, 1000000))$$,
	'23505', NULL, '… also straight into allocation');
SELECT lives_ok($$INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount, phase) VALUES (1001, '48', 2024, funding(7979230000, 1000000), 'approved')$$,
	'the same amount in another phase is another line');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount, reference) VALUES (1000, '48', 2024, '(1,1)', 'A-1')$$,
	'23505', NULL, 'a reference names one line of a programme, province, year and phase');
SELECT lives_ok($$INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount, reference) VALUES (1001, '48', 2024, '(1,1)', 'A-1')$$,
	'the same reference under another programme is another line');
SELECT is((SELECT sum(amount) FROM allocation WHERE phase = 'planned'),
		  '(930억,433억)'::funding + '(1306억,506억)' + '(1억,2억)' + funding(7979230000, 1000000) + '(1,1)', 'no total doubled, no line overwritten');

-- errors that name the value and the row, in the user's words
SELECT throws_ok($$INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year, amount) VALUES ('없는 사업', '경남', 2024, '(1,1)')$$,
	'23503', 'no program ''없는 사업'' in fiscal year 2024 (row 1: program ''없는 사업'', province ''경남'', fiscal year 2024, reference NULL)',
	'an unknown program is an error naming it (no silent INSERT 0 0)');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year, amount) VALUES ('지역혁신협력지구 육성', '경남', 2025, '(1,1)')$$,
	'23503', NULL, 'a program of another year is not found in this one');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year, amount) VALUES ('동명사업', '경남', 2024, '(1,1)')$$,
	'42P08', NULL, 'a name two programs share is ambiguous');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year, amount) VALUES ('1002', '경기남도', 2024, '(1,1)')$$,
	'22023', NULL, 'an unknown province');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year, amount, "national") VALUES ('1002', '경남', 2024, '(1,1)', '1')$$,
	'22023', NULL, 'amount and national together');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year) VALUES ('1002', '경남', 2024)$$,
	'23502', NULL, 'no amount at all');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year, "national", local, unit) VALUES ('1002', '경남', 2024, '7,97,230', '0', '원')$$,
	'22P02', NULL, 'a malformed number');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year, "national", local, unit) VALUES ('1002', '경남', 2024, '1.5', '0', '원')$$,
	'22P02', NULL, 'a fraction of a won');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount) VALUES (1002, '경남', 2024, '(1,1)')$$,
	'23503', 'insert or update on table "allocation" violates foreign key constraint "allocation_province_in_year"',
	'a name in province_code is no province of that year (province_code() turns names into codes)');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year, amount) VALUES
	('1002', '경남', 2024, '(1,1)'), ('없는 사업', '경남', 2024, '(1,1)')$$, '23503', NULL, 'a load with one bad row …');
SELECT is((SELECT count(*) FROM allocation WHERE program_id = 1002), 0::bigint, '… loads nothing (all or nothing)');

-- report-ready views
SELECT is((SELECT array_agg(short_ko ORDER BY sort_order) FROM province WHERE province_valid_on(province, '2023-02-27')),
		  ARRAY['서울','부산','대구','인천','광주','대전','울산','세종','경기','강원','충북','충남','전북','전남','경북','경남','제주'],
		  'sort_order is the order of Korean statistics');
SELECT is((SELECT array_agg(short_ko) FROM region_totals WHERE phase = 'planned'), ARRAY['부산', '경남', '제주'],
		  'region_totals comes in sort_order (제주 last, not before 강원)');
SELECT is((SELECT total_eok FROM region_totals WHERE province_code = '48' AND phase = 'planned'), 1442.80230002::numeric,
		  'region_totals has exact 억 columns');
SELECT is(in_unit(sum("national"), '억'), 2315.7923 + 1 + 0.00000001, 'in_unit(numeric, unit) for sums of won columns')
FROM allocation_report WHERE phase = 'planned';
SELECT is(in_unit(12345678901234567890::numeric, '2097152') * 2097152, 12345678901234567890::numeric, 'in_unit(numeric) with a 2^21 unit is exact (times the unit gives the amount back)');
SELECT is(funding_text('(160.72842억,25.14128억)', '억', 1), '(160.7억,25.1억,185.9억)', 'funding_text rounds for display');
SELECT is(funding_text('(-0.05억,0.05억)', '억', 1), '(-0.1억,0.1억,0.0억)', '… half away from zero');
SELECT throws_ok($$SELECT regionpolicy.funding_text('(1,1)', 'korean', 1)$$, '22023', NULL, 'korean is not rounded');
SELECT is(funding('7,979,230', '1,000', '천원'), funding(7979230000, 1000000), 'funding(text, text, unit) reads separators');
SELECT is((SELECT array_agg(ministry ORDER BY ministry) FROM ministry_totals WHERE phase = 'planned'), ARRAY['MOTIE', 'MSS'], 'ministry_totals');

-- reconciliation detail, in both ministries' trees
SELECT is((SELECT likely_slip FROM reconciliation_detail WHERE child_id = 22),
		  'local 459억 looks like 45.9억 with a digit too many (the parent needs 46억)',
		  'the document''s 459억 looks like a slip of 45.9억');
SELECT is((SELECT needed FROM reconciliation_detail WHERE child_id = 22), '(108억,46억)'::funding,
		  '… needed: what would make MOTIE''s 2,854억 + 1,378억 agree');
SELECT is((SELECT count(*) FROM reconciliation_detail WHERE likely_slip IS NOT NULL), 1::bigint, 'only that figure looks like a slip');
SELECT is((SELECT format('%s %s %s %s', fiscal_year, ministry, program_id, program_name_ko) FROM reconciliation_detail WHERE child_id = 22),
		  '2023 MOTIE 20 2023년도 지역사업추진계획', 'reconciliation_detail names the programme''s fiscal year, ministry and name beside the child');
SELECT is((SELECT array_agg(program_id ORDER BY program_id) FROM reconciliation WHERE agrees), ARRAY[3, 4, 9],
		  'the MSS tree is reconciled where the document gives parent and children (1,207 = 879 + 328; 879 = 688 + 108 + 83; 323 = 234 + 89)');

-- differential funding: compliance, a text pool, 억 by default
INSERT INTO cluster_diagnosis SELECT id, 2024, 1, 60, false, province_code <> '36' FROM cluster;
INSERT INTO cluster_evaluation SELECT id, 2024, 60 + id FROM cluster;
SELECT is((SELECT sum("national") FROM differential_funding(2024, '929억')), 92900000000::numeric, 'a text pool; the shares add up to it');
SELECT is((SELECT count(*) FROM differential_funding(2024, '929억') WHERE "national" % 100000000 <> 0), 0::bigint,
		  '… in whole 억 by default');
SELECT is((SELECT array_agg(province_code) FROM differential_funding(2024, '929억') WHERE NOT compliant), ARRAY['36'],
		  'the cluster without the workforce programme (세종) is flagged');
INSERT INTO stage2_criteria (valid_from, min_self_score, rnd_body_required, noncompliant_coefficient) VALUES (2024, 70, true, 0);
SELECT is((SELECT "national" FROM differential_funding(2024, '929억') WHERE NOT compliant), 0::bigint,
		  'with a non-compliance coefficient of 0 its share is withheld');
SELECT throws_ok($$UPDATE regionpolicy.grade_scale SET coefficient = 2 WHERE valid_from = 0 AND grade = 'S'$$, '42501',
	'cannot update the shipped default policy in table grade_scale', 'the policy tables speak of years');

SELECT * FROM finish();
ROLLBACK;
