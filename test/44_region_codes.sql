-- The codes and names other systems give local governments: 지방재정365's
-- 7-digit 자치단체코드 and names without a space (본청: the province's own
-- lines), 일반구 codes and names, 10-digit 법정동코드; aggregate rows are
-- refused.  doc/regionpolicy.md, "Codes of other systems".  Expected codes
-- are the MOIS 법정동코드 of the 구 each 7-digit code names (the cut to 5
-- digits would give another 구: 11140 중구, 11170 용산구, 11200 성동구,
-- 11230 동대문구).
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION regionpolicy CASCADE;
SET LOCAL search_path = regionpolicy, public;
SET LOCAL client_min_messages = warning;
SELECT plan(29);

-- the shipped list
SELECT is((SELECT count(*) FROM region_code WHERE system = 'lofin' AND source LIKE 'S1 %'), 243::bigint,
		  'lofin: the 243 local governments of 지방재정365''s FY2024 list …');
SELECT is((SELECT count(*) FROM region_code WHERE system = 'lofin' AND municipality_code IS NULL), 17::bigint,
		  '… 17 of them 본청, a province''s own budget');
SELECT is((SELECT count(DISTINCT municipality_code) FROM region_code WHERE system = 'lofin' AND source LIKE 'S1 %'), 226::bigint,
		  '… and the other 226 the 226 autonomous 시·군·구, each once');
SELECT is((SELECT count(*) FROM region_code r JOIN municipality m ON m.code = r.municipality_code
		   WHERE r.system = 'lofin' AND (m.province_code <> r.province_code OR m.name_ko <> r.municipality_name)), 0::bigint,
		  'every row''s code, province and name agree');

-- a 7-digit code is lofin's, never cut to five digits
SELECT is((SELECT array_agg(r.municipality_code ORDER BY v.ord) FROM unnest(ARRAY['1114000', '1117000', '1120000', '1123000'])
			 WITH ORDINALITY AS v(code, ord), LATERAL entry_region(NULL, v.code, 2025, NULL, 'test') r),
		  ARRAY['11200', '11260', '11320', '11410'], '1114000 성동구, 1117000 중랑구, 1120000 도봉구, 1123000 서대문구');
SELECT throws_ok($$SELECT * FROM regionpolicy.entry_region(NULL, '1199000', 2025, NULL, 'test')$$, '22023',
	'unknown 7-digit 자치단체코드 ''1199000'' (test)', 'an unknown 7-digit code is refused, not cut to 11990');
SELECT is((SELECT format('%s %s', province_code, municipality_code) FROM entry_region(NULL, '서울성동구', 2025, NULL, 'test')),
		  '11 11200', 'lofin''s name without a space: 서울성동구');
SELECT is((SELECT format('%s %s', province_code, municipality_code) FROM entry_region(NULL, '강원고성군', 2025, NULL, 'test')),
		  '51 51820', '강원고성군 is 강원''s 고성군 …');
SELECT is((SELECT format('%s %s', province_code, municipality_code) FROM entry_region(NULL, '경남고성군', 2025, NULL, 'test')),
		  '48 48820', '… and 경남고성군 경남''s');
SELECT is((SELECT format('%s %s', province_code, municipality_code) FROM entry_region(NULL, '4211000', 2023, NULL, 'test')),
		  '51 42110', 'a code is read on the line''s date: 강원춘천시 in FY2023 is 42110 …');
SELECT is((SELECT format('%s %s', province_code, municipality_code) FROM entry_region(NULL, '4211000', 2025, NULL, 'test')),
		  '51 51110', '… and 51110 in FY2025');
SELECT is((SELECT format('%s %s', province_code, municipality_code) FROM entry_region(NULL, '4771000', 2023, NULL, 'test')),
		  '47 47720', '경북군위군 (4771000) in FY2023 …');
