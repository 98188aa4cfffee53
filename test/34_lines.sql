-- Every won placed once: a reference names one line of one programme,
-- province, year and phase; the duplicate rule; the load summary; the
-- merger all the way through; designations that follow the 시·군·구.
-- (Concurrent loads: test/isolation/specs/allocation_lines.spec.)
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION regionpolicy CASCADE;
SET LOCAL search_path = regionpolicy, public;
SET LOCAL client_min_messages = warning;
SELECT plan(55);

INSERT INTO program (id, ministry, fiscal_year, name_ko) VALUES
	(1000, 'MOTIE', 2027, '지역혁신협력지구'), (1001, 'MSS', 2027, '지역스타기업 R&D'),
	(1002, 'MOTIE', 2026, '지역혁신협력지구'), (1003, 'MSS', 2027, '인구감소지역 사업'),
	(1004, 'MOTIE', 2027, '차등지원');

-- a reference names one line: another programme's or province's is another line
INSERT INTO allocation_entry (program, province, fiscal_year, amount, reference) VALUES
	('지역혁신협력지구', '충남', 2027, '국비 89.3억원', '27-CL-44');
INSERT INTO allocation_entry (program, province, fiscal_year, amount, reference) VALUES
	('지역스타기업 R&D', '충북', 2027, '국비 1억원', '27-CL-44');
SELECT is((SELECT amount FROM allocation WHERE program_id = 1000), '국비 89.3억원'::funding,
		  'the same reference under another programme and province does not overwrite');
SELECT is((SELECT count(*) FROM allocation WHERE reference = '27-CL-44'), 2::bigint, '… it is a line of its own');
SELECT is((SELECT allocation_load_summary()::text), '(1,0)', 'the load summary: 1 inserted, 0 replaced');
INSERT INTO allocation_entry (program, province, fiscal_year, amount, reference) VALUES
	('지역혁신협력지구', '충남', 2027, '국비 90억원', ' 27-CL-44  ');
SELECT is((SELECT amount FROM allocation WHERE program_id = 1000), '국비 90억원'::funding, 'a reference with spaces around it replaces its line');
SELECT is((SELECT count(*) FROM allocation WHERE program_id = 1000), 1::bigint, '… and adds none');
SELECT is((SELECT allocation_load_summary()::text), '(0,1)', 'the load summary: 0 inserted, 1 replaced');
SELECT is((SELECT reference FROM allocation WHERE program_id = 1000), '27-CL-44', 'references are stored trimmed');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount, reference) VALUES (1000, '44', 2027, '(1,0)', 'L-1 ')$$,
	'23514', NULL, 'an untrimmed reference straight into allocation is refused');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount, reference) VALUES (1000, '44', 2027, '(1,0)', 'L  1')$$,
	'23514', NULL, '… and so is one with a run of spaces inside');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount, reference) VALUES (1000, '44', 2027, '(1,0)', '')$$,
	'23514', NULL, '… or one of nothing');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount, reference) VALUES (1000, '44', 2027, '(1,0)', repeat('가', 201))$$,
	'23514', NULL, '… or one of 201 characters');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount, reference) VALUES (1000, '44', 2027, '(1,0)', U&'\1100\1161-1')$$,
	'23514', NULL, '… or one not in Unicode NFC (가 as two jamo)');
SELECT lives_ok($$INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount, reference) VALUES
	(1000, '44', 2027, '(3,0)', repeat('가', 200)), (1000, '44', 2027, '(4,0)', '과제 가-1')$$,
	'a reference of 200 characters, or of Hangul in NFC, is stored as it is');
DELETE FROM allocation WHERE reference IN (repeat('가', 200), '과제 가-1');
SELECT lives_ok($$INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year, amount, reference) VALUES
	('지역혁신협력지구', '부산', 2027, '(1억,0)', 'SEOUL-2027-001')$$, 'a 부산 line may carry a reference that looks like 서울''s …');
