-- Cluster stages: stage 2 only when asked for and the criteria are met;
-- reasons for refusal; compliance; policy changes take effect.  doc/regionpolicy.md, "The schema".
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION regionpolicy CASCADE;
SET LOCAL search_path = regionpolicy, public;
SET LOCAL regionpolicy.language = 'en';	-- the explanations checked below are the English ones
SELECT plan(22);

SELECT function_returns('regionpolicy', 'cluster_stage', ARRAY['integer', 'integer'], 'smallint', 'cluster_stage(int, int) returns smallint');
SELECT has_view('regionpolicy', 'cluster_stages', 'view cluster_stages');
SELECT has_view('regionpolicy', 'cluster_compliance', 'view cluster_compliance');

-- defaults: self-diagnosis score at least 70 and an R&D body
SELECT is((SELECT row(min_self_score, rnd_body_required)::text FROM stage2_criteria WHERE valid_from = 0), '(70,t)',
		  'default stage-2 criteria: score 70, R&D body required');

INSERT INTO cluster_diagnosis (cluster_id, fiscal_year, requested_stage, self_score, has_rnd_body, workforce_program) VALUES
	(1, 2023, 2, 85, true, true),		-- asks, qualifies
	(2, 2023, 2, 69.99, true, true),	-- asks, score too low
	(3, 2023, 2, 90, false, true),		-- asks, no R&D body
	(4, 2023, 2, 50, false, false),		-- asks, fails both; no workforce programme
	(5, 2023, 1, 99, true, true),		-- qualifies but asks for stage 1
	(6, 2023, 2, 70, true, true);		-- exactly at the threshold

SELECT is(cluster_stage(1, 2023), 2::smallint, 'asked for stage 2 and meets the criteria: stage 2');
SELECT is(cluster_stage(2, 2023), 1::smallint, 'score below the minimum: stage 1');
SELECT is(cluster_stage(3, 2023), 1::smallint, 'no R&D body: stage 1');
SELECT is(cluster_stage(4, 2023), 1::smallint, 'fails both: stage 1');
SELECT is(cluster_stage(5, 2023), 1::smallint, 'a region that asks for stage 1 gets stage 1');
SELECT is(cluster_stage(6, 2023), 2::smallint, 'a score at the minimum qualifies');
SELECT is(cluster_stage(7, 2023), 1::smallint, 'no diagnosis: stage 1');
SELECT throws_ok('SELECT regionpolicy.cluster_stage(99, 2023)', '22023', NULL, 'an unknown cluster is an error');

SELECT is((SELECT refusal FROM cluster_stages WHERE cluster_id = 2 AND fiscal_year = 2023),
		  'self-diagnosis score 69.99 is below 70', 'the refusal names the failed criterion');
SELECT is((SELECT refusal FROM cluster_stages WHERE cluster_id = 4 AND fiscal_year = 2023),
		  'self-diagnosis score 50 is below 70; no body to plan, evaluate and manage R&D', 'both failed criteria are named');
SELECT is((SELECT count(*) FROM cluster_stages WHERE refusal IS NOT NULL AND stage = 2), 0::bigint, 'no refused cluster has stage 2');
SELECT is((SELECT count(*) FROM cluster_stages WHERE requested_stage = 1 AND refusal IS NOT NULL), 0::bigint, 'nothing is refused to a stage-1 request');
SELECT is((SELECT count(*) FROM cluster_stages s WHERE s.stage <> cluster_stage(s.cluster_id, s.fiscal_year)), 0::bigint,
		  'the view and the function agree');

-- compliance: the workforce programme is mandatory at every stage
SELECT set_eq('SELECT cluster_id FROM cluster_compliance', ARRAY[4], 'cluster_compliance lists the cluster without a workforce programme');

-- policy changes take effect from their year, without touching code
INSERT INTO cluster_diagnosis SELECT cluster_id, 2025, requested_stage, self_score, has_rnd_body, workforce_program
FROM cluster_diagnosis WHERE fiscal_year = 2023;
INSERT INTO stage2_criteria VALUES (2025, 80, false, 'illustrative: stricter score, no R&D body needed');
SELECT is(cluster_stage(3, 2025), 2::smallint, 'from 2025 an R&D body is no longer required');
SELECT is(cluster_stage(6, 2025), 1::smallint, 'from 2025 a score of 70 is not enough');
SELECT is(cluster_stage(6, 2023), 2::smallint, 'the 2023 stage is unchanged');
INSERT INTO cluster_diagnosis SELECT cluster_id, 2024, requested_stage, self_score, has_rnd_body, workforce_program
FROM cluster_diagnosis WHERE fiscal_year = 2023;
SELECT is(cluster_stage(3, 2024), 1::smallint, '2024 still follows the default');

SELECT * FROM finish();
ROLLBACK;
