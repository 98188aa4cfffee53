-- Grants: awards (과제) to companies under the seed's support terms, checked
-- by the database; the company's share held apart; awards a breakdown of
-- their sub-programme, never counted twice.  doc/regionpolicy.md, "Grants".
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION regionpolicy CASCADE;
SET LOCAL search_path = regionpolicy, public;
SET LOCAL client_min_messages = warning;
SET LOCAL regionpolicy.language = 'en';	-- the explanations checked below are the English ones (test/37_bi.sql: Korean)
SELECT plan(33);

SELECT is(ARRAY[business_number_valid('220-81-62517'), business_number_valid('2208162517'), business_number_valid('220-81-62518'),
				business_number_valid('22081625'), business_number_valid('220-8l-62517')],
		  ARRAY[true, true, false, false, false], '사업자등록번호: ten digits with their check digit');
SELECT is((SELECT string_agg(format('%s:%s/%s/%s', program_id, support_years, annual_cap, grant_share), ' ' ORDER BY program_id) FROM support_terms),
		  '5:2/200000000/0.80 6:2/400000000/0.80 7:3/300000000/0.80 10:2/200000000/0.80 12:2/500000000/1.00',
		  'the seed''s five sub-programmes and their terms (기간, 연 한도, 비중), as the press release gives them');
SELECT throws_ok($$UPDATE regionpolicy.support_terms SET annual_cap = 1 WHERE program_id = 5$$, '42501', NULL,
	'the shipped terms are read-only; an administrator adds terms from a year on');

-- three awards: one clean, one over the cap, one over the share; and a term too long
INSERT INTO award_entry (program, reference, recipient, business_number, province, first_year, years, fiscal_year,
						 grant_amount, private_cash, private_in_kind) VALUES
	('자유공모', 'RS-2023-001', '(주)경남정밀', '220-81-62517', '경남', 2023, 2, 2023, '국비 2억원', '3천만원', '2천만원'),
	('자유공모', 'RS-2023-001', '(주)경남정밀', '220-81-62517', '경남', 2023, 2, 2024, '국비 2억원', '5천만원', NULL),
	('자유공모', 'RS-2023-002', '부산기계(주)', '1048145521', '부산', 2023, 2, 2023, '국비 3억원', '1억원', NULL),
	('지역스타기업 R&D 신규', 'RS-2023-003', '충북바이오(주)', '301-86-08137', '충북', 2023, 2, 2023, '국비 2억원', '2천만원', NULL),
	('지역혁신 선도기업', 'RS-2023-004', '전북소재(주)', '402-81-43015', '전북', 2023, 3, 2023, '국비 3억원', '1억원', NULL),
	('자유공모', 'RS-2023-005', '대구부품(주)', '503-81-18764', '대구', 2023, 3, 2023, '(1억,0)', '5천만원', NULL);
SELECT is((SELECT count(*) FROM award), 5::bigint, 'five awards …');
SELECT is((SELECT count(*) FROM award_year), 6::bigint, '… six award years');
SELECT is((SELECT years FROM award WHERE reference = 'RS-2023-004'), 3::smallint, 'a 3-year term is recorded (선도기업 allows 3)');
SELECT is((SELECT business_number FROM award WHERE reference = 'RS-2023-001'), '2208162517', 'business numbers are stored as ten digits');
SELECT is((SELECT array_agg(format('%s %s', reference, rule) ORDER BY reference, rule) FROM award_compliance),
		  ARRAY['RS-2023-002 annual_cap', 'RS-2023-003 grant_share', 'RS-2023-005 term'],
		  'award_compliance: one row per award and broken rule, none for the awards that keep them');
SELECT is((SELECT format('%s > %s: %s', won, won_limit, explanation) FROM award_compliance WHERE rule = 'annual_cap'),
		  '300000000 > 200000000: the grant of fiscal year 2023 is 300,000,000원, above the cap of 200,000,000원 a year (지원 한도)',
		  '… with the figures and a sentence naming the rule (연 3억 over 연 2억)');
