-- ============================================================================
-- 9. Access control
-- ============================================================================

-- Access control ("Access control").  Regional officials write only their own province's
-- rows; everyone with SELECT reads everything.
--
-- province_steward maps a role to a province.  Row-level security on
-- allocation and cluster_diagnosis lets a member of a steward role insert
-- and update rows of its provinces only.  Rows of no single province,
-- programmes and policy tables are written only by the tables' owner (who
-- bypasses row-level security) or by roles granted that explicitly;
-- cluster_evaluation by the evaluator role.  Table privileges themselves
-- are the administrator's to grant; see doc/regionpolicy.md.

CREATE TABLE @extschema@.province_steward (
	role_name name NOT NULL,
	province_code text NOT NULL REFERENCES @extschema@.province (code),
	PRIMARY KEY (role_name, province_code)
);
CREATE INDEX province_steward_province_idx ON @extschema@.province_steward (province_code);
COMMENT ON TABLE @extschema@.province_steward IS
'which role stewards which province: members of the role may write that province''s allocations, diagnoses and evaluations';

-- Who is acting: the session's login role (session_user), with every role
-- it is a member of.  A session can become any of those roles by SET ROLE,
-- so the rights of one are the rights of all: a login role that is both a
-- province's steward and an evaluator may not score that province's
-- cluster, whichever role it has set.  Every policy, guard and function
-- here asks the same question.
-- 2.0.0: stewards write on a Citus cluster, and a load asks who they are once
-- The provinces the session stewards.  The policies are checked where the
-- rows are: on a Citus worker, inside a query on a shard, where the
-- stewards are read from their shard on that node (node_table).  On one
-- server the same query is static, so that its plan is kept: each line
-- loaded through allocation_entry is a statement of its own and asks again.
CREATE FUNCTION @extschema@.steward_provinces()
RETURNS text[]
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	stewards text := @extschema@.node_table('@extschema@.province_steward');
	provinces text[];
BEGIN
	IF stewards = '@extschema@.province_steward'::regclass::text THEN
		RETURN ARRAY(SELECT DISTINCT s.province_code
					 FROM @extschema@.province_steward s
						  JOIN pg_catalog.pg_roles r ON r.rolname = s.role_name
					 WHERE pg_catalog.pg_has_role(session_user, r.oid, 'MEMBER')
					 ORDER BY 1);
	END IF;
	EXECUTE format('SELECT ARRAY(SELECT DISTINCT s.province_code FROM %s s JOIN pg_catalog.pg_roles r ON r.rolname = s.role_name
								  WHERE pg_catalog.pg_has_role(session_user, r.oid, ''MEMBER'') ORDER BY 1)', stewards)
		INTO provinces;
	RETURN provinces;
END
$$;
COMMENT ON FUNCTION @extschema@.steward_provinces() IS
'the provinces stewarded by a role the session''s login role is a member of, whatever role it has set';

-- Does the session act for a role that stewards this province?  False for
-- NULL (rows of no single province).  The policies ask it of every row; it
-- asks steward_provinces() once a statement (src/regionpolicy/steward.c).
CREATE OR REPLACE FUNCTION @extschema@.is_steward_of(province_code text)
RETURNS boolean
AS 'MODULE_PATHNAME', 'regionpolicy_is_steward_of'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.is_steward_of(text) IS
'true when the session''s login role is a member of a role that stewards the province (false for NULL), whatever role it has set';
-- end of 2.0.0

-- May the session load lines of this province?  The owner of allocation,
-- a superuser or a role that bypasses row-level security may load any; a
-- steward, its provinces'.
CREATE FUNCTION @extschema@.may_load(province_code text)
RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT r.rolsuper OR r.rolbypassrls
		   OR pg_catalog.pg_has_role(session_user, c.relowner, 'MEMBER')
		   OR @extschema@.is_steward_of(may_load.province_code)
	FROM pg_catalog.pg_roles r, pg_catalog.pg_class c
	WHERE r.rolname = session_user AND c.oid = '@extschema@.allocation'::pg_catalog.regclass
