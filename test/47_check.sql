-- A check before the load: check_allocations reads a table as
-- load_allocations would and returns every problem, not the first, each
-- with its line, column, value, SQLSTATE and message, and a suggestion for
-- names.  60,000 lines with 10 planted errors list exactly those 10.
-- doc/regionpolicy.md, "Checking a load".
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION regionpolicy CASCADE;
SET LOCAL search_path = regionpolicy, public;
SET LOCAL client_min_messages = warning;
SELECT plan(12);

INSERT INTO program (id, ministry, fiscal_year, name_ko) VALUES (5000, 'MOTIE', 2025, '지역혁신클러스터'), (5001, 'MOTIE', 2027, '지역혁신클러스터');
CREATE TEMP TABLE lines (LIKE allocation_entry, "기타" text, line bigint);
-- 60,000 good lines of 시·군·구 of 부산, 대구 and 경남, in 천원 (fewer under
-- valgrind: test/hard/memcheck.sh sets rp_test.lines)
INSERT INTO lines (line, program, province, municipality, fiscal_year, "national", local, "기타", reference)
SELECT g, '지역혁신클러스터', NULL, m.code, 2025, to_char(g * 7, 'FM999,999,999'), to_char(g % 1000, 'FM999,999'),
	   CASE WHEN g % 3 = 0 THEN '12' END, 'R-' || g
FROM generate_series(1, coalesce(nullif(current_setting('rp_test.lines', true), '')::integer, 60000)) AS g
	 JOIN (SELECT code, row_number() OVER (ORDER BY code) - 1 AS k, count(*) OVER () AS n
		   FROM municipality WHERE valid_to IS NULL AND valid_from IS NULL AND province_code IN ('26', '27', '48')) m
	   ON m.k = g % m.n;
-- what a load accepts is no problem: a long note, a note that begins
-- with a space before =
UPDATE lines SET note = repeat('비고', 150) WHERE line = 11;
UPDATE lines SET note = ' = 별도' WHERE line = 12;
-- ten planted errors
UPDATE lines SET municipality = '해운대구', province = '경남' WHERE line = 101;                -- 해운대구 is 부산's
UPDATE lines SET municipality = '1199000' WHERE line = 2002;                                 -- no such 7-digit code
UPDATE lines SET municipality = '서울계' WHERE line = 3003;                                  -- an aggregate row
UPDATE lines SET program = '지역혁신 클러스터' WHERE line = 4004;                              -- a programme that does not exist
UPDATE lines SET "national" = '12,34' WHERE line = 5005;                                      -- a number badly grouped
UPDATE lines SET "기타" = '3억' || '원원' WHERE line = 6006;                                    -- other money the reader refuses
UPDATE lines SET reference = '=HYPERLINK("x")' WHERE line = 7007;                             -- a formula
UPDATE lines SET phase = 'budget' WHERE line = 8008;                                          -- no such phase
UPDATE lines SET reference = 'R-9', municipality = (SELECT municipality FROM lines WHERE line = 9) WHERE line = 9009; -- the same line as line 9
UPDATE lines SET fiscal_year = 2027, municipality = '28110', province = NULL WHERE line = 10010; -- 인천 중구 ended 2026-07-01

CREATE TEMP TABLE problems AS SELECT * FROM check_allocations('lines', '천원');
SELECT is((SELECT array_agg(line ORDER BY line) FROM problems),
		  ARRAY[101, 2002, 3003, 4004, 5005, 6006, 7007, 8008, 9009, 10010]::bigint[], 'all ten problems, each on its line, and nothing else');
SELECT is((SELECT format('%s %s %s', column_name, sqlstate, suggestion) FROM problems WHERE line = 101),
		  'municipality 22023 해운대구 is in 부산, not 경남', '해운대구 is in 부산, not 경남');
SELECT is((SELECT format('%s %s %s', column_name, value, sqlstate) FROM problems WHERE line = 2002), 'municipality 1199000 22023',
		  'an unknown 7-digit code, never cut to five digits');
SELECT is((SELECT format('%s %s', sqlstate, message) FROM problems WHERE line = 3003),
		  '22023 region ''서울계'' is an aggregate row, not a line (province NULL, municipality ''서울계'', fiscal year 2025)',
		  'an aggregate row');
SELECT is((SELECT format('%s %s %s', column_name, sqlstate, suggestion) FROM problems WHERE line = 4004),
		  'program 23503 did you mean 지역혁신클러스터 (id 5000)?', 'a programme of the year it resembles');
SELECT is((SELECT format('%s %s %s', column_name, value, sqlstate) FROM problems WHERE line = 5005),
		  'national, local 12,34, 5 22P02', 'a number badly grouped');
SELECT is((SELECT format('%s %s %s', column_name, value, sqlstate) FROM problems WHERE line = 6006),
		  'other 3억원원 22P02', 'other money the reader refuses');
SELECT is((SELECT format('%s %s', column_name, sqlstate) FROM problems WHERE line = 7007), 'reference 23514', 'a formula');
SELECT is((SELECT format('%s %s %s', column_name, value, sqlstate) FROM problems WHERE line = 8008), 'phase budget 23514', 'no such phase');
SELECT is((SELECT format('%s %s %s', column_name, sqlstate, message) FROM problems WHERE line = 9009),
		  'reference 23505 lines 9 and 9009 of the load are the same line', 'the same line twice');
SELECT is((SELECT format('%s %s', sqlstate, suggestion) FROM problems WHERE line = 10010),
		  '22023 인천 중구 ended on 2026-07-01; its successors: 제물포구 (28125), 영종구 (28155)', '인천 중구 in FY2027: its successors');
SELECT is((SELECT count(*) FROM allocation), 0::bigint, 'the check writes nothing');
SELECT * FROM finish();
ROLLBACK;
