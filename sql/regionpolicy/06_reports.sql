-- ============================================================================
-- 6. Reports
-- ============================================================================

-- Labels and explanations in Korean, or in English on request
-- (regionpolicy.language: ko, the default, or en) ("BI tools").
CREATE FUNCTION @extschema@.in_language(ko text, en text)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT CASE WHEN current_setting('regionpolicy.language', true) = 'en' THEN en ELSE ko END $$;
COMMENT ON FUNCTION @extschema@.in_language(text, text) IS
'the Korean text, or the English one when regionpolicy.language is en';
CREATE FUNCTION @extschema@.phase_label(phase text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT CASE phase WHEN 'planned' THEN '계획' WHEN 'approved' THEN '확정' WHEN 'adjusted' THEN '추경'
						 WHEN 'executed' THEN '집행' END $$;
COMMENT ON FUNCTION @extschema@.phase_label(text) IS 'a budget phase in Korean: 계획, 확정, 추경, 집행';
CREATE FUNCTION @extschema@.ministry_label(ministry text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT CASE ministry WHEN 'MOTIE' THEN '산업통상자원부' WHEN 'MSS' THEN '중소벤처기업부' END $$;
COMMENT ON FUNCTION @extschema@.ministry_label(text) IS 'a ministry''s Korean name: 산업통상자원부 (MOTIE), 중소벤처기업부 (MSS)';
-- 2.0.0: ministries and their names over time
-- The name a programme's ministry had when its fiscal year began (MOTIE:
-- 산업통상자원부 for FY2025, 산업통상부 from FY2026); a local programme of no
-- ministry is 자체사업.
CREATE FUNCTION @extschema@.ministry_label(ministry text, fiscal_year integer)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
SELECT CASE WHEN ministry IS NULL THEN '자체사업'
			ELSE (SELECT m.name_ko FROM @extschema@.ministry m
				  WHERE m.code = ministry_label.ministry
				  ORDER BY (m.valid_from IS NULL OR m.valid_from <= make_date(ministry_label.fiscal_year, 1, 1))
						   AND (m.valid_to IS NULL OR m.valid_to > make_date(ministry_label.fiscal_year, 1, 1)) DESC,
						   m.valid_from DESC NULLS LAST
				  LIMIT 1) END
$$;
COMMENT ON FUNCTION @extschema@.ministry_label(text, integer) IS
'the Korean name a ministry had when the fiscal year began (regionpolicy.ministry); 자체사업 for a local programme of no ministry';
-- end of 2.0.0

-- Views: what went where ("The schema": "Views").  Views bind their operators and
-- functions when created, so they are immune to a caller's search_path.

CREATE VIEW @extschema@.reconciliation AS
SELECT g.id AS program_id,
	   g.name_ko,
	   g.declared,
	   c.computed,
	   c.computed - g.declared AS difference,
	   c.computed = g.declared AND c.undeclared_children = 0 AS agrees,
	   c.children,
	   c.undeclared_children,
	   @extschema@.national(g.declared) AS declared_national,
	   @extschema@.local(g.declared) AS declared_local,
	   @extschema@.total(g.declared) AS declared_total,
	   @extschema@.in_unit(@extschema@.national(g.declared), '억') AS declared_national_eok,
	   @extschema@.in_unit(@extschema@.local(g.declared), '억') AS declared_local_eok,
	   @extschema@.in_unit(@extschema@.total(g.declared), '억') AS declared_total_eok,
	   @extschema@.national(c.computed) AS computed_national,
	   @extschema@.local(c.computed) AS computed_local,
	   @extschema@.total(c.computed) AS computed_total,
	   @extschema@.in_unit(@extschema@.national(c.computed), '억') AS computed_national_eok,
	   @extschema@.in_unit(@extschema@.local(c.computed), '억') AS computed_local_eok,
	   @extschema@.in_unit(@extschema@.total(c.computed), '억') AS computed_total_eok,
	   @extschema@.national(c.computed OPERATOR(@extschema@.-) g.declared) AS difference_national,
	   @extschema@.local(c.computed OPERATOR(@extschema@.-) g.declared) AS difference_local,
	   @extschema@.total(c.computed OPERATOR(@extschema@.-) g.declared) AS difference_total,
	   @extschema@.in_unit(@extschema@.national(c.computed OPERATOR(@extschema@.-) g.declared), '억') AS difference_national_eok,
	   @extschema@.in_unit(@extschema@.local(c.computed OPERATOR(@extschema@.-) g.declared), '억') AS difference_local_eok,
	   @extschema@.in_unit(@extschema@.total(c.computed OPERATOR(@extschema@.-) g.declared), '억') AS difference_total_eok
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

-- Report views ------------------------------------------------------------------

-- Report-ready: provinces in the order Korean statistics use (sort_order),
-- bigint won and exact numeric 억 columns beside each funding column.

-- 2.0.0: the reports show the lines' other money
CREATE OR REPLACE VIEW @extschema@.region_totals AS
SELECT a.fiscal_year,
	   a.province_code,
	   p.name_ko,
	   p.short_ko,
	   p.sort_order,
	   a.phase,
	   @extschema@.national(a.amount) AS "national",
	   @extschema@.local(a.amount) AS local,
	   @extschema@.total(a.amount) AS total,
	   @extschema@.in_unit(@extschema@.national(a.amount), '억') AS national_eok,
	   @extschema@.in_unit(@extschema@.local(a.amount), '억') AS local_eok,
	   @extschema@.in_unit(@extschema@.total(a.amount), '억') AS total_eok,
	   a.amount,
	   @extschema@.phase_label(a.phase) AS phase_ko,
	   a.other,
	   @extschema@.in_unit(a.other, '억') AS other_eok
-- Grouped by the province table's code, not the line's: the same groups,
-- and on Citus (doc/regionpolicy.md, "Citus") an aggregate that is not on
-- the distribution column is finished on the coordinator, which keeps this
-- view's order; grouped by the line's own column it would be pushed down to
-- the shards whole and come back in shard order.
FROM (SELECT l.fiscal_year, r.code AS province_code, l.phase, @extschema@.sum(l.amount) AS amount,
			 sum(l.other)::bigint AS other
	  FROM @extschema@.allocation l
		   LEFT JOIN @extschema@.province r ON r.code = l.province_code
	  GROUP BY l.fiscal_year, r.code, l.phase) AS a
	 LEFT JOIN @extschema@.province p ON p.code = a.province_code
ORDER BY a.fiscal_year, p.sort_order NULLS LAST, a.phase;
-- end of 2.0.0
COMMENT ON VIEW @extschema@.region_totals IS
'one row per fiscal year, province and budget phase with allocations (phases are never added together), in bigint won, exact numeric 억원 and funding; in the order of Korean statistics (sort_order); province_code NULL collects lines of no single province';

-- For charts and pivots as they are: one row per fiscal year, province,
-- phase and part (국비, 지방비), in the order Korean statistics use.
-- 2.0.0: the reports show the lines' other money
CREATE OR REPLACE VIEW @extschema@.region_totals_long AS
SELECT t.fiscal_year, t.province_code, t.name_ko, t.short_ko, t.sort_order, t.phase, t.phase_ko,
	   x.part, x.part_ko, x.part_order, x.won, @extschema@.in_unit(x.won, '억') AS eok
FROM @extschema@.region_totals t
	 CROSS JOIN LATERAL (VALUES (1, 'national', '국비', t."national"), (2, 'local', '지방비', t.local), (3, 'other', '기타', t.other))
		 AS x(part_order, part, part_ko, won)
ORDER BY t.fiscal_year, t.sort_order NULLS LAST, t.phase, x.part_order;
-- end of 2.0.0
COMMENT ON VIEW @extschema@.region_totals_long IS
'region_totals in long format for stacked charts: one row per fiscal year, province, phase and part (국비 national, 지방비 local, 기타 other money), won exact and 억 for display, in sort_order';

-- 2.0.0: the reports show the lines' other money
CREATE OR REPLACE VIEW @extschema@.allocation_report AS
SELECT a.id AS allocation_id,
	   a.fiscal_year,
	   g.ministry,
	   a.program_id,
	   g.name_ko AS program,
	   a.province_code,
	   p.name_ko AS province_name,
	   p.short_ko AS province_short,
	   a.municipality_code,
	   a.phase,
	   a.reference,
	   @extschema@.national(a.amount) AS "national",
	   @extschema@.local(a.amount) AS local,
	   @extschema@.total(a.amount) AS total,
	   @extschema@.in_unit(@extschema@.national(a.amount), '억') AS national_eok,
	   @extschema@.in_unit(@extschema@.local(a.amount), '억') AS local_eok,
	   @extschema@.in_unit(@extschema@.total(a.amount), '억') AS total_eok,
	   coalesce(m.name_ko, g.ministry, '자체사업') AS ministry_ko,
	   @extschema@.phase_label(a.phase) AS phase_ko,
	   a.other,
	   @extschema@.in_unit(a.other, '억') AS other_eok
FROM @extschema@.allocation a
	 JOIN @extschema@.program g ON g.id = a.program_id
	 LEFT JOIN @extschema@.province p ON p.code = a.province_code
	 -- the ministry's name when the year began (ministry_label, as a join
	 -- so that a distributed allocation reads it beside its rows)
	 LEFT JOIN @extschema@.ministry m ON m.code = g.ministry
		   AND (m.valid_from IS NULL OR m.valid_from <= make_date(a.fiscal_year, 1, 1))
		   AND (m.valid_to IS NULL OR m.valid_to > make_date(a.fiscal_year, 1, 1))
