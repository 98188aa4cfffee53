-- Access control (new in 1.1.0; who writes what since 1.3.0: see
-- 992-access.sql).  Regional officials write only their own province's
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

-- steward_guard(), the trigger that refuses deletes of other provinces'
-- rows: 992-access.sql.

ALTER TABLE @extschema@.allocation ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON @extschema@.allocation FOR SELECT USING (true);
CREATE POLICY steward_insert ON @extschema@.allocation FOR INSERT
	WITH CHECK (@extschema@.is_steward_of(province_code));
CREATE POLICY steward_update ON @extschema@.allocation FOR UPDATE
	USING (true) WITH CHECK (@extschema@.is_steward_of(province_code));
CREATE POLICY steward_delete ON @extschema@.allocation FOR DELETE USING (true);

ALTER TABLE @extschema@.cluster_diagnosis ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON @extschema@.cluster_diagnosis FOR SELECT USING (true);
ALTER TABLE @extschema@.cluster_evaluation ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON @extschema@.cluster_evaluation FOR SELECT USING (true);
-- The diagnoses' write policies, and the evaluations' (the evaluator's,
-- never a steward's): 992-access.sql.

-- Anyone may use the type and its functions, and read the public facts;
-- budget data is readable by those the administrator grants SELECT to.
GRANT USAGE ON SCHEMA @extschema@ TO PUBLIC;
GRANT SELECT ON @extschema@.province, @extschema@.province_alias, @extschema@.superregion,
	@extschema@.superregion_member, @extschema@.cluster, @extschema@.evaluation_agency,
	@extschema@.committee_figure, @extschema@.stage2_criteria, @extschema@.grade_scale,
	@extschema@.stage_weight, @extschema@.province_steward TO PUBLIC;
