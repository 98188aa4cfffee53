-- since 1.3.0
-- The map over time, all the way through a merger (doc/regionpolicy.md,
-- "Regions over time"): codes that are never ambiguous, names decided by a
-- date, the merged province's short forms, clusters that follow their
-- province's successor, designations that belong to the 시·군·구 rather
-- than to one of its codes, series on an earlier map, and reference tables
-- whose administrators' rows are their own.

-- Which provinces a name or code means on a day ---------------------------------

-- The provinces a text names, whatever their dates: its code, ISO code,
-- Korean, short or English name, or an alias (a former name or code).
CREATE FUNCTION @extschema@.province_named(name_or_code text)
RETURNS text[]
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT coalesce(array_agg(DISTINCT n.code ORDER BY n.code), '{}')
	FROM (SELECT v.code FROM @extschema@.province v
		  WHERE v.code = btrim(name_or_code) OR v.iso_code = upper(btrim(name_or_code)) OR v.name_ko = btrim(name_or_code)
			 OR v.short_ko = btrim(name_or_code) OR lower(v.name_en) = lower(btrim(name_or_code))
		  UNION
		  SELECT a.province_code FROM @extschema@.province_alias a WHERE lower(a.alias) = lower(btrim(name_or_code))) n
$$;
COMMENT ON FUNCTION @extschema@.province_named(text) IS
'the codes of every province a text names by its code, ISO code, a name or an alias, on any date; empty when none';

-- Those provinces followed through successors while they had ended by
-- as_of, kept if valid on as_of.  Empty when none; never raises.
CREATE FUNCTION @extschema@.province_candidates(name_or_code text, as_of date)
RETURNS text[]
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	cur text;
	p @extschema@.province;
	found text[] := '{}';
BEGIN
	FOREACH cur IN ARRAY @extschema@.province_named(name_or_code) LOOP
		-- follow successors while the province had ended by as_of (a chain
		-- of at most a few links: the primary key keeps each code one row)
		FOR depth IN 1 .. 20 LOOP
			SELECT * INTO p FROM @extschema@.province v WHERE v.code = cur;
			EXIT WHEN p.valid_to IS NULL OR p.valid_to > as_of OR p.successor_code IS NULL;
			cur := p.successor_code;
		END LOOP;
		IF @extschema@.province_valid_on(p, as_of) AND NOT cur = ANY (found) THEN
			found := found || cur;
		END IF;
	END LOOP;
	RETURN ARRAY(SELECT c FROM unnest(found) AS c ORDER BY c);
END
$$;
COMMENT ON FUNCTION @extschema@.province_candidates(text, date) IS
'the codes of the provinces a name or code means on as_of (a province that had ended then stands for its successor); empty when none';

-- The error for a name or code that means no single province on as_of;
-- context, when given, is added to the message (the row of a load).
CREATE FUNCTION @extschema@.province_refuse(name_or_code text, as_of date, context text DEFAULT NULL)
RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	found text[] := @extschema@.province_candidates(name_or_code, as_of);
	named text[] := @extschema@.province_named(name_or_code);
	suffix text := coalesce(' (' || context || ')', '');
BEGIN
	IF cardinality(found) > 1 THEN
		RAISE EXCEPTION '%', format('province "%s" is ambiguous on %s%s', name_or_code, as_of, suffix)
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = format('It names %s.', array_to_string(found, ' and ')),
				  HINT = 'Give the province''s code.';
	ELSIF cardinality(named) = 0 THEN
		RAISE EXCEPTION 'unknown province: "%"%', name_or_code, suffix
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Give a Korean, short or English name (current or former), a 행정표준코드 (current or former) or an ISO 3166-2 code such as KR-26.';
	ELSIF cardinality(found) = 0 THEN
		RAISE EXCEPTION '%', format('province "%s" did not exist on %s%s', name_or_code, as_of, suffix)
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = (SELECT string_agg(format('%s (%s) is valid from %s%s', v.code, v.name_ko,
													 coalesce(v.valid_from::text, 'before 2023'),
													 coalesce(' until ' || (v.valid_to - 1)::text, '')), '; ' ORDER BY v.code)
							FROM @extschema@.province v WHERE v.code = ANY (named)) || '.',
				  HINT = 'Give a date on which it existed, or the province of that time.';
	END IF;
	RETURN found[1];
