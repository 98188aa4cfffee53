-- ============================================================================
-- 7. Clusters: stages, grades and differential funding
-- ============================================================================

-- Policy ------------------------------------------------------------------

CREATE TABLE @extschema@.stage2_criteria (
	valid_from integer PRIMARY KEY
		CONSTRAINT stage2_criteria_valid_from_default_or_year CHECK (valid_from = 0 OR valid_from BETWEEN 2023 AND 2100),
	min_self_score numeric NOT NULL
		CONSTRAINT stage2_criteria_score_0_to_100 CHECK (min_self_score BETWEEN 0 AND 100),
	rnd_body_required boolean NOT NULL,
	note text,
	noncompliant_coefficient numeric NOT NULL DEFAULT 1
		CONSTRAINT stage2_criteria_noncompliant_coefficient_0_to_1 CHECK (noncompliant_coefficient BETWEEN 0 AND 1)
);
COMMENT ON TABLE @extschema@.stage2_criteria IS
'what a region needs for stage 2, from a fiscal year onwards; valid_from 0 is the shipped illustrative default';
COMMENT ON COLUMN @extschema@.stage2_criteria.noncompliant_coefficient IS
'what a cluster missing a mandatory programme receives, as a factor of its weight: 1 (the default) flags it only; 0 withholds its share';

CREATE TABLE @extschema@.grade_scale (
	valid_from integer NOT NULL
		CONSTRAINT grade_scale_valid_from_default_or_year CHECK (valid_from = 0 OR valid_from BETWEEN 2023 AND 2100),
	grade text NOT NULL
		CONSTRAINT grade_scale_grade_not_blank CHECK (btrim(grade) <> ''),
	min_score numeric NOT NULL
		CONSTRAINT grade_scale_score_0_to_100 CHECK (min_score BETWEEN 0 AND 100),
	coefficient numeric NOT NULL
		CONSTRAINT grade_scale_coefficient_not_negative CHECK (coefficient >= 0),
	PRIMARY KEY (valid_from, grade),
	UNIQUE (valid_from, min_score)
);
COMMENT ON TABLE @extschema@.grade_scale IS
'evaluation grades from a fiscal year onwards: a score of at least min_score earns the grade and its funding coefficient; monotone, and one grade starts at 0; valid_from 0 is the shipped illustrative default';

CREATE TABLE @extschema@.stage_weight (
	valid_from integer NOT NULL
		CONSTRAINT stage_weight_valid_from_default_or_year CHECK (valid_from = 0 OR valid_from BETWEEN 2023 AND 2100),
	stage smallint NOT NULL
		CONSTRAINT stage_weight_stage_1_or_2 CHECK (stage IN (1, 2)),
	weight numeric NOT NULL
		CONSTRAINT stage_weight_positive CHECK (weight > 0),
	PRIMARY KEY (valid_from, stage)
);
COMMENT ON TABLE @extschema@.stage_weight IS
'the weight of each stage in the differential split, from a fiscal year onwards; valid_from 0 is the shipped illustrative default';

-- A grade scale must cover every score once and pay better grades no less.
CREATE FUNCTION @extschema@.grade_scale_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	year integer;
BEGIN
	FOR year IN SELECT DISTINCT valid_from FROM @extschema@.grade_scale LOOP
		IF NOT EXISTS (SELECT 1 FROM @extschema@.grade_scale WHERE valid_from = year AND min_score = 0) THEN
			RAISE EXCEPTION USING MESSAGE = @extschema@.message('the grade scale from %s has no grade for a score of 0', year),
					  ERRCODE = 'check_violation',
					  HINT = @extschema@.message('The lowest grade must start at min_score 0.');
		END IF;
		IF EXISTS (SELECT 1
				   FROM @extschema@.grade_scale lo JOIN @extschema@.grade_scale hi
						ON hi.valid_from = lo.valid_from AND hi.min_score > lo.min_score
				   WHERE lo.valid_from = year AND hi.coefficient < lo.coefficient) THEN
			RAISE EXCEPTION USING MESSAGE = @extschema@.message('the grade scale from %s is not monotone', year),
					  ERRCODE = 'check_violation',
					  DETAIL = @extschema@.message('A grade for higher scores has a smaller coefficient than a grade for lower scores.');
		END IF;
	END LOOP;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.grade_scale_check() IS 'trigger: every grade scale starts at 0 and is monotone';