SELECT lives_ok($$INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year, amount, reference) VALUES
	('지역혁신협력지구', '서울', 2027, '(2억,0)', 'SEOUL-2027-001')$$, '… and 서울''s own load is not blocked by it');
SELECT is((SELECT string_agg(province_code || '=' || amount::text, ' ' ORDER BY province_code) FROM allocation WHERE reference = 'SEOUL-2027-001'),
		  '11=(2억,0억,2억) 26=(1억,0억,1억)', '… two lines, each in its province');
SELECT is((SELECT allocation_load_summary()::text), '(1,0)', 'one summary per statement');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year, amount, reference) VALUES
	('지역혁신협력지구', '', 2027, '(3억,0)', 'N-1'), ('지역혁신협력지구', NULL, 2027, '(4억,0)', 'N-1')$$,
	'23505', 'lines 1 and 2 of the load are the same line (row 2: program ''지역혁신협력지구'', province NULL, fiscal year 2027, reference ''N-1'')',
	'the same line twice in one statement is refused, naming both rows, never replaced by its twin');
INSERT INTO allocation_entry (program, province, fiscal_year, amount, reference) VALUES ('지역혁신협력지구', '', 2027, '(3억,0)', 'N-1');
INSERT INTO allocation_entry (program, province, fiscal_year, amount, reference) VALUES ('지역혁신협력지구', NULL, 2027, '(4억,0)', 'N-1');
SELECT is((SELECT amount FROM allocation WHERE reference = 'N-1'), '(4억,0)'::funding, 'a line of no single province is replaced by its reference too');
SELECT is((SELECT allocation_load_summary()::text), '(0,1)', '… 0 inserted, 1 replaced by the second statement');

-- an unreferenced line twice: refused, with the hint, both ways in
INSERT INTO allocation_entry (program, province, fiscal_year, amount) VALUES ('지역스타기업 R&D', '경남', 2027, '(1억,1억)');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year, amount) VALUES ('지역스타기업 R&D', '경남', 2027, '(1억,1억)')$$,
	'23505', NULL, 'an identical unreferenced line through allocation_entry');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount) VALUES (1001, '48', 2027, '(1억,1억)')$$,
	'23505', NULL, '… and straight into allocation (a unique index, not a trigger)');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount) VALUES (1001, NULL, 2027, '(1억,1억)'), (1001, NULL, 2027, '(1억,1억)')$$,
	'23505', NULL, 'two identical lines of no single province');
SELECT lives_ok($$INSERT INTO regionpolicy.allocation_entry (program, province, municipality, fiscal_year, amount) VALUES ('지역스타기업 R&D', '경남', '통영시', 2027, '(1억,1억)')$$,
	'the same amount for a named 시·군·구 is another line');
-- a load run with references after one without, or the other way round
SELECT throws_ok($$INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year, amount, reference) VALUES ('지역스타기업 R&D', '경남', 2027, '(1억,1억)', 'G-1')$$,
	'23505', NULL, 'a referenced line identical to one loaded without a reference is refused, not added beside it');
INSERT INTO allocation_entry (program, province, fiscal_year, amount, reference) VALUES ('지역스타기업 R&D', '경남', 2027, '(2억,1억)', 'G-2');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year, amount) VALUES ('지역스타기업 R&D', '경남', 2027, '(2억,1억)')$$,
	'23505', NULL, 'a line without a reference identical to a referenced one is refused');
SELECT lives_ok($$INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year, amount, reference) VALUES ('지역스타기업 R&D', '경남', 2027, '(2억,1억)', 'G-3')$$,
	'two referenced lines of the same amount are two lines (two 과제)');
