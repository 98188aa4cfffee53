-- Views: what went where.  SPEC §2.  Views bind their operators and
-- functions when created, so they are immune to a caller's search_path.

CREATE VIEW @extschema@.region_totals AS
SELECT a.fiscal_year,
	   a.province_code,
	   p.name_ko,
	   a.phase,
	   @extschema@.national(a.amount) AS national,
	   @extschema@.local(a.amount) AS local,
	   @extschema@.total(a.amount) AS total,
	   a.amount
FROM (SELECT fiscal_year, province_code, phase, @extschema@.sum(amount) AS amount
	  FROM @extschema@.allocation
	  GROUP BY fiscal_year, province_code, phase) AS a
	 LEFT JOIN @extschema@.province p ON p.code = a.province_code;
COMMENT ON VIEW @extschema@.region_totals IS
'one row per fiscal year, province and budget phase with allocations (phases are never added together); province_code NULL collects lines of no single province';

CREATE VIEW @extschema@.allocation_report AS
SELECT a.id AS allocation_id,
	   a.fiscal_year,
	   g.ministry,
	   a.program_id,
	   g.name_ko AS program,
	   a.province_code,
	   p.name_ko AS province_name,
	   a.phase,
	   @extschema@.national(a.amount) AS national,
	   @extschema@.local(a.amount) AS local,
	   @extschema@.total(a.amount) AS total,
	   @extschema@.in_unit(@extschema@.national(a.amount), '억') AS national_eok,
	   @extschema@.in_unit(@extschema@.local(a.amount), '억') AS local_eok,
	   @extschema@.in_unit(@extschema@.total(a.amount), '억') AS total_eok
FROM @extschema@.allocation a
	 JOIN @extschema@.program g ON g.id = a.program_id
	 LEFT JOIN @extschema@.province p ON p.code = a.province_code;
COMMENT ON VIEW @extschema@.allocation_report IS
'one row per allocation with plain columns only (bigint won, numeric 억원): for BI tools, spreadsheets and any client that does not know the funding type';

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

CREATE VIEW @extschema@.ministry_totals AS
SELECT a.fiscal_year,
	   g.ministry,
	   a.phase,
	   @extschema@.national(@extschema@.sum(a.amount)) AS national,
	   @extschema@.local(@extschema@.sum(a.amount)) AS local,
	   @extschema@.total(@extschema@.sum(a.amount)) AS total,
	   @extschema@.sum(a.amount) AS amount
FROM @extschema@.allocation a
	 JOIN @extschema@.program g ON g.id = a.program_id
GROUP BY a.fiscal_year, g.ministry, a.phase;
COMMENT ON VIEW @extschema@.ministry_totals IS 'allocations summed per fiscal year, ministry and budget phase';

CREATE VIEW @extschema@.superregion_totals AS
SELECT a.fiscal_year,
	   s.id AS superregion_id,
	   s.name_ko,
	   s.industry_ko,
	   a.phase,
	   @extschema@.national(@extschema@.sum(a.amount)) AS national,
	   @extschema@.local(@extschema@.sum(a.amount)) AS local,
	   @extschema@.total(@extschema@.sum(a.amount)) AS total,
	   @extschema@.sum(a.amount) AS amount
FROM @extschema@.allocation a
	 JOIN @extschema@.superregion_member m ON m.province_code = a.province_code
	 JOIN @extschema@.superregion s ON s.id = m.superregion_id
GROUP BY a.fiscal_year, s.id, s.name_ko, s.industry_ko, a.phase;
COMMENT ON VIEW @extschema@.superregion_totals IS 'allocations of member provinces summed per fiscal year, super-region and budget phase';
