-- The reference data against the source document (the 2023 1st Regional
-- Economic Committee press release), figure by figure.  doc/regionpolicy.md, "Reference data".
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION regionpolicy CASCADE;
SET LOCAL search_path = regionpolicy, public;
SELECT plan(41);

-- provinces and their three code systems
SELECT is((SELECT count(*) FROM province WHERE province_valid_on(province, '2023-02-27')), 17::bigint, '17 시·도 on the document''s date');
SELECT is((SELECT count(*) FROM province WHERE NOT capital_area AND province_valid_on(province, '2023-02-27')), 14::bigint, '14 outside the capital area');
SELECT set_eq('SELECT code FROM province WHERE capital_area', ARRAY['11', '28', '41'], '서울 11, 인천 28, 경기 41 are the capital area');
SELECT is((SELECT code FROM province WHERE short_ko = '강원'), '51', '강원 is 51');
SELECT is((SELECT code FROM province WHERE short_ko = '전북'), '52', '전북 is 52');
SELECT is((SELECT kostat_code FROM province WHERE code = '26'), '21', 'KOSTAT numbers 부산 21');
SELECT is((SELECT kostat_code FROM province WHERE code = '31'), '26', 'KOSTAT numbers 울산 26');
SELECT is((SELECT iso_code FROM province WHERE code = '51'), 'KR-42', 'ISO keeps 강원 at KR-42');
SELECT is((SELECT iso_code FROM province WHERE code = '50'), 'KR-49', 'ISO numbers 제주 KR-49');
SELECT is((SELECT iso_code FROM province WHERE code = '36'), 'KR-50', 'ISO numbers 세종 KR-50');

-- super-regions
SELECT is((SELECT count(*) FROM superregion), 5::bigint, 'five 초광역 협력권');
SELECT set_eq($$SELECT p.short_ko FROM superregion_member m JOIN province p ON p.code = m.province_code
			   JOIN superregion s ON s.id = m.superregion_id WHERE s.industry_ko = '전기자율차'$$,
			  ARRAY['전북', '대구', '경북'], '전기자율차: 전북·대구·경북');
SELECT is((SELECT count(DISTINCT province_code) FROM superregion_member), 14::bigint, 'the five cover the 14 non-capital provinces');

-- MSS 2023 plan: 2,864억 = 2,049 + 815; targets 3,623 jobs and 8,215억
SELECT is((SELECT declared FROM program WHERE id = 1), funding(204900000000, 81500000000), 'MSS plan: 정부 2,049억 + 지방비 815억');
SELECT is((SELECT total(declared) FROM program WHERE id = 1), 286400000000::bigint, 'MSS plan: 2,864억');
SELECT is((SELECT quantity FROM program_target WHERE program_id = 1 AND indicator = 'jobs'), 3623::numeric, '3,623 new jobs');
SELECT is((SELECT quantity FROM program_target WHERE program_id = 1 AND indicator = 'sales'), 821500000000::numeric, '8,215억 in sales');
-- 지역특화산업육성
SELECT is((SELECT total(declared) FROM program WHERE name_ko = '지역주력산업 R&D'), 120700000000::bigint, '지역주력산업 R&D 1,207억');
SELECT is((SELECT total(declared) FROM program WHERE name_ko = '지역주력산업 R&D 신규'), 87900000000::bigint, '신규 879억');
SELECT is((SELECT total(declared) FROM program WHERE name_ko = '지역주력산업 R&D 계속'), 32800000000::bigint, '계속 328억');
SELECT set_eq($$SELECT name_ko, total(declared), support_years, annual_cap, government_share, selection_mode FROM program WHERE parent_id = 4$$,
			  $$VALUES ('자유공모', 68800000000::bigint, 2::smallint, 200000000::bigint, 0.80, '자유공모'),
					   ('품목지정', 10800000000, 2, 400000000, 0.80, '품목지정'),
					   ('지역혁신 선도기업', 8300000000, 3, 300000000, 0.80, '자유공모')$$,
			  '신규 879 = 자유공모 688 + 품목지정 108 + 지역혁신 선도기업 83, with period, cap, share and mode');
