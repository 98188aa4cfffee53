-- Who writes what: a province's steward writes only its province's rows,
-- with the documented privileges, and cannot lock, stall or block another
-- province; the evaluation is the evaluator's, never a steward's; everyone
-- with SELECT reads everything.  Tested as real non-superuser roles.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION regionpolicy CASCADE;
SET LOCAL search_path = regionpolicy, public;
SET LOCAL client_min_messages = warning;
SELECT plan(80);

SELECT has_table('regionpolicy', 'province_steward', 'province_steward exists');
SELECT columns_are('regionpolicy', 'province_steward', ARRAY['role_name', 'province_code'], 'province_steward(role_name, province_code)');
SELECT is((SELECT relrowsecurity FROM pg_class WHERE oid = 'allocation'::regclass), true, 'row-level security on allocation');
SELECT is((SELECT relrowsecurity FROM pg_class WHERE oid = 'cluster_diagnosis'::regclass), true, 'row-level security on cluster_diagnosis');
SELECT is((SELECT relrowsecurity FROM pg_class WHERE oid = 'cluster_evaluation'::regclass), true, 'row-level security on cluster_evaluation');

-- Roles: 부산's steward group and an official in it; 대구's; an analyst
-- given more than the documented privileges; the ministry's evaluators.
CREATE ROLE rp_test_busan NOLOGIN;
CREATE ROLE rp_test_kim NOLOGIN IN ROLE rp_test_busan;
CREATE ROLE rp_test_daegu NOLOGIN;
CREATE ROLE rp_test_analyst NOLOGIN;
DO $$ BEGIN CREATE ROLE regionpolicy_evaluator NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE ROLE rp_test_evaluator NOLOGIN IN ROLE regionpolicy_evaluator;
CREATE ROLE rp_test_busan_evaluator NOLOGIN IN ROLE regionpolicy_evaluator, rp_test_busan;
INSERT INTO province_steward VALUES ('rp_test_busan', '26'), ('rp_test_daegu', '27');
-- the documented privileges
GRANT SELECT ON ALL TABLES IN SCHEMA regionpolicy TO rp_test_busan, rp_test_daegu, rp_test_analyst, regionpolicy_evaluator;
GRANT INSERT ON allocation, allocation_entry, cluster_diagnosis TO rp_test_busan, rp_test_daegu;
GRANT UPDATE (amount, other, municipality_code, note, reference) ON allocation TO rp_test_busan, rp_test_daegu;
GRANT UPDATE (requested_stage, self_score, has_rnd_body, workforce_program) ON cluster_diagnosis TO rp_test_busan, rp_test_daegu;
GRANT USAGE ON SEQUENCE allocation_id_seq TO rp_test_busan, rp_test_daegu;
GRANT INSERT, UPDATE, DELETE ON cluster_evaluation TO regionpolicy_evaluator;
-- more than documented: row-level security still holds
GRANT INSERT, UPDATE, DELETE ON allocation, cluster_diagnosis, cluster_evaluation TO rp_test_analyst;
GRANT USAGE ON SEQUENCE allocation_id_seq TO rp_test_analyst;

INSERT INTO program (id, ministry, fiscal_year, name_ko) VALUES (1001, 'MOTIE', 2024, '시험');
INSERT INTO allocation (id, program_id, province_code, fiscal_year, amount) VALUES
	(101, 1001, '26', 2024, '(10억,5억)'), (102, 1001, '27', 2024, '(20억,5억)'), (103, 1001, NULL, 2024, '(1억,0)');
INSERT INTO cluster_evaluation VALUES (1, 2024, 80), (2, 2024, 70);
INSERT INTO cluster_diagnosis VALUES (2, 2024, 1, 70, true, true);

SET LOCAL SESSION AUTHORIZATION rp_test_kim;		-- a member of 부산's steward role
SELECT is((SELECT count(*) FROM allocation), 3::bigint, 'a steward reads every allocation');
SELECT lives_ok($$INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount) VALUES (1001, '26', 2024, '(1,1)')$$,
				'inserts a row of its own province');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount) VALUES (1001, '27', 2024, '(1,1)')$$,
				 '42501', NULL, 'cannot insert a row of another province');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount) VALUES (1001, NULL, 2024, '(1,1)')$$,
				 '42501', NULL, 'cannot insert a row of no single province');
