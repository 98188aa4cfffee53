-- 2.0.0: a check of a load before it runs
-- ============================================================================
-- 12. Checking a load
-- ============================================================================

-- check_allocations(table, …) reads a table of lines as load_allocations
-- would, with the same arguments, and returns every problem it finds, each
-- with the line of the source, the column, the value, the SQLSTATE and the
-- message the load would give, and a suggestion where a name is close to
-- one it knows (doc/regionpolicy.md, "Checking a load").  It writes
-- nothing; a table it returns nothing for loads.

-- What became of a 시·군·구 in a fiscal year it did not exist in: the
-- successors of one that had ended (its successor, and the 시·군·구 that
-- began that day from it, by their recorded source), or the day it began.
CREATE FUNCTION @extschema@.municipality_successors(code text, fiscal_year integer)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
SELECT CASE
	WHEN v.valid_to <= make_date(fiscal_year, 1, 1)
	THEN @extschema@.message('%s %s ended on %s; its successors: %s', r.short_ko, v.name_ko, v.valid_to,
				(SELECT string_agg(format('%s (%s)', s.name_ko, s.code), ', ' ORDER BY s.code)
				 FROM @extschema@.municipality s
				 WHERE s.code = v.successor_code
					OR (s.valid_from = v.valid_to AND s.province_code = v.province_code AND s.source LIKE '%' || v.code || '%')))
	WHEN v.valid_from > make_date(fiscal_year, 12, 31)
	THEN @extschema@.message('%s %s begins on %s', r.short_ko, v.name_ko, v.valid_from) END
FROM @extschema@.municipality v JOIN @extschema@.province r ON r.code = v.province_code
WHERE v.code = municipality_successors.code
$$;
COMMENT ON FUNCTION @extschema@.municipality_successors(text, integer) IS
'what became of a 시·군·구 in a fiscal year it did not exist in: its successors, or the day it began';

-- A suggestion for a name a line gives that means nothing there: the name
-- of a province or 시·군·구 it resembles, the province a 시·군·구 of that
-- name lies in, the successors of one that had ended.
CREATE FUNCTION @extschema@.entry_suggestion(province text, municipality text, fiscal_year integer)
RETURNS text
LANGUAGE plpgsql STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	p text := btrim(province);
	m text := btrim(regexp_replace(municipality, '\s+', ' ', 'g'));
	first_day date := make_date(fiscal_year, 1, 1);
	last_day date := make_date(fiscal_year, 12, 31);
	given text;
	found text;
