
-- The views made again: their privileges as they were, and those that were
-- not the extension's (they read your tables) are not now either.
DO $views$
DECLARE
	v text;
	g record;
BEGIN
	FOREACH v IN ARRAY ARRAY['reconciliation_detail', 'award_compliance', 'award_totals'] LOOP
		IF pg_catalog.current_setting('regionpolicy_upgrade.member_' || v) = 'false' THEN
			EXECUTE pg_catalog.format('ALTER EXTENSION regionpolicy DROP VIEW @extschema@.%I', v);
		END IF;
		FOR g IN SELECT a.grantee, a.privilege_type, a.is_grantable
				   FROM pg_catalog.aclexplode(NULLIF(pg_catalog.current_setting('regionpolicy_upgrade.acl_' || v), '')::pg_catalog.aclitem[]) a
				  WHERE a.grantee <> (SELECT c.relowner FROM pg_catalog.pg_class c
									  WHERE c.oid = pg_catalog.format('@extschema@.%I', v)::pg_catalog.regclass)
		LOOP
			EXECUTE pg_catalog.format('GRANT %s ON @extschema@.%I TO %s%s', g.privilege_type, v,
				CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(g.grantee)) END,
				CASE WHEN g.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END);
		END LOOP;
	END LOOP;
END
$views$;

-- differential_pool is your data, and the new views read your tables:
-- yours, like the tables and views of "Your data".
ALTER EXTENSION regionpolicy DROP TABLE @extschema@.differential_pool;
ALTER EXTENSION regionpolicy DROP VIEW @extschema@.differential_shares;
ALTER EXTENSION regionpolicy DROP VIEW @extschema@.region_summary;
ALTER EXTENSION regionpolicy DROP VIEW @extschema@.ministry_summary;
ALTER EXTENSION regionpolicy DROP VIEW @extschema@.municipality_summary;
ALTER EXTENSION regionpolicy DROP VIEW @extschema@.award_summary;
ALTER EXTENSION regionpolicy DROP VIEW @extschema@.allocation_entry;
ALTER EXTENSION regionpolicy DROP VIEW @extschema@.region_totals;
ALTER EXTENSION regionpolicy DROP VIEW @extschema@.region_totals_long;
ALTER EXTENSION regionpolicy DROP VIEW @extschema@.allocation_report;
ALTER EXTENSION regionpolicy DROP VIEW @extschema@.ministry_totals;
ALTER EXTENSION regionpolicy DROP VIEW @extschema@.superregion_totals;
ALTER EXTENSION regionpolicy DROP VIEW @extschema@.municipality_totals;
ALTER EXTENSION regionpolicy DROP VIEW @extschema@.award_terms;