SELECT throws_ok($$SELECT * FROM regionpolicy.entry_region(NULL, '4771000', 2024, NULL, 'test')$$, '22023',
	'''4771000'' names no 시·군·구 in fiscal year 2024 (test)', '… is refused in FY2024, when 군위 was 대구''s …');
CREATE FUNCTION pg_temp.hint_of(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE h text;
BEGIN
	EXECUTE q;
	RETURN NULL;
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS h = PG_EXCEPTION_HINT;
	RETURN h;
END $$;
SELECT is(pg_temp.hint_of($$SELECT * FROM regionpolicy.entry_region(NULL, '4771000', 2024, NULL, 'test')$$),
		  'That year it is 2772000 (대구군위군).', '… and the refusal gives the code of that year');

-- 본청: the province's own lines
SELECT is((SELECT format('%s %s', province_code, coalesce(municipality_code, '-')) FROM entry_region(NULL, '서울본청', 2025, NULL, 'test')),
		  '11 -', '서울본청 is a line of 서울 and of no 시·군·구');
SELECT is((SELECT format('%s %s', province_code, coalesce(municipality_code, '-')) FROM entry_region('4500000', NULL, 2025, NULL, 'test')),
		  '52 -', '… in the province column too (4500000 전북본청)');
SELECT throws_ok($$SELECT * FROM regionpolicy.entry_region('부산', '서울성동구', 2025, NULL, 'test')$$, '23514', NULL,
	'a lofin name of another province than the line''s is refused');

-- aggregate rows
SELECT throws_ok($$SELECT * FROM regionpolicy.entry_region(NULL, '서울계', 2025, NULL, 'test')$$, '22023',
	'region ''서울계'' is an aggregate row, not a line (test)', 'an aggregate row (서울계) is refused, never summed in');
SELECT throws_ok($$SELECT * FROM regionpolicy.entry_region(NULL, '1100000*', 2025, NULL, 'test')$$, '22023', NULL,
	'… and a code ending in *');

-- 일반구 and 법정동코드
SELECT is((SELECT municipality_code FROM entry_region(NULL, '41194', 2025, NULL, 'test')), '41190', '일반구 41194 (부천시 소사구) is 부천시');
SELECT throws_ok($$SELECT * FROM regionpolicy.entry_region(NULL, '41194', 2023, NULL, 'test')$$, '22023', NULL,
	'… which had no 구 in 2023');
SELECT is((SELECT municipality_code FROM entry_region('경기', '부천시 소사구', 2025, NULL, 'test')), '41190', '… by name too');
SELECT is((SELECT municipality_code FROM entry_region(NULL, '41593', 2026, NULL, 'test')), '41590', '화성''s 구 from 2026-02-01');
SELECT is((SELECT municipality_code FROM entry_region(NULL, '4159333038', 2026, NULL, 'test')), '41590',
		  'a 10-digit 법정동코드 by its first five digits (a 동 of a 화성 구) …');
SELECT is((SELECT municipality_code FROM entry_region(NULL, '2611010100', 2025, NULL, 'test')), '26110', '… and of 부산 중구');

-- through the loads
INSERT INTO program (id, ministry, fiscal_year, name_ko) VALUES (1000, 'MOTIE', 2025, '시험 사업');
INSERT INTO allocation_entry (program, municipality, fiscal_year, "national", local, unit, reference)
VALUES ('시험 사업', '서울본청', 2025, '1,000', '500', '천원', 'R-1'), ('시험 사업', '1114000', 2025, '2,000', '0', '천원', 'R-2');
SELECT is((SELECT array_agg(format('%s %s %s', reference, province_code, coalesce(municipality_code, '-')) ORDER BY reference)
		   FROM allocation), ARRAY['R-1 11 -', 'R-2 11 11200'], 'allocation_entry reads them');
CREATE TEMP TABLE lines (LIKE allocation_entry);
INSERT INTO lines (program, municipality, fiscal_year, "national", local, reference) VALUES
	('시험 사업', '1117000', 2025, '10', '0', 'R-3'), ('시험 사업', '부산본청', 2025, '20', '0', 'R-4');
SELECT is((SELECT row(inserted, replaced)::text FROM load_allocations('lines', '천원')), '(2,0)', 'load_allocations loads them …');
SELECT is((SELECT array_agg(format('%s %s %s', a.reference, a.province_code, coalesce(a.municipality_code, '-')) ORDER BY a.reference)
		   FROM allocation a WHERE a.reference IN ('R-3', 'R-4')),
		  ARRAY['R-3 11 11260', 'R-4 26 -'], '… read as lines of 중랑구 and of 부산 itself');
INSERT INTO lines (program, municipality, fiscal_year, "national", local, reference) VALUES ('시험 사업', '부산계', 2025, '30', '0', 'R-5');
SELECT throws_like($$SELECT * FROM regionpolicy.load_allocations('lines', '천원')$$,
	'region ''부산계'' is an aggregate row, not a line (line 3)', '… and refuse an aggregate row, naming its line');
SELECT * FROM finish();
ROLLBACK;