SELECT lives_ok($$UPDATE regionpolicy.allocation SET amount = '(11억,5억)' WHERE id = 101$$, 'updates a row of its own province');
SELECT is((SELECT amount FROM allocation WHERE id = 101), '(11억,5억)'::funding, '… and the update took');
-- loads through allocation_entry, replacing by reference
SELECT lives_ok($$INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year, amount, reference) VALUES ('시험', '부산', 2024, '(2억,0)', 'K-1')$$,
				'loads a line of its own province through allocation_entry');
SELECT lives_ok($$INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year, amount, reference) VALUES ('시험', '부산', 2024, '(3억,0)', 'K-1')$$,
				'… and loads it again, replacing it');
SELECT is((SELECT amount FROM allocation WHERE reference = 'K-1'), '(3억,0)'::funding, '… one line, with the new amount');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation_entry (program, province, fiscal_year, amount, reference) VALUES ('시험', '대구', 2024, '(3억,0)', 'K-1')$$,
				 '42501', NULL, 'cannot load a line of another province');
SELECT is((SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'), 0::bigint, 'a load takes no advisory lock another province could wait on');
-- no lock that blocks other provinces
SELECT throws_ok($$LOCK TABLE regionpolicy.allocation IN ACCESS EXCLUSIVE MODE$$, '42501', NULL, 'cannot lock allocation ACCESS EXCLUSIVE');
SELECT throws_ok($$LOCK TABLE regionpolicy.allocation IN SHARE MODE$$, '42501', NULL, 'nor SHARE (which would block every writer)');
SELECT throws_ok($$LOCK TABLE regionpolicy.allocation_entry IN ACCESS EXCLUSIVE MODE$$, '42501', NULL, 'nor through allocation_entry');
SELECT throws_ok($$LOCK TABLE regionpolicy.cluster_diagnosis IN EXCLUSIVE MODE$$, '42501', NULL, 'nor lock cluster_diagnosis');
SELECT throws_ok($$LOCK TABLE regionpolicy.cluster_evaluation IN EXCLUSIVE MODE$$, '42501', NULL, 'nor cluster_evaluation');
SELECT throws_ok($$LOCK TABLE regionpolicy.province IN EXCLUSIVE MODE$$, '42501', NULL, 'nor the provinces');
-- Row locks follow the write policy: an UPDATE, or a SELECT ... FOR
-- UPDATE/SHARE, reaches only rows the steward may write.
SELECT is((SELECT count(*) FROM (SELECT 1 FROM allocation WHERE id = 102 FOR UPDATE) s), 0::bigint,
		  'cannot lock another province''s row FOR UPDATE');
SELECT is((SELECT count(*) FROM (SELECT 1 FROM allocation FOR SHARE) s), 3::bigint,
		  'FOR SHARE over the whole table locks only its own province''s three rows');
SELECT is((SELECT count(*) FROM (SELECT 1 FROM allocation WHERE id = 103 FOR NO KEY UPDATE) s), 0::bigint,
		  'nor a row of no single province');
SELECT is((SELECT count(*) FROM (SELECT 1 FROM allocation WHERE id = 101 FOR UPDATE) s), 1::bigint,
		  'locks its own province''s row');
SELECT throws_ok($$SELECT 1 FROM regionpolicy.province FOR SHARE$$, '42501', NULL, 'cannot lock a reference table''s rows');
SELECT is((SELECT count(*) FROM allocation), 5::bigint, '… while still reading all five');
WITH u AS (UPDATE regionpolicy.allocation SET amount = '(1,1)' WHERE id = 102 RETURNING 1)
SELECT is((SELECT count(*) FROM u), 0::bigint, 'an UPDATE of another province''s row changes nothing (UPDATE 0)');
WITH u AS (UPDATE regionpolicy.allocation SET note = 'x' WHERE id = 103 RETURNING 1)
SELECT is((SELECT count(*) FROM u), 0::bigint, 'nor a row of no single province');
SELECT throws_ok($$UPDATE regionpolicy.allocation SET province_code = '27' WHERE id = 101$$, '42501', NULL, 'cannot move its row to another province');
SELECT throws_ok($$UPDATE regionpolicy.allocation SET province_code = '26' WHERE id = 102$$, '42501', NULL, 'cannot take another province''s row');
-- deletes: through delete_allocation(), never table-wide
SELECT throws_ok($$DELETE FROM regionpolicy.allocation WHERE id = 101$$, '42501', NULL, 'no DELETE privilege (it would allow any table lock)');
SELECT is(delete_allocation((SELECT id FROM allocation WHERE province_code = '26' AND amount = '(1,1)')), true, 'deletes a row of its own province');
SELECT is((SELECT count(*) FROM allocation WHERE province_code = '26'), 2::bigint, '… which is gone');
SELECT throws_ok($$SELECT regionpolicy.delete_allocation(102)$$, '42501', NULL, 'cannot delete another province''s row');
SELECT throws_ok($$SELECT regionpolicy.delete_allocation(103)$$, '42501', NULL, 'nor a row of no single province');
SELECT is(delete_allocation(999999), false, 'an allocation that is not there: false');
-- diagnoses
SELECT throws_ok($$INSERT INTO regionpolicy.cluster_diagnosis VALUES (2, 2025, 2, 90, true, true)$$, '42501', NULL, 'cannot diagnose another province''s cluster');
SELECT lives_ok($$INSERT INTO regionpolicy.cluster_diagnosis VALUES (1, 2025, 2, 90, true, true)$$, 'diagnoses its own cluster');
SELECT lives_ok($$UPDATE regionpolicy.cluster_diagnosis SET self_score = 91 WHERE cluster_id = 1$$, 'and revises the diagnosis');
SELECT throws_ok($$UPDATE regionpolicy.cluster_diagnosis SET cluster_id = 2 WHERE cluster_id = 1$$, '42501', NULL, 'cannot move a diagnosis to another cluster''s province');
SELECT throws_ok($$SELECT regionpolicy.delete_cluster_diagnosis(2, 2024)$$, '42501', NULL, 'cannot delete another province''s diagnosis');
SELECT is(delete_cluster_diagnosis(1, 2025), true, 'deletes its own cluster''s diagnosis');
-- … and through record_cluster_diagnosis, as stewards write them on Citus,
-- with the same rights
SELECT is(record_cluster_diagnosis(1, 2026, 2, 80, true, true), true, 'record_cluster_diagnosis writes its own cluster''s diagnosis (true: a new one)');
SELECT is(record_cluster_diagnosis(1, 2026, 1, 65, false, true), false, '… and replaces it (false)');
SELECT is((SELECT format('%s %s %s %s', requested_stage, self_score, has_rnd_body, note) FROM cluster_diagnosis WHERE cluster_id = 1 AND fiscal_year = 2026),
		  '1 65 f ', '… with the values given');
SELECT throws_ok($$SELECT regionpolicy.record_cluster_diagnosis(1, 2026, 2, 80, true, true, 'revised')$$, '42501', 'permission denied for table cluster_diagnosis',
				 '… but not its note, which the steward may not UPDATE');
SELECT throws_ok($$SELECT regionpolicy.record_cluster_diagnosis(2, 2026, 2, 80, true, true)$$, '42501',
				 'permission denied to write the diagnosis of cluster 2 for fiscal year 2026 (province 27)', 'nor another province''s cluster''s');
SELECT is((SELECT count(*) FROM cluster_diagnosis WHERE fiscal_year = 2026), 1::bigint, '… of which nothing is written');
SELECT is(delete_cluster_diagnosis(1, 2026), true, '(deleted again)');
-- the evaluation is not the region's
SELECT throws_ok($$INSERT INTO regionpolicy.cluster_evaluation VALUES (1, 2025, 100)$$, '42501', NULL, 'a steward cannot score its own cluster');
SELECT throws_ok($$UPDATE regionpolicy.cluster_evaluation SET score = 100 WHERE cluster_id = 1$$, '42501', NULL, 'nor change its score');
SELECT throws_ok($$SELECT 1 FROM regionpolicy.cluster_evaluation FOR UPDATE$$, '42501', NULL, 'nor lock the evaluations');
-- municipalities, policies, stewardship
SELECT lives_ok($$INSERT INTO regionpolicy.allocation (program_id, province_code, municipality_code, fiscal_year, amount) VALUES (1001, '26', '26110', 2024, '(3,3)')$$,
				'writes a row of one of its own 시·군·구 (부산 중구)');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation (program_id, province_code, municipality_code, fiscal_year, amount) VALUES (1001, '27', '27110', 2024, '(3,3)')$$,
				 '42501', NULL, 'not one of another province''s (대구 중구)');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation (program_id, province_code, municipality_code, fiscal_year, amount) VALUES (1001, '26', '27110', 2024, '(3,3)')$$,
				 '23503', NULL, 'nor another province''s 시·군·구 filed under its own province');
