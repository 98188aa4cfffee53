-- Loads at scale: load_allocations reads a table of lines as allocation_entry
-- reads rows, with the same results and refusals; the years of provinces
-- and 시·군·구 that allocation's keys check; line_hash.
-- doc/regionpolicy.md, "Loading, reports and regions over time".
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION regionpolicy CASCADE;
SET LOCAL search_path = regionpolicy, public;
SET LOCAL client_min_messages = warning;
SELECT plan(54);

INSERT INTO program (id, ministry, fiscal_year, name_ko) VALUES
	(1000, 'MOTIE', 2024, '지역혁신협력지구'), (1001, 'MSS', 2024, '지역스타기업 R&D'), (1002, 'MOTIE', 2027, '지역혁신협력지구');

-- A line with a reference looks for an identical line without one only
-- where there are such lines: with none in allocation, one look a
-- statement and province at the first entry of
-- allocation_unreferenced_line_key, not a probe a line; a line without a
-- reference that the statement wrote before is one.
CREATE TEMP TABLE probes AS SELECT pg_stat_get_xact_numscans('allocation_unreferenced_line_key'::regclass) AS n;
INSERT INTO allocation_entry (program, province, fiscal_year, amount, reference)
SELECT '지역혁신협력지구', CASE WHEN i % 2 = 0 THEN '부산' ELSE '경남' END, 2024, format('(%s,0)', i), 'P-' || i
FROM generate_series(1, 40) AS i;
SELECT is((SELECT pg_stat_get_xact_numscans('allocation_unreferenced_line_key'::regclass) - n FROM probes), 2::bigint,
		  '40 lines with references, of two provinces, where no line lacks one: two looks, not a probe a line');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year, amount, reference)
				  VALUES ('지역혁신협력지구', '부산', 2024, '(501,0)', 'P-501'), ('지역혁신협력지구', '부산', 2024, '(500,0)', NULL),
						 ('지역혁신협력지구', '부산', 2024, '(500,0)', 'P-500')$$,
	'23505', NULL, 'a line with a reference identical to one without that the same statement wrote before is refused, after a line that found none');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year, amount, reference)
				  VALUES ('지역혁신협력지구', '경남', 2024, '(1,0)', NULL)$$,
	'23505', NULL, '… and so is a line without a reference identical to one with');
DELETE FROM allocation;

-- the years allocation's keys check
SELECT is((SELECT array_agg(fiscal_year ORDER BY fiscal_year) FROM province_year WHERE province_code = '29' AND fiscal_year BETWEEN 2025 AND 2028),
		  ARRAY[2025, 2026], '광주 (29) exists until 2026, the year it merged');
SELECT is((SELECT min(fiscal_year) FROM province_year WHERE province_code = '12'), 2026, '… and the merged province (12) from 2026');
SELECT is((SELECT province_code FROM municipality_year WHERE municipality_code = '47720' AND fiscal_year = 2023), '47',
		  '군위군 (47720) is in 경북 in 2023 …');
SELECT is((SELECT count(*) FROM municipality_year WHERE municipality_code = '47720' AND fiscal_year = 2024), 0::bigint,
		  '… and no longer in 2024 (it became 대구 27720)');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount, municipality_code) VALUES (1000, NULL, 2024, '(1,0)', '26110')$$,
	'23514', NULL, 'a 시·군·구 is given with its province');
SELECT lives_ok($$INSERT INTO regionpolicy.province (code, name_ko, short_ko, capital_area, sort_order, valid_from)
				  VALUES ('99', '시험도', '시험', false, 99, '2030-03-01')$$, 'an administrator adds a province …');
SELECT is((SELECT min(fiscal_year) FROM province_year WHERE province_code = '99'), 2030, '… and its years follow');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount) VALUES (1000, '99', 2024, '(1,0)')$$,
	'23503', NULL, '… so a line of it before it exists is refused');
INSERT INTO program (id, ministry, fiscal_year, name_ko) VALUES (1003, 'MOTIE', 2031, '시험 사업');
INSERT INTO allocation (program_id, province_code, fiscal_year, amount) VALUES (1003, '99', 2031, '(1억,0)');
SELECT throws_ok($$UPDATE regionpolicy.province SET valid_from = '2035-01-01' WHERE code = '99'$$, '23503', NULL,
	'a change of validity that would strand an allocation is refused by its key');