$$;
COMMENT ON FUNCTION @extschema@.may_load(text) IS
'true when the session may load lines of the province: as the owner of allocation, a superuser, a role that bypasses row-level security, or a steward of the province';

ALTER TABLE @extschema@.allocation ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON @extschema@.allocation FOR SELECT USING (true);
CREATE POLICY steward_insert ON @extschema@.allocation FOR INSERT
	WITH CHECK (@extschema@.is_steward_of(province_code));
CREATE POLICY steward_update ON @extschema@.allocation FOR UPDATE
	USING (@extschema@.is_steward_of(province_code)) WITH CHECK (@extschema@.is_steward_of(province_code));
CREATE POLICY steward_delete ON @extschema@.allocation FOR DELETE USING (true);

ALTER TABLE @extschema@.cluster_diagnosis ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON @extschema@.cluster_diagnosis FOR SELECT USING (true);
ALTER TABLE @extschema@.cluster_evaluation ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON @extschema@.cluster_evaluation FOR SELECT USING (true);
-- The diagnoses' write policies, and the evaluations' (the evaluator's,
-- never a steward's): below.

-- Anyone may use the type and its functions, and read the public facts;
-- budget data is readable by those the administrator grants SELECT to.
GRANT USAGE ON SCHEMA @extschema@ TO PUBLIC;
GRANT SELECT ON @extschema@.province, @extschema@.province_alias, @extschema@.superregion,
	@extschema@.superregion_member, @extschema@.cluster, @extschema@.evaluation_agency,
	@extschema@.committee_figure, @extschema@.stage2_criteria, @extschema@.grade_scale,
	@extschema@.stage_weight, @extschema@.province_steward TO PUBLIC;

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

-- A diagnosis's province: its cluster's in the diagnosis's year.
CREATE POLICY steward_insert ON @extschema@.cluster_diagnosis FOR INSERT
	WITH CHECK (@extschema@.is_steward_of(@extschema@.cluster_province(cluster_id, fiscal_year)));
CREATE POLICY steward_update ON @extschema@.cluster_diagnosis FOR UPDATE
	USING (@extschema@.is_steward_of(@extschema@.cluster_province(cluster_id, fiscal_year)))
	WITH CHECK (@extschema@.is_steward_of(@extschema@.cluster_province(cluster_id, fiscal_year)));
CREATE POLICY steward_delete ON @extschema@.cluster_diagnosis FOR DELETE USING (true);

-- An award's province is its own; an award year's, its award's.
CREATE FUNCTION @extschema@.award_province(award_id bigint)
RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT w.province_code FROM @extschema@.award w WHERE w.id = award_province.award_id $$;
COMMENT ON FUNCTION @extschema@.award_province(bigint) IS 'the province of an award';
ALTER TABLE @extschema@.award ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON @extschema@.award FOR SELECT USING (true);
CREATE POLICY steward_insert ON @extschema@.award FOR INSERT
	WITH CHECK (@extschema@.is_steward_of(province_code));
CREATE POLICY steward_update ON @extschema@.award FOR UPDATE
	USING (@extschema@.is_steward_of(province_code)) WITH CHECK (@extschema@.is_steward_of(province_code));
CREATE POLICY steward_delete ON @extschema@.award FOR DELETE USING (true);
ALTER TABLE @extschema@.award_year ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON @extschema@.award_year FOR SELECT USING (true);
CREATE POLICY steward_insert ON @extschema@.award_year FOR INSERT
	WITH CHECK (@extschema@.is_steward_of(@extschema@.award_province(award_id)));
CREATE POLICY steward_update ON @extschema@.award_year FOR UPDATE
	USING (@extschema@.is_steward_of(@extschema@.award_province(award_id)))
	WITH CHECK (@extschema@.is_steward_of(@extschema@.award_province(award_id)));
CREATE POLICY steward_delete ON @extschema@.award_year FOR DELETE USING (true);

-- Under row-level security a DELETE could only skip the rows a policy
-- hides; to refuse (42501) rather than silently skip another province's
-- rows, the DELETE policies let writers see every row and this trigger
-- checks the old row.  It acts only where row-level security applies to
-- the current user (a role granted DELETE beyond the documented
-- privileges).
CREATE FUNCTION @extschema@.steward_guard()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	old_province text;
	-- the table's name, also on a Citus shard (named table_shardid)
	tbl text := regexp_replace(TG_TABLE_NAME, '_[0-9]+$', '');
BEGIN
	IF NOT pg_catalog.row_security_active(TG_RELID) THEN
		RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
	END IF;
	-- (plpgsql compiles trigger functions per table, so each branch only
	-- ever meets its own row type)
	IF tbl IN ('allocation', 'award') THEN
		old_province := OLD.province_code;
	ELSIF tbl = 'award_year' THEN
		old_province := @extschema@.award_province(OLD.award_id);
	ELSE
		old_province := @extschema@.cluster_province(OLD.cluster_id, OLD.fiscal_year);
	END IF;
	IF NOT @extschema@.is_steward_of(old_province) THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('permission denied to %s a row of province %s in %s', lower(TG_OP), coalesce(old_province, @extschema@.message('(none)')), tbl),
				  ERRCODE = 'insufficient_privilege',
				  HINT = @extschema@.message('Only members of the province''s steward role (see province_steward) may change its rows.');
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
CREATE TRIGGER steward_guard BEFORE UPDATE OR DELETE ON @extschema@.award
	FOR EACH ROW EXECUTE FUNCTION @extschema@.steward_guard();
CREATE TRIGGER steward_guard BEFORE UPDATE OR DELETE ON @extschema@.award_year
	FOR EACH ROW EXECUTE FUNCTION @extschema@.steward_guard();

-- The evaluation is the ministry's ---------------------------------------------------

CREATE FUNCTION @extschema@.is_evaluator()
RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_roles r
				   WHERE r.rolname = 'regionpolicy_evaluator' AND pg_catalog.pg_has_role(session_user, r.oid, 'MEMBER'))
