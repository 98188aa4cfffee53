-- Views: what went where.  SPEC §2.  Views bind their operators and
-- functions when created, so they are immune to a caller's search_path.

CREATE VIEW @extschema@.reconciliation AS
SELECT g.id AS program_id,
	   g.name_ko,
	   g.declared,
	   c.computed,
	   c.computed - g.declared AS difference,
	   c.computed = g.declared AND c.undeclared_children = 0 AS agrees,
	   c.children,
	   c.undeclared_children
FROM @extschema@.program g
	 CROSS JOIN LATERAL (
		SELECT @extschema@.sum(k.declared) AS computed,
			   count(*) AS children,
			   count(*) FILTER (WHERE k.declared IS NULL) AS undeclared_children
		FROM @extschema@.program k
		WHERE k.parent_id = g.id) AS c
WHERE g.children_complete;
COMMENT ON VIEW @extschema@.reconciliation IS
'every programme whose children are meant to add up to its declared amount: declared, the sum of the children''s declared amounts (computed), computed - declared, and whether they agree';

-- region_totals, allocation_report, ministry_totals and superregion_totals:
-- 97-analyst.sql (report-ready columns and order since 1.2.0).