SELECT is((SELECT format('%s > %s: %s', round(share, 4), share_limit, explanation) FROM award_compliance WHERE rule = 'grant_share'),
		  '0.9091 > 0.80: the grant is 90.9% of the project cost (200,000,000원 of 220,000,000원), above 80.0% (지원금 비중)',
		  '… a 90.9% share over 80%');
SELECT is((SELECT explanation FROM award_compliance WHERE rule = 'term'),
		  'the award runs 3 years; the sub-programme supports at most 2 (지원 기간)', '… a 3-year term over 2');
SELECT is((SELECT count(*) FROM award_compliance WHERE reference = 'RS-2023-001'), 0::bigint,
		  'exactly 80% (4억 of 5억 over two years) keeps the share');
-- each kind of figure in its own typed column, never NULL years; labels and names
SELECT is((SELECT string_agg(format('%s:%s/%s %s/%s %s/%s', rule, years, years_limit, won, won_limit, round(share, 4), share_limit), ' ' ORDER BY rule_order)
		   FROM award_compliance),
		  'term:3/2 / / annual_cap:/ 300000000/200000000 / grant_share:/ / 0.9091/0.80',
		  'award_compliance: years, won and shares each in their own column');
SELECT is((SELECT array_agg(DISTINCT format('%s %s %s', a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull) ORDER BY format('%s %s %s', a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull))
		   FROM pg_attribute a WHERE a.attrelid = 'award_compliance'::regclass
			 AND a.attname IN ('years', 'years_limit', 'won', 'won_limit', 'share', 'share_limit', 'fiscal_year')),
		  ARRAY['fiscal_year integer f', 'share numeric f', 'share_limit numeric f', 'won bigint f', 'won_limit bigint f',
				'years integer f', 'years_limit integer f'],
		  '… typed: years integer, won bigint, shares numeric');
SELECT is((SELECT count(*) FROM award_compliance WHERE fiscal_year IS NULL), 0::bigint,
		  '… fiscal_year is never NULL (the first year for rules over the whole term)');
SELECT is((SELECT string_agg(format('%s|%s|%s|%s', rule_label, program_name_ko, province_short_ko, fiscal_year), ' ' ORDER BY rule_order) FROM award_compliance),
		  'support period|자유공모|대구|2023 yearly cap|자유공모|부산|2023 grant share|지역스타기업 R&D 신규|충북|2023',
		  '… the rule''s label and the programme''s and province''s names beside the codes');
SELECT is((SELECT string_agg(rule_label, ' ' ORDER BY rule_order) FROM award_compliance WHERE set_config('regionpolicy.language', 'ko', true) IS NOT NULL),
		  '지원 기간 연 지원 한도 지원금 비중', '… in Korean by default');
SET LOCAL regionpolicy.language = 'en';
-- a breach of one won is not rounded away
INSERT INTO award_entry (program, reference, recipient, business_number, province, first_year, years, fiscal_year, grant_amount, private_cash) VALUES
	('자유공모', 'RS-2023-006', '울산정밀(주)', '220-81-62517', '울산', 2023, 2, 2023, '(100000001,0)', '25000000');
SELECT is((SELECT explanation FROM award_compliance WHERE reference = 'RS-2023-006'),
		  'the grant is 80.0000002% of the project cost (100,000,001원 of 125,000,001원), above 80.0% (지원금 비중)',
		  '… a share one won above the limit is printed to the decimal that shows it');

-- loaded again: replaced, not doubled
INSERT INTO award_entry (program, reference, recipient, business_number, province, first_year, years, fiscal_year, grant_amount, private_cash)
VALUES ('자유공모', 'RS-2023-002', '부산기계(주)', '104-81-45521', '부산', 2023, 2, 2023, '국비 2억원', '1억원');
SELECT is((SELECT count(*) FROM award_year y JOIN award w ON w.id = y.award_id WHERE w.reference = 'RS-2023-002'), 1::bigint,
		  'an award year loaded again under its reference replaces it …');