$$;
COMMENT ON FUNCTION @extschema@.is_evaluator() IS
'true when the session''s login role is a member of the role regionpolicy_evaluator (which the administrator creates), whatever role it has set';

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

-- Deletes by stewards ------------------------------------------------------------------

-- These run as the extension's owner, so that stewards need no DELETE
-- privilege (which would let them lock the whole table).  They act for the
-- session's login role, as every rule here does (is_steward_of), and tell a
-- session that may not read the table nothing of its rows.
CREATE FUNCTION @extschema@.delete_allocation(allocation_id bigint)
RETURNS boolean
LANGUAGE plpgsql VOLATILE STRICT SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	p text;
BEGIN
	IF NOT pg_catalog.has_table_privilege(session_user, '@extschema@.allocation', 'SELECT') THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('permission denied for table allocation'),
				  ERRCODE = 'insufficient_privilege';
	END IF;
	-- the line's province first, then the line locked by id and province (a
	-- distributed allocation is reached by its province)
	SELECT a.province_code INTO p FROM @extschema@.allocation a WHERE a.id = allocation_id;
	IF NOT FOUND THEN
		RETURN false;
	END IF;
	IF p IS NULL THEN
		PERFORM 1 FROM @extschema@.allocation a WHERE a.id = allocation_id AND a.province_code IS NULL FOR UPDATE;
	ELSE
		PERFORM 1 FROM @extschema@.allocation a WHERE a.id = allocation_id AND a.province_code = p FOR UPDATE;
	END IF;
	IF NOT FOUND THEN
		RETURN false;			-- moved or deleted meanwhile
	END IF;
	IF NOT @extschema@.is_steward_of(p) THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('permission denied to delete allocation %s of province %s', allocation_id, coalesce(p, @extschema@.message('(none)'))),
				  ERRCODE = 'insufficient_privilege',
				  HINT = @extschema@.message('Only members of the province''s steward role (see province_steward) may delete its rows; lines of no single province are the owner''s.');
	END IF;
	IF p IS NULL THEN
		DELETE FROM @extschema@.allocation a WHERE a.id = allocation_id AND a.province_code IS NULL;
	ELSE
		DELETE FROM @extschema@.allocation a WHERE a.id = allocation_id AND a.province_code = p;
	END IF;
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
	IF NOT pg_catalog.has_table_privilege(session_user, '@extschema@.cluster_diagnosis', 'SELECT') THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('permission denied for table cluster_diagnosis'),
				  ERRCODE = 'insufficient_privilege';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM @extschema@.cluster_diagnosis d
				   WHERE d.cluster_id = delete_cluster_diagnosis.cluster_id
					 AND d.fiscal_year = delete_cluster_diagnosis.fiscal_year) THEN
		RETURN false;
	END IF;
	IF NOT @extschema@.is_steward_of(p) THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('permission denied to delete the diagnosis of cluster %s for fiscal year %s (province %s)', delete_cluster_diagnosis.cluster_id, delete_cluster_diagnosis.fiscal_year, coalesce(p, @extschema@.message('(none)'))),
				  ERRCODE = 'insufficient_privilege',
				  HINT = @extschema@.message('Only members of the province''s steward role (see province_steward) may delete its diagnoses.');
	END IF;
	DELETE FROM @extschema@.cluster_diagnosis d
	WHERE d.cluster_id = delete_cluster_diagnosis.cluster_id AND d.fiscal_year = delete_cluster_diagnosis.fiscal_year;
	RETURN true;
