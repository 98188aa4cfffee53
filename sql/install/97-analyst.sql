-- since 1.2.0
-- The analyst's day (issue 14, SPEC §1.3 and §2): a way in that resolves
-- names and refuses what it cannot (allocation_entry), loads that can be
-- run again without doubling a total (allocation.reference), report-ready
-- views in the order Korean statistics use, exact 억 columns, rounded
-- display, compliance in differential funding, and where a reconciliation
-- fails, which child and which figure.
--
-- Views and functions whose columns change are dropped and created again;
-- privileges granted on them survive an upgrade (saved first, granted back
-- at the end).

DO $save$
BEGIN
	PERFORM pg_catalog.set_config('regionpolicy_upgrade.acl', coalesce((
		SELECT pg_catalog.jsonb_object_agg(c.relname, c.relacl::text[])
		FROM pg_catalog.pg_class c
		WHERE c.relnamespace = '@extschema@'::pg_catalog.regnamespace
		  AND c.relname IN ('region_totals', 'allocation_report', 'ministry_totals', 'superregion_totals')
		  AND c.relacl IS NOT NULL), '{}')::text, true);
END
$save$;
DROP VIEW IF EXISTS @extschema@.region_totals, @extschema@.allocation_report,
	@extschema@.ministry_totals, @extschema@.superregion_totals;

-- Provinces in the order of Korean statistics -------------------------------

ALTER TABLE @extschema@.province ADD COLUMN sort_order smallint;
ALTER TABLE @extschema@.province DISABLE TRIGGER reference_guard;
UPDATE @extschema@.province SET sort_order = CASE code
	WHEN '11' THEN 1 WHEN '26' THEN 2 WHEN '27' THEN 3 WHEN '28' THEN 4 WHEN '29' THEN 5
	WHEN '30' THEN 6 WHEN '31' THEN 7 WHEN '36' THEN 8 WHEN '41' THEN 9 WHEN '51' THEN 10
	WHEN '43' THEN 11 WHEN '44' THEN 12 WHEN '52' THEN 13 WHEN '46' THEN 14 WHEN '47' THEN 15
	WHEN '48' THEN 16 WHEN '50' THEN 17 END;
ALTER TABLE @extschema@.province ENABLE TRIGGER reference_guard;
ALTER TABLE @extschema@.province ALTER COLUMN sort_order SET NOT NULL;
COMMENT ON COLUMN @extschema@.province.sort_order IS
'the order in which Korean statistics list the 시·도 (서울 1 … 제주 17); report views order by it, never by code';

-- Amounts for reports ---------------------------------------------------------

CREATE FUNCTION @extschema@.in_unit(amount numeric, unit text)
RETURNS numeric AS 'MODULE_PATHNAME', 'funding_in_unit_numeric'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.in_unit(numeric, text) IS
'a numeric amount of won (such as sum(national)) in a unit, exactly: in_unit(sum(national), ''억'')';

-- funding_text(f, '억', 1) = '(160.7억,25.1억,185.9억)': for reports only.
CREATE FUNCTION @extschema@.funding_text(f @extschema@.funding, unit text, digits integer)
RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	suffix text;
BEGIN
	suffix := CASE lower(unit) WHEN '억' THEN '억' WHEN 'eok' THEN '억' WHEN '억원' THEN '억'
							   WHEN '만' THEN '만' WHEN 'man' THEN '만' WHEN '만원' THEN '만'
							   WHEN '조' THEN '조' WHEN 'jo' THEN '조' WHEN '조원' THEN '조'
							   WHEN '원' THEN '' WHEN 'won' THEN '' END;
	IF suffix IS NULL THEN
		RAISE EXCEPTION 'invalid display unit for rounded text: "%"', unit
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Use 억 (eok), 만 (man), 조 (jo) or 원 (won); korean amounts are not rounded.';
	END IF;
	IF digits < 0 OR digits > 16 THEN
		RAISE EXCEPTION 'digits must be between 0 and 16, not %', digits
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	RETURN format('(%s%s,%s%s,%s%s)',
		round(@extschema@.in_unit(@extschema@.national(f), unit), digits), suffix,
		round(@extschema@.in_unit(@extschema@.local(f), unit), digits), suffix,
		round(@extschema@.in_unit(@extschema@.total(f), unit), digits), suffix);
END
$$;
COMMENT ON FUNCTION @extschema@.funding_text(@extschema@.funding, text, integer) IS
'for reports: each component rounded half away from zero to digits decimals of the unit, (160.7억,25.1억,185.9억); display only, the type''s own output stays exact';

-- funding('7,979,230', '1,000', '천원'): numbers as spreadsheets write them.
CREATE FUNCTION @extschema@.funding(national_amount text, local_amount text, unit text)
RETURNS @extschema@.funding
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	RETURN @extschema@.funding(@extschema@.plain_number(national_amount, 'national'),
							   @extschema@.plain_number(local_amount, 'local'), unit);
END
$$;

