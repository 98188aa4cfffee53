-- regionpolicy 1.3.0 to 2.0.0.  Made by make from
-- sql/upgrade/regionpolicy--1.3.0.sql, the blocks of sql/regionpolicy/*.sql
-- marked 2.0.0 and sql/upgrade/regionpolicy--1.3.0-tail.sql: edit those.
--
-- From 2.0.0 the extension funding holds the type (doc/regionpolicy.md,
-- "Moving from 1.x"): it must have taken the type over, in this schema,
-- before this update.
\echo Use "ALTER EXTENSION regionpolicy UPDATE" to load this file. \quit

DO $funding$
BEGIN
	IF NOT EXISTS (SELECT 1
					 FROM pg_catalog.pg_depend d
					 JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'funding'
					WHERE d.classid = 'pg_catalog.pg_type'::pg_catalog.regclass
					  AND d.objid = '@extschema@.funding'::pg_catalog.regtype
					  AND d.deptype = 'e') THEN
		RAISE EXCEPTION 'the type @extschema@.funding is still regionpolicy''s'
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  DETAIL = 'From 2.0.0 the extension funding holds the type; it has not taken it over.',
				  HINT = 'DROP EXTENSION funding if it was installed elsewhere, then: CREATE EXTENSION funding VERSION ''1.3.0'' SCHEMA @extschema@; ALTER EXTENSION funding UPDATE; ALTER EXTENSION regionpolicy UPDATE;';
	END IF;
END
$funding$;

-- On Citus this update cannot change the extension's tables, which Citus
-- distributes: refused before anything changes (doc/regionpolicy.md,
-- "Moving from 1.x"; funding 1.3.0 refuses the same cluster first).
DO $citus$
DECLARE
	distributed bigint;
	distributed_names text;
BEGIN
	IF pg_catalog.to_regclass('pg_catalog.pg_dist_partition') IS NOT NULL THEN
		EXECUTE 'SELECT pg_catalog.count(*), pg_catalog.string_agg(c.relname, '', '' ORDER BY c.relname)
				   FROM pg_catalog.pg_dist_partition p
				   JOIN pg_catalog.pg_class c ON c.oid = p.logicalrelid
				  WHERE c.relnamespace = ''@extschema@''::pg_catalog.regnamespace'
		   INTO distributed, distributed_names;
		IF distributed > 0 THEN
			RAISE EXCEPTION 'regionpolicy 1.3.0 cannot move to 2.0 in place on a Citus cluster'
				USING ERRCODE = 'feature_not_supported',
					  DETAIL = pg_catalog.format('Citus distributes %s of its tables (%s). The move changes them through the extension''s script, which Citus cannot apply to their shards, and Citus cannot give an extension''s table back to one node.',
												 distributed, distributed_names),
					  HINT = 'Nothing has changed, on any node: the cluster keeps working at 1.3.0 with these packages. See doc/regionpolicy.md, "Moving from 1.x".';
		END IF;
	END IF;
END
$citus$;

-- A shipped figure that regionpolicy 1.0.0 wrote with an en dash and
-- 1.3.0's install with the press release's tilde: one spelling, the
-- release's, as a new install loads it (sql/data/committee_figure.tsv).
ALTER TABLE @extschema@.committee_figure DISABLE TRIGGER reference_guard;
UPDATE @extschema@.committee_figure SET period = '2018~2022'
 WHERE key = 'clusters_2018_2022' AND shipped AND period = U&'2018\20132022';
ALTER TABLE @extschema@.committee_figure ENABLE TRIGGER reference_guard;

-- Views whose columns change are made again (below).  What an
-- administrator granted on them is kept, and the ones that read your
-- tables stay yours, not the extension's (tail).  A view of yours built on
-- one of them stops the update, naming it: drop it, update, make it again.
DO $views$
DECLARE
	v text;
BEGIN
	FOREACH v IN ARRAY ARRAY['reconciliation_detail', 'award_compliance', 'award_totals'] LOOP
		PERFORM pg_catalog.set_config('regionpolicy_upgrade.acl_' || v,
			coalesce((SELECT c.relacl::text FROM pg_catalog.pg_class c
					  WHERE c.oid = pg_catalog.format('@extschema@.%I', v)::pg_catalog.regclass), ''), true);
		PERFORM pg_catalog.set_config('regionpolicy_upgrade.member_' || v,
			EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
					WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
					  AND d.objid = pg_catalog.format('@extschema@.%I', v)::pg_catalog.regclass
					  AND d.deptype = 'e')::text, true);
		EXECUTE pg_catalog.format('DROP VIEW @extschema@.%I', v);
	END LOOP;
END
$views$;

-- The merged province reads 전남광주 in every view and sorts right after
-- 전남, with its own place (sql/data/province_2026.tsv); the special act's
-- short name, 광주특별시, is an alias.
ALTER TABLE @extschema@.province DISABLE TRIGGER reference_guard;
ALTER TABLE @extschema@.province_alias DISABLE TRIGGER reference_guard;
UPDATE @extschema@.province SET sort_order = sort_order + 1 WHERE shipped AND code IN ('47', '48', '50') AND sort_order IN (15, 16, 17);
UPDATE @extschema@.province SET short_ko = '전남광주', sort_order = 15 WHERE shipped AND code = '12';
UPDATE @extschema@.province_alias SET alias = '광주특별시' WHERE shipped AND province_code = '12' AND alias = '전남광주';
ALTER TABLE @extschema@.province_alias ENABLE TRIGGER reference_guard;
ALTER TABLE @extschema@.province ENABLE TRIGGER reference_guard;

-- A line's money that is neither 국비 nor 지방비 (기타) has its column,
-- which the entry view, the loader and the reports gain (below); the
-- views that read your tables are yours, so they are the extension's only
-- while they are made again here (tail).
ALTER TABLE @extschema@.allocation ADD COLUMN other bigint NOT NULL DEFAULT 0;
ALTER TABLE @extschema@.allocation ADD CONSTRAINT allocation_other_not_negative
	CHECK (phase IN ('adjusted', 'executed') OR other >= 0);
COMMENT ON COLUMN @extschema@.allocation.other IS
'the line''s money that is neither national nor local (기타: funds, 민자, bonds, the recipient''s own share), in won; 0 when it has none; never part of amount';
-- Who may change a line's amount column by column (a steward, "Access
-- control") may change its other money too: a reload under a reference
-- writes both.
DO $other$
DECLARE
	g record;
BEGIN
	FOR g IN SELECT DISTINCT a.grantee, a.privilege_type
			   FROM pg_catalog.pg_attribute t,
					pg_catalog.aclexplode(t.attacl) a
			  WHERE t.attrelid = '@extschema@.allocation'::pg_catalog.regclass AND t.attname = 'amount'
				AND a.privilege_type IN ('INSERT', 'UPDATE', 'SELECT')
	LOOP
		EXECUTE pg_catalog.format('GRANT %s (other) ON @extschema@.allocation TO %s', g.privilege_type,
			CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(g.grantee)) END);
	END LOOP;
END
$other$;
ALTER EXTENSION regionpolicy ADD VIEW @extschema@.allocation_entry;
ALTER EXTENSION regionpolicy ADD VIEW @extschema@.region_totals;
ALTER EXTENSION regionpolicy ADD VIEW @extschema@.region_totals_long;
ALTER EXTENSION regionpolicy ADD VIEW @extschema@.allocation_report;
ALTER EXTENSION regionpolicy ADD VIEW @extschema@.ministry_totals;
ALTER EXTENSION regionpolicy ADD VIEW @extschema@.superregion_totals;
ALTER EXTENSION regionpolicy ADD VIEW @extschema@.municipality_totals;

-- Programmes of any ministry, or of none (a local programme): ministries
-- are reference data with their names over time (below).
ALTER TABLE @extschema@.program DROP CONSTRAINT program_ministry_known;
ALTER TABLE @extschema@.program ALTER COLUMN ministry DROP NOT NULL;
-- load_allocations takes new_programs and ministry (made again below).
DROP FUNCTION @extschema@.load_allocations(regclass, text);

-- KR-12 is not an ISO 3166-2 code (ISO lists KR-29 and KR-46): an
-- unofficial code of the merged province (sql/data/province_alias_2026.tsv).
ALTER TABLE @extschema@.province_alias DROP CONSTRAINT province_alias_kind_known;
ALTER TABLE @extschema@.province_alias ADD CONSTRAINT province_alias_kind_known
	CHECK (kind IN ('name', 'short name', 'iso code', 'former name', 'former code', 'english', 'former english',
					'unofficial code'));
ALTER TABLE @extschema@.province_alias DISABLE TRIGGER reference_guard;
UPDATE @extschema@.province_alias SET kind = 'unofficial code' WHERE shipped AND alias = 'KR-12';
ALTER TABLE @extschema@.province_alias ENABLE TRIGGER reference_guard;

-- Support terms with a cap over the whole period, beside or instead of the
-- yearly one; award_terms gains it (below).
ALTER TABLE @extschema@.support_terms ALTER COLUMN annual_cap DROP NOT NULL,
	ADD COLUMN period_cap bigint CONSTRAINT support_terms_period_cap_positive CHECK (period_cap > 0),
	ADD CONSTRAINT support_terms_some_cap CHECK (annual_cap IS NOT NULL OR period_cap IS NOT NULL);
COMMENT ON COLUMN @extschema@.support_terms.annual_cap IS 'the most one award may get in a fiscal year, won (연 지원 한도); NULL: no yearly cap';
COMMENT ON COLUMN @extschema@.support_terms.period_cap IS 'the most one award may get over its whole term, won (2년간 최대 14억 원); NULL: no cap over the period';
COMMENT ON TABLE @extschema@.support_terms IS
'a sub-programme''s support terms from a fiscal year on: 지원 기간 (support_years), 지원 한도 per year (annual_cap, won), over the whole period (period_cap, won) or both, 지원금 비중 (grant_share of the project cost); valid_from 0 is the shipped default';
ALTER EXTENSION regionpolicy ADD VIEW @extschema@.award_terms;
