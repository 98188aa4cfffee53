-- The domain schema: tables, keys and every constraint's SQLSTATE;
-- reference rows read-only; province_code().  doc/regionpolicy.md, "The schema".
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION regionpolicy CASCADE;
SET LOCAL search_path = regionpolicy, public;
SELECT plan(101);

SELECT tables_are('regionpolicy', ARRAY['province', 'province_alias', 'superregion', 'superregion_member', 'program',
	'program_target', 'allocation', 'allocation_scope', 'cluster', 'evaluation_agency', 'committee_figure', 'cluster_diagnosis',
	'cluster_evaluation', 'stage2_criteria', 'grade_scale', 'stage_weight', 'province_steward', 'municipality', 'municipality_designation', 'province_year', 'municipality_year', 'support_terms', 'award', 'award_year', 'differential_pool', 'region_code', 'ministry', 'program_partner'], 'the schema''s tables');
SELECT columns_are('regionpolicy', 'province', ARRAY['code', 'kostat_code', 'iso_code', 'name_ko', 'short_ko', 'name_en', 'capital_area', 'note', 'sort_order', 'valid_from', 'valid_to', 'successor_code', 'provisional', 'shipped'], 'province columns');
SELECT columns_are('regionpolicy', 'allocation', ARRAY['id', 'program_id', 'province_code', 'fiscal_year', 'amount', 'phase', 'note', 'reference', 'municipality_code', 'other'], 'allocation columns');
SELECT col_type_is('regionpolicy', 'allocation', 'amount', 'regionpolicy', 'funding', 'allocation.amount is funding');
SELECT col_default_is('regionpolicy', 'allocation', 'phase', 'planned', 'phase defaults to planned');
SELECT col_type_is('regionpolicy', 'program', 'declared', 'regionpolicy', 'funding', 'program.declared is funding');
SELECT col_is_pk('regionpolicy', 'province', 'code', 'province is keyed by the 행정표준코드');
SELECT col_is_pk('regionpolicy', 'cluster_diagnosis', ARRAY['cluster_id', 'fiscal_year'], 'one diagnosis per cluster and year');
SELECT col_is_pk('regionpolicy', 'cluster_evaluation', ARRAY['cluster_id', 'fiscal_year'], 'one evaluation per cluster and year');
-- the regions' years are keyed year first (a line's probe of them compares
-- an integer first), and the foreign keys of lines and awards still check them
SELECT col_is_pk('regionpolicy', 'province_year', ARRAY['fiscal_year', 'province_code'], 'province_year is keyed by year, then province');
SELECT col_is_pk('regionpolicy', 'municipality_year', ARRAY['fiscal_year', 'municipality_code', 'province_code'], 'municipality_year is keyed by year, then 시·군·구 and province');
SELECT fk_ok('regionpolicy', 'allocation', ARRAY['province_code', 'fiscal_year'], 'regionpolicy', 'province_year', ARRAY['province_code', 'fiscal_year'], 'an allocation''s province exists in its year');
SELECT fk_ok('regionpolicy', 'allocation', ARRAY['municipality_code', 'province_code', 'fiscal_year'], 'regionpolicy', 'municipality_year', ARRAY['municipality_code', 'province_code', 'fiscal_year'], 'an allocation''s 시·군·구 lies in its province in its year');
SELECT fk_ok('regionpolicy', 'award', ARRAY['province_code', 'first_year'], 'regionpolicy', 'province_year', ARRAY['province_code', 'fiscal_year'], 'an award''s province exists in its first year');
SELECT fk_ok('regionpolicy', 'award', ARRAY['municipality_code', 'province_code', 'first_year'], 'regionpolicy', 'municipality_year', ARRAY['municipality_code', 'province_code', 'fiscal_year'], 'an award''s 시·군·구 lies in its province in its first year');
SELECT indexes_are('regionpolicy', 'allocation', ARRAY['allocation_pkey', 'allocation_line_key', 'allocation_national_line_key',
	'allocation_unreferenced_line_key', 'allocation_unreferenced_national_line_key', 'allocation_line_hash_idx',
	'allocation_municipality_idx'], 'allocation has its keys, line_hash and its 시·군·구 as indexes, nothing else (each costs every load)');