BEGIN
	IF coalesce(p, '') <> '' THEN
		BEGIN
			given := @extschema@.province_code_in_year(p, fiscal_year);
		EXCEPTION WHEN invalid_parameter_value THEN
			given := NULL;
		END;
	END IF;
	IF coalesce(m, '') <> '' THEN
		IF m ~ '^[0-9]{5}$' THEN
			-- a code: when it ended, its successors; when it began
			SELECT @extschema@.municipality_successors(v.code, fiscal_year) INTO found
			FROM @extschema@.municipality v WHERE v.code = m;
			RETURN found;
		END IF;
		IF position(' ' IN m) > 0 THEN
			-- "경남 해운대구": its province and 시·군·구
			BEGIN
				given := coalesce(given, @extschema@.province_code_in_year(split_part(m, ' ', 1), fiscal_year));
			EXCEPTION WHEN invalid_parameter_value THEN
				NULL;
			END;
			m := substr(m, position(' ' IN m) + 1);
		END IF;
		-- one of the province's that had ended: its successors
		SELECT string_agg(@extschema@.municipality_successors(v.code, fiscal_year), '; ') INTO found
		FROM @extschema@.municipality v
		WHERE v.name_ko = m AND v.province_code = given AND v.valid_to <= first_day;
		IF found IS NOT NULL THEN
			RETURN found;
		END IF;
		-- where a 시·군·구 of that name lies that year
		SELECT string_agg(@extschema@.message('%s is in %s', v.name_ko, r.short_ko), ', ' ORDER BY r.sort_order) INTO found
		FROM @extschema@.municipality v JOIN @extschema@.province r ON r.code = v.province_code
		WHERE v.name_ko = m AND v.province_code IS DISTINCT FROM given
		  AND (v.valid_from IS NULL OR v.valid_from <= last_day) AND (v.valid_to IS NULL OR v.valid_to > first_day);
		IF found IS NOT NULL THEN
			RETURN found || coalesce(', not ' || (SELECT r.short_ko FROM @extschema@.province r WHERE r.code = given), '');
		END IF;
		-- one that had ended anywhere
		SELECT string_agg(@extschema@.municipality_successors(v.code, fiscal_year), '; ') INTO found
		FROM @extschema@.municipality v WHERE v.name_ko = m AND v.valid_to <= first_day;
		IF found IS NOT NULL THEN
			RETURN found;
		END IF;
		-- a name it resembles
		SELECT @extschema@.message('did you mean %s %s?', r.short_ko, v.name_ko) INTO found
		FROM @extschema@.municipality v JOIN @extschema@.province r ON r.code = v.province_code
		WHERE (v.valid_from IS NULL OR v.valid_from <= last_day) AND (v.valid_to IS NULL OR v.valid_to > first_day)
		  AND (given IS NULL OR v.province_code = given)
		  AND (v.name_ko LIKE m || '%' OR m LIKE v.name_ko || '%' OR v.name_ko LIKE left(m, char_length(m) - 1) || '_')
		ORDER BY abs(char_length(v.name_ko) - char_length(m)), r.sort_order LIMIT 1;
		RETURN found;
	END IF;
	IF coalesce(p, '') <> '' AND given IS NULL THEN
		-- the province whose names share most of the text's characters
		SELECT @extschema@.message('did you mean %s (%s)?', r.name_ko, r.code) INTO found
		FROM @extschema@.province r
			 CROSS JOIN LATERAL (SELECT count(*) AS shared FROM regexp_split_to_table(p, '') AS c
								 WHERE position(c IN r.name_ko || r.short_ko) > 0) x
		WHERE (r.valid_from IS NULL OR r.valid_from <= last_day) AND (r.valid_to IS NULL OR r.valid_to > first_day)
		  AND x.shared * 2 >= char_length(p)
		ORDER BY x.shared DESC, r.sort_order LIMIT 1;
		RETURN found;
	END IF;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.entry_suggestion(text, text, integer) IS
'a suggestion for a province or 시·군·구 a line names that means nothing there: where a 시·군·구 of that name lies, the successors of one that had ended, a name it resembles';

-- A programme's suggestion: the same name in other years, or a name of
-- the year it resembles.
CREATE FUNCTION @extschema@.entry_program_suggestion(program text, fiscal_year integer)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
SELECT coalesce(
	(SELECT @extschema@.message('a programme of that name exists in fiscal year %s', string_agg(DISTINCT g.fiscal_year::text, ', '))
	 FROM @extschema@.program g WHERE g.name_ko = btrim(program) HAVING count(*) > 0),
	(SELECT @extschema@.message('did you mean %s (id %s)?', g.name_ko, g.id)
	 FROM @extschema@.program g
		  CROSS JOIN LATERAL (SELECT count(*) AS shared FROM regexp_split_to_table(btrim(program), '') AS c
							  WHERE c <> ' ' AND position(c IN g.name_ko) > 0) x
	 WHERE g.fiscal_year = entry_program_suggestion.fiscal_year AND x.shared * 2 >= char_length(btrim(program))
	 ORDER BY x.shared DESC, g.id LIMIT 1))
$$;
COMMENT ON FUNCTION @extschema@.entry_program_suggestion(text, integer) IS
'a suggestion for a programme a line names that does not exist in its year';

-- One check of one value: the error it raises, as a row, or none.
CREATE FUNCTION @extschema@.entry_problem(what text, a text, b text, c text, d text, e text, fiscal_year integer,
										  as_of date, line text, OUT state text, OUT message text)