SELECT is((SELECT string_agg(DISTINCT privilege_type, ',') FROM information_schema.role_table_grants
		   WHERE table_schema = 'regionpolicy' AND table_name IN ('province_year', 'municipality_year') AND grantee = 'PUBLIC'),
		  'SELECT', 'the years are derived: everyone may read them, no one but the extension writes them');

-- load_allocations: the lines of a table, as allocation_entry reads them
CREATE TEMP TABLE lines (LIKE allocation_entry);
INSERT INTO lines (program, province, fiscal_year, amount, reference) VALUES
	('지역혁신협력지구', '경남', 2024, '국비 100억원, 지방비 50억원', 'L-1'),
	('지역혁신협력지구', 'Busan', 2024, '(20억,10억)', 'L-2'),
	('지역스타기업 R&D', '48', 2024, '국비 2억원', ' L-1 ');
INSERT INTO lines (program, province, municipality, fiscal_year, "national", local, unit) VALUES
	('1001', '부산', '중구', 2024, '1,500', '300', '백만원');
SELECT is((SELECT row(inserted, replaced)::text FROM load_allocations('lines')), '(4,0)', 'four lines inserted');
SELECT is((SELECT string_agg(format('%s/%s/%s/%s', program_id, province_code, coalesce(reference, '-'), amount::text), ' ' ORDER BY id) FROM allocation WHERE fiscal_year = 2024),
		  '1000/48/L-1/(100억,50억,150억) 1000/26/L-2/(20억,10억,30억) 1001/48/L-1/(2억,0억,2억) 1001/26/-/(15억,3억,18억)',
		  'names and codes resolved, references trimmed, numbers read in their unit, 중구 found in 부산');
SELECT is((SELECT municipality_code FROM allocation WHERE program_id = 1001 AND reference IS NULL), '26110', '부산 중구 is 26110');
UPDATE lines SET amount = '(101억,50억)' WHERE reference = 'L-1' AND program = '지역혁신협력지구';
DELETE FROM lines WHERE reference IS NULL;
SELECT is((SELECT row(inserted, replaced)::text FROM load_allocations('lines')), '(0,3)', 'run again with references: three lines replaced …');
SELECT is((SELECT amount FROM allocation WHERE program_id = 1000 AND reference = 'L-1'), '(101억,50억)'::funding, '… with their new amounts');
SELECT is((SELECT count(*) FROM allocation WHERE fiscal_year = 2024), 4::bigint, '… and nothing doubled');

-- the same refusals as allocation_entry, all or nothing
TRUNCATE lines;
INSERT INTO lines (program, province, fiscal_year, amount) VALUES ('1001', '부산', 2024, '(15억,3억)');
INSERT INTO lines (program, province, municipality, fiscal_year, amount) VALUES ('1001', '부산', '중구', 2024, '(15억,3억)');
SET LOCAL enable_hashjoin = on;
SET LOCAL enable_mergejoin = on;
SET LOCAL jit = on;
SELECT throws_ok($$SELECT * FROM regionpolicy.load_allocations('lines')$$, '23505', NULL,
	'an unreferenced line already loaded is refused (a reload without references would double it)');
SELECT is(ARRAY[current_setting('enable_hashjoin'), current_setting('enable_mergejoin'), current_setting('jit')], ARRAY['on', 'on', 'on'],
		  '… and the planner settings the look-up for such a line sets for itself are the session''s again');
SELECT is((SELECT count(*) FROM allocation WHERE fiscal_year = 2024), 4::bigint, '… and the load adds nothing');
TRUNCATE lines;
INSERT INTO lines (program, province, fiscal_year, amount, reference) VALUES
	('지역혁신협력지구', '경남', 2024, '(1,0)', 'X-1'), ('지역혁신협력지구', '경상남도', 2024, '(2,0)', 'X-1 ');
SELECT throws_ok($$SELECT * FROM regionpolicy.load_allocations('lines')$$, '23505', 'lines 1 and 2 of the load are the same line (line 1: program ''지역혁신협력지구'', province ''경남'', fiscal year 2024, reference ''X-1'')',
	'the same line twice in one load is refused, naming both');