SELECT is((SELECT attidentity FROM pg_attribute WHERE attrelid = 'program'::regclass AND attname = 'id'), 'd', 'program.id is identity by default');

CREATE TEMP TABLE constraint_cases (sql text, code text, what text);
INSERT INTO constraint_cases VALUES
	($$INSERT INTO regionpolicy.program (ministry, fiscal_year, name_ko) VALUES ('MOF', 2023, 'x')$$, '23503', 'a ministry not in regionpolicy.ministry'),
	($$INSERT INTO regionpolicy.program (ministry, fiscal_year, name_ko) VALUES ('MSS', 1899, 'x')$$, '23514', 'an implausible fiscal year'),
	($$INSERT INTO regionpolicy.program (ministry, fiscal_year, name_ko) VALUES ('MSS', 2023, ' ')$$, '23514', 'a blank name'),
	($$INSERT INTO regionpolicy.program (ministry, fiscal_year, name_ko) VALUES ('MSS', 2023, NULL)$$, '23502', 'a missing name'),
	($$INSERT INTO regionpolicy.program (ministry, fiscal_year, name_ko, declared) VALUES ('MSS', 2023, 'x', '(-1,0)')$$, '23514', 'a negative declared amount'),
	($$INSERT INTO regionpolicy.program (ministry, fiscal_year, name_ko, government_share) VALUES ('MSS', 2023, 'x', 1.5)$$, '23514', 'a government share above 1'),
	($$INSERT INTO regionpolicy.program (ministry, fiscal_year, name_ko, support_years) VALUES ('MSS', 2023, 'x', 0)$$, '23514', 'zero support years'),
	($$INSERT INTO regionpolicy.program (ministry, fiscal_year, name_ko, applications_from, applications_until) VALUES ('MSS', 2023, 'x', '2023-03-29', '2023-03-15')$$, '23514', 'an application period that ends before it starts'),
	($$INSERT INTO regionpolicy.program (ministry, fiscal_year, name_ko, parent_id) VALUES ('MSS', 2023, 'x', 20)$$, '23503', 'a parent of another ministry'),
	($$INSERT INTO regionpolicy.program (ministry, fiscal_year, name_ko, parent_id) VALUES ('MOTIE', 2024, 'x', 20)$$, '23503', 'a parent of another year'),
	($$INSERT INTO regionpolicy.program (ministry, fiscal_year, name_ko, parent_id) VALUES ('MOTIE', 2023, 'x', 4242)$$, '23503', 'a parent that does not exist'),
	($$INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount) VALUES (21, '99', 2023, '(1,1)')$$, '23503', 'an unknown province'),
	($$INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount) VALUES (4242, '26', 2023, '(1,1)')$$, '23503', 'an unknown programme'),
	($$INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount) VALUES (21, '26', 2024, '(1,1)')$$, '23503', 'a year other than the programme''s'),
	($$INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount, phase) VALUES (21, '26', 2023, '(1,1)', 'proposed')$$, '23514', 'an unknown phase'),
	($$INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount) VALUES (21, '26', 2023, '(-1,1)')$$, '23514', 'a negative planned amount'),
	($$INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount) VALUES (21, '26', 2023, '(1,-1)')$$, '23514', 'a negative planned local amount'),
	($$INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount, phase) VALUES (21, '26', 2023, '(0,-1)', 'approved')$$, '23514', 'a negative approved amount'),
	($$INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount, phase, other) VALUES (21, '26', 2023, '(1,1)', 'approved', -1)$$, '23514', 'negative approved other money'),
	($$INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount) VALUES (21, '26', 2023, NULL)$$, '23502', 'a missing amount'),
	($$INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount) VALUES (21, '26', 2023, '(1,1,3)')$$, '22P02', 'an amount whose total disagrees'),
	($$INSERT INTO regionpolicy.cluster_diagnosis VALUES (1, 2023, 3, 50, true, true)$$, '23514', 'stage 3'),
	($$INSERT INTO regionpolicy.cluster_diagnosis VALUES (1, 2023, 2, 101, true, true)$$, '23514', 'a self-diagnosis score above 100'),
	($$INSERT INTO regionpolicy.cluster_diagnosis VALUES (1, 2023, 2, -1, true, true)$$, '23514', 'a negative self-diagnosis score'),
	($$INSERT INTO regionpolicy.cluster_diagnosis VALUES (1, 2022, 2, 50, true, true)$$, '23514', 'a diagnosis before the 2023 reform'),
	($$INSERT INTO regionpolicy.cluster_diagnosis VALUES (99, 2023, 2, 50, true, true)$$, '23503', 'a diagnosis of no cluster'),
	($$INSERT INTO regionpolicy.cluster_diagnosis VALUES (1, 2023, 2, 50, NULL, true)$$, '23502', 'an unknown R&D body'),
	($$INSERT INTO regionpolicy.cluster_evaluation VALUES (1, 2023, 100.5)$$, '23514', 'an evaluation above 100'),
	($$INSERT INTO regionpolicy.grade_scale VALUES (2024, 'S', 90, -1)$$, '23514', 'a negative coefficient'),
	($$INSERT INTO regionpolicy.stage_weight VALUES (2024, 3, 1)$$, '23514', 'a weight for stage 3'),
	($$INSERT INTO regionpolicy.stage_weight VALUES (2024, 1, 0)$$, '23514', 'a zero weight'),
	($$INSERT INTO regionpolicy.stage2_criteria VALUES (1999, 50, true)$$, '23514', 'a policy year before the reform'),
	-- keys between the tables of reference data (kept by key_check)
	($$INSERT INTO regionpolicy.province (code, name_ko, short_ko, capital_area, sort_order, valid_to, successor_code) VALUES ('97', 'x', 'x', false, 97, '2030-01-01', '96')$$, '23503', 'a province''s unknown successor'),
	($$INSERT INTO regionpolicy.province_alias (alias, province_code, kind) VALUES ('x', '96', 'name')$$, '23503', 'an alias of no province'),
	($$INSERT INTO regionpolicy.superregion_member (superregion_id, province_code) VALUES (42, '26')$$, '23503', 'a member of no super-region'),
	($$INSERT INTO regionpolicy.municipality (code, province_code, name_ko, kind, source) VALUES ('96010', '96', 'x', '시', 'x')$$, '23503', 'a 시·군·구 of no province'),
	($$INSERT INTO regionpolicy.municipality_designation (municipality_code, kind, valid_from, basis) VALUES ('96010', 'x', '2024-01-01', 'x')$$, '23503', 'a designation of no 시·군·구'),
	($$INSERT INTO regionpolicy.evaluation_agency VALUES ('96', 'x', 'x', 'x')$$, '23503', 'an agency of no province'),
	($$INSERT INTO regionpolicy.support_terms VALUES (4242, 2024, 2, 1, 0.5, NULL)$$, '23503', 'support terms of no programme'),
	-- reference rows are read-only
	($$UPDATE regionpolicy.program SET declared = '(1,1)' WHERE id = 20$$, '42501', 'changing a reference programme'),
	($$DELETE FROM regionpolicy.program WHERE id = 24$$, '42501', 'deleting a reference programme'),
	($$INSERT INTO regionpolicy.program (id, ministry, fiscal_year, name_ko) VALUES (999, 'MSS', 2023, 'x')$$, '42501', 'taking a reserved programme id'),
	($$UPDATE regionpolicy.province SET name_ko = 'x' WHERE code = '11'$$, '42501', 'renaming a province'),
	($$DELETE FROM regionpolicy.cluster WHERE id = 1$$, '42501', 'deleting a cluster'),
	($$TRUNCATE regionpolicy.evaluation_agency$$, '42501', 'truncating the agencies'),
	($$UPDATE regionpolicy.grade_scale SET coefficient = 2 WHERE valid_from = 0 AND grade = 'S'$$, '42501', 'changing the shipped grade scale'),
	($$INSERT INTO regionpolicy.program_target VALUES (1, 'jobs', 1, 'persons')$$, '42501', 'adding a target to a reference programme'),
	($$UPDATE regionpolicy.cluster SET name_ko = 'x' WHERE id = 1$$, '42501', 'renaming a shipped cluster'),
	($$INSERT INTO regionpolicy.cluster (id, province_code, name_ko, designated_year, shipped) VALUES (15, '44', 'x', 2023, true)$$, '42501', 'marking a row of one''s own as shipped');

