-- ============================================================================
-- 2. Tables
-- ============================================================================

-- The regional-policy schema ("The schema": "Tables"): provinces and
-- 시·군·구, super-regions, programmes, allocations, clusters, evaluation
-- agencies, committee figures, and the cluster policy tables (part 7).
--
-- Reference rows (shipped with the extension, from the source document)
-- are read-only and never dumped; rows users add are theirs, and pg_dump
-- keeps them (pg_extension_config_dump, part 3).  Tables of reference data
-- mark their shipped rows (shipped = true); programme ids below 1000, and
-- designation ids, are reserved for shipped rows.

-- reference_guard: the trigger that keeps shipped rows read-only.  This
-- script creates the triggers after loading the rows.  The policy tables'
-- message speaks of years: their shipped defaults are the rows with
-- valid_from 0.
CREATE FUNCTION @extschema@.reference_guard()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	-- the table's name, also on a Citus shard (named table_shardid)
	tbl text := regexp_replace(TG_TABLE_NAME, '_[0-9]+$', '');
BEGIN
	-- TG_ARGV[0]: 'all' (every row is reference data), 'shipped' (rows with
	-- shipped = true are), 'valid_from' (a policy table whose shipped
	-- default is valid_from 0), or the name of an integer key column below
	-- 1000 for reference rows.
	IF TG_ARGV[0] = 'valid_from' AND TG_OP <> 'TRUNCATE' THEN
		IF (TG_OP <> 'INSERT' AND (to_jsonb(OLD) ->> 'valid_from')::integer = 0)
		   OR (TG_OP <> 'DELETE' AND (to_jsonb(NEW) ->> 'valid_from')::integer = 0) THEN
			RAISE EXCEPTION USING MESSAGE = @extschema@.message('cannot %s the shipped default policy in table %s', lower(TG_OP), tbl),
					  ERRCODE = 'insufficient_privilege',
					  DETAIL = @extschema@.message('The rows with valid_from 0 are the illustrative defaults shipped with regionpolicy; they are read-only.'),
					  HINT = @extschema@.message('To set the policy from a fiscal year on, insert rows with valid_from = that year (for example 2024); they apply from that year until a later year''s rows.');
		END IF;
		RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
	END IF;
	IF TG_ARGV[0] = 'shipped' AND TG_OP <> 'TRUNCATE' THEN
		IF (TG_OP <> 'INSERT' AND (to_jsonb(OLD) ->> 'shipped')::boolean)
		   OR (TG_OP <> 'DELETE' AND (to_jsonb(NEW) ->> 'shipped')::boolean) THEN
			RAISE EXCEPTION USING MESSAGE = @extschema@.message('cannot %s reference data in table %s', lower(TG_OP), tbl),
					  ERRCODE = 'insufficient_privilege',
					  DETAIL = @extschema@.message('Rows shipped with regionpolicy (shipped = true) are read-only, and no other row can be marked shipped.'),
					  HINT = @extschema@.message('Add your own rows instead (they are yours to change, and pg_dump keeps them); report errors in reference data upstream.');
		END IF;
		RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
	END IF;
	IF TG_OP = 'TRUNCATE' OR TG_ARGV[0] = 'all'
	   OR (TG_OP <> 'INSERT' AND (to_jsonb(OLD) ->> TG_ARGV[0])::bigint < 1000)
	   OR (TG_OP <> 'DELETE' AND (to_jsonb(NEW) ->> TG_ARGV[0])::bigint < 1000) THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('cannot %s reference data in table %s', lower(TG_OP), tbl),
				  ERRCODE = 'insufficient_privilege',
				  DETAIL = CASE WHEN TG_ARGV[0] = 'all' THEN @extschema@.message('Rows shipped with regionpolicy are read-only.')
								ELSE @extschema@.message('Rows shipped with regionpolicy are read-only; %s values below 1000 are reserved for them.', TG_ARGV[0]) END,
				  HINT = @extschema@.message('Add your own rows instead; report errors in reference data upstream.');
	END IF;
	RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END
$$;
COMMENT ON FUNCTION @extschema@.reference_guard() IS
'trigger: refuses writes to reference rows shipped with the extension (SQLSTATE 42501)';

