-- regionpolicy 1.2.0 to 1.3.0 (NEWS.md): every won placed once (line
-- identity, the load summary, keys instead of triggers, load_allocations);
-- the 2026 merger of 전라남도 and 광주광역시 through to FY2027 differential
-- funding; who may write what; grants (awards under support terms); plain
-- columns, Korean labels and accessors for BI tools (doc/regionpolicy.md:
-- "Loading, reports and regions over time", "Access control", "Grants",
-- "BI tools and spreadsheets").
\echo Use "ALTER EXTENSION regionpolicy UPDATE TO '1.3.0'" to load this file. \quit

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


-- Reference rows may be written only by the extension's own scripts, which
-- create the triggers after loading them (and disable them in upgrades).
-- The policy tables' message speaks of years: their shipped defaults are
-- the rows with valid_from 0.  Since 1.3.0 tables of reference data mark
-- their shipped rows (shipped = true), so that rows administrators add are
-- theirs.  (CREATE OR REPLACE: the same definition replaces the previous
-- version's in an upgrade.)
CREATE OR REPLACE FUNCTION @extschema@.reference_guard()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	-- TG_ARGV[0]: 'all' (every row is reference data), 'shipped' (rows with
	-- shipped = true are), 'valid_from' (a policy table whose shipped
	-- default is valid_from 0), or the name of an integer key column below
	-- 1000 for reference rows.
	IF TG_ARGV[0] = 'valid_from' AND TG_OP <> 'TRUNCATE' THEN
		IF (TG_OP <> 'INSERT' AND (to_jsonb(OLD) ->> 'valid_from')::integer = 0)
		   OR (TG_OP <> 'DELETE' AND (to_jsonb(NEW) ->> 'valid_from')::integer = 0) THEN
			RAISE EXCEPTION 'cannot % the shipped default policy in table %', lower(TG_OP), TG_TABLE_NAME
				USING ERRCODE = 'insufficient_privilege',
					  DETAIL = 'The rows with valid_from 0 are the illustrative defaults shipped with regionpolicy; they are read-only.',
					  HINT = 'To set the policy from a fiscal year on, insert rows with valid_from = that year (for example 2024); they apply from that year until a later year''s rows.';
		END IF;
		RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
	END IF;
	IF TG_ARGV[0] = 'shipped' AND TG_OP <> 'TRUNCATE' THEN
		IF (TG_OP <> 'INSERT' AND (to_jsonb(OLD) ->> 'shipped')::boolean)
		   OR (TG_OP <> 'DELETE' AND (to_jsonb(NEW) ->> 'shipped')::boolean) THEN
			RAISE EXCEPTION 'cannot % reference data in table %', lower(TG_OP), TG_TABLE_NAME
				USING ERRCODE = 'insufficient_privilege',
					  DETAIL = 'Rows shipped with regionpolicy (shipped = true) are read-only, and no other row can be marked shipped.',
					  HINT = 'Add your own rows instead (they are yours to change, and pg_dump keeps them); report errors in reference data upstream.';
		END IF;
		RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
	END IF;
	IF TG_OP = 'TRUNCATE' OR TG_ARGV[0] = 'all'
	   OR (TG_OP <> 'INSERT' AND (to_jsonb(OLD) ->> TG_ARGV[0])::bigint < 1000)
	   OR (TG_OP <> 'DELETE' AND (to_jsonb(NEW) ->> TG_ARGV[0])::bigint < 1000) THEN
		RAISE EXCEPTION 'cannot % reference data in table %', lower(TG_OP), TG_TABLE_NAME
			USING ERRCODE = 'insufficient_privilege',
				  DETAIL = 'Rows shipped with regionpolicy are read-only'
						   || CASE WHEN TG_ARGV[0] = 'all' THEN '.'
								   ELSE format('; %s values below 1000 are reserved for them.', TG_ARGV[0]) END,
				  HINT = 'Add your own rows instead; report errors in reference data upstream.';
	END IF;
	RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END
$$;
COMMENT ON FUNCTION @extschema@.reference_guard() IS
'trigger: refuses writes to reference rows shipped with the extension (SQLSTATE 42501)';

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
-- province, so that a NULL province is a key like any other.  Each key
-- leads with its most varied column (the reference, or the amount), so that
-- an insert compares one column at most steps: a key's order costs every
-- load (bench/README.md).

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
	ON @extschema@.allocation (reference, province_code, fiscal_year, phase, program_id)
	WHERE reference IS NOT NULL AND province_code IS NOT NULL;
CREATE UNIQUE INDEX allocation_national_line_key
	ON @extschema@.allocation (reference, fiscal_year, phase, program_id)
	WHERE reference IS NOT NULL AND province_code IS NULL;
CREATE UNIQUE INDEX allocation_unreferenced_line_key
	ON @extschema@.allocation (amount, province_code, fiscal_year, phase, program_id, (coalesce(municipality_code, '')))
	WHERE reference IS NULL AND province_code IS NOT NULL;
CREATE UNIQUE INDEX allocation_unreferenced_national_line_key
	ON @extschema@.allocation (amount, fiscal_year, phase, program_id, (coalesce(municipality_code, '')))
	WHERE reference IS NULL AND province_code IS NULL;
-- One bigint for a line's province, fiscal year, phase, programme and
-- amount (src/line.c): allocation_entry and load_allocations find a line
-- identical to another by one probe of this index, then compare the columns.
-- An index of plain integers costs a load far less than one of the columns.
CREATE FUNCTION @extschema@.line_hash(province_code text, fiscal_year integer, phase text, program_id integer,
									  amount @extschema@.funding)
RETURNS bigint AS 'MODULE_PATHNAME', 'allocation_line_hash'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.line_hash(text, integer, text, integer, @extschema@.funding) IS
'a hash of a line''s province, fiscal year, phase, programme and amount, for the look-up of an identical line';
CREATE INDEX allocation_line_hash_idx
	ON @extschema@.allocation (@extschema@.line_hash(province_code, fiscal_year, phase, program_id, amount));
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

-- What allocation_entry and load_allocations share: each value of a line
-- resolved, or refused with an error that names it and the line.

-- The programme: its name within the fiscal year, or its id.
CREATE FUNCTION @extschema@.entry_program(program text, fiscal_year integer, line text)
RETURNS integer
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	v_program integer;
	n_programs bigint;
	candidates text;
BEGIN
	IF fiscal_year IS NULL THEN
		RAISE EXCEPTION 'fiscal_year is missing (%)', line
			USING ERRCODE = 'not_null_violation';
	END IF;
	IF program IS NULL OR btrim(program) = '' THEN
		RAISE EXCEPTION 'program is missing (%)', line
			USING ERRCODE = 'not_null_violation';
	END IF;
	IF btrim(program) ~ '^[0-9]+$' THEN
		SELECT g.id INTO v_program FROM @extschema@.program g
		WHERE g.id = btrim(entry_program.program)::integer AND g.fiscal_year = entry_program.fiscal_year;
	ELSE
		SELECT min(g.id), count(*), string_agg(format('%s (%s, id %s)', g.name_ko, g.ministry, g.id), '; ' ORDER BY g.id)
		  INTO v_program, n_programs, candidates
		FROM @extschema@.program g
		WHERE g.name_ko = btrim(entry_program.program) AND g.fiscal_year = entry_program.fiscal_year;
		IF n_programs > 1 THEN
			RAISE EXCEPTION 'program "%" is ambiguous in fiscal year % (%)', program, fiscal_year, line
				USING ERRCODE = 'ambiguous_parameter',
					  DETAIL = format('Programs of that name: %s.', candidates),
					  HINT = 'Give the program''s id instead of its name.';
		END IF;
	END IF;
	IF v_program IS NULL THEN
		RAISE EXCEPTION 'no program "%" in fiscal year % (%)', program, fiscal_year, line
			USING ERRCODE = 'foreign_key_violation',
				  DETAIL = coalesce('Programs of that year: ' || (
					  SELECT string_agg(format('%s (id %s)', g.name_ko, g.id), ', ' ORDER BY g.id)
					  FROM (SELECT * FROM @extschema@.program p WHERE p.fiscal_year = entry_program.fiscal_year ORDER BY id LIMIT 12) g) || '.',
					  format('There are no programs for fiscal year %s yet.', fiscal_year)),
				  HINT = 'Add the program first: INSERT INTO regionpolicy.program (ministry, fiscal_year, name_ko) VALUES (…).';
	END IF;
	RETURN v_program;
END
$$;
COMMENT ON FUNCTION @extschema@.entry_program(text, integer, text) IS
'the programme a line names (its name within the fiscal year, or its id), or an error naming the line';

-- The province and 시·군·구: any name or code of the province (the line's
-- date decides a name in a year its meaning changed); the 시·군·구 by name
-- (with or without its province) or code, lying in that province then.
CREATE FUNCTION @extschema@.entry_region(province text, municipality text, fiscal_year integer, as_of date, line text,
										 OUT province_code text, OUT municipality_code text)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF province IS NOT NULL AND btrim(province) <> '' THEN
		province_code := @extschema@.province_code_in_year(province, fiscal_year, as_of, line);
	END IF;
	IF municipality IS NULL OR btrim(municipality) = '' THEN
		RETURN;
	END IF;
	municipality_code := @extschema@.municipality_code(
		CASE WHEN province_code IS NOT NULL AND btrim(municipality) !~ '^[0-9]{5}$' AND position(' ' IN btrim(municipality)) = 0
			 THEN province_code || ' ' || btrim(municipality) ELSE municipality END,
		coalesce(as_of,
				 greatest(make_date(fiscal_year, 1, 1),
						  (SELECT v.valid_from FROM @extschema@.province v WHERE v.code = entry_region.province_code))));
	IF province_code IS NULL THEN
		province_code := (SELECT m.province_code FROM @extschema@.municipality m WHERE m.code = entry_region.municipality_code);
	ELSIF NOT EXISTS (SELECT 1 FROM @extschema@.municipality_year y
					  WHERE y.municipality_code = entry_region.municipality_code
						AND y.province_code = entry_region.province_code AND y.fiscal_year = entry_region.fiscal_year) THEN
		RAISE EXCEPTION 'municipality % is not in province % in fiscal year % (%)', municipality_code, province_code,
			fiscal_year, line
			USING ERRCODE = 'check_violation',
				  DETAIL = (SELECT format('%s (%s) lies in province %s from %s%s.', m.code, m.name_ko, m.province_code,
										  coalesce(m.valid_from::text, 'before 2023'), coalesce(' until ' || (m.valid_to - 1)::text, ''))
							FROM @extschema@.municipality m WHERE m.code = entry_region.municipality_code),
				  HINT = 'A line''s 시·군·구 must lie in its province in its fiscal year; give the 시·군·구 of that province, or leave the province out.';
	END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.entry_region(text, text, integer, date, text) IS
'the province and 시·군·구 codes a line names in its fiscal year (as_of deciding a name whose meaning changed that year), or an error naming the line';

-- The money: a text amount, or national and local numbers in a unit.
CREATE FUNCTION @extschema@.entry_amount(amount text, "national" text, local text, unit text, line text)
RETURNS @extschema@.funding
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF amount IS NOT NULL AND ("national" IS NOT NULL OR local IS NOT NULL) THEN
		RAISE EXCEPTION 'give either amount or national and local, not both (%)', line
			USING ERRCODE = 'invalid_parameter_value';
	ELSIF amount IS NOT NULL THEN
		IF unit IS NOT NULL THEN
			RAISE EXCEPTION 'unit applies to national and local numbers, not to a text amount (%)', line
				USING ERRCODE = 'invalid_parameter_value',
					  HINT = 'Write the unit inside the amount: ''국비 929억원, 지방비 433억원''.';
		END IF;
		RETURN amount::@extschema@.funding;
	ELSIF "national" IS NOT NULL OR local IS NOT NULL THEN
		RETURN @extschema@.funding(coalesce("national", '0'), coalesce(local, '0'), coalesce(unit, '원'));
	END IF;
	RAISE EXCEPTION 'no amount (%)', line
		USING ERRCODE = 'not_null_violation',
			  HINT = 'Give amount (text such as ''국비 929억원, 지방비 433억원'') or national and local numbers with their unit.';
END
$$;
COMMENT ON FUNCTION @extschema@.entry_amount(text, text, text, text, text) IS
'the funding value a line gives (amount as text, or national and local numbers in a unit), or an error naming the line';

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
	v_province text;
	v_amount @extschema@.funding;
	v_phase text := coalesce(NEW.phase, 'planned');
	v_municipality text;
	twin_id bigint;
	twin_reference text;
	inserted boolean;
BEGIN
	v_program := @extschema@.entry_program(NEW.program, NEW.fiscal_year, row_text);
	SELECT r.province_code, r.municipality_code INTO v_province, v_municipality
	FROM @extschema@.entry_region(NEW.province, NEW.municipality, NEW.fiscal_year, NEW.as_of, row_text) r;
	v_amount := @extschema@.entry_amount(NEW.amount, NEW."national", NEW.local, NEW.unit, row_text);

	-- A line identical to one already there (programme, province, year,
	-- phase, 시·군·구 and amount) would double the total when one of the two
	-- has no reference: a load run again without references, or run with
	-- references after one without.  (Two identical loads without a
	-- reference at once are refused by the unique index itself.)
	-- (one probe of allocation_line_hash_idx)
	SELECT a.id, a.reference INTO twin_id, twin_reference
	FROM @extschema@.allocation a
	WHERE @extschema@.line_hash(a.province_code, a.fiscal_year, a.phase, a.program_id, a.amount)
		  = @extschema@.line_hash(v_province, NEW.fiscal_year, v_phase, v_program, v_amount)
	  AND a.province_code IS NOT DISTINCT FROM v_province
	  AND a.fiscal_year = NEW.fiscal_year AND a.phase = v_phase AND a.program_id = v_program
	  AND a.amount OPERATOR(@extschema@.=) v_amount
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

-- load_allocations: the lines of a table at once --------------------------------

-- The same lines allocation_entry takes, with the same rules and errors,
-- read from a table (COPY a file into a table LIKE allocation_entry, then
-- load it) and written set-based: each programme, province and 시·군·구 is
-- looked up once per load, not once per line, and the lines go into
-- allocation in three INSERTs.  All or nothing, like any statement.
CREATE FUNCTION @extschema@.load_allocations(lines regclass, OUT inserted bigint, OUT replaced bigint)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	bad record;
	n bigint;
	r bigint;
BEGIN
	IF to_regclass('pg_temp.rp_resolved') IS NOT NULL THEN
		DROP TABLE IF EXISTS pg_temp.rp_lines, pg_temp.rp_programs, pg_temp.rp_regions, pg_temp.rp_resolved;
	END IF;
	-- The lines, numbered once; each programme, province and 시·군·구 looked
	-- up once, the error naming the first line that gives it; the amount
	-- read by the type's input (or from numbers in a unit).
	EXECUTE format($q$
		CREATE TEMP TABLE rp_lines ON COMMIT DROP AS
		SELECT row_number() OVER () AS line, s.program, s.province, s.fiscal_year, coalesce(s.phase, 'planned') AS phase,
			   s.amount, s."national", s.local, s.unit, s.reference AS given_reference,
			   nullif(btrim(s.reference, E' \t\r\n\f\v' || '　'), '') AS reference,	-- reference_trim, inline
			   s.note, s.municipality, s.as_of
		FROM %s AS s$q$, lines);
	CREATE TEMP TABLE rp_programs ON COMMIT DROP AS
	SELECT l.program, l.fiscal_year,
		   @extschema@.entry_program(l.program, l.fiscal_year,
									 format('line %s: program %L, fiscal year %s', min(l.line), l.program, l.fiscal_year)) AS program_id
	FROM rp_lines l
	GROUP BY l.program, l.fiscal_year;
	CREATE TEMP TABLE rp_regions ON COMMIT DROP AS
	SELECT k.province, k.municipality, k.fiscal_year, k.as_of, g.province_code, g.municipality_code
	FROM (SELECT l.province, l.municipality, l.fiscal_year, l.as_of, min(l.line) AS line
		  FROM rp_lines l GROUP BY l.province, l.municipality, l.fiscal_year, l.as_of) k,
		 LATERAL @extschema@.entry_region(k.province, k.municipality, k.fiscal_year, k.as_of,
				format('line %s: province %L, municipality %L, fiscal year %s', k.line, k.province, k.municipality,
					   k.fiscal_year)) g;
	CREATE TEMP TABLE rp_resolved ON COMMIT DROP AS
	SELECT r.*, @extschema@.line_hash(r.province_code, r.fiscal_year, r.phase, r.program_id, r.amount) AS h
	FROM (SELECT l.line, p.program_id, g.province_code, l.fiscal_year, l.phase,
				 CASE WHEN l.amount IS NOT NULL AND l."national" IS NULL AND l.local IS NULL AND l.unit IS NULL
					  THEN l.amount::@extschema@.funding
					  ELSE @extschema@.entry_amount(l.amount, l."national", l.local, l.unit,
							  format('line %s: program %L, province %L, fiscal year %s, reference %L',
									 l.line, l.program, l.province, l.fiscal_year, l.given_reference)) END AS amount,
				 l.note, l.reference, g.municipality_code, l.program AS given_program, l.province AS given_province,
				 l.given_reference
		  FROM rp_lines l
			   JOIN rp_programs p ON p.program = l.program AND p.fiscal_year = l.fiscal_year
			   JOIN rp_regions g ON coalesce(g.province, '') = coalesce(l.province, '')
								AND coalesce(g.municipality, '') = coalesce(l.municipality, '')
								AND g.fiscal_year = l.fiscal_year
								AND coalesce(g.as_of, 'infinity') = coalesce(l.as_of, 'infinity')) r;
	ANALYZE rp_resolved;


	-- a line identical to one already there, where one of the two has no
	-- reference: a load run again without references, or with references
	-- after one without, would double the total (by line_hash: a probe of
	-- allocation_line_hash_idx per line, or one pass, as the planner finds
	-- cheaper)
	SELECT format('line %s: program %L, province %L, fiscal year %s, reference %L',
				  x.line, x.given_program, x.given_province, x.fiscal_year, x.given_reference) AS line_text,
		   x.reference AS new_reference, t.id, t.reference AS old_reference, x.phase, x.amount
	  INTO bad
	FROM rp_resolved x
		 JOIN @extschema@.allocation t
		   ON @extschema@.line_hash(t.province_code, t.fiscal_year, t.phase, t.program_id, t.amount) = x.h
			  AND t.province_code IS NOT DISTINCT FROM x.province_code
			  AND t.fiscal_year = x.fiscal_year AND t.phase = x.phase AND t.program_id = x.program_id
			  AND t.amount OPERATOR(@extschema@.=) x.amount
			  AND coalesce(t.municipality_code, '') = coalesce(x.municipality_code, '')
			  AND (x.reference IS NULL OR t.reference IS NULL)
	ORDER BY x.line LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION 'allocation already recorded: %, phase %, amount %', bad.line_text, bad.phase, bad.amount
			USING ERRCODE = 'unique_violation',
				  DETAIL = CASE WHEN bad.new_reference IS NOT NULL
							   THEN format('An identical line without a reference is already there (allocation %s); loading this one beside it would double the total.', bad.id)
							   WHEN bad.old_reference IS NOT NULL
							   THEN format('An identical line is already there under reference %L; loading this one too would double the total.', bad.old_reference)
							   ELSE 'An identical line without a reference is already there; loading it again would double the total.' END,
				  HINT = 'Give each line its reference (its 세부사업 or 과제 number): a line loaded again with the same reference replaces its amount, so a load can be run twice.';
	END IF;

	-- Into allocation, in three INSERTs.  The same line twice in one load is
	-- refused by a key (23505, or 21000 for a reference given twice): which
	-- two lines, the handler finds out.
	BEGIN
		WITH w AS (
			INSERT INTO @extschema@.allocation AS a (program_id, province_code, fiscal_year, amount, phase, note, reference, municipality_code)
			SELECT x.program_id, x.province_code, x.fiscal_year, x.amount, x.phase, x.note, x.reference, x.municipality_code
			FROM rp_resolved x WHERE x.reference IS NOT NULL AND x.province_code IS NOT NULL
			ON CONFLICT (province_code, fiscal_year, phase, program_id, reference)
				WHERE reference IS NOT NULL AND province_code IS NOT NULL
			DO UPDATE SET amount = EXCLUDED.amount, municipality_code = EXCLUDED.municipality_code, note = EXCLUDED.note
			RETURNING a.xmax = 0 AS fresh)
		SELECT count(*) FILTER (WHERE fresh), count(*) FILTER (WHERE NOT fresh) INTO inserted, replaced FROM w;
		-- (lines of no single province only where there are some: a
		-- distributed allocation has no key for them)
		IF EXISTS (SELECT 1 FROM rp_resolved x WHERE x.reference IS NOT NULL AND x.province_code IS NULL) THEN
			WITH w AS (
				INSERT INTO @extschema@.allocation AS a (program_id, province_code, fiscal_year, amount, phase, note, reference, municipality_code)
				SELECT x.program_id, NULL, x.fiscal_year, x.amount, x.phase, x.note, x.reference, x.municipality_code
				FROM rp_resolved x WHERE x.reference IS NOT NULL AND x.province_code IS NULL
				ON CONFLICT (fiscal_year, phase, program_id, reference)
					WHERE reference IS NOT NULL AND province_code IS NULL
				DO UPDATE SET amount = EXCLUDED.amount, municipality_code = EXCLUDED.municipality_code, note = EXCLUDED.note
				RETURNING a.xmax = 0 AS fresh)
			SELECT count(*) FILTER (WHERE fresh), count(*) FILTER (WHERE NOT fresh) INTO n, r FROM w;
			inserted := inserted + n;
			replaced := replaced + r;
		END IF;
		INSERT INTO @extschema@.allocation (program_id, province_code, fiscal_year, amount, phase, note, municipality_code)
		SELECT x.program_id, x.province_code, x.fiscal_year, x.amount, x.phase, x.note, x.municipality_code
		FROM rp_resolved x WHERE x.reference IS NULL;
		GET DIAGNOSTICS n = ROW_COUNT;
		inserted := inserted + n;
	EXCEPTION WHEN unique_violation OR cardinality_violation THEN
		SELECT d.first, d.second, format('line %s: program %L, province %L, fiscal year %s, reference %L',
										 x.line, x.given_program, x.given_province, x.fiscal_year, x.given_reference) AS line_text
		  INTO bad
		FROM (SELECT min(line) AS first, max(line) AS second
			  FROM rp_resolved
			  GROUP BY province_code, fiscal_year, phase, program_id, reference,
					   CASE WHEN reference IS NULL THEN coalesce(municipality_code, '') END,
					   CASE WHEN reference IS NULL THEN amount END
			  HAVING count(*) > 1
			  ORDER BY 1 LIMIT 1) d
			 JOIN rp_resolved x ON x.line = d.first;
		IF FOUND THEN
			RAISE EXCEPTION 'lines % and % of the load are the same line (%)', bad.first, bad.second, bad.line_text
				USING ERRCODE = 'unique_violation',
					  DETAIL = 'They have the same programme, province, fiscal year and phase, and the same reference or, without one, the same 시·군·구 and amount.',
					  HINT = 'Give each line its own reference, or load the line once.';
		END IF;
		RAISE;
	END;
	DROP TABLE rp_lines, rp_programs, rp_regions, rp_resolved;
	RAISE NOTICE 'load_allocations: % % inserted, % replaced', inserted,
		CASE WHEN inserted = 1 THEN 'line' ELSE 'lines' END, replaced;
END
$$;
COMMENT ON FUNCTION @extschema@.load_allocations(regclass) IS
'loads the lines of a table with allocation_entry''s columns, as allocation_entry would, set-based: returns how many lines it inserted and replaced';

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
-- (reference_guard('shipped'): above.)

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
							 THEN @extschema@.in_language(format('자가진단 점수 %s점이 기준 %s점에 못 미침', d.self_score, k.min_self_score),
														  format('self-diagnosis score %s is below %s', d.self_score, k.min_self_score)) END,
						CASE WHEN k.rnd_body_required AND NOT d.has_rnd_body
							 THEN @extschema@.in_language('R&D를 기획·평가·관리할 전담 조직 없음',
														  'no body to plan, evaluate and manage R&D') END), '')
			   END AS refusal) AS r;
