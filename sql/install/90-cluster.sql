-- Clusters: each region's self-diagnosis and stage (1 or 2), and the
-- performance evaluation that decides a differential share of national
-- funds (국비 차등지급).  SPEC §2.
--
-- The source document fixes no criteria, grades or weights.  The policy
-- tables ship ILLUSTRATIVE defaults (rows with valid_from = 0, read-only);
-- an administrator changes the policy for a fiscal year onwards by adding
-- rows with valid_from = that year.  For any year the policy in force is the
-- one with the greatest valid_from not after it.  The defaults, in one place:
--
--   stage-2 criteria: self-diagnosis score at least 70, and a body able to
--                     plan, evaluate and manage R&D
--   grades:           S ≥ 90 → 1.20, A ≥ 80 → 1.10, B ≥ 70 → 1.00,
--                     C ≥ 60 → 0.90, D ≥ 0 → 0.70   (after MOTIE's 2013
--                     신특화산업 grades: +25억/+10억/±0/−10억/−35억 on 115억)
--   stage weights:    stage 1 → 1.0, stage 2 → 1.2  (stage-2 regions run
--                     their own R&D planning and management)

CREATE TABLE @extschema@.cluster_diagnosis (
	cluster_id integer NOT NULL REFERENCES @extschema@.cluster (id),
	fiscal_year integer NOT NULL
		CONSTRAINT cluster_diagnosis_fiscal_year_plausible CHECK (fiscal_year BETWEEN 2023 AND 2100),
	requested_stage smallint NOT NULL
		CONSTRAINT cluster_diagnosis_stage_1_or_2 CHECK (requested_stage IN (1, 2)),
	self_score numeric NOT NULL
		CONSTRAINT cluster_diagnosis_score_0_to_100 CHECK (self_score BETWEEN 0 AND 100),
	has_rnd_body boolean NOT NULL,
	workforce_program boolean NOT NULL,
	note text,
	PRIMARY KEY (cluster_id, fiscal_year)
);
COMMENT ON TABLE @extschema@.cluster_diagnosis IS
'a region''s self-diagnosis (자체진단) for a fiscal year: the stage it asks for, its score, whether it has an R&D planning body, whether it runs the mandatory workforce programme';
COMMENT ON COLUMN @extschema@.cluster_diagnosis.has_rnd_body IS 'a body able to plan, evaluate and manage R&D (needed for stage 2 by default)';
COMMENT ON COLUMN @extschema@.cluster_diagnosis.workforce_program IS 'runs the workforce-training programme every stage must run (see cluster_compliance)';

CREATE TABLE @extschema@.cluster_evaluation (
	cluster_id integer NOT NULL REFERENCES @extschema@.cluster (id),
	fiscal_year integer NOT NULL
		CONSTRAINT cluster_evaluation_fiscal_year_plausible CHECK (fiscal_year BETWEEN 2023 AND 2100),
	score numeric NOT NULL
		CONSTRAINT cluster_evaluation_score_0_to_100 CHECK (score BETWEEN 0 AND 100),
	note text,
	PRIMARY KEY (cluster_id, fiscal_year)
);
COMMENT ON TABLE @extschema@.cluster_evaluation IS
'the performance evaluation (성과평가) of a cluster for a fiscal year, score 0 to 100; it decides the cluster''s grade';

-- Policy ------------------------------------------------------------------

CREATE TABLE @extschema@.stage2_criteria (
	valid_from integer PRIMARY KEY
		CONSTRAINT stage2_criteria_valid_from_default_or_year CHECK (valid_from = 0 OR valid_from BETWEEN 2023 AND 2100),
	min_self_score numeric NOT NULL
		CONSTRAINT stage2_criteria_score_0_to_100 CHECK (min_self_score BETWEEN 0 AND 100),
	rnd_body_required boolean NOT NULL,
	note text
);
COMMENT ON TABLE @extschema@.stage2_criteria IS
'what a region needs for stage 2, from a fiscal year onwards; valid_from 0 is the shipped illustrative default';

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
			RAISE EXCEPTION 'the grade scale from % has no grade for a score of 0', year
				USING ERRCODE = 'check_violation', HINT = 'The lowest grade must start at min_score 0.';
		END IF;
		IF EXISTS (SELECT 1
				   FROM @extschema@.grade_scale lo JOIN @extschema@.grade_scale hi
						ON hi.valid_from = lo.valid_from AND hi.min_score > lo.min_score
				   WHERE lo.valid_from = year AND hi.coefficient < lo.coefficient) THEN
			RAISE EXCEPTION 'the grade scale from % is not monotone', year
				USING ERRCODE = 'check_violation',
					  DETAIL = 'A grade for higher scores has a smaller coefficient than a grade for lower scores.';
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
		RAISE EXCEPTION 'stage weights must be given for both stages'
			USING ERRCODE = 'check_violation';
	END IF;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.stage_weight_check() IS 'trigger: each stage-weight policy weighs both stages';
CREATE CONSTRAINT TRIGGER stage_weight_check
	AFTER INSERT OR UPDATE OR DELETE ON @extschema@.stage_weight
	DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION @extschema@.stage_weight_check();

-- The illustrative defaults (see the top of this file).
INSERT INTO @extschema@.stage2_criteria (valid_from, min_self_score, rnd_body_required, note) VALUES
	(0, 70, true, 'illustrative default: the source document fixes no criteria');
INSERT INTO @extschema@.grade_scale (valid_from, grade, min_score, coefficient) VALUES
	(0, 'S', 90, 1.20),
	(0, 'A', 80, 1.10),
	(0, 'B', 70, 1.00),
	(0, 'C', 60, 0.90),
	(0, 'D', 0, 0.70);
INSERT INTO @extschema@.stage_weight (valid_from, stage, weight) VALUES
	(0, 1, 1.0),
	(0, 2, 1.2);

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

SELECT pg_catalog.pg_extension_config_dump('@extschema@.cluster_diagnosis', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.cluster_evaluation', '');
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
	 CROSS JOIN LATERAL (SELECT * FROM @extschema@.stage2_criteria s
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

-- The view cluster_stages: 991-merger.sql.

CREATE FUNCTION @extschema@.cluster_stage(cluster_id integer, fiscal_year integer)
RETURNS smallint
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	result smallint;
BEGIN
	IF NOT EXISTS (SELECT 1 FROM @extschema@.cluster c WHERE c.id = cluster_stage.cluster_id) THEN
		RAISE EXCEPTION 'there is no cluster %', cluster_stage.cluster_id
			USING ERRCODE = 'invalid_parameter_value';
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

-- The view cluster_compliance: 991-merger.sql.

-- Differential funding -----------------------------------------------------

-- differential_funding(): 97-analyst.sql (compliance columns since 1.2.0).

-- allocate_differential_funding(): 991-merger.sql.