SELECT is((SELECT count(*) FROM award_compliance WHERE reference = 'RS-2023-002'), 0::bigint, '… and the award now keeps the cap');

-- awards are a breakdown of their sub-programme: counted apart
INSERT INTO allocation (program_id, province_code, fiscal_year, amount) VALUES (5, '48', 2023, '(10억,0)');
SELECT is((SELECT total FROM region_totals WHERE fiscal_year = 2023 AND province_code = '48'), 1000000000::bigint,
		  'region_totals counts the allocation once, not the awards beside it');
SELECT is((SELECT format('%s/%s/%s', granted_total, budgeted_total, over_budget) FROM award_totals WHERE program_id = 5 AND province_code = '48' AND fiscal_year = 2023),
		  '200000000/1000000000/-800000000', 'award_totals: awarded against budgeted, per sub-programme, province and year');

-- a sub-programme's awards above its budget
INSERT INTO program (id, ministry, fiscal_year, name_ko, declared) VALUES (1000, 'MSS', 2024, '시험 공모', '(3억,0)');
INSERT INTO support_terms (program_id, valid_from, support_years, annual_cap, grant_share) VALUES (1000, 2024, 1, 500000000, 1);
INSERT INTO award_entry (program, reference, recipient, business_number, province, first_year, years, grant_amount) VALUES
	('시험 공모', 'T-1', '가(주)', '220-81-62517', '경남', 2024, 1, '국비 2억원'), ('시험 공모', 'T-2', '나(주)', '104-81-45521', '부산', 2024, 1, '국비 2억원');
SELECT is((SELECT array_agg(reference ORDER BY reference) FROM award_compliance WHERE rule = 'programme_budget'), ARRAY['T-1', 'T-2'],
		  'a sub-programme''s awards above its budget (4억 of 3억) flag each of its awards');

-- refusals, each naming the line
SELECT throws_ok($$INSERT INTO regionpolicy.award_entry (program, reference, recipient, business_number, province, first_year, years, grant_amount)
	VALUES ('자유공모', 'X-1', '가(주)', '220-81-62518', '경남', 2023, 2, '국비 1억원')$$, '22023', NULL, 'an invalid business number is refused');
SELECT throws_ok($$INSERT INTO regionpolicy.award_entry (program, reference, recipient, business_number, province, first_year, years, fiscal_year, grant_amount)
	VALUES ('자유공모', 'X-1', '가(주)', '220-81-62517', '경남', 2023, 2, 2025, '국비 1억원')$$, '23514', NULL, 'a year outside the award''s term is refused');
SELECT throws_ok($$INSERT INTO regionpolicy.award_entry (program, reference, recipient, business_number, first_year, years, grant_amount)
	VALUES ('자유공모', 'X-1', '가(주)', '220-81-62517', 2023, 2, '국비 1억원')$$, '23502', NULL, 'an award without a province is refused');
SELECT throws_ok($$INSERT INTO regionpolicy.award_entry (program, reference, recipient, business_number, province, first_year, years, grant_amount)
	VALUES ('없는 사업', 'X-1', '가(주)', '220-81-62517', '경남', 2023, 2, '국비 1억원')$$, '23503', NULL, 'an unknown sub-programme is refused');
SELECT throws_ok($$INSERT INTO regionpolicy.award_entry (program, reference, recipient, business_number, province, first_year, years, grant_amount)
	VALUES ('자유공모', 'X-1', '가(주)', '220-81-62517', '경남', 2023, 2, '정부 2억원, 기업 0.5억원')$$, '22P02', NULL,
	'the company''s money is not a grant: it goes in private_cash or private_in_kind');

