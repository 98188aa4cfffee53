-- ============================================================================
-- 3. Reference data
-- ============================================================================

-- From the 2023 1st Regional Economic Committee press release (MSS and
-- MOTIE, 2023-02-27; doc/sources/2023-02-27-regional-economic-committee.txt),
-- entered exactly as published ("Reference data");
-- where published parts and totals disagree, the reconciliation view shows
-- it.  The province code tables (행정표준코드, Statistics Korea, ISO 3166-2)
-- are not in the release; they are the published code lists.

-- 17 rows of province: sql/data/province.tsv
SELECT @extschema@.reference_copy('province', 'province');

-- 35 rows of province_alias: sql/data/province_alias.tsv
SELECT @extschema@.reference_copy('province_alias', 'province_alias');
-- "광주시" is left out on purpose: it is also a city of 경기도.

-- 5 rows of superregion: sql/data/superregion.tsv
SELECT @extschema@.reference_copy('superregion', 'superregion');

-- 14 rows of superregion_member: sql/data/superregion_member.tsv
SELECT @extschema@.reference_copy('superregion_member', 'superregion_member');

-- 12 rows of program: sql/data/program_mss_2023.tsv
SELECT @extschema@.reference_copy('program', 'program_mss_2023');

-- 5 rows of program: sql/data/program_motie_2023.tsv
SELECT @extschema@.reference_copy('program', 'program_motie_2023');

-- 2 rows of program_target: sql/data/program_target.tsv
SELECT @extschema@.reference_copy('program_target', 'program_target');

-- 14 rows of cluster: sql/data/cluster.tsv
SELECT @extschema@.reference_copy('cluster', 'cluster');

-- 14 rows of evaluation_agency: sql/data/evaluation_agency.tsv
SELECT @extschema@.reference_copy('evaluation_agency', 'evaluation_agency');

-- 10 rows of committee_figure: sql/data/committee_figure.tsv
SELECT @extschema@.reference_copy('committee_figure', 'committee_figure');

-- pg_dump keeps what users write, and only that.
SELECT pg_catalog.pg_extension_config_dump('@extschema@.program', 'WHERE id >= 1000');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.program_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.program_target', 'WHERE program_id >= 1000');

-- Provinces over time ---------------------------------------------------------

-- 1 rows of province: sql/data/province_2026.tsv
SELECT @extschema@.reference_copy('province', 'province_2026');
UPDATE @extschema@.province SET valid_to = '2026-07-01', successor_code = '12' WHERE code IN ('29', '46');
-- 2 rows of province_alias: sql/data/province_alias_2026.tsv
SELECT @extschema@.reference_copy('province_alias', 'province_alias_2026');

-- The 시·군·구 and their designations, as doc/sources/municipalities.md gives
-- them (each row's source column cites its sections, "§n").

-- 시·군·구 (basic local governments), one row per code-validity period, from
-- the tables of doc/sources/municipalities.md §1, §1a, §1b and §2.
--
-- table @extschema@.municipality (code text, province_code text, name_ko text, kind text,
--   valid_from date, valid_to date, successor_code text, provisional boolean, source text)
--
-- Periods are half-open [valid_from, valid_to): valid_to is the day the next
-- code starts.  valid_from NULL means "since before 2023" (the data's basis,
-- the press release of 2023-02-27); valid_to NULL means current.
-- province_code is the province valid in the row's period, under the
-- province table's key: a renumbered province keeps its current code (강원
-- 42xxx rows are province 51, 전북 45xxx rows 52); a real move or merger
-- changes it (군위 47720 is 47, 27720 is 27; 광주/전남 29xxx/46xxx until
-- 2026-07-01, 12xxx after).
-- provisional = true: the code comes only from third-party repositories
-- (municipalities.md §1a/§1b), not yet checked against the MOIS code file.
-- Not here: 일반구 (non-autonomous districts, §2a), incl. 부천's of 2024 and
-- 화성's of 2026.
--
-- Codes are the 5-digit prefix of the MOIS 법정동코드 / 행정표준코드, not the
-- 통계청 한국행정구역분류 (where 부산 is 21).

-- 229 rows of municipality: sql/data/municipality_2023.tsv
SELECT @extschema@.reference_copy('municipality', 'municipality_2023');

-- 33 rows of municipality: sql/data/municipality_renumbered.tsv
SELECT @extschema@.reference_copy('municipality', 'municipality_renumbered');

-- 31 rows of municipality: sql/data/municipality_2026.tsv
SELECT @extschema@.reference_copy('municipality', 'municipality_2026');