-- '7,979,230' or '224.03817' as numeric; thousands separators only in threes.
CREATE FUNCTION @extschema@.plain_number(number text, what text DEFAULT 'amount')
RETURNS numeric
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	t text := btrim(number);
BEGIN
	IF t ~ '^[-+]?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\.[0-9]+)?$' THEN
		RETURN replace(t, ',', '')::numeric;
	END IF;
	RAISE EXCEPTION 'invalid % number: "%"', what, number
		USING ERRCODE = 'invalid_text_representation',
			  DETAIL = 'Expected digits, with commas only between groups of three (7,979,230) and a point before decimals (224.03817).',
			  HINT = 'Give the unit separately (unit => ''천원''), or write the whole amount as text in the amount column (''국비 929억원, 지방비 433억원'').';
END
$$;
COMMENT ON FUNCTION @extschema@.funding(text, text, text) IS
'funding from numbers written as spreadsheets and budget books do, with thousands separators, in a unit: funding(''7,979,230'', ''1,000'', ''천원'')';
COMMENT ON FUNCTION @extschema@.plain_number(text, text) IS
'a number with optional thousands separators (7,979,230) as numeric; 22P02 otherwise';

-- Allocations: a line's own reference, and no silent doubling -----------------

ALTER TABLE @extschema@.allocation ADD COLUMN reference text
	CONSTRAINT allocation_reference_not_blank CHECK (btrim(reference) <> '');
COMMENT ON COLUMN @extschema@.allocation.reference IS
'the line''s own identifier in its source (a 세부사업 or 과제 number), unique per fiscal year and phase; loading a line again with the same reference replaces its amount';
ALTER TABLE @extschema@.allocation ADD COLUMN municipality_code text;
COMMENT ON COLUMN @extschema@.allocation.municipality_code IS
'the 시·군·구 the line is for (optional); it must lie in the allocation''s province in its fiscal year';
-- The line's identity, the duplicate rule and allocation_entry: 990-lines.sql.

-- Report views ------------------------------------------------------------------

CREATE VIEW @extschema@.region_totals AS
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
	   a.amount
FROM (SELECT fiscal_year, province_code, phase, @extschema@.sum(amount) AS amount
	  FROM @extschema@.allocation
	  GROUP BY fiscal_year, province_code, phase) AS a
	 LEFT JOIN @extschema@.province p ON p.code = a.province_code
ORDER BY a.fiscal_year, p.sort_order NULLS LAST, a.phase;
COMMENT ON VIEW @extschema@.region_totals IS
'one row per fiscal year, province and budget phase with allocations (phases are never added together), in bigint won, exact numeric 억원 and funding; in the order of Korean statistics (sort_order); province_code NULL collects lines of no single province';

CREATE VIEW @extschema@.allocation_report AS
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
	   @extschema@.in_unit(@extschema@.total(a.amount), '억') AS total_eok
FROM @extschema@.allocation a
	 JOIN @extschema@.program g ON g.id = a.program_id
	 LEFT JOIN @extschema@.province p ON p.code = a.province_code
ORDER BY a.fiscal_year, g.ministry, a.program_id, p.sort_order NULLS LAST, a.phase, a.id;
COMMENT ON VIEW @extschema@.allocation_report IS
'one row per allocation with plain columns only (bigint won, numeric 억원): for BI tools, spreadsheets and any client that does not know the funding type';

CREATE VIEW @extschema@.ministry_totals AS
SELECT a.fiscal_year,
	   g.ministry,
	   a.phase,
	   @extschema@.national(@extschema@.sum(a.amount)) AS "national",
	   @extschema@.local(@extschema@.sum(a.amount)) AS local,
	   @extschema@.total(@extschema@.sum(a.amount)) AS total,
	   @extschema@.in_unit(@extschema@.total(@extschema@.sum(a.amount)), '억') AS total_eok,
	   @extschema@.sum(a.amount) AS amount
FROM @extschema@.allocation a
	 JOIN @extschema@.program g ON g.id = a.program_id
GROUP BY a.fiscal_year, g.ministry, a.phase
ORDER BY a.fiscal_year, g.ministry, a.phase;
COMMENT ON VIEW @extschema@.ministry_totals IS 'allocations summed per fiscal year, ministry and budget phase';

CREATE VIEW @extschema@.superregion_totals AS
SELECT a.fiscal_year,
	   s.id AS superregion_id,
	   s.name_ko,
	   s.industry_ko,
	   a.phase,
	   @extschema@.national(@extschema@.sum(a.amount)) AS "national",
	   @extschema@.local(@extschema@.sum(a.amount)) AS local,
	   @extschema@.total(@extschema@.sum(a.amount)) AS total,
	   @extschema@.in_unit(@extschema@.total(@extschema@.sum(a.amount)), '억') AS total_eok,
	   @extschema@.sum(a.amount) AS amount
FROM @extschema@.allocation a
	 JOIN @extschema@.superregion_member m ON m.province_code = a.province_code
	 JOIN @extschema@.superregion s ON s.id = m.superregion_id
