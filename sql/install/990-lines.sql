-- since 1.3.0
-- Every won placed once (doc/regionpolicy.md, "Loading").
--
-- A line is identified by its fiscal year, phase, programme, province and
-- reference: loading the same reference again replaces that line's amount,
-- municipality and note; the same reference under another programme or
-- province is another line.  A line without a reference that is identical
-- to one already there (year, phase, programme, province, municipality,
-- amount) is refused.  Both rules are unique indexes, so they hold under
-- every isolation level and interleaving of concurrent loads, cost one
-- index probe per row however many rows are loaded, and take no lock that
-- another province's load could wait for.  Each rule is two partial
-- indexes, one for lines of a province and one for lines of no single
-- province, so that a NULL province is a key like any other and every key
-- of a province's lines begins with its province.

-- 1.2.0's trigger, advisory lock and indexes give way to the constraints.
DROP TRIGGER IF EXISTS allocation_no_duplicate ON @extschema@.allocation;
DROP FUNCTION IF EXISTS @extschema@.allocation_no_duplicate();
DROP INDEX IF EXISTS @extschema@.allocation_reference_key;
DROP INDEX IF EXISTS @extschema@.allocation_identity_idx;
DROP VIEW IF EXISTS @extschema@.allocation_entry;
DROP FUNCTION IF EXISTS @extschema@.allocation_entry_insert();

