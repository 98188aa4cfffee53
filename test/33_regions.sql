-- Regions over time (doc/regionpolicy.md, "Loading, reports and regions over time"): provinces with validity and
-- successors, the 시·군·구 and their code history, designations, and
-- allocations rolled up across the 2026 merger.  Expected counts are the
-- reference notes' (municipalities.md), not the data's own.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION regionpolicy CASCADE;
SET LOCAL search_path = regionpolicy, public;
SELECT plan(40);

-- provinces over time
SELECT is(province_code('광주', '2023-03-01'), '29', '광주 on 2023-03-01 is 29');
SELECT is(province_code('광주', '2026-07-01'), '12', '… and from 2026-07-01 the merged province');
SELECT is(province_code('전남', '2027-01-01'), '12', '전남 after the merger');
SELECT is(province_code('광주특별시', '2027-01-01'), '12', 'the merged province''s short name');
SELECT is(province_code('전남광주통합특별시', '2026-07-01'), '12', '… and its full name');
SELECT is(province_code('42', '2023-03-01'), '51', 'a renumbering keeps one province: 42 is 51');
SELECT is(province_code('전라북도', '2023-03-01'), '52', '… and a former name resolves');
SELECT throws_ok($$SELECT regionpolicy.province_code('12', '2023-03-01')$$, '22023', 'province "12" did not exist on 2023-03-01',
				 'the merged province did not exist in 2023');
SELECT is(ARRAY[province_code_in_year('광주', 2026), province_code_in_year('광주광역시', 2026),
				province_code_in_year('전남', 2026), province_code_in_year('전라남도', 2026)],
		  ARRAY['29', '29', '46', '46'],
		  'an FY2026 line naming 광주 or 전남 is theirs without a date: their budgets were set before the merger');
SELECT is(ARRAY[province_code_in_year('전남광주', 2026), province_code_in_year('전남광주통합특별시', 2026), province_code_in_year('광주특별시', 2026)],
		  ARRAY['12', '12', '12'], '… and the merged province''s own names are 12');
INSERT INTO province (code, name_ko, short_ko, capital_area, sort_order, valid_from) VALUES ('96', '시험도', '새시험', false, 96, '2030-07-01');
INSERT INTO province (code, name_ko, short_ko, capital_area, sort_order, valid_from, valid_to, successor_code) VALUES ('97', '옛시험도', '시험도 옛', false, 97, '2029-01-01', '2030-07-01', '96');
INSERT INTO province_alias (alias, province_code, kind) VALUES ('시험', '96', 'short name'), ('옛시험', '97', 'short name');
SELECT is(province_code_in_year('옛시험', 2030), '97', 'a name of the province that ended is that province''s in the year it ended …');
INSERT INTO province_alias (alias, province_code, kind) VALUES ('옛시험도', '96', 'former name');
SELECT throws_ok($$SELECT regionpolicy.province_code_in_year('옛시험도', 2030)$$, '22023', NULL,
				 '… but a name that also names its successor reads two ways, and is refused without a date');
SELECT is(province_code_in_year('광주', 2025), '29', '… in 2025 it is 29');
SELECT is((SELECT count(*) FROM province WHERE province_valid_on(province, '2026-07-01')), 16::bigint, '16 시·도 from 2026-07-01');
SELECT is((SELECT provisional FROM province WHERE code = '12'), true, 'code 12 is marked provisional (third-party sources)');
SELECT is((SELECT array_agg(province_code ORDER BY province_code) FROM cluster WHERE province_code IN ('29', '46', '12')), ARRAY['29', '46'],
		  'the 광주 and 전남 clusters stay two clusters, as designated in 2018');
SELECT is((SELECT count(*) FROM cluster c JOIN province p ON p.code = c.province_code
		   WHERE NOT p.capital_area AND province_valid_on(p, '2018-12-31')), 14::bigint,
		  'one cluster per non-capital province, as of the 2018 designation');

-- the 시·군·구
CREATE TEMP VIEW on_doc_date AS
SELECT * FROM municipality WHERE (valid_from IS NULL OR valid_from <= '2023-02-27') AND (valid_to IS NULL OR valid_to > '2023-02-27');
SELECT is((SELECT count(*) FROM on_doc_date), 229::bigint, '229 시·군·구 on 2023-02-27');
SELECT is((SELECT array_agg(n ORDER BY kind) FROM (SELECT kind, count(*) AS n FROM on_doc_date GROUP BY kind) k),
		  ARRAY[82, 75, 69, 1, 2]::bigint[], '82 군, 75 시, 69 자치구, 세종 and the 2 행정시 of 제주');
