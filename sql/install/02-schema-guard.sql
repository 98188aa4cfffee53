-- Refuse a prepared trap (SPEC §3).  The control file names the schema, so
-- CREATE EXTENSION creates it, or silently uses one that already exists;
-- a schema someone else made can hold objects (a planted
-- funding(integer, integer), say) that would run as whoever calls them.
-- The schema is used only if this very command created it (its catalog row
-- written by the current transaction), or if it is one that cannot hold a
-- trap: owned by a superuser, empty, and with no other role allowed to
-- create in it.  The second case is what pg_restore does (CREATE SCHEMA,
-- then CREATE EXTENSION), so dumps restore.
DO $guard$
DECLARE
	s record;
BEGIN
	SELECT n.oid, n.xmin::text AS creator, r.rolname AS owner, r.rolsuper AS owner_super,
		   EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
				   WHERE d.refclassid = 'pg_catalog.pg_namespace'::pg_catalog.regclass
					 AND d.refobjid = n.oid
					 AND d.classid <> 'pg_catalog.pg_extension'::pg_catalog.regclass) AS has_objects,
		   EXISTS (SELECT 1 FROM pg_catalog.pg_roles o
				   WHERE NOT o.rolsuper
					 AND pg_catalog.has_schema_privilege(o.oid, n.oid, 'CREATE')) AS others_create
	  INTO s
	  FROM pg_catalog.pg_namespace n
	  JOIN pg_catalog.pg_roles r ON r.oid = n.nspowner
	 WHERE n.nspname = '@extschema@';
	IF s.creator = (pg_catalog.txid_current() % 4294967296)::text THEN
		RETURN;
	END IF;
	IF NOT s.owner_super OR s.has_objects OR s.others_create THEN
		RAISE EXCEPTION 'schema "@extschema@" already exists and could hold a trap'
			USING ERRCODE = 'insufficient_privilege',
				  DETAIL = pg_catalog.format('The schema was not created by this command, and %s.',
					CASE WHEN NOT s.owner_super THEN pg_catalog.format('it is owned by %s, who is not a superuser', pg_catalog.quote_ident(s.owner))
						 WHEN s.has_objects THEN 'it already holds objects'
						 ELSE 'roles other than superusers may create objects in it' END),
				  HINT = 'CREATE EXTENSION regionpolicy installs into a schema it creates, or into an empty one owned by a superuser. Check what the schema holds, drop or rename it, and run CREATE EXTENSION again.';
	END IF;
END
$guard$;
