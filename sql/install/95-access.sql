-- Access control (new in 1.1.0).  SPEC §3: regional officials write only
-- their own province's rows; everyone with SELECT reads everything.
--
-- province_steward maps a role to a province.  Row-level security on
-- allocation, cluster_diagnosis and cluster_evaluation lets a member of a
-- steward role insert, update and delete rows of its provinces only; any
-- other write, moving a row to another province included, fails with
-- SQLSTATE 42501.  Rows of no single province, programmes and policy tables
-- are written only by the tables' owner (who bypasses row-level security)
-- or by roles granted that explicitly (BYPASSRLS, or table privileges on
-- tables without row-level security).  Table privileges themselves are the
-- administrator's to grant; see doc/regionpolicy.md.

CREATE TABLE @extschema@.province_steward (
	role_name name NOT NULL,
	province_code text NOT NULL REFERENCES @extschema@.province (code),
	PRIMARY KEY (role_name, province_code)
);
CREATE INDEX province_steward_province_idx ON @extschema@.province_steward (province_code);
COMMENT ON TABLE @extschema@.province_steward IS
'which role stewards which province: members of the role may write that province''s allocations, diagnoses and evaluations';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.province_steward', '');

-- Is the current user a member of a role that stewards this province?
-- False for NULL (rows of no single province).
CREATE FUNCTION @extschema@.is_steward_of(province_code text)
RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT EXISTS (
		SELECT 1
		FROM @extschema@.province_steward s
			 JOIN pg_catalog.pg_roles r ON r.rolname = s.role_name
		WHERE s.province_code = is_steward_of.province_code
		  AND pg_catalog.pg_has_role(r.oid, 'MEMBER'))
$$;
COMMENT ON FUNCTION @extschema@.is_steward_of(text) IS
'true when the current user is a member of a role that stewards the province (false for NULL)';

CREATE FUNCTION @extschema@.cluster_province(cluster_id integer)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT c.province_code FROM @extschema@.cluster c WHERE c.id = cluster_province.cluster_id
$$;
COMMENT ON FUNCTION @extschema@.cluster_province(integer) IS 'the province of a cluster';

-- Row-level security can only filter the rows an UPDATE or DELETE sees;
-- to refuse (42501) rather than silently skip another province's rows, the
-- policies let writers see every row and this trigger checks the old row.
-- It acts only where row-level security applies to the current user.
CREATE FUNCTION @extschema@.steward_guard()
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
		old_province := @extschema@.cluster_province(OLD.cluster_id);
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

ALTER TABLE @extschema@.allocation ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON @extschema@.allocation FOR SELECT USING (true);
CREATE POLICY steward_insert ON @extschema@.allocation FOR INSERT
	WITH CHECK (@extschema@.is_steward_of(province_code));
CREATE POLICY steward_update ON @extschema@.allocation FOR UPDATE
	USING (true) WITH CHECK (@extschema@.is_steward_of(province_code));
CREATE POLICY steward_delete ON @extschema@.allocation FOR DELETE USING (true);
CREATE TRIGGER steward_guard BEFORE UPDATE OR DELETE ON @extschema@.allocation
	FOR EACH ROW EXECUTE FUNCTION @extschema@.steward_guard();

ALTER TABLE @extschema@.cluster_diagnosis ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON @extschema@.cluster_diagnosis FOR SELECT USING (true);
CREATE POLICY steward_insert ON @extschema@.cluster_diagnosis FOR INSERT
	WITH CHECK (@extschema@.is_steward_of(@extschema@.cluster_province(cluster_id)));
CREATE POLICY steward_update ON @extschema@.cluster_diagnosis FOR UPDATE
	USING (true) WITH CHECK (@extschema@.is_steward_of(@extschema@.cluster_province(cluster_id)));
CREATE POLICY steward_delete ON @extschema@.cluster_diagnosis FOR DELETE USING (true);
CREATE TRIGGER steward_guard BEFORE UPDATE OR DELETE ON @extschema@.cluster_diagnosis
	FOR EACH ROW EXECUTE FUNCTION @extschema@.steward_guard();

ALTER TABLE @extschema@.cluster_evaluation ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON @extschema@.cluster_evaluation FOR SELECT USING (true);
CREATE POLICY steward_insert ON @extschema@.cluster_evaluation FOR INSERT
	WITH CHECK (@extschema@.is_steward_of(@extschema@.cluster_province(cluster_id)));
CREATE POLICY steward_update ON @extschema@.cluster_evaluation FOR UPDATE
	USING (true) WITH CHECK (@extschema@.is_steward_of(@extschema@.cluster_province(cluster_id)));
CREATE POLICY steward_delete ON @extschema@.cluster_evaluation FOR DELETE USING (true);
CREATE TRIGGER steward_guard BEFORE UPDATE OR DELETE ON @extschema@.cluster_evaluation
	FOR EACH ROW EXECUTE FUNCTION @extschema@.steward_guard();

-- Anyone may use the type and its functions, and read the public facts;
-- budget data is readable by those the administrator grants SELECT to.
GRANT USAGE ON SCHEMA @extschema@ TO PUBLIC;
GRANT SELECT ON @extschema@.province, @extschema@.province_alias, @extschema@.superregion,
	@extschema@.superregion_member, @extschema@.cluster, @extschema@.evaluation_agency,
	@extschema@.committee_figure, @extschema@.stage2_criteria, @extschema@.grade_scale,
	@extschema@.stage_weight, @extschema@.province_steward TO PUBLIC;