-- the first such pair in the file, by its first line, then the next line
-- of the same pair: not an earlier line of another group, not its third
TRUNCATE lines;
INSERT INTO lines (program, province, municipality, fiscal_year, amount, reference) VALUES
	('지역혁신협력지구', '경남', NULL, 2024, '(1,0)', NULL), ('지역혁신협력지구', '경남', NULL, 2024, '(2,0)', NULL),
	('지역혁신협력지구', '부산', NULL, 2024, '(3,0)', 'D-3'), ('지역혁신협력지구', '경남', '창원시', 2024, '(1,0)', NULL),
	('지역혁신협력지구', '울산', NULL, 2024, '(5,0)', 'D-5'), ('지역혁신협력지구', '울산', NULL, 2024, '(6,0)', 'D-5'),
	('지역혁신협력지구', '부산', NULL, 2024, '(7,0)', 'D-3'), ('지역혁신협력지구', '부산', NULL, 2024, '(8,0)', 'D-3'),
	('지역혁신협력지구', '경남', NULL, 2024, '(2,0)', NULL);
SELECT throws_ok($$SELECT * FROM regionpolicy.load_allocations('lines')$$, '23505', 'lines 2 and 9 of the load are the same line (line 2: program ''지역혁신협력지구'', province ''경남'', fiscal year 2024, reference NULL)',
	'of several such pairs the one whose first line comes first is named, with its own second line (amounts told apart without a reference, 시·군·구 always)');
DELETE FROM lines WHERE ctid = (SELECT max(ctid) FROM lines);
SELECT throws_ok($$SELECT * FROM regionpolicy.load_allocations('lines')$$, '23505', 'lines 3 and 7 of the load are the same line (line 3: program ''지역혁신협력지구'', province ''부산'', fiscal year 2024, reference ''D-3'')',
	'… a reference given three times names its first two lines');
-- a pair with references is found by the upsert's key, a pair without by a
-- count: whichever comes first in the file is named, and nothing is loaded
TRUNCATE lines;
INSERT INTO lines (program, province, fiscal_year, amount, reference) VALUES
	('지역혁신협력지구', '부산', 2024, '(1,0)', 'E-1'), ('지역혁신협력지구', '경남', 2024, '(4,0)', NULL),
	('지역혁신협력지구', '경남', 2024, '(4,0)', NULL), ('지역혁신협력지구', '부산', 2024, '(2,0)', 'E-1');
SELECT throws_ok($$SELECT * FROM regionpolicy.load_allocations('lines')$$, '23505', 'lines 1 and 4 of the load are the same line (line 1: program ''지역혁신협력지구'', province ''부산'', fiscal year 2024, reference ''E-1'')',
	'a referenced pair before an unreferenced one is the one named');
SELECT is((SELECT count(*) FROM allocation WHERE reference = 'E-1' OR amount = '(4,0)'), 0::bigint, '… and no line of the load is written');
-- the pair's reference already loaded: its first line would replace the
-- line there, its second replace it again
INSERT INTO allocation_entry (program, province, fiscal_year, amount, reference) VALUES ('지역혁신협력지구', '부산', 2024, '(9,0)', 'E-1');
DELETE FROM lines WHERE amount = '(4,0)';
SELECT throws_ok($$SELECT * FROM regionpolicy.load_allocations('lines')$$, '23505', 'lines 1 and 2 of the load are the same line (line 1: program ''지역혁신협력지구'', province ''부산'', fiscal year 2024, reference ''E-1'')',
	'a referenced pair whose line is already there is refused, not replaced twice');
SELECT is((SELECT amount FROM allocation WHERE reference = 'E-1'), '(9,0)'::funding, '… and the line there keeps its amount');
-- lines of no single province have a key of their own
TRUNCATE lines;
INSERT INTO lines (program, province, fiscal_year, amount, reference) VALUES
	('지역혁신협력지구', NULL, 2024, '(1,0)', 'E-2'), ('지역혁신협력지구', '부산', 2024, '(1,0)', 'E-2'),
	('지역혁신협력지구', NULL, 2024, '(2,0)', 'E-2');
SELECT throws_ok($$SELECT * FROM regionpolicy.load_allocations('lines')$$, '23505', 'lines 1 and 3 of the load are the same line (line 1: program ''지역혁신협력지구'', province NULL, fiscal year 2024, reference ''E-2'')',
	'… and a pair of them is named too');