SELECT is((SELECT total(declared) FROM program WHERE name_ko = '지역스타기업 R&D'), 32300000000::bigint, '지역스타기업 R&D 323억');
SELECT set_eq($$SELECT total(declared) FROM program WHERE parent_id = 9$$, ARRAY[23400000000::bigint, 8900000000], '= 234 + 89');
SELECT is((SELECT declared FROM program WHERE name_ko = '지역주력산업지원'), '(259.1억,0)'::funding, '지역주력산업지원 259.1억');
SELECT is((SELECT row(support_years, annual_cap, government_share, selection_mode)::text FROM program WHERE name_ko = '지역주력산업지원'),
		  '(2,500000000,1.00,"프로그램 지정")', '지역주력산업지원: 2년, 연 5억, 100%, 프로그램 지정');
SELECT is((SELECT row(announced_on, applications_from, applications_until, selection_period)::text FROM program WHERE id = 2),
		  '(2023-02-28,2023-03-15,2023-03-29,2023-04)', 'schedule: 공고 2.28, 접수 3.15~29, 선정 4월');

-- MOTIE 2023 plan: 4,232억 = 2,854 + 1,378, and its four programmes
SELECT is((SELECT declared FROM program WHERE id = 20), funding(285400000000, 137800000000), 'MOTIE plan: 국비 2,854억 + 지방비 1,378억');
SELECT set_eq($$SELECT name_ko, declared::text FROM program WHERE parent_id = 20$$,
			  $$VALUES ('지역혁신협력지구(클러스터)육성', '(929억,433억,1362억)'), ('지역협력혁신성장', '(107억,459억,566억)'),
					   ('사회적경제혁신성장', '(210억,210억,420억)'), ('지능형(스마트) 특성화기반구축', '(1607억,689억,2296억)')$$,
			  'the four MOTIE programmes with their national/local splits');

-- committee figures
SELECT is((SELECT amount FROM committee_figure WHERE key = 'clusters_2018_2022'), funding(375900000000, 265900000000),
		  'clusters 2018–2022: 6,418억 = 3,759 + 2,659');
SELECT is((SELECT quantity FROM committee_figure WHERE key = 'investment_projects'), 550::numeric, '550 investment projects');
SELECT is((SELECT amount_total FROM committee_figure WHERE key = 'investment_projects_amount'), 65200000000000::bigint, '65.2조원');
SELECT is((SELECT quantity FROM committee_figure WHERE key = 'home_industry_municipalities'), 132::numeric, '132 시군구');
SELECT is((SELECT array_agg(quantity ORDER BY key) FROM committee_figure WHERE key IN ('main_industries_before', 'core_industries', 'future_industries')),
		  ARRAY[41, 19, 48]::numeric[], '48 main industries became 41 core + 19 future');
SELECT is((SELECT quantity FROM committee_figure WHERE key = 'provinces'), 14::numeric, '14 provinces');

-- clusters and evaluation agencies
SELECT is((SELECT count(*) FROM cluster), 14::bigint, 'one cluster in each of the 14 non-capital provinces');
SELECT is((SELECT count(*) FROM cluster c JOIN province p ON p.code = c.province_code WHERE p.capital_area), 0::bigint, 'none in the capital area');
SELECT is((SELECT count(*) FROM evaluation_agency), 14::bigint, '14 지역사업평가단');
SELECT is((SELECT telephone FROM evaluation_agency WHERE province_code = '50'), '(064)759-7422~4, 7426', '제주 telephone as published');
SELECT is((SELECT address FROM evaluation_agency WHERE province_code = '51'), '강원도 춘천시 강원대학길 1, 강원대학교 60주년기념관 8층',
		  '강원 address as published (before the renaming)');
SELECT is((SELECT name_ko FROM evaluation_agency WHERE province_code = '36'), '(재)세종지역사업평가단', '세종 agency name');

-- the published disagreement is kept, not corrected
SELECT is((SELECT sum(declared) FROM program WHERE parent_id = 20), funding(285300000000, 179100000000),
		  'the four MOTIE programmes add up to 2,853억 + 1,791억, as published');

SELECT * FROM finish();
ROLLBACK;
