-- Row-level security: a province's steward writes only its province's rows
-- (42501 otherwise); everyone with SELECT reads everything.  Tested as real
-- non-superuser roles.  SPEC §3.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION regionpolicy;
SET LOCAL search_path = regionpolicy, public;
SELECT plan(43);

SELECT has_table('regionpolicy', 'province_steward', 'province_steward exists');
SELECT columns_are('regionpolicy', 'province_steward', ARRAY['role_name', 'province_code'], 'province_steward(role_name, province_code)');
SELECT is((SELECT relrowsecurity FROM pg_class WHERE oid = 'allocation'::regclass), true, 'row-level security on allocation');
SELECT is((SELECT relrowsecurity FROM pg_class WHERE oid = 'cluster_diagnosis'::regclass), true, 'row-level security on cluster_diagnosis');
SELECT is((SELECT relrowsecurity FROM pg_class WHERE oid = 'cluster_evaluation'::regclass), true, 'row-level security on cluster_evaluation');

-- Roles: 부산's steward group and an official in it; 대구's; an analyst.
CREATE ROLE rp_test_busan NOLOGIN;
CREATE ROLE rp_test_kim NOLOGIN IN ROLE rp_test_busan;
CREATE ROLE rp_test_daegu NOLOGIN;
CREATE ROLE rp_test_analyst NOLOGIN;
INSERT INTO province_steward VALUES ('rp_test_busan', '26'), ('rp_test_daegu', '27');
GRANT SELECT ON ALL TABLES IN SCHEMA regionpolicy TO rp_test_kim, rp_test_daegu, rp_test_analyst;
GRANT INSERT, UPDATE, DELETE ON allocation, cluster_diagnosis, cluster_evaluation TO rp_test_kim, rp_test_daegu, rp_test_analyst;
GRANT INSERT, UPDATE, DELETE ON program TO rp_test_kim;
GRANT USAGE ON SEQUENCE allocation_id_seq TO rp_test_kim, rp_test_daegu, rp_test_analyst;

INSERT INTO program (id, ministry, fiscal_year, name_ko) VALUES (1001, 'MOTIE', 2024, '시험');
INSERT INTO allocation (id, program_id, province_code, fiscal_year, amount) VALUES
	(101, 1001, '26', 2024, '(10억,5억)'), (102, 1001, '27', 2024, '(20억,5억)'), (103, 1001, NULL, 2024, '(1억,0)');
INSERT INTO cluster_evaluation VALUES (1, 2024, 80), (2, 2024, 70);

SET LOCAL ROLE rp_test_kim;		-- a member of 부산's steward role
SELECT is((SELECT count(*) FROM allocation), 3::bigint, 'a steward reads every allocation');
SELECT lives_ok($$INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount) VALUES (1001, '26', 2024, '(1,1)')$$,
				'inserts a row of its own province');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount) VALUES (1001, '27', 2024, '(1,1)')$$,
				 '42501', NULL, 'cannot insert a row of another province');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount) VALUES (1001, NULL, 2024, '(1,1)')$$,
				 '42501', NULL, 'cannot insert a row of no single province');
SELECT lives_ok($$UPDATE regionpolicy.allocation SET amount = '(11억,5억)' WHERE id = 101$$, 'updates a row of its own province');
SELECT is((SELECT amount FROM allocation WHERE id = 101), '(11억,5억)'::funding, '… and the update took');
-- Row locks follow the write policy (1.2.0): an UPDATE, or a SELECT ... FOR
-- UPDATE/SHARE, reaches only rows the steward may write.
SELECT is((SELECT count(*) FROM (SELECT 1 FROM allocation WHERE id = 102 FOR UPDATE) s), 0::bigint,
		  'cannot lock another province''s row FOR UPDATE');
SELECT is((SELECT count(*) FROM (SELECT 1 FROM allocation FOR SHARE) s), 2::bigint,
		  'FOR SHARE over the whole table locks only its own province''s two rows');
SELECT is((SELECT count(*) FROM (SELECT 1 FROM allocation WHERE id = 103 FOR NO KEY UPDATE) s), 0::bigint,
		  'nor a row of no single province');
SELECT is((SELECT count(*) FROM (SELECT 1 FROM allocation WHERE id = 101 FOR UPDATE) s), 1::bigint,
		  'locks its own province''s row');
