-- One line per object of the extensions funding and regionpolicy, with its
-- full definition, sorted: two databases whose outputs are equal have the
-- same extension contents.
-- Used to compare an upgraded install with a fresh one, and an install under
-- a hostile search_path with a clean one.
WITH members AS (
	SELECT d.classid, d.objid, d.objsubid, e.extname
	FROM pg_depend d
	JOIN pg_extension e ON e.oid = d.refobjid AND e.extname IN ('funding', 'regionpolicy')
	WHERE d.refclassid = 'pg_extension'::regclass
	  AND d.deptype = 'e'
)
SELECT line FROM (
	-- the extensions, their versions, schemas and requirements
	SELECT 'extension ' || e.extname || ' ' || e.extversion || ' in ' || e.extnamespace::regnamespace
		   || ' relocatable=' || e.extrelocatable
		   || ' requires ' || coalesce((SELECT string_agg(r.extname, ',' ORDER BY r.extname)
										FROM pg_depend d JOIN pg_extension r ON r.oid = d.refobjid
										WHERE d.classid = 'pg_extension'::regclass AND d.objid = e.oid
										  AND d.refclassid = 'pg_extension'::regclass), '') AS line
	FROM pg_extension e WHERE e.extname IN ('funding', 'regionpolicy')
	UNION ALL
	-- every member, described, with its comment
	SELECT m.extname || ': ' || pg_describe_object(m.classid, m.objid, m.objsubid)
		   || ' | ' || coalesce(obj_description(m.objid, (SELECT relname FROM pg_class WHERE oid = m.classid)), '') AS line
	FROM members m
	UNION ALL
	-- functions: full definitions and labels
	SELECT 'function ' || p.oid::regprocedure || ' | ' || p.provolatile::text || p.proparallel::text || p.proisstrict::text
		   || p.proleakproof::text || p.prosecdef::text || ' | ' || coalesce(array_to_string(p.proconfig, ','), '')
		   || ' | ' || coalesce(p.proacl::text, '') || ' | '
		   || CASE WHEN p.prokind IN ('f', 'p', 'w') THEN pg_get_functiondef(p.oid) ELSE '' END
	FROM pg_proc p JOIN members m ON m.classid = 'pg_proc'::regclass AND m.objid = p.oid
	UNION ALL
	-- relations, the extension's and the user tables and views in its schema
	-- (doc/regionpolicy.md, "Your data, pg_dump and DROP EXTENSION"):
	-- columns, defaults, ACLs, row security, views
	SELECT 'relation ' || c.oid::regclass || ' ' || c.relkind::text
		   || CASE WHEN m.objid IS NULL THEN ' (not a member)' ELSE '' END || ' rls=' || c.relrowsecurity
		   || ' acl=' || coalesce(c.relacl::text, '') || ' | '
		   || coalesce((SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
										  || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
										  || coalesce(' default ' || pg_get_expr(ad.adbin, ad.adrelid), '')
										  || CASE WHEN a.attidentity <> '' THEN ' identity ' || a.attidentity::text ELSE '' END
										  || CASE WHEN a.attgenerated <> '' THEN ' generated' ELSE '' END,
										  ', ' ORDER BY a.attnum)
						FROM pg_attribute a LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
						WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped), '')
		   || CASE WHEN c.relkind = 'v' THEN ' | ' || pg_get_viewdef(c.oid) ELSE '' END
	FROM pg_class c LEFT JOIN members m ON m.classid = 'pg_class'::regclass AND m.objid = c.oid
	WHERE m.objid IS NOT NULL OR (c.relnamespace = 'regionpolicy'::regnamespace AND c.relkind IN ('r', 'v', 'S'))
	UNION ALL
	SELECT 'constraint ' || r.conrelid::regclass || '.' || r.conname || ' ' || pg_get_constraintdef(r.oid)
	FROM pg_constraint r WHERE r.connamespace = 'regionpolicy'::regnamespace
	UNION ALL
	SELECT 'index ' || pg_get_indexdef(i.indexrelid)
	FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid WHERE c.relnamespace = 'regionpolicy'::regnamespace
	UNION ALL
	SELECT 'trigger ' || pg_get_triggerdef(t.oid)
	FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
	WHERE c.relnamespace = 'regionpolicy'::regnamespace AND NOT t.tgisinternal
	UNION ALL
	SELECT 'policy ' || pol.polrelid::regclass || '.' || pol.polname || ' ' || pol.polcmd::text
		   || ' using ' || coalesce(pg_get_expr(pol.polqual, pol.polrelid), '')
		   || ' check ' || coalesce(pg_get_expr(pol.polwithcheck, pol.polrelid), '')
	FROM pg_policy pol JOIN pg_class c ON c.oid = pol.polrelid WHERE c.relnamespace = 'regionpolicy'::regnamespace
	UNION ALL
	SELECT 'operator ' || o.oid::regoperator || ' ' || o.oprcode::regproc || ' com=' || o.oprcom::regoperator
		   || ' neg=' || o.oprnegate::regoperator || ' ' || o.oprrest::regproc || ' ' || o.oprjoin::regproc
		   || ' merges=' || o.oprcanmerge || ' hashes=' || o.oprcanhash
	FROM pg_operator o WHERE o.oprnamespace = 'regionpolicy'::regnamespace
	UNION ALL
	SELECT 'config ' || c.oid::regclass || ' ' || coalesce(e.extcondition[array_position(e.extconfig, c.oid)], '')
	FROM pg_extension e CROSS JOIN LATERAL unnest(e.extconfig) AS cfg(oid) JOIN pg_class c ON c.oid = cfg.oid
	WHERE e.extname = 'regionpolicy'
	UNION ALL
	SELECT 'schema acl ' || coalesce(n.nspacl::text, '') FROM pg_namespace n WHERE n.nspname = 'regionpolicy'
) AS all_lines
ORDER BY line;