-- stewards write awards of their own province only
CREATE ROLE rp_grants_kim NOLOGIN;
INSERT INTO province_steward VALUES ('rp_grants_kim', '48');
GRANT INSERT ON award, award_year, award_entry TO rp_grants_kim;
GRANT UPDATE (recipient, business_number, province_code, municipality_code, years, first_year) ON award TO rp_grants_kim;
GRANT UPDATE (grant_amount, private_cash, private_in_kind) ON award_year TO rp_grants_kim;
GRANT SELECT ON award, award_year, program, province, province_alias, municipality TO rp_grants_kim;
GRANT USAGE ON SEQUENCE award_id_seq TO rp_grants_kim;
SET LOCAL SESSION AUTHORIZATION rp_grants_kim;
SELECT lives_ok($$INSERT INTO regionpolicy.award_entry (program, reference, recipient, business_number, province, first_year, years, grant_amount)
	VALUES ('자유공모', 'K-1', '경남정밀(주)', '220-81-62517', '경남', 2023, 2, '국비 1억원')$$, 'a steward records an award of its province');
SELECT throws_ok($$INSERT INTO regionpolicy.award_entry (program, reference, recipient, business_number, province, first_year, years, grant_amount)
	VALUES ('자유공모', 'K-2', '부산기계(주)', '104-81-45521', '부산', 2023, 2, '국비 1억원')$$, '42501', NULL,
	'… and not one of another province');
RESET SESSION AUTHORIZATION;

-- terms as published from 2024: a cap over the whole period (2025: 2년간
-- 최대 14억 원), beside or instead of the yearly one
INSERT INTO program (id, ministry, fiscal_year, name_ko) VALUES (5100, 'MSS', 2025, '주력산업 생태계 구축');
SELECT throws_ok($$INSERT INTO regionpolicy.support_terms (program_id, valid_from, support_years, annual_cap, grant_share, period_cap)
				   VALUES (5100, 2025, 2, NULL, 0.75, NULL)$$, '23514', NULL, 'support terms have a yearly cap, a cap over the period, or both');
INSERT INTO support_terms (program_id, valid_from, support_years, annual_cap, grant_share, period_cap)
VALUES (5100, 2025, 2, NULL, 0.75, 1400000000);
INSERT INTO award_entry (program, reference, recipient, business_number, province, first_year, years, fiscal_year,
						 grant_amount, private_cash) VALUES
	('주력산업 생태계 구축', 'RS-2025-001', '경남정밀(주)', '220-81-62517', '경남', 2025, 2, 2025, '국비 8억원', '5억원'),
	('주력산업 생태계 구축', 'RS-2025-001', '경남정밀(주)', '220-81-62517', '경남', 2025, 2, 2026, '국비 7억원', '5억원'),
	('주력산업 생태계 구축', 'RS-2025-002', '부산기계(주)', '1048145521', '부산', 2025, 2, 2025, '국비 7억원', '5억원'),
	('주력산업 생태계 구축', 'RS-2025-002', '부산기계(주)', '1048145521', '부산', 2025, 2, 2026, '국비 7억원', '5억원');
SELECT is((SELECT array_agg(format('%s %s %s/%s', reference, rule, won, won_limit) ORDER BY reference) FROM award_compliance
		   WHERE reference LIKE 'RS-2025-%'),
		  ARRAY['RS-2025-001 period_cap 1500000000/1400000000'],
		  'grants of 8억 and 7억 break a cap of 14억 over the period; 7억 and 7억 keep it, and no yearly cap applies');
SELECT is((SELECT format('%s: %s', rule_label, explanation) FROM award_compliance WHERE reference = 'RS-2025-001'),
		  'cap over the period: the award''s grants come to 1,500,000,000원 over its term, above the cap of 1,400,000,000원 for the whole period (지원 한도)',
		  '… named and explained');
SELECT * FROM finish();
ROLLBACK;