-- Dated designations of 시·군·구, from the tables of
-- doc/sources/municipalities.md §3, §3a, §4 and §4a.
--
-- table @extschema@.municipality_designation (municipality_code text, kind text,
--   valid_from date, valid_to date, basis text, source text)
--
-- Each row is keyed by the municipality code valid on its valid_from; later
-- renumberings are followed through municipality.successor_code (강원 42xxx
-- → 51xxx, 군위 47720 → 27720, 전북 45xxx → 52xxx, 광주/전남 → 12xxx).
-- Periods are half-open [valid_from, valid_to); valid_to NULL: no end recorded.

-- 89 rows of municipality_designation: sql/data/designation_decline.tsv
SELECT @extschema@.reference_copy('municipality_designation', 'designation_decline');

-- 18 rows of municipality_designation: sql/data/designation_watch.tsv
SELECT @extschema@.reference_copy('municipality_designation', 'designation_watch');

-- 2. NOT LOADED.  If the 2022-2025 fund category is wanted, add it as a kind
--    of its own (it was not a 고시 designation; §4):
--    INSERT INTO @extschema@.municipality_designation (municipality_code, kind, valid_from, valid_to, basis, source)
--    SELECT code, '지방소멸대응기금 관심지역', '2022-02-11', '2026-01-01',
--           '행정안전부 고시 제2022-11호 별표1', '§4 repository note, UNVERIFIED'
--    FROM (VALUES ('26110'), ('26410'), ('28140'), ('29110'), ('30110'), ('30140'), ('30230'), ('41250'), ('41650'), ('42150'), ('42170'), ('42210'), ('42810'), ('45140'), ('47130'), ('47150'), ('48220'), ('48240')) AS v(code);

-- Shipped designations have ids below 1000; administrators' start there.
ALTER TABLE @extschema@.municipality_designation ALTER COLUMN id RESTART WITH 1000;
CREATE TRIGGER reference_guard BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.municipality_designation
	FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_guard('id');
CREATE TRIGGER reference_guard_truncate BEFORE TRUNCATE ON @extschema@.municipality_designation
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_guard('all');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.municipality_designation', 'WHERE id >= 1000');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.municipality_designation_id_seq', '');
GRANT SELECT ON @extschema@.municipality, @extschema@.municipality_designation TO PUBLIC;

-- Rows that ship with the extension, and rows administrators add ------------------

-- Each table of reference data marks its shipped rows; the rows an
-- administrator adds (a new cluster, a province) are theirs to change, and
-- pg_dump keeps them.  reference_guard('shipped') refuses writes to shipped
-- rows and refuses to mark a row as shipped.

-- Every row loaded so far in the tables of reference data is shipped.
DO $shipped$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['province', 'province_alias', 'superregion', 'superregion_member',
							 'cluster', 'evaluation_agency', 'committee_figure', 'municipality'] LOOP
		EXECUTE format('UPDATE @extschema@.%I SET shipped = true', t);
		EXECUTE format('COMMENT ON COLUMN @extschema@.%I.shipped IS %L', t,
					   'true for rows shipped with the extension (read-only); rows you add are yours, and pg_dump keeps them');
		EXECUTE format('CREATE TRIGGER reference_guard BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.%I '
					   'FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_guard(''shipped'')', t);
		EXECUTE format('CREATE TRIGGER reference_guard_truncate BEFORE TRUNCATE ON @extschema@.%I '
					   'FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_guard(''all'')', t);
		PERFORM pg_catalog.pg_extension_config_dump(format('@extschema@.%I', t)::regclass, 'WHERE NOT shipped');
	END LOOP;
END
$shipped$;

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
			RAISE EXCEPTION USING MESSAGE = @extschema@.message('%s %s would no longer exist in fiscal year %s, where %s %s lies', kind, OLD.code, line.fiscal_year, held, line.id),
					  ERRCODE = 'foreign_key_violation',
					  DETAIL = @extschema@.message('%s %s (fiscal year %s, reference %s) lies in %s %s%s.', initcap(held), line.id, line.fiscal_year, coalesce(line.reference, @extschema@.message('(none)')), kind, OLD.code, CASE WHEN old_province IS NOT NULL THEN @extschema@.message(' of province %s', old_province) ELSE '' END),
					  HINT = @extschema@.message('Move or delete the %s lines of the years the change leaves out, or keep %s %s valid in them.', held, kind, OLD.code);
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

-- Programmes and their targets: ids below 1000 are the shipped ones.
CREATE TRIGGER reference_guard BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.program
	FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_guard('id');
CREATE TRIGGER reference_guard_truncate BEFORE TRUNCATE ON @extschema@.program
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_guard('all');
CREATE TRIGGER reference_guard BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.program_target
	FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_guard('program_id');
CREATE TRIGGER reference_guard_truncate BEFORE TRUNCATE ON @extschema@.program_target
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_guard('all');