END
$$;
COMMENT ON FUNCTION @extschema@.province_refuse(text, date, text) IS
'raises the error for a name or code that means no single province on as_of (unknown, not yet or no longer existing, ambiguous); returns the province when it means one';

DROP FUNCTION IF EXISTS @extschema@.province_code(text, date);
CREATE FUNCTION @extschema@.province_code(name_or_code text, as_of date DEFAULT CURRENT_DATE)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	found text[] := @extschema@.province_candidates(name_or_code, as_of);
BEGIN
	IF cardinality(found) = 1 THEN
		RETURN found[1];
	END IF;
	RETURN @extschema@.province_refuse(name_or_code, as_of);
END
$$;
COMMENT ON FUNCTION @extschema@.province_code(text, date) IS
'the 행정표준코드 of the province a name or code means on as_of (default today): former names and codes of the same province resolve to its code (42 → 51), a province that had ended resolves to its successor (광주 after 2026-07-01 → 12); KOSTAT codes are not accepted';

-- The province a line names in a fiscal year.  A code (행정표준코드 or ISO)
-- of a province that existed on some day of the year is that province:
-- codes are never ambiguous (29 and 46 in FY2026).  A name is read on the
-- line's date when it has one; else on the year's first and last days, and
-- if those differ (광주 in 2026: 29, then 12) it is refused with both.
DROP FUNCTION IF EXISTS @extschema@.province_code_in_year(text, integer);
CREATE FUNCTION @extschema@.province_code_in_year(name_or_code text, fiscal_year integer,
												  as_of date DEFAULT NULL, context text DEFAULT NULL)
RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	wanted text := btrim(name_or_code);
	first_day date := make_date(fiscal_year, 1, 1);
	last_day date := make_date(fiscal_year, 12, 31);
	result text;
	on_first text[];
	on_last text[];
BEGIN
	IF name_or_code IS NULL OR fiscal_year IS NULL THEN
		RETURN NULL;
	END IF;
	SELECT v.code INTO result FROM @extschema@.province v
	WHERE (v.code = wanted OR v.iso_code = upper(wanted))
	  AND (v.valid_from IS NULL OR v.valid_from <= last_day) AND (v.valid_to IS NULL OR v.valid_to > first_day);
	IF FOUND THEN
		RETURN result;
	END IF;
	-- the usual case: the text names one province, valid all year
	on_first := @extschema@.province_named(wanted);
	IF cardinality(on_first) = 1 THEN
		SELECT v.code INTO result FROM @extschema@.province v
		WHERE v.code = on_first[1]
		  AND (v.valid_from IS NULL OR v.valid_from <= first_day) AND (v.valid_to IS NULL OR v.valid_to > last_day);
		IF FOUND THEN
			RETURN result;
		END IF;
	END IF;
	IF as_of IS NOT NULL THEN
		on_first := @extschema@.province_candidates(wanted, as_of);
		IF cardinality(on_first) = 1 THEN
			RETURN on_first[1];
		END IF;
		RETURN @extschema@.province_refuse(name_or_code, as_of, context);
	END IF;
	on_first := @extschema@.province_candidates(wanted, first_day);
	on_last := @extschema@.province_candidates(wanted, last_day);
	IF cardinality(on_first) = 1 AND (cardinality(on_last) = 0 OR on_last = on_first) THEN
		RETURN on_first[1];
	ELSIF cardinality(on_last) = 1 AND cardinality(on_first) = 0 THEN
		RETURN on_last[1];
	ELSIF cardinality(on_first) = 1 AND cardinality(on_last) = 1 THEN
		RAISE EXCEPTION '%', format('province "%s" is ambiguous in fiscal year %s%s', name_or_code, fiscal_year,
			coalesce(' (' || context || ')', ''))
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = format('On %s it was %s (%s), on %s %s (%s).',
								  first_day, on_first[1], (SELECT v.name_ko FROM @extschema@.province v WHERE v.code = on_first[1]),
								  last_day, on_last[1], (SELECT v.name_ko FROM @extschema@.province v WHERE v.code = on_last[1])),
				  HINT = format('Give the province''s code (%s or %s), or the line''s date (as_of).', on_first[1], on_last[1]);
	END IF;
	RETURN @extschema@.province_refuse(name_or_code, CASE WHEN cardinality(on_first) = 0 THEN last_day ELSE first_day END, context);