SELECT is((SELECT count(*) FROM allocation), 4::bigint, '… while still reading all four');
WITH u AS (UPDATE regionpolicy.allocation SET amount = '(1,1)' WHERE id = 102 RETURNING 1)
SELECT is((SELECT count(*) FROM u), 0::bigint, 'an UPDATE of another province''s row changes nothing');
SELECT throws_ok($$UPDATE regionpolicy.allocation SET province_code = '27' WHERE id = 101$$, '42501', NULL, 'cannot move its row to another province');
WITH u AS (UPDATE regionpolicy.allocation SET province_code = '26' WHERE id = 102 RETURNING 1)
SELECT is((SELECT count(*) FROM u), 0::bigint, 'cannot take another province''s row');
WITH u AS (UPDATE regionpolicy.allocation SET note = 'x' WHERE id = 103 RETURNING 1)
SELECT is((SELECT count(*) FROM u), 0::bigint, 'cannot update a row of no single province');
SELECT throws_ok($$DELETE FROM regionpolicy.allocation WHERE id = 102$$, '42501', NULL, 'cannot delete another province''s row');
SELECT throws_ok($$DELETE FROM regionpolicy.allocation$$, '42501', NULL, 'a DELETE reaching other provinces fails as a whole');
SELECT lives_ok($$DELETE FROM regionpolicy.allocation WHERE province_code = '26' AND amount = '(1,1)'$$, 'deletes a row of its own province');
SELECT lives_ok($$INSERT INTO regionpolicy.cluster_evaluation VALUES (1, 2025, 90)$$, 'records its own cluster''s evaluation');
SELECT throws_ok($$INSERT INTO regionpolicy.cluster_evaluation VALUES (2, 2025, 90)$$, '42501', NULL, 'not another province''s cluster');
WITH u AS (UPDATE regionpolicy.cluster_evaluation SET score = 100 WHERE cluster_id = 2 RETURNING 1)
SELECT is((SELECT count(*) FROM u), 0::bigint, 'nor change it');
SELECT is((SELECT count(*) FROM (SELECT 1 FROM cluster_evaluation WHERE cluster_id = 2 FOR UPDATE) s), 0::bigint,
		  'nor lock it');
SELECT throws_ok($$INSERT INTO regionpolicy.cluster_diagnosis VALUES (2, 2025, 2, 90, true, true)$$, '42501', NULL, 'nor diagnose it');
SELECT lives_ok($$INSERT INTO regionpolicy.cluster_diagnosis VALUES (1, 2025, 2, 90, true, true)$$, 'diagnoses its own cluster');
SELECT throws_ok($$UPDATE regionpolicy.cluster_diagnosis SET cluster_id = 2 WHERE cluster_id = 1$$, '42501', NULL, 'cannot move a diagnosis to another cluster''s province');
SELECT lives_ok($$INSERT INTO regionpolicy.allocation (program_id, province_code, municipality_code, fiscal_year, amount) VALUES (1001, '26', '26110', 2024, '(3,3)')$$,
				'writes a row of one of its own 시·군·구 (부산 중구)');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation (program_id, province_code, municipality_code, fiscal_year, amount) VALUES (1001, '27', '27110', 2024, '(3,3)')$$,
				 '42501', NULL, 'not one of another province''s (대구 중구)');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation (program_id, province_code, municipality_code, fiscal_year, amount) VALUES (1001, '26', '27110', 2024, '(3,3)')$$,
				 '23514', NULL, 'nor another province''s 시·군·구 filed under its own province');
SELECT throws_ok($$INSERT INTO regionpolicy.stage_weight VALUES (2025, 1, 5)$$, '42501', NULL, 'policy tables are not the steward''s');
SELECT throws_ok($$INSERT INTO regionpolicy.province_steward VALUES ('rp_test_kim', '27')$$, '42501', NULL, 'nor is stewardship');
RESET ROLE;

SET LOCAL ROLE rp_test_daegu;
SELECT lives_ok($$UPDATE regionpolicy.allocation SET amount = '(21억,5억)' WHERE id = 102$$, '대구''s steward updates 대구''s row');
WITH u AS (UPDATE regionpolicy.allocation SET amount = '(1,1)' WHERE id = 101 RETURNING 1)
SELECT is((SELECT count(*) FROM u), 0::bigint, 'but not 부산''s');
SELECT is((SELECT amount FROM allocation WHERE id = 101), '(11억,5억)'::funding, '… which stays as 부산 wrote it');
RESET ROLE;

SET LOCAL ROLE rp_test_analyst;	-- SELECT and write privileges, but no province
SELECT is((SELECT count(*) FROM region_totals WHERE fiscal_year = 2024), 3::bigint, 'an analyst reads region totals');
SELECT is((SELECT sum(amount) FROM allocation), '(33억,10억)'::funding + '(3,3)', 'an analyst reads every allocation');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount) VALUES (1001, '26', 2024, '(1,1)')$$,
				 '42501', NULL, 'a role that stewards nothing writes nothing');
RESET ROLE;

-- The owner is not bound by the policies.
SELECT lives_ok($$UPDATE regionpolicy.allocation SET note = 'owner' WHERE id = 103$$, 'the owner writes rows of no single province');
SELECT is((SELECT count(*) FROM allocation WHERE province_code = '26'), 2::bigint, 'the steward''s own changes stood');

SELECT * FROM finish();
ROLLBACK;