DELETE FROM lines WHERE amount = '(2,0)';
SELECT is((SELECT row(inserted, replaced)::text FROM regionpolicy.load_allocations('lines')), '(2,0)',
		  'one reference for no single province and for a province is two lines');
SELECT is(ARRAY[current_setting('enable_hashjoin'), current_setting('enable_mergejoin'), current_setting('jit')], ARRAY['on', 'on', 'on'],
		  '… and after a load that wrote its lines too');
-- a line without a reference beside an identical one with a reference, in
-- the same load: no key sees the pair, and loading both would double the
-- total (allocation_entry refuses it too)
TRUNCATE lines;
INSERT INTO lines (program, province, fiscal_year, amount, reference) VALUES
	('지역혁신협력지구', '부산', 2024, '(13,0)', 'E-3'), ('지역혁신협력지구', '부산광역시', 2024, '국비 13원', NULL);
SELECT throws_ok($$SELECT * FROM regionpolicy.load_allocations('lines')$$, '23505', 'lines 1 and 2 of the load are the same line (line 1: program ''지역혁신협력지구'', province ''부산'', fiscal year 2024, reference ''E-3'')',
	'a line without a reference identical to one with a reference in the same load is refused, naming both');
UPDATE lines SET reference = CASE WHEN reference IS NULL THEN 'E-3' END;
SELECT throws_ok($$SELECT * FROM regionpolicy.load_allocations('lines')$$, '23505', 'lines 1 and 2 of the load are the same line (line 1: program ''지역혁신협력지구'', province ''부산'', fiscal year 2024, reference NULL)',
	'… the other way round too');
SELECT is((SELECT count(*) FROM allocation WHERE amount = '(13,0)'), 0::bigint, '… and neither is written');
-- (check_allocations compares the names as written, the amounts as read)
UPDATE lines SET province = '부산';
SELECT is((SELECT array_agg(c.line::text || ' ' || c.sqlstate || ' ' || c.message) FROM check_allocations('lines') c),
		  ARRAY['2 23505 lines 1 and 2 of the load are the same line'], '… and check_allocations lists the pair');
INSERT INTO lines (program, province, fiscal_year, amount, reference) VALUES ('지역혁신협력지구', '울산', 2024, '(13,0)', NULL);
DELETE FROM lines WHERE province = '부산' AND reference IS NULL;
SELECT is((SELECT row(inserted, replaced)::text FROM regionpolicy.load_allocations('lines')), '(2,0)',
		  'the same amount without a reference in another province is another line');
DELETE FROM allocation WHERE amount = '(13,0)';
-- a plan below zero, or a phase not known, names its line, whatever else
-- the load has (here a line given twice after it)
TRUNCATE lines;
INSERT INTO lines (program, province, fiscal_year, amount, reference) VALUES
	('지역혁신협력지구', '부산', 2024, '(7,0)', 'E-4'), ('지역혁신협력지구', '부산', 2024, '(-1,0)', 'E-5'),
	('지역혁신협력지구', '경남', 2024, '(1,0)', NULL), ('지역혁신협력지구', '경남', 2024, '(1,0)', NULL);
SELECT throws_ok($$SELECT * FROM regionpolicy.load_allocations('lines')$$, '23514', 'a planned amount is not negative (line 2)',
	'a planned amount below zero is refused naming its line');
TRUNCATE lines;
INSERT INTO lines (program, province, fiscal_year, phase, amount, reference) VALUES
	('지역혁신협력지구', '부산', 2024, 'planned', '(7,0)', 'E-4'), ('지역혁신협력지구', '부산', 2024, 'plan', '(1,0)', 'E-5'),
	('지역혁신협력지구', '경남', 2024, 'planned', '(1,0)', NULL), ('지역혁신협력지구', '경남', 2024, 'planned', '(1,0)', NULL);
SELECT throws_ok($$SELECT * FROM regionpolicy.load_allocations('lines')$$, '23514', 'phase ''plan'' is not one of planned, approved, adjusted, executed (line 2)',
	'… and so is a phase not known');
SELECT is((SELECT count(*) FROM allocation WHERE reference IN ('E-4', 'E-5')), 0::bigint, '… and nothing of either load is written');
DELETE FROM allocation WHERE reference IN ('E-1', 'E-2');
TRUNCATE lines;
INSERT INTO lines (program, province, fiscal_year, amount, reference) VALUES
	('지역혁신협력지구', '경남', 2024, '(1,0)', 'Y-1'), ('없는 사업', '경남', 2024, '(1,0)', 'Y-2');
