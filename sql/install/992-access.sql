-- since 1.3.0
-- Who writes what (doc/regionpolicy.md, "Access control").
--
-- Stewards write their own provinces' allocations and diagnoses with the
-- documented privileges: INSERT, and UPDATE of the columns they may change,
-- never table-wide UPDATE or DELETE.  PostgreSQL lets a role that holds
-- table-wide UPDATE, DELETE or TRUNCATE take any table lock, ACCESS
-- EXCLUSIVE included, which would block every province's writers and all
-- readers; with INSERT and column privileges a steward can take at most ROW
-- EXCLUSIVE, which blocks nobody's reads or writes, and row locks reach
-- only its own provinces' rows (the UPDATE policy).  A steward deletes
-- through delete_allocation() and delete_cluster_diagnosis().
--
-- cluster_evaluation is the ministry's: only members of the role
-- regionpolicy_evaluator write it, and never for a cluster of a province
-- they steward.  The answer for another province's row is the same
-- everywhere: an UPDATE reaches only the rows one may write (UPDATE 0 for
-- others'), an insert, a delete or a move of another province's row is
-- refused with 42501.

-- 1.2.0's policies named the cluster's designated province; from 1.3.0 a
-- diagnosis belongs to the province the cluster belongs to in its year.
DROP TRIGGER IF EXISTS steward_guard ON @extschema@.allocation;
DROP TRIGGER IF EXISTS steward_guard ON @extschema@.cluster_diagnosis;
DROP TRIGGER IF EXISTS steward_guard ON @extschema@.cluster_evaluation;
DROP POLICY IF EXISTS steward_insert ON @extschema@.cluster_diagnosis;
DROP POLICY IF EXISTS steward_update ON @extschema@.cluster_diagnosis;
DROP POLICY IF EXISTS steward_delete ON @extschema@.cluster_diagnosis;
DROP POLICY IF EXISTS steward_insert ON @extschema@.cluster_evaluation;
DROP POLICY IF EXISTS steward_update ON @extschema@.cluster_evaluation;
DROP POLICY IF EXISTS steward_delete ON @extschema@.cluster_evaluation;
DROP FUNCTION IF EXISTS @extschema@.cluster_province(integer);

-- A diagnosis's province: its cluster's in the diagnosis's year.
CREATE POLICY steward_insert ON @extschema@.cluster_diagnosis FOR INSERT
	WITH CHECK (@extschema@.is_steward_of(@extschema@.cluster_province(cluster_id, fiscal_year)));
CREATE POLICY steward_update ON @extschema@.cluster_diagnosis FOR UPDATE
	USING (@extschema@.is_steward_of(@extschema@.cluster_province(cluster_id, fiscal_year)))
	WITH CHECK (@extschema@.is_steward_of(@extschema@.cluster_province(cluster_id, fiscal_year)));
CREATE POLICY steward_delete ON @extschema@.cluster_diagnosis FOR DELETE USING (true);

-- Under row-level security a DELETE could only skip the rows a policy
-- hides; to refuse (42501) rather than silently skip another province's
-- rows, the DELETE policies let writers see every row and this trigger
-- checks the old row.  It acts only where row-level security applies to
-- the current user (a role granted DELETE beyond the documented
-- privileges).
CREATE OR REPLACE FUNCTION @extschema@.steward_guard()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	old_province text;
BEGIN
	IF NOT pg_catalog.row_security_active(TG_RELID) THEN
		RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
	END IF;
	-- (plpgsql compiles trigger functions per table, so each branch only
	-- ever meets its own row type)
	IF TG_TABLE_NAME = 'allocation' THEN
		old_province := OLD.province_code;
	ELSE
		old_province := @extschema@.cluster_province(OLD.cluster_id, OLD.fiscal_year);
	END IF;
	IF NOT @extschema@.is_steward_of(old_province) THEN
		RAISE EXCEPTION 'permission denied to % a row of province % in %', lower(TG_OP),
			coalesce(old_province, '(none)'), TG_TABLE_NAME
			USING ERRCODE = 'insufficient_privilege',
				  HINT = 'Only members of the province''s steward role (see province_steward) may change its rows.';
	END IF;
	RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END
$$;
COMMENT ON FUNCTION @extschema@.steward_guard() IS
'trigger: under row-level security, refuses (42501) updates and deletes of rows of provinces the user does not steward';
CREATE TRIGGER steward_guard BEFORE UPDATE OR DELETE ON @extschema@.allocation
	FOR EACH ROW EXECUTE FUNCTION @extschema@.steward_guard();
CREATE TRIGGER steward_guard BEFORE UPDATE OR DELETE ON @extschema@.cluster_diagnosis
	FOR EACH ROW EXECUTE FUNCTION @extschema@.steward_guard();

-- The evaluation is the ministry's ---------------------------------------------------

CREATE FUNCTION @extschema@.is_evaluator()
RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_roles r
				   WHERE r.rolname = 'regionpolicy_evaluator' AND pg_catalog.pg_has_role(r.oid, 'MEMBER'))
$$;
COMMENT ON FUNCTION @extschema@.is_evaluator() IS
'true when the current user is a member of the role regionpolicy_evaluator (which the administrator creates)';

CREATE POLICY evaluator_insert ON @extschema@.cluster_evaluation FOR INSERT
	WITH CHECK (@extschema@.is_evaluator()
				AND NOT @extschema@.is_steward_of(@extschema@.cluster_province(cluster_id, fiscal_year)));
CREATE POLICY evaluator_update ON @extschema@.cluster_evaluation FOR UPDATE
	USING (@extschema@.is_evaluator()
		   AND NOT @extschema@.is_steward_of(@extschema@.cluster_province(cluster_id, fiscal_year)))
	WITH CHECK (@extschema@.is_evaluator()
				AND NOT @extschema@.is_steward_of(@extschema@.cluster_province(cluster_id, fiscal_year)));