COMMENT ON VIEW @extschema@.cluster_stages IS
'each diagnosed cluster and year, with the province it belongs to that year: the stage it asked for, the stage it gets (2 only when asked for and the criteria are met), and why a stage-2 request was refused';

CREATE OR REPLACE VIEW @extschema@.cluster_compliance AS
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
DROP FUNCTION IF EXISTS @extschema@.allocate_differential_funding(integer, integer, bigint, bigint, text, boolean);
DROP FUNCTION IF EXISTS @extschema@.allocate_differential_funding(integer, integer, text, text, text, boolean);
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

-- Who writes what (doc/regionpolicy.md, "Access control").
--
-- Stewards write their own provinces' allocations and diagnoses with the
-- documented privileges: INSERT, and UPDATE of the columns they may change,
-- never table-wide UPDATE or DELETE.  PostgreSQL lets a role that holds
-- table-wide UPDATE, DELETE or TRUNCATE take any table lock, ACCESS
-- EXCLUSIVE included, which would block every province's writers and all
-- readers; with INSERT and column privileges a steward can take at most ROW
-- EXCLUSIVE, which blocks nobody's reads or writes, and row locks reach
-- only its own provinces' rows (the UPDATE policy).  A steward deletes
-- through delete_allocation() and delete_cluster_diagnosis().
--
-- cluster_evaluation is the ministry's: only members of the role
-- regionpolicy_evaluator write it, and never for a cluster of a province
-- they steward.  The answer for another province's row is the same
-- everywhere: an UPDATE reaches only the rows one may write (UPDATE 0 for
-- others'), an insert, a delete or a move of another province's row is
-- refused with 42501.

-- 1.2.0's policies named the cluster's designated province; from 1.3.0 a
-- diagnosis belongs to the province the cluster belongs to in its year.
DROP TRIGGER IF EXISTS steward_guard ON @extschema@.allocation;
DROP TRIGGER IF EXISTS steward_guard ON @extschema@.cluster_diagnosis;
DROP TRIGGER IF EXISTS steward_guard ON @extschema@.cluster_evaluation;
DROP POLICY IF EXISTS steward_insert ON @extschema@.cluster_diagnosis;
DROP POLICY IF EXISTS steward_update ON @extschema@.cluster_diagnosis;
DROP POLICY IF EXISTS steward_delete ON @extschema@.cluster_diagnosis;
DROP POLICY IF EXISTS steward_insert ON @extschema@.cluster_evaluation;
DROP POLICY IF EXISTS steward_update ON @extschema@.cluster_evaluation;
DROP POLICY IF EXISTS steward_delete ON @extschema@.cluster_evaluation;
DROP FUNCTION IF EXISTS @extschema@.cluster_province(integer);

-- A diagnosis's province: its cluster's in the diagnosis's year.
CREATE POLICY steward_insert ON @extschema@.cluster_diagnosis FOR INSERT
	WITH CHECK (@extschema@.is_steward_of(@extschema@.cluster_province(cluster_id, fiscal_year)));
CREATE POLICY steward_update ON @extschema@.cluster_diagnosis FOR UPDATE
	USING (@extschema@.is_steward_of(@extschema@.cluster_province(cluster_id, fiscal_year)))
	WITH CHECK (@extschema@.is_steward_of(@extschema@.cluster_province(cluster_id, fiscal_year)));
CREATE POLICY steward_delete ON @extschema@.cluster_diagnosis FOR DELETE USING (true);

-- Under row-level security a DELETE could only skip the rows a policy
-- hides; to refuse (42501) rather than silently skip another province's
-- rows, the DELETE policies let writers see every row and this trigger
-- checks the old row.  It acts only where row-level security applies to
-- the current user (a role granted DELETE beyond the documented
-- privileges).
CREATE OR REPLACE FUNCTION @extschema@.steward_guard()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	old_province text;
BEGIN
	IF NOT pg_catalog.row_security_active(TG_RELID) THEN
		RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
	END IF;
	-- (plpgsql compiles trigger functions per table, so each branch only
	-- ever meets its own row type)
	IF TG_TABLE_NAME IN ('allocation', 'award') THEN
		old_province := OLD.province_code;
	ELSIF TG_TABLE_NAME = 'award_year' THEN
		old_province := @extschema@.award_province(OLD.award_id);
	ELSE
		old_province := @extschema@.cluster_province(OLD.cluster_id, OLD.fiscal_year);
	END IF;
	IF NOT @extschema@.is_steward_of(old_province) THEN
		RAISE EXCEPTION 'permission denied to % a row of province % in %', lower(TG_OP),
			coalesce(old_province, '(none)'), TG_TABLE_NAME
			USING ERRCODE = 'insufficient_privilege',
				  HINT = 'Only members of the province''s steward role (see province_steward) may change its rows.';
	END IF;
	RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END
$$;
COMMENT ON FUNCTION @extschema@.steward_guard() IS
'trigger: under row-level security, refuses (42501) updates and deletes of rows of provinces the user does not steward';
CREATE TRIGGER steward_guard BEFORE UPDATE OR DELETE ON @extschema@.allocation
	FOR EACH ROW EXECUTE FUNCTION @extschema@.steward_guard();
CREATE TRIGGER steward_guard BEFORE UPDATE OR DELETE ON @extschema@.cluster_diagnosis
	FOR EACH ROW EXECUTE FUNCTION @extschema@.steward_guard();

-- The evaluation is the ministry's ---------------------------------------------------

CREATE FUNCTION @extschema@.is_evaluator()
RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_roles r
				   WHERE r.rolname = 'regionpolicy_evaluator' AND pg_catalog.pg_has_role(r.oid, 'MEMBER'))
$$;
COMMENT ON FUNCTION @extschema@.is_evaluator() IS
'true when the current user is a member of the role regionpolicy_evaluator (which the administrator creates)';

CREATE POLICY evaluator_insert ON @extschema@.cluster_evaluation FOR INSERT
	WITH CHECK (@extschema@.is_evaluator()
				AND NOT @extschema@.is_steward_of(@extschema@.cluster_province(cluster_id, fiscal_year)));
CREATE POLICY evaluator_update ON @extschema@.cluster_evaluation FOR UPDATE
	USING (@extschema@.is_evaluator()
		   AND NOT @extschema@.is_steward_of(@extschema@.cluster_province(cluster_id, fiscal_year)))
	WITH CHECK (@extschema@.is_evaluator()
				AND NOT @extschema@.is_steward_of(@extschema@.cluster_province(cluster_id, fiscal_year)));
CREATE POLICY evaluator_delete ON @extschema@.cluster_evaluation FOR DELETE
	USING (@extschema@.is_evaluator()
		   AND NOT @extschema@.is_steward_of(@extschema@.cluster_province(cluster_id, fiscal_year)));
COMMENT ON TABLE @extschema@.cluster_evaluation IS
'the performance evaluation (성과평가) of a cluster for a fiscal year, score 0 to 100; it decides the cluster''s grade. Written by members of regionpolicy_evaluator, never by a steward of the cluster''s province';

-- Deletes by stewards ------------------------------------------------------------------

-- These run as the extension's owner, so that stewards need no DELETE
-- privilege (which would let them lock the whole table).  They act for the
-- session's login role (session_user): a session can become any role that
-- role is a member of, so they give it no right it does not already have.
CREATE FUNCTION @extschema@.session_stewards(province_code text)
RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT EXISTS (
		SELECT 1
		FROM @extschema@.province_steward s
			 JOIN pg_catalog.pg_roles r ON r.rolname = s.role_name
		WHERE s.province_code = session_stewards.province_code
		  AND pg_catalog.pg_has_role(session_user, r.oid, 'MEMBER'))
$$;
COMMENT ON FUNCTION @extschema@.session_stewards(text) IS
'true when the session''s login role is a member of a role that stewards the province (false for NULL)';

CREATE FUNCTION @extschema@.delete_allocation(allocation_id bigint)
RETURNS boolean
LANGUAGE plpgsql VOLATILE STRICT SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	p text;
BEGIN
	-- the line's province first, then the line locked by id and province (a
	-- distributed allocation is reached by its province)
	SELECT a.province_code INTO p FROM @extschema@.allocation a WHERE a.id = allocation_id;
	IF NOT FOUND THEN
		RETURN false;
	END IF;
	IF p IS NULL THEN
		PERFORM 1 FROM @extschema@.allocation a WHERE a.id = allocation_id AND a.province_code IS NULL FOR UPDATE;
	ELSE
		PERFORM 1 FROM @extschema@.allocation a WHERE a.id = allocation_id AND a.province_code = p FOR UPDATE;
	END IF;
	IF NOT FOUND THEN
		RETURN false;			-- moved or deleted meanwhile
	END IF;
	IF NOT @extschema@.session_stewards(p) THEN
		RAISE EXCEPTION 'permission denied to delete allocation % of province %', allocation_id, coalesce(p, '(none)')
			USING ERRCODE = 'insufficient_privilege',
				  HINT = 'Only members of the province''s steward role (see province_steward) may delete its rows; lines of no single province are the owner''s.';
	END IF;
	IF p IS NULL THEN
		DELETE FROM @extschema@.allocation a WHERE a.id = allocation_id AND a.province_code IS NULL;
	ELSE
		DELETE FROM @extschema@.allocation a WHERE a.id = allocation_id AND a.province_code = p;
	END IF;
	RETURN true;
END
$$;
COMMENT ON FUNCTION @extschema@.delete_allocation(bigint) IS
'deletes an allocation of a province the session''s role stewards (42501 for any other); false when there is no such allocation';

CREATE FUNCTION @extschema@.delete_cluster_diagnosis(cluster_id integer, fiscal_year integer)
RETURNS boolean
LANGUAGE plpgsql VOLATILE STRICT SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	p text := @extschema@.cluster_province(delete_cluster_diagnosis.cluster_id, delete_cluster_diagnosis.fiscal_year);
BEGIN
	IF NOT EXISTS (SELECT 1 FROM @extschema@.cluster_diagnosis d
				   WHERE d.cluster_id = delete_cluster_diagnosis.cluster_id
					 AND d.fiscal_year = delete_cluster_diagnosis.fiscal_year) THEN
		RETURN false;
	END IF;
	IF NOT @extschema@.session_stewards(p) THEN
		RAISE EXCEPTION 'permission denied to delete the diagnosis of cluster % for fiscal year % (province %)',
			delete_cluster_diagnosis.cluster_id, delete_cluster_diagnosis.fiscal_year, coalesce(p, '(none)')
			USING ERRCODE = 'insufficient_privilege',
				  HINT = 'Only members of the province''s steward role (see province_steward) may delete its diagnoses.';
	END IF;
	DELETE FROM @extschema@.cluster_diagnosis d
	WHERE d.cluster_id = delete_cluster_diagnosis.cluster_id AND d.fiscal_year = delete_cluster_diagnosis.fiscal_year;
	RETURN true;
END
$$;
COMMENT ON FUNCTION @extschema@.delete_cluster_diagnosis(integer, integer) IS
'deletes a diagnosis of a cluster of a province the session''s role stewards (42501 for any other); false when there is none';

-- A warning at install time -----------------------------------------------------------

-- Any role that can create objects in a schema on the search path can plant
-- a look-alike of a function or operator that then runs as whoever calls
-- it (PostgreSQL's "secure schema usage pattern").  The path checked is the
-- session's default, which later sessions get too (CREATE EXTENSION runs
-- its script under a search_path of its own).
DO $warn$
DECLARE
	writable text;
BEGIN
	SELECT string_agg(DISTINCT n.nspname, ', ') INTO writable
	FROM pg_catalog.unnest(pg_catalog.string_to_array(
			 (SELECT s.reset_val FROM pg_catalog.pg_settings s WHERE s.name = 'search_path'), ',')) AS e(item)
		 JOIN pg_catalog.pg_namespace n
			  ON n.nspname = pg_catalog.replace(pg_catalog.btrim(pg_catalog.btrim(e.item), '"'), '$user', session_user)
	WHERE pg_catalog.has_schema_privilege('public', n.oid, 'CREATE');
	IF writable IS NOT NULL THEN
		RAISE WARNING 'every role can create objects in schema %, which is on the search path', writable
			USING DETAIL = 'A function or operator planted there can win over regionpolicy''s and run as whoever calls it.',
				  HINT = 'REVOKE CREATE ON SCHEMA public FROM PUBLIC, or leave such schemas off the search path: SET search_path = regionpolicy, "$user" (see the README, "Putting regionpolicy on the search path").';
	END IF;
END
$warn$;

-- 1.2.0's install script wrote the Korean in this function's comments as
-- escapes; the same function, readable.
-- municipality_code(text, as_of): '통영시', '경남 통영시', '경상남도 통영시' or a code.
CREATE OR REPLACE FUNCTION @extschema@.municipality_code(name_or_code text, as_of date DEFAULT CURRENT_DATE)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	wanted text := btrim(regexp_replace(name_or_code, '\s+', ' ', 'g'));
	name text := wanted;
	province text;
	m @extschema@.municipality;
	cur text;
	candidates text;
	n integer;
BEGIN
	IF wanted ~ '^[0-9]{5}$' THEN
		cur := wanted;
		LOOP
			SELECT * INTO m FROM @extschema@.municipality v WHERE v.code = cur;
			IF NOT FOUND THEN
				RAISE EXCEPTION 'unknown municipality code: "%"', name_or_code
					USING ERRCODE = 'invalid_parameter_value';
			END IF;
			EXIT WHEN m.valid_to IS NULL OR m.valid_to > as_of OR m.successor_code IS NULL;
			cur := m.successor_code;
		END LOOP;
		IF (m.valid_from IS NOT NULL AND m.valid_from > as_of) OR (m.valid_to IS NOT NULL AND m.valid_to <= as_of) THEN
			RAISE EXCEPTION 'municipality code "%" was not in use on %', name_or_code, as_of
				USING ERRCODE = 'invalid_parameter_value',
					  DETAIL = format('%s (%s) is valid from %s%s.', m.code, m.name_ko, coalesce(m.valid_from::text, 'before 2023'),
									  coalesce(' until ' || (m.valid_to - 1)::text, '')),
					  HINT = CASE WHEN m.valid_to <= as_of AND m.successor_code IS NULL
								  THEN 'It was split with no single successor; give the municipality of that date by name or code.' END;
		END IF;
		RETURN cur;
	END IF;

	-- a province before the name: "경남 통영시", "경상남도 통영시"
	IF position(' ' IN wanted) > 0 THEN
		province := @extschema@.province_code(split_part(wanted, ' ', 1), as_of);
		name := substr(wanted, position(' ' IN wanted) + 1);
	END IF;
	SELECT count(*), min(v.code),
		   string_agg(format('%s %s (%s)', p.short_ko, v.name_ko, v.code), ', ' ORDER BY p.sort_order, v.code)
	  INTO n, cur, candidates
	FROM @extschema@.municipality v
		 JOIN @extschema@.province p ON p.code = v.province_code
	WHERE v.name_ko = name
	  AND (province IS NULL OR v.province_code = province)
	  AND (v.valid_from IS NULL OR v.valid_from <= as_of) AND (v.valid_to IS NULL OR v.valid_to > as_of);
	IF n = 0 THEN
		RAISE EXCEPTION 'unknown municipality: "%" on %', name_or_code, as_of
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Give its full name (통영시, 중구), optionally after its province (경남 통영시), or its 5-digit code.';
	ELSIF n > 1 THEN
		RAISE EXCEPTION 'municipality "%" is ambiguous on %', name_or_code, as_of
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = format('Candidates: %s.', candidates),
				  HINT = format('Put the province first, e.g. "%s", or give the code.',
								(SELECT p.short_ko FROM @extschema@.province p
								 JOIN @extschema@.municipality v ON v.province_code = p.code WHERE v.name_ko = name
								 ORDER BY p.sort_order LIMIT 1) || ' ' || name);
	END IF;
	RETURN cur;