CREATE CONSTRAINT TRIGGER grade_scale_check
	AFTER INSERT OR UPDATE OR DELETE ON @extschema@.grade_scale
	DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION @extschema@.grade_scale_check();

-- Both stages must have a weight in every policy that has one.
CREATE FUNCTION @extschema@.stage_weight_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF EXISTS (SELECT valid_from FROM @extschema@.stage_weight GROUP BY valid_from HAVING count(*) <> 2) THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('stage weights must be given for both stages'),
				  ERRCODE = 'check_violation';
	END IF;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.stage_weight_check() IS 'trigger: each stage-weight policy weighs both stages';
CREATE CONSTRAINT TRIGGER stage_weight_check
	AFTER INSERT OR UPDATE OR DELETE ON @extschema@.stage_weight
	DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION @extschema@.stage_weight_check();

-- 1 rows of stage2_criteria: sql/data/stage2_criteria.tsv
SELECT @extschema@.reference_copy('stage2_criteria', 'stage2_criteria');
-- 5 rows of grade_scale: sql/data/grade_scale.tsv
SELECT @extschema@.reference_copy('grade_scale', 'grade_scale');
-- 2 rows of stage_weight: sql/data/stage_weight.tsv
SELECT @extschema@.reference_copy('stage_weight', 'stage_weight');

-- The shipped defaults are read-only; the rows you add are yours.
DO $$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['stage2_criteria', 'grade_scale', 'stage_weight'] LOOP
		EXECUTE format('CREATE TRIGGER reference_guard BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.%I '
					   'FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_guard(''valid_from'')', t);
		EXECUTE format('CREATE TRIGGER reference_guard_truncate BEFORE TRUNCATE ON @extschema@.%I '
					   'FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_guard(''all'')', t);
	END LOOP;
END
$$;

SELECT pg_catalog.pg_extension_config_dump('@extschema@.stage2_criteria', 'WHERE valid_from <> 0');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.grade_scale', 'WHERE valid_from <> 0');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.stage_weight', 'WHERE valid_from <> 0');

-- The policy in force in a fiscal year ------------------------------------

CREATE VIEW @extschema@.cluster_policy AS
SELECT y.fiscal_year,
	   c.min_self_score,
	   c.rnd_body_required,
	   w1.weight AS stage1_weight,
	   w2.weight AS stage2_weight,
	   g.valid_from AS grade_scale_from
FROM (SELECT DISTINCT fiscal_year FROM @extschema@.cluster_diagnosis
	  UNION SELECT DISTINCT fiscal_year FROM @extschema@.cluster_evaluation) AS y
	 CROSS JOIN LATERAL (SELECT s.valid_from, s.min_self_score, s.rnd_body_required, s.note FROM @extschema@.stage2_criteria s
						 WHERE s.valid_from <= y.fiscal_year ORDER BY s.valid_from DESC LIMIT 1) AS c
	 CROSS JOIN LATERAL (SELECT max(valid_from) AS valid_from FROM @extschema@.stage_weight
						 WHERE valid_from <= y.fiscal_year) AS wv
	 JOIN @extschema@.stage_weight w1 ON w1.valid_from = wv.valid_from AND w1.stage = 1
	 JOIN @extschema@.stage_weight w2 ON w2.valid_from = wv.valid_from AND w2.stage = 2
	 CROSS JOIN LATERAL (SELECT max(valid_from) AS valid_from FROM @extschema@.grade_scale
						 WHERE valid_from <= y.fiscal_year) AS g;