SELECT throws_ok($$SELECT * FROM regionpolicy.load_allocations('lines')$$, '23503', NULL, 'an unknown programme is refused …');
SELECT is((SELECT count(*) FROM allocation WHERE reference = 'Y-1'), 0::bigint, '… and the good line is not loaded either');
UPDATE lines SET program = '지역혁신협력지구', province = '없는 도' WHERE reference = 'Y-2';
SELECT throws_ok($$SELECT * FROM regionpolicy.load_allocations('lines')$$, '22023', NULL, 'an unknown province is refused');
UPDATE lines SET province = '경남', amount = '국비 1억원, 민자 2억원' WHERE reference = 'Y-2';
SELECT throws_ok($$SELECT * FROM regionpolicy.load_allocations('lines')$$, '22P02', NULL, 'an amount the type refuses is refused');
UPDATE lines SET amount = NULL WHERE reference = 'Y-2';
SELECT throws_ok($$SELECT * FROM regionpolicy.load_allocations('lines')$$, '23502', NULL, 'a line with no amount is refused');
UPDATE lines SET province = '전남광주', fiscal_year = 2027, program = '지역혁신협력지구', amount = '(1,0)' WHERE reference = 'Y-2';
DELETE FROM lines WHERE reference = 'Y-1';
SELECT is((SELECT row(inserted, replaced)::text FROM load_allocations('lines')), '(1,0)', 'a FY2027 line naming 전남광주 …');
SELECT is((SELECT province_code FROM allocation WHERE reference = 'Y-2'), '12', '… goes to the merged province, as allocation_entry puts it');

-- An identical line already there is found by the index of its kind
-- (one without a reference by allocation_unreferenced_line_key or its
-- national twin, one with a reference by allocation_line_hash_idx, which
-- holds only those), by both loads, for a line of a province and of none:
-- "allocation already recorded", not the unique index's own refusal.
TRUNCATE lines;
INSERT INTO allocation_entry (program, province, fiscal_year, amount, reference) VALUES
	('지역혁신협력지구', '부산', 2024, '(9101,0)', NULL), ('지역혁신협력지구', NULL, 2024, '(9102,0)', NULL),
	('지역혁신협력지구', '부산', 2024, '(9103,0)', 'T-3'), ('지역혁신협력지구', NULL, 2024, '(9104,0)', 'T-4');
CREATE TEMP TABLE twin_cases (province text, amount text, reference text, what text);
INSERT INTO twin_cases VALUES
	('부산', '(9101,0)', 'T-1', 'a line with a reference, one without there'),
	(NULL, '(9102,0)', 'T-2', 'a line of no province with a reference, one without there'),
	('부산', '(9103,0)', NULL, 'a line without a reference, one with there'),
	(NULL, '(9104,0)', NULL, 'a line of no province without a reference, one with there'),
	('부산', '(9101,0)', NULL, 'a line without a reference, one without there');
CREATE FUNCTION pg_temp.twin_refusals(entry boolean) RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
	c record;
	state text;
	msg text;
BEGIN
	FOR c IN SELECT * FROM twin_cases LOOP
		BEGIN
			IF entry THEN
				INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year, amount, reference)
				VALUES ('지역혁신협력지구', c.province, 2024, c.amount, c.reference);
			ELSE
				TRUNCATE lines;
				INSERT INTO lines (program, province, fiscal_year, amount, reference)
				VALUES ('지역혁신협력지구', c.province, 2024, c.amount, c.reference);
				PERFORM regionpolicy.load_allocations('lines');
			END IF;
			RETURN NEXT c.what || ': loaded';
		EXCEPTION WHEN OTHERS THEN
			GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
			RETURN NEXT c.what || ': ' || state || ' ' || split_part(msg, ':', 1);
		END;
	END LOOP;
END
$$;
SELECT is(ARRAY(SELECT pg_temp.twin_refusals(false)), ARRAY(SELECT what || ': 23505 allocation already recorded' FROM twin_cases),
		  'load_allocations finds each kind of identical line already there');
SELECT is(ARRAY(SELECT pg_temp.twin_refusals(true)), ARRAY(SELECT what || ': 23505 allocation already recorded' FROM twin_cases),
		  'allocation_entry finds each kind of identical line already there');
