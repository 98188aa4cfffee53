-- ============================================================================
-- 4. Provinces and 시·군·구 by name, on a day
-- ============================================================================

-- Is the province valid on day d?  On some day of fiscal year y?
CREATE FUNCTION @extschema@.province_valid_on(p @extschema@.province, d date)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT (p.valid_from IS NULL OR p.valid_from <= d) AND (p.valid_to IS NULL OR p.valid_to > d) $$;

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
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('province "%s" is ambiguous on %s%s', name_or_code, as_of, suffix),
				  ERRCODE = 'invalid_parameter_value',
				  DETAIL = @extschema@.message('It names %s.', array_to_string(found, @extschema@.message(' and '))),
				  HINT = @extschema@.message('Give the province''s code.');
	ELSIF cardinality(named) = 0 THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('unknown province: "%s"%s', name_or_code, suffix),
				  ERRCODE = 'invalid_parameter_value',
				  HINT = @extschema@.message('Give a Korean, short or English name (current or former), a 행정표준코드 (current or former) or an ISO 3166-2 code such as KR-26.');
	ELSIF cardinality(found) = 0 THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('province "%s" did not exist on %s%s', name_or_code, as_of, suffix),
				  ERRCODE = 'invalid_parameter_value',
				  DETAIL = (SELECT string_agg(@extschema@.validity(v.code, v.name_ko, v.valid_from, v.valid_to), '; ' ORDER BY v.code)
							FROM @extschema@.province v WHERE v.code = ANY (named)) || '.',
				  HINT = @extschema@.message('Give a date on which it existed, or the province of that time.');
	END IF;
	RETURN found[1];
END
$$;
COMMENT ON FUNCTION @extschema@.province_refuse(text, date, text) IS
'raises the error for a name or code that means no single province on as_of (unknown, not yet or no longer existing, ambiguous); returns the province when it means one';

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