SELECT throws_ok($$INSERT INTO regionpolicy.stage_weight VALUES (2025, 1, 5)$$, '42501', NULL, 'policy tables are not the steward''s');
SELECT throws_ok($$INSERT INTO regionpolicy.province_steward VALUES ('rp_test_kim', '27')$$, '42501', NULL, 'nor is stewardship');
RESET SESSION AUTHORIZATION;

SET LOCAL SESSION AUTHORIZATION rp_test_daegu;
SELECT lives_ok($$UPDATE regionpolicy.allocation SET amount = '(21억,5억)' WHERE id = 102$$, '대구''s steward updates 대구''s row');
WITH u AS (UPDATE regionpolicy.allocation SET amount = '(1,1)' WHERE id = 101 RETURNING 1)
SELECT is((SELECT count(*) FROM u), 0::bigint, 'but not 부산''s (UPDATE 0)');
SELECT is((SELECT amount FROM allocation WHERE id = 101), '(11억,5억)'::funding, '… which stays as 부산 wrote it');
RESET SESSION AUTHORIZATION;

SET LOCAL SESSION AUTHORIZATION rp_test_analyst;	-- write privileges beyond the documented ones, but no province
SELECT is((SELECT count(*) FROM region_totals WHERE fiscal_year = 2024), 3::bigint, 'an analyst reads region totals');
SELECT is((SELECT sum(amount) FROM allocation), '(36억,10억)'::funding + '(3,3)', 'an analyst reads every allocation');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount) VALUES (1001, '26', 2024, '(1,1)')$$,
				 '42501', NULL, 'a role that stewards nothing writes nothing');