END
$$;
COMMENT ON FUNCTION @extschema@.province_code_in_year(text, integer, date, text) IS
'the province a line names in a fiscal year: a code of a province of that year is itself; a name is read on the line''s date (as_of) if given, else refused when it means two provinces that year (a merger during the year)';

-- The merged province's common short forms.  KR-12 stands in for an ISO
-- 3166-2 code until one is published (provisional, like the code itself).
ALTER TABLE @extschema@.province_alias DROP CONSTRAINT province_alias_kind_known;
ALTER TABLE @extschema@.province_alias ADD CONSTRAINT province_alias_kind_known
	CHECK (kind IN ('name', 'short name', 'iso code', 'former name', 'former code', 'english', 'former english'));

-- Rows that ship with the extension, and rows administrators add ------------------

-- Each table of reference data marks its shipped rows; the rows an
-- administrator adds (a new cluster, a province) are theirs to change, and
-- pg_dump keeps them.  reference_guard('shipped') refuses writes to shipped
-- rows and refuses to mark a row as shipped.
-- (reference_guard('shipped'): 05-reference-guard.sql)

-- (the municipalities' deferred successor keys are checked first, so that
-- their table can be altered)
SET CONSTRAINTS ALL IMMEDIATE;
DO $shipped$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['province', 'province_alias', 'superregion', 'superregion_member',
							 'cluster', 'evaluation_agency', 'committee_figure', 'municipality'] LOOP
		EXECUTE format('ALTER TABLE @extschema@.%I DISABLE TRIGGER reference_guard', t);
		EXECUTE format('ALTER TABLE @extschema@.%I ADD COLUMN shipped boolean NOT NULL DEFAULT false', t);
		EXECUTE format('UPDATE @extschema@.%I SET shipped = true', t);
		EXECUTE format('COMMENT ON COLUMN @extschema@.%I.shipped IS %L', t,
					   'true for rows shipped with the extension (read-only); rows you add are yours, and pg_dump keeps them');
		EXECUTE format('DROP TRIGGER reference_guard ON @extschema@.%I', t);
		EXECUTE format('CREATE TRIGGER reference_guard BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.%I '
					   'FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_guard(''shipped'')', t);
		PERFORM pg_catalog.pg_extension_config_dump(format('@extschema@.%I', t)::regclass, 'WHERE NOT shipped');
	END LOOP;
END
$shipped$;

ALTER TABLE @extschema@.province_alias DISABLE TRIGGER reference_guard;
INSERT INTO @extschema@.province_alias (alias, province_code, kind, shipped) VALUES
	('전남광주', '12', 'short name', true),
	('KR-12', '12', 'iso code', true);
ALTER TABLE @extschema@.province_alias ENABLE TRIGGER reference_guard;

-- Clusters follow their province -------------------------------------------------

-- A cluster keeps the province it was designated in; in a fiscal year it
-- belongs to that province's successor valid on the year's first day
-- (the 광주 and 전남 clusters: 29 and 46 until FY2026, 12 from FY2027).
CREATE FUNCTION @extschema@.cluster_province(cluster_id integer, fiscal_year integer)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT m.as_of_code
	FROM @extschema@.cluster c
		 JOIN @extschema@.province_as_of(make_date(cluster_province.fiscal_year, 1, 1)) m ON m.code = c.province_code
	WHERE c.id = cluster_province.cluster_id