ORDER BY a.fiscal_year, g.ministry, a.program_id, p.sort_order NULLS LAST, a.phase, a.id;
-- end of 2.0.0
COMMENT ON VIEW @extschema@.allocation_report IS
'one row per allocation with plain columns only (bigint won, numeric 억원): for BI tools, spreadsheets and any client that does not know the funding type';

-- 2.0.0: the reports show the lines' other money
CREATE OR REPLACE VIEW @extschema@.ministry_totals AS
SELECT a.fiscal_year,
	   g.ministry,
	   a.phase,
	   @extschema@.national(@extschema@.sum(a.amount)) AS "national",
	   @extschema@.local(@extschema@.sum(a.amount)) AS local,
	   @extschema@.total(@extschema@.sum(a.amount)) AS total,
	   @extschema@.in_unit(@extschema@.total(@extschema@.sum(a.amount)), '억') AS total_eok,
	   @extschema@.sum(a.amount) AS amount,
	   @extschema@.in_unit(@extschema@.national(@extschema@.sum(a.amount)), '억') AS national_eok,
	   @extschema@.in_unit(@extschema@.local(@extschema@.sum(a.amount)), '억') AS local_eok,
	   coalesce(m.name_ko, g.ministry, '자체사업') AS ministry_ko,
	   @extschema@.phase_label(a.phase) AS phase_ko,
	   sum(a.other)::bigint AS other,
	   @extschema@.in_unit(sum(a.other)::bigint, '억') AS other_eok
