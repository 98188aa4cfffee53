-- What of yours converts text to funding ("What funding reads" in NEWS.md).
-- The reader is IMMUTABLE, so what it accepts and the values it gives are
-- stored wherever an expression converts text to funding and keeps the
-- result: an index, a generated column or a default, a CHECK constraint (on
-- a table or a domain), a materialized view.  A version whose reading
-- changes lists the inputs in NEWS.md, and its update names these objects,
-- to be rebuilt.  Found in the stored expression trees: a conversion of
-- text to the type (a cast through its input function) or a call of one of
-- its functions that read text.  Objects of extensions are not listed.
CREATE FUNCTION funding_input_dependents()
RETURNS TABLE (kind text, object text)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
WITH ext AS (
	SELECT e.oid FROM pg_extension e WHERE e.extname = 'funding'
), member AS (
	SELECT d.classid, d.objid FROM pg_depend d JOIN ext ON d.refobjid = ext.oid
	 WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
), typ AS (
	SELECT t.oid FROM pg_type t JOIN member m ON m.classid = 'pg_type'::regclass AND m.objid = t.oid
	 WHERE t.typname = 'funding'
), reader AS (
	SELECT p.oid FROM pg_proc p JOIN member m ON m.classid = 'pg_proc'::regclass AND m.objid = p.oid
	 WHERE ('text'::regtype = ANY (p.proargtypes::oid[]) OR 'cstring'::regtype = ANY (p.proargtypes::oid[]))
), pattern AS (
	SELECT '\{COERCEVIAIO .*:resulttype ' || (SELECT oid FROM typ) || ' '
		   || '|\{FUNCEXPR :funcid (' || (SELECT string_agg(oid::text, '|') FROM reader) || ') ' AS re
), stored AS (
	SELECT 'index' AS kind, i.indexrelid::regclass::text AS object, 'pg_class'::regclass AS classid, i.indexrelid AS objid,
		   coalesce(i.indexprs::text, '') || coalesce(i.indpred::text, '') AS tree
	  FROM pg_index i
	UNION ALL
	SELECT CASE WHEN a.attgenerated <> '' THEN 'generated column' ELSE 'default' END,
		   format('%s.%I', a.attrelid::regclass, a.attname), 'pg_class'::regclass, a.attrelid, d.adbin::text
	  FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
	UNION ALL
	SELECT 'check constraint',
		   format('%I on %s', c.conname, CASE WHEN c.conrelid <> 0 THEN c.conrelid::regclass::text
											   ELSE 'domain ' || c.contypid::regtype::text END),
		   CASE WHEN c.conrelid <> 0 THEN 'pg_class'::regclass ELSE 'pg_type'::regclass END,
		   CASE WHEN c.conrelid <> 0 THEN c.conrelid ELSE c.contypid END, c.conbin::text
	  FROM pg_constraint c WHERE c.contype = 'c'
	UNION ALL
	SELECT 'materialized view', r.ev_class::regclass::text, 'pg_class'::regclass, r.ev_class, r.ev_action::text
	  FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class AND c.relkind = 'm'
)
SELECT s.kind, s.object
  FROM stored s, pattern
 WHERE s.tree ~ pattern.re
   AND NOT EXISTS (SELECT 1 FROM pg_depend e
				   WHERE e.classid = s.classid AND e.objid = s.objid AND e.deptype = 'e')
 ORDER BY 1, 2
$$;
COMMENT ON FUNCTION funding_input_dependents() IS
'your indexes, generated columns and defaults, CHECK constraints and materialized views that convert text to funding and keep the result: what to rebuild when a version reads text differently (NEWS.md, "What funding reads")';
