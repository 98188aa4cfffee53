-- Differential funding: the pool split by stage weight × grade coefficient,
-- exactly, monotone in score within a stage; errors; policy changes;
-- writing allocations.  doc/regionpolicy.md, "The schema".
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION regionpolicy CASCADE;
SET LOCAL search_path = regionpolicy, public;
SELECT plan(29);

SELECT has_function('regionpolicy', 'differential_funding', ARRAY['integer', 'bigint', 'bigint'], 'differential_funding(int, bigint, bigint)');
SELECT is((SELECT array_agg(grade || ':' || min_score || ':' || coefficient ORDER BY min_score DESC) FROM grade_scale WHERE valid_from = 0),
		  ARRAY['S:90:1.20', 'A:80:1.10', 'B:70:1.00', 'C:60:0.90', 'D:0:0.70'], 'the default grade scale');
SELECT is((SELECT array_agg(weight ORDER BY stage) FROM stage_weight WHERE valid_from = 0), ARRAY[1.0, 1.2], 'default stage weights');

-- a cluster without an evaluation is an error naming it
INSERT INTO cluster_evaluation SELECT id, 2023, 60 + id * 2.5 FROM cluster WHERE id <> 7;
SELECT throws_like('SELECT * FROM regionpolicy.differential_funding(2023, 92900000000)', '%cluster 7 (강원)%',
				   'a missing evaluation is an error naming the cluster');
SELECT throws_ok('SELECT * FROM regionpolicy.differential_funding(2023, 92900000000)', 'P0002', NULL, '… with SQLSTATE P0002');
INSERT INTO cluster_evaluation VALUES (7, 2023, 77);

-- stages from the diagnoses (as reported in the press for 2023: stage 2 for
-- 부산, 충북, 충남, 전북, 전남, 경북, 경남)
INSERT INTO cluster_diagnosis SELECT id, 2023, CASE WHEN id IN (1, 8, 9, 10, 11, 12, 13) THEN 2 ELSE 1 END, 80, true, true FROM cluster;

CREATE TEMP TABLE split AS SELECT * FROM differential_funding(2023, 92900000000, 100000000);
SELECT is((SELECT count(*) FROM split), 14::bigint, 'one row per cluster');
SELECT is((SELECT sum("national") FROM split), 92900000000::numeric, 'the rows add up to the pool exactly');
SELECT is((SELECT count(*) FROM split WHERE "national" % 100000000 <> 0), 0::bigint, 'in multiples of the unit (억)');
SELECT is((SELECT array_agg(province_code ORDER BY province_code) FROM split WHERE stage = 2),
		  ARRAY['26', '43', '44', '46', '47', '48', '52'], 'stage 2 for the seven that asked and qualified');
SELECT is((SELECT row(score, grade, coefficient, weight)::text FROM split WHERE cluster_id = 13), '(92.5,S,1.20,1.440)',
		  'score, grade, coefficient and weight = stage weight × coefficient');
SELECT is((SELECT count(*) FROM split a JOIN split b ON a.stage = b.stage WHERE a.score > b.score AND a."national" < b."national"),
		  0::bigint, 'within a stage, a better score never gets less');
SELECT is((SELECT count(*) FROM split a JOIN split b ON a.weight = b.weight WHERE abs(a."national" - b."national") > 100000000),
		  0::bigint, 'equal weights get shares within one unit');
SELECT is((SELECT count(*) FROM split WHERE abs("national" - 92900000000 * weight / (SELECT sum(weight) FROM split)) >= 100000000),
		  0::bigint, 'every share is within one unit of its exact quota');
SELECT throws_ok('SELECT * FROM regionpolicy.differential_funding(2023, 92900000001, 100000000)', '22023', NULL,
				 'a pool that is not a multiple of the unit');

-- every year's pool, for a dashboard: differential_pool and differential_shares
INSERT INTO differential_pool (fiscal_year, pool) VALUES (2023, 92900000000), (2024, 100000000000);
SELECT is((SELECT count(*) FROM differential_shares WHERE fiscal_year = 2024), 0::bigint,
		  'differential_shares leaves out a year whose clusters are not all evaluated (2024)');
SELECT is((SELECT string_agg(format('%s:%s', cluster_id, "national"), ',' ORDER BY cluster_id) FROM differential_shares WHERE fiscal_year = 2023),
		  (SELECT string_agg(format('%s:%s', cluster_id, "national"), ',' ORDER BY cluster_id) FROM split),
		  '… and splits each year''s pool as differential_funding(year, pool, unit) does (default unit 1억)');
SELECT is((SELECT string_agg(province_short_ko, ',') FROM differential_shares WHERE fiscal_year = 2023),
		  '부산,대구,광주,대전,울산,세종,강원,충북,충남,전북,전남,경북,경남,제주'::text,
		  '… with the provinces'' names, in the order of Korean statistics');