$$;
COMMENT ON FUNCTION @extschema@.cluster_province(integer, integer) IS
'the province a cluster belongs to in a fiscal year: its designated province, or that province''s successor after a merger';

CREATE OR REPLACE VIEW @extschema@.cluster_stages AS
SELECT c.id AS cluster_id,
	   y.province_code,
	   p.short_ko AS province,
	   d.fiscal_year,
	   d.requested_stage,
	   d.self_score,
	   d.has_rnd_body,
	   d.workforce_program,
	   (CASE WHEN d.requested_stage = 2 AND r.refusal IS NULL THEN 2 ELSE 1 END)::smallint AS stage,
	   r.refusal
FROM @extschema@.cluster c
	 JOIN @extschema@.cluster_diagnosis d ON d.cluster_id = c.id
	 CROSS JOIN LATERAL (SELECT @extschema@.cluster_province(c.id, d.fiscal_year) AS province_code) y
	 JOIN @extschema@.province p ON p.code = y.province_code
	 JOIN @extschema@.cluster_policy k ON k.fiscal_year = d.fiscal_year
	 CROSS JOIN LATERAL (
		SELECT CASE WHEN d.requested_stage = 2 THEN
					nullif(concat_ws('; ',
						CASE WHEN d.self_score < k.min_self_score
							 THEN format('self-diagnosis score %s is below %s', d.self_score, k.min_self_score) END,
						CASE WHEN k.rnd_body_required AND NOT d.has_rnd_body
							 THEN 'no body to plan, evaluate and manage R&D' END), '')
			   END AS refusal) AS r;
COMMENT ON VIEW @extschema@.cluster_stages IS
'each diagnosed cluster and year, with the province it belongs to that year: the stage it asked for, the stage it gets (2 only when asked for and the criteria are met), and why a stage-2 request was refused';

CREATE OR REPLACE VIEW @extschema@.cluster_compliance AS
SELECT c.id AS cluster_id,
	   y.province_code,
	   p.short_ko AS province,
	   d.fiscal_year,
	   'no workforce-training programme, which every stage must run'::text AS problem
FROM @extschema@.cluster_diagnosis d
	 JOIN @extschema@.cluster c ON c.id = d.cluster_id
	 CROSS JOIN LATERAL (SELECT @extschema@.cluster_province(c.id, d.fiscal_year) AS province_code) y
	 JOIN @extschema@.province p ON p.code = y.province_code
WHERE NOT d.workforce_program;
COMMENT ON VIEW @extschema@.cluster_compliance IS
'clusters whose diagnosis lacks the workforce-training programme that is mandatory at every stage';

-- Differential funding, across a merger ----------------------------------------

-- The pool is split over every cluster; each cluster's share is paid to
-- the province it belongs to that year.
CREATE OR REPLACE FUNCTION @extschema@.differential_funding(fiscal_year integer, pool bigint, unit bigint DEFAULT 1)
RETURNS TABLE (cluster_id integer, province_code text, stage smallint, score numeric,
			   grade text, coefficient numeric, weight numeric, "national" bigint,
			   compliant boolean, problems text)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	missing text;