FROM @extschema@.allocation a
	 JOIN @extschema@.program g ON g.id = a.program_id
	 LEFT JOIN @extschema@.ministry m ON m.code = g.ministry
		   AND (m.valid_from IS NULL OR m.valid_from <= make_date(a.fiscal_year, 1, 1))
		   AND (m.valid_to IS NULL OR m.valid_to > make_date(a.fiscal_year, 1, 1))
GROUP BY a.fiscal_year, g.ministry, a.phase, m.name_ko
ORDER BY a.fiscal_year, g.ministry, a.phase;
-- end of 2.0.0
COMMENT ON VIEW @extschema@.ministry_totals IS 'allocations summed per fiscal year, ministry and budget phase';

-- 2.0.0: the reports show the lines' other money
CREATE OR REPLACE VIEW @extschema@.superregion_totals AS
SELECT a.fiscal_year,
	   s.id AS superregion_id,
	   s.name_ko,
	   s.industry_ko,
	   a.phase,
	   @extschema@.national(@extschema@.sum(a.amount)) AS "national",
	   @extschema@.local(@extschema@.sum(a.amount)) AS local,
	   @extschema@.total(@extschema@.sum(a.amount)) AS total,
	   @extschema@.in_unit(@extschema@.total(@extschema@.sum(a.amount)), '억') AS total_eok,
	   @extschema@.sum(a.amount) AS amount,
	   @extschema@.in_unit(@extschema@.national(@extschema@.sum(a.amount)), '억') AS national_eok,
	   @extschema@.in_unit(@extschema@.local(@extschema@.sum(a.amount)), '억') AS local_eok,
	   @extschema@.phase_label(a.phase) AS phase_ko,
	   sum(a.other)::bigint AS other,
	   @extschema@.in_unit(sum(a.other)::bigint, '억') AS other_eok
FROM @extschema@.allocation a
	 JOIN @extschema@.superregion_member m ON m.province_code = a.province_code
	 JOIN @extschema@.superregion s ON s.id = m.superregion_id
