-- ============================================================================
-- 5. Loading allocations
-- ============================================================================

-- An allocation may name its 시·군·구 ----------------------------------------------

CREATE INDEX allocation_municipality_idx ON @extschema@.allocation (municipality_code)
	WHERE municipality_code IS NOT NULL;


-- Every won placed once (doc/regionpolicy.md, "Loading").
--
-- A line is identified by its fiscal year, phase, programme, province,
-- 시·군·구 and reference: loading the same reference again replaces that
-- line's amount and note; the same reference under another programme,
-- province or 시·군·구 is another line (one 세부사업 number often covers
-- lines of several 시·군·구).  A line without a reference that is
-- identical to one already there (year, phase, programme, province,
-- 시·군·구, amount) is refused.  Both rules are unique indexes, so they hold
-- under every isolation level and interleaving of concurrent loads, cost one
-- index probe per row however many rows are loaded, and take no lock that
-- another province's load could wait for.  Each rule is two partial
-- indexes, one for lines of a province and one for lines of no single
-- province, so that a NULL province is a key like any other.  Each key
-- leads with its most varied column (the reference, or the amount), so that
-- an insert compares one column at most steps: a key's order costs every
-- load (bench/README.md).
CREATE UNIQUE INDEX allocation_line_key
	ON @extschema@.allocation (reference, province_code, fiscal_year, phase, program_id, (coalesce(municipality_code, '')))
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

