-- since 1.2.0
-- Regions over time in the fact table and the reports (issue 15).

-- Shipped designations have ids below 1000; administrators' start there.
ALTER TABLE @extschema@.municipality_designation ALTER COLUMN id RESTART WITH 1000;
DO $$
BEGIN
	CREATE TRIGGER reference_guard BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.municipality
		FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_guard('all');
	CREATE TRIGGER reference_guard_truncate BEFORE TRUNCATE ON @extschema@.municipality
		FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_guard('all');
	CREATE TRIGGER reference_guard BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.municipality_designation
		FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_guard('id');
	CREATE TRIGGER reference_guard_truncate BEFORE TRUNCATE ON @extschema@.municipality_designation
		FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_guard('all');
END
$$;
SELECT pg_catalog.pg_extension_config_dump('@extschema@.municipality_designation', 'WHERE id >= 1000');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.municipality_designation_id_seq', '');
GRANT SELECT ON @extschema@.municipality, @extschema@.municipality_designation TO PUBLIC;

-- An allocation may name its 시·군·구 ----------------------------------------------

ALTER TABLE @extschema@.allocation ADD CONSTRAINT allocation_municipality_fkey
	FOREIGN KEY (municipality_code) REFERENCES @extschema@.municipality (code);
CREATE INDEX allocation_municipality_idx ON @extschema@.allocation (municipality_code)
	WHERE municipality_code IS NOT NULL;

-- Every write to allocation: the province exists (with a hint when a name
-- stands where a code belongs) and is valid on some day of the fiscal year,
-- and the municipality lies in that province then.  The duplicate rule is
-- allocation_no_duplicate (97-analyst.sql), which fires after this.
CREATE FUNCTION @extschema@.allocation_check_region()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	p @extschema@.province;
	m @extschema@.municipality;
	year_start date := make_date(NEW.fiscal_year, 1, 1);
	year_end date := make_date(NEW.fiscal_year + 1, 1, 1);
BEGIN
	IF NEW.province_code IS NOT NULL AND (TG_OP = 'INSERT' OR NEW.province_code IS DISTINCT FROM OLD.province_code
										   OR NEW.fiscal_year <> OLD.fiscal_year) THEN
		SELECT * INTO p FROM @extschema@.province v WHERE v.code = NEW.province_code;
		IF NOT FOUND THEN
			RAISE EXCEPTION 'there is no province with code "%"', NEW.province_code
				USING ERRCODE = 'foreign_key_violation',
					  HINT = format('province_code holds a 행정표준코드 such as 48; regionpolicy.province_code(%L) turns a name into one, and allocation_entry does it for you.',
									NEW.province_code);
		END IF;
		IF NOT ((p.valid_from IS NULL OR p.valid_from < year_end) AND (p.valid_to IS NULL OR p.valid_to > year_start)) THEN
			RAISE EXCEPTION 'province % (%) did not exist in fiscal year %', p.code, p.name_ko, NEW.fiscal_year
				USING ERRCODE = 'check_violation',
					  DETAIL = format('It is valid from %s%s.', coalesce(p.valid_from::text, 'before 2023'),
									  coalesce(' until ' || (p.valid_to - 1)::text, '')),
					  HINT = CASE WHEN p.successor_code IS NOT NULL
								  THEN format('From %s its allocations belong to %s: regionpolicy.province_code(%L, %L) gives it.',
											  p.valid_to, p.successor_code, p.short_ko, year_start)
								  ELSE 'Give a province that existed in that year.' END;
		END IF;
	END IF;
	IF NEW.municipality_code IS NOT NULL THEN
		SELECT * INTO m FROM @extschema@.municipality v WHERE v.code = NEW.municipality_code;
		IF FOUND AND (m.province_code IS DISTINCT FROM NEW.province_code
					  OR NOT ((m.valid_from IS NULL OR m.valid_from < year_end) AND (m.valid_to IS NULL OR m.valid_to > year_start))) THEN
			RAISE EXCEPTION 'municipality % (%) is not in province % in fiscal year %', m.code, m.name_ko,
				coalesce(NEW.province_code, '(none)'), NEW.fiscal_year
				USING ERRCODE = 'check_violation',
					  DETAIL = format('%s lies in province %s from %s%s.', m.code, m.province_code,
									  coalesce(m.valid_from::text, 'before 2023'),
									  coalesce(' until ' || (m.valid_to - 1)::text, '')),
					  HINT = 'An allocation''s municipality must lie in its province in its fiscal year; regionpolicy.municipality_code() finds the code of that time.';
		END IF;
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.allocation_check_region() IS
'trigger: an allocation''s province exists (23503) and is valid on some day of its fiscal year, and its municipality lies in that province then (23514)';
CREATE TRIGGER allocation_check_region BEFORE INSERT OR UPDATE OF province_code, municipality_code, fiscal_year
	ON @extschema@.allocation FOR EACH ROW EXECUTE FUNCTION @extschema@.allocation_check_region();

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

-- region_totals_as_of(date): 991-merger.sql.

CREATE VIEW @extschema@.municipality_totals AS
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
	   a.amount
FROM (SELECT fiscal_year, municipality_code, province_code, phase, @extschema@.sum(amount) AS amount
	  FROM @extschema@.allocation
	  WHERE municipality_code IS NOT NULL
	  GROUP BY fiscal_year, municipality_code, province_code, phase) a
	 JOIN @extschema@.municipality m ON m.code = a.municipality_code
	 JOIN @extschema@.province p ON p.code = a.province_code
ORDER BY a.fiscal_year, p.sort_order, a.municipality_code, a.phase;
COMMENT ON VIEW @extschema@.municipality_totals IS
'allocations that name a 시·군·구, summed per fiscal year, municipality and budget phase';