END
$$;
COMMENT ON FUNCTION @extschema@.delete_cluster_diagnosis(integer, integer) IS
'deletes a diagnosis of a cluster of a province the session''s role stewards (42501 for any other); false when there is none';

-- 2.0.0: a steward's diagnosis, written on a Citus cluster too
-- A diagnosis written as the table's owner, with the rights of the session
-- user checked first: on Citus, where cluster_diagnosis is a reference
-- table, a write locks the reference tables it refers to on the first
-- worker, which takes a write privilege on them that stewards must not
-- have ("Citus").  The session user needs what a direct write needs: INSERT
-- for a new diagnosis, UPDATE of each column a replacement changes, and the
-- stewardship of the cluster's province that year (or to own the table).
CREATE FUNCTION @extschema@.record_cluster_diagnosis(cluster_id integer, fiscal_year integer,
													 requested_stage integer, self_score numeric,
													 has_rnd_body boolean, workforce_program boolean,
													 note text DEFAULT NULL)
RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	p text := @extschema@.cluster_province(record_cluster_diagnosis.cluster_id, record_cluster_diagnosis.fiscal_year);
	there boolean;
	col text;
BEGIN
	IF cluster_id IS NULL OR fiscal_year IS NULL THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('a diagnosis needs its cluster and fiscal year'),
				  ERRCODE = 'not_null_violation';
	END IF;
	IF NOT pg_catalog.has_table_privilege(session_user, '@extschema@.cluster_diagnosis', 'SELECT') THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('permission denied for table cluster_diagnosis'),
				  ERRCODE = 'insufficient_privilege';
	END IF;
	there := EXISTS (SELECT 1 FROM @extschema@.cluster_diagnosis d
					 WHERE d.cluster_id = record_cluster_diagnosis.cluster_id
					   AND d.fiscal_year = record_cluster_diagnosis.fiscal_year);
	IF NOT there AND NOT pg_catalog.has_table_privilege(session_user, '@extschema@.cluster_diagnosis', 'INSERT') THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('permission denied for table cluster_diagnosis'),
				  ERRCODE = 'insufficient_privilege';
	END IF;
	IF there THEN
		FOREACH col IN ARRAY CASE WHEN note IS NULL THEN ARRAY['requested_stage', 'self_score', 'has_rnd_body', 'workforce_program']
								  ELSE ARRAY['requested_stage', 'self_score', 'has_rnd_body', 'workforce_program', 'note'] END LOOP
			IF NOT pg_catalog.has_column_privilege(session_user, '@extschema@.cluster_diagnosis', col, 'UPDATE') THEN
				RAISE EXCEPTION USING MESSAGE = @extschema@.message('permission denied for table cluster_diagnosis'),
						  ERRCODE = 'insufficient_privilege';
			END IF;
		END LOOP;
	END IF;
	IF NOT @extschema@.may_load(p) THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('permission denied to write the diagnosis of cluster %s for fiscal year %s (province %s)', cluster_id, fiscal_year, coalesce(p, @extschema@.message('(none)'))),
				  ERRCODE = 'insufficient_privilege',
				  HINT = @extschema@.message('Only members of the province''s steward role (see province_steward) may write its diagnoses.');
	END IF;
	-- (a diagnosis another session writes meanwhile makes the INSERT fail
	-- on the key, never a replacement the rights were not checked for)
	IF there THEN
		UPDATE @extschema@.cluster_diagnosis d
		SET requested_stage = record_cluster_diagnosis.requested_stage, self_score = record_cluster_diagnosis.self_score,
			has_rnd_body = record_cluster_diagnosis.has_rnd_body,
			workforce_program = record_cluster_diagnosis.workforce_program,
			note = coalesce(record_cluster_diagnosis.note, d.note)
		WHERE d.cluster_id = record_cluster_diagnosis.cluster_id AND d.fiscal_year = record_cluster_diagnosis.fiscal_year;
	ELSE
		INSERT INTO @extschema@.cluster_diagnosis (cluster_id, fiscal_year, requested_stage, self_score, has_rnd_body,
												   workforce_program, note)
		VALUES (cluster_id, fiscal_year, requested_stage, self_score, has_rnd_body, workforce_program, note);
	END IF;
	RETURN NOT there;