SELECT is((SELECT format('%s %s %s %s', cluster_name_ko, pool, pool_eok, national_eok) FROM differential_shares WHERE fiscal_year = 2023 AND cluster_id = 13),
		  (SELECT format('%s %s 929 %s', c.name_ko, 92900000000, in_unit(s."national", '억')) FROM split s JOIN cluster c ON c.id = s.cluster_id WHERE s.cluster_id = 13),
		  '… the cluster''s name, the pool and the shares in bigint won and numeric 억');
SELECT throws_ok($$INSERT INTO regionpolicy.differential_pool (fiscal_year, pool) VALUES (2025, 0)$$, '23514', NULL,
				 'a pool is positive');

-- property tests over random scores
CREATE FUNCTION pg_temp.random_round(seed int) RETURNS int LANGUAGE plpgsql AS $$
DECLARE
	violations int := 0;
BEGIN
	UPDATE regionpolicy.cluster_evaluation SET score = round((random() * 100)::numeric, (seed % 3)) WHERE fiscal_year = 2023;
	UPDATE regionpolicy.cluster_diagnosis SET requested_stage = 1 + (random() < 0.5)::int, self_score = round((random() * 100)::numeric)
	WHERE fiscal_year = 2023;
	CREATE TEMP TABLE r ON COMMIT DROP AS SELECT * FROM regionpolicy.differential_funding(2023, 100000000000 + seed * 1000000, 1000000);
	violations := violations + (SELECT count(*) FROM (SELECT sum("national") s FROM r) x WHERE s <> 100000000000 + seed * 1000000);
	violations := violations + (SELECT count(*) FROM r a JOIN r b ON a.stage = b.stage WHERE a.score > b.score AND a."national" < b."national");
	violations := violations + (SELECT count(*) FROM r a JOIN r b ON a.weight = b.weight WHERE abs(a."national" - b."national") > 1000000);
	violations := violations + (SELECT count(*) FROM r WHERE "national" % 1000000 <> 0);
	DROP TABLE r;
	RETURN violations;
END $$;
SELECT is((SELECT sum(pg_temp.random_round(i)) FROM generate_series(1, 50) AS i), 0::bigint,
		  '50 random rounds: exact sums, monotone within stages, equal weights within one unit');

-- policy changes take effect
INSERT INTO cluster_evaluation SELECT cluster_id, 2024, score FROM cluster_evaluation WHERE fiscal_year = 2023;
INSERT INTO cluster_diagnosis SELECT cluster_id, 2024, requested_stage, self_score, has_rnd_body, workforce_program FROM cluster_diagnosis WHERE fiscal_year = 2023;
INSERT INTO stage_weight VALUES (2024, 1, 1), (2024, 2, 1);
INSERT INTO grade_scale VALUES (2024, 'pass', 0, 1);
SELECT is((SELECT count(DISTINCT weight) FROM differential_funding(2024, 1400)), 1::bigint, 'with flat weights and one grade every weight is equal');
SELECT is((SELECT array_agg(DISTINCT "national") FROM differential_funding(2024, 1400)), ARRAY[100::bigint], '… and the pool is split equally');
INSERT INTO grade_scale VALUES (2025, 'A', 50, 3), (2025, 'B', 0, 1);
INSERT INTO stage_weight VALUES (2025, 1, 1), (2025, 2, 1);
INSERT INTO cluster_evaluation SELECT id, 2025, CASE WHEN id = 1 THEN 90 ELSE 10 END FROM cluster;
SELECT is((SELECT "national" FROM differential_funding(2025, 1600) WHERE cluster_id = 1), 300::bigint, 'a 2025 grade scale applies in 2025');

-- writing allocations, in one statement
INSERT INTO program (id, ministry, fiscal_year, name_ko) VALUES (3000, 'MOTIE', 2023, '클러스터 국비 차등 (illustrative)');
SELECT is((SELECT count(*) FROM allocate_differential_funding(3000, 2023, 92900000000, 100000000)), 14::bigint, 'one allocation per cluster');
SELECT is((SELECT amount FROM region_totals WHERE fiscal_year = 2023 AND province_code = '48'),
		  (SELECT funding("national", 0) FROM differential_funding(2023, 92900000000, 100000000) WHERE province_code = '48'),
		  'the allocations are the split');
SELECT is((SELECT sum(amount) FROM allocation WHERE program_id = 3000), '(929억,0)'::funding, 'they add up to the pool');
SELECT throws_ok('SELECT regionpolicy.allocate_differential_funding(3000, 2023, 92900000000, 100000000)', '23505', NULL,
				 'writing twice is refused');
SELECT is((SELECT count(*) FROM allocate_differential_funding(3000, 2023, 1400, replace => true)), 14::bigint, 'replace => true rewrites them');
SELECT is((SELECT total(sum(amount)) FROM allocation WHERE program_id = 3000), 1400::bigint, '… replacing, not adding');

SELECT * FROM finish();
ROLLBACK;