-- References are compared exactly, after surrounding white space (spaces,
-- tabs, line breaks and the ideographic space U+3000) is trimmed.
CREATE FUNCTION @extschema@.reference_trim(reference text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT nullif(btrim(reference, E' \t\r\n\f\v' || '　'), '') $$;
COMMENT ON FUNCTION @extschema@.reference_trim(text) IS
'a reference as allocation stores it: surrounding spaces, tabs, line breaks and ideographic spaces trimmed; NULL when nothing is left';

-- An upgrade trims the references already stored; two lines that then
-- share an identity are reported, not merged.
UPDATE @extschema@.allocation SET reference = @extschema@.reference_trim(reference)
WHERE reference IS DISTINCT FROM @extschema@.reference_trim(reference);
DO $check$
DECLARE
	clash text;
BEGIN
	SELECT string_agg(format('fiscal year %s, phase %s, program %s, province %s, %s', fiscal_year, phase, program_id,
							 coalesce(province_code, '(none)'), coalesce('reference ' || reference, 'amount ' || amt::text)), '; ')
	  INTO clash
	FROM (SELECT fiscal_year, phase, program_id, province_code, reference,
				 CASE WHEN reference IS NULL THEN municipality_code END AS municipality,
				 CASE WHEN reference IS NULL THEN amount END AS amt
		  FROM @extschema@.allocation
		  GROUP BY 1, 2, 3, 4, 5, 6, 7
		  HAVING count(*) > 1
		  LIMIT 10) d;
	IF clash IS NOT NULL THEN
		RAISE EXCEPTION 'allocations that would be one line: %', clash
			USING ERRCODE = 'unique_violation',
				  HINT = 'Give those lines distinct references (or delete the doubles), then update the extension again.';
	END IF;
END
$check$;

ALTER TABLE @extschema@.allocation DROP CONSTRAINT IF EXISTS allocation_reference_not_blank;
ALTER TABLE @extschema@.allocation ADD CONSTRAINT allocation_reference_trimmed
	CHECK (reference = btrim(reference, E' \t\r\n\f\v' || '　') AND reference <> '');
COMMENT ON COLUMN @extschema@.allocation.reference IS
'the line''s own identifier in its source (a 세부사업 or 과제 number), trimmed; with fiscal year, phase, programme and province it identifies the line: loading it again replaces the line''s amount';

CREATE UNIQUE INDEX allocation_line_key
	ON @extschema@.allocation (province_code, fiscal_year, phase, program_id, reference)
	WHERE reference IS NOT NULL AND province_code IS NOT NULL;
CREATE UNIQUE INDEX allocation_national_line_key
	ON @extschema@.allocation (fiscal_year, phase, program_id, reference)
	WHERE reference IS NOT NULL AND province_code IS NULL;
CREATE UNIQUE INDEX allocation_unreferenced_line_key
	ON @extschema@.allocation (province_code, fiscal_year, phase, program_id, (coalesce(municipality_code, '')), amount)
	WHERE reference IS NULL AND province_code IS NOT NULL;
CREATE UNIQUE INDEX allocation_unreferenced_national_line_key
	ON @extschema@.allocation (fiscal_year, phase, program_id, (coalesce(municipality_code, '')), amount)
	WHERE reference IS NULL AND province_code IS NULL;
-- allocation_entry's look-up of an identical line, referenced or not
CREATE INDEX allocation_line_amount_idx
	ON @extschema@.allocation (fiscal_year, phase, program_id, amount);
COMMENT ON INDEX @extschema@.allocation_line_key IS
'a line of a province is identified by (province, fiscal year, phase, programme, reference)';
COMMENT ON INDEX @extschema@.allocation_unreferenced_line_key IS
'a line without a reference identical to one already there is refused: give lines references to load them again';

-- The tally of a load (load.c) ------------------------------------------------

CREATE FUNCTION @extschema@.allocation_load_begin() RETURNS void
AS 'MODULE_PATHNAME', 'allocation_load_begin' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
CREATE FUNCTION @extschema@.allocation_load_count(inserted boolean) RETURNS void
AS 'MODULE_PATHNAME', 'allocation_load_count' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
CREATE FUNCTION @extschema@.allocation_load_end() RETURNS void
AS 'MODULE_PATHNAME', 'allocation_load_end' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
CREATE FUNCTION @extschema@.allocation_load_summary(OUT inserted bigint, OUT replaced bigint)
AS 'MODULE_PATHNAME', 'allocation_load_summary' LANGUAGE C VOLATILE STRICT PARALLEL RESTRICTED;
COMMENT ON FUNCTION @extschema@.allocation_load_summary() IS
'how many lines the last INSERT or COPY into allocation_entry in this session inserted, and how many it replaced (NULLs before the first)';

-- allocation_entry: the way data gets in ------------------------------------

CREATE VIEW @extschema@.allocation_entry AS
SELECT g.name_ko AS program,
	   p.short_ko AS province,
	   a.fiscal_year,
	   a.phase,
	   a.amount::text AS amount,
	   NULL::text AS "national",
	   NULL::text AS local,
	   NULL::text AS unit,
	   a.reference,
	   a.note,
	   a.municipality_code AS municipality,
	   NULL::date AS as_of
FROM @extschema@.allocation a
	 JOIN @extschema@.program g ON g.id = a.program_id
	 LEFT JOIN @extschema@.province p ON p.code = a.province_code;
COMMENT ON VIEW @extschema@.allocation_entry IS
'the way allocations get in: INSERT or COPY rows with program (name within the year, or id), province (any name or code; as_of, the line''s date, decides a name in a year its meaning changed), fiscal_year, phase, and amount as text, or national and local numbers in a unit; unresolvable or ambiguous values are errors naming the value; a reference makes a line replaceable; each statement reports how many lines it inserted and replaced';

CREATE FUNCTION @extschema@.allocation_entry_insert()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	v_reference text := @extschema@.reference_trim(NEW.reference);
	row_text text := format('program %L, province %L, fiscal year %s, reference %L',
							NEW.program, NEW.province, NEW.fiscal_year, NEW.reference);
	v_program integer;
	n_programs bigint;
	candidates text;
	v_province text;
	v_amount @extschema@.funding;
	v_phase text := coalesce(NEW.phase, 'planned');
	v_municipality text;
	twin_id bigint;
	twin_reference text;
	inserted boolean;
BEGIN
	IF NEW.fiscal_year IS NULL THEN
		RAISE EXCEPTION 'fiscal_year is missing (%)', row_text
			USING ERRCODE = 'not_null_violation';
	END IF;
	IF NEW.program IS NULL OR btrim(NEW.program) = '' THEN
		RAISE EXCEPTION 'program is missing (%)', row_text
			USING ERRCODE = 'not_null_violation';
	END IF;

	-- the program: its name within the fiscal year, or its id
	IF btrim(NEW.program) ~ '^[0-9]+$' THEN
		SELECT g.id INTO v_program FROM @extschema@.program g
		WHERE g.id = btrim(NEW.program)::integer AND g.fiscal_year = NEW.fiscal_year;
	ELSE
		SELECT min(g.id), count(*), string_agg(format('%s (%s, id %s)', g.name_ko, g.ministry, g.id), '; ' ORDER BY g.id)
		  INTO v_program, n_programs, candidates
		FROM @extschema@.program g
		WHERE g.name_ko = btrim(NEW.program) AND g.fiscal_year = NEW.fiscal_year;
		IF n_programs > 1 THEN
			RAISE EXCEPTION 'program "%" is ambiguous in fiscal year % (%)', NEW.program, NEW.fiscal_year, row_text
				USING ERRCODE = 'ambiguous_parameter',
					  DETAIL = format('Programs of that name: %s.', candidates),
					  HINT = 'Give the program''s id instead of its name.';
		END IF;
	END IF;
	IF v_program IS NULL THEN
		RAISE EXCEPTION 'no program "%" in fiscal year % (%)', NEW.program, NEW.fiscal_year, row_text
			USING ERRCODE = 'foreign_key_violation',
				  DETAIL = coalesce('Programs of that year: ' || (
					  SELECT string_agg(format('%s (id %s)', g.name_ko, g.id), ', ' ORDER BY g.id)
					  FROM (SELECT * FROM @extschema@.program WHERE fiscal_year = NEW.fiscal_year ORDER BY id LIMIT 12) g) || '.',
					  format('There are no programs for fiscal year %s yet.', NEW.fiscal_year)),
				  HINT = 'Add the program first: INSERT INTO regionpolicy.program (ministry, fiscal_year, name_ko) VALUES (…).';
	END IF;

	-- the province: any name or code, or none; the line's date decides a
	-- name in a year its meaning changed
	IF NEW.province IS NOT NULL AND btrim(NEW.province) <> '' THEN
		v_province := @extschema@.province_code_in_year(NEW.province, NEW.fiscal_year, NEW.as_of, row_text);
	END IF;

	-- the municipality, if any: a name (with or without its province) or code
	IF NEW.municipality IS NOT NULL AND btrim(NEW.municipality) <> '' THEN
		v_municipality := @extschema@.municipality_code(
			CASE WHEN v_province IS NOT NULL AND btrim(NEW.municipality) !~ '^[0-9]{5}$' AND position(' ' IN btrim(NEW.municipality)) = 0
				 THEN v_province || ' ' || btrim(NEW.municipality) ELSE NEW.municipality END,
			coalesce(NEW.as_of,
					 greatest(make_date(NEW.fiscal_year, 1, 1),
							  (SELECT v.valid_from FROM @extschema@.province v WHERE v.code = v_province))));
		IF v_province IS NULL THEN
			v_province := (SELECT m.province_code FROM @extschema@.municipality m WHERE m.code = v_municipality);
		END IF;
	END IF;

	-- the money: a text amount, or national and local numbers in a unit
	IF NEW.amount IS NOT NULL AND (NEW."national" IS NOT NULL OR NEW.local IS NOT NULL) THEN
		RAISE EXCEPTION 'give either amount or national and local, not both (%)', row_text
			USING ERRCODE = 'invalid_parameter_value';
	ELSIF NEW.amount IS NOT NULL THEN
		IF NEW.unit IS NOT NULL THEN
			RAISE EXCEPTION 'unit applies to national and local numbers, not to a text amount (%)', row_text
				USING ERRCODE = 'invalid_parameter_value',
					  HINT = 'Write the unit inside the amount: ''국비 929억원, 지방비 433억원''.';
		END IF;
		v_amount := NEW.amount::@extschema@.funding;
	ELSIF NEW."national" IS NOT NULL OR NEW.local IS NOT NULL THEN
		v_amount := @extschema@.funding(coalesce(NEW."national", '0'), coalesce(NEW.local, '0'),
									   coalesce(NEW.unit, '원'));
	ELSE
		RAISE EXCEPTION 'no amount (%)', row_text
			USING ERRCODE = 'not_null_violation',
				  HINT = 'Give amount (text such as ''국비 929억원, 지방비 433억원'') or national and local numbers with their unit.';
	END IF;

	-- A line identical to one already there (programme, province, year,
	-- phase, 시·군·구 and amount) would double the total when one of the two
	-- has no reference: a load run again without references, or run with
	-- references after one without.  (Two identical loads without a
	-- reference at once are refused by the unique index itself.)
	SELECT a.id, a.reference INTO twin_id, twin_reference
	FROM @extschema@.allocation a
	WHERE a.fiscal_year = NEW.fiscal_year AND a.phase = v_phase AND a.program_id = v_program
	  AND a.amount OPERATOR(@extschema@.=) v_amount
	  AND a.province_code IS NOT DISTINCT FROM v_province
	  AND coalesce(a.municipality_code, '') = coalesce(v_municipality, '')
	  AND (v_reference IS NULL OR a.reference IS NULL)
	ORDER BY a.reference NULLS FIRST
	LIMIT 1;
	IF twin_id IS NOT NULL THEN
		RAISE EXCEPTION 'allocation already recorded: %, phase %, amount %', row_text, v_phase, v_amount
			USING ERRCODE = 'unique_violation',
				  DETAIL = CASE WHEN v_reference IS NOT NULL
							   THEN format('An identical line without a reference is already there (allocation %s); loading this one beside it would double the total.', twin_id)
							   WHEN twin_reference IS NOT NULL
							   THEN format('An identical line is already there under reference %L; loading this one too would double the total.', twin_reference)
							   ELSE 'An identical line without a reference is already there; loading it again would double the total.' END,
				  HINT = CASE WHEN v_reference IS NOT NULL
							 THEN format('Give the line already there its reference (UPDATE regionpolicy.allocation SET reference = %L WHERE id = %s), or delete it, then load again.', v_reference, twin_id)
							 WHEN twin_reference IS NOT NULL
							 THEN 'Load it with that reference to replace that line, or give this line a reference of its own.'
							 ELSE 'Give each line its reference (its 세부사업 or 과제 number): a line loaded again with the same reference replaces its amount, so a load can be run twice.' END;
	END IF;

	IF v_reference IS NULL THEN
		INSERT INTO @extschema@.allocation (program_id, province_code, fiscal_year, amount, phase, note, municipality_code)
		VALUES (v_program, v_province, NEW.fiscal_year, v_amount, v_phase, NEW.note, v_municipality);
		inserted := true;
	ELSIF v_province IS NOT NULL THEN
		-- a line with a reference replaces what was loaded under it before
		INSERT INTO @extschema@.allocation AS a (program_id, province_code, fiscal_year, amount, phase, note, reference, municipality_code)
		VALUES (v_program, v_province, NEW.fiscal_year, v_amount, v_phase, NEW.note, v_reference, v_municipality)
		ON CONFLICT (province_code, fiscal_year, phase, program_id, reference)
			WHERE reference IS NOT NULL AND province_code IS NOT NULL
		DO UPDATE SET amount = EXCLUDED.amount, municipality_code = EXCLUDED.municipality_code, note = EXCLUDED.note
		RETURNING a.xmax = 0 INTO inserted;
	ELSE
		INSERT INTO @extschema@.allocation AS a (program_id, province_code, fiscal_year, amount, phase, note, reference, municipality_code)
		VALUES (v_program, NULL, NEW.fiscal_year, v_amount, v_phase, NEW.note, v_reference, v_municipality)
		ON CONFLICT (fiscal_year, phase, program_id, reference)
			WHERE reference IS NOT NULL AND province_code IS NULL
		DO UPDATE SET amount = EXCLUDED.amount, municipality_code = EXCLUDED.municipality_code, note = EXCLUDED.note
		RETURNING a.xmax = 0 INTO inserted;
	END IF;
	PERFORM @extschema@.allocation_load_count(inserted);
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.allocation_entry_insert() IS
'INSTEAD OF INSERT on allocation_entry: resolves program and province, reads the amount, and inserts the line, or replaces the line of the same programme, province, year, phase and reference';
CREATE TRIGGER allocation_entry_insert INSTEAD OF INSERT ON @extschema@.allocation_entry
	FOR EACH ROW EXECUTE FUNCTION @extschema@.allocation_entry_insert();

-- Once per statement: "allocation_entry: 62 lines inserted, 2 replaced".
CREATE FUNCTION @extschema@.allocation_entry_tally()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	s record;
BEGIN
	IF TG_WHEN = 'BEFORE' THEN
		PERFORM @extschema@.allocation_load_begin();
	ELSE
		PERFORM @extschema@.allocation_load_end();
		s := @extschema@.allocation_load_summary();
		RAISE NOTICE 'allocation_entry: % % inserted, % replaced', s.inserted,
			CASE WHEN s.inserted = 1 THEN 'line' ELSE 'lines' END, s.replaced
			USING DETAIL = 'regionpolicy.allocation_load_summary() returns these counts.';
	END IF;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.allocation_entry_tally() IS
'statement trigger on allocation_entry: starts the tally of a load, and reports once per statement how many lines it inserted and replaced';
CREATE TRIGGER allocation_entry_tally_begin BEFORE INSERT ON @extschema@.allocation_entry
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.allocation_entry_tally();
CREATE TRIGGER allocation_entry_tally_end AFTER INSERT ON @extschema@.allocation_entry
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.allocation_entry_tally();