LANGUAGE plpgsql STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	CASE what
		WHEN 'program' THEN PERFORM @extschema@.entry_program(a, fiscal_year, line);
		WHEN 'region' THEN PERFORM @extschema@.entry_region(a, b, fiscal_year, as_of, line);
		WHEN 'amount' THEN PERFORM @extschema@.entry_amount(a, b, @extschema@.entry_local(c, d), e, line);
		WHEN 'other' THEN PERFORM @extschema@.entry_other(a, b, line);
		WHEN 'ministry' THEN PERFORM @extschema@.entry_ministry(a, fiscal_year, line);
		-- (a reference is bounded and stored trimmed, a note kept as it is)
		WHEN 'text' THEN PERFORM @extschema@.entry_bounded(CASE b WHEN 'reference' THEN a END, b, line),
								 @extschema@.entry_plain(CASE b WHEN 'reference' THEN @extschema@.reference_trim(a) ELSE a END, b, line);
	END CASE;
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, message = MESSAGE_TEXT;
END
$$;
COMMENT ON FUNCTION @extschema@.entry_problem(text, text, text, text, text, text, integer, date, text) IS
'the SQLSTATE and message a check of a load''s value raises, or NULLs';

-- A line's money as a load reads it, or the error it gives.  Numbers
-- with thousands separators in a unit, short enough that no unit makes
-- them overflow, are read without catching errors: they cannot fail.
CREATE FUNCTION @extschema@.entry_amount_checked(amount text, "national" text, local text, local2 text, unit text, line text,
												 OUT amount_read @extschema@.funding, OUT state text, OUT message text)
LANGUAGE plpgsql STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	plain constant text := @extschema@.entry_number_pattern();
BEGIN
	IF amount IS NULL AND unit IN ('원', '천원', '백만원', '억', '억원')
	   AND coalesce("national", '0') ~ plain AND coalesce(local, '0') ~ plain AND coalesce(local2, '0') ~ plain
	   AND length(coalesce("national", '')) < 12 AND length(coalesce(local, '')) < 12 AND length(coalesce(local2, '')) < 12 THEN
		amount_read := @extschema@.funding(coalesce("national", '0'), coalesce(@extschema@.entry_local(local, local2), '0'), unit);
		RETURN;
	END IF;
	BEGIN
		amount_read := @extschema@.entry_amount(amount, "national", @extschema@.entry_local(local, local2), unit, line);
	EXCEPTION WHEN OTHERS THEN
		GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, message = MESSAGE_TEXT;
	END;
END
$$;
COMMENT ON FUNCTION @extschema@.entry_amount_checked(text, text, text, text, text, text) IS
'a line''s money as load_allocations reads it, or the SQLSTATE and message of its refusal';

CREATE FUNCTION @extschema@.check_allocations(lines regclass, unit text DEFAULT NULL,
											  new_programs boolean DEFAULT false, ministry text DEFAULT NULL)