-- 2.0.0: a name of a province that merged during the year is that province's
-- The province a line names in a fiscal year.  A code (행정표준코드 or ISO)
-- of a province that existed on some day of the year is that province:
-- codes are never ambiguous (29 and 46 in FY2026).  A name is read on the
-- line's date when it has one.  Else, a name of a province that ended
-- during the year is that province's: its budget for the year was set
-- before it ended (광주광역시 and 전라남도 in FY2026 are 29 and 46, the
-- merged province's own names 12).  Only a name that itself names two
-- provinces of the year is refused, with both.
CREATE OR REPLACE FUNCTION @extschema@.province_code_in_year(name_or_code text, fiscal_year integer,
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
	ELSIF cardinality(on_first) = 1 AND cardinality(on_last) = 1
		  AND NOT on_last[1] = ANY (@extschema@.province_named(wanted))
		  AND on_last[1] IN (WITH RECURSIVE after(code, depth) AS (
								 SELECT v.successor_code, 1 FROM @extschema@.province v WHERE v.code = on_first[1]
								 UNION ALL
								 SELECT v.successor_code, a.depth + 1 FROM after a JOIN @extschema@.province v ON v.code = a.code
								 WHERE a.depth < 20)
							 SELECT a.code FROM after a WHERE a.code IS NOT NULL) THEN
		-- the year's last day reads the name as its province's successor
		-- only: the province itself
		RETURN on_first[1];
	ELSIF cardinality(on_first) = 1 AND cardinality(on_last) = 1 THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('province "%s" is ambiguous in fiscal year %s%s', name_or_code, fiscal_year,
			coalesce(' (' || context || ')', '')),
				  ERRCODE = 'invalid_parameter_value',
				  DETAIL = @extschema@.message('On %s it was %s (%s), on %s %s (%s).', first_day, on_first[1], (SELECT v.name_ko FROM @extschema@.province v WHERE v.code = on_first[1]), last_day, on_last[1], (SELECT v.name_ko FROM @extschema@.province v WHERE v.code = on_last[1])),
				  HINT = @extschema@.message('Give the province''s code (%s or %s), or the line''s date (as_of).', on_first[1], on_last[1]);
	END IF;
	RETURN @extschema@.province_refuse(name_or_code, CASE WHEN cardinality(on_first) = 0 THEN last_day ELSE first_day END, context);
END
$$;
COMMENT ON FUNCTION @extschema@.province_code_in_year(text, integer, date, text) IS
'the province a line names in a fiscal year: a code of a province of that year is itself; a name is read on the line''s date (as_of) if given; a name of a province that ended during the year is that province; a name of two provinces of the year is refused';
-- end of 2.0.0

-- municipality_code(text, as_of): '통영시', '경남 통영시', '경상남도 통영시' or a code.
CREATE FUNCTION @extschema@.municipality_code(name_or_code text, as_of date DEFAULT CURRENT_DATE)
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
				RAISE EXCEPTION USING MESSAGE = @extschema@.message('unknown municipality code: "%s"', name_or_code),
						  ERRCODE = 'invalid_parameter_value';
			END IF;
			EXIT WHEN m.valid_to IS NULL OR m.valid_to > as_of OR m.successor_code IS NULL;
			cur := m.successor_code;
		END LOOP;
		IF (m.valid_from IS NOT NULL AND m.valid_from > as_of) OR (m.valid_to IS NOT NULL AND m.valid_to <= as_of) THEN
			RAISE EXCEPTION USING MESSAGE = @extschema@.message('municipality code "%s" was not in use on %s', name_or_code, as_of),
					  ERRCODE = 'invalid_parameter_value',
					  DETAIL = @extschema@.validity(m.code, m.name_ko, m.valid_from, m.valid_to) || '.',
					  HINT = CASE WHEN m.valid_to <= as_of AND m.successor_code IS NULL
								  THEN @extschema@.message('It was split with no single successor; give the municipality of that date by name or code.')
								  WHEN m.valid_from > as_of
								  THEN coalesce(@extschema@.message('Before %s it was %s; give that code, or a date from %s on.', m.valid_from,
												(SELECT string_agg(format('%s (%s)', o.code, o.name_ko), @extschema@.message(' or ') ORDER BY o.code)
												 FROM @extschema@.municipality o WHERE o.successor_code = m.code), m.valid_from)
												-- (message() writes a NULL as nothing: no predecessors, no sentence)
												|| CASE WHEN EXISTS (SELECT 1 FROM @extschema@.municipality o WHERE o.successor_code = m.code) THEN '' END,
												@extschema@.message('Give a date from %s on, or the municipality of that date.', m.valid_from))
								  ELSE @extschema@.message('Give the municipality of that date by name or code.') END;
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
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('unknown municipality: "%s" on %s', name_or_code, as_of),
				  ERRCODE = 'invalid_parameter_value',
				  HINT = @extschema@.message('Give its full name (통영시, 중구), optionally after its province (경남 통영시), or its 5-digit code.');
	ELSIF n > 1 THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('municipality "%s" is ambiguous on %s', name_or_code, as_of),
				  ERRCODE = 'invalid_parameter_value',
				  DETAIL = @extschema@.message('Candidates: %s.', candidates),
				  HINT = @extschema@.message('Put the province first, e.g. "%s", or give the code.', (SELECT p.short_ko FROM @extschema@.province p
								 JOIN @extschema@.municipality v ON v.province_code = p.code WHERE v.name_ko = name
								 ORDER BY p.sort_order LIMIT 1) || ' ' || name);
	END IF;
	RETURN cur;
END
$$;
COMMENT ON FUNCTION @extschema@.municipality_code(text, date) IS
'the 5-digit code of a 시·군·구 on as_of (default today), from its name (통영시), its province and name (경남 통영시) or a code, current or former; a name several provinces share, without its province, is an error listing the candidates (22023)';

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

-- 2.0.0: the codes and names of other systems
-- The codes and names other systems give a local government
-- (doc/regionpolicy.md, "Codes of other systems"): 지방재정365's 7-digit
-- 자치단체코드 and names written without a space (lofin: 1114000 and
-- 서울성동구; 1100000 서울본청 is the province's own budget, no 시·군·구),
-- and the 일반구 of large 시 that map and address services return
-- (district: 41194 부천시 소사구, a line of 부천시).  A line naming one is
-- read as its province and 시·군·구 name, on the line's own date.  Shipped
-- rows come from sql/data/region_code_*.tsv, each citing its source;
-- administrators may add rows of their own (pg_dump keeps them).
CREATE TABLE @extschema@.region_code (
	system text NOT NULL
		CONSTRAINT region_code_system_known CHECK (system IN ('lofin', 'district')),
	code text NOT NULL,
	name_ko text NOT NULL,
	province_code text NOT NULL,
	municipality_code text,
	municipality_name text,
	valid_from date,
	valid_to date,
	provisional boolean NOT NULL DEFAULT false,
	source text NOT NULL,
	shipped boolean NOT NULL DEFAULT false,
	PRIMARY KEY (system, code),
	CONSTRAINT region_code_format
		CHECK (CASE system WHEN 'lofin' THEN code ~ '^[0-9]{7}$' ELSE code ~ '^[0-9]{5}$' END),
	CONSTRAINT region_code_district_has_city
		CHECK (system <> 'district' OR (municipality_code IS NOT NULL AND municipality_name IS NOT NULL)),
	CONSTRAINT region_code_name_with_code CHECK ((municipality_code IS NULL) = (municipality_name IS NULL)),
	CONSTRAINT region_code_period CHECK (valid_from < valid_to)
);
CREATE INDEX region_code_name_idx ON @extschema@.region_code (name_ko);
COMMENT ON TABLE @extschema@.region_code IS
'codes and names other systems give a province or 시·군·구: lofin (지방재정365 7-digit 자치단체코드 and its names without a space; a row without municipality is the province''s own budget, 본청) and district (일반구 codes and names, resolved to their 시); a line naming one is read as its province and municipality_name on the line''s date';
COMMENT ON COLUMN @extschema@.region_code.municipality_code IS
'our 5-digit code of the 시·군·구 on the date of the list (for a district, its 시); NULL: the province''s own budget';
COMMENT ON COLUMN @extschema@.region_code.municipality_name IS
'the 시·군·구 as a line of the code is read, within its province, on the line''s date';
-- province_code references province (code), municipality_code
-- municipality (code), kept by key_check
CREATE CONSTRAINT TRIGGER region_code_province_code_fkey
	AFTER INSERT OR UPDATE ON @extschema@.region_code
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('region_code_province_code_fkey', 'from', '@extschema@.region_code', 'province_code', '@extschema@.province', 'code');
CREATE CONSTRAINT TRIGGER region_code_province_code_fkey
	AFTER UPDATE OR DELETE ON @extschema@.province
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('region_code_province_code_fkey', 'to', '@extschema@.region_code', 'province_code', '@extschema@.province', 'code');
CREATE CONSTRAINT TRIGGER region_code_municipality_code_fkey
	AFTER INSERT OR UPDATE ON @extschema@.region_code
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('region_code_municipality_code_fkey', 'from', '@extschema@.region_code', 'municipality_code', '@extschema@.municipality', 'code');
CREATE CONSTRAINT TRIGGER region_code_municipality_code_fkey
	AFTER UPDATE OR DELETE ON @extschema@.municipality
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('region_code_municipality_code_fkey', 'to', '@extschema@.region_code', 'municipality_code', '@extschema@.municipality', 'code');

-- 244 rows of region_code: sql/data/region_code_lofin.tsv
SELECT @extschema@.reference_copy('region_code', 'region_code_lofin');
-- 41 rows of region_code: sql/data/region_code_district.tsv
SELECT @extschema@.reference_copy('region_code', 'region_code_district');
CREATE TRIGGER reference_guard BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.region_code
	FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_guard('shipped');
CREATE TRIGGER reference_guard_truncate BEFORE TRUNCATE ON @extschema@.region_code
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_guard('all');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.region_code', 'WHERE NOT shipped');
COMMENT ON COLUMN @extschema@.region_code.shipped IS
'true for rows shipped with the extension (read-only); rows you add are yours, and pg_dump keeps them';
GRANT SELECT ON @extschema@.region_code TO PUBLIC;

-- What a line's 시·군·구 (or province) cell names, when it is a code or name
-- of another system: the province and the 시·군·구 name to read on the
-- line's date (NULL for the province's own budget), or nothing when the
-- cell is none of them.  An aggregate row (서울계, 시도계, a code ending in
-- *) is a sum of other rows and refused; a 7-digit code is lofin's or
-- unknown, never cut to 5 digits; a 10-digit 법정동코드 is read by its
-- 시·군·구 part; a 일반구 is its 시.
CREATE FUNCTION @extschema@.region_code_read(value text, fiscal_year integer, line text,
											 OUT province_code text, OUT municipality text)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	v text := btrim(value);
	r @extschema@.region_code;
BEGIN
	IF v IS NULL OR v = '' THEN
		RETURN;
	END IF;
	IF v ~ '\*$' OR v ~ '계$' THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('region %s is an aggregate row, not a line (%s)', @extschema@.entry_echo(value), line),
				  ERRCODE = 'invalid_parameter_value',
				  DETAIL = @extschema@.message('Exports add rows such as 서울계 or codes ending in * that sum the lines above them; loading one would count its money twice.'),
				  HINT = @extschema@.message('Leave the aggregate rows out as you copy: \copy … WHERE 자치단체코드 NOT LIKE ''%%*'' AND 자치단체명 NOT LIKE ''%%계''.');
	END IF;
	IF v ~ '^[0-9]{10}$' THEN
		v := left(v, 5);			-- a 법정동코드: its 시·군·구 (or 일반구) part
	END IF;
	IF v ~ '^[0-9]{7}$' THEN
		SELECT * INTO r FROM @extschema@.region_code c WHERE c.system = 'lofin' AND c.code = v;
		IF NOT FOUND THEN
			RAISE EXCEPTION USING MESSAGE = @extschema@.message('unknown 7-digit 자치단체코드 %s (%s)', @extschema@.entry_echo(value), line),
					  ERRCODE = 'invalid_parameter_value',
					  DETAIL = @extschema@.message('7-digit codes are 지방재정365''s (1114000 is 서울 성동구), not the 5-digit 행정표준코드 with zeros: they are never cut to 5 digits.'),
					  HINT = @extschema@.message('Give the local government''s 5-digit code or its name, or add the code to regionpolicy.region_code.');
		END IF;
	ELSIF v ~ '^[0-9]{5}$' THEN
		SELECT * INTO r FROM @extschema@.region_code c WHERE c.system = 'district' AND c.code = v;
		IF NOT FOUND THEN
			IF btrim(value) ~ '^[0-9]{10}$' THEN
				municipality := v;
			END IF;
			RETURN;
		END IF;
	ELSE
		-- a name of another system: 서울성동구, 서울본청; 부천시 소사구,
		-- 경기 부천시 소사구
		SELECT * INTO r FROM @extschema@.region_code c WHERE c.name_ko = v ORDER BY c.system DESC, c.code LIMIT 1;
		IF NOT FOUND AND v ~ '^\S+\s+\S+\s+\S+$' THEN
			SELECT * INTO r FROM @extschema@.region_code c
			WHERE c.name_ko = regexp_replace(v, '^\S+\s+', '') AND c.system = 'district'
			ORDER BY c.code LIMIT 1;
		END IF;
		IF NOT FOUND THEN
			RETURN;
		END IF;
	END IF;
	IF r.system = 'district' AND fiscal_year IS NOT NULL
	   AND NOT ((r.valid_from IS NULL OR r.valid_from <= make_date(fiscal_year, 12, 31))
				AND (r.valid_to IS NULL OR r.valid_to > make_date(fiscal_year, 1, 1))) THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('일반구 %s (%s) did not exist in fiscal year %s (%s)', r.code, r.name_ko, fiscal_year, line),
				  ERRCODE = 'invalid_parameter_value',
				  DETAIL = @extschema@.message('It exists from %s%s.', coalesce(r.valid_from::text, @extschema@.message('before 2023')),
												 CASE WHEN r.valid_to IS NOT NULL THEN @extschema@.message(' until %s', r.valid_to - 1) ELSE '' END),
				  HINT = @extschema@.message('Give its 시 (%s, %s).', r.municipality_name, r.municipality_code);
	END IF;
	province_code := r.province_code;
	municipality := CASE WHEN r.system = 'district' THEN r.municipality_code ELSE r.municipality_name END;
END
$$;
COMMENT ON FUNCTION @extschema@.region_code_read(text, integer, text) IS
'what a cell naming a local government in another system''s code or name means: its province and the 시·군·구 to read (NULL: the province''s own budget), nothing when it is none; aggregate rows and unknown 7-digit codes are refused (22023)';
-- end of 2.0.0
