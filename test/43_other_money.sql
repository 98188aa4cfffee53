-- Money that is neither 국비 nor 지방비 (기타: funds, 민자, bonds, the
-- company's share): each line keeps it beside its funding amount, in won,
-- the loaders read it from the columns exports print, and every report
-- shows it in its own column, never inside national, local or total.
-- doc/regionpolicy.md, "Loading" and "Report views".  The expected won
-- are worked out by hand from the numbers and units given.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION regionpolicy CASCADE;
SET LOCAL search_path = regionpolicy, public;
SET LOCAL client_min_messages = warning;
SELECT plan(25);

INSERT INTO program (id, ministry, fiscal_year, name_ko) VALUES
	(1000, 'MOTIE', 2025, '지역혁신클러스터'), (1001, 'MSS', 2025, '지역주력산업 R&D');

-- allocation_entry: a number in the line's unit, or an amount with its own
INSERT INTO allocation_entry (program, province, municipality, fiscal_year, "national", local, other, unit, reference)
VALUES ('지역혁신클러스터', '경남', '창원시', 2025, '7,542,598', '8,259,914', '1,250', '천원', 'E-1');
SELECT is((SELECT format('%s %s %s', "national"(amount), local(amount), other) FROM allocation WHERE reference = 'E-1'),
		  '7542598000 8259914000 1250000', 'allocation_entry reads 기타 in the line''s unit (1,250천원 = 1,250,000원)');
INSERT INTO allocation_entry (program, province, fiscal_year, amount, other, reference)
VALUES ('지역혁신클러스터', '부산', 2025, '국비 10억원', '72억원', 'E-2');
SELECT is((SELECT other FROM allocation WHERE reference = 'E-2'), 7200000000::bigint, '… or an amount with its own unit (72억원)');
SELECT is((SELECT total(amount) FROM allocation WHERE reference = 'E-2'), 1000000000::bigint, '… and never inside the amount');
INSERT INTO allocation_entry (program, province, fiscal_year, amount, reference)
VALUES ('지역혁신클러스터', '울산', 2025, '국비 1억원', 'E-3');
SELECT is((SELECT other FROM allocation WHERE reference = 'E-3'), 0::bigint, 'a line without other money has 0');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year, amount, other)
				   VALUES ('지역혁신클러스터', '울산', 2025, '국비 2억원', '72')$$,
	'22023', NULL, 'a bare number without a unit is refused, never read as won');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year, amount, other)
				   VALUES ('지역혁신클러스터', '울산', 2025, '국비 2억원', 'x72억')$$,
	'22P02', NULL, 'other money the reader refuses is refused');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year, amount, other)
				   VALUES ('지역혁신클러스터', '울산', 2025, '국비 2억원', '-5억원')$$,
	'23514', NULL, 'a planned line''s other money is not negative');
INSERT INTO allocation_entry (program, province, fiscal_year, phase, "national", local, other, unit, reference)
VALUES ('지역혁신클러스터', '울산', 2025, 'adjusted', '△ 1,000', '0', '△ 2,500', '천원', 'E-4');
SELECT is((SELECT format('%s %s', "national"(amount), other) FROM allocation WHERE reference = 'E-4'),
		  '-1000000 -2500000', 'a cut (△ 1,000천원, △ 2,500천원) in an adjustment');
INSERT INTO allocation_entry (program, province, fiscal_year, amount, other, reference)
VALUES ('지역혁신클러스터', '부산', 2025, '국비 10억원', '80억원', 'E-2');
SELECT is((SELECT format('%s %s', count(*), max(other)) FROM allocation WHERE reference = 'E-2'), '1 8000000000',
		  'a line loaded again under its reference replaces its other money');

-- load_allocations: the columns other, 기타, 민자 and 자부담, each in the
-- line's unit, added
CREATE TEMP TABLE lines (LIKE allocation_entry, "기타" text, "민자" bigint, "자부담" numeric);
INSERT INTO lines (program, province, fiscal_year, "national", local, other, "기타", "민자", "자부담", reference) VALUES
	('지역주력산업 R&D', '전북', 2025, '300,000', '100,000', NULL, '12,345', 678, 9, 'L-1'),
	('지역주력산업 R&D', '전남', 2025, '200,000', '50,000', '1', NULL, NULL, NULL, 'L-2'),
	('지역주력산업 R&D', '경북', 2025, '100,000', '0', NULL, NULL, NULL, NULL, 'L-3');