SELECT is((SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'), 0::bigint, 'a load takes no advisory lock');

-- the merger: codes are never ambiguous, names are read on a date
SELECT lives_ok($$INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year, amount, reference) VALUES
	('지역혁신협력지구', '29', 2026, '국비 61억원, 시비 26억원', 'C-29'), ('지역혁신협력지구', '46', 2026, '국비 66억원, 도비 28억원', 'C-46'),
	('지역혁신협력지구', 'KR-29', 2026, '국비 1억원', 'C-29b')$$, 'FY2026 lines for 29 and 46 load by code');
SELECT lives_ok($$INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year, amount, reference) VALUES ('지역혁신협력지구', '광주광역시', 2026, '국비 1억원', 'C-29c')$$,
	'광주광역시 in FY2026 without a date …');
SELECT is((SELECT province_code FROM allocation WHERE reference = 'C-29c'), '29', '… is 29, whose budget it was');
SELECT is(province_code_in_year('광주', 2026, '2026-03-02'), '29', 'the line''s date decides: 29 before the merger');
SELECT is(province_code_in_year('광주', 2026, '2026-09-01'), '12', '… 12 after it');
SELECT is(province_code_in_year('29', 2027), '12', 'a former code in a later year resolves to its successor');
SELECT is(ARRAY[province_code('전남광주통합특별시', '2026-07-01'), province_code('광주특별시', '2026-07-01'),
				province_code('전남광주', '2027-01-01'), province_code('KR-12', '2027-01-01'), province_code('kr-12', '2027-01-01')],
		  ARRAY['12', '12', '12', '12', '12'], 'the merged province''s name and short forms resolve from 2026-07-01');
SELECT throws_ok($$SELECT regionpolicy.province_code('전남광주', '2026-06-30')$$, '22023', NULL, '… and not before');
SELECT throws_ok($$SELECT regionpolicy.province_code('없는도')$$, '22023', 'unknown province: "없는도"', 'an unknown name');

-- clusters follow their province; differential funding for FY2027
SELECT is(ARRAY[cluster_province(3, 2026), cluster_province(11, 2026), cluster_province(3, 2027), cluster_province(11, 2027)],
		  ARRAY['29', '46', '12', '12'], 'the 광주 and 전남 clusters belong to the merged province from FY2027');
INSERT INTO cluster_evaluation SELECT id, 2027, 60 + id FROM cluster;
SELECT is((SELECT string_agg(province_code, ',' ORDER BY cluster_id) FROM differential_funding(2027, '1000억') WHERE cluster_id IN (3, 11)),
		  '12,12', 'differential_funding(2027) pays both clusters to the merged province');
SELECT is((SELECT count(*) FROM allocate_differential_funding(1004, 2027, '1000억')), 14::bigint,
		  'allocate_differential_funding takes a text pool and records FY2027: one line per cluster');
SELECT is((SELECT sum(amount) FROM allocation WHERE program_id = 1004), '(1000억,0)'::funding, '… adding up to the pool');
SELECT is((SELECT count(*) FROM allocation WHERE program_id = 1004 AND province_code = '12'), 2::bigint, '… two lines for the merged province');
SELECT is((SELECT bool_and(national_won(amount) % 100000000 = 0) FROM allocation WHERE program_id = 1004), true,
		  '… in whole 억 by default, as differential_funding');
SELECT lives_ok($$INSERT INTO regionpolicy.cluster (id, province_code, name_ko, designated_year) VALUES (1001, '12', '전남광주 신규 지구', 2027)$$,
	'an administrator adds a cluster of their own');
SELECT is((SELECT extcondition FROM pg_extension WHERE extname = 'regionpolicy')::text ~ 'WHERE NOT shipped', true,
		  'rows administrators add to reference tables are dumped');

-- designations belong to the 시·군·구, under any of its codes
SELECT is(ARRAY[municipality_designated('51720', '인구감소지역', '2027-01-01'), municipality_designated('52790', '인구감소지역', '2027-01-01'),
				municipality_designated('12870', '인구감소지역', '2027-01-01'), municipality_designated('42720', '인구감소지역', '2022-01-01'),
				municipality_designated('11110', '인구감소지역', '2027-01-01')],
		  ARRAY[true, true, true, true, false], 'designated under 42720/45790/46910, found under 51720/52790/12870');