BEGIN
	SELECT string_agg(format('%s (%s)', c.id, p.short_ko), ', ' ORDER BY c.id) INTO missing
	FROM @extschema@.cluster c
		 JOIN @extschema@.province p ON p.code = @extschema@.cluster_province(c.id, differential_funding.fiscal_year)
	WHERE NOT EXISTS (SELECT 1 FROM @extschema@.cluster_evaluation e
					  WHERE e.cluster_id = c.id AND e.fiscal_year = differential_funding.fiscal_year);
	IF missing IS NOT NULL THEN
		RAISE EXCEPTION 'no evaluation for fiscal year % of cluster %', differential_funding.fiscal_year, missing
			USING ERRCODE = 'no_data_found',
				  HINT = 'Every cluster needs a row in cluster_evaluation before the pool can be split.';
	END IF;

	RETURN QUERY
	WITH policy AS (
		SELECT s.noncompliant_coefficient
		FROM @extschema@.stage2_criteria s
		WHERE s.valid_from <= differential_funding.fiscal_year
		ORDER BY s.valid_from DESC LIMIT 1
	), scored AS (
		SELECT c.id, @extschema@.cluster_province(c.id, differential_funding.fiscal_year) AS province_code,
			   @extschema@.cluster_stage(c.id, differential_funding.fiscal_year) AS stage,
			   e.score, g.grade, g.coefficient,
			   (SELECT string_agg(m.problem, '; ') FROM @extschema@.cluster_compliance m
				WHERE m.cluster_id = c.id AND m.fiscal_year = differential_funding.fiscal_year) AS problems
		FROM @extschema@.cluster c
			 JOIN @extschema@.cluster_evaluation e
				  ON e.cluster_id = c.id AND e.fiscal_year = differential_funding.fiscal_year
			 CROSS JOIN LATERAL @extschema@.cluster_grade(e.score, differential_funding.fiscal_year) AS g
	), weighted AS (
		SELECT s.*, w.weight * s.coefficient
				   * CASE WHEN s.problems IS NULL THEN 1 ELSE (SELECT k.noncompliant_coefficient FROM policy k) END AS weight
		FROM scored s
			 JOIN @extschema@.stage_weight w
				  ON w.stage = s.stage
				 AND w.valid_from = (SELECT max(v.valid_from) FROM @extschema@.stage_weight v
									 WHERE v.valid_from <= differential_funding.fiscal_year)
	)
	-- Ties go to the earlier row: the better score, so that within a stage
	-- a better score never gets less.
	SELECT x.id, x.province_code, x.stage, x.score, x.grade, x.coefficient, x.weight,
		   @extschema@.apportion(differential_funding.pool, x.weight, differential_funding.unit)
			   OVER (ORDER BY x.score DESC, x.id),
		   x.problems IS NULL, x.problems
	FROM weighted x
	ORDER BY x.id;
END
$$;
COMMENT ON FUNCTION @extschema@.differential_funding(integer, bigint, bigint) IS
'the national pool split over all clusters by weight = stage weight × grade coefficient (× the non-compliance coefficient for a cluster missing a mandatory programme), by largest remainder in multiples of unit; the rows add up to the pool exactly; a cluster without an evaluation is an error naming it (P0002)';

-- A unit written as text, in won: '억', '천원', '10억', or won, man, eok, jo
-- in any case.  The pool forms of differential_funding and
-- allocate_differential_funding share it.
CREATE FUNCTION @extschema@.unit_won(unit text)
RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT @extschema@.parse_amount(CASE lower(unit)
		WHEN 'won' THEN '원' WHEN 'man' THEN '만' WHEN 'eok' THEN '억' WHEN 'jo' THEN '조'
		ELSE unit END)
$$;
COMMENT ON FUNCTION @extschema@.unit_won(text) IS
'a unit written as text (억, 천원, 10억, or won/man/eok/jo in any case) in won';

CREATE OR REPLACE FUNCTION @extschema@.differential_funding(fiscal_year integer, pool text, unit text DEFAULT '억')
RETURNS TABLE (cluster_id integer, province_code text, stage smallint, score numeric,
			   grade text, coefficient numeric, weight numeric, "national" bigint,
			   compliant boolean, problems text)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT * FROM @extschema@.differential_funding(differential_funding.fiscal_year,
		@extschema@.parse_amount(differential_funding.pool),
		@extschema@.unit_won(differential_funding.unit))
$$;
COMMENT ON FUNCTION @extschema@.differential_funding(integer, text, text) IS
'differential_funding with the pool written as an amount (''929억'') and shares in multiples of a unit written as one (default 억)';


