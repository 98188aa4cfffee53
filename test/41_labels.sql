-- The review of every function's labels, as tests: volatility, strictness,
-- PARALLEL, LEAKPROOF, SECURITY DEFINER, pinned search_path.  doc/regionpolicy.md, "Installation".
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION regionpolicy CASCADE;
SET LOCAL search_path = regionpolicy, public;
SELECT plan(10);

CREATE TEMP VIEW f AS
SELECT p.oid, p.proname, p.prokind, p.pronargs, p.provolatile, p.proparallel, p.proisstrict, p.proleakproof, p.prosecdef,
	   l.lanname, p.proconfig, p.prosrc
FROM pg_proc p
	 JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
	 JOIN pg_extension e ON e.oid = d.refobjid AND e.extname IN ('funding', 'regionpolicy')
	 JOIN pg_language l ON l.oid = p.prolang;

SELECT cmp_ok((SELECT count(*) FROM f), '>', 60::bigint, 'the review covers every function of both extensions');
SELECT is((SELECT array_agg(proname::text ORDER BY proname) FROM f WHERE prosecdef),
		  ARRAY['allocation_scope_lock', 'delete_allocation', 'delete_cluster_diagnosis', 'record_cluster_diagnosis', 'region_years_refresh'],
		  'SECURITY DEFINER only for the stewards'' deletes, diagnoses and scope locks and the derived years (their search_path is pinned below)');
SELECT is((SELECT array_agg(proname ORDER BY proname) FROM f
		   WHERE lanname IN ('sql', 'plpgsql')
			 AND NOT coalesce('search_path=pg_catalog, pg_temp' = ANY (proconfig), false)), NULL,
		  'every SQL and PL/pgSQL function runs with search_path pinned to pg_catalog, pg_temp');
SELECT is((SELECT array_agg(proname::text ORDER BY proname) FROM f WHERE proleakproof),
		  ARRAY['funding_cmp', 'funding_eq', 'funding_ge', 'funding_gt', 'funding_hash', 'funding_hash_extended',
				'funding_le', 'funding_lt', 'funding_ne'],
		  'LEAKPROOF exactly on comparison and hashing, which cannot fail');
SELECT is((SELECT array_agg(proname::text ORDER BY proname) FROM f WHERE provolatile = 'v'),
		  ARRAY['allocate_differential_funding', 'allocate_differential_funding', 'allocation_entry_insert',
				'allocation_entry_tally', 'allocation_load_begin', 'allocation_load_count', 'allocation_load_end',
				'allocation_load_record', 'allocation_load_row', 'allocation_load_scope_seen', 'allocation_load_summary',
				'allocation_load_written', 'allocation_scope_lock', 'award_entry_insert', 'award_term_check',
				'check_allocations', 'delete_allocation', 'delete_cluster_diagnosis', 'entry_new_programs', 'entry_stage',
				'grade_scale_check', 'key_check', 'load_allocations', 'ministry_periods_disjoint', 'program_no_cycle', 'record_cluster_diagnosis', 'reference_copy', 'reference_guard', 'region_years_refresh',
				'stage_weight_check', 'steward_guard'],
		  'VOLATILE only for the writers, the triggers and the load tally');
SELECT is((SELECT array_agg(proname::text ORDER BY proname) FROM f WHERE provolatile = 's' AND lanname = 'c'),
		  ARRAY['entry_check', 'funding_out', 'is_steward_of', 'message', 'message'],
		  'among C functions only the output function (it reads regionpolicy.display_unit), entry_check (session_replication_role), is_steward_of (it reads the stewards) and message (lc_messages) are STABLE');
-- Reviewed one by one: each computes from its arguments and IMMUTABLE C
-- functions only, and reads no table.
SELECT is((SELECT array_agg(DISTINCT proname::text ORDER BY proname::text) FROM f WHERE provolatile = 'i' AND lanname NOT IN ('c', 'internal')),
		  ARRAY['business_number_valid', 'entry_bounded', 'entry_local', 'entry_number_pattern', 'entry_plain', 'entry_reraise', 'entry_same_line',
				'ministry_label', 'phase_label', 'province_valid_on', 'reference_trim_full', 'share_text'],
		  'the SQL and PL/pgSQL functions that claim IMMUTABLE are exactly those that read no table');
SELECT is((SELECT array_agg(proname::text ORDER BY proname) FROM f WHERE proparallel <> 's'),
		  ARRAY['allocate_differential_funding', 'allocate_differential_funding', 'allocation_entry_insert',
				'allocation_entry_tally', 'allocation_load_begin', 'allocation_load_count', 'allocation_load_end',
				'allocation_load_record', 'allocation_load_row', 'allocation_load_scope_seen', 'allocation_load_summary',
				'allocation_load_written', 'allocation_scope_lock', 'award_entry_insert', 'award_term_check',
				'check_allocations', 'delete_allocation', 'delete_cluster_diagnosis', 'entry_amount', 'entry_amount_checked', 'entry_new_programs', 'entry_other',
				'entry_problem', 'entry_stage', 'entry_suggestion',
				'grade_scale_check', 'key_check', 'load_allocations', 'ministry_periods_disjoint', 'program_no_cycle', 'record_cluster_diagnosis', 'reference_copy', 'reference_guard', 'region_years_refresh',
				'stage_weight_check', 'steward_guard'],
		  'everything but the writers, the triggers, the load tally and what catches errors is PARALLEL SAFE');
-- a parallel worker cannot start a subtransaction, which an EXCEPTION block is
SELECT is((SELECT array_agg(proname::text ORDER BY proname) FROM f
		   WHERE lanname = 'plpgsql' AND proparallel = 's' AND prosrc ~* '\mEXCEPTION\s+WHEN'),
		  NULL, 'no PARALLEL SAFE function catches errors (a parallel worker cannot start a subtransaction)');
SELECT is((SELECT array_agg(proname::text ORDER BY proname) FROM f
		   WHERE lanname = 'c' AND prokind = 'f' AND NOT proisstrict AND pronargs > 0),
		  ARRAY['allocation_load_scope_seen', 'funding_avg_final', 'funding_sum_accum', 'funding_sum_combine', 'funding_sum_final',
				'funding_sum_inverse', 'is_steward_of', 'line_hash', 'message', 'message'],
		  'C functions of arguments are STRICT, except the aggregate support, line_hash, allocation_load_scope_seen (a line of no province), is_steward_of (false for NULL) and message (a NULL argument), which must see NULLs');

SELECT * FROM finish();
ROLLBACK;