-- 2.0.0: stewards and keys read a reference table through its shard on a Citus node
-- node_table: the table to read a reference table through on this node.
-- On a Citus node a reference table's rows are in its shard, of which every
-- node has a copy (doc/regionpolicy.md, "Citus"); a query on the table from
-- inside a query on a shard (a trigger or a row-level security policy of a
-- distributed table's shard) is refused by Citus, so such code reads the
-- shard on its own node.  Elsewhere, and on a node without a copy, the
-- table itself.
CREATE FUNCTION @extschema@.node_table(tbl regclass)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	shard text;
BEGIN
	IF to_regclass('pg_catalog.pg_dist_shard') IS NOT NULL THEN
		EXECUTE 'SELECT shard_name(s.logicalrelid, s.shardid)
				 FROM pg_catalog.pg_dist_shard s JOIN pg_catalog.pg_dist_partition p USING (logicalrelid)
				 WHERE s.logicalrelid = $1 AND p.partmethod = ''n'''
			INTO shard USING tbl;
		IF to_regclass(shard) IS NOT NULL THEN
			RETURN shard;
		END IF;
	END IF;
	RETURN tbl::text;
END
$$;
COMMENT ON FUNCTION @extschema@.node_table(regclass) IS
'the table to read a reference table through on this node: its shard here on a Citus node that has one, else the table';
-- end of 2.0.0

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
-- or at commit where deferred.  (TG_TABLE_NAME is a shard's name on Citus,
-- so messages name the table from TG_ARGV.)
CREATE FUNCTION @extschema@.key_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	own text := format('%I.%I', TG_TABLE_SCHEMA, TG_TABLE_NAME);
	tbl text := (parse_ident(CASE TG_ARGV[1] WHEN 'to' THEN TG_ARGV[4] ELSE TG_ARGV[2] END))[2];
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
	   AND TG_TABLE_NAME <> (parse_ident(CASE TG_ARGV[1] WHEN 'from' THEN TG_ARGV[2] ELSE TG_ARGV[4] END))[2] THEN
		other := @extschema@.node_table(other::regclass);
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
			RAISE EXCEPTION USING MESSAGE = @extschema@.message('insert or update on table "%s" violates foreign key constraint "%s"', tbl, TG_ARGV[0]),
					  ERRCODE = 'foreign_key_violation',
					  TABLE = tbl,
					  SCHEMA = TG_TABLE_SCHEMA,
					  CONSTRAINT = TG_ARGV[0],
					  DETAIL = @extschema@.message('Key (%s)=(%s) is not present in table "%s".', TG_ARGV[3], val, (parse_ident(TG_ARGV[4]))[2]);
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
			RAISE EXCEPTION USING MESSAGE = @extschema@.message('update or delete on table "%s" violates foreign key constraint "%s" on table "%s"', tbl, TG_ARGV[0], (parse_ident(TG_ARGV[2]))[2]),
					  ERRCODE = 'foreign_key_violation',
					  TABLE = tbl,
					  SCHEMA = TG_TABLE_SCHEMA,
					  CONSTRAINT = TG_ARGV[0],
					  DETAIL = @extschema@.message('Key (%s)=(%s) is still referenced from table "%s".', TG_ARGV[5], val, (parse_ident(TG_ARGV[2]))[2]);
		END IF;
	END IF;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.key_check() IS
'constraint trigger: a key between tables of reference data (SQLSTATE 23503), in place of a foreign key; not checked for rows a restore loads';

-- Provinces ---------------------------------------------------------------

-- Geography that changes ("Loading, reports and regions over time"):
-- provinces over time, and the 시·군·구 level.  Facts from
-- doc/sources/municipalities.md, each row citing
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

CREATE TABLE @extschema@.province (
	code text PRIMARY KEY
		CONSTRAINT province_code_two_digits CHECK (code ~ '^[0-9]{2}$'),
	-- the merged province has no published KOSTAT, ISO or English name yet
	kostat_code text UNIQUE
		CONSTRAINT province_kostat_code_two_digits CHECK (kostat_code ~ '^[0-9]{2}$'),
	iso_code text UNIQUE
		CONSTRAINT province_iso_code_format CHECK (iso_code ~ '^KR-[0-9]{2}$'),
	name_ko text NOT NULL UNIQUE,
	short_ko text NOT NULL UNIQUE,
	name_en text UNIQUE,
	capital_area boolean NOT NULL,
	note text,
	sort_order smallint NOT NULL,
	valid_from date,
	valid_to date,
	successor_code text,
	provisional boolean NOT NULL DEFAULT false,
	shipped boolean NOT NULL DEFAULT false,
	UNIQUE (code, capital_area),
	CONSTRAINT province_valid_period CHECK (valid_from < valid_to),
	CONSTRAINT province_successor_when_ended CHECK (successor_code IS NULL OR valid_to IS NOT NULL)
);
COMMENT ON TABLE @extschema@.province IS
'the 17 시·도; code is the current 행정표준코드/법정동코드 province prefix; kostat_code (통계청) and iso_code (ISO 3166-2) are other numberings, kept apart on purpose';
COMMENT ON COLUMN @extschema@.province.code IS 'current 2-digit 행정표준코드 / 법정동코드 prefix (강원 51, 전북 52)';
COMMENT ON COLUMN @extschema@.province.kostat_code IS 'Statistics Korea numbering: a different system (21 is 부산, 26 is 울산)';
COMMENT ON COLUMN @extschema@.province.iso_code IS 'ISO 3166-2 code for map tools (강원 KR-42, 제주 KR-49, 세종 KR-50)';
COMMENT ON COLUMN @extschema@.province.capital_area IS 'true for 서울, 인천, 경기 (수도권)';
COMMENT ON COLUMN @extschema@.province.sort_order IS
'the order in which Korean statistics list the 시·도 (서울 1 … 제주 17); report views order by it, never by code';
COMMENT ON COLUMN @extschema@.province.valid_from IS 'first day the province existed under this code (NULL: before 2023)';
COMMENT ON COLUMN @extschema@.province.valid_to IS 'the day it ended (its successor''s first day); NULL while current';
COMMENT ON COLUMN @extschema@.province.successor_code IS 'the province it became part of when it ended';
COMMENT ON COLUMN @extschema@.province.provisional IS 'true where the code or facts come from third-party sources, not yet confirmed against the ministry''s code file';
-- successor_code references province (code), kept by key_check
CREATE CONSTRAINT TRIGGER province_successor_code_fkey
	AFTER INSERT OR UPDATE OR DELETE ON @extschema@.province
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('province_successor_code_fkey', 'both', '@extschema@.province', 'successor_code', '@extschema@.province', 'code');

-- Every other way of writing a province: former codes and names, spellings.
CREATE TABLE @extschema@.province_alias (
	alias text PRIMARY KEY,
	province_code text NOT NULL,
	kind text NOT NULL
		CONSTRAINT province_alias_kind_known
		CHECK (kind IN ('name', 'short name', 'iso code', 'former name', 'former code', 'english', 'former english',
						'unofficial code')),
	valid_until date,
	shipped boolean NOT NULL DEFAULT false,
	CONSTRAINT province_alias_not_blank CHECK (alias = btrim(alias) AND alias <> '')
);
CREATE UNIQUE INDEX province_alias_lower_idx ON @extschema@.province_alias (lower(alias));
-- province_code references province (code), kept by key_check
CREATE CONSTRAINT TRIGGER province_alias_province_code_fkey
	AFTER INSERT OR UPDATE ON @extschema@.province_alias
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('province_alias_province_code_fkey', 'from', '@extschema@.province_alias', 'province_code', '@extschema@.province', 'code');
CREATE CONSTRAINT TRIGGER province_alias_province_code_fkey
	AFTER UPDATE OR DELETE ON @extschema@.province
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('province_alias_province_code_fkey', 'to', '@extschema@.province_alias', 'province_code', '@extschema@.province', 'code');
COMMENT ON TABLE @extschema@.province_alias IS
'former codes and names and other spellings of provinces, for province_code(); valid_until is the last day a former name or code was current';

-- Super-regions (초광역 협력권) -------------------------------------------

CREATE TABLE @extschema@.superregion (
	id smallint PRIMARY KEY,
	name_ko text NOT NULL UNIQUE,
	industry_ko text NOT NULL,
	industry_en text NOT NULL,
	shipped boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE @extschema@.superregion IS
'the five 초광역 협력권 chosen by the regions, with their cooperation industries (협력산업); name_ko lists the members as the source document does';

CREATE TABLE @extschema@.superregion_member (
	superregion_id smallint NOT NULL,
	province_code text NOT NULL,
	shipped boolean NOT NULL DEFAULT false,
	PRIMARY KEY (superregion_id, province_code)
);
CREATE INDEX superregion_member_province_idx ON @extschema@.superregion_member (province_code);
-- superregion_id references superregion (id), province_code province (code),
-- kept by key_check
CREATE CONSTRAINT TRIGGER superregion_member_superregion_id_fkey
	AFTER INSERT OR UPDATE ON @extschema@.superregion_member
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('superregion_member_superregion_id_fkey', 'from', '@extschema@.superregion_member', 'superregion_id', '@extschema@.superregion', 'id');
CREATE CONSTRAINT TRIGGER superregion_member_superregion_id_fkey
	AFTER UPDATE OR DELETE ON @extschema@.superregion
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('superregion_member_superregion_id_fkey', 'to', '@extschema@.superregion_member', 'superregion_id', '@extschema@.superregion', 'id');
CREATE CONSTRAINT TRIGGER superregion_member_province_code_fkey
	AFTER INSERT OR UPDATE ON @extschema@.superregion_member
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('superregion_member_province_code_fkey', 'from', '@extschema@.superregion_member', 'province_code', '@extschema@.province', 'code');
CREATE CONSTRAINT TRIGGER superregion_member_province_code_fkey
	AFTER UPDATE OR DELETE ON @extschema@.province
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('superregion_member_province_code_fkey', 'to', '@extschema@.superregion_member', 'province_code', '@extschema@.province', 'code');
COMMENT ON TABLE @extschema@.superregion_member IS 'which provinces form each super-region';

-- 2.0.0: ministries and their names over time
-- Ministries (doc/regionpolicy.md, "Programmes and ministries"): one row
-- per name a ministry had, with its period; a programme names its ministry
-- by code, and reports label it with the name of the programme's year
-- (MOTIE: 산업통상자원부, then 산업통상부 from 2025-10-01).  Administrators
-- add the ministries of their programmes (pg_dump keeps them).
CREATE TABLE @extschema@.ministry (
	code text NOT NULL
		CONSTRAINT ministry_code_format CHECK (code ~ '^[A-Z][A-Z0-9_]{1,15}$'),
	name_ko text NOT NULL
		CONSTRAINT ministry_name_not_blank CHECK (btrim(name_ko) <> ''),
	name_en text,
	valid_from date,
	valid_to date,
	source text NOT NULL,
	shipped boolean NOT NULL DEFAULT false,
	PRIMARY KEY (code, name_ko),
	CONSTRAINT ministry_valid_period CHECK (valid_from < valid_to)
);
CREATE INDEX ministry_name_idx ON @extschema@.ministry (name_ko);
COMMENT ON TABLE @extschema@.ministry IS
'ministries by code (MSS, MOTIE, MOIS, …), one row per name a ministry had and its period [valid_from, valid_to); programmes name a ministry by code, reports by the name of the programme''s fiscal year';
-- One name of a ministry at a time: its periods do not overlap (reports
-- join on the name in force on a day).  Read through the trigger's own
-- table, which is a shard's name on Citus.
CREATE FUNCTION @extschema@.ministry_periods_disjoint()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	other text;
BEGIN
	EXECUTE format('SELECT min(m.name_ko) FROM %I.%I m WHERE m.code = $1 AND m.name_ko <> $2
					  AND (m.valid_from IS NULL OR $4 IS NULL OR m.valid_from < $4)
					  AND ($3 IS NULL OR m.valid_to IS NULL OR $3 < m.valid_to)', TG_TABLE_SCHEMA, TG_TABLE_NAME)
		INTO other USING NEW.code, NEW.name_ko, NEW.valid_from, NEW.valid_to;
	IF other IS NOT NULL THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('ministry %s is named %s and %s at once', NEW.code, other, NEW.name_ko),
				  ERRCODE = 'exclusion_violation',
				  HINT = @extschema@.message('A ministry has one name at a time: end the old name (valid_to) on the day the new one begins (valid_from).');
	END IF;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.ministry_periods_disjoint() IS
'constraint trigger: the periods of a ministry''s names do not overlap (23P01)';
CREATE CONSTRAINT TRIGGER ministry_periods_disjoint AFTER INSERT OR UPDATE ON @extschema@.ministry
	FOR EACH ROW EXECUTE FUNCTION @extschema@.ministry_periods_disjoint();
-- 6 rows of ministry: sql/data/ministry.tsv
SELECT @extschema@.reference_copy('ministry', 'ministry');
CREATE TRIGGER reference_guard BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.ministry
	FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_guard('shipped');
CREATE TRIGGER reference_guard_truncate BEFORE TRUNCATE ON @extschema@.ministry
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_guard('all');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.ministry', 'WHERE NOT shipped');
COMMENT ON COLUMN @extschema@.ministry.shipped IS
'true for rows shipped with the extension (read-only); rows you add are yours, and pg_dump keeps them';
GRANT SELECT ON @extschema@.ministry TO PUBLIC;
-- end of 2.0.0

-- Programmes --------------------------------------------------------------

CREATE TABLE @extschema@.program (
	id integer GENERATED BY DEFAULT AS IDENTITY (START WITH 1000) PRIMARY KEY,
	parent_id integer,
	-- the ministry's code (ministry), NULL for a local programme (자체사업)
	ministry text,
	fiscal_year integer NOT NULL
		CONSTRAINT program_fiscal_year_plausible CHECK (fiscal_year BETWEEN 2000 AND 2100),
	name_ko text NOT NULL
		CONSTRAINT program_name_not_blank CHECK (btrim(name_ko) <> ''),
	name_en text,
	declared @extschema@.funding,
	children_complete boolean NOT NULL DEFAULT false,
	support_years smallint
		CONSTRAINT program_support_years_positive CHECK (support_years > 0),
	annual_cap bigint
		CONSTRAINT program_annual_cap_positive CHECK (annual_cap > 0),
	government_share numeric
		CONSTRAINT program_government_share_fraction CHECK (government_share > 0 AND government_share <= 1),
	selection_mode text,
	announced_on date,
	applications_from date,
	applications_until date,
	selection_period text,
	note text,
	reference boolean GENERATED ALWAYS AS (id < 1000) STORED,
	UNIQUE (id, ministry, fiscal_year),
	UNIQUE (id, fiscal_year),
	CONSTRAINT program_not_own_parent CHECK (parent_id <> id),
	CONSTRAINT program_declared_not_negative
		CHECK (declared IS NULL OR (@extschema@.national(declared) >= 0 AND @extschema@.local(declared) >= 0)),
	CONSTRAINT program_applications_in_order CHECK (applications_from <= applications_until)
);
-- a sub-programme belongs to its parent's ministry and year: (parent_id,
-- ministry, fiscal_year) references program (id, ministry, fiscal_year),
-- kept by key_check; deferred, so that a child may come before its
-- parent
CREATE CONSTRAINT TRIGGER program_parent_fkey
	AFTER INSERT OR UPDATE OR DELETE ON @extschema@.program
	DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('program_parent_fkey', 'both', '@extschema@.program', 'parent_id,ministry,fiscal_year', '@extschema@.program', 'id,ministry,fiscal_year');
CREATE INDEX program_parent_idx ON @extschema@.program (parent_id);
CREATE INDEX program_year_ministry_idx ON @extschema@.program (fiscal_year, ministry);
COMMENT ON TABLE @extschema@.program IS
'budget programmes as a tree; declared is the amount as announced (NULL when none was), children_complete says the children are meant to add up to it';
COMMENT ON COLUMN @extschema@.program.declared IS 'funding as announced; NULL when not announced';
COMMENT ON COLUMN @extschema@.program.children_complete IS 'true when the children are meant to add up to declared (see the reconciliation view)';
COMMENT ON COLUMN @extschema@.program.annual_cap IS 'support limit per project per year (지원 한도), in won';
COMMENT ON COLUMN @extschema@.program.government_share IS 'largest share of project cost the government pays (지원금 비중), as a fraction';
COMMENT ON COLUMN @extschema@.program.reference IS 'true for rows shipped with the extension (ids below 1000)';

-- No cycles in the tree.  The walk is bounded by the depth of the tree.
CREATE FUNCTION @extschema@.program_no_cycle()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF NEW.parent_id IS NOT NULL AND EXISTS (
		WITH RECURSIVE up(id, parent_id, path) AS (
			SELECT p.id, p.parent_id, ARRAY[p.id]
			FROM @extschema@.program p WHERE p.id = NEW.parent_id
			UNION ALL
			SELECT p.id, p.parent_id, up.path || p.id
			FROM @extschema@.program p JOIN up ON p.id = up.parent_id
			WHERE NOT p.id = ANY (up.path)
		)
		SELECT 1 FROM up WHERE up.id = NEW.id)
	THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('program %s cannot have %s as parent: the tree would have a cycle', NEW.id, NEW.parent_id),
				  ERRCODE = 'check_violation';
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER program_no_cycle
	BEFORE INSERT OR UPDATE OF parent_id ON @extschema@.program
	FOR EACH ROW EXECUTE FUNCTION @extschema@.program_no_cycle();
COMMENT ON FUNCTION @extschema@.program_no_cycle() IS 'trigger: the programme tree has no cycles';

CREATE TABLE @extschema@.program_target (
	program_id integer NOT NULL,
	indicator text NOT NULL
		CONSTRAINT program_target_indicator_known CHECK (indicator IN ('jobs', 'sales')),
	quantity numeric NOT NULL
		CONSTRAINT program_target_positive CHECK (quantity > 0),
	unit text NOT NULL
		CONSTRAINT program_target_unit_known CHECK (unit IN ('persons', 'won')),
	PRIMARY KEY (program_id, indicator)
);
COMMENT ON TABLE @extschema@.program_target IS 'targets announced with a programme (new jobs, sales from commercialisation)';
-- program_id references program (id), kept by key_check
CREATE CONSTRAINT TRIGGER program_target_program_id_fkey
	AFTER INSERT OR UPDATE ON @extschema@.program_target
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('program_target_program_id_fkey', 'from', '@extschema@.program_target', 'program_id', '@extschema@.program', 'id');
CREATE CONSTRAINT TRIGGER program_target_program_id_fkey
	AFTER UPDATE OR DELETE ON @extschema@.program
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('program_target_program_id_fkey', 'to', '@extschema@.program_target', 'program_id', '@extschema@.program', 'id');

-- 2.0.0: ministries and their names over time
-- ministry references ministry (code), kept by key_check
CREATE CONSTRAINT TRIGGER program_ministry_fkey
	AFTER INSERT OR UPDATE ON @extschema@.program
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('program_ministry_fkey', 'from', '@extschema@.program', 'ministry', '@extschema@.ministry', 'code');
CREATE CONSTRAINT TRIGGER program_ministry_fkey
	AFTER UPDATE OR DELETE ON @extschema@.ministry
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('program_ministry_fkey', 'to', '@extschema@.program', 'ministry', '@extschema@.ministry', 'code');
COMMENT ON COLUMN @extschema@.program.ministry IS
'the ministry''s code (regionpolicy.ministry), the lead ministry of a joint programme (its partners in program_partner); NULL for a local programme (자체사업) of no ministry';

-- The other ministries of a joint programme (공동사업): its money is
-- reported under the lead ministry, program.ministry.
CREATE TABLE @extschema@.program_partner (
	program_id integer NOT NULL,
	ministry text NOT NULL,
	PRIMARY KEY (program_id, ministry)
);
COMMENT ON TABLE @extschema@.program_partner IS
'the partner ministries of a joint programme, beside its lead ministry (program.ministry, under which its money is reported)';
CREATE CONSTRAINT TRIGGER program_partner_program_id_fkey
	AFTER INSERT OR UPDATE ON @extschema@.program_partner
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('program_partner_program_id_fkey', 'from', '@extschema@.program_partner', 'program_id', '@extschema@.program', 'id');
CREATE CONSTRAINT TRIGGER program_partner_program_id_fkey
	AFTER UPDATE OR DELETE ON @extschema@.program
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('program_partner_program_id_fkey', 'to', '@extschema@.program_partner', 'program_id', '@extschema@.program', 'id');
CREATE CONSTRAINT TRIGGER program_partner_ministry_fkey
	AFTER INSERT OR UPDATE ON @extschema@.program_partner
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('program_partner_ministry_fkey', 'from', '@extschema@.program_partner', 'ministry', '@extschema@.ministry', 'code');
CREATE CONSTRAINT TRIGGER program_partner_ministry_fkey
	AFTER UPDATE OR DELETE ON @extschema@.ministry
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('program_partner_ministry_fkey', 'to', '@extschema@.program_partner', 'ministry', '@extschema@.ministry', 'code');
CREATE TRIGGER reference_guard BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.program_partner
	FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_guard('program_id');
CREATE TRIGGER reference_guard_truncate BEFORE TRUNCATE ON @extschema@.program_partner
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_guard('all');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.program_partner', 'WHERE program_id >= 1000');
GRANT SELECT ON @extschema@.program_partner TO PUBLIC;
-- end of 2.0.0

-- Municipalities (시·군·구) ------------------------------------------------------

CREATE TABLE @extschema@.municipality (
	code text PRIMARY KEY
		CONSTRAINT municipality_code_five_digits CHECK (code ~ '^[0-9]{5}$'),
	province_code text NOT NULL,
	name_ko text NOT NULL,
	kind text NOT NULL
		CONSTRAINT municipality_kind_known CHECK (kind IN ('시', '군', '자치구', '특별자치시', '행정시')),
	valid_from date,
	valid_to date,
	successor_code text,
	provisional boolean NOT NULL DEFAULT false,
	source text NOT NULL,
	shipped boolean NOT NULL DEFAULT false,
	CONSTRAINT municipality_valid_period CHECK (valid_from < valid_to)
);
CREATE INDEX municipality_province_idx ON @extschema@.municipality (province_code);
CREATE INDEX municipality_name_idx ON @extschema@.municipality (name_ko);
-- province_code references province (code), kept by key_check
CREATE CONSTRAINT TRIGGER municipality_province_code_fkey
	AFTER INSERT OR UPDATE ON @extschema@.municipality
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('municipality_province_code_fkey', 'from', '@extschema@.municipality', 'province_code', '@extschema@.province', 'code');
CREATE CONSTRAINT TRIGGER municipality_province_code_fkey
	AFTER UPDATE OR DELETE ON @extschema@.province
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('municipality_province_code_fkey', 'to', '@extschema@.municipality', 'province_code', '@extschema@.province', 'code');
COMMENT ON TABLE @extschema@.municipality IS
'the 시·군·구: 229 as of 2023-02-27 (226 autonomous: 75 시, 82 군, 69 자치구; 세종; the 행정시 제주시 and 서귀포시), one row per code and period, with the province valid in that period; renumberings (강원, 전북, 군위, 광주/전남) link a code to its successor';
COMMENT ON COLUMN @extschema@.municipality.code IS '5-digit 행정표준코드 / 법정동코드 prefix';
COMMENT ON COLUMN @extschema@.municipality.provisional IS 'true where the code comes from third-party sources only (the 2026 codes)';
-- successor_code references municipality (code), kept by key_check
CREATE CONSTRAINT TRIGGER municipality_successor_code_fkey
	AFTER INSERT OR UPDATE OR DELETE ON @extschema@.municipality
	DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('municipality_successor_code_fkey', 'both', '@extschema@.municipality', 'successor_code', '@extschema@.municipality', 'code');

CREATE TABLE @extschema@.municipality_designation (
	id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	municipality_code text NOT NULL,
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
-- municipality_code references municipality (code), kept by key_check
CREATE CONSTRAINT TRIGGER municipality_designation_municipality_code_fkey
	AFTER INSERT OR UPDATE ON @extschema@.municipality_designation
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('municipality_designation_municipality_code_fkey', 'from', '@extschema@.municipality_designation', 'municipality_code', '@extschema@.municipality', 'code');
CREATE CONSTRAINT TRIGGER municipality_designation_municipality_code_fkey
	AFTER UPDATE OR DELETE ON @extschema@.municipality
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('municipality_designation_municipality_code_fkey', 'to', '@extschema@.municipality_designation', 'municipality_code', '@extschema@.municipality', 'code');
COMMENT ON TABLE @extschema@.municipality_designation IS
'dated designations of 시·군·구 (인구감소지역, 인구감소관심지역, …) with their legal basis; ids below 1000 are shipped, administrators may add kinds of their own (the 132 기초지자체 of 2023, once published)';

-- The fiscal years of provinces and 시·군·구 --------------------------------

-- Each province and 시·군·구 with every fiscal year it exists in (on some day
-- of that year), kept from their validity periods by region_years_refresh()
-- (part 3).  Allocations' foreign keys check a line's province and 시·군·구
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

-- References as a reader sees them (doc/regionpolicy.md, "Loading"): text
-- copied from HWP, spreadsheets and web pages carries characters nobody
-- sees, so a reference is stored in Unicode NFC, without format characters
-- (zero-width spaces and joiners, the byte-order mark, soft hyphens,
-- direction marks, Hangul fillers), with each run of white space (no-break,
-- ideographic and other spaces, tabs, line breaks) one space, trimmed: what
-- looks the same is the same reference.  An EUC_KR database holds none of
-- those characters but the ideographic space.
-- 2.0.0: a reference of ASCII is trimmed without regular expressions
-- reference_trim_full is the definition; reference_trim gives the same,
-- at the cost of a scan for a reference of ASCII (src/regionpolicy/reference.c).
CREATE FUNCTION @extschema@.reference_trim_full(reference text)
RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	-- (an IF, not a CASE: PostgreSQL 18 plans a SQL function for its
	-- argument's value, folding normalize() of a constant in every branch
	-- of a CASE, which fails in a database that is not UTF8)
	IF getdatabaseencoding() = 'UTF8' THEN
		RETURN nullif(btrim(regexp_replace(regexp_replace(normalize(reference, NFC),
			E'[\\u00AD\\u034F\\u061C\\u115F\\u1160\\u17B4\\u17B5\\u180B-\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u206F\\u3164\\uFE00-\\uFE0F\\uFEFF\\uFFA0\\uFFF9-\\uFFFB]', '', 'g'),
			E'[\\t\\n\\v\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]+', ' ', 'g'), ' '), '');
	END IF;
	RETURN nullif(btrim(regexp_replace(reference, E'[\\t\\n\\v\\f\\r 　]+', ' ', 'g'), ' '), '');
END
$$;
COMMENT ON FUNCTION @extschema@.reference_trim_full(text) IS
'reference_trim in PL/pgSQL: what reference_trim gives for a reference that is not ASCII only';
CREATE OR REPLACE FUNCTION @extschema@.reference_trim(reference text)
RETURNS text
AS 'MODULE_PATHNAME', 'regionpolicy_reference_trim'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.reference_trim(text) IS
'a reference as allocation and award store it: Unicode NFC, format characters (zero-width spaces, byte-order marks, soft hyphens) removed, each run of white space (no-break and ideographic spaces included) one space, trimmed; NULL when nothing is left';
-- end of 2.0.0

-- Text that reaches a spreadsheet (doc/regionpolicy.md, "Loading"): the
-- references, notes and recipients stewards write end up in reports and
-- CSV files, where a cell that begins with =, +, -, @, a tab or a carriage
-- return is taken for a formula (=HYPERLINK can send other cells' amounts
-- away).  Such text is refused where it is written, so that no report needs
-- to alter what it shows.
-- 2.0.0: begins_formula in C
-- (src/regionpolicy/formula.c: the CHECKs call it for every row, and as a SQL
-- function with a pinned search_path it was never inlined)
CREATE OR REPLACE FUNCTION @extschema@.begins_formula(value text)
RETURNS boolean
AS 'MODULE_PATHNAME', 'regionpolicy_begins_formula'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
-- end of 2.0.0
COMMENT ON FUNCTION @extschema@.begins_formula(text) IS
'true when the text begins with a character a spreadsheet takes for the start of a formula (=, +, -, @, tab, carriage return)';

-- Allocations: the fact table ----------------------------------------------

CREATE TABLE @extschema@.allocation (
	id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	program_id integer NOT NULL,
	province_code text,
	fiscal_year integer NOT NULL,
	amount @extschema@.funding NOT NULL,
	phase text NOT NULL DEFAULT 'planned'
		CONSTRAINT allocation_phase_known CHECK (phase IN ('planned', 'approved', 'adjusted', 'executed')),
	note text,
	reference text,
	municipality_code text,
	-- money of the line that is neither 국비 nor 지방비 (기타: funds, 민자,
	-- bonds, the company's share), in won, beside the funding amount and
	-- never inside it
	other bigint NOT NULL DEFAULT 0,
	-- the allocation's year is its programme's year
	CONSTRAINT allocation_program_fkey FOREIGN KEY (program_id, fiscal_year)
		REFERENCES @extschema@.program (id, fiscal_year),
	-- its province exists in its fiscal year, and its 시·군·구 lies in that
	-- province then (a 시·군·구 is always given with its province)
	CONSTRAINT allocation_province_in_year FOREIGN KEY (province_code, fiscal_year)
		REFERENCES @extschema@.province_year (province_code, fiscal_year),
	CONSTRAINT allocation_municipality_in_province FOREIGN KEY (municipality_code, province_code, fiscal_year)
		REFERENCES @extschema@.municipality_year (municipality_code, province_code, fiscal_year),
	CONSTRAINT allocation_municipality_with_province
		CHECK (municipality_code IS NULL OR province_code IS NOT NULL),
	-- plans and budgets are not negative; adjustments and execution may be
	-- (cuts, recoveries)
	CONSTRAINT allocation_budget_not_negative
		CHECK (phase IN ('adjusted', 'executed')
			   OR (@extschema@.national(amount) >= 0 AND @extschema@.local(amount) >= 0)),
	CONSTRAINT allocation_other_not_negative
		CHECK (phase IN ('adjusted', 'executed') OR other >= 0),
	-- references are compared exactly, so they are stored as reference_trim
	-- leaves them, and no longer than a reference is
	CONSTRAINT allocation_reference_trimmed
		CHECK (reference IS NOT DISTINCT FROM @extschema@.reference_trim(reference) AND length(reference) <= 200),
	-- no cell a spreadsheet would take for a formula
	CONSTRAINT allocation_text_not_formula
		CHECK (NOT @extschema@.begins_formula(reference) AND NOT @extschema@.begins_formula(note))
);
COMMENT ON TABLE @extschema@.allocation IS
'money of a programme for a province (or for no single province) in a fiscal year and budget phase';
COMMENT ON COLUMN @extschema@.allocation.province_code IS 'NULL for lines that belong to no single province';
COMMENT ON COLUMN @extschema@.allocation.reference IS
'the line''s own identifier in its source (a 세부사업 or 과제 number), trimmed; with fiscal year, phase, programme and province it identifies the line: loading it again replaces the line''s amount';
COMMENT ON COLUMN @extschema@.allocation.municipality_code IS
'the 시·군·구 the line is for (optional); it must lie in the allocation''s province in its fiscal year';
COMMENT ON COLUMN @extschema@.allocation.other IS
'the line''s money that is neither national nor local (기타: funds, 민자, bonds, the recipient''s own share), in won; 0 when it has none; never part of amount';
COMMENT ON COLUMN @extschema@.allocation.phase IS 'planned (default), approved, adjusted or executed: the budget phases of the Fiscal Data Package standard';
-- 2.0.0: allocation's phase CHECKs with the phases as one array constant
-- (a CHECK is read from its stored text again by every statement that
-- writes the table, so a statement a line, as allocation_entry runs, pays
-- for its length; "phase IN (…)" is stored as an array to build, each time,
-- and the rules of money not negative and of a reference stored trimmed
-- are each one call of a function of C, under a third of the text of
-- their expressions: bench/README.md)
CREATE FUNCTION @extschema@.budget_not_negative(phase text, amount @extschema@.funding)
RETURNS boolean
AS 'MODULE_PATHNAME', 'regionpolicy_budget_not_negative'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.budget_not_negative(text, @extschema@.funding) IS
'allocation''s rule: a line''s national and local money are not negative unless its phase is adjusted or executed';
CREATE FUNCTION @extschema@.other_not_negative(phase text, other bigint)
RETURNS boolean
AS 'MODULE_PATHNAME', 'regionpolicy_other_not_negative'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.other_not_negative(text, bigint) IS
'allocation''s rule: a line''s other money is not negative unless its phase is adjusted or executed';
CREATE FUNCTION @extschema@.reference_stored(reference text)
RETURNS boolean
AS 'MODULE_PATHNAME', 'regionpolicy_reference_stored'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.reference_stored(text) IS
'allocation''s rule: a reference is stored as reference_trim leaves it, and has at most 200 characters';
ALTER TABLE @extschema@.allocation
	DROP CONSTRAINT allocation_phase_known,
	DROP CONSTRAINT allocation_budget_not_negative,
	DROP CONSTRAINT allocation_other_not_negative,
	DROP CONSTRAINT allocation_reference_trimmed,
	ADD CONSTRAINT allocation_phase_known
		CHECK (phase = ANY ('{planned,approved,adjusted,executed}'::text[])),
	ADD CONSTRAINT allocation_budget_not_negative
		CHECK (@extschema@.budget_not_negative(phase, amount)),
	ADD CONSTRAINT allocation_other_not_negative
		CHECK (@extschema@.other_not_negative(phase, other)),
	ADD CONSTRAINT allocation_reference_trimmed
		CHECK (@extschema@.reference_stored(reference));
-- end of 2.0.0

-- Clusters (지역혁신협력지구) ---------------------------------------------

CREATE TABLE @extschema@.cluster (
	id integer PRIMARY KEY,
	province_code text NOT NULL UNIQUE,
	capital_area boolean NOT NULL DEFAULT false
		CONSTRAINT cluster_not_capital_area CHECK (NOT capital_area),
	name_ko text NOT NULL,
	designated_year integer NOT NULL,
	shipped boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE @extschema@.cluster IS
'the regional innovation clusters (지역혁신협력지구), one per non-capital province, designated in 2018';
-- one per non-capital province: (province_code, capital_area) references
-- province (code, capital_area), kept by key_check
CREATE CONSTRAINT TRIGGER cluster_province_fkey
	AFTER INSERT OR UPDATE ON @extschema@.cluster
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('cluster_province_fkey', 'from', '@extschema@.cluster', 'province_code,capital_area', '@extschema@.province', 'code,capital_area');
CREATE CONSTRAINT TRIGGER cluster_province_fkey
	AFTER UPDATE OR DELETE ON @extschema@.province
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('cluster_province_fkey', 'to', '@extschema@.cluster', 'province_code,capital_area', '@extschema@.province', 'code,capital_area');

-- Evaluation agencies and committee figures --------------------------------

CREATE TABLE @extschema@.evaluation_agency (
	province_code text PRIMARY KEY,
	name_ko text NOT NULL UNIQUE,
	address text NOT NULL,
	telephone text NOT NULL,
	shipped boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE @extschema@.evaluation_agency IS
'the 14 regional evaluation agencies (지역사업평가단), address and telephone as published in February 2023';
-- province_code references province (code), kept by key_check
CREATE CONSTRAINT TRIGGER evaluation_agency_province_code_fkey
	AFTER INSERT OR UPDATE ON @extschema@.evaluation_agency
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('evaluation_agency_province_code_fkey', 'from', '@extschema@.evaluation_agency', 'province_code', '@extschema@.province', 'code');
CREATE CONSTRAINT TRIGGER evaluation_agency_province_code_fkey
	AFTER UPDATE OR DELETE ON @extschema@.province
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('evaluation_agency_province_code_fkey', 'to', '@extschema@.evaluation_agency', 'province_code', '@extschema@.province', 'code');

CREATE TABLE @extschema@.committee_figure (
	key text PRIMARY KEY,
	label_ko text NOT NULL,
	quantity numeric,
	unit text,
	amount @extschema@.funding,
	amount_total bigint,
	period text,
	shipped boolean NOT NULL DEFAULT false,
	CONSTRAINT committee_figure_one_kind
		CHECK ((quantity IS NOT NULL AND unit IS NOT NULL AND amount IS NULL AND amount_total IS NULL)
			   OR (quantity IS NULL AND unit IS NULL AND (amount IS NOT NULL OR amount_total IS NOT NULL)))
);
COMMENT ON TABLE @extschema@.committee_figure IS
'headline figures of the 2023 1st Regional Economic Committee, as published: counts, or amounts (funding when the split was given, amount_total in won when only a total was)';

-- Clusters: each region's self-diagnosis and stage (1 or 2), and the
-- performance evaluation that decides a differential share of national
-- funds (국비 차등지급) ("Clusters: stages and differential funding").
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
--                     신특화산업 grades: +25억/+10억/±0/-10억/-35억 on 115억)
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
'the performance evaluation (성과평가) of a cluster for a fiscal year, score 0 to 100; it decides the cluster''s grade. Written by members of regionpolicy_evaluator, never by a steward of the cluster''s province';