SET CONSTRAINTS ALL IMMEDIATE;
SELECT throws_ok(sql, code, NULL, format('refuses %s with %s', what, code)) FROM constraint_cases;
SELECT lives_ok($$INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount, phase, other)
				 VALUES (21, '26', 2023, '(-1,-3)', 'adjusted', -1), (21, '26', 2023, '(-2,0)', 'executed', -2)$$,
				'an adjusted or executed line may be below zero, amount and other money (cuts, recoveries)');
DELETE FROM regionpolicy.allocation WHERE program_id = 21 AND phase IN ('adjusted', 'executed') AND other < 0;
SET CONSTRAINTS ALL DEFERRED;

-- A key that rows refer to stays; a restore's session (a superuser's, with
-- row_security off) loads rows before the rows they refer to.
INSERT INTO province (code, name_ko, short_ko, capital_area, sort_order) VALUES ('96', '시험도', '시험', false, 96);
INSERT INTO province_alias (alias, province_code, kind) VALUES ('시험특별도', '96', 'name');
SELECT throws_ok($$DELETE FROM regionpolicy.province WHERE code = '96'$$, '23503', NULL,
				 'a province that an alias refers to cannot be deleted');
SELECT throws_ok($$UPDATE regionpolicy.province SET code = '95' WHERE code = '96'$$, '23503', NULL,
				 '… nor renumbered');
