-- Programmes of any ministry, and ministries over time: ministries as
-- reference data with their names by period (MOTIE became 산업통상부 on
-- 2025-10-01), joint programmes, local programmes (자체사업) of no ministry,
-- and loads that create the programmes they name under a documented rule,
-- never with a ministry of no one's choosing.
-- doc/regionpolicy.md, "Programmes and ministries".
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION regionpolicy CASCADE;
SET LOCAL search_path = regionpolicy, public;
SET LOCAL client_min_messages = warning;
SELECT plan(23);

-- names over time
SELECT is(ministry_label('MOTIE', 2025), '산업통상자원부', 'MOTIE''s FY2025 programmes are 산업통상자원부''s (the year began before the rename) …');
SELECT is(ministry_label('MOTIE', 2026), '산업통상부', '… its FY2026 ones 산업통상부''s');
SELECT is(ministry_label('ME', 2026), '기후에너지환경부', '환경부 became 기후에너지환경부 the same day');
SELECT is(ministry_label(NULL, 2026), '자체사업', 'a programme of no ministry is a local one (자체사업)');
SELECT is((SELECT count(*) FROM ministry WHERE code = 'MOIS'), 1::bigint, '행정안전부 (MOIS) is there');
SELECT throws_ok($$INSERT INTO regionpolicy.ministry (code, name_ko, source) VALUES ('MOTIE', '시험부', 'x'), ('mof', '해양수산부', 'x')$$,
	'23514', NULL, 'a ministry code is upper case letters and digits');
SELECT lives_ok($$INSERT INTO regionpolicy.ministry (code, name_ko, name_en, source) VALUES ('MOF', '해양수산부', 'Ministry of Oceans and Fisheries', 'an administrator')$$,
	'an administrator adds a ministry …');
SELECT lives_ok($$INSERT INTO regionpolicy.program (id, ministry, fiscal_year, name_ko) VALUES (5000, 'MOF', 2026, '어촌 신활력 증진')$$,
	'… and a programme of it');
SELECT throws_ok($$DELETE FROM regionpolicy.ministry WHERE code = 'MOF'$$, '23503', NULL, '… which keeps its ministry from going');
SELECT throws_ok($$UPDATE regionpolicy.ministry SET name_ko = '중기부' WHERE code = 'MSS'$$, '42501', NULL,
	'shipped names are read-only');
SELECT throws_ok($$INSERT INTO regionpolicy.ministry (code, name_ko, valid_from, source) VALUES ('MOF', '해양부', '2030-01-01', 'x'), ('MOF', '바다부', '2031-01-01', 'x')$$,
	'23P01', NULL, 'a ministry has one name at a time (periods do not overlap)');

-- a programme of 행정안전부, a joint one, a local one
INSERT INTO program (id, ministry, fiscal_year, name_ko) VALUES
	(5001, 'MOIS', 2026, '지역활성화 투자'), (5002, 'MOTIE', 2026, '지역혁신 공동사업'), (5003, NULL, 2026, '도 자체 창업지원');
INSERT INTO program_partner VALUES (5002, 'MSS');
INSERT INTO allocation_entry (program, province, fiscal_year, amount, reference) VALUES
	('지역활성화 투자', '경북', 2026, '국비 30억원, 지방비 30억원', 'P-1'),
	('지역혁신 공동사업', '경북', 2026, '국비 10억원', 'P-2'),
	('도 자체 창업지원', '경북', 2026, '지방비 5억원', 'P-3');
SELECT is((SELECT array_agg(format('%s %s %s', coalesce(ministry, '-'), ministry_ko, total) ORDER BY ministry NULLS LAST)
		   FROM ministry_totals WHERE fiscal_year = 2026),
		  ARRAY['MOIS 행정안전부 6000000000', 'MOTIE 산업통상부 1000000000', '- 자체사업 500000000'],
		  'a programme of 행정안전부, a joint one (under its lead ministry) and a local one load and report');
SELECT is((SELECT array_agg(ministry_ko ORDER BY reference) FROM allocation_report WHERE fiscal_year = 2026),
		  ARRAY['행정안전부', '산업통상부', '자체사업'], 'allocation_report labels them by the year');

-- a load that creates the programmes it names
CREATE TEMP TABLE lines (LIKE allocation_entry, ministry text);
INSERT INTO lines (program, province, fiscal_year, amount, reference, ministry) VALUES
	('새 사업 가', '전남', 2026, '국비 1억원', 'N-1', 'MOIS'),
	('새 사업 가', '전남', 2026, '국비 2억원', 'N-2', NULL),
	('새 사업 나', '전남', 2026, '지방비 1억원', 'N-3', '');
SELECT throws_ok($$SELECT * FROM regionpolicy.load_allocations('lines')$$, '23503', NULL,
	'a programme nobody created is refused, as before …');
SELECT throws_ok($$SELECT * FROM regionpolicy.load_allocations('lines', new_programs => true)$$, '22023',
	'new program ''새 사업 가'' of fiscal year 2026 has no ministry (line 2)', '… and with new_programs, a line that gives no ministry');
SELECT throws_ok($$SELECT * FROM regionpolicy.load_allocations('lines', new_programs => true, ministry => '자체사업')$$, '22023',
	'new program ''새 사업 가'' of fiscal year 2026 is given 2 ministries (line 1)', 'one name, two ministries is refused');
UPDATE lines SET ministry = NULL WHERE reference = 'N-1';
SELECT throws_ok($$SELECT * FROM regionpolicy.load_allocations('lines', new_programs => true, ministry => '기획부')$$, '23503', NULL,
	'an unknown ministry is refused, never created');
SELECT is((SELECT row(inserted, replaced)::text FROM load_allocations('lines', new_programs => true, ministry => '행정안전부')), '(3,0)',
		  'with the load''s ministry by its name, the lines load …');
SELECT is((SELECT array_agg(format('%s %s %s', name_ko, ministry, fiscal_year) ORDER BY name_ko) FROM program WHERE name_ko LIKE '새 사업%'),
		  ARRAY['새 사업 가 MOIS 2026', '새 사업 나 MOIS 2026'], '… each programme created once, for its year');
SELECT is((SELECT row(inserted, replaced)::text FROM load_allocations('lines', new_programs => true, ministry => '행정안전부')), '(0,3)',
		  'loaded again, the programmes exist and nothing is created twice');
SELECT is((SELECT count(*) FROM program WHERE name_ko LIKE '새 사업%'), 2::bigint, '… still two');
INSERT INTO lines (program, province, fiscal_year, amount, reference, ministry) VALUES ('새 사업 다', '전남', 2026, '국비 1억원', 'N-4', '자체사업');
SELECT is((SELECT row(inserted, replaced)::text FROM load_allocations('lines', new_programs => true, ministry => 'MOIS')), '(1,3)',
		  'a line''s own ministry column wins over the load''s …');
SELECT is((SELECT coalesce(ministry, '자체사업') FROM program WHERE name_ko = '새 사업 다'), '자체사업', '… 자체사업: a local programme');
SELECT * FROM finish();
ROLLBACK;