-- allocate_differential_funding(program_id, fiscal_year, pool, …) records
-- the split as allocations, one line per cluster, each with its reference
-- ('cluster 3'), so that two clusters of one province (after a merger) are
-- two lines, and a re-run with replace => true replaces them.  It takes the
-- pool as differential_funding does: bigint won in multiples of unit won
-- (default 1), or text such as '929억' in multiples of a text unit (default 억).
CREATE OR REPLACE FUNCTION @extschema@.allocate_differential_funding(
	program_id integer, fiscal_year integer, pool bigint, unit bigint DEFAULT 1,
	phase text DEFAULT 'planned', replace boolean DEFAULT false)
RETURNS SETOF @extschema@.allocation
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM @extschema@.allocation a
			   WHERE a.program_id = allocate_differential_funding.program_id
				 AND a.fiscal_year = allocate_differential_funding.fiscal_year
				 AND a.phase = allocate_differential_funding.phase) THEN
		IF NOT replace THEN
			RAISE EXCEPTION 'program % already has % allocations for fiscal year %',
				allocate_differential_funding.program_id, allocate_differential_funding.phase,
				allocate_differential_funding.fiscal_year
				USING ERRCODE = 'unique_violation',
					  HINT = 'Pass replace => true to replace them.';
		END IF;
		DELETE FROM @extschema@.allocation a
		WHERE a.program_id = allocate_differential_funding.program_id
		  AND a.fiscal_year = allocate_differential_funding.fiscal_year
		  AND a.phase = allocate_differential_funding.phase;
	END IF;
	RETURN QUERY
	INSERT INTO @extschema@.allocation (program_id, province_code, fiscal_year, amount, phase, note, reference)
	SELECT allocate_differential_funding.program_id, d.province_code, allocate_differential_funding.fiscal_year,
		   @extschema@.funding(d.national, 0), allocate_differential_funding.phase,
		   format('differential funding: stage %s, grade %s', d.stage, d.grade),
		   format('cluster %s', d.cluster_id)
	FROM @extschema@.differential_funding(allocate_differential_funding.fiscal_year,
										  allocate_differential_funding.pool,
										  allocate_differential_funding.unit) AS d
	RETURNING *;
END
$$;
COMMENT ON FUNCTION @extschema@.allocate_differential_funding(integer, integer, bigint, bigint, text, boolean) IS
'writes differential_funding() as national allocations of a programme, one line per cluster (reference ''cluster N'') in the province it belongs to that year; refuses to add to existing allocations of that programme, year and phase unless replace is true';

CREATE FUNCTION @extschema@.allocate_differential_funding(
	program_id integer, fiscal_year integer, pool text, unit text DEFAULT '억',
	phase text DEFAULT 'planned', replace boolean DEFAULT false)
RETURNS SETOF @extschema@.allocation
LANGUAGE sql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT * FROM @extschema@.allocate_differential_funding(allocate_differential_funding.program_id,
		allocate_differential_funding.fiscal_year,
		@extschema@.parse_amount(allocate_differential_funding.pool),
		@extschema@.unit_won(allocate_differential_funding.unit),
		allocate_differential_funding.phase, allocate_differential_funding.replace)
$$;
COMMENT ON FUNCTION @extschema@.allocate_differential_funding(integer, integer, text, text, text, boolean) IS
'allocate_differential_funding with the pool written as an amount (''929억'') and shares in multiples of a unit written as one (default 억), as differential_funding takes them';

-- Designations belong to the 시·군·구 ------------------------------------------------

-- Every code of the same 시·군·구: a code and its successor are the same
-- 시·군·구 when the successor keeps its name (a renumbering: 홍천군 42720 →
-- 51720, 신안군 46910 → 12870); a merger or split makes another one.
CREATE VIEW @extschema@.municipality_lineage AS
WITH RECURSIVE link(a, b) AS (		-- both directions of each renumbering
	SELECT x.a, x.b
	FROM @extschema@.municipality m
		 JOIN @extschema@.municipality s ON s.code = m.successor_code AND s.name_ko = m.name_ko
		 CROSS JOIN LATERAL (VALUES (m.code, s.code), (s.code, m.code)) AS x(a, b)
), same(code, same_code) AS (
	SELECT m.code, m.code FROM @extschema@.municipality m
	UNION
	SELECT s.code, l.b FROM same s JOIN link l ON l.a = s.same_code
)
SELECT code, same_code FROM same;
COMMENT ON VIEW @extschema@.municipality_lineage IS
'every pair of codes of the same 시·군·구 (itself included): a code and a successor of the same name are one 시·군·구 renumbered';