-- … each by an index, whatever the statistics say: lines of both kinds into
-- a table of both kinds read allocation by no sequential scan, and the
-- line_hash index only for lines without a reference
TRUNCATE lines;
INSERT INTO lines (program, province, fiscal_year, amount, reference)
SELECT '지역혁신협력지구', CASE WHEN i % 5 = 0 THEN NULL ELSE '부산' END, 2024, format('(%s,1)', 9200 + i),
	   CASE WHEN i % 2 = 0 THEN 'T-' || i END
FROM generate_series(1, 40) AS i;
CREATE TEMP TABLE scans AS
SELECT pg_stat_get_xact_numscans('allocation'::regclass) AS seq,
	   pg_stat_get_xact_numscans('allocation_line_hash_idx'::regclass) AS hash,
	   pg_stat_get_xact_numscans('allocation_unreferenced_line_key'::regclass)
	   + pg_stat_get_xact_numscans('allocation_unreferenced_national_line_key'::regclass) AS unreferenced;
SELECT load_allocations('lines');
INSERT INTO allocation_entry (program, province, fiscal_year, amount, reference)
SELECT program, province, fiscal_year, replace(amount, ',1)', ',2)'), reference FROM lines;
SELECT is((SELECT ARRAY[pg_stat_get_xact_numscans('allocation'::regclass) - seq,
						 pg_stat_get_xact_numscans('allocation_unreferenced_line_key'::regclass)
						 + pg_stat_get_xact_numscans('allocation_unreferenced_national_line_key'::regclass) - unreferenced]
		   FROM scans), ARRAY[0, 82]::bigint[],
		  '80 lines (half without a reference, some of no province) by both loads: no scan of allocation, a probe of a key of lines without a reference a line (and load_allocations'' look at whether either key has any) …');
SELECT cmp_ok((SELECT pg_stat_get_xact_numscans('allocation_line_hash_idx'::regclass) - hash FROM scans), '>', 0::bigint,
		  '… and line_hash''s index read for those without');
TRUNCATE scans;
INSERT INTO scans
SELECT pg_stat_get_xact_numscans('allocation'::regclass), pg_stat_get_xact_numscans('allocation_line_hash_idx'::regclass), 0;
UPDATE lines SET amount = replace(amount, ',1)', ',3)'), reference = coalesce(reference, 'U-' || amount);
SELECT load_allocations('lines');
SELECT is((SELECT ARRAY[pg_stat_get_xact_numscans('allocation'::regclass) - seq,
						 pg_stat_get_xact_numscans('allocation_line_hash_idx'::regclass) - hash] FROM scans),
		  ARRAY[0, 0]::bigint[], '… and lines that all have a reference never read the line_hash index');

-- a table without a column "line" is numbered in the order its rows were
-- written, whatever plan the session's settings would choose: parallel
-- workers return rows in no order
CREATE TABLE ordered_lines (LIKE allocation_entry);
INSERT INTO ordered_lines (program, province, fiscal_year, amount, reference)
SELECT '지역혁신협력지구', '경남', 2024, CASE WHEN i = 19000 THEN '(1,' ELSE format('(%s,0)', i) END, 'O-' || i
FROM generate_series(1, 20000) AS i;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL parallel_leader_participation = off;
SET LOCAL max_parallel_workers_per_gather = 2;
SELECT throws_like($$SELECT * FROM regionpolicy.load_allocations('ordered_lines')$$,
		  'invalid input syntax for type funding: "(1," (line 19000: %',
		  'the 19,000th of 20,000 rows is line 19000 when parallel workers could read the table');
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET parallel_leader_participation;
RESET max_parallel_workers_per_gather;

-- line_hash: equal lines hash equal, a province or none
SELECT is(line_hash('26', 2024, 'planned', 1000, '(1,2)') = line_hash('26', 2024, 'planned', 1000, '(1,2)')
		  AND line_hash(NULL, 2024, 'planned', 1000, '(1,2)') <> line_hash('26', 2024, 'planned', 1000, '(1,2)')
		  AND line_hash('26', 2024, 'planned', 1000, '(1,2)') <> line_hash('26', 2024, 'planned', 1000, '(2,1)'),
		  true, 'line_hash: equal for equal lines, apart for another province (or none) or amount');
SELECT * FROM finish();
ROLLBACK;
