-- since 1.2.0
-- Geography that changes (issue 15, SPEC §2): provinces over time, and the
-- 시·군·구 level.  Facts from reference/municipalities.md, each row citing
-- its section; what only third-party sources give is marked provisional.
--
-- Validity is a half-open period [valid_from, valid_to): valid_to is the day
-- the successor starts, NULL while current; valid_from NULL means "since
-- before the data's basis" (2023-02-27).  A renumbering of the same province
-- keeps one row under its current code (강원 42 → 51: the former code is an
-- alias); a merger makes rows: 광주 (29) and 전남 (46) end on 2026-07-01,
-- succeeded by 전남광주통합특별시 (12).  Each code is one row (the primary
-- key), so no code can have two overlapping periods; exclusion constraints
-- over names would need btree_gist, which the extension does not require.

-- Provinces over time ---------------------------------------------------------

ALTER TABLE @extschema@.province
	ADD COLUMN valid_from date,
	ADD COLUMN valid_to date,
	ADD COLUMN successor_code text REFERENCES @extschema@.province (code),
	ADD COLUMN provisional boolean NOT NULL DEFAULT false,
	ADD CONSTRAINT province_valid_period CHECK (valid_from < valid_to),
	ADD CONSTRAINT province_successor_when_ended CHECK (successor_code IS NULL OR valid_to IS NOT NULL);
-- the merged province has no published KOSTAT, ISO or English name yet
ALTER TABLE @extschema@.province ALTER COLUMN kostat_code DROP NOT NULL,
	ALTER COLUMN iso_code DROP NOT NULL, ALTER COLUMN name_en DROP NOT NULL;
COMMENT ON COLUMN @extschema@.province.valid_from IS 'first day the province existed under this code (NULL: before 2023)';
COMMENT ON COLUMN @extschema@.province.valid_to IS 'the day it ended (its successor''s first day); NULL while current';
COMMENT ON COLUMN @extschema@.province.successor_code IS 'the province it became part of when it ended';
COMMENT ON COLUMN @extschema@.province.provisional IS 'true where the code or facts come from third-party sources, not yet confirmed against the ministry''s code file';

ALTER TABLE @extschema@.province DISABLE TRIGGER reference_guard;
-- 전남광주통합특별시: special act passed 2026-03-01 (asiae.co.kr
-- 2026030121443114468; seoul.co.kr 2026-02-24; ohmynews A0003203236), in force
-- 2026-07-01; code 12 from third-party repositories only (municipalities.md
-- §1, §1a): provisional.
INSERT INTO @extschema@.province (code, kostat_code, iso_code, name_ko, short_ko, name_en, capital_area,
								  note, sort_order, valid_from, provisional)
VALUES ('12', NULL, NULL, '전남광주통합특별시', '광주특별시', NULL, false,
		'광주광역시 (29) and 전라남도 (46) merged on 2026-07-01; code 12 as reported by third parties (municipalities.md §1a), UNVERIFIED against the MOIS code file; no KOSTAT or ISO code published',
		14, '2026-07-01', true);
UPDATE @extschema@.province SET valid_to = '2026-07-01', successor_code = '12' WHERE code IN ('29', '46');
ALTER TABLE @extschema@.province ENABLE TRIGGER reference_guard;

-- Is the province valid on day d?  On some day of fiscal year y?
CREATE FUNCTION @extschema@.province_valid_on(p @extschema@.province, d date)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT (p.valid_from IS NULL OR p.valid_from <= d) AND (p.valid_to IS NULL OR p.valid_to > d) $$;

-- province_code(text, as_of): a name or code valid at as_of.  A province that
-- had ended by then resolves to its successor (광주 after 2026-07-01 is 12).
DROP FUNCTION IF EXISTS @extschema@.province_code(text);
CREATE FUNCTION @extschema@.province_code(name_or_code text, as_of date DEFAULT CURRENT_DATE)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	wanted text := btrim(name_or_code);
	matched text[];
	result text[];
	cur text;
	p @extschema@.province;
BEGIN
	SELECT array_agg(DISTINCT m.code) INTO matched FROM (
		SELECT v.code FROM @extschema@.province v
		WHERE v.code = wanted OR v.iso_code = upper(wanted) OR v.name_ko = wanted
		   OR v.short_ko = wanted OR lower(v.name_en) = lower(wanted)
		UNION
		SELECT a.province_code FROM @extschema@.province_alias a WHERE lower(a.alias) = lower(wanted)) m;
	IF matched IS NULL THEN
		RAISE EXCEPTION 'unknown province: "%"', name_or_code
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Give a Korean, short or English name (current or former), a 행정표준코드 (current or former) or an ISO 3166-2 code such as KR-26.';
	END IF;
	FOREACH cur IN ARRAY matched LOOP
		-- follow successors while the province had ended by as_of
		LOOP
			SELECT * INTO p FROM @extschema@.province v WHERE v.code = cur;
			EXIT WHEN p.valid_to IS NULL OR p.valid_to > as_of OR p.successor_code IS NULL;
			cur := p.successor_code;
		END LOOP;
		IF @extschema@.province_valid_on(p, as_of) THEN
			result := array_append(result, cur);
		END IF;
	END LOOP;
	SELECT array_agg(DISTINCT r ORDER BY r) INTO result FROM unnest(result) r;
	IF result IS NULL THEN
		RAISE EXCEPTION 'province "%" did not exist on %', name_or_code, as_of
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = (SELECT string_agg(format('%s (%s) is valid from %s%s', v.code, v.name_ko,
													 coalesce(v.valid_from::text, 'before 2023'),
													 coalesce(' until ' || (v.valid_to - 1)::text, '')), '; ')
							FROM @extschema@.province v WHERE v.code = ANY (matched)) || '.',
				  HINT = 'Give a date on which it existed, or the province of that time.';
	ELSIF cardinality(result) > 1 THEN
		RAISE EXCEPTION 'province "%" is ambiguous on %', name_or_code, as_of
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = format('It names %s.', array_to_string(result, ' and ')),
				  HINT = 'Give the province''s code.';
	END IF;
	RETURN result[1];