COMMENT ON VIEW @extschema@.cluster_policy IS
'for every fiscal year with a diagnosis or an evaluation: the stage-2 criteria, stage weights and grade scale in force';

CREATE FUNCTION @extschema@.cluster_grade(score numeric, fiscal_year integer,
										 OUT grade text, OUT coefficient numeric)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT g.grade, g.coefficient
	FROM @extschema@.grade_scale g
	WHERE g.valid_from = (SELECT max(v.valid_from) FROM @extschema@.grade_scale v
						  WHERE v.valid_from <= cluster_grade.fiscal_year)
	  AND g.min_score <= cluster_grade.score
	ORDER BY g.min_score DESC
	LIMIT 1
$$;
COMMENT ON FUNCTION @extschema@.cluster_grade(numeric, integer) IS
'the grade and funding coefficient a score earns under the grade scale in force in a fiscal year';

-- Stages ------------------------------------------------------------------

-- cluster_stage(): a cluster's stage in a year, from the view cluster_stages
-- (below, with the clusters that follow their province).
CREATE FUNCTION @extschema@.cluster_stage(cluster_id integer, fiscal_year integer)
RETURNS smallint
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	result smallint;
BEGIN
	IF NOT EXISTS (SELECT 1 FROM @extschema@.cluster c WHERE c.id = cluster_stage.cluster_id) THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('there is no cluster %s', cluster_stage.cluster_id),
				  ERRCODE = 'invalid_parameter_value';
	END IF;
	SELECT s.stage INTO result
	FROM @extschema@.cluster_stages s
	WHERE s.cluster_id = cluster_stage.cluster_id AND s.fiscal_year = cluster_stage.fiscal_year;
	-- No diagnosis: the region has not asked for stage 2.
	RETURN coalesce(result, 1);
END
$$;
COMMENT ON FUNCTION @extschema@.cluster_stage(integer, integer) IS
'1 or 2: stage 2 only when the region asked for it in its diagnosis for that year and meets the stage-2 criteria in force; 1 without a diagnosis';

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

CREATE VIEW @extschema@.cluster_stages AS
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
							 THEN @extschema@.in_language(format('자가진단 점수 %s점이 기준 %s점에 못 미침', d.self_score, k.min_self_score),
														  format('self-diagnosis score %s is below %s', d.self_score, k.min_self_score)) END,
						CASE WHEN k.rnd_body_required AND NOT d.has_rnd_body
							 THEN @extschema@.in_language('R&D를 기획·평가·관리할 전담 조직 없음',
														  'no body to plan, evaluate and manage R&D') END), '')
			   END AS refusal) AS r;
COMMENT ON VIEW @extschema@.cluster_stages IS
'each diagnosed cluster and year, with the province it belongs to that year: the stage it asked for, the stage it gets (2 only when asked for and the criteria are met), and why a stage-2 request was refused';

CREATE VIEW @extschema@.cluster_compliance AS
SELECT c.id AS cluster_id,
	   y.province_code,
	   p.short_ko AS province,
	   d.fiscal_year,
	   @extschema@.in_language('모든 단계가 운영해야 하는 인력양성 프로그램 없음',
							   'no workforce-training programme, which every stage must run') AS problem
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
CREATE FUNCTION @extschema@.differential_funding(fiscal_year integer, pool bigint, unit bigint DEFAULT 1)
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
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('no evaluation for fiscal year %s of cluster %s', differential_funding.fiscal_year, missing),
				  ERRCODE = 'no_data_found',
				  HINT = @extschema@.message('Every cluster needs a row in cluster_evaluation before the pool can be split.');
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

CREATE FUNCTION @extschema@.differential_funding(fiscal_year integer, pool text, unit text DEFAULT '억')
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