END
$$;

-- The fiscal years of provinces and 시·군·구 --------------------------------

-- Each province and 시·군·구 with every fiscal year it exists in (on some day
-- of that year), kept from their validity periods by region_years_refresh()
-- (part 4).  Allocations' foreign keys check a line's province and 시·군·구
-- against them: as fast as any key, on every kind of write, and a change of
-- validity that would strand an allocation is refused.
CREATE TABLE @extschema@.province_year (
	province_code text NOT NULL REFERENCES @extschema@.province (code) ON DELETE CASCADE,
	fiscal_year integer NOT NULL,
	PRIMARY KEY (province_code, fiscal_year)
);
COMMENT ON TABLE @extschema@.province_year IS
'every fiscal year (2000 to 2100) in which each province exists on some day: derived from province, read-only; allocation''s province and fiscal year must be one of its rows';
CREATE TABLE @extschema@.municipality_year (
	municipality_code text NOT NULL REFERENCES @extschema@.municipality (code) ON DELETE CASCADE,
	province_code text NOT NULL,
	fiscal_year integer NOT NULL,
	PRIMARY KEY (municipality_code, province_code, fiscal_year)
);
COMMENT ON TABLE @extschema@.municipality_year IS
'every fiscal year (2000 to 2100) in which each 시·군·구 exists on some day, with its province then: derived from municipality, read-only; allocation''s 시·군·구, province and fiscal year must be one of its rows';

-- The fiscal years of provinces and 시·군·구, kept from their validity: each
-- row written recomputes the years of its own code from the row itself, so
-- administrators editing different 시·군·구 at once write different rows of
-- the year tables (two editing the same one wait for each other on its
-- row), and none can undo another's change.  A change that would leave an
-- allocation or an award in a year its province or 시·군·구 no longer has is
-- refused by their foreign keys; the error names one such line.  It runs as
-- the extension's owner, as the tables it writes are read-only to everyone
-- else.
CREATE FUNCTION @extschema@.region_years_refresh()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	-- the trigger's argument names the table: on Citus a trigger fires on a
	-- shard, whose name is not the table's
	tab text := TG_ARGV[0];
	kind text := CASE tab WHEN 'province' THEN '시·도' ELSE '시·군·구' END;
	line record;
	held text;
	year_column text;
	old_province text;		-- a 시·군·구's province, as the row was
	same_place boolean;		-- an update that keeps the code (and province)
BEGIN
	IF TG_OP <> 'INSERT' THEN
		BEGIN
			IF tab = 'province' THEN
				DELETE FROM @extschema@.province_year o
				WHERE o.province_code = OLD.code
				  AND (TG_OP = 'DELETE' OR NEW.code <> OLD.code
					   OR NOT ((NEW.valid_from IS NULL OR NEW.valid_from < make_date(o.fiscal_year + 1, 1, 1))
							   AND (NEW.valid_to IS NULL OR NEW.valid_to > make_date(o.fiscal_year, 1, 1))));
			ELSE
				DELETE FROM @extschema@.municipality_year o
				WHERE o.municipality_code = OLD.code AND o.province_code = OLD.province_code
				  AND (TG_OP = 'DELETE' OR NEW.code <> OLD.code OR NEW.province_code <> OLD.province_code
					   OR NOT ((NEW.valid_from IS NULL OR NEW.valid_from < make_date(o.fiscal_year + 1, 1, 1))
							   AND (NEW.valid_to IS NULL OR NEW.valid_to > make_date(o.fiscal_year, 1, 1))));
			END IF;
		EXCEPTION WHEN foreign_key_violation THEN
			GET STACKED DIAGNOSTICS held = TABLE_NAME;
			-- (a field of the other table's row may not even be named)
			IF tab = 'municipality' THEN
				old_province := OLD.province_code;
				same_place := TG_OP = 'UPDATE' AND NEW.code = OLD.code AND NEW.province_code = OLD.province_code;
			ELSE
				same_place := TG_OP = 'UPDATE' AND NEW.code = OLD.code;
			END IF;
			IF held IS DISTINCT FROM 'allocation' AND held IS DISTINCT FROM 'award' THEN
				RAISE;
			END IF;
			year_column := CASE held WHEN 'award' THEN 'first_year' ELSE 'fiscal_year' END;
			-- one line the change would strand: its year, as the row was
			EXECUTE format('SELECT t.id, t.%1$I AS fiscal_year, t.reference FROM @extschema@.%2$I t
							WHERE t.%3$I = $1 AND ($2 IS NULL OR t.province_code = $2)
							  AND NOT ($3 AND ($4 IS NULL OR $4 < make_date(t.%1$I + 1, 1, 1))
									   AND ($5 IS NULL OR $5 > make_date(t.%1$I, 1, 1)))
							ORDER BY t.%1$I, t.id LIMIT 1',
						   year_column, held,
						   CASE tab WHEN 'province' THEN 'province_code' ELSE 'municipality_code' END)
			  INTO line
			  USING OLD.code, old_province, same_place,
					CASE WHEN TG_OP = 'UPDATE' THEN NEW.valid_from END,
					CASE WHEN TG_OP = 'UPDATE' THEN NEW.valid_to END;
			RAISE EXCEPTION '% % would no longer exist in fiscal year %, where % % lies', kind, OLD.code,
				line.fiscal_year, held, line.id
				USING ERRCODE = 'foreign_key_violation',
					  DETAIL = format('%s %s (fiscal year %s, reference %s) lies in %s %s%s.', initcap(held), line.id,
									  line.fiscal_year, coalesce(line.reference, '(none)'), kind, OLD.code,
									  CASE WHEN old_province IS NOT NULL THEN format(' of province %s', old_province) ELSE '' END),
					  HINT = format('Move or delete the %s lines of the years the change leaves out, or keep %s %s valid in them.',
									held, kind, OLD.code);
		END;
	END IF;
	IF TG_OP <> 'DELETE' THEN
		IF tab = 'province' THEN
			INSERT INTO @extschema@.province_year
			SELECT NEW.code, y FROM generate_series(2000, 2100) AS y
			WHERE (NEW.valid_from IS NULL OR NEW.valid_from < make_date(y + 1, 1, 1))
			  AND (NEW.valid_to IS NULL OR NEW.valid_to > make_date(y, 1, 1))
			ON CONFLICT DO NOTHING;
		ELSE
			INSERT INTO @extschema@.municipality_year
			SELECT NEW.code, NEW.province_code, y FROM generate_series(2000, 2100) AS y
			WHERE (NEW.valid_from IS NULL OR NEW.valid_from < make_date(y + 1, 1, 1))
			  AND (NEW.valid_to IS NULL OR NEW.valid_to > make_date(y, 1, 1))
			ON CONFLICT DO NOTHING;
		END IF;
	END IF;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.region_years_refresh() IS
'row trigger on province and municipality: recomputes the province_year or municipality_year rows of the code written, from its validity';
CREATE TRIGGER region_years_refresh AFTER INSERT OR UPDATE OR DELETE ON @extschema@.province
	FOR EACH ROW EXECUTE FUNCTION @extschema@.region_years_refresh('province');
CREATE TRIGGER region_years_refresh AFTER INSERT OR UPDATE OR DELETE ON @extschema@.municipality
	FOR EACH ROW EXECUTE FUNCTION @extschema@.region_years_refresh('municipality');
-- the years of the rows there are
INSERT INTO @extschema@.province_year
SELECT p.code, y
FROM @extschema@.province p, generate_series(2000, 2100) AS y
WHERE (p.valid_from IS NULL OR p.valid_from < make_date(y + 1, 1, 1))
  AND (p.valid_to IS NULL OR p.valid_to > make_date(y, 1, 1))
ON CONFLICT DO NOTHING;
INSERT INTO @extschema@.municipality_year
SELECT m.code, m.province_code, y
FROM @extschema@.municipality m, generate_series(2000, 2100) AS y
WHERE (m.valid_from IS NULL OR m.valid_from < make_date(y + 1, 1, 1))
  AND (m.valid_to IS NULL OR m.valid_to > make_date(y, 1, 1))
ON CONFLICT DO NOTHING;
GRANT SELECT ON @extschema@.province_year, @extschema@.municipality_year TO PUBLIC;

-- allocation's province and 시·군·구 are checked by foreign keys against the
-- years, no longer by a trigger; its only indexes are its keys, its
-- 시·군·구 and line_hash (each index costs every load).
DROP TRIGGER allocation_check_region ON @extschema@.allocation;
DROP FUNCTION @extschema@.allocation_check_region();
ALTER TABLE @extschema@.allocation
	DROP CONSTRAINT allocation_province_code_fkey,
	DROP CONSTRAINT allocation_municipality_fkey,
	ADD CONSTRAINT allocation_province_in_year FOREIGN KEY (province_code, fiscal_year)
		REFERENCES @extschema@.province_year (province_code, fiscal_year),
	ADD CONSTRAINT allocation_municipality_in_province FOREIGN KEY (municipality_code, province_code, fiscal_year)
		REFERENCES @extschema@.municipality_year (municipality_code, province_code, fiscal_year),
	ADD CONSTRAINT allocation_municipality_with_province
		CHECK (municipality_code IS NULL OR province_code IS NOT NULL);
DROP INDEX @extschema@.allocation_year_province_phase_idx, @extschema@.allocation_program_idx,
	@extschema@.allocation_province_idx;

-- ============================================================================
-- Grants: awards to companies under a sub-programme's support terms
-- ============================================================================

-- The press release gives each MSS sub-programme its terms: 지원 기간 (years),
-- 지원 한도 (a yearly cap on the government grant), 지원금 비중 (the grant's
-- largest share of the project cost) and the way of selection.  They are
-- policy, from a fiscal year on (valid_from; 0 is the shipped default, read
-- only), like the cluster policy tables ("Grants").
CREATE TABLE @extschema@.support_terms (
	program_id integer NOT NULL REFERENCES @extschema@.program (id),
	valid_from integer NOT NULL
		CONSTRAINT support_terms_valid_from_default_or_year CHECK (valid_from = 0 OR valid_from BETWEEN 2000 AND 2100),
	support_years smallint NOT NULL
		CONSTRAINT support_terms_years_positive CHECK (support_years > 0),
	annual_cap bigint NOT NULL
		CONSTRAINT support_terms_cap_positive CHECK (annual_cap > 0),
	grant_share numeric NOT NULL
		CONSTRAINT support_terms_share_fraction CHECK (grant_share > 0 AND grant_share <= 1),
	selection_mode text,
	PRIMARY KEY (program_id, valid_from)
);
COMMENT ON TABLE @extschema@.support_terms IS
'a sub-programme''s support terms from a fiscal year on: 지원 기간 (support_years), 지원 한도 (annual_cap, won per year), 지원금 비중 (grant_share of the project cost); valid_from 0 is the shipped default';

-- A 사업자등록번호: ten digits whose last is the check digit of the others.
CREATE FUNCTION @extschema@.business_number_valid(number text)
RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT CASE WHEN d ~ '^[0-9]{10}$' THEN
		(10 - (substr(d, 1, 1)::int + substr(d, 2, 1)::int * 3 + substr(d, 3, 1)::int * 7
			   + substr(d, 4, 1)::int + substr(d, 5, 1)::int * 3 + substr(d, 6, 1)::int * 7
			   + substr(d, 7, 1)::int + substr(d, 8, 1)::int * 3 + substr(d, 9, 1)::int * 5
			   + substr(d, 9, 1)::int * 5 / 10) % 10) % 10 = substr(d, 10, 1)::int
		ELSE false END
	FROM (SELECT regexp_replace(number, '[-[:space:]]', '', 'g') AS d) AS x
$$;
COMMENT ON FUNCTION @extschema@.business_number_valid(text) IS
'true for a well-formed 사업자등록번호 (220-81-62517 or 2208162517): ten digits with a valid check digit';

-- An award (과제) to a company: under a sub-programme of its first fiscal
-- year, in a province (and 시·군·구), for a number of years.  Its money is a
-- breakdown of the sub-programme's, never added to the province totals.
CREATE TABLE @extschema@.award (
	id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	program_id integer NOT NULL,
	first_year integer NOT NULL,
	reference text NOT NULL
		CONSTRAINT award_reference_trimmed CHECK (reference = btrim(reference, E' \t\r\n\f\v' || '　') AND reference <> ''),
	recipient text NOT NULL
		CONSTRAINT award_recipient_not_blank CHECK (btrim(recipient) <> ''),
	business_number text NOT NULL
		CONSTRAINT award_business_number_valid
		CHECK (business_number ~ '^[0-9]{10}$' AND @extschema@.business_number_valid(business_number)),
	province_code text NOT NULL,
	municipality_code text,
	years smallint NOT NULL
		CONSTRAINT award_years_plausible CHECK (years BETWEEN 1 AND 10),
	CONSTRAINT award_program_fkey FOREIGN KEY (program_id, first_year)
		REFERENCES @extschema@.program (id, fiscal_year),
	CONSTRAINT award_province_in_year FOREIGN KEY (province_code, first_year)
		REFERENCES @extschema@.province_year (province_code, fiscal_year),
	CONSTRAINT award_municipality_in_province FOREIGN KEY (municipality_code, province_code, first_year)
		REFERENCES @extschema@.municipality_year (municipality_code, province_code, fiscal_year),
	CONSTRAINT award_key UNIQUE (program_id, reference)
);
CREATE INDEX award_province_idx ON @extschema@.award (province_code, first_year);
COMMENT ON TABLE @extschema@.award IS
'an award (과제) of a sub-programme to a company (recipient, 사업자등록번호 as ten digits), in a province, from its first fiscal year for a number of years; identified by (programme, reference)';

-- Per year of an award: the government grant (national and local) and the
-- recipient's own share (민간부담금), in cash and in kind.
CREATE TABLE @extschema@.award_year (
	award_id bigint NOT NULL REFERENCES @extschema@.award (id) ON DELETE CASCADE,
	fiscal_year integer NOT NULL,
	grant_amount @extschema@.funding NOT NULL
		CONSTRAINT award_year_grant_not_negative
		CHECK (@extschema@.national(grant_amount) >= 0 AND @extschema@.local(grant_amount) >= 0),
	private_cash bigint NOT NULL DEFAULT 0
		CONSTRAINT award_year_private_cash_not_negative CHECK (private_cash >= 0),
	private_in_kind bigint NOT NULL DEFAULT 0
		CONSTRAINT award_year_private_in_kind_not_negative CHECK (private_in_kind >= 0),
	PRIMARY KEY (award_id, fiscal_year)
);
COMMENT ON TABLE @extschema@.award_year IS
'a year of an award: the government grant (funding: national and local) and the recipient''s share (민간부담금) in cash and in kind, in won';

INSERT INTO @extschema@.support_terms (program_id, valid_from, support_years, annual_cap, grant_share, selection_mode)
SELECT p.id, 0, p.support_years, p.annual_cap, p.government_share, p.selection_mode
FROM @extschema@.program p
WHERE p.support_years IS NOT NULL;
CREATE TRIGGER reference_guard BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.support_terms
	FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_guard('valid_from');
CREATE TRIGGER reference_guard_truncate BEFORE TRUNCATE ON @extschema@.support_terms
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_guard('all');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.support_terms', 'WHERE valid_from <> 0');

-- award_entry: awards by names, one row per award and year --------------------

CREATE VIEW @extschema@.award_entry AS
SELECT g.name_ko AS program,
	   w.reference,
	   w.recipient,
	   w.business_number,
	   p.short_ko AS province,
	   w.municipality_code AS municipality,
	   w.first_year,
	   w.years,
	   y.fiscal_year,
	   y.grant_amount::text AS grant_amount,
	   y.private_cash::text AS private_cash,
	   y.private_in_kind::text AS private_in_kind,
	   NULL::date AS as_of
FROM @extschema@.award w
	 JOIN @extschema@.program g ON g.id = w.program_id
	 JOIN @extschema@.province p ON p.code = w.province_code
	 LEFT JOIN @extschema@.award_year y ON y.award_id = w.id;
COMMENT ON VIEW @extschema@.award_entry IS
'the way awards get in: one row per award and fiscal year, with program (name within the first year, or id), reference (과제번호), recipient, business_number, province and municipality (any name or code), first_year, years, fiscal_year (default first_year), grant as any text the funding type reads, and the private cash and in-kind shares as amounts; an award or year loaded again under its reference replaces it';

CREATE FUNCTION @extschema@.award_entry_insert()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	line text := format('program %L, reference %L, recipient %L, fiscal year %s',
						NEW.program, NEW.reference, NEW.recipient, coalesce(NEW.fiscal_year, NEW.first_year));
	v_program integer;
	v_province text;
	v_municipality text;
	v_reference text := @extschema@.reference_trim(NEW.reference);
	v_number text := regexp_replace(coalesce(NEW.business_number, ''), '[-[:space:]]', '', 'g');
	v_year integer := coalesce(NEW.fiscal_year, NEW.first_year);
	v_award bigint;
BEGIN
	IF v_reference IS NULL OR NEW.recipient IS NULL OR btrim(NEW.recipient) = '' OR NEW.years IS NULL THEN
		RAISE EXCEPTION 'an award needs a reference, a recipient and its number of years (%)', line
			USING ERRCODE = 'not_null_violation';
	END IF;
	IF NOT @extschema@.business_number_valid(v_number) THEN
		RAISE EXCEPTION 'invalid business registration number "%" (%)', NEW.business_number, line
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'A 사업자등록번호 has ten digits, the last a check digit of the others: 220-81-62517.';
	END IF;
	v_program := @extschema@.entry_program(NEW.program, NEW.first_year, line);
	SELECT r.province_code, r.municipality_code INTO v_province, v_municipality
	FROM @extschema@.entry_region(NEW.province, NEW.municipality, NEW.first_year, NEW.as_of, line) r;
	IF v_province IS NULL THEN
		RAISE EXCEPTION 'an award belongs to a province (%)', line
			USING ERRCODE = 'not_null_violation';
	END IF;
	IF v_year < NEW.first_year OR v_year >= NEW.first_year + NEW.years THEN
		RAISE EXCEPTION 'fiscal year % is outside the award''s term, % to % (%)', v_year, NEW.first_year,
			NEW.first_year + NEW.years - 1, line
			USING ERRCODE = 'check_violation';
	END IF;

	INSERT INTO @extschema@.award AS w (program_id, first_year, reference, recipient, business_number,
										province_code, municipality_code, years)
	VALUES (v_program, NEW.first_year, v_reference, btrim(NEW.recipient), v_number, v_province, v_municipality, NEW.years)
	ON CONFLICT ON CONSTRAINT award_key DO UPDATE
		SET recipient = EXCLUDED.recipient, business_number = EXCLUDED.business_number,
			province_code = EXCLUDED.province_code, municipality_code = EXCLUDED.municipality_code,
			years = EXCLUDED.years, first_year = EXCLUDED.first_year
	RETURNING w.id INTO v_award;
	IF NEW.grant_amount IS NOT NULL THEN
		INSERT INTO @extschema@.award_year AS y (award_id, fiscal_year, grant_amount, private_cash, private_in_kind)
		VALUES (v_award, v_year, NEW.grant_amount::@extschema@.funding,
				coalesce(@extschema@.parse_amount(NEW.private_cash), 0),
				coalesce(@extschema@.parse_amount(NEW.private_in_kind), 0))
		ON CONFLICT (award_id, fiscal_year) DO UPDATE
			SET grant_amount = EXCLUDED.grant_amount, private_cash = EXCLUDED.private_cash,
				private_in_kind = EXCLUDED.private_in_kind;
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.award_entry_insert() IS
'INSTEAD OF INSERT on award_entry: resolves programme, province and 시·군·구, checks the business number and the year, and inserts or replaces the award and its year';
CREATE TRIGGER award_entry_insert INSTEAD OF INSERT ON @extschema@.award_entry
	FOR EACH ROW EXECUTE FUNCTION @extschema@.award_entry_insert();

-- The terms in force for an award: its sub-programme's, from its first year.
CREATE VIEW @extschema@.award_terms AS
SELECT w.id AS award_id, t.support_years, t.annual_cap, t.grant_share, t.valid_from AS terms_from
FROM @extschema@.award w
	 CROSS JOIN LATERAL (SELECT s.* FROM @extschema@.support_terms s
						 WHERE s.program_id = w.program_id AND s.valid_from <= w.first_year
						 ORDER BY s.valid_from DESC LIMIT 1) t;
COMMENT ON VIEW @extschema@.award_terms IS
'for every award whose sub-programme has support terms: the terms in force in its first year';

-- One row per award and rule it breaks; none for an award that keeps them.
CREATE VIEW @extschema@.award_compliance AS
WITH totals AS (
	SELECT y.award_id, @extschema@.sum(y.grant_amount) AS grant_amount,
		   sum(y.private_cash) AS private_cash, sum(y.private_in_kind) AS private_in_kind
	FROM @extschema@.award_year y
	GROUP BY y.award_id
), broken AS (
	-- a term longer than the support period
	SELECT w.id AS award_id, 'term' AS rule, NULL::integer AS fiscal_year,
		   w.years::numeric AS figure, t.support_years::numeric AS "limit",
		   format(@extschema@.in_language('과제 기간 %s년: 지원 기간은 최대 %s년', 'the award runs %s years; the sub-programme supports at most %s (지원 기간)'),
				  w.years, t.support_years) AS explanation
	FROM @extschema@.award w JOIN @extschema@.award_terms t ON t.award_id = w.id
	WHERE w.years > t.support_years
	UNION ALL
	-- a year's grant above the yearly cap
	SELECT w.id, 'annual_cap', y.fiscal_year, @extschema@.total(y.grant_amount)::numeric, t.annual_cap::numeric,
		   format(@extschema@.in_language('%s년도 지원금 %s원: 연 지원 한도 %s원 초과', 'the grant of fiscal year %s is %s원, above the cap of %s원 a year (지원 한도)'), y.fiscal_year,
				  to_char(@extschema@.total(y.grant_amount), 'FM999,999,999,999,999'), to_char(t.annual_cap, 'FM999,999,999,999,999'))
	FROM @extschema@.award w JOIN @extschema@.award_terms t ON t.award_id = w.id
		 JOIN @extschema@.award_year y ON y.award_id = w.id
	WHERE @extschema@.total(y.grant_amount) > t.annual_cap
	UNION ALL
	-- the grant's share of the project cost above the largest allowed
	SELECT w.id, 'grant_share', NULL, round(@extschema@.total(s.grant_amount) / c.cost, 4), t.grant_share,
		   format(@extschema@.in_language('지원금이 총사업비의 %s%% (지원금 %s원, 총사업비 %s원): 지원금 비중 %s%% 초과', 'the grant is %s%% of the project cost (%s원 of %s원), above %s%% (지원금 비중)'),
				  round(100 * @extschema@.total(s.grant_amount) / c.cost, 1),
				  to_char(@extschema@.total(s.grant_amount), 'FM999,999,999,999,999'), to_char(c.cost, 'FM999,999,999,999,999'),
				  round(100 * t.grant_share, 1))
	FROM @extschema@.award w JOIN @extschema@.award_terms t ON t.award_id = w.id
		 JOIN totals s ON s.award_id = w.id
		 CROSS JOIN LATERAL (SELECT @extschema@.total(s.grant_amount) + s.private_cash + s.private_in_kind AS cost) c
	WHERE c.cost > 0 AND @extschema@.total(s.grant_amount) > t.grant_share * c.cost
	UNION ALL
	-- the sub-programme's awards above its budget for the year (지원 규모)
	SELECT w.id, 'programme_budget', b.fiscal_year, b.awarded::numeric, b.budget::numeric,
		   format(@extschema@.in_language('%s %s년도 과제 지원금 합계 %s원: 지원 규모 %s원 초과', 'the awards of %s in fiscal year %s come to %s원, above its budget of %s원 (지원 규모)'), b.name_ko,
				  b.fiscal_year, to_char(b.awarded, 'FM999,999,999,999,999'), to_char(b.budget, 'FM999,999,999,999,999'))
	FROM (SELECT w2.program_id, y.fiscal_year, g.name_ko, @extschema@.total(g.declared) AS budget,
				 sum(@extschema@.total(y.grant_amount)) AS awarded
		  FROM @extschema@.award w2
			   JOIN @extschema@.award_year y ON y.award_id = w2.id
			   JOIN @extschema@.program g ON g.id = w2.program_id AND g.fiscal_year = y.fiscal_year
		  WHERE g.declared IS NOT NULL
		  GROUP BY w2.program_id, y.fiscal_year, g.name_ko, g.declared) b
		 JOIN @extschema@.award w ON w.program_id = b.program_id
	WHERE b.awarded > b.budget
)
SELECT b.award_id, w.program_id, w.reference, w.recipient, w.province_code, b.rule, b.fiscal_year,
	   b.figure, b."limit", b.explanation
FROM broken b JOIN @extschema@.award w ON w.id = b.award_id
ORDER BY b.award_id, b.rule, b.fiscal_year;
COMMENT ON VIEW @extschema@.award_compliance IS
'one row per award and broken support term: term (years), annual_cap (a year''s grant), grant_share (of the project cost), programme_budget (the sub-programme''s awards in a year above its budget), with the figure, the limit and a sentence; no row for an award that keeps them all';

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
	   a.private_cash, a.private_in_kind,
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
						 FROM @extschema@.allocation x
						 WHERE x.program_id = a.program_id AND x.province_code = a.province_code
						   AND x.fiscal_year = a.fiscal_year AND x.phase = 'planned') b