GROUP BY a.fiscal_year, s.id, s.name_ko, s.industry_ko, a.phase
ORDER BY a.fiscal_year, s.id, a.phase;
-- end of 2.0.0
COMMENT ON VIEW @extschema@.superregion_totals IS 'allocations of member provinces summed per fiscal year, super-region and budget phase';

-- Where a reconciliation fails: which child, and does it look like a slip? -----

-- "local 459억 looks like 45.9억 with its point lost (46억 is needed)": a
-- printed figure about ten times, or a tenth of, the needed one, within the
-- rounding of the needed figure's last printed digit.
CREATE FUNCTION @extschema@.slip_text(component text, printed bigint, needed bigint)
RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	step numeric := 1;		-- the needed figure's last printed digit, in won
	part text := @extschema@.in_language(CASE component WHEN 'national' THEN '국비' WHEN 'local' THEN '지방비' END, component);
BEGIN
	IF printed IS NULL OR needed IS NULL OR printed = needed OR needed <= 0 OR printed <= 0 THEN
		RETURN NULL;
	END IF;
	WHILE needed % (step * 10) = 0 LOOP
		step := step * 10;
	END LOOP;
	IF abs(printed / 10.0 - needed) <= step / 2 THEN
		RETURN @extschema@.with_particles(format(@extschema@.in_language('%s %s: 자릿수가 하나 많은 %s(으)로 보임 (상위 사업에 필요한 값 %s)',
											  '%s %s looks like %s with a digit too many (the parent needs %s)'), part,
					  @extschema@.format_amount(printed, '억'), @extschema@.format_amount(round(printed / 10.0)::bigint, '억'),
					  @extschema@.format_amount(needed, '억')));
	ELSIF abs(printed * 10.0 - needed) <= step / 2 THEN
		RETURN @extschema@.with_particles(format(@extschema@.in_language('%s %s: 자릿수가 하나 빠진 %s(으)로 보임 (상위 사업에 필요한 값 %s)',
											  '%s %s looks like %s with a digit lost (the parent needs %s)'), part,
					  @extschema@.format_amount(printed, '억'), @extschema@.format_amount(printed * 10, '억'),
					  @extschema@.format_amount(needed, '억')));
	END IF;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.slip_text(text, bigint, bigint) IS
'names a printed component that looks like a slip of the needed one: about ten times or a tenth of it, within the rounding of its last printed digit';
-- 2.0.0: reconciliation_detail names the year and the parent programme
CREATE VIEW @extschema@.reconciliation_detail AS
WITH failing AS (
	SELECT r.program_id, g.declared AS parent_declared
	FROM @extschema@.reconciliation r
		 JOIN @extschema@.program g ON g.id = r.program_id
	WHERE NOT r.agrees AND g.declared IS NOT NULL
), children AS (
	SELECT f.program_id, k.id AS child_id, k.name_ko AS child_name_ko, k.declared,
		   f.parent_declared OPERATOR(@extschema@.-)
			   coalesce((SELECT @extschema@.sum(o.declared) FROM @extschema@.program o
						 WHERE o.parent_id = f.program_id AND o.id <> k.id), '(0,0)'::@extschema@.funding) AS needed
	FROM failing f
		 JOIN @extschema@.program k ON k.parent_id = f.program_id
)
SELECT g.fiscal_year, g.ministry, c.program_id, g.name_ko AS program_name_ko,
	   c.child_id, c.child_name_ko, c.declared, c.needed,
	   nullif(concat_ws('; ',
		   @extschema@.slip_text('national', @extschema@.national(c.declared), @extschema@.national(c.needed)),
		   @extschema@.slip_text('local', @extschema@.local(c.declared), @extschema@.local(c.needed))), '') AS likely_slip,
	   @extschema@.national(c.declared) AS declared_national,
	   @extschema@.local(c.declared) AS declared_local,
	   @extschema@.total(c.declared) AS declared_total,
	   @extschema@.in_unit(@extschema@.national(c.declared), '억') AS declared_national_eok,
	   @extschema@.in_unit(@extschema@.local(c.declared), '억') AS declared_local_eok,
	   @extschema@.in_unit(@extschema@.total(c.declared), '억') AS declared_total_eok,
	   @extschema@.national(c.needed) AS needed_national,
	   @extschema@.local(c.needed) AS needed_local,
	   @extschema@.total(c.needed) AS needed_total,
	   @extschema@.in_unit(@extschema@.national(c.needed), '억') AS needed_national_eok,
	   @extschema@.in_unit(@extschema@.local(c.needed), '억') AS needed_local_eok,
	   @extschema@.in_unit(@extschema@.total(c.needed), '억') AS needed_total_eok