GROUP BY a.fiscal_year, s.id, s.name_ko, s.industry_ko, a.phase
ORDER BY a.fiscal_year, s.id, a.phase;
COMMENT ON VIEW @extschema@.superregion_totals IS 'allocations of member provinces summed per fiscal year, super-region and budget phase';

-- Where a reconciliation fails: which child, and does it look like a slip? -----

-- "local 459억 looks like 45.9억 with its point lost (46억 is needed)": a
-- printed figure about ten times, or a tenth of, the needed one, within the
-- rounding of the needed figure's last printed digit.
CREATE FUNCTION @extschema@.slip_text(component text, printed bigint, needed bigint)
RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	step numeric := 1;		-- the needed figure's last printed digit, in won
BEGIN
	IF printed IS NULL OR needed IS NULL OR printed = needed OR needed <= 0 OR printed <= 0 THEN
		RETURN NULL;
	END IF;
	WHILE needed % (step * 10) = 0 LOOP
		step := step * 10;
	END LOOP;
	IF abs(printed / 10.0 - needed) <= step / 2 THEN
		RETURN format('%s %s looks like %s with a digit too many (the parent needs %s)', component,
					  @extschema@.format_amount(printed, '억'), @extschema@.format_amount(round(printed / 10.0)::bigint, '억'),
					  @extschema@.format_amount(needed, '억'));
	ELSIF abs(printed * 10.0 - needed) <= step / 2 THEN
		RETURN format('%s %s looks like %s with a digit lost (the parent needs %s)', component,
					  @extschema@.format_amount(printed, '억'), @extschema@.format_amount(printed * 10, '억'),
					  @extschema@.format_amount(needed, '억'));
	END IF;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.slip_text(text, bigint, bigint) IS
'names a printed component that looks like a slip of the needed one: about ten times or a tenth of it, within the rounding of its last printed digit';
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
SELECT c.program_id, c.child_id, c.child_name_ko, c.declared, c.needed,
	   nullif(concat_ws('; ',
		   @extschema@.slip_text('national', @extschema@.national(c.declared), @extschema@.national(c.needed)),
		   @extschema@.slip_text('local', @extschema@.local(c.declared), @extschema@.local(c.needed))), '') AS likely_slip
FROM children c
ORDER BY c.program_id, c.child_id;
COMMENT ON VIEW @extschema@.reconciliation_detail IS
'for every programme whose children do not add up to its declared amount, one row per child: its declared amount, the amount it would need (the other children unchanged) for the parent to agree, and likely_slip naming a figure that looks like a slip of the needed one';

-- Differential funding: compliance, a text pool, 억 by default ----------------

ALTER TABLE @extschema@.stage2_criteria DISABLE TRIGGER reference_guard;
ALTER TABLE @extschema@.stage2_criteria
	ADD COLUMN noncompliant_coefficient numeric NOT NULL DEFAULT 1
		CONSTRAINT stage2_criteria_noncompliant_coefficient_0_to_1 CHECK (noncompliant_coefficient BETWEEN 0 AND 1);
ALTER TABLE @extschema@.stage2_criteria ENABLE TRIGGER reference_guard;
COMMENT ON COLUMN @extschema@.stage2_criteria.noncompliant_coefficient IS
'what a cluster missing a mandatory programme receives, as a factor of its weight: 1 (the default) flags it only; 0 withholds its share';

-- differential_funding(): 991-merger.sql.

-- Privileges granted on the views replaced above, granted again.
DO $restore$
DECLARE
	r record;
BEGIN
	FOR r IN
		SELECT j.key AS relname, a.grantee, a.privilege_type, a.is_grantable
		FROM pg_catalog.jsonb_each(coalesce(nullif(pg_catalog.current_setting('regionpolicy_upgrade.acl', true), ''), '{}')::jsonb) AS j,
			 LATERAL pg_catalog.aclexplode(ARRAY(SELECT pg_catalog.jsonb_array_elements_text(j.value))::pg_catalog.aclitem[]) AS a
		WHERE a.grantee <> a.grantor
	LOOP
		EXECUTE format('GRANT %s ON @extschema@.%I TO %s%s', r.privilege_type, r.relname,
					   CASE WHEN r.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_catalog.pg_get_userbyid(r.grantee)) END,
					   CASE WHEN r.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END);
	END LOOP;
END
$restore$;

-- in_unit(1234567, '천원'): an integer argument would otherwise be ambiguous
-- between in_unit(bigint, text) and in_unit(numeric, text).
CREATE FUNCTION @extschema@.in_unit(won integer, unit text)
RETURNS numeric AS 'MODULE_PATHNAME', 'funding_in_unit_int4'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.in_unit(integer, text) IS 'in_unit for an integer amount of won';

-- Comments reworded in 1.2.0 (their 1.1.0 text had characters EUC_KR lacks).
COMMENT ON TABLE @extschema@.cluster_evaluation IS
'the performance evaluation (성과평가) of a cluster for a fiscal year, score 0 to 100; it decides the cluster''s grade';
COMMENT ON VIEW @extschema@.reconciliation IS
'every programme whose children are meant to add up to its declared amount: declared, the sum of the children''s declared amounts (computed), computed - declared, and whether they agree';