ORDER BY a.program_id, p.sort_order, a.fiscal_year;
COMMENT ON VIEW @extschema@.award_totals IS
'per sub-programme, province and fiscal year: what the awards grant (granted: national, local, total, and the recipients'' shares) against the planned allocation of that sub-programme and province (budgeted); over_budget in won';
GRANT SELECT ON @extschema@.support_terms, @extschema@.award_terms TO PUBLIC;

-- An award's province is its own; an award year's, its award's.
CREATE FUNCTION @extschema@.award_province(award_id bigint)
RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT w.province_code FROM @extschema@.award w WHERE w.id = award_province.award_id $$;
COMMENT ON FUNCTION @extschema@.award_province(bigint) IS 'the province of an award';
ALTER TABLE @extschema@.award ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON @extschema@.award FOR SELECT USING (true);
CREATE POLICY steward_insert ON @extschema@.award FOR INSERT
	WITH CHECK (@extschema@.is_steward_of(province_code));
CREATE POLICY steward_update ON @extschema@.award FOR UPDATE
	USING (@extschema@.is_steward_of(province_code)) WITH CHECK (@extschema@.is_steward_of(province_code));
CREATE POLICY steward_delete ON @extschema@.award FOR DELETE USING (true);
ALTER TABLE @extschema@.award_year ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON @extschema@.award_year FOR SELECT USING (true);
CREATE POLICY steward_insert ON @extschema@.award_year FOR INSERT
	WITH CHECK (@extschema@.is_steward_of(@extschema@.award_province(award_id)));
CREATE POLICY steward_update ON @extschema@.award_year FOR UPDATE
	USING (@extschema@.is_steward_of(@extschema@.award_province(award_id)))
	WITH CHECK (@extschema@.is_steward_of(@extschema@.award_province(award_id)));
CREATE POLICY steward_delete ON @extschema@.award_year FOR DELETE USING (true);
CREATE TRIGGER steward_guard BEFORE UPDATE OR DELETE ON @extschema@.award
	FOR EACH ROW EXECUTE FUNCTION @extschema@.steward_guard();
CREATE TRIGGER steward_guard BEFORE UPDATE OR DELETE ON @extschema@.award_year
	FOR EACH ROW EXECUTE FUNCTION @extschema@.steward_guard();

-- Report views: plain won and exact 억 columns beside every funding column,
-- Korean labels beside the codes (new columns at the end).
-- One family of accessors callable without quotes or qualification:
-- national_won, local_won, total_won, and in Korean 국비, 지방비, 합계.
CREATE FUNCTION @extschema@.local_won(@extschema@.funding)
RETURNS bigint AS 'MODULE_PATHNAME', 'funding_local'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.local_won(@extschema@.funding) IS 'local (지방비) amount in won; the same as local(f)';
CREATE FUNCTION @extschema@.total_won(@extschema@.funding)
RETURNS bigint AS 'MODULE_PATHNAME', 'funding_total_won'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.total_won(@extschema@.funding) IS 'national + local in won; the same as total(f)';
CREATE FUNCTION @extschema@.국비(@extschema@.funding)
RETURNS bigint AS 'MODULE_PATHNAME', 'funding_national'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.국비(@extschema@.funding) IS '국비 (national funds) in won';
CREATE FUNCTION @extschema@.지방비(@extschema@.funding)
RETURNS bigint AS 'MODULE_PATHNAME', 'funding_local'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.지방비(@extschema@.funding) IS '지방비 (local funds) in won';
CREATE FUNCTION @extschema@.합계(@extschema@.funding)
RETURNS bigint AS 'MODULE_PATHNAME', 'funding_total_won'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.합계(@extschema@.funding) IS '합계: 국비 + 지방비 in won';
CREATE OR REPLACE FUNCTION @extschema@.slip_text(component text, printed bigint, needed bigint)
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
		RETURN format(@extschema@.in_language('%s %s: 자릿수가 하나 많은 %s로 보임 (상위 사업에 필요한 값 %s)',
											  '%s %s looks like %s with a digit too many (the parent needs %s)'), part,
					  @extschema@.format_amount(printed, '억'), @extschema@.format_amount(round(printed / 10.0)::bigint, '억'),
					  @extschema@.format_amount(needed, '억'));
	ELSIF abs(printed * 10.0 - needed) <= step / 2 THEN
		RETURN format(@extschema@.in_language('%s %s: 자릿수가 하나 빠진 %s로 보임 (상위 사업에 필요한 값 %s)',
											  '%s %s looks like %s with a digit lost (the parent needs %s)'), part,
					  @extschema@.format_amount(printed, '억'), @extschema@.format_amount(printed * 10, '억'),
					  @extschema@.format_amount(needed, '억'));
	END IF;
	RETURN NULL;
END
$$;

CREATE OR REPLACE VIEW @extschema@.reconciliation AS
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
	   @extschema@.phase_label(a.phase) AS phase_ko
FROM (SELECT fiscal_year, province_code, phase, @extschema@.sum(amount) AS amount
	  FROM @extschema@.allocation
	  GROUP BY fiscal_year, province_code, phase) AS a
	 LEFT JOIN @extschema@.province p ON p.code = a.province_code
ORDER BY a.fiscal_year, p.sort_order NULLS LAST, a.phase;
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
	   @extschema@.ministry_label(g.ministry) AS ministry_ko,
	   @extschema@.phase_label(a.phase) AS phase_ko
FROM @extschema@.allocation a
	 JOIN @extschema@.program g ON g.id = a.program_id
	 LEFT JOIN @extschema@.province p ON p.code = a.province_code
ORDER BY a.fiscal_year, g.ministry, a.program_id, p.sort_order NULLS LAST, a.phase, a.id;
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
	   @extschema@.ministry_label(g.ministry) AS ministry_ko,
	   @extschema@.phase_label(a.phase) AS phase_ko
FROM @extschema@.allocation a
	 JOIN @extschema@.program g ON g.id = a.program_id
GROUP BY a.fiscal_year, g.ministry, a.phase
ORDER BY a.fiscal_year, g.ministry, a.phase;
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
	   @extschema@.phase_label(a.phase) AS phase_ko
FROM @extschema@.allocation a
	 JOIN @extschema@.superregion_member m ON m.province_code = a.province_code
	 JOIN @extschema@.superregion s ON s.id = m.superregion_id
GROUP BY a.fiscal_year, s.id, s.name_ko, s.industry_ko, a.phase
ORDER BY a.fiscal_year, s.id, a.phase;
CREATE OR REPLACE VIEW @extschema@.reconciliation_detail AS
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
ORDER BY c.program_id, c.child_id;
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
	   @extschema@.phase_label(a.phase) AS phase_ko
FROM (SELECT fiscal_year, municipality_code, province_code, phase, @extschema@.sum(amount) AS amount
	  FROM @extschema@.allocation
	  WHERE municipality_code IS NOT NULL
	  GROUP BY fiscal_year, municipality_code, province_code, phase) a
	 JOIN @extschema@.municipality m ON m.code = a.municipality_code
	 JOIN @extschema@.province p ON p.code = a.province_code
ORDER BY a.fiscal_year, p.sort_order, a.municipality_code, a.phase;

-- For charts and pivots as they are: one row per fiscal year, province,
-- phase and part (국비, 지방비), in the order Korean statistics use.
CREATE VIEW @extschema@.region_totals_long AS
SELECT t.fiscal_year, t.province_code, t.name_ko, t.short_ko, t.sort_order, t.phase, t.phase_ko,
	   x.part, x.part_ko, x.part_order, x.won, @extschema@.in_unit(x.won, '억') AS eok
FROM @extschema@.region_totals t
	 CROSS JOIN LATERAL (VALUES (1, 'national', '국비', t."national"), (2, 'local', '지방비', t.local))
		 AS x(part_order, part, part_ko, won)
ORDER BY t.fiscal_year, t.sort_order NULLS LAST, t.phase, x.part_order;
COMMENT ON VIEW @extschema@.region_totals_long IS
'region_totals in long format for stacked charts: one row per fiscal year, province, phase and part (국비 national, 지방비 local), won exact and 억 for display, in sort_order';