END
$$;
COMMENT ON FUNCTION @extschema@.record_cluster_diagnosis(integer, integer, integer, numeric, boolean, boolean, text) IS
'writes a cluster''s diagnosis for a fiscal year, or replaces it (its note kept when none is given), with the privileges and stewardship a direct write needs (42501 otherwise); true when it was new. Stewards write diagnoses this way on a Citus cluster';
-- end of 2.0.0

-- A warning at install time -----------------------------------------------------------

-- Any role that can create objects in a schema on the search path can plant
-- a look-alike of a function or operator that then runs as whoever calls
-- it (PostgreSQL's "secure schema usage pattern").  The path checked is the
-- session's default, which later sessions get too (CREATE EXTENSION runs
-- its script under a search_path of its own).  A restore says nothing: the
-- dump restores the schemas' privileges after the extension.
DO $warn$
DECLARE
	writable text;
BEGIN
	IF pg_catalog.current_setting('regionpolicy_install.restoring', true) = 'true' THEN
		RETURN;
	END IF;
	SELECT string_agg(DISTINCT n.nspname, ', ') INTO writable
	FROM pg_catalog.unnest(pg_catalog.string_to_array(
			 (SELECT s.reset_val FROM pg_catalog.pg_settings s WHERE s.name = 'search_path'), ',')) AS e(item)
		 JOIN pg_catalog.pg_namespace n
			  ON n.nspname = pg_catalog.replace(pg_catalog.btrim(pg_catalog.btrim(e.item), '"'), '$user', session_user)
	WHERE pg_catalog.has_schema_privilege('public', n.oid, 'CREATE');
	IF writable IS NOT NULL THEN
		RAISE WARNING USING MESSAGE = @extschema@.message('every role can create objects in schema %s, which is on the search path', writable),
				  DETAIL = @extschema@.message('A function or operator planted there can win over regionpolicy''s and run as whoever calls it.'),
				  HINT = @extschema@.message('REVOKE CREATE ON SCHEMA public FROM PUBLIC, or leave such schemas off the search path: SET search_path = regionpolicy, "$user" (see the README, "Putting regionpolicy on the search path").');
	END IF;
END
$warn$;