FROM children c
	 JOIN @extschema@.program g ON g.id = c.program_id
ORDER BY g.fiscal_year, g.ministry, c.program_id, c.child_id;
COMMENT ON VIEW @extschema@.reconciliation_detail IS
'for every programme whose children do not add up to its declared amount, one row per child (with the programme''s fiscal year, ministry and name, as the same child names recur each year): its declared amount, the amount it would need (the other children unchanged) for the parent to agree, and likely_slip naming a figure that looks like a slip of the needed one';
-- end of 2.0.0

-- Reports over time ----------------------------------------------------------------

-- Every province, and the province it had become part of on as_of.
CREATE FUNCTION @extschema@.province_as_of(as_of date)
RETURNS TABLE (code text, as_of_code text)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	WITH RECURSIVE chain(code, target, depth) AS (
		SELECT p.code, p.code, 0 FROM @extschema@.province p
		UNION ALL
		SELECT c.code, p.successor_code, c.depth + 1
		FROM chain c JOIN @extschema@.province p ON p.code = c.target
		WHERE p.successor_code IS NOT NULL AND p.valid_to <= province_as_of.as_of AND c.depth < 20
	)
	SELECT DISTINCT ON (c.code) c.code, c.target FROM chain c ORDER BY c.code, c.depth DESC
$$;
COMMENT ON FUNCTION @extschema@.province_as_of(date) IS
'each province code with the code of the province it belonged to on as_of (itself, or its successor after a merger)';

-- 2.0.0: the reports show the lines' other money
CREATE OR REPLACE VIEW @extschema@.municipality_totals AS
SELECT a.fiscal_year,
	   a.municipality_code,
	   m.name_ko,
	   a.province_code,
	   p.short_ko AS province,
	   a.phase,
	   @extschema@.national(a.amount) AS "national",
	   @extschema@.local(a.amount) AS local,
	   @extschema@.total(a.amount) AS total,
	   @extschema@.in_unit(@extschema@.total(a.amount), '억') AS total_eok,
	   a.amount,
	   @extschema@.in_unit(@extschema@.national(a.amount), '억') AS national_eok,
	   @extschema@.in_unit(@extschema@.local(a.amount), '억') AS local_eok,
	   @extschema@.phase_label(a.phase) AS phase_ko,
	   a.other,
	   @extschema@.in_unit(a.other, '억') AS other_eok
-- grouped by the province table's code, to keep the order on Citus (as
-- region_totals)
FROM (SELECT l.fiscal_year, l.municipality_code, r.code AS province_code, l.phase,
			 @extschema@.sum(l.amount) AS amount, sum(l.other)::bigint AS other
	  FROM @extschema@.allocation l
		   JOIN @extschema@.province r ON r.code = l.province_code
	  WHERE l.municipality_code IS NOT NULL
	  GROUP BY l.fiscal_year, l.municipality_code, r.code, l.phase) a
	 JOIN @extschema@.municipality m ON m.code = a.municipality_code
	 JOIN @extschema@.province p ON p.code = a.province_code
ORDER BY a.fiscal_year, p.sort_order, a.municipality_code, a.phase;
-- end of 2.0.0
COMMENT ON VIEW @extschema@.municipality_totals IS
'allocations that name a 시·군·구, summed per fiscal year, municipality and budget phase';

-- 2.0.0: narrow summaries for a terminal
-- For a terminal: one narrow row per report line, the names and 국비,
-- 지방비, 합계 in 억 (exact decimals), in the report's order.  The report
-- views themselves are wide (every funding column with its won and 억
-- columns) because BI tools want them so.
CREATE VIEW @extschema@.region_summary AS
SELECT t.fiscal_year AS 연도, t.short_ko AS 시도, t.phase_ko AS 단계,
	   t.national_eok AS 국비, t.local_eok AS 지방비, t.total_eok AS 합계, t.other_eok AS 기타
FROM @extschema@.region_totals t;
COMMENT ON VIEW @extschema@.region_summary IS
'region_totals, narrow: 연도, 시도, 단계 and 국비, 지방비, 합계 (국비 + 지방비) and 기타 (other money) in 억원, in the order of Korean statistics';
CREATE VIEW @extschema@.ministry_summary AS
SELECT t.fiscal_year AS 연도, t.ministry_ko AS 부처, t.phase_ko AS 단계,
	   t.national_eok AS 국비, t.local_eok AS 지방비, t.total_eok AS 합계, t.other_eok AS 기타