-- ============================================================================
-- Keys between tables of reference data (the install script's part 3)
-- ============================================================================

-- key_check: a key between tables of reference data (or from one to itself),
-- kept by constraint triggers rather than a foreign key (doc/regionpolicy.md,
-- "Your data, pg_dump and DROP EXTENSION").  Administrators' rows in these
-- tables are dumped as the extension's data, which every restore loads
-- while the extension's keys are in force: pg_dump orders that data by
-- foreign keys (and warns about a key from a table to itself), but
-- pg_restore -j loads tables in parallel, in no order.  So a row's
-- reference is checked when written, except in a session that restores a
-- dump (a superuser's, with row_security off, which pg_dump's scripts and
-- pg_restore set; a superuser could disable the trigger anyway), where the
-- dump's rows are known to agree and may arrive before the rows they refer
-- to.  A key that goes while rows refer to it is refused always.
-- TG_ARGV: the key's name; which end of it the table is ('from', 'to' or
-- 'both'); the referencing table and its columns; the referenced table and
-- its key (columns comma-separated).  Checked at the end of the statement,
-- or at commit where deferred.  (The own table is TG_TABLE_NAME, which is
-- a shard's name on Citus.)
CREATE FUNCTION @extschema@.key_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	own text := format('%I.%I', TG_TABLE_SCHEMA, TG_TABLE_NAME);
	other text := CASE TG_ARGV[1] WHEN 'from' THEN TG_ARGV[4] WHEN 'to' THEN TG_ARGV[2] END;
	from_tbl text;
	to_tbl text;
	refs text[] := string_to_array(TG_ARGV[3], ',');
	keys text[] := string_to_array(TG_ARGV[5], ',');
	query text := 'SELECT EXISTS (SELECT 1 FROM %1$s t WHERE (%2$s) = (%4$s))
					  AND NOT EXISTS (SELECT 1 FROM %3$s t WHERE (%5$s) = (%4$s))';
	violated boolean;
	val text;
BEGIN
	-- On a Citus shard (a reference table's, named after the table and its
	-- shard id), the other table is read through its shard on this node.
	IF other IS NOT NULL
	   AND TG_TABLE_NAME <> (parse_ident(CASE TG_ARGV[1] WHEN 'from' THEN TG_ARGV[2] ELSE TG_ARGV[4] END))[2]
	   AND to_regclass('pg_catalog.pg_dist_shard') IS NOT NULL THEN
		EXECUTE 'SELECT shard_name(s.logicalrelid, s.shardid) FROM pg_catalog.pg_dist_shard s WHERE s.logicalrelid = $1::regclass'
			INTO val USING other;
		other := coalesce(val, other);
	END IF;
	from_tbl := CASE WHEN TG_ARGV[1] = 'to' THEN other ELSE own END;
	to_tbl := CASE WHEN TG_ARGV[1] = 'from' THEN other ELSE own END;
	-- a row's reference names a key that exists
	IF TG_ARGV[1] <> 'to' AND TG_OP <> 'DELETE'
	   AND NOT EXISTS (SELECT 1 FROM unnest(refs) AS c WHERE to_jsonb(NEW) ->> c IS NULL)
	   AND (TG_OP = 'INSERT' OR EXISTS (SELECT 1 FROM unnest(refs) AS c
										WHERE to_jsonb(NEW) -> c IS DISTINCT FROM to_jsonb(OLD) -> c))
	   AND NOT (current_setting('row_security') = 'off'
				AND (SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = current_user)) THEN
		EXECUTE format(query, from_tbl,
					   (SELECT string_agg(format('t.%I', c), ', ') FROM unnest(refs) AS c),
					   to_tbl,
					   (SELECT string_agg(format('($1).%I', c), ', ') FROM unnest(refs) AS c),
					   (SELECT string_agg(format('t.%I', c), ', ') FROM unnest(keys) AS c))
			INTO violated USING NEW;
		IF violated THEN
			SELECT string_agg(to_jsonb(NEW) ->> c, ', ') INTO val FROM unnest(refs) AS c;
			RAISE EXCEPTION 'insert or update on table "%" violates foreign key constraint "%"', TG_TABLE_NAME, TG_ARGV[0]
				USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
					  CONSTRAINT = TG_ARGV[0],
					  DETAIL = format('Key (%s)=(%s) is not present in table "%s".', TG_ARGV[3], val,
									  (parse_ident(TG_ARGV[4]))[2]);
		END IF;
	END IF;
	-- a key that goes is no longer referred to
	IF TG_ARGV[1] <> 'from' AND TG_OP <> 'INSERT'
	   AND (TG_OP = 'DELETE' OR EXISTS (SELECT 1 FROM unnest(keys) AS c
										WHERE to_jsonb(NEW) -> c IS DISTINCT FROM to_jsonb(OLD) -> c)) THEN
		EXECUTE format(query, from_tbl,
					   (SELECT string_agg(format('t.%I', c), ', ') FROM unnest(refs) AS c),
					   to_tbl,
					   (SELECT string_agg(format('($1).%I', c), ', ') FROM unnest(keys) AS c),
					   (SELECT string_agg(format('t.%I', c), ', ') FROM unnest(keys) AS c))
			INTO violated USING OLD;
		IF violated THEN
			SELECT string_agg(to_jsonb(OLD) ->> c, ', ') INTO val FROM unnest(keys) AS c;
			RAISE EXCEPTION 'update or delete on table "%" violates foreign key constraint "%" on table "%"',
				TG_TABLE_NAME, TG_ARGV[0], (parse_ident(TG_ARGV[2]))[2]
				USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
					  CONSTRAINT = TG_ARGV[0],
					  DETAIL = format('Key (%s)=(%s) is still referenced from table "%s".', TG_ARGV[5], val,
									  (parse_ident(TG_ARGV[2]))[2]);
		END IF;
	END IF;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.key_check() IS
'constraint trigger: a key between tables of reference data (SQLSTATE 23503), in place of a foreign key; not checked for rows a restore loads';

-- The foreign keys between them become key_check's constraint triggers,
-- under the same names.
ALTER TABLE @extschema@.province DROP CONSTRAINT province_successor_code_fkey;
CREATE CONSTRAINT TRIGGER province_successor_code_fkey
	AFTER INSERT OR UPDATE OR DELETE ON @extschema@.province
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('province_successor_code_fkey', 'both', '@extschema@.province', 'successor_code', '@extschema@.province', 'code');
ALTER TABLE @extschema@.province_alias DROP CONSTRAINT province_alias_province_code_fkey;
CREATE CONSTRAINT TRIGGER province_alias_province_code_fkey
	AFTER INSERT OR UPDATE ON @extschema@.province_alias
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('province_alias_province_code_fkey', 'from', '@extschema@.province_alias', 'province_code', '@extschema@.province', 'code');
CREATE CONSTRAINT TRIGGER province_alias_province_code_fkey
	AFTER UPDATE OR DELETE ON @extschema@.province
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('province_alias_province_code_fkey', 'to', '@extschema@.province_alias', 'province_code', '@extschema@.province', 'code');
ALTER TABLE @extschema@.superregion_member DROP CONSTRAINT superregion_member_superregion_id_fkey;
CREATE CONSTRAINT TRIGGER superregion_member_superregion_id_fkey
	AFTER INSERT OR UPDATE ON @extschema@.superregion_member
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('superregion_member_superregion_id_fkey', 'from', '@extschema@.superregion_member', 'superregion_id', '@extschema@.superregion', 'id');
CREATE CONSTRAINT TRIGGER superregion_member_superregion_id_fkey
	AFTER UPDATE OR DELETE ON @extschema@.superregion
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('superregion_member_superregion_id_fkey', 'to', '@extschema@.superregion_member', 'superregion_id', '@extschema@.superregion', 'id');
ALTER TABLE @extschema@.superregion_member DROP CONSTRAINT superregion_member_province_code_fkey;
CREATE CONSTRAINT TRIGGER superregion_member_province_code_fkey
	AFTER INSERT OR UPDATE ON @extschema@.superregion_member
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('superregion_member_province_code_fkey', 'from', '@extschema@.superregion_member', 'province_code', '@extschema@.province', 'code');
CREATE CONSTRAINT TRIGGER superregion_member_province_code_fkey
	AFTER UPDATE OR DELETE ON @extschema@.province
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('superregion_member_province_code_fkey', 'to', '@extschema@.superregion_member', 'province_code', '@extschema@.province', 'code');
ALTER TABLE @extschema@.program DROP CONSTRAINT program_parent_fkey;
CREATE CONSTRAINT TRIGGER program_parent_fkey
	AFTER INSERT OR UPDATE OR DELETE ON @extschema@.program
	DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('program_parent_fkey', 'both', '@extschema@.program', 'parent_id,ministry,fiscal_year', '@extschema@.program', 'id,ministry,fiscal_year');
ALTER TABLE @extschema@.program_target DROP CONSTRAINT program_target_program_id_fkey;
CREATE CONSTRAINT TRIGGER program_target_program_id_fkey
	AFTER INSERT OR UPDATE ON @extschema@.program_target
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('program_target_program_id_fkey', 'from', '@extschema@.program_target', 'program_id', '@extschema@.program', 'id');
CREATE CONSTRAINT TRIGGER program_target_program_id_fkey
	AFTER UPDATE OR DELETE ON @extschema@.program
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('program_target_program_id_fkey', 'to', '@extschema@.program_target', 'program_id', '@extschema@.program', 'id');
ALTER TABLE @extschema@.municipality DROP CONSTRAINT municipality_province_code_fkey;
CREATE CONSTRAINT TRIGGER municipality_province_code_fkey
	AFTER INSERT OR UPDATE ON @extschema@.municipality
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('municipality_province_code_fkey', 'from', '@extschema@.municipality', 'province_code', '@extschema@.province', 'code');
CREATE CONSTRAINT TRIGGER municipality_province_code_fkey
	AFTER UPDATE OR DELETE ON @extschema@.province
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('municipality_province_code_fkey', 'to', '@extschema@.municipality', 'province_code', '@extschema@.province', 'code');
ALTER TABLE @extschema@.municipality DROP CONSTRAINT municipality_successor_code_fkey;
CREATE CONSTRAINT TRIGGER municipality_successor_code_fkey
	AFTER INSERT OR UPDATE OR DELETE ON @extschema@.municipality
	DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('municipality_successor_code_fkey', 'both', '@extschema@.municipality', 'successor_code', '@extschema@.municipality', 'code');
ALTER TABLE @extschema@.municipality_designation DROP CONSTRAINT municipality_designation_municipality_code_fkey;
CREATE CONSTRAINT TRIGGER municipality_designation_municipality_code_fkey
	AFTER INSERT OR UPDATE ON @extschema@.municipality_designation
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('municipality_designation_municipality_code_fkey', 'from', '@extschema@.municipality_designation', 'municipality_code', '@extschema@.municipality', 'code');
CREATE CONSTRAINT TRIGGER municipality_designation_municipality_code_fkey
	AFTER UPDATE OR DELETE ON @extschema@.municipality
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('municipality_designation_municipality_code_fkey', 'to', '@extschema@.municipality_designation', 'municipality_code', '@extschema@.municipality', 'code');
ALTER TABLE @extschema@.cluster DROP CONSTRAINT cluster_province_fkey;
CREATE CONSTRAINT TRIGGER cluster_province_fkey
	AFTER INSERT OR UPDATE ON @extschema@.cluster
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('cluster_province_fkey', 'from', '@extschema@.cluster', 'province_code,capital_area', '@extschema@.province', 'code,capital_area');
CREATE CONSTRAINT TRIGGER cluster_province_fkey
	AFTER UPDATE OR DELETE ON @extschema@.province
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('cluster_province_fkey', 'to', '@extschema@.cluster', 'province_code,capital_area', '@extschema@.province', 'code,capital_area');
ALTER TABLE @extschema@.evaluation_agency DROP CONSTRAINT evaluation_agency_province_code_fkey;
CREATE CONSTRAINT TRIGGER evaluation_agency_province_code_fkey
	AFTER INSERT OR UPDATE ON @extschema@.evaluation_agency
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('evaluation_agency_province_code_fkey', 'from', '@extschema@.evaluation_agency', 'province_code', '@extschema@.province', 'code');
CREATE CONSTRAINT TRIGGER evaluation_agency_province_code_fkey
	AFTER UPDATE OR DELETE ON @extschema@.province
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('evaluation_agency_province_code_fkey', 'to', '@extschema@.evaluation_agency', 'province_code', '@extschema@.province', 'code');
ALTER TABLE @extschema@.support_terms DROP CONSTRAINT support_terms_program_id_fkey;
CREATE CONSTRAINT TRIGGER support_terms_program_id_fkey
	AFTER INSERT OR UPDATE ON @extschema@.support_terms
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('support_terms_program_id_fkey', 'from', '@extschema@.support_terms', 'program_id', '@extschema@.program', 'id');
CREATE CONSTRAINT TRIGGER support_terms_program_id_fkey
	AFTER UPDATE OR DELETE ON @extschema@.program
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('support_terms_program_id_fkey', 'to', '@extschema@.support_terms', 'program_id', '@extschema@.program', 'id');

-- ============================================================================
-- Every won placed once, round 3 (NEWS.md, 1.3.0): a line's 시·군·구 is part
-- of its identity; the scope of a load is locked (allocation_scope);
-- references as a reader sees them; numbers need their unit; a load that
-- would write nothing refuses; award years lie in the award's term; one
-- rule for who is acting (session_user).
-- ============================================================================

DROP FUNCTION @extschema@.load_allocations(regclass);
DROP FUNCTION @extschema@.allocation_load_count(boolean);

CREATE OR REPLACE FUNCTION @extschema@.reference_trim(reference text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
SELECT nullif(btrim(CASE WHEN getdatabaseencoding() = 'UTF8'
	THEN regexp_replace(regexp_replace(normalize(reference, NFC),
		E'[\\u00AD\\u034F\\u061C\\u115F\\u1160\\u17B4\\u17B5\\u180B-\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u206F\\u3164\\uFE00-\\uFE0F\\uFEFF\\uFFA0\\uFFF9-\\uFFFB]', '', 'g'),
		E'[\\t\\n\\v\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]+', ' ', 'g')
	ELSE regexp_replace(reference, E'[\\t\\n\\v\\f\\r 　]+', ' ', 'g') END, ' '), '')
$$;
COMMENT ON FUNCTION @extschema@.reference_trim(text) IS
'a reference as allocation and award store it: Unicode NFC, format characters (zero-width spaces, byte-order marks, soft hyphens) removed, each run of white space (no-break and ideographic spaces included) one space, trimmed; NULL when nothing is left';

-- References that the new trimming makes equal would make two lines one:
-- they are reported, not merged.
DO $clash$
DECLARE
	clash text;
BEGIN
	SELECT string_agg(d.line, '; ') INTO clash
	FROM (SELECT format('allocations %s: fiscal year %s, phase %s, program %s, province %s, 시·군·구 %s, reference %s',
						string_agg(id::text, ' and ' ORDER BY id), fiscal_year, phase, program_id,
						coalesce(province_code, '(none)'), coalesce(municipality_code, '(none)'),
						quote_literal(@extschema@.reference_trim(reference))) AS line
		  FROM @extschema@.allocation WHERE reference IS NOT NULL
		  GROUP BY fiscal_year, phase, program_id, province_code, municipality_code, @extschema@.reference_trim(reference)
		  HAVING count(*) > 1
		  UNION ALL
		  SELECT format('awards %s: program %s, reference %s', string_agg(id::text, ' and ' ORDER BY id), program_id,
						quote_literal(@extschema@.reference_trim(reference)))
		  FROM @extschema@.award
		  GROUP BY program_id, @extschema@.reference_trim(reference)
		  HAVING count(*) > 1
		  LIMIT 10) d;
	IF clash IS NOT NULL THEN
		RAISE EXCEPTION 'lines whose references differ only in invisible characters or spacing: %', clash
			USING ERRCODE = 'unique_violation',
				  HINT = 'They are the same line to a reader: delete the doubles (or give them distinct references), then update the extension again.';
	END IF;
END
$clash$;
DROP INDEX @extschema@.allocation_line_key;
UPDATE @extschema@.allocation SET reference = @extschema@.reference_trim(reference)
WHERE reference IS DISTINCT FROM @extschema@.reference_trim(reference);
UPDATE @extschema@.award SET reference = @extschema@.reference_trim(reference)
WHERE reference IS DISTINCT FROM @extschema@.reference_trim(reference);
ALTER TABLE @extschema@.allocation DROP CONSTRAINT allocation_reference_trimmed,
	ADD CONSTRAINT allocation_reference_trimmed
		CHECK (reference IS NOT DISTINCT FROM @extschema@.reference_trim(reference) AND length(reference) <= 200);
ALTER TABLE @extschema@.award DROP CONSTRAINT award_reference_trimmed,
	ADD CONSTRAINT award_reference_trimmed
		CHECK (reference IS NOT DISTINCT FROM @extschema@.reference_trim(reference) AND length(reference) <= 200);

CREATE OR REPLACE FUNCTION @extschema@.begins_formula(value text)
RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT value ~ '^[-=+@\t\r]' $$;
COMMENT ON FUNCTION @extschema@.begins_formula(text) IS
'true when the text begins with a character a spreadsheet takes for the start of a formula (=, +, -, @, tab, carriage return)';

-- Text a spreadsheet would take for a formula: the rows that hold some are
-- named, for their owners to change, before the constraints are added.
DO $formula$
DECLARE
	found text;
BEGIN
	SELECT string_agg(d.row, '; ') INTO found
	FROM (SELECT format('allocation %s (fiscal year %s, reference %s, note %s)', id, fiscal_year,
						quote_nullable(left(reference, 60)), quote_nullable(left(note, 60))) AS row
		  FROM @extschema@.allocation
		  WHERE @extschema@.begins_formula(reference) OR @extschema@.begins_formula(note)
		  UNION ALL
		  SELECT format('award %s (reference %s, recipient %s)', id, quote_literal(left(reference, 60)), quote_literal(left(recipient, 60)))
		  FROM @extschema@.award
		  WHERE @extschema@.begins_formula(reference) OR @extschema@.begins_formula(recipient)
		  LIMIT 10) d;
	IF found IS NOT NULL THEN
		RAISE EXCEPTION 'text that a spreadsheet takes for a formula: %', found
			USING ERRCODE = 'check_violation',
				  DETAIL = 'From 1.3.0 a reference, note or recipient may not begin with =, +, -, @, a tab or a carriage return: reports and CSV files would run it.',
				  HINT = 'Change those values (a note''s bullet can be ·), then update the extension again.';
	END IF;
END
$formula$;
ALTER TABLE @extschema@.allocation ADD CONSTRAINT allocation_text_not_formula
	CHECK (NOT @extschema@.begins_formula(reference) AND NOT @extschema@.begins_formula(note));
ALTER TABLE @extschema@.award ADD CONSTRAINT award_text_not_formula
	CHECK (NOT @extschema@.begins_formula(reference) AND NOT @extschema@.begins_formula(recipient));

CREATE UNIQUE INDEX allocation_line_key
	ON @extschema@.allocation (reference, province_code, fiscal_year, phase, program_id, (coalesce(municipality_code, '')))
	WHERE reference IS NOT NULL AND province_code IS NOT NULL;

COMMENT ON INDEX @extschema@.allocation_line_key IS
'a line of a province is identified by (province, fiscal year, phase, programme, reference)';

CREATE TABLE @extschema@.allocation_scope (
	province_code text NOT NULL,	-- '' for lines of no single province
	fiscal_year integer NOT NULL,
	phase text NOT NULL,
	program_id integer NOT NULL,
	loads bigint NOT NULL DEFAULT 1,
	PRIMARY KEY (province_code, fiscal_year, phase, program_id)
);
COMMENT ON TABLE @extschema@.allocation_scope IS
'one row per scope of lines (province, or '''' for none; fiscal year; phase; programme) a load has written: allocation_entry and load_allocations lock it before they look for an identical line, so that concurrent loads cannot double a total';

-- Lock a scope of lines until the end of the transaction.  It runs as the
-- extension's owner, so that stewards need no privilege on allocation_scope;
-- it locks only the scopes of a province the session may load lines of
-- (its owner, a superuser or a role that bypasses row-level security, or a
-- steward of the province: "Access control").
CREATE FUNCTION @extschema@.allocation_scope_lock(province_code text, fiscal_year integer, phase text, program_id integer)
RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF NOT @extschema@.may_load(allocation_scope_lock.province_code) THEN
		RAISE EXCEPTION 'permission denied to load lines of province %', coalesce(allocation_scope_lock.province_code, '(none)')
			USING ERRCODE = 'insufficient_privilege',
				  HINT = 'Only members of the province''s steward role (see province_steward) may load its lines; lines of no single province are the owner''s.';
	END IF;
	INSERT INTO @extschema@.allocation_scope AS s (province_code, fiscal_year, phase, program_id)
	VALUES (coalesce(allocation_scope_lock.province_code, ''), allocation_scope_lock.fiscal_year,
			allocation_scope_lock.phase, allocation_scope_lock.program_id)
	ON CONFLICT ON CONSTRAINT allocation_scope_pkey DO UPDATE SET loads = s.loads + 1;
END
$$;
COMMENT ON FUNCTION @extschema@.allocation_scope_lock(text, integer, text, integer) IS
'locks a scope of lines (province, fiscal year, phase, programme) until the end of the transaction, as a load does before it looks for an identical line; 42501 for a province the session may not load';
REVOKE ALL ON @extschema@.allocation_scope FROM PUBLIC;

CREATE FUNCTION @extschema@.allocation_load_row() RETURNS bigint
AS 'MODULE_PATHNAME', 'allocation_load_row' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;

CREATE FUNCTION @extschema@.allocation_load_written(allocation_id bigint) RETURNS bigint
AS 'MODULE_PATHNAME', 'allocation_load_written' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;

CREATE FUNCTION @extschema@.allocation_load_count(inserted boolean, allocation_id bigint) RETURNS void
AS 'MODULE_PATHNAME', 'allocation_load_count' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;

CREATE FUNCTION @extschema@.allocation_load_scope_seen(province_code text, fiscal_year integer, phase text,
													   program_id integer) RETURNS boolean
AS 'MODULE_PATHNAME', 'allocation_load_scope_seen' LANGUAGE C VOLATILE PARALLEL UNSAFE;

CREATE FUNCTION @extschema@.allocation_load_record(inserted bigint, replaced bigint) RETURNS void
AS 'MODULE_PATHNAME', 'allocation_load_record' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;

COMMENT ON FUNCTION @extschema@.allocation_load_summary() IS
'how many lines the session''s last load (an INSERT or COPY into allocation_entry, or load_allocations) inserted, and how many it replaced (NULLs before the first)';

CREATE OR REPLACE FUNCTION @extschema@.entry_check()
RETURNS boolean
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF current_setting('session_replication_role') = 'replica' THEN
		RAISE EXCEPTION 'nothing can be loaded through an entry view under session_replication_role = replica'
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  DETAIL = 'The view''s triggers, which write the lines, do not fire under that setting: the rows would be lost.',
				  HINT = 'RESET session_replication_role (or SET it to origin), then load again.';
	END IF;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.entry_check() IS
'default of the entry views'' column entry_check: refuses a load under session_replication_role = replica, where the views'' triggers would not fire and nothing would be written';

CREATE OR REPLACE FUNCTION @extschema@.entry_echo(value text)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT CASE WHEN value IS NULL THEN 'NULL'
				WHEN length(value) <= 60 THEN quote_literal(value)
				ELSE quote_literal(left(value, 57) || '...') || format(' (%s characters)', length(value)) END
$$;
COMMENT ON FUNCTION @extschema@.entry_echo(text) IS
'a value a load echoes in its messages: quoted, and cut to 60 characters';

CREATE OR REPLACE FUNCTION @extschema@.entry_bounded(value text, what text, line text)
RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF length(value) > 200 THEN
		RAISE EXCEPTION '% is too long: % characters, at most 200 (%)', what, length(value), line
			USING ERRCODE = 'string_data_right_truncation',
				  DETAIL = format('It begins %s.', @extschema@.entry_echo(value)),
				  HINT = 'A cell of the source may have run into the next ones: check the file''s quoting and separators.';
	END IF;
	RETURN value;
END
$$;
COMMENT ON FUNCTION @extschema@.entry_bounded(text, text, text) IS
'the value, or 22001 when it is longer than any name or reference (200 characters)';

CREATE OR REPLACE FUNCTION @extschema@.entry_plain(value text, what text, line text)
RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF @extschema@.begins_formula(value) THEN
		RAISE EXCEPTION '% % begins with %, which a spreadsheet takes for a formula (%)', what,
			@extschema@.entry_echo(value), CASE left(value, 1) WHEN E'\t' THEN 'a tab' WHEN E'\r' THEN 'a carriage return'
											  ELSE quote_literal(left(value, 1)) END, line
			USING ERRCODE = 'check_violation',
				  DETAIL = 'References, notes and recipients reach reports and CSV files, where a cell beginning with =, +, -, @, a tab or a carriage return runs as a formula.',
				  HINT = 'Begin it with another character (a note''s bullet can be ·), or leave the cell empty if it stands for nothing.';
	END IF;
	RETURN value;
END
$$;
COMMENT ON FUNCTION @extschema@.entry_plain(text, text, text) IS
'the value, or 23514 when a spreadsheet would take it for a formula (begins_formula)';

CREATE OR REPLACE VIEW @extschema@.allocation_entry AS
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
	   NULL::date AS as_of,
	   NULL::boolean AS entry_check
FROM @extschema@.allocation a
	 JOIN @extschema@.program g ON g.id = a.program_id
	 LEFT JOIN @extschema@.province p ON p.code = a.province_code;
ALTER VIEW @extschema@.allocation_entry ALTER COLUMN entry_check SET DEFAULT @extschema@.entry_check();
COMMENT ON VIEW @extschema@.allocation_entry IS
'the way allocations get in: INSERT or COPY rows with program (name within the year, or id), province (any name or code; as_of, the line''s date, decides a name in a year its meaning changed), fiscal_year, phase, and amount as text, or national and local numbers in a unit; unresolvable or ambiguous values are errors naming the value; a reference makes a line replaceable; each statement reports how many lines it inserted and replaced';

ALTER VIEW @extschema@.allocation_entry ALTER COLUMN entry_check SET DEFAULT @extschema@.entry_check();

COMMENT ON COLUMN @extschema@.allocation_entry.entry_check IS
'never given: its default refuses a load under session_replication_role = replica, where nothing would be written';

CREATE OR REPLACE FUNCTION @extschema@.entry_program(program text, fiscal_year integer, line text)
RETURNS integer
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	v_program integer;
	n_programs bigint;
	candidates text;
BEGIN
	IF fiscal_year IS NULL THEN
		RAISE EXCEPTION 'fiscal_year is missing (%)', line
			USING ERRCODE = 'not_null_violation';
	END IF;
	IF program IS NULL OR btrim(program) = '' THEN
		RAISE EXCEPTION 'program is missing (%)', line
			USING ERRCODE = 'not_null_violation';
	END IF;
	PERFORM @extschema@.entry_bounded(program, 'program', line);
	IF btrim(program) ~ '^[0-9]{1,9}$' THEN
		SELECT g.id INTO v_program FROM @extschema@.program g
		WHERE g.id = btrim(entry_program.program)::integer AND g.fiscal_year = entry_program.fiscal_year;
	ELSE
		SELECT min(g.id), count(*), string_agg(format('%s (%s, id %s)', g.name_ko, g.ministry, g.id), '; ' ORDER BY g.id)
		  INTO v_program, n_programs, candidates
		FROM @extschema@.program g
		WHERE g.name_ko = btrim(entry_program.program) AND g.fiscal_year = entry_program.fiscal_year;
		IF n_programs > 1 THEN
			RAISE EXCEPTION 'program % is ambiguous in fiscal year % (%)', @extschema@.entry_echo(program), fiscal_year, line
				USING ERRCODE = 'ambiguous_parameter',
					  DETAIL = format('Programs of that name: %s.', candidates),
					  HINT = 'Give the program''s id instead of its name.';
		END IF;
	END IF;
	IF v_program IS NULL THEN
		RAISE EXCEPTION 'no program % in fiscal year % (%)', @extschema@.entry_echo(program), fiscal_year, line
			USING ERRCODE = 'foreign_key_violation',
				  DETAIL = coalesce('Programs of that year: ' || (
					  SELECT string_agg(format('%s (id %s)', g.name_ko, g.id), ', ' ORDER BY g.id)
					  FROM (SELECT * FROM @extschema@.program p WHERE p.fiscal_year = entry_program.fiscal_year ORDER BY id LIMIT 12) g) || '.',
					  format('There are no programs for fiscal year %s yet.', fiscal_year)),
				  HINT = 'Add the program first: INSERT INTO regionpolicy.program (ministry, fiscal_year, name_ko) VALUES (…).';
	END IF;
	RETURN v_program;
END
$$;
COMMENT ON FUNCTION @extschema@.entry_program(text, integer, text) IS
'the programme a line names (its name within the fiscal year, or its id), or an error naming the line';

CREATE OR REPLACE FUNCTION @extschema@.entry_region(province text, municipality text, fiscal_year integer, as_of date, line text,
										 OUT province_code text, OUT municipality_code text)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	on_day date;
BEGIN
	PERFORM @extschema@.entry_bounded(province, 'province', line), @extschema@.entry_bounded(municipality, 'municipality', line);
	IF as_of IS NOT NULL AND fiscal_year IS NOT NULL AND extract(year FROM as_of) <> fiscal_year THEN
		RAISE EXCEPTION 'the line''s date % is not in its fiscal year % (%)', as_of, fiscal_year, line
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = 'as_of is the day the line''s names are read on; a line of a fiscal year is read on a day of that year.',
				  HINT = format('Give a date from %s-01-01 to %s-12-31, or none.', fiscal_year, fiscal_year);
	END IF;
	IF province IS NOT NULL AND btrim(province) <> '' THEN
		province_code := @extschema@.province_code_in_year(province, fiscal_year, as_of, line);
	END IF;
	IF municipality IS NULL OR btrim(municipality) = '' THEN
		RETURN;
	END IF;
	on_day := coalesce(as_of,
					   greatest(make_date(fiscal_year, 1, 1),
								(SELECT v.valid_from FROM @extschema@.province v WHERE v.code = entry_region.province_code)));
	-- a code names its 시·군·구 on any day of the year it exists; it is
	-- read on the first such day (FY2026 lines under the codes 인천 gave
	-- its new 구 on 2026-07-01, before that day)
	IF btrim(municipality) ~ '^[0-9]{5}$' AND as_of IS NULL THEN
		on_day := coalesce((SELECT greatest(on_day, m.valid_from) FROM @extschema@.municipality m
							WHERE m.code = btrim(entry_region.municipality)
							  AND (m.valid_from IS NULL OR m.valid_from <= make_date(fiscal_year, 12, 31))
							  AND (m.valid_to IS NULL OR m.valid_to > make_date(fiscal_year, 1, 1))), on_day);
	END IF;
	municipality_code := @extschema@.municipality_code(
		CASE WHEN province_code IS NOT NULL AND btrim(municipality) !~ '^[0-9]{5}$' AND position(' ' IN btrim(municipality)) = 0
			 THEN province_code || ' ' || btrim(municipality) ELSE municipality END,
		on_day);
	IF province_code IS NULL THEN
		province_code := (SELECT m.province_code FROM @extschema@.municipality m WHERE m.code = entry_region.municipality_code);
	ELSIF NOT EXISTS (SELECT 1 FROM @extschema@.municipality_year y
					  WHERE y.municipality_code = entry_region.municipality_code
						AND y.province_code = entry_region.province_code AND y.fiscal_year = entry_region.fiscal_year) THEN
		RAISE EXCEPTION 'municipality % is not in province % in fiscal year % (%)', municipality_code, province_code,
			fiscal_year, line
			USING ERRCODE = 'check_violation',
				  DETAIL = (SELECT format('%s (%s) lies in province %s from %s%s.', m.code, m.name_ko, m.province_code,
										  coalesce(m.valid_from::text, 'before 2023'), coalesce(' until ' || (m.valid_to - 1)::text, ''))
							FROM @extschema@.municipality m WHERE m.code = entry_region.municipality_code),
				  HINT = 'A line''s 시·군·구 must lie in its province in its fiscal year; give the 시·군·구 of that province, or leave the province out.';
	END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.entry_region(text, text, integer, date, text) IS
'the province and 시·군·구 codes a line names in its fiscal year (as_of, a day of that year, deciding a name whose meaning changed that year), or an error naming the line';

CREATE OR REPLACE FUNCTION @extschema@.entry_amount(amount text, "national" text, local text, unit text, line text)
RETURNS @extschema@.funding
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	state text;
	message text;
	detail text;
	hint text;
BEGIN
	-- the type's own refusals (22P02, 22003), with the line appended
	BEGIN
	IF amount IS NOT NULL AND ("national" IS NOT NULL OR local IS NOT NULL) THEN
		RAISE EXCEPTION 'give either amount or national and local, not both (%)', line
			USING ERRCODE = 'invalid_parameter_value';
	ELSIF amount IS NOT NULL THEN
		IF unit IS NOT NULL THEN
			RAISE EXCEPTION 'unit applies to national and local numbers, not to a text amount (%)', line
				USING ERRCODE = 'invalid_parameter_value',
					  HINT = 'Write the unit inside the amount: ''국비 929억원, 지방비 433억원''.';
		END IF;
		IF amount ~ '^[[:space:]]*[-+]?[0-9][0-9,.]*[[:space:]]*$' THEN
			RAISE EXCEPTION 'amount % is a number without a unit (%)', @extschema@.entry_echo(amount), line
				USING ERRCODE = 'invalid_parameter_value',
					  DETAIL = 'A load does not guess whether a bare number is in 원, 천원 or 백만원.',
					  HINT = 'Write the unit in the amount (''7,979,230천원''), or give national and local numbers with their unit.';
		END IF;
		RETURN amount::@extschema@.funding;
	ELSIF "national" IS NOT NULL OR local IS NOT NULL THEN
		IF unit IS NULL OR btrim(unit) = '' THEN
			RAISE EXCEPTION 'national and local numbers need their unit (%)', line
				USING ERRCODE = 'invalid_parameter_value',
					  DETAIL = 'A load does not guess whether a bare number is in 원, 천원 or 백만원.',
					  HINT = 'Give the unit column (원, 천원, 백만원, 억), or load_allocations(table, unit => ''천원'').';
		END IF;
		RETURN @extschema@.funding(coalesce("national", '0'), coalesce(local, '0'), unit);
	END IF;
	EXCEPTION WHEN invalid_text_representation OR numeric_value_out_of_range THEN
		GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, message = MESSAGE_TEXT,
								detail = PG_EXCEPTION_DETAIL, hint = PG_EXCEPTION_HINT;
		IF position(line IN message) > 0 THEN
			RAISE;
		END IF;
		message := format('%s (%s)', message, line);
		-- (a RAISE option may not be empty)
		IF detail <> '' AND hint <> '' THEN
			RAISE EXCEPTION USING ERRCODE = state, MESSAGE = message, DETAIL = detail, HINT = hint;
		ELSIF detail <> '' THEN
			RAISE EXCEPTION USING ERRCODE = state, MESSAGE = message, DETAIL = detail;
		ELSIF hint <> '' THEN
			RAISE EXCEPTION USING ERRCODE = state, MESSAGE = message, HINT = hint;
		END IF;
		RAISE EXCEPTION USING ERRCODE = state, MESSAGE = message;
	END;
	RAISE EXCEPTION 'no amount (%)', line
		USING ERRCODE = 'not_null_violation',
			  HINT = 'Give amount (text such as ''국비 929억원, 지방비 433억원'') or national and local numbers with their unit.';
END
$$;
COMMENT ON FUNCTION @extschema@.entry_amount(text, text, text, text, text) IS
'the funding value a line gives (amount as text, or national and local numbers with their unit), or an error naming the line; a bare number without a unit is refused';

CREATE OR REPLACE FUNCTION @extschema@.allocation_entry_insert()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	v_row bigint := @extschema@.allocation_load_row();
	row_text text := format('row %s: program %s, province %s, fiscal year %s, reference %s', v_row,
							@extschema@.entry_echo(NEW.program), @extschema@.entry_echo(NEW.province),
							coalesce(NEW.fiscal_year::text, 'NULL'), @extschema@.entry_echo(NEW.reference));
	v_reference text := @extschema@.reference_trim(@extschema@.entry_bounded(NEW.reference, 'reference', row_text));
	v_program integer;
	v_province text;
	v_amount @extschema@.funding;
	v_phase text := coalesce(NEW.phase, 'planned');
	v_municipality text;
	twin_id bigint;
	twin_reference text;
	twin_row bigint;
	v_id bigint;
	inserted boolean;
BEGIN
	PERFORM @extschema@.entry_plain(v_reference, 'reference', row_text), @extschema@.entry_plain(NEW.note, 'note', row_text);
	v_program := @extschema@.entry_program(NEW.program, NEW.fiscal_year, row_text);
	SELECT r.province_code, r.municipality_code INTO v_province, v_municipality
	FROM @extschema@.entry_region(NEW.province, NEW.municipality, NEW.fiscal_year, NEW.as_of, row_text) r;
	v_amount := @extschema@.entry_amount(NEW.amount, NEW."national", NEW.local, NEW.unit, row_text);

	-- The line's scope, locked once per statement, so that no concurrent
	-- load adds an identical line unseen (allocation_scope).
	IF NOT @extschema@.allocation_load_scope_seen(v_province, NEW.fiscal_year, v_phase, v_program) THEN
		PERFORM @extschema@.allocation_scope_lock(v_province, NEW.fiscal_year, v_phase, v_program);
	END IF;

	-- A line identical to one already there (programme, province, year,
	-- phase, 시·군·구 and amount) would double the total when one of the two
	-- has no reference: a load run again without references, or run with
	-- references after one without.  (Two identical loads without a
	-- reference at once are refused by the unique index itself.)
	-- (one probe of allocation_line_hash_idx)
	SELECT a.id, a.reference INTO twin_id, twin_reference
	FROM @extschema@.allocation a
	WHERE @extschema@.line_hash(a.province_code, a.fiscal_year, a.phase, a.program_id, a.amount)
		  = @extschema@.line_hash(v_province, NEW.fiscal_year, v_phase, v_program, v_amount)
	  AND a.province_code IS NOT DISTINCT FROM v_province
	  AND a.fiscal_year = NEW.fiscal_year AND a.phase = v_phase AND a.program_id = v_program
	  AND a.amount OPERATOR(@extschema@.=) v_amount
	  AND coalesce(a.municipality_code, '') = coalesce(v_municipality, '')
	  AND (v_reference IS NULL OR a.reference IS NULL)
	ORDER BY a.reference NULLS FIRST
	LIMIT 1;
	IF twin_id IS NOT NULL THEN
		twin_row := @extschema@.allocation_load_written(twin_id);
		IF twin_row IS NOT NULL THEN
			PERFORM @extschema@.entry_same_line(twin_row, v_row, row_text);
		END IF;
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
		INSERT INTO @extschema@.allocation AS a (program_id, province_code, fiscal_year, amount, phase, note, municipality_code)
		VALUES (v_program, v_province, NEW.fiscal_year, v_amount, v_phase, NEW.note, v_municipality)
		RETURNING a.id INTO v_id;
		inserted := true;
	ELSIF v_province IS NOT NULL THEN
		-- a line with a reference replaces what was loaded under it before
		INSERT INTO @extschema@.allocation AS a (program_id, province_code, fiscal_year, amount, phase, note, reference, municipality_code)
		VALUES (v_program, v_province, NEW.fiscal_year, v_amount, v_phase, NEW.note, v_reference, v_municipality)
		ON CONFLICT (reference, province_code, fiscal_year, phase, program_id, (coalesce(municipality_code, '')))
			WHERE reference IS NOT NULL AND province_code IS NOT NULL
		DO UPDATE SET amount = EXCLUDED.amount, note = EXCLUDED.note
		RETURNING a.id, a.xmax = 0 INTO v_id, inserted;
	ELSE
		INSERT INTO @extschema@.allocation AS a (program_id, province_code, fiscal_year, amount, phase, note, reference, municipality_code)
		VALUES (v_program, NULL, NEW.fiscal_year, v_amount, v_phase, NEW.note, v_reference, v_municipality)
		ON CONFLICT (reference, fiscal_year, phase, program_id)
			WHERE reference IS NOT NULL AND province_code IS NULL
		DO UPDATE SET amount = EXCLUDED.amount, note = EXCLUDED.note
		RETURNING a.id, a.xmax = 0 INTO v_id, inserted;
	END IF;
	-- a line this very statement wrote is the same line given twice, not
	-- one to replace
	IF NOT inserted THEN
		twin_row := @extschema@.allocation_load_written(v_id);
		IF twin_row IS NOT NULL THEN
			PERFORM @extschema@.entry_same_line(twin_row, v_row, row_text);
		END IF;
	END IF;
	PERFORM @extschema@.allocation_load_count(inserted, v_id);
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.allocation_entry_insert() IS
'INSTEAD OF INSERT on allocation_entry: resolves program and province, reads the amount, and inserts the line, or replaces the line of the same programme, province, 시·군·구, year, phase and reference; the same line twice in one statement is refused';

CREATE OR REPLACE FUNCTION @extschema@.entry_same_line(first bigint, second bigint, line text)
RETURNS void
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	RAISE EXCEPTION 'lines % and % of the load are the same line (%)', first, second, line
		USING ERRCODE = 'unique_violation',
			  DETAIL = 'They have the same programme, province, 시·군·구, fiscal year and phase, and the same reference or, without one, the same amount.',
			  HINT = 'Give each line its own reference, or load the line once.';
END
$$;
COMMENT ON FUNCTION @extschema@.entry_same_line(bigint, bigint, text) IS
'refuses (23505) a line given twice in one load, naming both rows';

CREATE OR REPLACE FUNCTION @extschema@.load_allocations(lines regclass, unit text DEFAULT NULL,
											 OUT inserted bigint, OUT replaced bigint)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	bad record;
	n bigint;
	r bigint;
	has_line boolean;
	has_ctid boolean;
	load_unit text := unit;
	line_text text;
	e_state text;
	e_message text;
	e_detail text;
	e_hint text;
BEGIN
	IF to_regclass('pg_temp.rp_resolved') IS NOT NULL THEN
		DROP TABLE IF EXISTS pg_temp.rp_lines, pg_temp.rp_programs, pg_temp.rp_regions, pg_temp.rp_resolved;
	END IF;
	has_line := EXISTS (SELECT 1 FROM pg_attribute a
						WHERE a.attrelid = lines AND a.attname = 'line' AND a.attnum > 0 AND NOT a.attisdropped);
	has_ctid := EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = lines AND c.relkind IN ('r', 'm'));
	-- The lines, numbered once; each programme, province and 시·군·구 looked
	-- up once, the error naming the first line that gives it; the amount
	-- read by the type's input (or from numbers in a unit).
	EXECUTE format($q$
		CREATE TEMP TABLE rp_lines ON COMMIT DROP AS
		SELECT %s AS line, s.program, s.province, s.fiscal_year, coalesce(s.phase, 'planned') AS phase,
			   s.amount, s."national", s.local, CASE WHEN s.amount IS NULL THEN coalesce(s.unit, %L) ELSE s.unit END AS unit,
			   s.reference AS given_reference,
			   @extschema@.reference_trim(s.reference) AS reference,
			   s.note, s.municipality, s.as_of
		FROM %s AS s$q$,
		CASE WHEN has_line THEN 's.line::bigint' WHEN has_ctid THEN 'row_number() OVER (ORDER BY s.ctid)'
			 ELSE 'row_number() OVER ()' END, load_unit, lines);
	-- references and notes first, in one scan: bounded, and no formula,
	-- before anything is compared
	SELECT l.line, l.given_reference, l.reference, l.note INTO bad FROM rp_lines l
	WHERE length(l.given_reference) > 200 OR @extschema@.begins_formula(l.reference) OR @extschema@.begins_formula(l.note)
	ORDER BY l.line LIMIT 1;
	IF FOUND THEN
		PERFORM @extschema@.entry_bounded(bad.given_reference, 'reference', format('line %s', bad.line));
		PERFORM @extschema@.entry_plain(bad.reference, 'reference', format('line %s', bad.line)),
				@extschema@.entry_plain(bad.note, 'note', format('line %s', bad.line));
	END IF;
	CREATE TEMP TABLE rp_programs ON COMMIT DROP AS
	SELECT l.program, l.fiscal_year,
		   @extschema@.entry_program(l.program, l.fiscal_year,
									 format('line %s: program %s, fiscal year %s', min(l.line),
											@extschema@.entry_echo(l.program), l.fiscal_year)) AS program_id
	FROM rp_lines l
	GROUP BY l.program, l.fiscal_year;
	CREATE TEMP TABLE rp_regions ON COMMIT DROP AS
	SELECT k.province, k.municipality, k.fiscal_year, k.as_of, g.province_code, g.municipality_code
	FROM (SELECT l.province, l.municipality, l.fiscal_year, l.as_of, min(l.line) AS line
		  FROM rp_lines l GROUP BY l.province, l.municipality, l.fiscal_year, l.as_of) k,
		 LATERAL @extschema@.entry_region(k.province, k.municipality, k.fiscal_year, k.as_of,
				format('line %s: province %s, municipality %s, fiscal year %s', k.line, @extschema@.entry_echo(k.province),
					   @extschema@.entry_echo(k.municipality), k.fiscal_year)) g;
	-- The amounts, each read by entry_amount (a text amount by the type's
	-- input straight away when it has no other column beside it).  An
	-- amount refused is found again line by line, in the order of the
	-- lines, so that the error names the first line that has one.
	BEGIN
		CREATE TEMP TABLE rp_resolved ON COMMIT DROP AS
		SELECT r.*, @extschema@.line_hash(r.province_code, r.fiscal_year, r.phase, r.program_id, r.amount) AS h
		FROM (SELECT l.line, p.program_id, g.province_code, l.fiscal_year, l.phase,
					 CASE WHEN l.amount IS NOT NULL AND l."national" IS NULL AND l.local IS NULL AND l.unit IS NULL
							   AND l.amount !~ '^[[:space:]]*[-+]?[0-9][0-9,.]*[[:space:]]*$'
						  THEN l.amount::@extschema@.funding
						  ELSE @extschema@.entry_amount(l.amount, l."national", l.local, l.unit,
								  format('line %s: program %s, province %s, fiscal year %s, reference %s',
										 l.line, @extschema@.entry_echo(l.program), @extschema@.entry_echo(l.province),
										 l.fiscal_year, @extschema@.entry_echo(l.given_reference))) END AS amount,
					 l.note, l.reference, g.municipality_code, l.program AS given_program, l.province AS given_province,
					 l.given_reference
			  FROM rp_lines l
				   JOIN rp_programs p ON p.program = l.program AND p.fiscal_year = l.fiscal_year
				   JOIN rp_regions g ON coalesce(g.province, '') = coalesce(l.province, '')
									AND coalesce(g.municipality, '') = coalesce(l.municipality, '')
									AND g.fiscal_year = l.fiscal_year
									AND coalesce(g.as_of, 'infinity') = coalesce(l.as_of, 'infinity')) r;
	EXCEPTION WHEN OTHERS THEN
		FOR bad IN SELECT l.* FROM rp_lines l ORDER BY l.line LOOP
			line_text := format('line %s: program %s, province %s, fiscal year %s, reference %s',
								bad.line, @extschema@.entry_echo(bad.program), @extschema@.entry_echo(bad.province),
								bad.fiscal_year, @extschema@.entry_echo(bad.given_reference));
			BEGIN
				PERFORM @extschema@.entry_amount(bad.amount, bad."national", bad.local, bad.unit, line_text);
			EXCEPTION WHEN OTHERS THEN
				GET STACKED DIAGNOSTICS e_state = RETURNED_SQLSTATE, e_message = MESSAGE_TEXT,
										e_detail = PG_EXCEPTION_DETAIL, e_hint = PG_EXCEPTION_HINT;
				IF position(line_text IN e_message) = 0 THEN
					e_message := format('%s (%s)', e_message, line_text);
				END IF;
				RAISE EXCEPTION USING MESSAGE = e_message, ERRCODE = e_state, DETAIL = e_detail, HINT = e_hint;
			END;
		END LOOP;
		RAISE;
	END;
	ANALYZE rp_resolved;

	-- The scopes of the lines, locked (allocation_scope), in one order.
	PERFORM @extschema@.allocation_scope_lock(k.province_code, k.fiscal_year, k.phase, k.program_id)
	FROM (SELECT DISTINCT x.province_code, x.fiscal_year, x.phase, x.program_id FROM rp_resolved x
		  ORDER BY 1, 2, 3, 4) k;

	-- a line identical to one already there, where one of the two has no
	-- reference: a load run again without references, or with references
	-- after one without, would double the total (by line_hash: a probe of
	-- allocation_line_hash_idx per line, or one pass, as the planner finds
	-- cheaper)
	SELECT format('line %s: program %s, province %s, fiscal year %s, reference %s',
				  x.line, @extschema@.entry_echo(x.given_program), @extschema@.entry_echo(x.given_province),
				  x.fiscal_year, @extschema@.entry_echo(x.given_reference)) AS line_text,
		   x.reference AS new_reference, t.id, t.reference AS old_reference, x.phase, x.amount
	  INTO bad
	FROM rp_resolved x
		 JOIN @extschema@.allocation t
		   ON @extschema@.line_hash(t.province_code, t.fiscal_year, t.phase, t.program_id, t.amount) = x.h
			  AND t.province_code IS NOT DISTINCT FROM x.province_code
			  AND t.fiscal_year = x.fiscal_year AND t.phase = x.phase AND t.program_id = x.program_id
			  AND t.amount OPERATOR(@extschema@.=) x.amount
			  AND coalesce(t.municipality_code, '') = coalesce(x.municipality_code, '')
			  AND (x.reference IS NULL OR t.reference IS NULL)
	ORDER BY x.line LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION 'allocation already recorded: %, phase %, amount %', bad.line_text, bad.phase, bad.amount
			USING ERRCODE = 'unique_violation',
				  DETAIL = CASE WHEN bad.new_reference IS NOT NULL
							   THEN format('An identical line without a reference is already there (allocation %s); loading this one beside it would double the total.', bad.id)
							   WHEN bad.old_reference IS NOT NULL
							   THEN format('An identical line is already there under reference %L; loading this one too would double the total.', bad.old_reference)
							   ELSE 'An identical line without a reference is already there; loading it again would double the total.' END,
				  HINT = 'Give each line its reference (its 세부사업 or 과제 number): a line loaded again with the same reference replaces its amount, so a load can be run twice.';
	END IF;

	-- The same line twice in one load (the same programme, province,
	-- 시·군·구, year, phase and reference, or without one the same amount),
	-- named by its two lines.
	SELECT d.first, d.second, format('line %s: program %s, province %s, fiscal year %s, reference %s',
									 x.line, @extschema@.entry_echo(x.given_program), @extschema@.entry_echo(x.given_province),
									 x.fiscal_year, @extschema@.entry_echo(x.given_reference)) AS line_text
	  INTO bad
	FROM (SELECT min(line) AS first, (array_agg(line ORDER BY line))[2] AS second
		  FROM rp_resolved
		  GROUP BY province_code, fiscal_year, phase, program_id, reference, coalesce(municipality_code, ''),
				   CASE WHEN reference IS NULL THEN amount END
		  HAVING count(*) > 1
		  ORDER BY 1 LIMIT 1) d
		 JOIN rp_resolved x ON x.line = d.first;
	IF FOUND THEN
		PERFORM @extschema@.entry_same_line(bad.first, bad.second, bad.line_text);
	END IF;

	-- Into allocation, in three INSERTs.
	WITH w AS (
		INSERT INTO @extschema@.allocation AS a (program_id, province_code, fiscal_year, amount, phase, note, reference, municipality_code)
		SELECT x.program_id, x.province_code, x.fiscal_year, x.amount, x.phase, x.note, x.reference, x.municipality_code
		FROM rp_resolved x WHERE x.reference IS NOT NULL AND x.province_code IS NOT NULL
		ON CONFLICT (reference, province_code, fiscal_year, phase, program_id, (coalesce(municipality_code, '')))
			WHERE reference IS NOT NULL AND province_code IS NOT NULL
		DO UPDATE SET amount = EXCLUDED.amount, note = EXCLUDED.note
		RETURNING a.xmax = 0 AS fresh)
	SELECT count(*) FILTER (WHERE fresh), count(*) FILTER (WHERE NOT fresh) INTO inserted, replaced FROM w;
	-- (lines of no single province only where there are some: a
	-- distributed allocation has no key for them)
	IF EXISTS (SELECT 1 FROM rp_resolved x WHERE x.reference IS NOT NULL AND x.province_code IS NULL) THEN
		WITH w AS (
			INSERT INTO @extschema@.allocation AS a (program_id, province_code, fiscal_year, amount, phase, note, reference, municipality_code)
			SELECT x.program_id, NULL, x.fiscal_year, x.amount, x.phase, x.note, x.reference, x.municipality_code
			FROM rp_resolved x WHERE x.reference IS NOT NULL AND x.province_code IS NULL
			ON CONFLICT (reference, fiscal_year, phase, program_id)
				WHERE reference IS NOT NULL AND province_code IS NULL
			DO UPDATE SET amount = EXCLUDED.amount, note = EXCLUDED.note
			RETURNING a.xmax = 0 AS fresh)
		SELECT count(*) FILTER (WHERE fresh), count(*) FILTER (WHERE NOT fresh) INTO n, r FROM w;
		inserted := inserted + n;
		replaced := replaced + r;
	END IF;
	INSERT INTO @extschema@.allocation (program_id, province_code, fiscal_year, amount, phase, note, municipality_code)
	SELECT x.program_id, x.province_code, x.fiscal_year, x.amount, x.phase, x.note, x.municipality_code
	FROM rp_resolved x WHERE x.reference IS NULL;
	GET DIAGNOSTICS n = ROW_COUNT;
	inserted := inserted + n;
	DROP TABLE rp_lines, rp_programs, rp_regions, rp_resolved;
	PERFORM @extschema@.allocation_load_record(inserted, replaced);
	RAISE NOTICE 'load_allocations: % % inserted, % replaced', inserted,
		CASE WHEN inserted = 1 THEN 'line' ELSE 'lines' END, replaced;
END
$$;
COMMENT ON FUNCTION @extschema@.load_allocations(regclass, text) IS
'loads the lines of a table with allocation_entry''s columns (and optionally "line", the source''s line numbers), as allocation_entry would, set-based; unit is the unit of national and local numbers whose row gives none; returns how many lines it inserted and replaced';

CREATE OR REPLACE FUNCTION @extschema@.municipality_code(name_or_code text, as_of date DEFAULT CURRENT_DATE)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	wanted text := btrim(regexp_replace(name_or_code, '\s+', ' ', 'g'));
	name text := wanted;
	province text;
	m @extschema@.municipality;
	cur text;
	candidates text;
	n integer;
BEGIN
	IF wanted ~ '^[0-9]{5}$' THEN
		cur := wanted;
		LOOP
			SELECT * INTO m FROM @extschema@.municipality v WHERE v.code = cur;
			IF NOT FOUND THEN
				RAISE EXCEPTION 'unknown municipality code: "%"', name_or_code
					USING ERRCODE = 'invalid_parameter_value';
			END IF;
			EXIT WHEN m.valid_to IS NULL OR m.valid_to > as_of OR m.successor_code IS NULL;
			cur := m.successor_code;
		END LOOP;
		IF (m.valid_from IS NOT NULL AND m.valid_from > as_of) OR (m.valid_to IS NOT NULL AND m.valid_to <= as_of) THEN
			RAISE EXCEPTION 'municipality code "%" was not in use on %', name_or_code, as_of
				USING ERRCODE = 'invalid_parameter_value',
					  DETAIL = format('%s (%s) is valid from %s%s.', m.code, m.name_ko, coalesce(m.valid_from::text, 'before 2023'),
									  coalesce(' until ' || (m.valid_to - 1)::text, '')),
					  HINT = CASE WHEN m.valid_to <= as_of AND m.successor_code IS NULL
								  THEN 'It was split with no single successor; give the municipality of that date by name or code.'
								  WHEN m.valid_from > as_of
								  THEN coalesce('Before ' || m.valid_from || ' it was '
												|| (SELECT string_agg(format('%s (%s)', o.code, o.name_ko), ' or ' ORDER BY o.code)
													FROM @extschema@.municipality o WHERE o.successor_code = m.code)
												|| '; give that code, or a date from ' || m.valid_from || ' on.',
												format('Give a date from %s on, or the municipality of that date.', m.valid_from))
								  ELSE 'Give the municipality of that date by name or code.' END;
		END IF;
		RETURN cur;
	END IF;

	-- a province before the name: "경남 통영시", "경상남도 통영시"
	IF position(' ' IN wanted) > 0 THEN
		province := @extschema@.province_code(split_part(wanted, ' ', 1), as_of);
		name := substr(wanted, position(' ' IN wanted) + 1);
	END IF;
	SELECT count(*), min(v.code),
		   string_agg(format('%s %s (%s)', p.short_ko, v.name_ko, v.code), ', ' ORDER BY p.sort_order, v.code)
	  INTO n, cur, candidates
	FROM @extschema@.municipality v
		 JOIN @extschema@.province p ON p.code = v.province_code
	WHERE v.name_ko = name
	  AND (province IS NULL OR v.province_code = province)
	  AND (v.valid_from IS NULL OR v.valid_from <= as_of) AND (v.valid_to IS NULL OR v.valid_to > as_of);
	IF n = 0 THEN
		RAISE EXCEPTION 'unknown municipality: "%" on %', name_or_code, as_of
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Give its full name (통영시, 중구), optionally after its province (경남 통영시), or its 5-digit code.';
	ELSIF n > 1 THEN
		RAISE EXCEPTION 'municipality "%" is ambiguous on %', name_or_code, as_of
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = format('Candidates: %s.', candidates),
				  HINT = format('Put the province first, e.g. "%s", or give the code.',
								(SELECT p.short_ko FROM @extschema@.province p
								 JOIN @extschema@.municipality v ON v.province_code = p.code WHERE v.name_ko = name
								 ORDER BY p.sort_order LIMIT 1) || ' ' || name);
	END IF;
	RETURN cur;
END
$$;
COMMENT ON FUNCTION @extschema@.municipality_code(text, date) IS
'the 5-digit code of a 시·군·구 on as_of (default today), from its name (통영시), its province and name (경남 통영시) or a code, current or former; a name several provinces share, without its province, is an error listing the candidates (22023)';

CREATE OR REPLACE FUNCTION @extschema@.unit_won(unit text)
RETURNS bigint
AS 'MODULE_PATHNAME', 'funding_unit_won'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.unit_won(text) IS
'a unit written as text (원, 억, 천원, 10억, or won/man/eok/jo in any case) in won, as round() and in_unit() read it; 22023 if it is not one';

CREATE OR REPLACE FUNCTION @extschema@.is_steward_of(province_code text)
RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT EXISTS (
		SELECT 1
		FROM @extschema@.province_steward s
			 JOIN pg_catalog.pg_roles r ON r.rolname = s.role_name
		WHERE s.province_code = is_steward_of.province_code
		  AND pg_catalog.pg_has_role(session_user, r.oid, 'MEMBER'))
$$;
COMMENT ON FUNCTION @extschema@.is_steward_of(text) IS
'true when the session''s login role is a member of a role that stewards the province (false for NULL), whatever role it has set';

CREATE OR REPLACE FUNCTION @extschema@.may_load(province_code text)
RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT r.rolsuper OR r.rolbypassrls
		   OR pg_catalog.pg_has_role(session_user, c.relowner, 'MEMBER')
		   OR @extschema@.is_steward_of(may_load.province_code)
	FROM pg_catalog.pg_roles r, pg_catalog.pg_class c
	WHERE r.rolname = session_user AND c.oid = '@extschema@.allocation'::pg_catalog.regclass
$$;
COMMENT ON FUNCTION @extschema@.may_load(text) IS
'true when the session may load lines of the province: as the owner of allocation, a superuser, a role that bypasses row-level security, or a steward of the province';

CREATE OR REPLACE FUNCTION @extschema@.is_evaluator()
RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_roles r
				   WHERE r.rolname = 'regionpolicy_evaluator' AND pg_catalog.pg_has_role(session_user, r.oid, 'MEMBER'))
$$;
COMMENT ON FUNCTION @extschema@.is_evaluator() IS
'true when the session''s login role is a member of the role regionpolicy_evaluator (which the administrator creates), whatever role it has set';

CREATE OR REPLACE FUNCTION @extschema@.delete_allocation(allocation_id bigint)
RETURNS boolean
LANGUAGE plpgsql VOLATILE STRICT SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	p text;
BEGIN
	IF NOT pg_catalog.has_table_privilege(session_user, '@extschema@.allocation', 'SELECT') THEN
		RAISE EXCEPTION 'permission denied for table allocation'
			USING ERRCODE = 'insufficient_privilege';
	END IF;
	-- the line's province first, then the line locked by id and province (a
	-- distributed allocation is reached by its province)
	SELECT a.province_code INTO p FROM @extschema@.allocation a WHERE a.id = allocation_id;
	IF NOT FOUND THEN
		RETURN false;
	END IF;
	IF p IS NULL THEN
		PERFORM 1 FROM @extschema@.allocation a WHERE a.id = allocation_id AND a.province_code IS NULL FOR UPDATE;
	ELSE
		PERFORM 1 FROM @extschema@.allocation a WHERE a.id = allocation_id AND a.province_code = p FOR UPDATE;
	END IF;
	IF NOT FOUND THEN
		RETURN false;			-- moved or deleted meanwhile
	END IF;
	IF NOT @extschema@.is_steward_of(p) THEN
		RAISE EXCEPTION 'permission denied to delete allocation % of province %', allocation_id, coalesce(p, '(none)')
			USING ERRCODE = 'insufficient_privilege',
				  HINT = 'Only members of the province''s steward role (see province_steward) may delete its rows; lines of no single province are the owner''s.';
	END IF;
	IF p IS NULL THEN
		DELETE FROM @extschema@.allocation a WHERE a.id = allocation_id AND a.province_code IS NULL;
	ELSE
		DELETE FROM @extschema@.allocation a WHERE a.id = allocation_id AND a.province_code = p;
	END IF;
	RETURN true;
END
$$;
COMMENT ON FUNCTION @extschema@.delete_allocation(bigint) IS
'deletes an allocation of a province the session''s role stewards (42501 for any other); false when there is no such allocation';

CREATE OR REPLACE FUNCTION @extschema@.delete_cluster_diagnosis(cluster_id integer, fiscal_year integer)
RETURNS boolean
LANGUAGE plpgsql VOLATILE STRICT SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	p text := @extschema@.cluster_province(delete_cluster_diagnosis.cluster_id, delete_cluster_diagnosis.fiscal_year);
BEGIN
	IF NOT pg_catalog.has_table_privilege(session_user, '@extschema@.cluster_diagnosis', 'SELECT') THEN
		RAISE EXCEPTION 'permission denied for table cluster_diagnosis'
			USING ERRCODE = 'insufficient_privilege';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM @extschema@.cluster_diagnosis d
				   WHERE d.cluster_id = delete_cluster_diagnosis.cluster_id
					 AND d.fiscal_year = delete_cluster_diagnosis.fiscal_year) THEN
		RETURN false;
	END IF;
	IF NOT @extschema@.is_steward_of(p) THEN
		RAISE EXCEPTION 'permission denied to delete the diagnosis of cluster % for fiscal year % (province %)',
			delete_cluster_diagnosis.cluster_id, delete_cluster_diagnosis.fiscal_year, coalesce(p, '(none)')
			USING ERRCODE = 'insufficient_privilege',
				  HINT = 'Only members of the province''s steward role (see province_steward) may delete its diagnoses.';
	END IF;
	DELETE FROM @extschema@.cluster_diagnosis d
	WHERE d.cluster_id = delete_cluster_diagnosis.cluster_id AND d.fiscal_year = delete_cluster_diagnosis.fiscal_year;
	RETURN true;
END
$$;
COMMENT ON FUNCTION @extschema@.delete_cluster_diagnosis(integer, integer) IS
'deletes a diagnosis of a cluster of a province the session''s role stewards (42501 for any other); false when there is none';

CREATE OR REPLACE FUNCTION @extschema@.award_entry_insert()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	line text := format('program %s, reference %s, recipient %s, fiscal year %s',
						@extschema@.entry_echo(NEW.program), @extschema@.entry_echo(NEW.reference),
						@extschema@.entry_echo(NEW.recipient), coalesce(NEW.fiscal_year, NEW.first_year));
	v_program integer;
	v_province text;
	v_municipality text;
	v_reference text := @extschema@.reference_trim(@extschema@.entry_bounded(NEW.reference, 'reference', line));
	v_number text := regexp_replace(coalesce(NEW.business_number, ''), '[-[:space:]]', '', 'g');
	v_year integer := coalesce(NEW.fiscal_year, NEW.first_year);
	v_award bigint;
BEGIN
	IF v_reference IS NULL OR NEW.recipient IS NULL OR btrim(NEW.recipient) = '' OR NEW.years IS NULL THEN
		RAISE EXCEPTION 'an award needs a reference, a recipient and its number of years (%)', line
			USING ERRCODE = 'not_null_violation';
	END IF;
	PERFORM @extschema@.entry_plain(v_reference, 'reference', line), @extschema@.entry_plain(NEW.recipient, 'recipient', line);
	IF NOT @extschema@.business_number_valid(v_number) THEN
		RAISE EXCEPTION 'invalid business registration number % (%)', @extschema@.entry_echo(NEW.business_number), line
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'A 사업자등록번호 has ten digits, the last a check digit of the others: 220-81-62517.';
	END IF;
	v_program := @extschema@.entry_program(NEW.program, NEW.first_year, line);
	SELECT r.province_code, r.municipality_code INTO v_province, v_municipality
	FROM @extschema@.entry_region(NEW.province, NEW.municipality, NEW.first_year, NEW.as_of, line) r;
	IF v_province IS NULL THEN
		RAISE EXCEPTION 'an award belongs to a province (%)', line
			USING ERRCODE = 'not_null_violation';
	END IF;
	IF v_year < NEW.first_year OR v_year >= NEW.first_year + NEW.years THEN
		RAISE EXCEPTION 'fiscal year % is outside the award''s term, % to % (%)', v_year, NEW.first_year,
			NEW.first_year + NEW.years - 1, line
			USING ERRCODE = 'check_violation';
	END IF;

	INSERT INTO @extschema@.award AS w (program_id, first_year, reference, recipient, business_number,
										province_code, municipality_code, years)
	VALUES (v_program, NEW.first_year, v_reference, btrim(NEW.recipient), v_number, v_province, v_municipality, NEW.years)
	ON CONFLICT ON CONSTRAINT award_key DO UPDATE
		SET recipient = EXCLUDED.recipient, business_number = EXCLUDED.business_number,
			province_code = EXCLUDED.province_code, municipality_code = EXCLUDED.municipality_code,
			years = EXCLUDED.years, first_year = EXCLUDED.first_year
	RETURNING w.id INTO v_award;
	-- an award loaded again with a shorter term keeps no year outside it
	IF EXISTS (SELECT 1 FROM @extschema@.award_year y
			   WHERE y.award_id = v_award AND (y.fiscal_year < NEW.first_year OR y.fiscal_year >= NEW.first_year + NEW.years)) THEN
		DELETE FROM @extschema@.award_year y
		WHERE y.award_id = v_award AND (y.fiscal_year < NEW.first_year OR y.fiscal_year >= NEW.first_year + NEW.years);
	END IF;
	IF NEW.grant_amount IS NOT NULL THEN
		INSERT INTO @extschema@.award_year AS y (award_id, fiscal_year, grant_amount, private_cash, private_in_kind)
		VALUES (v_award, v_year, NEW.grant_amount::@extschema@.funding,
				coalesce(@extschema@.parse_amount(NEW.private_cash), 0),
				coalesce(@extschema@.parse_amount(NEW.private_in_kind), 0))
		ON CONFLICT (award_id, fiscal_year) DO UPDATE
			SET grant_amount = EXCLUDED.grant_amount, private_cash = EXCLUDED.private_cash,
				private_in_kind = EXCLUDED.private_in_kind;
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.award_entry_insert() IS
'INSTEAD OF INSERT on award_entry: resolves programme, province and 시·군·구, checks the business number and the year, and inserts or replaces the award and its year';

CREATE OR REPLACE FUNCTION @extschema@.award_term_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	w record;
	outside integer;
BEGIN
	IF TG_TABLE_NAME = 'award_year' THEN
		SELECT a.first_year, a.years, a.reference INTO w FROM @extschema@.award a WHERE a.id = NEW.award_id;
		IF FOUND AND (NEW.fiscal_year < w.first_year OR NEW.fiscal_year >= w.first_year + w.years) THEN
			RAISE EXCEPTION 'fiscal year % is outside the term of award % (%), % to %', NEW.fiscal_year, NEW.award_id,
				w.reference, w.first_year, w.first_year + w.years - 1
				USING ERRCODE = 'check_violation',
					  HINT = 'A year of an award lies from its first_year to first_year + years - 1; change the award''s term first.';
		END IF;
		RETURN NEW;
	END IF;
	SELECT min(y.fiscal_year) INTO outside FROM @extschema@.award_year y
	WHERE y.award_id = NEW.id AND (y.fiscal_year < NEW.first_year OR y.fiscal_year >= NEW.first_year + NEW.years);
	IF outside IS NOT NULL THEN
		RAISE EXCEPTION 'award % (%) runs % to %, but has a year % outside it', NEW.id, NEW.reference,
			NEW.first_year, NEW.first_year + NEW.years - 1, outside
			USING ERRCODE = 'check_violation',
				  HINT = 'Delete the award''s years outside its term (award_entry does so when an award is loaded again), or keep its term.';
	END IF;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.award_term_check() IS
'trigger: a year of an award lies in the award''s term (23514)';

DROP FUNCTION @extschema@.session_stewards(text);

CREATE TRIGGER award_term_check BEFORE INSERT OR UPDATE ON @extschema@.award_year
	FOR EACH ROW EXECUTE FUNCTION @extschema@.award_term_check();

CREATE CONSTRAINT TRIGGER award_term_check AFTER UPDATE OF first_year, years ON @extschema@.award
	DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION @extschema@.award_term_check();

CREATE OR REPLACE VIEW @extschema@.award_entry AS
SELECT g.name_ko AS program,
	   w.reference,
	   w.recipient,
	   w.business_number,
	   p.short_ko AS province,
	   w.municipality_code AS municipality,
	   w.first_year,
	   w.years,
	   y.fiscal_year,
	   y.grant_amount::text AS grant_amount,
	   y.private_cash::text AS private_cash,
	   y.private_in_kind::text AS private_in_kind,
	   NULL::date AS as_of,
	   NULL::boolean AS entry_check
FROM @extschema@.award w
	 JOIN @extschema@.program g ON g.id = w.program_id
	 JOIN @extschema@.province p ON p.code = w.province_code
	 LEFT JOIN @extschema@.award_year y ON y.award_id = w.id;
ALTER VIEW @extschema@.award_entry ALTER COLUMN entry_check SET DEFAULT @extschema@.entry_check();
COMMENT ON VIEW @extschema@.award_entry IS
'the way awards get in: one row per award and fiscal year, with program (name within the first year, or id), reference (과제번호), recipient, business_number, province and municipality (any name or code), first_year, years, fiscal_year (default first_year), grant as any text the funding type reads, and the private cash and in-kind shares as amounts; an award or year loaded again under its reference replaces it';

ALTER VIEW @extschema@.award_entry ALTER COLUMN entry_check SET DEFAULT @extschema@.entry_check();

CREATE OR REPLACE VIEW @extschema@.award_program_year AS
SELECT a.id AS award_program_id, g.id AS program_id, g.fiscal_year, g.name_ko
FROM @extschema@.program a
	 JOIN @extschema@.program g ON g.ministry = a.ministry AND g.name_ko = a.name_ko AND g.fiscal_year >= a.fiscal_year
WHERE a.id IN (SELECT w.program_id FROM @extschema@.award w);
COMMENT ON VIEW @extschema@.award_program_year IS
'for the sub-programme of every award (award_program_id, of the award''s first year): the programme of the same ministry and name in each year from then (program_id, fiscal_year), whose budget that year''s awards are counted against';

GRANT SELECT ON @extschema@.award_program_year TO PUBLIC;

CREATE OR REPLACE VIEW @extschema@.award_compliance AS
WITH totals AS (
	SELECT y.award_id, @extschema@.sum(y.grant_amount) AS grant_amount,
		   sum(y.private_cash) AS private_cash, sum(y.private_in_kind) AS private_in_kind
	FROM @extschema@.award_year y
	GROUP BY y.award_id
), broken AS (
	-- a term longer than the support period
	SELECT w.id AS award_id, 'term' AS rule, NULL::integer AS fiscal_year,
		   w.years::numeric AS figure, t.support_years::numeric AS "limit",
		   format(@extschema@.in_language('과제 기간 %s년: 지원 기간은 최대 %s년', 'the award runs %s years; the sub-programme supports at most %s (지원 기간)'),
				  w.years, t.support_years) AS explanation
	FROM @extschema@.award w JOIN @extschema@.award_terms t ON t.award_id = w.id
	WHERE w.years > t.support_years
	UNION ALL
	-- a year's grant above the yearly cap
	SELECT w.id, 'annual_cap', y.fiscal_year, @extschema@.total(y.grant_amount)::numeric, t.annual_cap::numeric,
		   format(@extschema@.in_language('%s년도 지원금 %s원: 연 지원 한도 %s원 초과', 'the grant of fiscal year %s is %s원, above the cap of %s원 a year (지원 한도)'), y.fiscal_year,
				  to_char(@extschema@.total(y.grant_amount), 'FM999,999,999,999,999'), to_char(t.annual_cap, 'FM999,999,999,999,999'))
	FROM @extschema@.award w JOIN @extschema@.award_terms t ON t.award_id = w.id
		 JOIN @extschema@.award_year y ON y.award_id = w.id
	WHERE @extschema@.total(y.grant_amount) > t.annual_cap
	UNION ALL
	-- the grant's share of the project cost above the largest allowed
	SELECT w.id, 'grant_share', NULL, round(@extschema@.total(s.grant_amount) / c.cost, 4), t.grant_share,
		   format(@extschema@.in_language('지원금이 총사업비의 %s%% (지원금 %s원, 총사업비 %s원): 지원금 비중 %s%% 초과', 'the grant is %s%% of the project cost (%s원 of %s원), above %s%% (지원금 비중)'),
				  round(100 * @extschema@.total(s.grant_amount) / c.cost, 1),
				  to_char(@extschema@.total(s.grant_amount), 'FM999,999,999,999,999'), to_char(c.cost, 'FM999,999,999,999,999'),
				  round(100 * t.grant_share, 1))
	FROM @extschema@.award w JOIN @extschema@.award_terms t ON t.award_id = w.id
		 JOIN totals s ON s.award_id = w.id
		 CROSS JOIN LATERAL (SELECT @extschema@.total(s.grant_amount) + s.private_cash + s.private_in_kind AS cost) c
	WHERE c.cost > 0 AND @extschema@.total(s.grant_amount) > t.grant_share * c.cost
	UNION ALL
	-- the sub-programme's awards above its budget for the year (지원 규모)
	SELECT w.id, 'programme_budget', b.fiscal_year, b.awarded::numeric, b.budget::numeric,
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
SELECT b.award_id, w.program_id, w.reference, w.recipient, w.province_code, b.rule, b.fiscal_year,
	   b.figure, b."limit", b.explanation
FROM broken b JOIN @extschema@.award w ON w.id = b.award_id
ORDER BY b.award_id, b.rule, b.fiscal_year;
COMMENT ON VIEW @extschema@.award_compliance IS
'one row per award and broken support term: term (years), annual_cap (a year''s grant), grant_share (of the project cost), programme_budget (the sub-programme''s awards in a year above its budget), with the figure, the limit and a sentence; no row for an award that keeps them all';

CREATE OR REPLACE VIEW @extschema@.award_totals AS
SELECT a.program_id, g.name_ko AS program_name_ko, a.province_code, p.short_ko, p.sort_order, a.fiscal_year,
	   a.awards, a.grant_amount AS granted,
	   @extschema@.national(a.grant_amount) AS granted_national,
	   @extschema@.local(a.grant_amount) AS granted_local,
	   @extschema@.total(a.grant_amount) AS granted_total,
	   @extschema@.in_unit(@extschema@.national(a.grant_amount), '억') AS granted_national_eok,
	   @extschema@.in_unit(@extschema@.local(a.grant_amount), '억') AS granted_local_eok,
	   @extschema@.in_unit(@extschema@.total(a.grant_amount), '억') AS granted_total_eok,
	   a.private_cash, a.private_in_kind,
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
'per sub-programme, province and fiscal year: what the awards grant (granted: national, local, total, and the recipients'' shares) against the planned allocation of that sub-programme and province (budgeted); over_budget in won';

-- ============================================================================
-- Your data: ordinary tables (the install script's part 11)
-- ============================================================================

-- The tables that hold what users write (doc/regionpolicy.md, "Your data,
-- pg_dump and DROP EXTENSION") are not members of the extension: they
-- depend on its type, functions and reference tables like any table of
-- yours, so DROP EXTENSION refuses (2BP01, naming them) unless CASCADE
-- says to drop them too, and pg_dump dumps them as ordinary tables after
-- CREATE EXTENSION, their keys, triggers and policies after the data.  The
-- extension's views that read them go with them: a view of the extension
-- must be created by CREATE EXTENSION, before a restore creates the tables
-- it reads, so they are ordinary views too.
--
-- Nothing else of the extension may depend on them, or a restore would lose
-- it; this block refuses to update if something does.
DO $userdata$
DECLARE
	user_tables regclass[] := ARRAY['@extschema@.allocation', '@extschema@.cluster_diagnosis',
		'@extschema@.cluster_evaluation', '@extschema@.award', '@extschema@.award_year',
		'@extschema@.province_steward']::regclass[];
	user_views regclass[];
	owned regclass[];
	stray text;
	o regclass;
	k record;
	deferred text;
BEGIN
	WITH RECURSIVE v(oid) AS (
		SELECT r.ev_class
		  FROM pg_catalog.pg_depend d
		  JOIN pg_catalog.pg_rewrite r ON r.oid = d.objid
		 WHERE d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass
		   AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
		   AND d.refobjid = ANY (user_tables)
		UNION
		SELECT r.ev_class
		  FROM v
		  JOIN pg_catalog.pg_depend d ON d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.refobjid = v.oid
		  JOIN pg_catalog.pg_rewrite r ON d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND r.oid = d.objid
		 WHERE r.ev_class <> v.oid
	)
	SELECT pg_catalog.array_agg(v.oid::regclass ORDER BY v.oid) INTO user_views FROM v;
	SELECT pg_catalog.array_agg(d.objid::regclass ORDER BY d.objid) INTO owned
	  FROM pg_catalog.pg_depend d
	  JOIN pg_catalog.pg_class c ON c.oid = d.objid AND c.relkind = 'S'
	 WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
	   AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
	   AND d.refobjid = ANY (user_tables) AND d.deptype IN ('a', 'i');
	SELECT pg_catalog.string_agg(DISTINCT pg_catalog.pg_describe_object(d.classid, d.objid, 0), ', ') INTO stray
	  FROM pg_catalog.pg_depend d
	  JOIN pg_catalog.pg_depend m ON m.classid = d.classid AND m.objid = d.objid AND m.deptype = 'e'
	 WHERE d.deptype = 'n'
	   AND NOT (d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = ANY (user_tables || user_views))
	   AND ((d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.refobjid = ANY (user_tables || user_views))
			OR (d.refclassid = 'pg_catalog.pg_type'::pg_catalog.regclass
				AND d.refobjid IN (SELECT c.reltype FROM pg_catalog.pg_class c WHERE c.oid = ANY (user_tables || user_views))));
	IF stray IS NOT NULL THEN
		RAISE EXCEPTION 'objects of regionpolicy depend on its user tables: %', stray
			USING ERRCODE = 'internal_error',
				  DETAIL = 'A restore creates the user tables after CREATE EXTENSION, so nothing the extension creates may depend on them but the views that go with them.';
	END IF;

	-- Their keys to the extension's tables are NOT VALID: every row is
	-- checked when written, as by any key, but a restore does not check the
	-- rows again when it adds the key, which pg_restore -j may do before it
	-- has loaded the administrators' rows of the extension's tables that
	-- the rows refer to (it orders the extension's data against nothing).
	-- Altering a key alters the table it references, which must have no
	-- deferred trigger events pending: the deferred key checks of the
	-- extension's tables are run now, and deferred again after.
	SELECT pg_catalog.string_agg(pg_catalog.format('%I.%I', n.nspname, c.conname), ', ') INTO deferred
	  FROM pg_catalog.pg_constraint c JOIN pg_catalog.pg_namespace n ON n.oid = c.connamespace
	 WHERE c.contype = 't' AND c.condeferred AND n.nspname = '@extschema@';
	IF deferred IS NOT NULL THEN
		EXECUTE 'SET CONSTRAINTS ' || deferred || ' IMMEDIATE';
	END IF;
	FOR k IN SELECT c.conrelid::regclass AS tbl, c.conname, pg_catalog.pg_get_constraintdef(c.oid) AS def
			   FROM pg_catalog.pg_constraint c
			   JOIN pg_catalog.pg_depend e ON e.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
										  AND e.objid = c.confrelid AND e.deptype = 'e'
			  WHERE c.contype = 'f' AND c.conrelid = ANY (user_tables) AND c.convalidated
			  ORDER BY c.conrelid, c.conname LOOP
		EXECUTE pg_catalog.format('ALTER TABLE %s DROP CONSTRAINT %I, ADD CONSTRAINT %I %s NOT VALID',
								  k.tbl, k.conname, k.conname, k.def);
	END LOOP;
	IF deferred IS NOT NULL THEN
		EXECUTE 'SET CONSTRAINTS ' || deferred || ' DEFERRED';
	END IF;
	FOREACH o IN ARRAY coalesce(user_views, '{}') LOOP
		EXECUTE pg_catalog.format('ALTER EXTENSION regionpolicy DROP VIEW %s', o);
	END LOOP;
	FOREACH o IN ARRAY user_tables LOOP
		EXECUTE pg_catalog.format('ALTER EXTENSION regionpolicy DROP TABLE %s', o);
	END LOOP;
	FOREACH o IN ARRAY coalesce(owned, '{}') LOOP
		IF EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
				   WHERE e.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND e.objid = o AND e.deptype = 'e') THEN
			EXECUTE pg_catalog.format('ALTER EXTENSION regionpolicy DROP SEQUENCE %s', o);
		END IF;
	END LOOP;
END
$userdata$;

-- ============================================================================
-- What of yours converts text to funding
-- ============================================================================

-- The grammar of funding's input changed (NEWS.md, 1.3.0: some inputs are
-- refused now, a few read differently).  funding_in is IMMUTABLE, so an
-- index, a generated column, a constraint or a materialized view of yours
-- that converts text to funding holds what 1.2.0 read: each is named, to be
-- rebuilt.
DO $conversion$
DECLARE
	found text;
BEGIN
	SELECT pg_catalog.string_agg(DISTINCT pg_catalog.pg_describe_object(d.classid, d.objid, d.objsubid), '; ') INTO found
	FROM pg_catalog.pg_depend d
		 LEFT JOIN pg_catalog.pg_class ic ON d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND ic.oid = d.objid
		 LEFT JOIN pg_catalog.pg_attrdef ad ON d.classid = 'pg_catalog.pg_attrdef'::pg_catalog.regclass AND ad.oid = d.objid
		 LEFT JOIN pg_catalog.pg_constraint co ON d.classid = 'pg_catalog.pg_constraint'::pg_catalog.regclass AND co.oid = d.objid
		 LEFT JOIN pg_catalog.pg_rewrite rw ON d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND rw.oid = d.objid
		 LEFT JOIN pg_catalog.pg_class rc ON rc.oid = coalesce(ic.oid, ad.adrelid, co.conrelid, rw.ev_class)
	WHERE d.deptype = 'n'
	  AND ((d.refclassid = 'pg_catalog.pg_type'::pg_catalog.regclass AND d.refobjid = '@extschema@.funding'::pg_catalog.regtype)
		   OR (d.refclassid = 'pg_catalog.pg_proc'::pg_catalog.regclass
			   AND d.refobjid IN (SELECT p.oid FROM pg_catalog.pg_proc p
								  WHERE p.pronamespace = '@extschema@'::pg_catalog.regnamespace
									AND p.proname IN ('funding', 'parse_amount')
									AND 'pg_catalog.text'::pg_catalog.regtype = ANY (p.proargtypes::pg_catalog.oid[]))))
	  AND (ic.relkind IN ('i', 'I') OR ad.oid IS NOT NULL OR co.contype = 'c' OR rc.relkind = 'm')
	  AND rc.relnamespace <> '@extschema@'::pg_catalog.regnamespace;
	IF found IS NOT NULL THEN
		RAISE WARNING 'objects of yours convert text to funding, whose reading changed in 1.3.0: %', found
			USING DETAIL = 'They hold values read by 1.2.0; an input 1.3.0 reads differently or refuses gives another answer by an index scan than by a sequential scan, and may not restore.',
				  HINT = 'Rebuild them: REINDEX an index, REFRESH a materialized view, drop and add again a generated column or a CHECK constraint. NEWS.md lists the inputs that changed.';
	END IF;
END
$conversion$;