-- A line of allocation as functions that write lines return it: its
-- columns, then plain won and exact 억.
CREATE TYPE @extschema@.allocation_line AS (
	id bigint, program_id integer, province_code text, fiscal_year integer, amount @extschema@.funding,
	phase text, note text, reference text, municipality_code text,
	"national" bigint, local bigint, total bigint, national_eok numeric, local_eok numeric, total_eok numeric);
COMMENT ON TYPE @extschema@.allocation_line IS
'an allocation line with plain won (national, local, total) and exact 억 columns, as allocate_differential_funding returns it';

-- allocate_differential_funding(program_id, fiscal_year, pool, …) records
-- the split as allocations, one line per cluster, each with its reference
-- ('cluster 3'), so that two clusters of one province (after a merger) are
-- two lines, and a re-run with replace => true replaces them.  It takes the
-- pool as differential_funding does: bigint won in multiples of unit won
-- (default 1), or text such as '929억' in multiples of a text unit (default 억).
CREATE FUNCTION @extschema@.allocate_differential_funding(
	program_id integer, fiscal_year integer, pool bigint, unit bigint DEFAULT 1,
	phase text DEFAULT 'planned', replace boolean DEFAULT false)
RETURNS SETOF @extschema@.allocation_line
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM @extschema@.allocation a
			   WHERE a.program_id = allocate_differential_funding.program_id
				 AND a.fiscal_year = allocate_differential_funding.fiscal_year
				 AND a.phase = allocate_differential_funding.phase) THEN
		IF NOT replace THEN
			RAISE EXCEPTION USING MESSAGE = @extschema@.message('program %s already has %s allocations for fiscal year %s', allocate_differential_funding.program_id, allocate_differential_funding.phase, allocate_differential_funding.fiscal_year),
					  ERRCODE = 'unique_violation',
					  HINT = @extschema@.message('Pass replace => true to replace them.');
		END IF;
		DELETE FROM @extschema@.allocation a
		WHERE a.program_id = allocate_differential_funding.program_id
		  AND a.fiscal_year = allocate_differential_funding.fiscal_year
		  AND a.phase = allocate_differential_funding.phase;
	END IF;
	RETURN QUERY
	WITH w AS (
	INSERT INTO @extschema@.allocation AS a (program_id, province_code, fiscal_year, amount, phase, note, reference)
	SELECT allocate_differential_funding.program_id, d.province_code, allocate_differential_funding.fiscal_year,
		   @extschema@.funding(d.national, 0), allocate_differential_funding.phase,
		   format('differential funding: stage %s, grade %s', d.stage, d.grade),
		   format('cluster %s', d.cluster_id)
	FROM @extschema@.differential_funding(allocate_differential_funding.fiscal_year,
										  allocate_differential_funding.pool,
										  allocate_differential_funding.unit) AS d
	RETURNING a.*)
	SELECT w.id, w.program_id, w.province_code, w.fiscal_year, w.amount, w.phase, w.note, w.reference, w.municipality_code,
		   @extschema@.national(w.amount), @extschema@.local(w.amount), @extschema@.total(w.amount),
		   @extschema@.in_unit(@extschema@.national(w.amount), '억'), @extschema@.in_unit(@extschema@.local(w.amount), '억'),
		   @extschema@.in_unit(@extschema@.total(w.amount), '억')
	FROM w;
END
$$;
COMMENT ON FUNCTION @extschema@.allocate_differential_funding(integer, integer, bigint, bigint, text, boolean) IS
'writes differential_funding() as national allocations of a programme, one line per cluster (reference ''cluster N'') in the province it belongs to that year; refuses to add to existing allocations of that programme, year and phase unless replace is true';

CREATE FUNCTION @extschema@.allocate_differential_funding(
	program_id integer, fiscal_year integer, pool text, unit text DEFAULT '억',
	phase text DEFAULT 'planned', replace boolean DEFAULT false)
RETURNS SETOF @extschema@.allocation_line
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