FROM @extschema@.ministry_totals t;
COMMENT ON VIEW @extschema@.ministry_summary IS
'ministry_totals, narrow: 연도, 부처, 단계 and 국비, 지방비, 합계 (국비 + 지방비) and 기타 (other money) in 억원';
CREATE VIEW @extschema@.municipality_summary AS
SELECT t.fiscal_year AS 연도, p.short_ko AS 시도, t.name_ko AS 시군구, t.phase_ko AS 단계,
	   t.national_eok AS 국비, t.local_eok AS 지방비, t.total_eok AS 합계, t.other_eok AS 기타
FROM @extschema@.municipality_totals t
	 LEFT JOIN @extschema@.province p ON p.code = t.province_code;
COMMENT ON VIEW @extschema@.municipality_summary IS
'municipality_totals, narrow: 연도, 시도, 시군구, 단계 and 국비, 지방비, 합계 (국비 + 지방비) and 기타 (other money) in 억원';
-- end of 2.0.0

-- Series on another day's map ---------------------------------------------------------

-- region_totals_as_of(d): every year's allocations on the map of day d.  A
-- line that names its 시·군·구 goes to the province that 시·군·구 (under
-- any of its codes) lay in on d; other lines go to their province, or the
-- province it had become part of by d.  A province that did not yet exist
-- on d (the merged province, for a date before the merger) is shown as
-- itself and flagged merged_after: its lines are never split by a guess.
CREATE FUNCTION @extschema@.region_totals_as_of(as_of date)
RETURNS TABLE (fiscal_year integer, province_code text, name_ko text, short_ko text, sort_order smallint,
			   phase text, "national" bigint, local bigint, total bigint,
			   national_eok numeric, local_eok numeric, total_eok numeric, amount @extschema@.funding,
			   merged_after boolean, phase_ko text)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
-- (PL/pgSQL, not SQL: Citus plans a query of a distributed table in a SQL
-- function with parameters not at all)
#variable_conflict use_column
BEGIN
	RETURN QUERY
	WITH municipality_on AS (		-- each code, and its 시·군·구's province on as_of
		SELECT DISTINCT ON (l.code) l.code, m.province_code
		FROM @extschema@.municipality_lineage l
			 JOIN @extschema@.municipality m ON m.code = l.same_code
		WHERE (m.valid_from IS NULL OR m.valid_from <= region_totals_as_of.as_of)
		  AND (m.valid_to IS NULL OR m.valid_to > region_totals_as_of.as_of)
		ORDER BY l.code, m.code
	)
	SELECT a.fiscal_year, a.province_code, p.name_ko, p.short_ko, p.sort_order, a.phase,
		   @extschema@.national(a.amount), @extschema@.local(a.amount), @extschema@.total(a.amount),
		   @extschema@.in_unit(@extschema@.national(a.amount), '억'),
		   @extschema@.in_unit(@extschema@.local(a.amount), '억'),
		   @extschema@.in_unit(@extschema@.total(a.amount), '억'),
		   a.amount,
		   coalesce(p.valid_from > region_totals_as_of.as_of, false),
		   @extschema@.phase_label(a.phase)
	FROM (SELECT x.fiscal_year, coalesce(mo.province_code, m.as_of_code) AS province_code, x.phase,
				 @extschema@.sum(x.amount) AS amount
		  FROM @extschema@.allocation x
			   LEFT JOIN municipality_on mo ON mo.code = x.municipality_code
			   LEFT JOIN @extschema@.province_as_of(region_totals_as_of.as_of) m ON m.code = x.province_code
		  GROUP BY 1, 2, 3) a
		 LEFT JOIN @extschema@.province p ON p.code = a.province_code
	ORDER BY a.fiscal_year, p.sort_order NULLS LAST, a.province_code, a.phase;
END
$$;
COMMENT ON FUNCTION @extschema@.region_totals_as_of(date) IS
'region_totals on the map of as_of: after a merger the merged provinces'' lines of every year are counted under the merged province; before it, lines that name a 시·군·구 go to its province of that date, and the merged province''s other lines are shown under it, flagged merged_after; no won is counted twice or lost';