SELECT throws_ok($$DELETE FROM regionpolicy.allocation WHERE id = 101$$, '42501', NULL, 'nor deletes, even with DELETE granted');
SELECT throws_ok($$INSERT INTO regionpolicy.cluster_evaluation VALUES (3, 2025, 50)$$, '42501', NULL, 'nor scores a cluster, even with INSERT granted');
SELECT throws_ok($$SELECT regionpolicy.record_cluster_diagnosis(3, 2026, 1, 50, true, true)$$, '42501', NULL,
				 'nor writes a diagnosis through record_cluster_diagnosis, even with INSERT granted');
RESET SESSION AUTHORIZATION;

SET LOCAL SESSION AUTHORIZATION rp_test_evaluator;	-- the ministry's
SELECT lives_ok($$INSERT INTO regionpolicy.cluster_evaluation VALUES (1, 2025, 77), (2, 2025, 66)$$, 'an evaluator scores any province''s cluster');
SELECT lives_ok($$UPDATE regionpolicy.cluster_evaluation SET score = 78 WHERE cluster_id = 1 AND fiscal_year = 2025$$, 'and revises a score');
SELECT throws_ok($$SELECT regionpolicy.record_cluster_diagnosis(1, 2026, 1, 50, true, true)$$, '42501', 'permission denied for table cluster_diagnosis',
				 'record_cluster_diagnosis wants INSERT on cluster_diagnosis, as a direct write does');
RESET SESSION AUTHORIZATION;
SET LOCAL SESSION AUTHORIZATION rp_test_busan_evaluator;	-- an evaluator who also stewards 부산
SELECT throws_ok($$INSERT INTO regionpolicy.cluster_evaluation VALUES (1, 2026, 100)$$, '42501', NULL, 'an evaluator does not score a cluster of a province it stewards');
WITH u AS (UPDATE regionpolicy.cluster_evaluation SET score = 100 WHERE cluster_id = 1 RETURNING 1)
SELECT is((SELECT count(*) FROM u), 0::bigint, '… nor change its score');
RESET SESSION AUTHORIZATION;