END
$$;
COMMENT ON FUNCTION @extschema@.province_code(text, date) IS
'the 행정표준코드 of the province a name or code means on as_of (default today): former names and codes of the same province resolve to its code (42 → 51), a province that had ended resolves to its successor (광주 after 2026-07-01 → 12); KOSTAT codes are not accepted';

-- The province a name means in a fiscal year: on its first day, or its last;
-- if those differ (광주 in 2026: 29, then 12), the name is ambiguous that year.
CREATE FUNCTION @extschema@.province_code_in_year(name_or_code text, fiscal_year integer)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	first_day text;
	last_day text;
	why text;
BEGIN
	-- on its first day the name may mean nothing yet (12 in 2026): then the last day decides
	BEGIN
		first_day := @extschema@.province_code(name_or_code, make_date(fiscal_year, 1, 1));
	EXCEPTION WHEN invalid_parameter_value THEN
		RETURN @extschema@.province_code(name_or_code, make_date(fiscal_year, 12, 31));
	END;
	-- it meant something then; on the last day it may mean something else,
	-- or have ended with no successor (then the first day decides); an
	-- ambiguity on the last day stays an error
	BEGIN
		last_day := @extschema@.province_code(name_or_code, make_date(fiscal_year, 12, 31));
	EXCEPTION WHEN invalid_parameter_value THEN
		GET STACKED DIAGNOSTICS why = MESSAGE_TEXT;
		IF why LIKE '%did not exist on%' THEN
			RETURN first_day;
		END IF;
		RAISE;
	END;
	IF first_day <> last_day THEN
		RAISE EXCEPTION 'province "%" is ambiguous in fiscal year %', name_or_code, fiscal_year
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = format('On %s it was %s, on %s %s.', make_date(fiscal_year, 1, 1), first_day,
								  make_date(fiscal_year, 12, 31), last_day),
				  HINT = 'Give the province''s code.';
	END IF;
	RETURN last_day;
END
$$;
COMMENT ON FUNCTION @extschema@.province_code_in_year(text, integer) IS
'the province a name or code means in a fiscal year; an error when it means two (a merger during the year)';

-- Municipalities (시·군·구) ------------------------------------------------------

CREATE TABLE @extschema@.municipality (
	code text PRIMARY KEY
		CONSTRAINT municipality_code_five_digits CHECK (code ~ '^[0-9]{5}$'),
	province_code text NOT NULL REFERENCES @extschema@.province (code),
	name_ko text NOT NULL,
	kind text NOT NULL
		CONSTRAINT municipality_kind_known CHECK (kind IN ('시', '군', '자치구', '특별자치시', '행정시')),
	valid_from date,
	valid_to date,
	successor_code text REFERENCES @extschema@.municipality (code) DEFERRABLE INITIALLY DEFERRED,
	provisional boolean NOT NULL DEFAULT false,
	source text NOT NULL,
	CONSTRAINT municipality_valid_period CHECK (valid_from < valid_to)
);
CREATE INDEX municipality_province_idx ON @extschema@.municipality (province_code);
CREATE INDEX municipality_name_idx ON @extschema@.municipality (name_ko);
COMMENT ON TABLE @extschema@.municipality IS
'the 시·군·구: 229 as of 2023-02-27 (226 autonomous: 75 시, 82 군, 69 자치구; 세종; the 행정시 제주시 and 서귀포시), one row per code and period, with the province valid in that period; renumberings (강원, 전북, 군위, 광주/전남) link a code to its successor';
COMMENT ON COLUMN @extschema@.municipality.code IS '5-digit 행정표준코드 / 법정동코드 prefix';
COMMENT ON COLUMN @extschema@.municipality.provisional IS 'true where the code comes from third-party sources only (the 2026 codes)';

CREATE TABLE @extschema@.municipality_designation (
	id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	municipality_code text NOT NULL REFERENCES @extschema@.municipality (code),
	kind text NOT NULL
		CONSTRAINT municipality_designation_kind_not_blank CHECK (btrim(kind) <> ''),
	valid_from date NOT NULL,
	valid_to date,
	basis text NOT NULL,
	source text,
	CONSTRAINT municipality_designation_period CHECK (valid_from < valid_to),
	UNIQUE (municipality_code, kind, valid_from)
);
CREATE INDEX municipality_designation_kind_idx ON @extschema@.municipality_designation (kind, valid_from);
COMMENT ON TABLE @extschema@.municipality_designation IS
'dated designations of 시·군·구 (인구감소지역, 인구감소관심지역, …) with their legal basis; ids below 1000 are shipped, administrators may add kinds of their own (the 132 기초지자체 of 2023, once published)';

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
COMMENT ON FUNCTION @extschema@.municipality_code(text, date) IS
'the 5-digit code of a 시·군·구 on as_of (default today), from its name (통영시), its province and name (경남 통영시) or a code, current or former; a name several provinces share, without its province, is an error listing the candidates (22023)';