SAVEPOINT restore;
SET LOCAL row_security = off;
SELECT lives_ok($$INSERT INTO regionpolicy.municipality (code, province_code, name_ko, kind, source) VALUES ('95010', '95', 'x', '시', 'x')$$,
				'a restore loads a 시·군·구 before its province');
ROLLBACK TO SAVEPOINT restore;

-- Tree without cycles.
INSERT INTO program (id, ministry, fiscal_year, name_ko) VALUES (5000, 'MSS', 2024, 'a'), (5001, 'MSS', 2024, 'b');
UPDATE program SET parent_id = 5000 WHERE id = 5001;
SELECT throws_ok('UPDATE regionpolicy.program SET parent_id = 5001 WHERE id = 5000', '23514', NULL, 'a cycle in the programme tree is refused');
SELECT throws_ok('UPDATE regionpolicy.program SET parent_id = 5000 WHERE id = 5000', '23514', NULL, 'a programme cannot be its own parent');

-- User rows: ids from 1000 up, not reference.
WITH r AS (INSERT INTO program (ministry, fiscal_year, name_ko) VALUES ('MSS', 2025, 'user') RETURNING id, reference)
SELECT is(id >= 1000 AND NOT reference, true, 'user programmes get ids from 1000 up and are not reference rows') FROM r;

-- Behind the guard, the keys themselves: one cluster per non-capital province.
ALTER TABLE cluster DISABLE TRIGGER reference_guard;
SELECT throws_ok($$INSERT INTO regionpolicy.cluster (id, province_code, name_ko, designated_year) VALUES (15, '11', 'x', 2023)$$,
				 '23503', NULL, 'a cluster in a capital-area province is refused by its key');
SELECT throws_ok($$INSERT INTO regionpolicy.cluster (id, province_code, name_ko, designated_year, capital_area) VALUES (15, '11', 'x', 2023, true)$$,
				 '23514', NULL, 'a cluster marked capital-area is refused');