-- A statement asks who the session stewards once (is_steward_of keeps the
-- answer): a statement of many rows is refused whole for one row of
-- another province, and the answer follows a change of stewardship or of
-- session user within one statement, at one call site.
SET LOCAL SESSION AUTHORIZATION rp_test_kim;
SELECT lives_ok($$INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount, reference)
				  SELECT 1001, '26', 2024, regionpolicy.funding(i, 0), 'MANY-' || i FROM generate_series(1, 50) AS i$$,
				'a steward inserts many rows of its province in one statement');
SELECT throws_ok($$INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount, reference)
				   SELECT 1001, CASE WHEN i = 40 THEN '27' ELSE '26' END, 2024, regionpolicy.funding(i, 0), 'MIXED-' || i
				   FROM generate_series(1, 50) AS i$$,
				 '42501', NULL, '… and is refused for one row of another province among them');
RESET SESSION AUTHORIZATION;
SELECT is((SELECT count(*) FROM allocation WHERE reference LIKE 'MIXED-%'), 0::bigint, '… of which nothing is written');
CREATE FUNCTION pg_temp.stewardship_in_one_statement() RETURNS text LANGUAGE plpgsql AS $f$
DECLARE
	seen text := '';
BEGIN
	FOR i IN 1..5 LOOP
		RESET SESSION AUTHORIZATION;
		IF i = 2 THEN INSERT INTO regionpolicy.province_steward VALUES ('rp_test_daegu', '28'); END IF;
		IF i = 4 THEN DELETE FROM regionpolicy.province_steward WHERE role_name = 'rp_test_daegu' AND province_code = '28'; END IF;
		IF i = 5 THEN INSERT INTO regionpolicy.province_steward VALUES ('rp_test_busan', '28'); END IF;
		EXECUTE format('SET SESSION AUTHORIZATION %I', CASE WHEN i >= 3 THEN 'rp_test_kim' ELSE 'rp_test_daegu' END);
		seen := seen || CASE WHEN regionpolicy.is_steward_of('28') THEN 't' ELSE 'f' END;
	END LOOP;
	RESET SESSION AUTHORIZATION;
	DELETE FROM regionpolicy.province_steward WHERE province_code = '28';
	RETURN seen;
END
$f$;
-- … and a subtransaction that is rolled back takes its stewards with it
-- (pg_temp.probe is one call site, whoever calls it)
CREATE FUNCTION pg_temp.probe(p text) RETURNS text LANGUAGE plpgsql AS $f$
BEGIN RETURN CASE WHEN regionpolicy.is_steward_of(p) THEN 't' ELSE 'f' END; END
$f$;
CREATE FUNCTION pg_temp.stewardship_rolled_back() RETURNS text LANGUAGE plpgsql AS $f$
DECLARE
	seen text := '';
BEGIN
	BEGIN
		INSERT INTO regionpolicy.province_steward VALUES ('rp_test_busan', '29');
		SET SESSION AUTHORIZATION rp_test_kim;
		seen := seen || pg_temp.probe('29');
		RAISE EXCEPTION 'undo';
	EXCEPTION WHEN raise_exception THEN
		NULL;
	END;
	SET SESSION AUTHORIZATION rp_test_kim;
	seen := seen || pg_temp.probe('29');
	RESET SESSION AUTHORIZATION;
	RETURN seen;
END
$f$;
SELECT is(pg_temp.stewardship_rolled_back(), 'tf',
		  '… and a subtransaction rolled back within the statement takes its stewards with it');
SELECT is(pg_temp.stewardship_in_one_statement(), 'ftfft',
		  'within one statement, at one call site, the answer follows the stewards and the session user (not yet, given, another user, taken, given to its role)');

-- The owner is not bound by the policies.
SELECT lives_ok($$UPDATE regionpolicy.allocation SET note = 'owner' WHERE id = 103$$, 'the owner writes rows of no single province');
SELECT is((SELECT score FROM cluster_evaluation WHERE cluster_id = 1 AND fiscal_year = 2025), 78::numeric, 'the evaluator''s score stood');

SELECT * FROM finish();
ROLLBACK;