-- Is the 시·군·구 of this code designated kind on as_of, under any of its codes?
CREATE FUNCTION @extschema@.municipality_designated(code text, kind text, as_of date)
RETURNS boolean
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT EXISTS (
		SELECT 1
		FROM @extschema@.municipality_lineage l
			 JOIN @extschema@.municipality_designation d ON d.municipality_code = l.same_code
		WHERE l.code = municipality_designated.code
		  AND d.kind = municipality_designated.kind
		  AND d.valid_from <= municipality_designated.as_of
		  AND (d.valid_to IS NULL OR d.valid_to > municipality_designated.as_of))
$$;
COMMENT ON FUNCTION @extschema@.municipality_designated(text, text, date) IS
'true when the 시·군·구 of the code was designated kind (인구감소지역, 인구감소관심지역, …) on as_of, under this or any other of its codes (a FY2027 line under 51720 is in the 인구감소지역 designated as 42720)';

-- The designations under every code of their 시·군·구, for joins.
CREATE VIEW @extschema@.municipality_designations AS
SELECT l.code AS municipality_code, d.kind, d.valid_from, d.valid_to, d.basis,
	   d.municipality_code AS designated_code, d.id AS designation_id
FROM @extschema@.municipality_designation d
	 JOIN @extschema@.municipality_lineage l ON l.same_code = d.municipality_code;
COMMENT ON VIEW @extschema@.municipality_designations IS
'each designation under every code of its 시·군·구 (designated_code is the code it was made under): join allocations on municipality_code and the date';
GRANT SELECT ON @extschema@.municipality_lineage, @extschema@.municipality_designations TO PUBLIC;

-- Series on another day's map ---------------------------------------------------------

-- region_totals_as_of(d): every year's allocations on the map of day d.  A
-- line that names its 시·군·구 goes to the province that 시·군·구 (under
-- any of its codes) lay in on d; other lines go to their province, or the
-- province it had become part of by d.  A province that did not yet exist
-- on d (the merged province, for a date before the merger) is shown as
-- itself and flagged merged_after: its lines are never split by a guess.
DROP FUNCTION IF EXISTS @extschema@.region_totals_as_of(date);
CREATE FUNCTION @extschema@.region_totals_as_of(as_of date)
RETURNS TABLE (fiscal_year integer, province_code text, name_ko text, short_ko text, sort_order smallint,
			   phase text, "national" bigint, local bigint, total bigint,
			   national_eok numeric, local_eok numeric, total_eok numeric, amount @extschema@.funding,
			   merged_after boolean)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
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
		   coalesce(p.valid_from > region_totals_as_of.as_of, false)
	FROM (SELECT x.fiscal_year, coalesce(mo.province_code, m.as_of_code) AS province_code, x.phase,
				 @extschema@.sum(x.amount) AS amount
		  FROM @extschema@.allocation x
			   LEFT JOIN municipality_on mo ON mo.code = x.municipality_code
			   LEFT JOIN @extschema@.province_as_of(region_totals_as_of.as_of) m ON m.code = x.province_code
		  GROUP BY 1, 2, 3) a
		 LEFT JOIN @extschema@.province p ON p.code = a.province_code
	ORDER BY a.fiscal_year, p.sort_order NULLS LAST, a.province_code, a.phase
$$;
COMMENT ON FUNCTION @extschema@.region_totals_as_of(date) IS
'region_totals on the map of as_of: after a merger the merged provinces'' lines of every year are counted under the merged province; before it, lines that name a 시·군·구 go to its province of that date, and the merged province''s other lines are shown under it, flagged merged_after; no won is counted twice or lost';