SELECT is((SELECT count(*) FROM on_doc_date WHERE kind IN ('시', '군', '자치구')), 226::bigint, '226 autonomous');
SELECT is(municipality_code('통영시', '2023-03-01'), '48220', '통영시');
SELECT is(municipality_code('경남 통영시', '2023-03-01'), '48220', '경남 통영시');
SELECT is(municipality_code('경상남도 통영시', '2023-03-01'), '48220', '경상남도 통영시');
SELECT is(municipality_code('47720', '2023-03-01'), '47720', '군위 in 2023 under 경북');
SELECT is(municipality_code('47720', '2024-01-01'), '27720', '… its former code resolves to 대구''s after 2023-07-01');
SELECT is(municipality_code('42110', '2024-01-01'), '51110', '강원''s former codes resolve (춘천 42110 → 51110)');
SELECT is(municipality_code('29110', '2027-01-01'), '12210', '광주 동구 renumbered to 12210 after the merger');
SELECT throws_ok($$SELECT regionpolicy.municipality_code('중구', '2023-03-01')$$, '22023', 'municipality "중구" is ambiguous on 2023-03-01',
				 'a name several provinces share is an error …');
CREATE FUNCTION pg_temp.detail_of(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE d text; BEGIN EXECUTE q; RETURN NULL; EXCEPTION WHEN others THEN GET STACKED DIAGNOSTICS d = PG_EXCEPTION_DETAIL; RETURN d; END $$;
SELECT is(pg_temp.detail_of($$SELECT regionpolicy.municipality_code('고성군', '2023-03-01')$$),
		  'Candidates: 강원 고성군 (42820), 경남 고성군 (48820).', '… listing the candidates (고성군: 강원 and 경남, with 강원''s code of that date)');
SELECT throws_ok($$SELECT regionpolicy.municipality_code('강서구', '2023-03-01')$$, '22023', NULL, '강서구 (서울, 부산) too');

-- designations
SELECT is((SELECT array_agg(n ORDER BY sort_order) FROM (
			SELECT p.sort_order, count(*) AS n
			FROM municipality_designation d
				 JOIN municipality m ON m.code = d.municipality_code
				 JOIN province p ON p.code = m.province_code
			WHERE d.kind = '인구감소지역' AND d.valid_from <= '2023-02-27' AND (d.valid_to IS NULL OR d.valid_to > '2023-02-27')
			GROUP BY p.sort_order) x),
		  ARRAY[3, 2, 2, 2, 12, 6, 9, 10, 16, 16, 11]::bigint[],
		  'the 89 인구감소지역 on 2023-02-27 by province: 3+2+2+2+12+6+9+10+16+16+11');
SELECT is((SELECT count(DISTINCT municipality_code) FROM municipality_designation WHERE kind = '인구감소관심지역'), 18::bigint,
		  'the 18 관심지역');
SELECT is((SELECT count(*) FROM municipality_designation WHERE basis = '' OR basis IS NULL), 0::bigint, 'every designation names its legal basis');
SELECT throws_ok($$DELETE FROM regionpolicy.municipality_designation WHERE id < 1000$$, '42501', NULL, 'shipped designations are read-only');
SELECT lives_ok($$INSERT INTO regionpolicy.municipality_designation (municipality_code, kind, valid_from, basis)
				  VALUES ('48220', '시군구연고산업 지원대상', '2023-02-27', '2023년 제1차 지역경제위원회')$$,
				'an administrator can load the 132 as a designation kind of its own');

-- allocations over time
INSERT INTO program (id, ministry, fiscal_year, name_ko) VALUES (1000, 'MOTIE', 2023, 'x'), (1001, 'MOTIE', 2027, 'x');
INSERT INTO allocation (program_id, province_code, fiscal_year, amount, municipality_code) VALUES
	(1000, '29', 2023, '(100억,50억)', '29110'), (1000, '46', 2023, '(200억,100억)', NULL), (1000, '48', 2023, '(10억,0)', '48220'),
	(1001, '12', 2027, '(400억,100억)', '12210');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount) VALUES (1001, '29', 2027, '(1,1)')$$,
				 '23503', 'insert or update on table "allocation" violates foreign key constraint "allocation_province_in_year"',
				 'an allocation''s province must be valid in its fiscal year');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount, municipality_code) VALUES (1000, '48', 2023, '(1,2)', '29110')$$,
				 '23503', 'insert or update on table "allocation" violates foreign key constraint "allocation_municipality_in_province"',
				 'an allocation''s municipality must lie in its province');
SELECT is((SELECT array_agg(format('%s:%s:%s', fiscal_year, province_code, total_eok) ORDER BY fiscal_year, province_code)
		   FROM region_totals_as_of('2027-01-01')),
		  ARRAY['2023:12:450', '2023:48:10', '2027:12:500'],
		  'region_totals_as_of rolls 광주 and 전남 of 2023 up to the merged province');
SELECT is((SELECT sum(amount) FROM region_totals_as_of('2027-01-01')), (SELECT sum(amount) FROM allocation),
		  '… no won counted twice, none lost');
SELECT is((SELECT array_agg(municipality_code ORDER BY municipality_code) FROM municipality_totals), ARRAY['12210', '29110', '48220'],
		  'municipality_totals');

SELECT * FROM finish();
ROLLBACK;