-- A line with a reference beside an identical one without (a load run
-- again with references after one without) would double a total, and no
-- unique index can say it: two lines with references and the same amount
-- are two lines.  So the loads lock the scope of their lines (province,
-- fiscal year, phase, programme) before they look for such a twin: a row
-- of allocation_scope, updated once per statement.  Two loads of one scope
-- follow each other (under READ COMMITTED the second then sees the first's
-- lines; under REPEATABLE READ it fails with 40001, to be retried), and
-- loads of different provinces never wait for each other.  Row-level
-- security lets a steward lock only the scopes of its provinces ("Access
-- control", part 9).
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
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('permission denied to load lines of province %s', coalesce(allocation_scope_lock.province_code, @extschema@.message('(none)'))),
				  ERRCODE = 'insufficient_privilege',
				  HINT = @extschema@.message('Only members of the province''s steward role (see province_steward) may load its lines; lines of no single province are the owner''s.');
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
-- 2.0.0: allocation_line_hash_idx a hash index of the lines with a reference
-- (its keys are hashes, so a B-tree of them took each insert at a random
-- place, at a cost that grew with the table; a hash index's insert costs
-- the same however large the table.  A line without a reference is found
-- by allocation_unreferenced_line_key and its national twin, which lead
-- with the amount, so only lines with a reference need this index, and a
-- line without one costs a load one index less: bench/README.md)
DROP INDEX @extschema@.allocation_line_hash_idx;
CREATE INDEX allocation_line_hash_idx
	ON @extschema@.allocation USING hash (@extschema@.line_hash(province_code, fiscal_year, phase, program_id, amount))
	WHERE reference IS NOT NULL;
-- end of 2.0.0
COMMENT ON INDEX @extschema@.allocation_line_key IS
'a line of a province is identified by (province, fiscal year, phase, programme, reference)';
COMMENT ON INDEX @extschema@.allocation_unreferenced_line_key IS
'a line without a reference identical to one already there is refused: give lines references to load them again';

-- The state of a load (src/load.c) ------------------------------------------------

CREATE FUNCTION @extschema@.allocation_load_begin() RETURNS void
AS 'MODULE_PATHNAME', 'allocation_load_begin' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
CREATE FUNCTION @extschema@.allocation_load_row() RETURNS bigint
AS 'MODULE_PATHNAME', 'allocation_load_row' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
CREATE FUNCTION @extschema@.allocation_load_written(allocation_id bigint) RETURNS bigint
AS 'MODULE_PATHNAME', 'allocation_load_written' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
CREATE FUNCTION @extschema@.allocation_load_count(inserted boolean, allocation_id bigint) RETURNS void
AS 'MODULE_PATHNAME', 'allocation_load_count' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
CREATE FUNCTION @extschema@.allocation_load_scope_seen(province_code text, fiscal_year integer, phase text,
													   program_id integer) RETURNS boolean
AS 'MODULE_PATHNAME', 'allocation_load_scope_seen' LANGUAGE C VOLATILE PARALLEL UNSAFE;
CREATE FUNCTION @extschema@.allocation_load_end() RETURNS void
AS 'MODULE_PATHNAME', 'allocation_load_end' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
CREATE FUNCTION @extschema@.allocation_load_record(inserted bigint, replaced bigint) RETURNS void
AS 'MODULE_PATHNAME', 'allocation_load_record' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
CREATE FUNCTION @extschema@.allocation_load_summary(OUT inserted bigint, OUT replaced bigint)
AS 'MODULE_PATHNAME', 'allocation_load_summary' LANGUAGE C VOLATILE STRICT PARALLEL RESTRICTED;
COMMENT ON FUNCTION @extschema@.allocation_load_summary() IS
'how many lines the session''s last load (an INSERT or COPY into allocation_entry, or load_allocations) inserted, and how many it replaced (NULLs before the first)';

-- A write path that writes nothing must say so.  Under session_replication_role
-- = replica (which replication and some bulk tools set) a view's triggers do
-- not fire, and an INSERT into allocation_entry would report INSERT 0 1
-- having written nothing.  The view's last column, entry_check, is never
-- given: its default runs whatever the role, and refuses then.
-- 2.0.0: entry_check in C
-- (src/regionpolicy/entry.c: the default is evaluated for every line, and as
-- PL/pgSQL with a pinned search_path it cost a line more than its check)
CREATE OR REPLACE FUNCTION @extschema@.entry_check()
RETURNS boolean
AS 'MODULE_PATHNAME', 'regionpolicy_entry_check'
LANGUAGE C STABLE PARALLEL SAFE;
-- end of 2.0.0
COMMENT ON FUNCTION @extschema@.entry_check() IS
'default of the entry views'' column entry_check: refuses a load under session_replication_role = replica, where the views'' triggers would not fire and nothing would be written';

-- What a load echoes of a value a user gave: at most 60 characters of it,
-- so that a megabyte pasted into a cell does not fill the server's log.
CREATE FUNCTION @extschema@.entry_echo(value text)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT CASE WHEN value IS NULL THEN 'NULL'
				WHEN length(value) <= 60 THEN quote_literal(value)
				ELSE quote_literal(left(value, 57) || '...') || @extschema@.message(' (%s characters)', length(value)) END
$$;
COMMENT ON FUNCTION @extschema@.entry_echo(text) IS
'a value a load echoes in its messages: quoted, and cut to 60 characters';

-- Names and references are short; a longer value is a pasted cell gone
-- wrong, refused (22001) before anything looks it up.
CREATE FUNCTION @extschema@.entry_bounded(value text, what text, line text)
RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF length(value) > 200 THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('%s is too long: %s characters, at most 200 (%s)', what, length(value), line),
				  ERRCODE = 'string_data_right_truncation',
				  DETAIL = @extschema@.message('It begins %s.', @extschema@.entry_echo(value)),
				  HINT = @extschema@.message('A cell of the source may have run into the next ones: check the file''s quoting and separators.');
	END IF;
	RETURN value;
END
$$;
COMMENT ON FUNCTION @extschema@.entry_bounded(text, text, text) IS
'the value, or 22001 when it is longer than any name or reference (200 characters)';

-- A reference, note or recipient a spreadsheet would take for a formula is
-- refused (23514), as the table's constraint would, with the line named.
CREATE FUNCTION @extschema@.entry_plain(value text, what text, line text)
RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF @extschema@.begins_formula(value) THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('%s %s begins with %s, which a spreadsheet takes for a formula (%s)', what, @extschema@.entry_echo(value), CASE left(value, 1) WHEN E'\t' THEN @extschema@.message('a tab') WHEN E'\r' THEN @extschema@.message('a carriage return')
											  ELSE quote_literal(left(value, 1)) END, line),
				  ERRCODE = 'check_violation',
				  DETAIL = @extschema@.message('References, notes and recipients reach reports and CSV files, where a cell beginning with =, +, -, @, a tab or a carriage return runs as a formula.'),
				  HINT = @extschema@.message('Begin it with another character (a note''s bullet can be ·), or leave the cell empty if it stands for nothing.');
	END IF;
	RETURN value;
END
$$;
COMMENT ON FUNCTION @extschema@.entry_plain(text, text, text) IS
'the value, or 23514 when a spreadsheet would take it for a formula (begins_formula)';

-- allocation_entry: the way data gets in ------------------------------------

-- 2.0.0: allocation_entry takes the line's other money
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
	   NULL::boolean AS entry_check,
	   a.other::text AS other
FROM @extschema@.allocation a
	 JOIN @extschema@.program g ON g.id = a.program_id
	 LEFT JOIN @extschema@.province p ON p.code = a.province_code;
-- end of 2.0.0
ALTER VIEW @extschema@.allocation_entry ALTER COLUMN entry_check SET DEFAULT @extschema@.entry_check();
COMMENT ON VIEW @extschema@.allocation_entry IS
'the way allocations get in: INSERT or COPY rows with program (name within the year, or id), province (any name or code; as_of, the line''s date, decides a name in a year its meaning changed), fiscal_year, phase, and amount as text, or national and local numbers in a unit; unresolvable or ambiguous values are errors naming the value; a reference makes a line replaceable; each statement reports how many lines it inserted and replaced';
COMMENT ON COLUMN @extschema@.allocation_entry.entry_check IS
'never given: its default refuses a load under session_replication_role = replica, where nothing would be written';
-- 2.0.0: allocation_entry takes the line's other money
COMMENT ON COLUMN @extschema@.allocation_entry.other IS
'the line''s money that is neither national nor local (기타, 민자, 자부담), as a number in the line''s unit (''1,250'' with unit 천원) or with its own (''72억원''); none when empty';
-- end of 2.0.0

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
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('fiscal_year is missing (%s)', line),
				  ERRCODE = 'not_null_violation';
	END IF;
	IF program IS NULL OR btrim(program) = '' THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('program is missing (%s)', line),
				  ERRCODE = 'not_null_violation';
	END IF;
	PERFORM @extschema@.entry_bounded(program, 'program', line);
	IF btrim(program) ~ '^[0-9]{1,9}$' THEN
		SELECT g.id INTO v_program FROM @extschema@.program g
		WHERE g.id = btrim(entry_program.program)::integer AND g.fiscal_year = entry_program.fiscal_year;
	ELSE
		SELECT min(g.id), count(*), string_agg(@extschema@.message('%s (%s, id %s)', g.name_ko, g.ministry, g.id), '; ' ORDER BY g.id)
		  INTO v_program, n_programs, candidates
		FROM @extschema@.program g
		WHERE g.name_ko = btrim(entry_program.program) AND g.fiscal_year = entry_program.fiscal_year;
		IF n_programs > 1 THEN
			RAISE EXCEPTION USING MESSAGE = @extschema@.message('program %s is ambiguous in fiscal year %s (%s)', @extschema@.entry_echo(program), fiscal_year, line),
					  ERRCODE = 'ambiguous_parameter',
					  DETAIL = @extschema@.message('Programs of that name: %s.', candidates),
					  HINT = @extschema@.message('Give the program''s id instead of its name.');
		END IF;
	END IF;
	IF v_program IS NULL THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('no program %s in fiscal year %s (%s)', @extschema@.entry_echo(program), fiscal_year, line),
				  ERRCODE = 'foreign_key_violation',
				  DETAIL = coalesce(@extschema@.message('Programs of that year: %s.', (
					  SELECT string_agg(@extschema@.message('%s (id %s)', g.name_ko, g.id), ', ' ORDER BY g.id)
					  FROM (SELECT * FROM @extschema@.program p WHERE p.fiscal_year = entry_program.fiscal_year ORDER BY id LIMIT 12) g))
					  -- (no programmes: NULL, and the sentence below)
					  || CASE WHEN EXISTS (SELECT 1 FROM @extschema@.program p WHERE p.fiscal_year = entry_program.fiscal_year) THEN '' END,
					  @extschema@.message('There are no programs for fiscal year %s yet.', fiscal_year)),
				  HINT = @extschema@.message('Add the program first: INSERT INTO regionpolicy.program (ministry, fiscal_year, name_ko) VALUES (…).');
	END IF;
	RETURN v_program;
END
$$;
COMMENT ON FUNCTION @extschema@.entry_program(text, integer, text) IS
'the programme a line names (its name within the fiscal year, or its id), or an error naming the line';

-- The province and 시·군·구: any name or code of the province (the line's
-- date decides a name in a year its meaning changed); the 시·군·구 by name
-- (with or without its province) or code, lying in that province then.  A
-- line's date lies in its fiscal year.
-- 2.0.0: a line's region in the codes and names of other systems
CREATE OR REPLACE FUNCTION @extschema@.entry_region(province text, municipality text, fiscal_year integer, as_of date, line text,
										 OUT province_code text, OUT municipality_code text)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	on_day date;
	other_province text;
	other_municipality text;
	given text;
BEGIN
	PERFORM @extschema@.entry_bounded(province, 'province', line), @extschema@.entry_bounded(municipality, 'municipality', line);
	-- a code or name of another system (region_code): 1114000, 서울성동구,
	-- 서울본청 (the province's own lines), 부천시 소사구, a 법정동코드; an
	-- aggregate row is refused
	-- (a province cell is looked up only when it looks like one: a line at
	-- a time, the usual name costs nothing more)
	IF coalesce(btrim(municipality), '') <> '' THEN
		SELECT r.province_code, r.municipality INTO other_province, other_municipality
		FROM @extschema@.region_code_read(municipality, fiscal_year, line) r;
	ELSIF btrim(province) ~ '^[0-9]{7}$|^[0-9]{10}$|(\*|계|본청)$' THEN
		SELECT r.province_code, r.municipality INTO other_province, other_municipality
		FROM @extschema@.region_code_read(province, fiscal_year, line) r;
		IF other_province IS NOT NULL THEN
			province := NULL;
		END IF;
	END IF;
	IF other_province IS NOT NULL THEN
		IF coalesce(btrim(province), '') <> '' THEN
			given := @extschema@.province_code_in_year(province, fiscal_year, as_of, line);
			IF given IS DISTINCT FROM @extschema@.province_code_in_year(other_province, fiscal_year, as_of, line) THEN
				RAISE EXCEPTION USING MESSAGE = @extschema@.message('municipality %s is not in province %s in fiscal year %s (%s)', @extschema@.entry_echo(municipality), given, fiscal_year, line),
						  ERRCODE = 'check_violation',
						  DETAIL = @extschema@.message('%s is a local government of province %s.', btrim(municipality), other_province),
						  HINT = @extschema@.message('A line''s 시·군·구 must lie in its province in its fiscal year; give the 시·군·구 of that province, or leave the province out.');
			END IF;
		END IF;
		-- a code whose 시·군·구 lay elsewhere that year (경북군위군 4771000 in
		-- FY2024, when 군위 was 대구's) names the code, not the name it reads
		IF other_municipality !~ '^[0-9]{5}$' AND fiscal_year IS NOT NULL
		   AND NOT EXISTS (SELECT 1 FROM @extschema@.municipality m
						   WHERE m.name_ko = other_municipality AND m.province_code = other_province
							 AND (m.valid_from IS NULL OR m.valid_from <= make_date(fiscal_year, 12, 31))
							 AND (m.valid_to IS NULL OR m.valid_to > make_date(fiscal_year, 1, 1))) THEN
			RAISE EXCEPTION USING MESSAGE = @extschema@.message('%s names no 시·군·구 in fiscal year %s (%s)', @extschema@.entry_echo(municipality), fiscal_year, line),
					  ERRCODE = 'invalid_parameter_value',
					  DETAIL = @extschema@.message('It is %s of province %s, which has no %s that year.', (SELECT c.name_ko FROM @extschema@.region_code c
									   WHERE c.system = 'lofin' AND (c.code = btrim(municipality) OR c.name_ko = btrim(municipality)) LIMIT 1), other_province, other_municipality),
					  HINT = coalesce((SELECT @extschema@.message('That year it is %s.', string_agg(format('%s (%s)', c.code, c.name_ko), @extschema@.message(' or ') ORDER BY c.code))
									   FROM @extschema@.region_code c JOIN @extschema@.municipality m
										 ON m.name_ko = c.municipality_name AND m.province_code = c.province_code
									   WHERE c.system = 'lofin' AND c.municipality_name = other_municipality
										 AND (m.valid_from IS NULL OR m.valid_from <= make_date(fiscal_year, 12, 31))
										 AND (m.valid_to IS NULL OR m.valid_to > make_date(fiscal_year, 1, 1))
									   HAVING count(*) > 0),
									  @extschema@.message('Give the 시·군·구 by its 5-digit code or name.'));
		END IF;
		province := other_province;
		municipality := other_municipality;
	ELSIF other_municipality IS NOT NULL THEN
		municipality := other_municipality;
	END IF;
	IF as_of IS NOT NULL AND fiscal_year IS NOT NULL AND extract(year FROM as_of) <> fiscal_year THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('the line''s date %s is not in its fiscal year %s (%s)', as_of, fiscal_year, line),
				  ERRCODE = 'invalid_parameter_value',
				  DETAIL = @extschema@.message('as_of is the day the line''s names are read on; a line of a fiscal year is read on a day of that year.'),
				  HINT = @extschema@.message('Give a date from %s-01-01 to %s-12-31, or none.', fiscal_year, fiscal_year);
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
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('municipality %s is not in province %s in fiscal year %s (%s)', municipality_code, province_code, fiscal_year, line),
				  ERRCODE = 'check_violation',
				  DETAIL = (SELECT @extschema@.message('%s (%s) lies in province %s from %s%s.', m.code, m.name_ko, m.province_code,
										  coalesce(m.valid_from::text, @extschema@.message('before 2023')),
										  CASE WHEN m.valid_to IS NOT NULL THEN @extschema@.message(' until %s', m.valid_to - 1) ELSE '' END)
							FROM @extschema@.municipality m WHERE m.code = entry_region.municipality_code),
				  HINT = @extschema@.message('A line''s 시·군·구 must lie in its province in its fiscal year; give the 시·군·구 of that province, or leave the province out.');
	END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.entry_region(text, text, integer, date, text) IS
'the province and 시·군·구 codes a line names in its fiscal year (as_of, a day of that year, deciding a name whose meaning changed that year; codes and names of other systems through region_code), or an error naming the line';
-- end of 2.0.0

-- The money: a text amount, or national and local numbers in a unit.  A
-- number alone says nothing of its unit, and exports are in 원, 천원 or
-- 백만원: national and local numbers come with their unit, and a text
-- amount that is one bare number is refused, never read as won.
CREATE FUNCTION @extschema@.entry_amount(amount text, "national" text, local text, unit text, line text)
RETURNS @extschema@.funding
LANGUAGE plpgsql STABLE PARALLEL RESTRICTED
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
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('give either amount or national and local, not both (%s)', line),
				  ERRCODE = 'invalid_parameter_value';
	ELSIF amount IS NOT NULL THEN
		IF unit IS NOT NULL THEN
			RAISE EXCEPTION USING MESSAGE = @extschema@.message('unit applies to national and local numbers, not to a text amount (%s)', line),
					  ERRCODE = 'invalid_parameter_value',
					  HINT = @extschema@.message('Write the unit inside the amount: ''국비 929억원, 지방비 433억원''.');
		END IF;
		IF amount ~ '^[[:space:]]*[-+]?[0-9][0-9,.]*[[:space:]]*$' THEN
			RAISE EXCEPTION USING MESSAGE = @extschema@.message('amount %s is a number without a unit (%s)', @extschema@.entry_echo(amount), line),
					  ERRCODE = 'invalid_parameter_value',
					  DETAIL = @extschema@.message('A load does not guess whether a bare number is in 원, 천원 or 백만원.'),
					  HINT = @extschema@.message('Write the unit in the amount (''7,979,230천원''), or give national and local numbers with their unit.');
		END IF;
		RETURN amount::@extschema@.funding;
	ELSIF "national" IS NOT NULL OR local IS NOT NULL THEN
		IF unit IS NULL OR btrim(unit) = '' THEN
			RAISE EXCEPTION USING MESSAGE = @extschema@.message('national and local numbers need their unit (%s)', line),
					  ERRCODE = 'invalid_parameter_value',
					  DETAIL = @extschema@.message('A load does not guess whether a bare number is in 원, 천원 or 백만원.'),
					  HINT = @extschema@.message('Give the unit column (원, 천원, 백만원, 억), or load_allocations(table, unit => ''천원'').');
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
			RAISE EXCEPTION USING ERRCODE = state,
					  MESSAGE = message,
					  DETAIL = detail,
					  HINT = hint;
		ELSIF detail <> '' THEN
			RAISE EXCEPTION USING ERRCODE = state,
					  MESSAGE = message,
					  DETAIL = detail;
		ELSIF hint <> '' THEN
			RAISE EXCEPTION USING ERRCODE = state,
					  MESSAGE = message,
					  HINT = hint;
		END IF;
		RAISE EXCEPTION USING ERRCODE = state,
				  MESSAGE = message;
	END;
	RAISE EXCEPTION USING MESSAGE = @extschema@.message('no amount (%s)', line),
			  ERRCODE = 'not_null_violation',
			  HINT = @extschema@.message('Give amount (text such as ''국비 929억원, 지방비 433억원'') or national and local numbers with their unit.');
END
$$;
COMMENT ON FUNCTION @extschema@.entry_amount(text, text, text, text, text) IS
'the funding value a line gives (amount as text, or national and local numbers with their unit), or an error naming the line; a bare number without a unit is refused';
-- 2.0.0: what catches errors runs in the leader only
-- (its EXCEPTION block is a subtransaction, which a parallel worker cannot
-- start)
ALTER FUNCTION @extschema@.entry_amount(text, text, text, text, text) PARALLEL RESTRICTED;
-- end of 2.0.0

-- 2.0.0: a line's other money
-- An error raised again with the line it concerns: a RAISE option may not
-- be empty, and an empty DETAIL or HINT would print as a blank line.
CREATE FUNCTION @extschema@.entry_reraise(state text, message text, detail text, hint text)
RETURNS void
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF coalesce(detail, '') <> '' AND coalesce(hint, '') <> '' THEN
		RAISE EXCEPTION USING ERRCODE = state,
				  MESSAGE = message,
				  DETAIL = detail,
				  HINT = hint;
	ELSIF coalesce(detail, '') <> '' THEN
		RAISE EXCEPTION USING ERRCODE = state,
				  MESSAGE = message,
				  DETAIL = detail;
	ELSIF coalesce(hint, '') <> '' THEN
		RAISE EXCEPTION USING ERRCODE = state,
				  MESSAGE = message,
				  HINT = hint;
	END IF;
	RAISE EXCEPTION USING ERRCODE = state,
			  MESSAGE = message;
END
$$;
COMMENT ON FUNCTION @extschema@.entry_reraise(text, text, text, text) IS
'raises an error again with its SQLSTATE, message, and DETAIL and HINT where they are not empty';

-- The money that is neither 국비 nor 지방비 (allocation.other): a number
-- in the line's unit, as exports print their 기타 column, or an amount
-- with its own unit; empty is none.  Like national and local, a number
-- without a unit is refused, never read as won.
CREATE FUNCTION @extschema@.entry_other(other text, unit text, line text)
RETURNS bigint
LANGUAGE plpgsql STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	state text;
	message text;
	detail text;
	hint text;
BEGIN
	IF other IS NULL OR btrim(other) = '' THEN
		RETURN 0;
	END IF;
	PERFORM @extschema@.entry_bounded(other, 'other', line);
	BEGIN
		IF other ~ '^[[:space:]]*[-+△▲]?[[:space:]]*[0-9][0-9,.]*[[:space:]]*$' THEN
			IF unit IS NULL OR btrim(unit) = '' THEN
				RAISE EXCEPTION USING MESSAGE = @extschema@.message('other money %s is a number without a unit (%s)', @extschema@.entry_echo(other), line),
						  ERRCODE = 'invalid_parameter_value',
						  DETAIL = @extschema@.message('A load does not guess whether a bare number is in 원, 천원 or 백만원.'),
						  HINT = @extschema@.message('Give the unit column (원, 천원, 백만원, 억), or load_allocations(table, unit => ''천원'').');
			END IF;
			RETURN @extschema@.national(@extschema@.funding(other, '0', unit));
		END IF;
		RETURN @extschema@.parse_amount(other);
	EXCEPTION WHEN invalid_text_representation OR numeric_value_out_of_range THEN
		GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, message = MESSAGE_TEXT,
								detail = PG_EXCEPTION_DETAIL, hint = PG_EXCEPTION_HINT;
		PERFORM @extschema@.entry_reraise(state, @extschema@.message('other money %s: %s (%s)', @extschema@.entry_echo(other), message, line),
										  detail, hint);
	END;
END
$$;
COMMENT ON FUNCTION @extschema@.entry_other(text, text, text) IS
'a line''s other money (neither national nor local) in won: a number in the line''s unit, or an amount with its own unit; 0 when empty; an error naming the line otherwise';
-- end of 2.0.0

-- 2.0.0: allocation_entry a line at a time in C
-- How messages describe a line: "row 3: program '…', province '…', …".
CREATE FUNCTION @extschema@.entry_row_text(row_number bigint, program text, province text, fiscal_year integer,
										   reference text)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
SELECT @extschema@.message('row %s: program %s, province %s, fiscal year %s, reference %s', row_number,
						   @extschema@.entry_echo(program), @extschema@.entry_echo(province),
						   coalesce(fiscal_year::text, 'NULL'), @extschema@.entry_echo(reference))
$$;
COMMENT ON FUNCTION @extschema@.entry_row_text(bigint, text, text, integer, text) IS
'how allocation_entry''s messages describe a line: its row of the statement, programme, province, fiscal year and reference';

-- A line identical to one already there (allocation twin_id), refused:
-- as the same line twice when this load wrote the other (twin_row), else
-- as a line that would double the total.
CREATE FUNCTION @extschema@.entry_identical_line(twin_id bigint, twin_reference text, twin_row bigint,
												 row_number bigint, line text, phase text,
												 amount @extschema@.funding, reference text)
RETURNS void
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF twin_row IS NOT NULL THEN
		PERFORM @extschema@.entry_same_line(twin_row, row_number, line);
	END IF;
	RAISE EXCEPTION USING MESSAGE = @extschema@.message('allocation already recorded: %s, phase %s, amount %s', line, phase, amount),
			  ERRCODE = 'unique_violation',
			  DETAIL = CASE WHEN reference IS NOT NULL
						   THEN @extschema@.message('An identical line without a reference is already there (allocation %s); loading this one beside it would double the total.', twin_id)
						   WHEN twin_reference IS NOT NULL
						   THEN @extschema@.message('An identical line is already there under reference %s; loading this one too would double the total.', quote_literal(twin_reference))
						   ELSE @extschema@.message('An identical line without a reference is already there; loading it again would double the total.') END,
			  HINT = CASE WHEN reference IS NOT NULL
						 THEN @extschema@.message('Give the line already there its reference (UPDATE regionpolicy.allocation SET reference = %s WHERE id = %s), or delete it, then load again.', quote_literal(reference), twin_id)
						 WHEN twin_reference IS NOT NULL
						 THEN @extschema@.message('Load it with that reference to replace that line, or give this line a reference of its own.')
						 ELSE @extschema@.message('Give each line its reference (its 세부사업 or 과제 number): a line loaded again with the same reference replaces its amount, so a load can be run twice.') END;
END
$$;
COMMENT ON FUNCTION @extschema@.entry_identical_line(bigint, text, bigint, bigint, text, text, @extschema@.funding, text) IS
'refuses (23505) a line identical to one already there, naming it; allocation_entry calls it';

-- The row trigger (src/regionpolicy/entry.c): each line's programme and
-- region looked up once per statement by entry_program and entry_region,
-- its amount read by the type, its scope locked, one probe for an
-- identical line, one INSERT; every refusal raised by the functions above.
CREATE OR REPLACE FUNCTION @extschema@.allocation_entry_insert()
RETURNS trigger
AS 'MODULE_PATHNAME', 'allocation_entry_insert'
LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION @extschema@.allocation_entry_insert() IS
'INSTEAD OF INSERT on allocation_entry: resolves program and province, reads the amount and other money, and inserts the line, or replaces the line of the same programme, province, 시·군·구, year, phase and reference; the same line twice in one statement is refused';
-- end of 2.0.0
CREATE TRIGGER allocation_entry_insert INSTEAD OF INSERT ON @extschema@.allocation_entry
	FOR EACH ROW EXECUTE FUNCTION @extschema@.allocation_entry_insert();

-- The same line twice in one load: refused, naming both.
CREATE FUNCTION @extschema@.entry_same_line(first bigint, second bigint, line text)
RETURNS void
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	RAISE EXCEPTION USING MESSAGE = @extschema@.message('lines %s and %s of the load are the same line (%s)', first, second, line),
			  ERRCODE = 'unique_violation',
			  DETAIL = @extschema@.message('They have the same programme, province, 시·군·구, fiscal year and phase, and the same reference or, without one, the same amount.'),
			  HINT = @extschema@.message('Give each line its own reference, or load the line once.');
END
$$;
COMMENT ON FUNCTION @extschema@.entry_same_line(bigint, bigint, text) IS
'refuses (23505) a line given twice in one load, naming both rows';

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
		RAISE NOTICE USING MESSAGE = @extschema@.message('allocation_entry: %s %s inserted, %s replaced', s.inserted, CASE WHEN s.inserted = 1 THEN @extschema@.message('line') ELSE @extschema@.message('lines') END, s.replaced),
				  DETAIL = @extschema@.message('regionpolicy.allocation_load_summary() returns these counts.');
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
--
-- Every error names the line of the source: the table's column "line"
-- when it has one (the file's line numbers, as the user numbered them),
-- else the row's place in the table in the order it was written (the
-- file's order, for a table COPY filled).  Numbers without a unit take
-- the load's unit; with none, they are refused.
-- 2.0.0: load_allocations reads exports as they come
-- The lines of a table as a load reads them, numbered once, into the
-- temporary table rp_lines: each value from allocation_entry's column, or
-- from the column an export names it by (doc/regionpolicy.md, "Exports as
-- they come": 회계연도, 세부사업명, 자치단체코드 or 자치단체명, 국비, 시도비
-- and 시군구비, both local, 기타, 소관); a value no column gives is NULL.
-- The line is the table's column "line" when it has one, else the row's
-- place in the order it was written.  For load_allocations and
-- check_allocations.
CREATE FUNCTION @extschema@.entry_stage(lines regclass, load_unit text)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
-- (a table's rows are numbered in the order one scan of it returns them,
-- which is the order of their ctids when the scan starts at the first page
-- and no parallel worker reads part of it; a sort by ctid copied every
-- row whole: bench/README.md)
SET synchronize_seqscans = off
SET max_parallel_workers_per_gather = 0
AS $$
DECLARE
	has_line boolean;
	others text;
	cols text[];
BEGIN
	IF to_regclass('pg_temp.rp_lines') IS NOT NULL OR to_regclass('pg_temp.rp_resolved') IS NOT NULL THEN
		DROP TABLE IF EXISTS pg_temp.rp_lines, pg_temp.rp_programs, pg_temp.rp_regions, pg_temp.rp_resolved;
	END IF;
	has_line := EXISTS (SELECT 1 FROM pg_attribute a
						WHERE a.attrelid = lines AND a.attname = 'line' AND a.attnum > 0 AND NOT a.attisdropped);
	-- the other money: the column other, and the columns exports name
	-- 기타, 민자 and 자부담, each read in the line's unit and added
	SELECT 'CASE WHEN num_nonnulls(' || string_agg(format('s.%I::text', a.attname), ', ' ORDER BY a.attnum)
		   || ') > 0 THEN ARRAY[' || string_agg(format('s.%I::text', a.attname), ', ' ORDER BY a.attnum) || '] END' INTO others
	FROM pg_attribute a
	WHERE a.attrelid = lines AND a.attnum > 0 AND NOT a.attisdropped
	  AND a.attname IN ('other', '기타', '민자', '자부담');
	SELECT array_agg(coalesce((SELECT format('s.%I', c) FROM unnest(w.names) WITH ORDINALITY AS u(c, i)
							   WHERE EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = lines AND a.attname = u.c
											 AND a.attnum > 0 AND NOT a.attisdropped)
							   ORDER BY u.i LIMIT 1), 'NULL') ORDER BY w.k)
	  INTO cols
	FROM (VALUES (1, ARRAY['program', '세부사업명', '사업명']), (2, ARRAY['province', '시도', '시도명']),
				 (3, ARRAY['fiscal_year', '회계연도']), (4, ARRAY['phase']), (5, ARRAY['amount']),
				 (6, ARRAY['national', '국비']), (7, ARRAY['local', '지방비', '시도비']), (8, ARRAY['시군구비']),
				 (9, ARRAY['unit']), (10, ARRAY['reference', '세부사업코드', '사업코드']), (11, ARRAY['note', '비고']),
				 (12, ARRAY['municipality', '자치단체코드', '자치단체명']), (13, ARRAY['as_of']),
				 (14, ARRAY['ministry', '소관', '부처'])) AS w(k, names);
	EXECUTE format($q$
		CREATE TEMP TABLE rp_lines ON COMMIT DROP AS
		SELECT %s AS line, (%s)::text AS program, (%s)::text AS province, (%s)::integer AS fiscal_year,
			   coalesce((%s)::text, 'planned') AS phase, (%s)::text AS amount, (%s)::text AS "national",
			   (%s)::text AS local, (%s)::text AS local2,
			   CASE WHEN (%6$s) IS NULL THEN coalesce((%10$s)::text, %15$L) ELSE (%10$s)::text END AS unit,
			   (%11$s)::text AS given_reference,
			   @extschema@.reference_trim((%11$s)::text) AS reference,
			   (%12$s)::text AS note, (%13$s)::text AS municipality, (%14$s)::date AS as_of,
			   %16$s AS others, coalesce((%10$s)::text, %15$L) AS other_unit, (%17$s)::text AS ministry
		FROM %18$s AS s$q$,
		CASE WHEN has_line THEN 's.line::bigint' ELSE 'row_number() OVER ()' END,
		cols[1], cols[2], cols[3], cols[4], cols[5], cols[6], cols[7], cols[8], cols[9], cols[10], cols[11], cols[12], cols[13],
		load_unit, coalesce(others, 'NULL::text[]'), cols[14], lines);
END
$$;
COMMENT ON FUNCTION @extschema@.entry_stage(regclass, text) IS
'the lines of a table as load_allocations and check_allocations read them, into the temporary table rp_lines';
-- end of 2.0.0

-- 2.0.0: load_allocations reads exports as they come
-- A whole number as budget tables print it, with its sign or the books'
-- cut mark (7,542,598; △ 62,937); in a unit a load knows, such a number
-- is read set-based, without a line-by-line check (the planner folds the
-- pattern into each query).
CREATE FUNCTION @extschema@.entry_number_pattern()
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT '^\s*(△\s*|[-+])?([0-9]{1,3}(,[0-9]{3})*|[0-9]+)\s*$' $$;
COMMENT ON FUNCTION @extschema@.entry_number_pattern() IS
'the regular expression of a whole number as budget tables print it (7,542,598; △ 62,937), which loads read set-based';

-- Local money an export splits in two (시도비, 시군구비): their sum, as a
-- number; one alone as it is.
CREATE FUNCTION @extschema@.entry_local(first text, second text)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
SELECT CASE WHEN coalesce(btrim(second), '') = '' THEN first
			WHEN coalesce(btrim(first), '') = '' THEN second
			ELSE (@extschema@.plain_number(first, '시도비') + @extschema@.plain_number(second, '시군구비'))::text END
$$;
COMMENT ON FUNCTION @extschema@.entry_local(text, text) IS
'local money an export gives in two columns (시도비, 시군구비) as one number; either alone as it is';

-- A ministry as a load names it: its code, or a name it had in the year;
-- 자체사업 is a local programme of no ministry.
CREATE FUNCTION @extschema@.entry_ministry(ministry text, fiscal_year integer, line text)
RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	code text;
BEGIN
	IF btrim(ministry) = '자체사업' THEN
		RETURN NULL;
	END IF;
	SELECT m.code INTO code FROM @extschema@.ministry m
	WHERE m.code = upper(btrim(entry_ministry.ministry))
	   OR (m.name_ko = btrim(entry_ministry.ministry)
		   AND (m.valid_from IS NULL OR m.valid_from <= make_date(entry_ministry.fiscal_year, 12, 31))
		   AND (m.valid_to IS NULL OR m.valid_to > make_date(entry_ministry.fiscal_year, 1, 1)))
	ORDER BY m.code LIMIT 1;
	IF code IS NULL THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('unknown ministry %s in fiscal year %s (%s)', @extschema@.entry_echo(ministry), fiscal_year, line),
				  ERRCODE = 'foreign_key_violation',
				  DETAIL = (SELECT @extschema@.message('Ministries: %s.', string_agg(DISTINCT m.code || ' ' || m.name_ko, ', ')) FROM @extschema@.ministry m),
				  HINT = @extschema@.message('Give a ministry''s code or its name that year, 자체사업 for a local programme, or add the ministry to regionpolicy.ministry.');
	END IF;
	RETURN code;
END
$$;
COMMENT ON FUNCTION @extschema@.entry_ministry(text, integer, text) IS
'the code of a ministry a load names (code, or a name it had in the fiscal year); NULL for 자체사업; 23503 when unknown';

-- The programmes a load names and nobody has created yet (rp_lines), made
-- for their fiscal year: each with the ministry of its lines' ministry
-- column, else the load's; one programme a name and year, so a name given
-- two ministries is refused, and so is one given none.
CREATE FUNCTION @extschema@.entry_new_programs(load_ministry text)
RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	w record;
	n bigint := 0;
BEGIN
	FOR w IN
		SELECT btrim(l.program) AS name, l.fiscal_year, min(l.line) AS line,
			   array_agg(DISTINCT coalesce(nullif(btrim(l.ministry), ''), load_ministry))
				   FILTER (WHERE coalesce(nullif(btrim(l.ministry), ''), load_ministry) IS NOT NULL) AS ministries,
			   min(l.line) FILTER (WHERE coalesce(nullif(btrim(l.ministry), ''), load_ministry) IS NULL) AS without
		FROM pg_temp.rp_lines l
		WHERE coalesce(btrim(l.program), '') <> '' AND btrim(l.program) !~ '^[0-9]{1,9}$' AND l.fiscal_year IS NOT NULL
		  AND NOT EXISTS (SELECT 1 FROM @extschema@.program g WHERE g.name_ko = btrim(l.program) AND g.fiscal_year = l.fiscal_year)
		GROUP BY btrim(l.program), l.fiscal_year
		ORDER BY min(l.line)
	LOOP
		IF w.without IS NOT NULL THEN
			RAISE EXCEPTION USING MESSAGE = @extschema@.message('new program %s of fiscal year %s has no ministry (line %s)', @extschema@.entry_echo(w.name), w.fiscal_year, w.without),
					  ERRCODE = 'invalid_parameter_value',
					  DETAIL = @extschema@.message('A load creates a programme with the ministry its line''s ministry column or the load gives; it never guesses one.'),
					  HINT = @extschema@.message('Give load_allocations(…, new_programs => true, ministry => ''MOIS'') (or ''자체사업'' for local programmes), or a ministry column.');
		ELSIF cardinality(w.ministries) > 1 THEN
			RAISE EXCEPTION USING MESSAGE = @extschema@.message('new program %s of fiscal year %s is given %s ministries (line %s)', @extschema@.entry_echo(w.name), w.fiscal_year, cardinality(w.ministries), w.line),
					  ERRCODE = 'invalid_parameter_value',
					  DETAIL = @extschema@.message('Its lines name %s.', array_to_string(w.ministries, ', ', @extschema@.message('(none)'))),
					  HINT = @extschema@.message('A programme has one lead ministry; give its lines the same one (partners go in regionpolicy.program_partner).');
		END IF;
		PERFORM @extschema@.entry_bounded(w.name, 'program', @extschema@.message('line %s', w.line));
		INSERT INTO @extschema@.program (ministry, fiscal_year, name_ko, note)
		VALUES (@extschema@.entry_ministry(w.ministries[1], w.fiscal_year, @extschema@.message('line %s', w.line)), w.fiscal_year, w.name,
				'created by load_allocations');
		n := n + 1;
	END LOOP;
	IF n > 0 THEN
		RAISE NOTICE USING MESSAGE = @extschema@.message('load_allocations: %s new %s created', n, CASE WHEN n = 1 THEN @extschema@.message('programme') ELSE @extschema@.message('programmes') END);
	END IF;
	RETURN n;
END
$$;
COMMENT ON FUNCTION @extschema@.entry_new_programs(text) IS
'load_allocations(…, new_programs => true): creates the programmes its lines name that do not exist in their fiscal year, with the ministry of the line or the load';
-- end of 2.0.0

-- 2.0.0: load_allocations reads the lines' other money
CREATE FUNCTION @extschema@.load_allocations(lines regclass, unit text DEFAULT NULL,
											 new_programs boolean DEFAULT false, ministry text DEFAULT NULL,
											 OUT inserted bigint, OUT replaced bigint)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	bad record;
	n bigint;
	r bigint;
	load_unit text := unit;
	load_ministry text := ministry;
	line_text text;
	e_state text;
	e_message text;
	e_detail text;
	e_hint text;
	hashjoin text;
	mergejoin text;
	nestloop text;
	jit text;
	unreferenced_there boolean;
	unreferenced_national_there boolean;
	distributed boolean := false;
	probe text[];
	twin_match text;
	one_province text;
	province_line bigint;
	province_id bigint;
	province_reference text;
	twin_line bigint;
	twin_id bigint;
	twin_reference text;
BEGIN
	-- The lines, numbered once; each programme, province and 시·군·구 looked
	-- up once, the error naming the first line that gives it; the amount
	-- read by the type's input (or from numbers in a unit).
	PERFORM @extschema@.entry_stage(lines, load_unit);
	-- references and notes first, in one scan: bounded, and no formula,
	-- before anything is compared
	SELECT l.line, l.given_reference, l.reference, l.note INTO bad FROM rp_lines l
	WHERE length(l.given_reference) > 200 OR @extschema@.begins_formula(l.reference) OR @extschema@.begins_formula(l.note)
	ORDER BY l.line LIMIT 1;
	IF FOUND THEN
		PERFORM @extschema@.entry_bounded(bad.given_reference, 'reference', @extschema@.message('line %s', bad.line));
		PERFORM @extschema@.entry_plain(bad.reference, 'reference', @extschema@.message('line %s', bad.line)),
				@extschema@.entry_plain(bad.note, 'note', @extschema@.message('line %s', bad.line));
	END IF;
	-- an aggregate row of an export (서울계, a code ending in *) before
	-- anything of it is looked up: its money is the lines' above it (its
	-- last character compared, where a regular expression cost each line
	-- some 2,400 instructions)
	SELECT l.line, l.province, l.municipality, l.fiscal_year INTO bad FROM rp_lines l
	WHERE right(btrim(l.municipality), 1) IN ('*', '계') OR right(btrim(l.province), 1) IN ('*', '계')
	ORDER BY l.line LIMIT 1;
	IF FOUND THEN
		PERFORM @extschema@.region_code_read(CASE WHEN right(btrim(bad.municipality), 1) IN ('*', '계') THEN bad.municipality ELSE bad.province END,
											 bad.fiscal_year, @extschema@.message('line %s', bad.line));
	END IF;
	-- Programmes not yet known, created for their fiscal year when the
	-- load says so: with the ministry of the line's column, else the one
	-- the load gives ('자체사업': none); never with a ministry of no one's
	-- choosing.
	IF new_programs THEN
		PERFORM @extschema@.entry_new_programs(load_ministry);
	END IF;
	CREATE TEMP TABLE rp_programs ON COMMIT DROP AS
	SELECT l.program, l.fiscal_year,
		   @extschema@.entry_program(l.program, l.fiscal_year,
									 @extschema@.message('line %s: program %s, fiscal year %s', min(l.line),
											@extschema@.entry_echo(l.program), l.fiscal_year)) AS program_id
	FROM rp_lines l
	GROUP BY l.program, l.fiscal_year;
	CREATE TEMP TABLE rp_regions ON COMMIT DROP AS
	SELECT k.province, k.municipality, k.fiscal_year, k.as_of, g.province_code, g.municipality_code
	FROM (SELECT l.province, l.municipality, l.fiscal_year, l.as_of, min(l.line) AS line
		  FROM rp_lines l GROUP BY l.province, l.municipality, l.fiscal_year, l.as_of) k,
		 LATERAL @extschema@.entry_region(k.province, k.municipality, k.fiscal_year, k.as_of,
				@extschema@.message('line %s: province %s, municipality %s, fiscal year %s', k.line, @extschema@.entry_echo(k.province),
					   @extschema@.entry_echo(k.municipality), k.fiscal_year)) g;
	-- The amounts, each read by entry_amount (a text amount by the type's
	-- input straight away when it has no other column beside it).  An
	-- amount refused is found again line by line, in the order of the
	-- lines, so that the error names the first line that has one.
	BEGIN
		-- (each line's programme and region by a probe of the two, hashed:
		-- the lines not yet analyzed, the planner sorted them all to merge
		-- them with the regions, or compared each with every region; the
		-- settings come back as they were right after, or with the
		-- block's rollback)
		nestloop := current_setting('enable_nestloop');
		mergejoin := current_setting('enable_mergejoin');
		PERFORM set_config('enable_nestloop', 'off', true), set_config('enable_mergejoin', 'off', true);
		CREATE TEMP TABLE rp_resolved ON COMMIT DROP AS
		SELECT r.*, @extschema@.line_hash(r.province_code, r.fiscal_year, r.phase, r.program_id, r.amount) AS h
		FROM (SELECT l.line, p.program_id, g.province_code, l.fiscal_year, l.phase,
					 CASE WHEN l.amount IS NOT NULL AND l."national" IS NULL AND l.local IS NULL AND l.local2 IS NULL
							   AND l.unit IS NULL
							   -- (not a bare number: text that begins with
							   -- neither a sign, a digit nor a space is none,
							   -- and is known so without the regular expression)
							   AND (strpos(E'+-0123456789 \t\n\r\f\v', left(l.amount, 1)) = 0
									OR l.amount !~ '^[[:space:]]*[-+]?[0-9][0-9,.]*[[:space:]]*$')
						  THEN l.amount::@extschema@.funding
						  -- numbers as budget tables print them, in a unit
						  WHEN l.amount IS NULL AND l.unit IN ('원', '천원', '백만원', '억', '억원')
							   AND coalesce(l."national", '0') ~ @extschema@.entry_number_pattern()
							   AND coalesce(l.local, '0') ~ @extschema@.entry_number_pattern()
							   AND coalesce(l.local2, '0') ~ @extschema@.entry_number_pattern()
						  THEN @extschema@.funding(coalesce(l."national", '0'),
												   coalesce(@extschema@.entry_local(l.local, l.local2), '0'), l.unit)
						  ELSE @extschema@.entry_amount(l.amount, l."national", @extschema@.entry_local(l.local, l.local2), l.unit,
								  @extschema@.message('line %s: program %s, province %s, fiscal year %s, reference %s',
										 l.line, @extschema@.entry_echo(l.program), @extschema@.entry_echo(l.province),
										 l.fiscal_year, @extschema@.entry_echo(l.given_reference))) END AS amount,
					 l.note, l.reference, g.municipality_code, l.program AS given_program, l.province AS given_province,
					 l.given_reference,
					 CASE WHEN l.others IS NULL THEN 0::bigint
						  ELSE (SELECT sum(CASE WHEN o IS NULL THEN 0
												WHEN l.other_unit IN ('원', '천원', '백만원', '억', '억원')
													 AND o ~ @extschema@.entry_number_pattern()
												THEN @extschema@.national(@extschema@.funding(o, '0', l.other_unit))
												ELSE @extschema@.entry_other(o, l.other_unit,
									@extschema@.message('line %s: program %s, province %s, fiscal year %s, reference %s',
										   l.line, @extschema@.entry_echo(l.program), @extschema@.entry_echo(l.province),
										   l.fiscal_year, @extschema@.entry_echo(l.given_reference))) END)::bigint
								FROM unnest(l.others) AS o) END AS other
			  FROM rp_lines l
				   JOIN rp_programs p ON p.program = l.program AND p.fiscal_year = l.fiscal_year
				   JOIN rp_regions g ON coalesce(g.province, '') = coalesce(l.province, '')
									AND coalesce(g.municipality, '') = coalesce(l.municipality, '')
									AND g.fiscal_year = l.fiscal_year
									AND coalesce(g.as_of, 'infinity') = coalesce(l.as_of, 'infinity')
			  -- (kept a subquery: pulled up, each line's amount was read
			  -- twice, once for the column and once for line_hash)
			  OFFSET 0) r;
		nestloop := set_config('enable_nestloop', nestloop, true);
		mergejoin := set_config('enable_mergejoin', mergejoin, true);
	EXCEPTION WHEN OTHERS THEN
		FOR bad IN SELECT l.* FROM rp_lines l ORDER BY l.line LOOP
			line_text := @extschema@.message('line %s: program %s, province %s, fiscal year %s, reference %s',
								bad.line, @extschema@.entry_echo(bad.program), @extschema@.entry_echo(bad.province),
								bad.fiscal_year, @extschema@.entry_echo(bad.given_reference));
			BEGIN
				PERFORM @extschema@.entry_amount(bad.amount, bad."national", @extschema@.entry_local(bad.local, bad.local2),
												 bad.unit, line_text);
				PERFORM sum(@extschema@.entry_other(o, bad.other_unit, line_text))::bigint FROM unnest(bad.others) AS o;
			EXCEPTION WHEN OTHERS THEN
				GET STACKED DIAGNOSTICS e_state = RETURNED_SQLSTATE, e_message = MESSAGE_TEXT,
										e_detail = PG_EXCEPTION_DETAIL, e_hint = PG_EXCEPTION_HINT;
				IF position(line_text IN e_message) = 0 THEN
					e_message := format('%s (%s)', e_message, line_text);
				END IF;
				PERFORM @extschema@.entry_reraise(e_state, e_message, e_detail, e_hint);
			END;
		END LOOP;
		RAISE;
	END;
	-- (what the plans below need: how many lines, how their line_hash
	-- spread; the statistics of every column cost a load of 20,000 lines
	-- some 5% of its time, of the references too some 2%)
	ANALYZE rp_resolved (h);

	-- The scopes of the lines, locked (allocation_scope), in one order.
	PERFORM @extschema@.allocation_scope_lock(k.province_code, k.fiscal_year, k.phase, k.program_id)
	FROM (SELECT DISTINCT x.province_code, x.fiscal_year, x.phase, x.program_id FROM rp_resolved x
		  ORDER BY 1, 2, 3, 4) k;

	-- a line identical to one already there, where one of the two has no
	-- reference: a load run again without references, or with references
	-- after one without, would double the total (a probe of an index per
	-- line, and of line_hash's too for a line without a reference).  The
	-- probes whatever allocation's statistics say: without them (a table
	-- just loaded, not yet analyzed) the planner took a line_hash to match
	-- some 0.5% of the table and joined all of it instead, at a price
	-- high enough to compile the plan (JIT); with them it probed at every
	-- size measured (bench/README.md).  Lines there without a reference are
	-- looked for only where there are some: a look at the first entry of
	-- each of their keys (SELECT 1: Citus cannot send a query of no
	-- columns to a shard).
	unreferenced_there := EXISTS (SELECT 1 FROM @extschema@.allocation t
								  WHERE t.reference IS NULL AND t.province_code IS NOT NULL);
	unreferenced_national_there := EXISTS (SELECT 1 FROM @extschema@.allocation t
										   WHERE t.reference IS NULL AND t.province_code IS NULL);
	-- (what makes two lines of one province, or of none, identical)
	twin_match := $match$AND t.amount OPERATOR(@extschema@.=) y.amount
			AND t.fiscal_year = y.fiscal_year AND t.phase = y.phase AND t.program_id = y.program_id
			AND coalesce(t.municipality_code, '') = coalesce(y.municipality_code, '')$match$;
	IF to_regclass('pg_catalog.pg_dist_partition') IS NOT NULL THEN
		EXECUTE 'SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition WHERE logicalrelid = $1)'
		   INTO distributed USING '@extschema@.allocation'::regclass;
	END IF;
	-- The session's settings are back right after (set for the
	-- transaction, they would otherwise stay so until its end: a
	-- function's SET clause restores only what it names).
	hashjoin := current_setting('enable_hashjoin');
	mergejoin := current_setting('enable_mergejoin');
	jit := current_setting('jit');
	PERFORM set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true),
			set_config('jit', 'off', true);
	-- Each kind of line there by its own index: one without a reference by
	-- allocation_unreferenced_line_key (of a province) or
	-- allocation_unreferenced_national_line_key, a probe a line however
	-- few such lines the statistics expect (LATERAL … LIMIT: a join was
	-- planned, on a table not yet analyzed, as a scan of all of them for
	-- each line); one with a reference, the twin of a line without, by
	-- line_hash.  Citus cannot run the LATERAL form on a distributed
	-- table, so there the probe is a join.  One statement a province (and
	-- one for lines of none), so that on Citus each reads the one shard of
	-- its province, sent only that province's lines (one statement for all
	-- sent every line to every shard); the first line of the load with a
	-- twin is the first of the provinces' firsts.
	probe := CASE WHEN distributed THEN ARRAY['JOIN @extschema@.allocation t ON', '']
				  ELSE ARRAY['CROSS JOIN LATERAL (SELECT t.id, t.reference FROM @extschema@.allocation t WHERE', 'LIMIT 1) t'] END;
	FOR one_province IN
		SELECT DISTINCT x.province_code FROM rp_resolved x
		WHERE x.reference IS NULL
		   OR CASE WHEN x.province_code IS NULL THEN unreferenced_national_there ELSE unreferenced_there END
		ORDER BY 1
	LOOP
		EXECUTE format($twin$
			SELECT y.line, t.id, t.reference
			FROM rp_resolved y
				 %1$s t.reference IS NULL AND t.province_code %3$s %4$s %2$s
			WHERE $1 AND y.province_code %3$s
			UNION ALL
			SELECT y.line, t.id, t.reference
			FROM rp_resolved y
				 JOIN @extschema@.allocation t
				   ON y.reference IS NULL AND t.reference IS NOT NULL AND t.province_code %3$s
					  AND @extschema@.line_hash(t.province_code, t.fiscal_year, t.phase, t.program_id, t.amount) = y.h %4$s
			WHERE y.province_code %3$s
			ORDER BY 1, 3 NULLS FIRST LIMIT 1$twin$, probe[1], probe[2],
			CASE WHEN one_province IS NULL THEN 'IS NULL' ELSE '= ' || quote_literal(one_province) END, twin_match)
		  INTO province_line, province_id, province_reference
		  USING CASE WHEN one_province IS NULL THEN unreferenced_national_there ELSE unreferenced_there END;
		IF province_line < twin_line OR (twin_line IS NULL AND province_line IS NOT NULL) THEN
			twin_line := province_line;
			twin_id := province_id;
			twin_reference := province_reference;
		END IF;
	END LOOP;
	hashjoin := set_config('enable_hashjoin', hashjoin, true);
	mergejoin := set_config('enable_mergejoin', mergejoin, true);
	jit := set_config('jit', jit, true);
	SELECT @extschema@.message('line %s: program %s, province %s, fiscal year %s, reference %s',
				  x.line, @extschema@.entry_echo(x.given_program), @extschema@.entry_echo(x.given_province),
				  x.fiscal_year, @extschema@.entry_echo(x.given_reference)) AS line_text,
		   x.reference AS new_reference, twin_id AS id, twin_reference AS old_reference, x.phase, x.amount
	  INTO bad
	FROM rp_resolved x WHERE x.line = twin_line;
	IF FOUND THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('allocation already recorded: %s, phase %s, amount %s', bad.line_text, bad.phase, bad.amount),
				  ERRCODE = 'unique_violation',
				  DETAIL = CASE WHEN bad.new_reference IS NOT NULL
							   THEN @extschema@.message('An identical line without a reference is already there (allocation %s); loading this one beside it would double the total.', bad.id)
							   WHEN bad.old_reference IS NOT NULL
							   THEN @extschema@.message('An identical line is already there under reference %s; loading this one too would double the total.', quote_literal(bad.old_reference))
							   ELSE @extschema@.message('An identical line without a reference is already there; loading it again would double the total.') END,
				  HINT = @extschema@.message('Give each line its reference (its 세부사업 or 과제 number): a line loaded again with the same reference replaces its amount, so a load can be run twice.');
	END IF;
	-- … and such a pair within the load itself, which no key sees: a line
	-- without a reference identical to one with a reference, named by its
	-- two lines as allocation_entry names them (looked for where some line
	-- has no reference)
	IF EXISTS (SELECT FROM rp_resolved y WHERE y.reference IS NULL) THEN
		SELECT p.first, p.second, @extschema@.message('line %s: program %s, province %s, fiscal year %s, reference %s',
									 f.line, @extschema@.entry_echo(f.given_program), @extschema@.entry_echo(f.given_province),
									 f.fiscal_year, @extschema@.entry_echo(f.given_reference)) AS line_text
		  INTO bad
		FROM (SELECT least(x.line, y.line) AS first, greatest(x.line, y.line) AS second
			  FROM rp_resolved y
				   JOIN rp_resolved x
					 ON x.h = y.h AND x.province_code IS NOT DISTINCT FROM y.province_code
						AND x.fiscal_year = y.fiscal_year AND x.phase = y.phase AND x.program_id = y.program_id
						AND x.amount OPERATOR(@extschema@.=) y.amount
						AND coalesce(x.municipality_code, '') = coalesce(y.municipality_code, '')
			  WHERE y.reference IS NULL AND x.reference IS NOT NULL
			  ORDER BY 1, 2 LIMIT 1) p
			 JOIN rp_resolved f ON f.line = p.first;
		IF FOUND THEN
			PERFORM @extschema@.entry_same_line(bad.first, bad.second, bad.line_text);
		END IF;
	END IF;

	-- Into allocation, in three INSERTs, each in the order of the lines
	-- (ids follow the file).  The same line twice in one load (the same
	-- programme, province, 시·군·구, year, phase and reference, or without
	-- one the same amount) is refused, named by its two lines: the
	-- INSERTs' own keys find it (an upsert cannot write a row twice, 21000;
	-- a line without a reference is unique by
	-- allocation_unreferenced_line_key, 23505, and the twin check above
	-- has found any such line already there), so looking for one costs
	-- nothing when there is none.
	BEGIN
		WITH w AS (
			INSERT INTO @extschema@.allocation AS a (program_id, province_code, fiscal_year, amount, phase, note, reference, municipality_code, other)
			SELECT x.program_id, x.province_code, x.fiscal_year, x.amount, x.phase, x.note, x.reference, x.municipality_code, x.other
			FROM rp_resolved x WHERE x.reference IS NOT NULL AND x.province_code IS NOT NULL ORDER BY x.line
			ON CONFLICT (reference, province_code, fiscal_year, phase, program_id, (coalesce(municipality_code, '')))
				WHERE reference IS NOT NULL AND province_code IS NOT NULL
			DO UPDATE SET amount = EXCLUDED.amount, note = EXCLUDED.note, other = EXCLUDED.other
			RETURNING a.xmax = 0 AS fresh)
		SELECT count(*) FILTER (WHERE fresh), count(*) FILTER (WHERE NOT fresh) INTO inserted, replaced FROM w;
		-- (lines of no single province only where there are some: a
		-- distributed allocation has no key for them)
		IF EXISTS (SELECT 1 FROM rp_resolved x WHERE x.reference IS NOT NULL AND x.province_code IS NULL) THEN
			WITH w AS (
				INSERT INTO @extschema@.allocation AS a (program_id, province_code, fiscal_year, amount, phase, note, reference, municipality_code, other)
				SELECT x.program_id, NULL, x.fiscal_year, x.amount, x.phase, x.note, x.reference, x.municipality_code, x.other
				FROM rp_resolved x WHERE x.reference IS NOT NULL AND x.province_code IS NULL ORDER BY x.line
				ON CONFLICT (reference, fiscal_year, phase, program_id)
					WHERE reference IS NOT NULL AND province_code IS NULL
				DO UPDATE SET amount = EXCLUDED.amount, note = EXCLUDED.note, other = EXCLUDED.other
				RETURNING a.xmax = 0 AS fresh)
			SELECT count(*) FILTER (WHERE fresh), count(*) FILTER (WHERE NOT fresh) INTO n, r FROM w;
			inserted := inserted + n;
			replaced := replaced + r;
		END IF;
		INSERT INTO @extschema@.allocation (program_id, province_code, fiscal_year, amount, phase, note, municipality_code, other)
		SELECT x.program_id, x.province_code, x.fiscal_year, x.amount, x.phase, x.note, x.municipality_code, x.other
		FROM rp_resolved x WHERE x.reference IS NULL ORDER BY x.line;
		GET DIAGNOSTICS n = ROW_COUNT;
		inserted := inserted + n;
	EXCEPTION WHEN cardinality_violation OR unique_violation THEN
		-- the first line of such a pair in the file, by a hashed count (an
		-- ordered aggregate would sort each group apart), its second looked
		-- for then
		SELECT d.first, s.second, @extschema@.message('line %s: program %s, province %s, fiscal year %s, reference %s',
										 x.line, @extschema@.entry_echo(x.given_program), @extschema@.entry_echo(x.given_province),
										 x.fiscal_year, @extschema@.entry_echo(x.given_reference)) AS line_text
		  INTO bad
		FROM (SELECT min(line) AS first
			  FROM rp_resolved
			  GROUP BY province_code, fiscal_year, phase, program_id, reference, coalesce(municipality_code, ''),
					   CASE WHEN reference IS NULL THEN amount END
			  HAVING count(*) > 1
			  ORDER BY 1 LIMIT 1) d
			 JOIN rp_resolved x ON x.line = d.first
			 CROSS JOIN LATERAL (
				SELECT min(y.line) AS second FROM rp_resolved y
				WHERE y.line > x.line AND y.province_code IS NOT DISTINCT FROM x.province_code
				  AND y.fiscal_year = x.fiscal_year AND y.phase = x.phase AND y.program_id = x.program_id
				  AND y.reference IS NOT DISTINCT FROM x.reference
				  AND coalesce(y.municipality_code, '') = coalesce(x.municipality_code, '')
				  AND (x.reference IS NOT NULL OR y.amount OPERATOR(@extschema@.=) x.amount)) s;
		IF FOUND THEN
			PERFORM @extschema@.entry_same_line(bad.first, bad.second, bad.line_text);
		END IF;
		-- (the error of something else, as it came)
		RAISE;
	WHEN check_violation THEN
		-- a phase not known, or a plan or budget below zero: named by the
		-- first line of the file that has one, as check_allocations names it
		SELECT x.line, x.phase INTO bad FROM rp_resolved x
		WHERE x.phase NOT IN ('planned', 'approved', 'adjusted', 'executed')
		   OR (x.phase IN ('planned', 'approved')
			   AND (@extschema@.national(x.amount) < 0 OR @extschema@.local(x.amount) < 0 OR x.other < 0))
		ORDER BY x.line LIMIT 1;
		IF FOUND THEN
			RAISE EXCEPTION USING ERRCODE = 'check_violation',
				MESSAGE = CASE WHEN bad.phase IN ('planned', 'approved')
							   THEN @extschema@.message('a %s amount is not negative (line %s)', bad.phase, bad.line)
							   ELSE @extschema@.message('phase %s is not one of planned, approved, adjusted, executed (line %s)',
														@extschema@.entry_echo(bad.phase), bad.line) END;
		END IF;
		RAISE;
	END;
	DROP TABLE rp_lines, rp_programs, rp_regions, rp_resolved;
	PERFORM @extschema@.allocation_load_record(inserted, replaced);
	RAISE NOTICE USING MESSAGE = @extschema@.message('load_allocations: %s %s inserted, %s replaced', inserted, CASE WHEN inserted = 1 THEN @extschema@.message('line') ELSE @extschema@.message('lines') END, replaced);
END
$$;
COMMENT ON FUNCTION @extschema@.load_allocations(regclass, text, boolean, text) IS
'loads the lines of a table with allocation_entry''s columns or an export''s (회계연도, 세부사업명, 자치단체코드, 국비, 시도비, 시군구비, 기타, …; optionally "line", the source''s line numbers), as allocation_entry would, set-based; unit is the unit of numbers whose row gives none; new_programs creates the programmes not yet known in their year, under the line''s ministry column or ministry (''자체사업'': none); returns how many lines it inserted and replaced';
-- end of 2.0.0