SELECT is((SELECT row(inserted, replaced)::text FROM load_allocations('lines', '천원')), '(3,0)', 'load_allocations loads three lines');
SELECT is((SELECT string_agg(format('%s=%s', reference, other), ' ' ORDER BY reference) FROM allocation WHERE program_id = 1001),
		  'L-1=13032000 L-2=1000 L-3=0', '… adding 기타, 민자 and 자부담 in 천원 (12,345 + 678 + 9 = 13,032천원)');
SELECT is((SELECT sum(total(amount))::bigint FROM allocation WHERE program_id = 1001), 750000000::bigint,
		  '… and the amounts are 국비 and 지방비 only');
UPDATE lines SET "기타" = '99' WHERE reference = 'L-1';
SELECT is((SELECT row(inserted, replaced)::text FROM load_allocations('lines', '천원')), '(0,3)', 'loaded again …');
SELECT is((SELECT other FROM allocation WHERE reference = 'L-1'), 786000::bigint, '… the other money is replaced (99 + 678 + 9 천원)');
UPDATE lines SET "기타" = '12,34' WHERE reference = 'L-1';
SELECT throws_matching($$SELECT * FROM regionpolicy.load_allocations('lines', '천원')$$,
	'^other money ''12,34'': invalid national number: "12,34" \(line [0-9]+: program ''지역주력산업 R&D'', province ''전북'', fiscal year 2025, reference ''L-1''\)$',
	'a bad 기타 cell is refused, naming its line');
SELECT throws_ok($$SELECT * FROM regionpolicy.load_allocations('lines', '천원')$$, '22P02', NULL, '… with SQLSTATE 22P02');
UPDATE lines SET "기타" = '5' WHERE reference = 'L-1';
SELECT throws_ok($$SELECT * FROM regionpolicy.load_allocations('lines')$$, '22023', NULL,
	'numbers of other money without a unit are refused');
-- a staging table of 1.x's shape, without any column of other money
CREATE TEMP TABLE old_lines (program text, province text, fiscal_year integer, phase text, amount text, "national" text,
							 local text, unit text, reference text, note text, municipality text, as_of date);
INSERT INTO old_lines (program, province, fiscal_year, amount, reference) VALUES ('지역주력산업 R&D', '경북', 2025, '국비 3억원', 'L-3');
SELECT is((SELECT row(inserted, replaced)::text FROM load_allocations('old_lines')), '(0,1)', 'a staging table without other money loads …');
SELECT is((SELECT other FROM allocation WHERE reference = 'L-3'), 0::bigint, '… with none');

-- every report shows it in its own column
SELECT is((SELECT format('%s %s %s', total, other, other_eok) FROM region_totals WHERE fiscal_year = 2025 AND province_code = '26'),
		  '1000000000 8000000000 80', 'region_totals: 기타 beside 국비 and 지방비, in won and 억');
SELECT is((SELECT array_agg(format('%s=%s', part_ko, won) ORDER BY part_order) FROM region_totals_long
		   WHERE fiscal_year = 2025 AND province_code = '48'),
		  ARRAY['국비=7542598000', '지방비=8259914000', '기타=1250000'], 'region_totals_long: 기타 is its own part');
SELECT is((SELECT format('%s %s', other, other_eok) FROM allocation_report WHERE reference = 'E-1'), '1250000 0.0125',
		  'allocation_report');
SELECT is((SELECT array_agg(format('%s=%s', ministry, other) ORDER BY ministry) FROM ministry_totals WHERE fiscal_year = 2025 AND phase = 'planned'),
		  ARRAY['MOTIE=8001250000', 'MSS=787000'], 'ministry_totals');
SELECT is((SELECT other FROM municipality_totals WHERE fiscal_year = 2025 AND municipality_code = '48120'), 1250000::bigint,
		  'municipality_totals');
SELECT is((SELECT sum(other)::bigint FROM superregion_totals WHERE fiscal_year = 2025 AND phase = 'planned'),
		  (SELECT sum(a.other)::bigint FROM allocation a JOIN superregion_member m ON m.province_code = a.province_code
		   WHERE a.fiscal_year = 2025 AND a.phase = 'planned'),
		  'superregion_totals');
SELECT * FROM finish();
ROLLBACK;
