-- regionpolicy 1.3.0 to 2.0.0.  Made by make from
-- sql/upgrade/regionpolicy--1.3.0.sql and sql/regionpolicy/01_install_data.sql:
-- edit those.
--
-- From 2.0.0 the extension funding holds the type (doc/regionpolicy.md,
-- "Moving from 1.x"): it must have taken the type over, in this schema,
-- before this update.  Nothing else of the schema changes but the loader
-- of the shipped reference rows, now data files.
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

-- 2.0.0: the loader of the data files
-- The shipped rows are data files (sql/data/*.tsv, each citing its
-- sources in its comment lines), installed without their comments as
-- regionpolicy_NAME.data beside the control file: tab-separated, a header
-- line naming the columns, an empty field for NULL, UTF-8.  The header is
-- the column list, so a file cannot load its fields into the wrong columns.
-- The loader reads as the extension's owner (a superuser) and is not
-- anyone else's to call.
CREATE FUNCTION @extschema@.reference_copy(tbl text, file text)
RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	path text;
	head bytea;
	columns text;
	n bigint;
BEGIN
	SELECT setting || '/extension/regionpolicy_' || file || '.data' INTO path
	  FROM pg_catalog.pg_config WHERE name = 'SHAREDIR';
	head := pg_catalog.pg_read_binary_file(path, 0, 4096);
	SELECT pg_catalog.string_agg(pg_catalog.quote_ident(c), ', ' ORDER BY i) INTO columns
	  FROM pg_catalog.unnest(pg_catalog.string_to_array(
			 pg_catalog.convert_from(pg_catalog.substr(head, 1, pg_catalog.position(head, '\x0a'::bytea) - 1), 'UTF8'),
			 E'\t')) WITH ORDINALITY AS u(c, i);
	EXECUTE pg_catalog.format('COPY @extschema@.%I (%s) FROM %L WITH (FORMAT csv, HEADER true, DELIMITER E''\t'', ENCODING ''UTF8'')',
							  tbl, columns, path);
	GET DIAGNOSTICS n = ROW_COUNT;
	RETURN n;
END
$$;
REVOKE ALL ON FUNCTION @extschema@.reference_copy(text, text) FROM PUBLIC;
COMMENT ON FUNCTION @extschema@.reference_copy(text, text) IS
'loads a file of shipped reference rows (regionpolicy_FILE.data) into a table of the extension; for its install and upgrade scripts';
-- end of 2.0.0
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
-- 2.0.0: narrow summaries for a terminal
-- For a terminal: one narrow row per report line, the names and 국비,
-- 지방비, 합계 in 억 (exact decimals), in the report's order.  The report
-- views themselves are wide (every funding column with its won and 억
-- columns) because BI tools want them so.
CREATE VIEW @extschema@.region_summary AS
SELECT t.fiscal_year AS 연도, t.short_ko AS 시도, t.phase_ko AS 단계,
	   t.national_eok AS 국비, t.local_eok AS 지방비, t.total_eok AS 합계
FROM @extschema@.region_totals t;
COMMENT ON VIEW @extschema@.region_summary IS
'region_totals, narrow: 연도, 시도, 단계 and 국비, 지방비, 합계 in 억원, in the order of Korean statistics';
CREATE VIEW @extschema@.ministry_summary AS
SELECT t.fiscal_year AS 연도, t.ministry_ko AS 부처, t.phase_ko AS 단계,
	   t.national_eok AS 국비, t.local_eok AS 지방비, t.total_eok AS 합계
FROM @extschema@.ministry_totals t;
COMMENT ON VIEW @extschema@.ministry_summary IS
'ministry_totals, narrow: 연도, 부처, 단계 and 국비, 지방비, 합계 in 억원';
CREATE VIEW @extschema@.municipality_summary AS
SELECT t.fiscal_year AS 연도, p.short_ko AS 시도, t.name_ko AS 시군구, t.phase_ko AS 단계,
	   t.national_eok AS 국비, t.local_eok AS 지방비, t.total_eok AS 합계
FROM @extschema@.municipality_totals t
	 LEFT JOIN @extschema@.province p ON p.code = t.province_code;
COMMENT ON VIEW @extschema@.municipality_summary IS
'municipality_totals, narrow: 연도, 시도, 시군구, 단계 and 국비, 지방비, 합계 in 억원';
-- end of 2.0.0
-- 2.0.0: differential_pool and differential_shares
-- The national pool of each fiscal year, for a dashboard that cannot pass
-- parameters ("Clusters"): one row per fiscal year, entered by the
-- ministry (the tables' owner, or roles granted INSERT); your data, not the
-- extension's.  differential_shares splits every year's pool as
-- differential_funding does, with names and order beside the codes; a
-- year appears once every cluster has its evaluation for it.
CREATE TABLE @extschema@.differential_pool (
	fiscal_year integer PRIMARY KEY
		CONSTRAINT differential_pool_fiscal_year_plausible CHECK (fiscal_year BETWEEN 2023 AND 2100),
	pool bigint NOT NULL CONSTRAINT differential_pool_pool_positive CHECK (pool > 0),
	unit bigint NOT NULL DEFAULT 100000000 CONSTRAINT differential_pool_unit_positive CHECK (unit > 0),
	note text
);
COMMENT ON TABLE @extschema@.differential_pool IS
'the national pool split over the clusters by differential funding, per fiscal year, in won, with the unit shares are multiples of (default 1억)';
COMMENT ON COLUMN @extschema@.differential_pool.pool IS 'the national pool of the fiscal year, in won';
COMMENT ON COLUMN @extschema@.differential_pool.unit IS 'shares are whole multiples of this many won (default 100,000,000: 1억)';
CREATE VIEW @extschema@.differential_shares AS
SELECT d.fiscal_year, d.pool, @extschema@.in_unit(d.pool, '억') AS pool_eok, d.unit,
	   f.cluster_id, c.name_ko AS cluster_name_ko,
	   f.province_code, p.name_ko AS province_name_ko, p.short_ko AS province_short_ko, p.sort_order,
	   f.stage, f.score, f.grade, f.coefficient, f.weight,
	   f."national", @extschema@.in_unit(f."national", '억') AS national_eok,
	   f.compliant, f.problems
FROM @extschema@.differential_pool d
	 CROSS JOIN LATERAL @extschema@.differential_funding(d.fiscal_year, d.pool, d.unit) AS f
	 JOIN @extschema@.cluster c ON c.id = f.cluster_id
	 LEFT JOIN @extschema@.province p ON p.code = f.province_code
WHERE NOT EXISTS (SELECT 1 FROM @extschema@.cluster k
				  WHERE NOT EXISTS (SELECT 1 FROM @extschema@.cluster_evaluation e
									WHERE e.cluster_id = k.id AND e.fiscal_year = d.fiscal_year))
ORDER BY d.fiscal_year, p.sort_order, f.cluster_id;
COMMENT ON VIEW @extschema@.differential_shares IS
'every fiscal year''s pool (differential_pool) split over the clusters as differential_funding splits it, with the cluster''s and province''s names and order, in bigint won and numeric 억; a year appears once every cluster has its evaluation for it';
-- end of 2.0.0
-- 2.0.0: award_compliance has a typed column per kind of figure, labels and names
-- One row per award and rule it breaks; none for an award that keeps them.
-- Each kind of figure has its own column, typed: years (integer), won
-- (bigint), a share (numeric fraction); the others are NULL.  fiscal_year
-- is the year of the breach, or the award's first year for the rules over
-- its whole term (term, grant_share), never NULL.  A share is printed to as
-- many decimals as it takes to differ from its limit, so that no breach is
-- rounded away.
CREATE FUNCTION @extschema@.share_text(share numeric, share_limit numeric)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT round(100 * share, (SELECT coalesce(min(d), 12) FROM generate_series(1, 12) AS d
								WHERE round(100 * share, d) <> round(100 * share_limit, d)))::text
$$;
COMMENT ON FUNCTION @extschema@.share_text(numeric, numeric) IS
'a share in percent, to as many decimals (1 to 12) as it takes to differ from the limit: a breach is never rounded away';
CREATE VIEW @extschema@.award_compliance AS
WITH totals AS (
	SELECT y.award_id, @extschema@.sum(y.grant_amount) AS grant_amount,
		   sum(y.private_cash) AS private_cash, sum(y.private_in_kind) AS private_in_kind
	FROM @extschema@.award_year y
	GROUP BY y.award_id
), broken AS (
	-- a term longer than the support period
	SELECT w.id AS award_id, 'term' AS rule, 1 AS rule_order, w.first_year AS fiscal_year,
		   w.years::integer AS years, t.support_years::integer AS years_limit,
		   NULL::bigint AS won, NULL::bigint AS won_limit, NULL::numeric AS share, NULL::numeric AS share_limit,
		   format(@extschema@.in_language('과제 기간 %s년: 지원 기간은 최대 %s년', 'the award runs %s years; the sub-programme supports at most %s (지원 기간)'),
				  w.years, t.support_years) AS explanation
	FROM @extschema@.award w JOIN @extschema@.award_terms t ON t.award_id = w.id
	WHERE w.years > t.support_years
	UNION ALL
	-- a year's grant above the yearly cap
	SELECT w.id AS award_id, 'annual_cap' AS rule, 2 AS rule_order, y.fiscal_year, NULL::integer AS years, NULL::integer AS years_limit,
		   @extschema@.total(y.grant_amount) AS won, t.annual_cap AS won_limit, NULL::numeric AS share, NULL::numeric AS share_limit,
		   format(@extschema@.in_language('%s년도 지원금 %s원: 연 지원 한도 %s원 초과', 'the grant of fiscal year %s is %s원, above the cap of %s원 a year (지원 한도)'), y.fiscal_year,
				  to_char(@extschema@.total(y.grant_amount), 'FM999,999,999,999,999'), to_char(t.annual_cap, 'FM999,999,999,999,999'))
	FROM @extschema@.award w JOIN @extschema@.award_terms t ON t.award_id = w.id
		 JOIN @extschema@.award_year y ON y.award_id = w.id
	WHERE @extschema@.total(y.grant_amount) > t.annual_cap
	UNION ALL
	-- the grant's share of the project cost above the largest allowed
	SELECT w.id AS award_id, 'grant_share' AS rule, 3 AS rule_order, w.first_year AS fiscal_year, NULL::integer AS years, NULL::integer AS years_limit,
		   NULL::bigint AS won, NULL::bigint AS won_limit, @extschema@.total(s.grant_amount) / c.cost AS share, t.grant_share AS share_limit,
		   format(@extschema@.in_language('지원금이 총사업비의 %s%% (지원금 %s원, 총사업비 %s원): 지원금 비중 %s%% 초과', 'the grant is %s%% of the project cost (%s원 of %s원), above %s%% (지원금 비중)'),
				  @extschema@.share_text(@extschema@.total(s.grant_amount) / c.cost, t.grant_share),
				  to_char(@extschema@.total(s.grant_amount), 'FM999,999,999,999,999'), to_char(c.cost, 'FM999,999,999,999,999'),
				  round(100 * t.grant_share, 1))
	FROM @extschema@.award w JOIN @extschema@.award_terms t ON t.award_id = w.id
		 JOIN totals s ON s.award_id = w.id
		 CROSS JOIN LATERAL (SELECT @extschema@.total(s.grant_amount) + s.private_cash + s.private_in_kind AS cost) c
	WHERE c.cost > 0 AND @extschema@.total(s.grant_amount) > t.grant_share * c.cost
	UNION ALL
	-- the sub-programme's awards above its budget for the year (지원 규모)
	SELECT w.id AS award_id, 'programme_budget' AS rule, 4 AS rule_order, b.fiscal_year, NULL::integer AS years, NULL::integer AS years_limit,
		   b.awarded::bigint AS won, b.budget AS won_limit, NULL::numeric AS share, NULL::numeric AS share_limit,
		   format(@extschema@.in_language('%s %s년도 과제 지원금 합계 %s원: 지원 규모 %s원 초과', 'the awards of %s in fiscal year %s come to %s원, above its budget of %s원 (지원 규모)'), b.name_ko,
				  b.fiscal_year, to_char(b.awarded, 'FM999,999,999,999,999'), to_char(b.budget, 'FM999,999,999,999,999'))
	FROM (SELECT w2.program_id, y.fiscal_year, g.name_ko, @extschema@.total(g.declared) AS budget,
				 sum(@extschema@.total(y.grant_amount)) AS awarded
		  FROM @extschema@.award w2
			   JOIN @extschema@.award_year y ON y.award_id = w2.id
			   JOIN @extschema@.award_program_year py ON py.award_program_id = w2.program_id AND py.fiscal_year = y.fiscal_year
			   JOIN @extschema@.program g ON g.id = py.program_id
		  WHERE g.declared IS NOT NULL
		  GROUP BY w2.program_id, y.fiscal_year, g.name_ko, g.declared) b
		 JOIN @extschema@.award w ON w.program_id = b.program_id
	WHERE b.awarded > b.budget
)
SELECT b.award_id, w.program_id, g.name_ko AS program_name_ko, w.reference, w.recipient,
	   w.province_code, p.name_ko AS province_name_ko, p.short_ko AS province_short_ko, p.sort_order,
	   b.rule, b.rule_order,
	   @extschema@.in_language(CASE b.rule WHEN 'term' THEN '지원 기간' WHEN 'annual_cap' THEN '연 지원 한도'
										   WHEN 'grant_share' THEN '지원금 비중' WHEN 'programme_budget' THEN '지원 규모' END,
							   CASE b.rule WHEN 'term' THEN 'support period' WHEN 'annual_cap' THEN 'yearly cap'
										   WHEN 'grant_share' THEN 'grant share' WHEN 'programme_budget' THEN 'programme budget' END) AS rule_label,
	   b.fiscal_year, b.years, b.years_limit, b.won, b.won_limit, b.share, b.share_limit, b.explanation
FROM broken b
	 JOIN @extschema@.award w ON w.id = b.award_id
	 JOIN @extschema@.program g ON g.id = w.program_id
	 LEFT JOIN @extschema@.province p ON p.code = w.province_code
ORDER BY b.award_id, b.rule_order, b.fiscal_year;
COMMENT ON VIEW @extschema@.award_compliance IS
'one row per award and broken support term: term (years), annual_cap (a year''s grant, won), grant_share (of the project cost, a fraction), programme_budget (the sub-programme''s awards in a year above its budget, won), each figure and limit in its own typed column, with the rule''s label (Korean, or English under regionpolicy.language = en), the programme''s and province''s names and a sentence; no row for an award that keeps them all';
-- end of 2.0.0
-- 2.0.0: award_totals gives the recipients' shares as bigint won
-- Awarded against budgeted, per sub-programme, province and year: awards
-- are a breakdown of their sub-programme's money, counted apart from it.
CREATE VIEW @extschema@.award_totals AS
SELECT a.program_id, g.name_ko AS program_name_ko, a.province_code, p.short_ko, p.sort_order, a.fiscal_year,
	   a.awards, a.grant_amount AS granted,
	   @extschema@.national(a.grant_amount) AS granted_national,
	   @extschema@.local(a.grant_amount) AS granted_local,
	   @extschema@.total(a.grant_amount) AS granted_total,
	   @extschema@.in_unit(@extschema@.national(a.grant_amount), '억') AS granted_national_eok,
	   @extschema@.in_unit(@extschema@.local(a.grant_amount), '억') AS granted_local_eok,
	   @extschema@.in_unit(@extschema@.total(a.grant_amount), '억') AS granted_total_eok,
	   a.private_cash::bigint AS private_cash, a.private_in_kind::bigint AS private_in_kind,
	   b.budgeted,
	   @extschema@.national(b.budgeted) AS budgeted_national,
	   @extschema@.local(b.budgeted) AS budgeted_local,
	   @extschema@.total(b.budgeted) AS budgeted_total,
	   @extschema@.in_unit(@extschema@.national(b.budgeted), '억') AS budgeted_national_eok,
	   @extschema@.in_unit(@extschema@.local(b.budgeted), '억') AS budgeted_local_eok,
	   @extschema@.in_unit(@extschema@.total(b.budgeted), '억') AS budgeted_total_eok,
	   @extschema@.total(a.grant_amount) - @extschema@.total(b.budgeted) AS over_budget
FROM (SELECT w.program_id, w.province_code, y.fiscal_year, count(DISTINCT w.id) AS awards,
			 @extschema@.sum(y.grant_amount) AS grant_amount, sum(y.private_cash) AS private_cash,
			 sum(y.private_in_kind) AS private_in_kind
	  FROM @extschema@.award w JOIN @extschema@.award_year y ON y.award_id = w.id
	  GROUP BY 1, 2, 3) a
	 JOIN @extschema@.program g ON g.id = a.program_id
	 JOIN @extschema@.province p ON p.code = a.province_code
	 -- nothing planned is a budget of 0: every column a number, never NULL
	 CROSS JOIN LATERAL (SELECT coalesce(@extschema@.sum(x.amount), '(0,0)'::@extschema@.funding) AS budgeted
						 FROM @extschema@.award_program_year py
							  JOIN @extschema@.allocation x ON x.program_id = py.program_id AND x.fiscal_year = py.fiscal_year
						 WHERE py.award_program_id = a.program_id AND py.fiscal_year = a.fiscal_year
						   AND x.province_code = a.province_code AND x.phase = 'planned') b
ORDER BY a.program_id, p.sort_order, a.fiscal_year;
COMMENT ON VIEW @extschema@.award_totals IS
'per sub-programme, province and fiscal year: what the awards grant (granted: national, local, total, and the recipients'' shares, every won bigint) against the planned allocation of that sub-programme and province (budgeted); over_budget in won';
-- end of 2.0.0
-- 2.0.0: a narrow summary of awards for a terminal
CREATE VIEW @extschema@.award_summary AS
SELECT t.fiscal_year AS 연도, t.program_name_ko AS 사업, t.short_ko AS 시도, t.awards AS 과제,
	   t.granted_total_eok AS 지원금, t.budgeted_total_eok AS 예산
FROM @extschema@.award_totals t;
COMMENT ON VIEW @extschema@.award_summary IS
'award_totals, narrow: 연도, 사업, 시도, 과제 (awards) and 지원금 (granted) against 예산 (budgeted), in 억원';
-- end of 2.0.0
-- 2.0.0: a description of every column of every view
-- ============================================================================
-- 11. Descriptions of the views' columns
-- ============================================================================

-- BI tools show a column's COMMENT as its description ("BI tools and
-- spreadsheets").  Every column of every view of the schema gets one, by
-- its name: the same name means the same thing in every view.  A column a
-- later version adds without a description here fails test/37_bi.sql.
DO $comments$
DECLARE
	c record;
	part text;
	what text;
	description text;
BEGIN
	FOR c IN
		SELECT v.oid::pg_catalog.regclass AS view, a.attname::text AS col
		  FROM pg_catalog.pg_class v
		  JOIN pg_catalog.pg_attribute a ON a.attrelid = v.oid AND a.attnum > 0 AND NOT a.attisdropped
		 WHERE v.relnamespace = '@extschema@'::pg_catalog.regnamespace AND v.relkind = 'v'
		   AND pg_catalog.col_description(v.oid, a.attnum) IS NULL
	LOOP
		description := CASE c.col
			WHEN 'fiscal_year' THEN '회계연도 (fiscal year)'
			WHEN 'province_code' THEN '시·도 코드 (행정표준코드); NULL: no single province'
			WHEN 'province' THEN '시·도 (as written in the load)'
			WHEN 'province_name' THEN '시·도 이름 (full name)'
			WHEN 'province_name_ko' THEN '시·도 이름 (full name)'
			WHEN 'province_short' THEN '시·도 약칭 (short name)'
			WHEN 'province_short_ko' THEN '시·도 약칭 (short name)'
			WHEN 'short_ko' THEN '약칭 (short name)'
			WHEN 'name_ko' THEN '이름 (name)'
			WHEN 'sort_order' THEN 'order of Korean statistics (sort by it)'
			WHEN 'phase' THEN 'budget phase: planned, approved, adjusted, executed (never add phases together)'
			WHEN 'phase_ko' THEN '예산 단계 (계획, 확정, 추경, 집행), always Korean'
			WHEN 'ministry' THEN 'ministry code: MSS, MOTIE'
			WHEN 'ministry_ko' THEN '부처 (ministry), always Korean'
			WHEN 'program_id' THEN '사업 id (programme)'
			WHEN 'program' THEN '사업 (programme, as written in the load)'
			WHEN 'program_name_ko' THEN '사업명 (programme name)'
			WHEN 'municipality_code' THEN '시·군·구 코드'
			WHEN 'municipality' THEN '시·군·구 (as written in the load)'
			WHEN 'cluster_id' THEN '지역혁신협력지구 id (cluster)'
			WHEN 'cluster_name_ko' THEN '지역혁신협력지구 이름 (cluster name)'
			WHEN 'amount' THEN 'funding: 국비 and 지방비 (display; use the bigint columns in tools)'
			WHEN 'won' THEN 'won, exact (bigint)'
			WHEN 'eok' THEN '억원, exact decimal (display: most tools read it as a float)'
			WHEN 'part' THEN 'national or local'
			WHEN 'part_ko' THEN '국비 or 지방비'
			WHEN 'part_order' THEN '1 국비, 2 지방비 (stack in this order)'
			WHEN 'reference' THEN 'the line''s or award''s own reference (사업번호, 과제번호)'
			WHEN 'note' THEN 'note'
			WHEN 'pool' THEN 'the national pool of the fiscal year, won (bigint)'
			WHEN 'pool_eok' THEN 'the national pool, 억원'
			WHEN 'unit' THEN 'shares are whole multiples of this many won'
			WHEN 'stage' THEN '단계 (1 or 2)'
			WHEN 'score' THEN '성과평가 점수 (0 to 100)'
			WHEN 'grade' THEN '등급 (grade)'
			WHEN 'coefficient' THEN 'the grade''s funding coefficient'
			WHEN 'weight' THEN 'the cluster''s weight in the split'
			WHEN 'compliant' THEN 'runs every mandatory programme'
			WHEN 'problems' THEN 'what is missing, Korean or English (regionpolicy.language)'
			WHEN 'problem' THEN 'what is missing, Korean or English (regionpolicy.language)'
			WHEN 'explanation' THEN 'the rule broken, in a sentence (Korean or English)'
			WHEN 'likely_slip' THEN 'a figure that looks like a slip of the needed one (Korean or English)'
			WHEN 'refusal' THEN 'why stage 2 was refused (Korean or English)'
			ELSE NULL END;
		IF description IS NULL THEN
			-- money: [prefix_](national|local|total)[_eok]
			part := substring(c.col FROM '(national|local|total)(_eok)?$');
			IF part IS NOT NULL THEN
				what := pg_catalog.replace(substring(c.col FROM '^(.*?)_?(national|local|total)(_eok)?$'), '_', ' ');
				description := CASE part WHEN 'national' THEN '국비 (national funds)' WHEN 'local' THEN '지방비 (local funds)'
										  ELSE '합계 (total)' END
							   || CASE WHEN what <> '' THEN ', ' || what ELSE '' END
							   || CASE WHEN c.col LIKE '%\_eok' THEN ', 억원, exact decimal (display)' ELSE ', won (bigint, exact)' END;
			ELSE
				description := pg_catalog.replace(c.col, '_', ' ');
			END IF;
		END IF;
		EXECUTE pg_catalog.format('COMMENT ON COLUMN %s.%I IS %L', c.view, c.col, description);
	END LOOP;
END
$comments$;
-- end of 2.0.0

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