SELECT throws_ok($$INSERT INTO regionpolicy.cluster (id, province_code, name_ko, designated_year) VALUES (15, '26', 'x', 2023)$$,
				 '23505', NULL, 'a second cluster in a province is refused');
ALTER TABLE cluster ENABLE TRIGGER reference_guard;
SELECT is((SELECT bool_and(reference) FROM program WHERE id < 1000), true, 'reference programmes are marked reference');

-- A grade scale must start at 0 and be monotone (checked at commit).
SAVEPOINT s;
INSERT INTO grade_scale VALUES (2024, 'A', 80, 1.1), (2024, 'B', 10, 1.0);
SELECT throws_ok('SET CONSTRAINTS ALL IMMEDIATE', '23514', NULL, 'a grade scale without a grade at 0 is refused');
ROLLBACK TO SAVEPOINT s;
INSERT INTO grade_scale VALUES (2024, 'A', 80, 0.9), (2024, 'B', 0, 1.0);
SELECT throws_ok('SET CONSTRAINTS ALL IMMEDIATE', '23514', NULL, 'a grade scale paying better grades less is refused');
ROLLBACK TO SAVEPOINT s;
INSERT INTO stage_weight VALUES (2024, 1, 1.0);
SELECT throws_ok('SET CONSTRAINTS ALL IMMEDIATE', '23514', NULL, 'a stage-weight policy must weigh both stages');
ROLLBACK TO SAVEPOINT s;

-- province_code(): any name or code, current or former
SELECT is(province_code('26'), '26', 'a current code');
SELECT is(province_code('42'), '51', 'the former code of 강원 (42 → 51)');
SELECT is(province_code('45'), '52', 'the former code of 전북 (45 → 52)');
SELECT is(province_code('강원도'), '51', 'the former name 강원도');
SELECT is(province_code('전라북도'), '52', 'the former name 전라북도');
SELECT is(province_code('강원특별자치도'), '51', 'the full name');
SELECT is(province_code('부산'), '26', 'the short name');
SELECT is(province_code('부산광역시'), '26', 'the full name of 부산');
SELECT is(province_code('Gangwon State'), '51', 'the English name');
SELECT is(province_code('north chungcheong'), '43', 'English names ignore case');
SELECT is(province_code('Chungcheongbuk-do'), '43', 'a romanised name');
SELECT is(province_code('KR-26'), '26', 'an ISO code');
SELECT is(province_code('kr-50'), '36', 'ISO KR-50 is 세종, not 제주');
SELECT is(province_code('50'), '50', '행정표준코드 50 is 제주');
SELECT is(province_code(' 울산 '), '31', 'surrounding spaces are ignored');
SELECT throws_ok($$SELECT regionpolicy.province_code('21')$$, '22023', NULL, 'a KOSTAT code is not a 행정표준코드');
SELECT throws_ok($$SELECT regionpolicy.province_code('Atlantis')$$, '22023', NULL, 'an unknown name');
SELECT throws_ok($$SELECT regionpolicy.province_code('광주시')$$, '22023', NULL, '광주시 is ambiguous (also a city of 경기도)');
SELECT is(province_code(NULL), NULL, 'NULL in, NULL out');
SELECT is((SELECT count(*) FROM (SELECT * FROM province p WHERE province_valid_on(p, '2023-03-01') OFFSET 0) province
		   WHERE province_code(name_ko, '2023-03-01') = code AND province_code(short_ko, '2023-03-01') = code
		   AND province_code(name_en, '2023-03-01') = code AND province_code(iso_code, '2023-03-01') = code AND province_code(code, '2023-03-01') = code), 17::bigint,
		  'every province of 2023 resolves from each of its names and codes');
SELECT is((SELECT count(*) FROM province_alias a JOIN province p ON p.code = a.province_code
		   WHERE province_code(a.alias, coalesce(p.valid_from, '2023-03-01')) = a.province_code),
		  (SELECT count(*) FROM province_alias), 'every alias resolves to its province, from the day it exists');

SELECT * FROM finish();
ROLLBACK;