CREATE POLICY evaluator_delete ON @extschema@.cluster_evaluation FOR DELETE
	USING (@extschema@.is_evaluator()
		   AND NOT @extschema@.is_steward_of(@extschema@.cluster_province(cluster_id, fiscal_year)));
COMMENT ON TABLE @extschema@.cluster_evaluation IS
'the performance evaluation (성과평가) of a cluster for a fiscal year, score 0 to 100; it decides the cluster''s grade. Written by members of regionpolicy_evaluator, never by a steward of the cluster''s province';

-- Deletes by stewards ------------------------------------------------------------------

-- These run as the extension's owner, so that stewards need no DELETE
-- privilege (which would let them lock the whole table).  They act for the
-- session's login role (session_user): a session can become any role that
-- role is a member of, so they give it no right it does not already have.
CREATE FUNCTION @extschema@.session_stewards(province_code text)
RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT EXISTS (
		SELECT 1
		FROM @extschema@.province_steward s
			 JOIN pg_catalog.pg_roles r ON r.rolname = s.role_name
		WHERE s.province_code = session_stewards.province_code
		  AND pg_catalog.pg_has_role(session_user, r.oid, 'MEMBER'))
$$;
COMMENT ON FUNCTION @extschema@.session_stewards(text) IS
'true when the session''s login role is a member of a role that stewards the province (false for NULL)';

CREATE FUNCTION @extschema@.delete_allocation(allocation_id bigint)
RETURNS boolean
LANGUAGE plpgsql VOLATILE STRICT SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	p text;
BEGIN
	SELECT a.province_code INTO p FROM @extschema@.allocation a WHERE a.id = allocation_id FOR UPDATE;
	IF NOT FOUND THEN
		RETURN false;
	END IF;
	IF NOT @extschema@.session_stewards(p) THEN
		RAISE EXCEPTION 'permission denied to delete allocation % of province %', allocation_id, coalesce(p, '(none)')
			USING ERRCODE = 'insufficient_privilege',
				  HINT = 'Only members of the province''s steward role (see province_steward) may delete its rows; lines of no single province are the owner''s.';
	END IF;
	DELETE FROM @extschema@.allocation a WHERE a.id = allocation_id;
	RETURN true;
END
$$;
COMMENT ON FUNCTION @extschema@.delete_allocation(bigint) IS
'deletes an allocation of a province the session''s role stewards (42501 for any other); false when there is no such allocation';

CREATE FUNCTION @extschema@.delete_cluster_diagnosis(cluster_id integer, fiscal_year integer)
RETURNS boolean
LANGUAGE plpgsql VOLATILE STRICT SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	p text := @extschema@.cluster_province(delete_cluster_diagnosis.cluster_id, delete_cluster_diagnosis.fiscal_year);
BEGIN
	IF NOT EXISTS (SELECT 1 FROM @extschema@.cluster_diagnosis d
				   WHERE d.cluster_id = delete_cluster_diagnosis.cluster_id
					 AND d.fiscal_year = delete_cluster_diagnosis.fiscal_year) THEN
		RETURN false;
	END IF;
	IF NOT @extschema@.session_stewards(p) THEN
		RAISE EXCEPTION 'permission denied to delete the diagnosis of cluster % for fiscal year % (province %)',
			delete_cluster_diagnosis.cluster_id, delete_cluster_diagnosis.fiscal_year, coalesce(p, '(none)')
			USING ERRCODE = 'insufficient_privilege',
				  HINT = 'Only members of the province''s steward role (see province_steward) may delete its diagnoses.';
	END IF;
	DELETE FROM @extschema@.cluster_diagnosis d
	WHERE d.cluster_id = delete_cluster_diagnosis.cluster_id AND d.fiscal_year = delete_cluster_diagnosis.fiscal_year;
	RETURN true;
END
$$;
COMMENT ON FUNCTION @extschema@.delete_cluster_diagnosis(integer, integer) IS
'deletes a diagnosis of a cluster of a province the session''s role stewards (42501 for any other); false when there is none';

-- A warning at install time -----------------------------------------------------------

-- Any role that can create objects in a schema on the search path can plant
-- a look-alike of a function or operator that then runs as whoever calls
-- it (PostgreSQL's "secure schema usage pattern").  The path checked is the
-- session's default, which later sessions get too (CREATE EXTENSION runs
-- its script under a search_path of its own).
DO $warn$
DECLARE
	writable text;
BEGIN
	SELECT string_agg(DISTINCT n.nspname, ', ') INTO writable
	FROM pg_catalog.unnest(pg_catalog.string_to_array(
			 (SELECT s.reset_val FROM pg_catalog.pg_settings s WHERE s.name = 'search_path'), ',')) AS e(item)
		 JOIN pg_catalog.pg_namespace n
			  ON n.nspname = pg_catalog.replace(pg_catalog.btrim(pg_catalog.btrim(e.item), '"'), '$user', session_user)
	WHERE pg_catalog.has_schema_privilege('public', n.oid, 'CREATE');
	IF writable IS NOT NULL THEN
		RAISE WARNING 'every role can create objects in schema %, which is on the search path', writable
			USING DETAIL = 'A function or operator planted there can win over regionpolicy''s and run as whoever calls it.',
				  HINT = 'REVOKE CREATE ON SCHEMA public FROM PUBLIC, or leave such schemas off the search path: SET search_path = regionpolicy, "$user" (see the README, "Putting regionpolicy on the search path").';
	END IF;
END
$warn$;
