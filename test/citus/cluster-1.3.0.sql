-- A Citus cluster of regionpolicy 1.3.0, as its documentation made one
-- (doc/regionpolicy.md of 1.3.0, "Citus"), with the two steps its users
-- needed beside it: the coordinator named, and the reference tables copied
-- to every node.  test/citus/run checks that the move to 2.0 refuses such a
-- cluster, at its first command or, with -v takeover=1 (the type taken over
-- before the tables were distributed), at the update of regionpolicy.
SELECT citus_set_coordinator_host(split_part(:'coordinator', ':', 1), split_part(:'coordinator', ':', 2)::int);
SELECT citus_add_node(split_part(w, ':', 1), split_part(w, ':', 2)::int)
FROM unnest(string_to_array(:'workers', ' ')) AS w;
CREATE EXTENSION regionpolicy VERSION '1.3.0';	-- Citus creates it on the workers too
\if :takeover
CREATE EXTENSION funding VERSION '1.3.0' SCHEMA regionpolicy;
ALTER EXTENSION funding UPDATE;
\endif
BEGIN;
-- the extension's triggers run where the rows are
SET LOCAL citus.enable_unsafe_triggers = on;
-- the shipped rows are copied to the shards as they are, past their guards
SET LOCAL citus.propagate_set_commands = 'local';
SET LOCAL session_replication_role = replica;
-- keys between the extension's tables are kept as the extension made them
SET LOCAL citus.enable_local_reference_table_foreign_keys = off;
SELECT create_reference_table(t)
FROM unnest(ARRAY['regionpolicy.province', 'regionpolicy.province_alias', 'regionpolicy.province_year',
				  'regionpolicy.superregion', 'regionpolicy.superregion_member', 'regionpolicy.municipality',
				  'regionpolicy.municipality_year', 'regionpolicy.municipality_designation',
				  'regionpolicy.program', 'regionpolicy.program_target', 'regionpolicy.cluster',
				  'regionpolicy.evaluation_agency', 'regionpolicy.committee_figure', 'regionpolicy.cluster_diagnosis',
				  'regionpolicy.cluster_evaluation', 'regionpolicy.stage2_criteria', 'regionpolicy.grade_scale',
				  'regionpolicy.stage_weight', 'regionpolicy.province_steward', 'regionpolicy.support_terms',
				  'regionpolicy.award', 'regionpolicy.award_year']::regclass[]) AS t;
-- allocation by province: every key of a distributed table holds its
-- province, so a line is always of one province here, and the keys of lines
-- of no single province go
ALTER TABLE regionpolicy.allocation ALTER COLUMN province_code SET NOT NULL,
	DROP CONSTRAINT allocation_pkey, ADD CONSTRAINT allocation_pkey PRIMARY KEY (province_code, id);
DROP INDEX regionpolicy.allocation_national_line_key, regionpolicy.allocation_unreferenced_national_line_key;
SELECT create_distributed_table('regionpolicy.allocation', 'province_code');
-- the scopes loads lock, beside their lines
SELECT create_distributed_table('regionpolicy.allocation_scope', 'province_code', colocate_with => 'regionpolicy.allocation');
COMMIT;
SELECT replicate_reference_tables('block_writes');