RETURNS TABLE (line bigint, column_name text, value text, sqlstate text, message text, suggestion text)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	load_ministry text := ministry;
BEGIN
	PERFORM @extschema@.entry_stage(lines, unit);
	CREATE TEMP TABLE rp_problems (line bigint, column_name text, value text, sqlstate text, message text, suggestion text)
		ON COMMIT DROP;
	-- a line's place and year
	INSERT INTO rp_problems
	SELECT l.line, 'fiscal_year', NULL, '23502', @extschema@.message('fiscal_year is missing (line %s)', l.line), NULL
	FROM rp_lines l WHERE l.fiscal_year IS NULL;
	INSERT INTO rp_problems
	SELECT l.line, 'phase', l.phase, '23514',
		   @extschema@.message('phase %s is not one of planned, approved, adjusted, executed (line %s)', @extschema@.entry_echo(l.phase), l.line),
		   NULL
	FROM rp_lines l WHERE l.phase NOT IN ('planned', 'approved', 'adjusted', 'executed');
	-- references and notes
	INSERT INTO rp_problems
	SELECT l.line, t.col, t.val, p.state, p.message, NULL
	FROM rp_lines l
		 CROSS JOIN LATERAL (VALUES ('reference', l.given_reference), ('note', l.note)) AS t(col, val)
		 CROSS JOIN LATERAL @extschema@.entry_problem('text', t.val, t.col, NULL, NULL, NULL, l.fiscal_year, NULL,
													  @extschema@.message('line %s', l.line)) p
	WHERE t.val IS NOT NULL AND ((t.col = 'reference' AND length(t.val) > 200) OR t.val ~ '^\s*[-=+@\t\r]') AND p.state IS NOT NULL;
	-- programmes and regions, each looked up once, every line listed
	-- (each distinct value checked once, then joined to its lines)
	WITH k AS MATERIALIZED (
		SELECT g.program, g.fiscal_year, p.state, p.message
		FROM (SELECT DISTINCT program, fiscal_year FROM rp_lines WHERE fiscal_year IS NOT NULL) g,
			 LATERAL @extschema@.entry_problem('program', g.program, NULL, NULL, NULL, NULL, g.fiscal_year, NULL,
											   @extschema@.message('program %s, fiscal year %s', @extschema@.entry_echo(g.program), g.fiscal_year)) p
		WHERE p.state IS NOT NULL)
	INSERT INTO rp_problems
	SELECT l.line, 'program', l.program, k.state, k.message,
		   CASE WHEN k.state = '23503' THEN @extschema@.entry_program_suggestion(l.program, l.fiscal_year) END
	FROM rp_lines l
		 JOIN k ON k.program IS NOT DISTINCT FROM l.program AND k.fiscal_year = l.fiscal_year
	-- a programme the load would create is no problem; its ministry may be
	WHERE NOT (new_programs AND k.state = '23503' AND btrim(l.program) !~ '^[0-9]{1,9}$');
	IF new_programs THEN
		INSERT INTO rp_problems
		SELECT l.line, 'ministry', coalesce(nullif(btrim(l.ministry), ''), load_ministry),
			   coalesce(p.state, '22023'),
			   coalesce(p.message, @extschema@.message('new program %s of fiscal year %s has no ministry (line %s)',
										  @extschema@.entry_echo(btrim(l.program)), l.fiscal_year, l.line)),
			   CASE WHEN p.state IS NULL THEN 'give load_allocations(…, ministry => ''MOIS'') (or ''자체사업''), or a ministry column' END
		FROM rp_lines l
			 LEFT JOIN LATERAL @extschema@.entry_problem('ministry', coalesce(nullif(btrim(l.ministry), ''), load_ministry),
														 NULL, NULL, NULL, NULL, l.fiscal_year, NULL, @extschema@.message('line %s', l.line)) p
				ON coalesce(nullif(btrim(l.ministry), ''), load_ministry) IS NOT NULL
		WHERE coalesce(btrim(l.program), '') <> '' AND btrim(l.program) !~ '^[0-9]{1,9}$' AND l.fiscal_year IS NOT NULL
		  AND NOT EXISTS (SELECT 1 FROM @extschema@.program g WHERE g.name_ko = btrim(l.program) AND g.fiscal_year = l.fiscal_year)
		  AND (coalesce(nullif(btrim(l.ministry), ''), load_ministry) IS NULL OR p.state IS NOT NULL);
	END IF;
	WITH k AS MATERIALIZED (
		SELECT g.province, g.municipality, g.fiscal_year, g.as_of, p.state, p.message,
			   @extschema@.entry_suggestion(g.province, g.municipality, g.fiscal_year) AS suggestion
		FROM (SELECT DISTINCT province, municipality, fiscal_year, as_of FROM rp_lines WHERE fiscal_year IS NOT NULL) g,
			 LATERAL @extschema@.entry_problem('region', g.province, g.municipality, NULL, NULL, NULL, g.fiscal_year, g.as_of,
											   @extschema@.message('province %s, municipality %s, fiscal year %s', @extschema@.entry_echo(g.province),
													  @extschema@.entry_echo(g.municipality), g.fiscal_year)) p
		WHERE p.state IS NOT NULL)
	INSERT INTO rp_problems
	SELECT l.line, CASE WHEN coalesce(btrim(l.municipality), '') <> '' THEN 'municipality' ELSE 'province' END,
		   coalesce(nullif(btrim(l.municipality), ''), l.province), k.state, k.message, k.suggestion
	FROM rp_lines l
		 JOIN k ON k.province IS NOT DISTINCT FROM l.province AND k.municipality IS NOT DISTINCT FROM l.municipality
			  AND k.fiscal_year = l.fiscal_year AND k.as_of IS NOT DISTINCT FROM l.as_of;
	-- the money, line by line (entry_amount_checked reads numbers as
	-- budget tables print them without catching errors)
	CREATE TEMP TABLE rp_amounts ON COMMIT DROP AS
	SELECT l.line, l.phase, CASE WHEN l.amount IS NOT NULL THEN 'amount' ELSE 'national, local' END AS column_name,
		   coalesce(l.amount, concat_ws(', ', l."national", l.local, l.local2)) AS value, p.amount_read AS amount, p.state, p.message
	FROM rp_lines l,
		 LATERAL @extschema@.entry_amount_checked(l.amount, l."national", l.local, l.local2, l.unit, @extschema@.message('line %s', l.line)) p;
	INSERT INTO rp_problems
	SELECT a.line, a.column_name, a.value, a.state, a.message, NULL FROM rp_amounts a WHERE a.state IS NOT NULL;
	INSERT INTO rp_problems
	SELECT l.line, 'other', o.v, p.state, p.message, NULL
	FROM rp_lines l
		 CROSS JOIN LATERAL unnest(l.others) AS o(v)
		 CROSS JOIN LATERAL @extschema@.entry_problem('other', o.v, l.other_unit, NULL, NULL, NULL, l.fiscal_year, NULL,
													  @extschema@.message('line %s', l.line)) p
	WHERE o.v IS NOT NULL
	  AND NOT (l.other_unit IN ('원', '천원', '백만원', '억', '억원') AND length(o.v) < 12 AND o.v ~ @extschema@.entry_number_pattern())
	  AND p.state IS NOT NULL;
	-- a plan or budget below zero
	INSERT INTO rp_problems
	SELECT a.line, a.column_name, a.value, '23514', @extschema@.message('a %s amount is not negative (line %s)', a.phase, a.line),
		   'only adjusted and executed lines may be negative'
	FROM rp_amounts a
	WHERE a.phase IN ('planned', 'approved') AND (@extschema@.national(a.amount) < 0 OR @extschema@.local(a.amount) < 0);
	-- the same line twice in the load: same programme, region, year, phase
	-- and reference (or, without one, the same amount as written)
	INSERT INTO rp_problems
	SELECT d.second, 'reference', d.reference, '23505',
		   @extschema@.message('lines %s and %s of the load are the same line', d.first, d.second),
		   'give each line its own reference, or load the line once'
	FROM (SELECT l.line AS second, l.reference,
				 first_value(l.line) OVER w AS first, row_number() OVER w AS n
		  FROM rp_lines l
		  WINDOW w AS (PARTITION BY l.program, l.province, l.municipality, l.fiscal_year, l.phase, l.reference,
							  CASE WHEN l.reference IS NULL THEN concat_ws('|', l.amount, l."national", l.local, l.local2, l.unit) END
					   ORDER BY l.line)) d
	WHERE d.n > 1;
	-- a line without a reference identical to one with a reference (the
	-- same amount as read), which would double the total
	WITH k AS (
		SELECT l.line, l.reference IS NULL AS unreferenced, l.program, coalesce(l.province, '') AS province,
			   coalesce(l.municipality, '') AS municipality, l.fiscal_year, l.phase, a.amount
		FROM rp_lines l JOIN rp_amounts a ON a.line = l.line)
	INSERT INTO rp_problems
	SELECT p.second, 'reference', NULL, '23505',
		   @extschema@.message('lines %s and %s of the load are the same line', p.first, p.second),
		   'give each line its own reference, or load the line once'
	FROM (SELECT DISTINCT least(x.line, y.line) AS first, greatest(x.line, y.line) AS second
		  FROM k y
			   JOIN k x ON x.program = y.program AND x.province = y.province AND x.municipality = y.municipality
						   AND x.fiscal_year = y.fiscal_year AND x.phase = y.phase AND x.amount OPERATOR(@extschema@.=) y.amount
		  WHERE y.unreferenced AND NOT x.unreferenced) p;
	-- an aggregate row is one problem: it is to be left out, not mended
	DELETE FROM rp_problems x
	USING rp_lines l
	WHERE x.line = l.line AND x.column_name NOT IN ('municipality', 'province')
	  AND (btrim(l.municipality) ~ '(\*|계)$' OR btrim(l.province) ~ '(\*|계)$');
	RETURN QUERY SELECT * FROM rp_problems ORDER BY 1, 2;
	DROP TABLE rp_problems, rp_amounts, rp_lines;
END
$$;
COMMENT ON FUNCTION @extschema@.check_allocations(regclass, text, boolean, text) IS
'checks a table of lines as load_allocations would load it, writing nothing: every problem, with the line, the column, the value, the SQLSTATE, the message and, for a name it does not know, a suggestion';
-- end of 2.0.0
