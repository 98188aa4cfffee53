-- Reference data.  SPEC §4: from the 2023 1st Regional Economic Committee
-- press release (MSS and MOTIE, 2023-02-27), entered exactly as published;
-- where published parts and totals disagree, the reconciliation view shows
-- it.  The province code tables (행정표준코드, Statistics Korea, ISO 3166-2)
-- are not in the release; they are the published code lists.

INSERT INTO @extschema@.province (code, kostat_code, iso_code, name_ko, short_ko, name_en, capital_area, note) VALUES
	('11', '11', 'KR-11', '서울특별시', '서울', 'Seoul', true, NULL),
	('26', '21', 'KR-26', '부산광역시', '부산', 'Busan', false, NULL),
	('27', '22', 'KR-27', '대구광역시', '대구', 'Daegu', false, NULL),
	('28', '23', 'KR-28', '인천광역시', '인천', 'Incheon', true, NULL),
	('29', '24', 'KR-29', '광주광역시', '광주', 'Gwangju', false, NULL),
	('30', '25', 'KR-30', '대전광역시', '대전', 'Daejeon', false, NULL),
	('31', '26', 'KR-31', '울산광역시', '울산', 'Ulsan', false, NULL),
	('36', '29', 'KR-50', '세종특별자치시', '세종', 'Sejong', false, NULL),
	('41', '31', 'KR-41', '경기도', '경기', 'Gyeonggi', true, NULL),
	('51', '32', 'KR-42', '강원특별자치도', '강원', 'Gangwon State', false,
	 '행정표준코드 42 until 2023-06-10, 51 since 강원특별자치도 began on 2023-06-11; ISO 3166-2 keeps KR-42'),
	('43', '33', 'KR-43', '충청북도', '충북', 'North Chungcheong', false, NULL),
	('44', '34', 'KR-44', '충청남도', '충남', 'South Chungcheong', false, NULL),
	('52', '35', 'KR-45', '전북특별자치도', '전북', 'Jeonbuk State', false,
	 '행정표준코드 45 until 2024-01-17, 52 since 전북특별자치도 began on 2024-01-18; ISO 3166-2 keeps KR-45; the KOSTAT code 35 is unverified'),
	('46', '36', 'KR-46', '전라남도', '전남', 'South Jeolla', false, NULL),
	('47', '37', 'KR-47', '경상북도', '경북', 'North Gyeongsang', false, NULL),
	('48', '38', 'KR-48', '경상남도', '경남', 'South Gyeongsang', false, NULL),
	('50', '39', 'KR-49', '제주특별자치도', '제주', 'Jeju', false, NULL);

INSERT INTO @extschema@.province_alias (alias, province_code, kind, valid_until) VALUES
	('42', '51', 'former code', '2023-06-10'),
	('45', '52', 'former code', '2024-01-17'),
	('강원도', '51', 'former name', '2023-06-10'),
	('전라북도', '52', 'former name', '2024-01-17'),
	('제주도', '50', 'former name', '2006-06-30'),
	('Gangwon-do', '51', 'former english', '2023-06-10'),
	('Gangwon Province', '51', 'former english', '2023-06-10'),
	('Jeollabuk-do', '52', 'former english', '2024-01-17'),
	('North Jeolla', '52', 'former english', '2024-01-17'),
	('서울시', '11', 'name', NULL),
	('부산시', '26', 'name', NULL),
	('대구시', '27', 'name', NULL),
	('인천시', '28', 'name', NULL),
	('대전시', '30', 'name', NULL),
	('울산시', '31', 'name', NULL),
	('세종시', '36', 'name', NULL),
	('강원', '51', 'name', NULL),
	('전북', '52', 'name', NULL),
	('Gangwon', '51', 'english', NULL),
	('Gangwon-teukbyeoljachido', '51', 'english', NULL),
	('Jeonbuk', '52', 'english', NULL),
	('Jeonbuk-teukbyeoljachido', '52', 'english', NULL),
	('Gyeonggi-do', '41', 'english', NULL),
	('Chungcheongbuk-do', '43', 'english', NULL),
	('Chungbuk', '43', 'english', NULL),
	('Chungcheongnam-do', '44', 'english', NULL),
	('Chungnam', '44', 'english', NULL),
	('Jeollanam-do', '46', 'english', NULL),
	('Jeonnam', '46', 'english', NULL),
	('Gyeongsangbuk-do', '47', 'english', NULL),
	('Gyeongbuk', '47', 'english', NULL),
	('Gyeongsangnam-do', '48', 'english', NULL),
	('Gyeongnam', '48', 'english', NULL),
	('Jeju-do', '50', 'english', NULL),
	('Jeju-teukbyeoljachido', '50', 'english', NULL);