INSERT INTO allocation_entry (program, province, municipality, fiscal_year, amount, reference) VALUES
	('인구감소지역 사업', '강원', '홍천군', 2027, '국비 30억원', 'P-1'), ('인구감소지역 사업', '전북', '고창군', 2027, '국비 20억원', 'P-2'),
	('인구감소지역 사업', '전남광주', '신안군', 2027, '국비 18억원', 'P-3');
SELECT is((SELECT sum(total(amount)) FROM allocation WHERE program_id = 1003
		   AND municipality_designated(municipality_code, '인구감소지역', make_date(fiscal_year, 1, 1))), 6800000000::numeric,
		  'FY2027 lines under today''s codes count in full (68억, not 37억)');
SELECT is((SELECT count(*) FROM allocation a JOIN municipality_designations d
		   ON d.municipality_code = a.municipality_code AND d.kind = '인구감소지역' WHERE a.program_id = 1003), 3::bigint,
		  'municipality_designations joins on today''s codes');

-- a series on the 2023 map
SELECT is((SELECT total_eok FROM region_totals_as_of('2023-01-01') WHERE fiscal_year = 2027 AND province_code = '46'), 18::numeric,
		  'a FY2027 line that names 신안군 goes back to 전남 on the 2023 map');
SELECT is((SELECT bool_and(merged_after) FROM region_totals_as_of('2023-01-01') WHERE province_code = '12'), true,
		  'the merged province''s other lines stay under it, flagged merged_after');
SELECT is((SELECT sum(total) FROM region_totals_as_of('2023-01-01')), (SELECT sum(total(amount)) FROM allocation),
		  'on the 2023 map nothing is counted twice or lost');
SELECT is((SELECT count(*) FROM region_totals_as_of('2027-01-01') WHERE merged_after), 0::bigint, 'on the 2027 map nothing is flagged');
-- allocation_entry looks a programme and a region up once per statement:
-- the next statement looks again
INSERT INTO program (id, ministry, fiscal_year, name_ko) VALUES (1005, 'MSS', 2027, '이름이 바뀔 사업');
INSERT INTO allocation_entry (program, province, fiscal_year, amount, reference) VALUES
	('이름이 바뀔 사업', '충남', 2027, '국비 1억원', 'RN-1'), ('이름이 바뀔 사업', '충남', 2027, '국비 2억원', 'RN-2');
UPDATE program SET name_ko = '이름이 바뀐 사업' WHERE id = 1005;
SELECT throws_ok($$INSERT INTO allocation_entry (program, province, fiscal_year, amount, reference) VALUES
					('이름이 바뀔 사업', '충남', 2027, '국비 3억원', 'RN-3')$$, '23503', NULL,
				 'a programme renamed after a load is not found under its old name by the next');
INSERT INTO program (id, ministry, fiscal_year, name_ko) VALUES (1006, 'MSS', 2027, '이름이 바뀔 사업');
INSERT INTO allocation_entry (program, province, fiscal_year, amount, reference) VALUES
	('이름이 바뀐 사업', '충남', 2027, '국비 3억원', 'RN-3'), ('이름이 바뀔 사업', '충남', 2027, '국비 4억원', 'RN-4');
SELECT is((SELECT array_agg(program_id ORDER BY reference) FROM allocation WHERE reference LIKE 'RN-%'), ARRAY[1005, 1005, 1005, 1006],
		  '… and a programme of that name created since is');
SELECT is((SELECT array_agg(amount ORDER BY reference) FROM allocation WHERE reference LIKE 'RN-%'),
		  ARRAY['(1억,0)', '(2억,0)', '(3억,0)', '(4억,0)']::funding[], '… each line with its own amount');
SELECT * FROM finish();
ROLLBACK;