-- "광주시" is left out on purpose: it is also a city of 경기도.

INSERT INTO @extschema@.superregion (id, name_ko, industry_ko, industry_en) VALUES
	(1, '부산·울산·경남', '친환경지능형(스마트)조선해양', 'eco-friendly smart shipbuilding and offshore'),
	(2, '광주·전남', '신재생에너지기반 지능형전력시스템', 'smart power systems on renewable energy'),
	(3, '충북·강원·제주', '생명공학(바이오)진단치료의료기기', 'biotech diagnostic and therapeutic medical devices'),
	(4, '전북·대구·경북', '전기자율차', 'electric and autonomous vehicles'),
	(5, '대전·세종·충남', '디지털건강 관리(헬스케어)', 'digital healthcare');

INSERT INTO @extschema@.superregion_member (superregion_id, province_code) VALUES
	(1, '26'), (1, '31'), (1, '48'),
	(2, '29'), (2, '46'),
	(3, '43'), (3, '51'), (3, '50'),
	(4, '52'), (4, '27'), (4, '47'),
	(5, '30'), (5, '36'), (5, '44');

-- Programmes.  Ids below 1000 are reference rows.
--
-- MSS, 2023 regional industry promotion plan (지역산업진흥계획): 2,864억 =
-- 정부 2,049억 + 지방비 815억.  Its sub-programmes of 지역특화산업육성 are
-- published as one budget figure each ("지원규모는 해당사업의 당해연도
-- 사업예산"): recorded as national (정부) funds.  Support period and
-- government share are maxima (붙임 5).
INSERT INTO @extschema@.program
	(id, parent_id, ministry, fiscal_year, name_ko, name_en, declared, children_complete,
	 support_years, annual_cap, government_share, selection_mode,
	 announced_on, applications_from, applications_until, selection_period, note)
OVERRIDING SYSTEM VALUE VALUES
	(1, NULL, 'MSS', 2023, '2023년도 지역산업진흥계획', 'Regional industry promotion plan 2023',
	 '2,864억원(정부 2,049억원, 지방비 815억원)', false,
	 NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
	 'covers 지역주력산업, 지역혁신 선도기업, 시군구연고산업 and more; only 지역특화산업육성 is itemised in the release'),
	(2, 1, 'MSS', 2023, '지역특화산업육성', 'Regional specialised industry development',
	 NULL, false,
	 NULL, NULL, NULL, NULL, '2023-02-28', '2023-03-15', '2023-03-29', '2023-04',
	 'no total published; announced 2.28, applications 3.15~29, selection in April'),
	(3, 2, 'MSS', 2023, '지역주력산업 R&D', 'Regional main industry R&D',
	 '국비 1,207억', true, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '선정규모 1,207억원 (신규 879, 계속 328)'),
	(4, 3, 'MSS', 2023, '지역주력산업 R&D 신규', 'Regional main industry R&D, new',
	 '국비 879억', true, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
	(5, 4, 'MSS', 2023, '자유공모', 'Open call',
	 '국비 688억', false, 2, 200000000, 0.80, '자유공모', NULL, NULL, NULL, NULL, NULL),
	(6, 4, 'MSS', 2023, '품목지정', 'Designated items',
	 '국비 108억', false, 2, 400000000, 0.80, '품목지정', NULL, NULL, NULL, NULL, NULL),
	(7, 4, 'MSS', 2023, '지역혁신 선도기업', 'Regional innovation leading companies',
	 '국비 83억', false, 3, 300000000, 0.80, '자유공모', NULL, NULL, NULL, NULL, NULL),
	(8, 3, 'MSS', 2023, '지역주력산업 R&D 계속', 'Regional main industry R&D, continuing',
	 '국비 328억', false, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
	(9, 2, 'MSS', 2023, '지역스타기업 R&D', 'Regional star company R&D',
	 '국비 323억', true, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '선정규모 323억원 (신규 234, 계속 89)'),
	(10, 9, 'MSS', 2023, '지역스타기업 R&D 신규', 'Regional star company R&D, new',
	 '국비 234억', false, 2, 200000000, 0.80, '자유공모', NULL, NULL, NULL, NULL, NULL),
	(11, 9, 'MSS', 2023, '지역스타기업 R&D 계속', 'Regional star company R&D, continuing',
	 '국비 89억', false, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
	(12, 2, 'MSS', 2023, '지역주력산업지원', 'Regional main industry support',
	 '국비 259.1억', false, 2, 500000000, 1.00, '프로그램 지정', NULL, NULL, NULL, NULL, '선정규모 259.1억원 (신규)');

-- MOTIE, 2023 regional projects plan (지역사업추진계획): four programmes,
-- "총 4,232억원(국비 2,854억원, 지방비 1,378억원)".  The four published
-- splits add up to 국비 2,853억 and 지방비 1,791억: entered as published.
INSERT INTO @extschema@.program (id, parent_id, ministry, fiscal_year, name_ko, name_en, declared, children_complete, note)
OVERRIDING SYSTEM VALUE VALUES
	(20, NULL, 'MOTIE', 2023, '2023년도 지역사업추진계획', 'Regional projects plan 2023',
	 '총 4,232억원(국비 2,854억원, 지방비 1,378억원)', true, '4개 사업'),
	(21, 20, 'MOTIE', 2023, '지역혁신협력지구(클러스터)육성', 'Regional innovation clusters',
	 '국비 929억, 지방비 433억', false, NULL),
	(22, 20, 'MOTIE', 2023, '지역협력혁신성장', 'Regional cooperative innovation growth',
	 '국비 107억, 지방비 459억', false, NULL),
	(23, 20, 'MOTIE', 2023, '사회적경제혁신성장', 'Social economy innovation growth',
	 '국비 210억, 지방비 210억', false, NULL),
	(24, 20, 'MOTIE', 2023, '지능형(스마트) 특성화기반구축', 'Smart specialised infrastructure',
	 '국비 1,607억, 지방비 689억', false, NULL);

INSERT INTO @extschema@.program_target (program_id, indicator, quantity, unit) VALUES
	(1, 'jobs', 3623, 'persons'),
	(1, 'sales', 821500000000, 'won');

INSERT INTO @extschema@.cluster (id, province_code, name_ko, designated_year) VALUES
	(1, '26', '부산 지역혁신협력지구', 2018),
	(2, '27', '대구 지역혁신협력지구', 2018),
	(3, '29', '광주 지역혁신협력지구', 2018),
	(4, '30', '대전 지역혁신협력지구', 2018),
	(5, '31', '울산 지역혁신협력지구', 2018),
	(6, '36', '세종 지역혁신협력지구', 2018),
	(7, '51', '강원 지역혁신협력지구', 2018),
	(8, '43', '충북 지역혁신협력지구', 2018),
	(9, '44', '충남 지역혁신협력지구', 2018),
	(10, '52', '전북 지역혁신협력지구', 2018),
	(11, '46', '전남 지역혁신협력지구', 2018),
	(12, '47', '경북 지역혁신협력지구', 2018),
	(13, '48', '경남 지역혁신협력지구', 2018),
	(14, '50', '제주 지역혁신협력지구', 2018);

-- 붙임 5, 지역별 문의처: as published in February 2023 (so 강원도 and
-- 전라북도 in the addresses, before their renaming).
INSERT INTO @extschema@.evaluation_agency (province_code, name_ko, address, telephone) VALUES
	('26', '(재)부산지역사업평가단', '부산광역시 사상구 엄궁로 70-16, 부산테크노파크 1층 112호', '(051)315-9263~6'),
	('27', '(재)대구지역사업평가단', '대구광역시 북구 경대로17길 47, 경북대학교 IT융합산업빌딩 10층 1003호', '(053)818-9564~5, 9599'),
	('30', '(재)대전지역사업평가단', '대전광역시 유성구 테크노9로 35, 대전테크노파크 IT전용 벤처타운 121호', '(042)864-4271, 4275, 4278, 4277'),
	('29', '(재)광주지역사업평가단', '광주광역시 북구 추암로 249, 광주이노비즈센터 9층', '(062)604-9121, 9124'),
	('31', '(재)울산지역사업평가단', '울산광역시 중구 종가로 362-11, 울산과학기술진흥센터 201호', '(052)248-5763, 5766, 5768, 5769'),
	('51', '(재)강원지역사업평가단', '강원도 춘천시 강원대학길 1, 강원대학교 60주년기념관 8층', '(033)258-2681, 2655'),
	('43', '(재)충북지역사업평가단', '충청북도 청주시 흥덕구 오송읍 오송생명1로 194-41, 충북산학 융합본부 기업연구1관 203호', '(043)278-2711, 2714, 2715, 2717'),
	('44', '(재)충남지역사업평가단', '충청남도 천안시 서북구 광장로 215, 충남경제종합지원센터 6층', '(041)415-2169'),
	('52', '(재)전북지역사업평가단', '전라북도 전주시 덕진구 백제대로 567, 전북대학교 건지원 1층', '(063)278-9734, 9739'),
	('46', '(재)전남지역사업평가단', '전라남도 나주시 그린로 370, 에너지밸리기업개발원 1층(빛가람동)', '(061)339-9722~5'),
	('47', '(재)경북지역사업평가단', '경상북도 경산시 삼풍로 27, 글로벌벤처동 4층 2403호', '(053)818-9503, 9507, 9509'),
	('48', '(재)경남지역사업평가단', '경상남도 창원시 의창구 창원대로18번길 22, 본부동 405호', '(055)259-3403, 3404, 3408, 3410'),
	('50', '(재)제주지역사업평가단', '제주특별자치도 제주시 첨단로 213-3, 스마트빌딩 420호', '(064)759-7422~4, 7426'),
	('36', '(재)세종지역사업평가단', '세종특별자치시 조치원읍 군청로 93, 세종SB플라자 5층 501호', '(044)863-9367, 9382');

INSERT INTO @extschema@.committee_figure (key, label_ko, quantity, unit, amount, amount_total, period) VALUES
	('provinces', '비수도권 시·도', 14, 'provinces', NULL, NULL, NULL),
	('main_industries_before', '기존 지역주력산업', 48, 'industries', NULL, NULL, NULL),
	('core_industries', '주축산업', 41, 'industries', NULL, NULL, NULL),
	('future_industries', '미래신산업', 19, 'industries', NULL, NULL, NULL),
	('home_industry_municipalities', '시군구연고산업 지원대상 기초지자체', 132, 'municipalities', NULL, NULL, NULL),
	('superregions', '초광역 협력권', 5, 'superregions', NULL, NULL, NULL),
	('investment_projects', '지역 투자사업(프로젝트)', 550, 'projects', NULL, NULL, NULL),
	('investment_projects_amount', '지역 투자사업(프로젝트) 규모', NULL, NULL, NULL, 65200000000000, NULL),
	('clusters_2018_2022', '지역혁신협력지구 지원 (국비, 지방비 등)', NULL, NULL,
	 '총 6,418억원(국비 3,759억원, 지방비 등 2,659억원)', NULL, '2018~2022'),
	('both_ministries_2023', '지역산업 육성, 기업 지원에 양 부처 투입 (headline, rounded)', NULL, NULL, NULL, 700000000000, '2023');

-- From here on reference rows are read-only: every row of the tables that
-- hold only reference data, and the reserved ids of programmes and their
-- targets.
DO $$
DECLARE
	guarded text[] := ARRAY['province:all', 'province_alias:all', 'superregion:all', 'superregion_member:all',
							'cluster:all', 'evaluation_agency:all', 'committee_figure:all',
							'program:id', 'program_target:program_id'];
	item text;
BEGIN
	FOREACH item IN ARRAY guarded LOOP
		EXECUTE format('CREATE TRIGGER reference_guard BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.%I '
					   'FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_guard(%L)',
					   split_part(item, ':', 1), split_part(item, ':', 2));
		EXECUTE format('CREATE TRIGGER reference_guard_truncate BEFORE TRUNCATE ON @extschema@.%I '
					   'FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_guard(''all'')',
					   split_part(item, ':', 1));
	END LOOP;
END
$$;

-- pg_dump keeps what users write, and only that.
SELECT pg_catalog.pg_extension_config_dump('@extschema@.program', 'WHERE id >= 1000');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.program_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.program_target', 'WHERE program_id >= 1000');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.allocation', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.allocation_id_seq', '');

-- province_code(text, as_of): 991-merger.sql.
