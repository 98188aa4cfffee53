-- regionpolicy 1.3.0 to 2.0.0.  Made by make from
-- sql/upgrade/regionpolicy--1.3.0.sql, the blocks of sql/regionpolicy/*.sql
-- marked 2.0.0 and sql/upgrade/regionpolicy--1.3.0-tail.sql: edit those.
--
-- From 2.0.0 the extension funding holds the type (doc/regionpolicy.md,
-- "Moving from 1.x"): it must have taken the type over, in this schema,
-- before this update.
\echo Use "ALTER EXTENSION regionpolicy UPDATE" to load this file. \quit

DO $funding$
BEGIN
	IF NOT EXISTS (SELECT 1
					 FROM pg_catalog.pg_depend d
					 JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'funding'
					WHERE d.classid = 'pg_catalog.pg_type'::pg_catalog.regclass
					  AND d.objid = '@extschema@.funding'::pg_catalog.regtype
					  AND d.deptype = 'e') THEN
		RAISE EXCEPTION 'the type @extschema@.funding is still regionpolicy''s'
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  DETAIL = 'From 2.0.0 the extension funding holds the type; it has not taken it over.',
				  HINT = 'DROP EXTENSION funding if it was installed elsewhere, then: CREATE EXTENSION funding VERSION ''1.3.0'' SCHEMA @extschema@; ALTER EXTENSION funding UPDATE; ALTER EXTENSION regionpolicy UPDATE;';
	END IF;
END
$funding$;

-- On Citus this update cannot change the extension's tables, which Citus
-- distributes: refused before anything changes (doc/regionpolicy.md,
-- "Moving from 1.x"; funding 1.3.0 refuses the same cluster first).
DO $citus$
DECLARE
	distributed bigint;
	distributed_names text;
BEGIN
	IF pg_catalog.to_regclass('pg_catalog.pg_dist_partition') IS NOT NULL THEN
		EXECUTE 'SELECT pg_catalog.count(*), pg_catalog.string_agg(c.relname, '', '' ORDER BY c.relname)
				   FROM pg_catalog.pg_dist_partition p
				   JOIN pg_catalog.pg_class c ON c.oid = p.logicalrelid
				  WHERE c.relnamespace = ''@extschema@''::pg_catalog.regnamespace'
		   INTO distributed, distributed_names;
		IF distributed > 0 THEN
			RAISE EXCEPTION 'regionpolicy 1.3.0 cannot move to 2.0 in place on a Citus cluster'
				USING ERRCODE = 'feature_not_supported',
					  DETAIL = pg_catalog.format('Citus distributes %s of its tables (%s). The move changes them through the extension''s script, which Citus cannot apply to their shards, and Citus cannot give an extension''s table back to one node.',
												 distributed, distributed_names),
					  HINT = 'Nothing has changed, on any node: the cluster keeps working at 1.3.0 with these packages. See doc/regionpolicy.md, "Moving from 1.x".';
		END IF;
	END IF;
END
$citus$;

-- A shipped figure that regionpolicy 1.0.0 wrote with an en dash and
-- 1.3.0's install with the press release's tilde: one spelling, the
-- release's, as a new install loads it (sql/data/committee_figure.tsv).
ALTER TABLE @extschema@.committee_figure DISABLE TRIGGER reference_guard;
UPDATE @extschema@.committee_figure SET period = '2018~2022'
 WHERE key = 'clusters_2018_2022' AND shipped AND period = U&'2018\20132022';
ALTER TABLE @extschema@.committee_figure ENABLE TRIGGER reference_guard;

-- Views whose columns change are made again (below).  What an
-- administrator granted on them is kept, and the ones that read your
-- tables stay yours, not the extension's (tail).  A view of yours built on
-- one of them stops the update, naming it: drop it, update, make it again.
DO $views$
DECLARE
	v text;
BEGIN
	FOREACH v IN ARRAY ARRAY['reconciliation_detail', 'award_compliance', 'award_totals'] LOOP
		PERFORM pg_catalog.set_config('regionpolicy_upgrade.acl_' || v,
			coalesce((SELECT c.relacl::text FROM pg_catalog.pg_class c
					  WHERE c.oid = pg_catalog.format('@extschema@.%I', v)::pg_catalog.regclass), ''), true);
		PERFORM pg_catalog.set_config('regionpolicy_upgrade.member_' || v,
			EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
					WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
					  AND d.objid = pg_catalog.format('@extschema@.%I', v)::pg_catalog.regclass
					  AND d.deptype = 'e')::text, true);
		EXECUTE pg_catalog.format('DROP VIEW @extschema@.%I', v);
	END LOOP;
END
$views$;

-- The merged province reads 전남광주 in every view and sorts right after
-- 전남, with its own place (sql/data/province_2026.tsv); the special act's
-- short name, 광주특별시, is an alias.
ALTER TABLE @extschema@.province DISABLE TRIGGER reference_guard;
ALTER TABLE @extschema@.province_alias DISABLE TRIGGER reference_guard;
UPDATE @extschema@.province SET sort_order = sort_order + 1 WHERE shipped AND code IN ('47', '48', '50') AND sort_order IN (15, 16, 17);
UPDATE @extschema@.province SET short_ko = '전남광주', sort_order = 15 WHERE shipped AND code = '12';
UPDATE @extschema@.province_alias SET alias = '광주특별시' WHERE shipped AND province_code = '12' AND alias = '전남광주';
ALTER TABLE @extschema@.province_alias ENABLE TRIGGER reference_guard;
ALTER TABLE @extschema@.province ENABLE TRIGGER reference_guard;

-- A line's money that is neither 국비 nor 지방비 (기타) has its column,
-- which the entry view, the loader and the reports gain (below); the
-- views that read your tables are yours, so they are the extension's only
-- while they are made again here (tail).
ALTER TABLE @extschema@.allocation ADD COLUMN other bigint NOT NULL DEFAULT 0;
ALTER TABLE @extschema@.allocation ADD CONSTRAINT allocation_other_not_negative
	CHECK (phase IN ('adjusted', 'executed') OR other >= 0);
COMMENT ON COLUMN @extschema@.allocation.other IS
'the line''s money that is neither national nor local (기타: funds, 민자, bonds, the recipient''s own share), in won; 0 when it has none; never part of amount';
-- Who may change a line's amount column by column (a steward, "Access
-- control") may change its other money too: a reload under a reference
-- writes both.
DO $other$
DECLARE
	g record;
BEGIN
	FOR g IN SELECT DISTINCT a.grantee, a.privilege_type
			   FROM pg_catalog.pg_attribute t,
					pg_catalog.aclexplode(t.attacl) a
			  WHERE t.attrelid = '@extschema@.allocation'::pg_catalog.regclass AND t.attname = 'amount'
				AND a.privilege_type IN ('INSERT', 'UPDATE', 'SELECT')
	LOOP
		EXECUTE pg_catalog.format('GRANT %s (other) ON @extschema@.allocation TO %s', g.privilege_type,
			CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(g.grantee)) END);
	END LOOP;
END
$other$;
ALTER EXTENSION regionpolicy ADD VIEW @extschema@.allocation_entry;
ALTER EXTENSION regionpolicy ADD VIEW @extschema@.region_totals;
ALTER EXTENSION regionpolicy ADD VIEW @extschema@.region_totals_long;
ALTER EXTENSION regionpolicy ADD VIEW @extschema@.allocation_report;
ALTER EXTENSION regionpolicy ADD VIEW @extschema@.ministry_totals;
ALTER EXTENSION regionpolicy ADD VIEW @extschema@.superregion_totals;
ALTER EXTENSION regionpolicy ADD VIEW @extschema@.municipality_totals;

-- Programmes of any ministry, or of none (a local programme): ministries
-- are reference data with their names over time (below).
ALTER TABLE @extschema@.program DROP CONSTRAINT program_ministry_known;
ALTER TABLE @extschema@.program ALTER COLUMN ministry DROP NOT NULL;
-- load_allocations takes new_programs and ministry (made again below).
DROP FUNCTION @extschema@.load_allocations(regclass, text);

-- KR-12 is not an ISO 3166-2 code (ISO lists KR-29 and KR-46): an
-- unofficial code of the merged province (sql/data/province_alias_2026.tsv).
ALTER TABLE @extschema@.province_alias DROP CONSTRAINT province_alias_kind_known;
ALTER TABLE @extschema@.province_alias ADD CONSTRAINT province_alias_kind_known
	CHECK (kind IN ('name', 'short name', 'iso code', 'former name', 'former code', 'english', 'former english',
					'unofficial code'));
ALTER TABLE @extschema@.province_alias DISABLE TRIGGER reference_guard;
UPDATE @extschema@.province_alias SET kind = 'unofficial code' WHERE shipped AND alias = 'KR-12';
ALTER TABLE @extschema@.province_alias ENABLE TRIGGER reference_guard;

-- Support terms with a cap over the whole period, beside or instead of the
-- yearly one; award_terms gains it (below).
ALTER TABLE @extschema@.support_terms ALTER COLUMN annual_cap DROP NOT NULL,
	ADD COLUMN period_cap bigint CONSTRAINT support_terms_period_cap_positive CHECK (period_cap > 0),
	ADD CONSTRAINT support_terms_some_cap CHECK (annual_cap IS NOT NULL OR period_cap IS NOT NULL);
COMMENT ON COLUMN @extschema@.support_terms.annual_cap IS 'the most one award may get in a fiscal year, won (연 지원 한도); NULL: no yearly cap';
COMMENT ON COLUMN @extschema@.support_terms.period_cap IS 'the most one award may get over its whole term, won (2년간 최대 14억 원); NULL: no cap over the period';
COMMENT ON TABLE @extschema@.support_terms IS
'a sub-programme''s support terms from a fiscal year on: 지원 기간 (support_years), 지원 한도 per year (annual_cap, won), over the whole period (period_cap, won) or both, 지원금 비중 (grant_share of the project cost); valid_from 0 is the shipped default';
ALTER EXTENSION regionpolicy ADD VIEW @extschema@.award_terms;
-- 2.0.0: messages in the user's language
-- The schema's errors, DETAILs, HINTs and NOTICEs in the language
-- lc_messages names, from the regionpolicy message catalog, as the
-- server's own ("Messages").  The messages above run before the schema is
-- known to be safe, or in a database that cannot hold Hangul, and stay
-- English.
CREATE FUNCTION @extschema@.message(msgid text)
RETURNS text
AS 'MODULE_PATHNAME', 'regionpolicy_message'
LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.message(msgid text, VARIADIC args "any")
RETURNS text
AS 'MODULE_PATHNAME', 'regionpolicy_message'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.message(text) IS
'a message of the schema in the language lc_messages names (the regionpolicy catalog), or as written';
COMMENT ON FUNCTION @extschema@.message(text, "any") IS
'a message of the schema in the language lc_messages names, its %s (or %1$s) filled with the arguments in turn, and the Korean particles after them written as the word before them is read (45.9억으로)';
CREATE FUNCTION @extschema@.with_particles(text)
RETURNS text
AS 'MODULE_PATHNAME', 'regionpolicy_with_particles'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.with_particles(text) IS
'a Korean text whose particles are written both ways after a word, (으)로, (이)가, (은)는, (을)를, (과)와, with each written as that word is read: 45.9억(으)로 is 45.9억으로, 2(으)로 is 2로';
-- A row's validity, "1111000 (서울 종로구) is valid from 2023-01-01 until 2026-06-30"
CREATE FUNCTION @extschema@.validity(code text, name text, valid_from date, valid_to date)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT @extschema@.message('%s (%s) is valid from %s%s', code, name,
							   coalesce(valid_from::text, @extschema@.message('before 2023')),
							   CASE WHEN valid_to IS NOT NULL THEN @extschema@.message(' until %s', valid_to - 1) ELSE '' END)
$$;
COMMENT ON FUNCTION @extschema@.validity(text, text, date, date) IS
'the days a province or 시·군·구 is valid, in a sentence for messages';
-- end of 2.0.0
-- 2.0.0: the loader of the data files
-- The shipped rows are data files (sql/data/*.tsv, each citing its
-- sources in its comment lines), installed without their comments as
-- regionpolicy_NAME.data beside the control file: tab-separated, a header
-- line naming the columns, an empty field for NULL, UTF-8.  The header is
-- the column list, so a file cannot load its fields into the wrong columns.
-- The loader reads as the extension's owner (a superuser) and is not
-- anyone else's to call.
CREATE FUNCTION @extschema@.reference_copy(tbl text, file text)
RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	path text;
	head bytea;
	columns text;
	n bigint;
BEGIN
	SELECT setting || '/extension/regionpolicy_' || file || '.data' INTO path
	  FROM pg_catalog.pg_config WHERE name = 'SHAREDIR';
	head := pg_catalog.pg_read_binary_file(path, 0, 4096);
	SELECT pg_catalog.string_agg(pg_catalog.quote_ident(c), ', ' ORDER BY i) INTO columns
	  FROM pg_catalog.unnest(pg_catalog.string_to_array(
			 pg_catalog.convert_from(pg_catalog.substr(head, 1, pg_catalog.position(head, '\x0a'::bytea) - 1), 'UTF8'),
			 E'\t')) WITH ORDINALITY AS u(c, i);
	EXECUTE pg_catalog.format('COPY @extschema@.%I (%s) FROM %L WITH (FORMAT csv, HEADER true, DELIMITER E''\t'', ENCODING ''UTF8'')',
							  tbl, columns, path);
	GET DIAGNOSTICS n = ROW_COUNT;
	RETURN n;
END
$$;
REVOKE ALL ON FUNCTION @extschema@.reference_copy(text, text) FROM PUBLIC;
COMMENT ON FUNCTION @extschema@.reference_copy(text, text) IS
'loads a file of shipped reference rows (regionpolicy_FILE.data) into a table of the extension; for its install and upgrade scripts';
-- end of 2.0.0
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
-- 2.0.0: begins_formula in C
-- (src/regionpolicy/formula.c: the CHECKs call it for every row, and as a SQL
-- function with a pinned search_path it was never inlined)
CREATE OR REPLACE FUNCTION @extschema@.begins_formula(value text)
RETURNS boolean
AS 'MODULE_PATHNAME', 'regionpolicy_begins_formula'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
-- end of 2.0.0
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
-- 2.0.0: entry_check in C
-- (src/regionpolicy/entry.c: the default is evaluated for every line, and as
-- PL/pgSQL with a pinned search_path it cost a line more than its check)
CREATE OR REPLACE FUNCTION @extschema@.entry_check()
RETURNS boolean
AS 'MODULE_PATHNAME', 'regionpolicy_entry_check'
LANGUAGE C STABLE PARALLEL SAFE;
-- end of 2.0.0
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
-- 2.0.0: allocation_entry takes the line's other money
COMMENT ON COLUMN @extschema@.allocation_entry.other IS
'the line''s money that is neither national nor local (기타, 민자, 자부담), as a number in the line''s unit (''1,250'' with unit 천원) or with its own (''72억원''); none when empty';
-- end of 2.0.0
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
-- 2.0.0: ministries and their names over time
-- The name a programme's ministry had when its fiscal year began (MOTIE:
-- 산업통상자원부 for FY2025, 산업통상부 from FY2026); a local programme of no
-- ministry is 자체사업.
CREATE FUNCTION @extschema@.ministry_label(ministry text, fiscal_year integer)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
SELECT CASE WHEN ministry IS NULL THEN '자체사업'
			ELSE (SELECT m.name_ko FROM @extschema@.ministry m
				  WHERE m.code = ministry_label.ministry
				  ORDER BY (m.valid_from IS NULL OR m.valid_from <= make_date(ministry_label.fiscal_year, 1, 1))
						   AND (m.valid_to IS NULL OR m.valid_to > make_date(ministry_label.fiscal_year, 1, 1)) DESC,
						   m.valid_from DESC NULLS LAST
				  LIMIT 1) END
$$;
COMMENT ON FUNCTION @extschema@.ministry_label(text, integer) IS
'the Korean name a ministry had when the fiscal year began (regionpolicy.ministry); 자체사업 for a local programme of no ministry';
-- end of 2.0.0
-- 2.0.0: the reports show the lines' other money
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
	   @extschema@.phase_label(a.phase) AS phase_ko,
	   a.other,
	   @extschema@.in_unit(a.other, '억') AS other_eok
-- Grouped by the province table's code, not the line's: the same groups,
-- and on Citus (doc/regionpolicy.md, "Citus") an aggregate that is not on
-- the distribution column is finished on the coordinator, which keeps this
-- view's order; grouped by the line's own column it would be pushed down to
-- the shards whole and come back in shard order.
FROM (SELECT l.fiscal_year, r.code AS province_code, l.phase, @extschema@.sum(l.amount) AS amount,
			 sum(l.other)::bigint AS other
	  FROM @extschema@.allocation l
		   LEFT JOIN @extschema@.province r ON r.code = l.province_code
	  GROUP BY l.fiscal_year, r.code, l.phase) AS a
	 LEFT JOIN @extschema@.province p ON p.code = a.province_code
ORDER BY a.fiscal_year, p.sort_order NULLS LAST, a.phase;
-- end of 2.0.0
-- 2.0.0: the reports show the lines' other money
CREATE OR REPLACE VIEW @extschema@.region_totals_long AS
SELECT t.fiscal_year, t.province_code, t.name_ko, t.short_ko, t.sort_order, t.phase, t.phase_ko,
	   x.part, x.part_ko, x.part_order, x.won, @extschema@.in_unit(x.won, '억') AS eok
FROM @extschema@.region_totals t
	 CROSS JOIN LATERAL (VALUES (1, 'national', '국비', t."national"), (2, 'local', '지방비', t.local), (3, 'other', '기타', t.other))
		 AS x(part_order, part, part_ko, won)
ORDER BY t.fiscal_year, t.sort_order NULLS LAST, t.phase, x.part_order;
-- end of 2.0.0
-- 2.0.0: the reports show the lines' other money
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
	   coalesce(m.name_ko, g.ministry, '자체사업') AS ministry_ko,
	   @extschema@.phase_label(a.phase) AS phase_ko,
	   a.other,
	   @extschema@.in_unit(a.other, '억') AS other_eok
FROM @extschema@.allocation a
	 JOIN @extschema@.program g ON g.id = a.program_id
	 LEFT JOIN @extschema@.province p ON p.code = a.province_code
	 -- the ministry's name when the year began (ministry_label, as a join
	 -- so that a distributed allocation reads it beside its rows)
	 LEFT JOIN @extschema@.ministry m ON m.code = g.ministry
		   AND (m.valid_from IS NULL OR m.valid_from <= make_date(a.fiscal_year, 1, 1))
		   AND (m.valid_to IS NULL OR m.valid_to > make_date(a.fiscal_year, 1, 1))
ORDER BY a.fiscal_year, g.ministry, a.program_id, p.sort_order NULLS LAST, a.phase, a.id;
-- end of 2.0.0
-- 2.0.0: the reports show the lines' other money
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
	   coalesce(m.name_ko, g.ministry, '자체사업') AS ministry_ko,
	   @extschema@.phase_label(a.phase) AS phase_ko,
	   sum(a.other)::bigint AS other,
	   @extschema@.in_unit(sum(a.other)::bigint, '억') AS other_eok
FROM @extschema@.allocation a
	 JOIN @extschema@.program g ON g.id = a.program_id
	 LEFT JOIN @extschema@.ministry m ON m.code = g.ministry
		   AND (m.valid_from IS NULL OR m.valid_from <= make_date(a.fiscal_year, 1, 1))
		   AND (m.valid_to IS NULL OR m.valid_to > make_date(a.fiscal_year, 1, 1))
GROUP BY a.fiscal_year, g.ministry, a.phase, m.name_ko
ORDER BY a.fiscal_year, g.ministry, a.phase;
-- end of 2.0.0
-- 2.0.0: the reports show the lines' other money
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
	   @extschema@.phase_label(a.phase) AS phase_ko,
	   sum(a.other)::bigint AS other,
	   @extschema@.in_unit(sum(a.other)::bigint, '억') AS other_eok
FROM @extschema@.allocation a
	 JOIN @extschema@.superregion_member m ON m.province_code = a.province_code
	 JOIN @extschema@.superregion s ON s.id = m.superregion_id
GROUP BY a.fiscal_year, s.id, s.name_ko, s.industry_ko, a.phase
ORDER BY a.fiscal_year, s.id, a.phase;
-- end of 2.0.0
-- 2.0.0: reconciliation_detail names the year and the parent programme
CREATE VIEW @extschema@.reconciliation_detail AS
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
SELECT g.fiscal_year, g.ministry, c.program_id, g.name_ko AS program_name_ko,
	   c.child_id, c.child_name_ko, c.declared, c.needed,
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
	 JOIN @extschema@.program g ON g.id = c.program_id
ORDER BY g.fiscal_year, g.ministry, c.program_id, c.child_id;
COMMENT ON VIEW @extschema@.reconciliation_detail IS
'for every programme whose children do not add up to its declared amount, one row per child (with the programme''s fiscal year, ministry and name, as the same child names recur each year): its declared amount, the amount it would need (the other children unchanged) for the parent to agree, and likely_slip naming a figure that looks like a slip of the needed one';
-- end of 2.0.0
-- 2.0.0: the reports show the lines' other money
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
	   @extschema@.phase_label(a.phase) AS phase_ko,
	   a.other,
	   @extschema@.in_unit(a.other, '억') AS other_eok
-- grouped by the province table's code, to keep the order on Citus (as
-- region_totals)
FROM (SELECT l.fiscal_year, l.municipality_code, r.code AS province_code, l.phase,
			 @extschema@.sum(l.amount) AS amount, sum(l.other)::bigint AS other
	  FROM @extschema@.allocation l
		   JOIN @extschema@.province r ON r.code = l.province_code
	  WHERE l.municipality_code IS NOT NULL
	  GROUP BY l.fiscal_year, l.municipality_code, r.code, l.phase) a
	 JOIN @extschema@.municipality m ON m.code = a.municipality_code
	 JOIN @extschema@.province p ON p.code = a.province_code
ORDER BY a.fiscal_year, p.sort_order, a.municipality_code, a.phase;
-- end of 2.0.0
-- 2.0.0: narrow summaries for a terminal
-- For a terminal: one narrow row per report line, the names and 국비,
-- 지방비, 합계 in 억 (exact decimals), in the report's order.  The report
-- views themselves are wide (every funding column with its won and 억
-- columns) because BI tools want them so.
CREATE VIEW @extschema@.region_summary AS
SELECT t.fiscal_year AS 연도, t.short_ko AS 시도, t.phase_ko AS 단계,
	   t.national_eok AS 국비, t.local_eok AS 지방비, t.total_eok AS 합계, t.other_eok AS 기타
FROM @extschema@.region_totals t;
COMMENT ON VIEW @extschema@.region_summary IS
'region_totals, narrow: 연도, 시도, 단계 and 국비, 지방비, 합계 (국비 + 지방비) and 기타 (other money) in 억원, in the order of Korean statistics';
CREATE VIEW @extschema@.ministry_summary AS
SELECT t.fiscal_year AS 연도, t.ministry_ko AS 부처, t.phase_ko AS 단계,
	   t.national_eok AS 국비, t.local_eok AS 지방비, t.total_eok AS 합계, t.other_eok AS 기타
FROM @extschema@.ministry_totals t;
COMMENT ON VIEW @extschema@.ministry_summary IS
'ministry_totals, narrow: 연도, 부처, 단계 and 국비, 지방비, 합계 (국비 + 지방비) and 기타 (other money) in 억원';
CREATE VIEW @extschema@.municipality_summary AS
SELECT t.fiscal_year AS 연도, p.short_ko AS 시도, t.name_ko AS 시군구, t.phase_ko AS 단계,
	   t.national_eok AS 국비, t.local_eok AS 지방비, t.total_eok AS 합계, t.other_eok AS 기타
FROM @extschema@.municipality_totals t
	 LEFT JOIN @extschema@.province p ON p.code = t.province_code;
COMMENT ON VIEW @extschema@.municipality_summary IS
'municipality_totals, narrow: 연도, 시도, 시군구, 단계 and 국비, 지방비, 합계 (국비 + 지방비) and 기타 (other money) in 억원';
-- end of 2.0.0
-- 2.0.0: differential_pool and differential_shares
-- The national pool of each fiscal year, for a dashboard that cannot pass
-- parameters ("Clusters"): one row per fiscal year, entered by the
-- ministry (the tables' owner, or roles granted INSERT); your data, not the
-- extension's.  differential_shares splits every year's pool as
-- differential_funding does, with names and order beside the codes; a
-- year appears once every cluster has its evaluation for it.
CREATE TABLE @extschema@.differential_pool (
	fiscal_year integer PRIMARY KEY
		CONSTRAINT differential_pool_fiscal_year_plausible CHECK (fiscal_year BETWEEN 2023 AND 2100),
	pool bigint NOT NULL CONSTRAINT differential_pool_pool_positive CHECK (pool > 0),
	unit bigint NOT NULL DEFAULT 100000000 CONSTRAINT differential_pool_unit_positive CHECK (unit > 0),
	note text
);
COMMENT ON TABLE @extschema@.differential_pool IS
'the national pool split over the clusters by differential funding, per fiscal year, in won, with the unit shares are multiples of (default 1억)';
COMMENT ON COLUMN @extschema@.differential_pool.pool IS 'the national pool of the fiscal year, in won';
COMMENT ON COLUMN @extschema@.differential_pool.unit IS 'shares are whole multiples of this many won (default 100,000,000: 1억)';
CREATE VIEW @extschema@.differential_shares AS
SELECT d.fiscal_year, d.pool, @extschema@.in_unit(d.pool, '억') AS pool_eok, d.unit,
	   f.cluster_id, c.name_ko AS cluster_name_ko,
	   f.province_code, p.name_ko AS province_name_ko, p.short_ko AS province_short_ko, p.sort_order,
	   f.stage, f.score, f.grade, f.coefficient, f.weight,
	   f."national", @extschema@.in_unit(f."national", '억') AS national_eok,
	   f.compliant, f.problems
FROM @extschema@.differential_pool d
	 CROSS JOIN LATERAL @extschema@.differential_funding(d.fiscal_year, d.pool, d.unit) AS f
	 JOIN @extschema@.cluster c ON c.id = f.cluster_id
	 LEFT JOIN @extschema@.province p ON p.code = f.province_code
WHERE NOT EXISTS (SELECT 1 FROM @extschema@.cluster k
				  WHERE NOT EXISTS (SELECT 1 FROM @extschema@.cluster_evaluation e
									WHERE e.cluster_id = k.id AND e.fiscal_year = d.fiscal_year))
ORDER BY d.fiscal_year, p.sort_order, f.cluster_id;
COMMENT ON VIEW @extschema@.differential_shares IS
'every fiscal year''s pool (differential_pool) split over the clusters as differential_funding splits it, with the cluster''s and province''s names and order, in bigint won and numeric 억; a year appears once every cluster has its evaluation for it';
-- end of 2.0.0
-- 2.0.0: the keys of the regions' years lead with the year
-- Every line written to allocation or award has its province and 시·군·구
-- checked against province_year and municipality_year, a probe of their
-- primary keys.  Led by the year, an integer, a probe compares the
-- integer first and finds each column of a key at a fixed place; led by
-- the codes' text it cost a line some 2,500 instructions more, 6,800 with
-- a 시·군·구 (bench/README.md).  A foreign key names its columns, not their
-- order, so each one that references these keys is dropped and made again
-- as it was (the users' own too), and checked against the rows there.
DO $keys$
DECLARE
	k record;
	fkeys text[] := '{}';
BEGIN
	FOR k IN
		SELECT c.conrelid::pg_catalog.regclass AS tab, c.conname,
			   pg_catalog.pg_get_constraintdef(c.oid) AS def
		  FROM pg_catalog.pg_constraint c
		 WHERE c.contype = 'f'
		   AND c.confrelid IN ('@extschema@.province_year'::pg_catalog.regclass,
							   '@extschema@.municipality_year'::pg_catalog.regclass)
		 ORDER BY c.conrelid, c.conname
	LOOP
		EXECUTE pg_catalog.format('ALTER TABLE %s DROP CONSTRAINT %I', k.tab, k.conname);
		fkeys := fkeys || pg_catalog.format('ALTER TABLE %s ADD CONSTRAINT %I %s', k.tab, k.conname, k.def);
	END LOOP;
	ALTER TABLE @extschema@.province_year DROP CONSTRAINT province_year_pkey,
		ADD PRIMARY KEY (fiscal_year, province_code);
	ALTER TABLE @extschema@.municipality_year DROP CONSTRAINT municipality_year_pkey,
		ADD PRIMARY KEY (fiscal_year, municipality_code, province_code);
	FOR i IN 1 .. pg_catalog.cardinality(fkeys) LOOP
		EXECUTE fkeys[i];
	END LOOP;
END
$keys$;
-- (a 시·군·구's years, found by its code when it changes or goes)
CREATE INDEX municipality_year_municipality_idx ON @extschema@.municipality_year (municipality_code);
-- end of 2.0.0
-- 2.0.0: support terms with a cap over the whole period
CREATE OR REPLACE VIEW @extschema@.award_terms AS
SELECT w.id AS award_id, t.support_years, t.annual_cap, t.grant_share, t.valid_from AS terms_from, t.period_cap
FROM @extschema@.award w
	 CROSS JOIN LATERAL (SELECT s.* FROM @extschema@.support_terms s
						 WHERE s.program_id = w.program_id AND s.valid_from <= w.first_year
						 ORDER BY s.valid_from DESC LIMIT 1) t;
COMMENT ON VIEW @extschema@.award_terms IS
'for every award whose sub-programme has support terms: the terms in force in its first year';
-- end of 2.0.0
-- 2.0.0: award_compliance has a typed column per kind of figure, labels and names
-- One row per award and rule it breaks; none for an award that keeps them.
-- Each kind of figure has its own column, typed: years (integer), won
-- (bigint), a share (numeric fraction); the others are NULL.  fiscal_year
-- is the year of the breach, or the award's first year for the rules over
-- its whole term (term, grant_share), never NULL.  A share is printed to as
-- many decimals as it takes to differ from its limit, so that no breach is
-- rounded away.
CREATE FUNCTION @extschema@.share_text(share numeric, share_limit numeric)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT round(100 * share, (SELECT coalesce(min(d), 12) FROM generate_series(1, 12) AS d
								WHERE round(100 * share, d) <> round(100 * share_limit, d)))::text
$$;
COMMENT ON FUNCTION @extschema@.share_text(numeric, numeric) IS
'a share in percent, to as many decimals (1 to 12) as it takes to differ from the limit: a breach is never rounded away';
CREATE VIEW @extschema@.award_compliance AS
WITH totals AS (
	SELECT y.award_id, @extschema@.sum(y.grant_amount) AS grant_amount,
		   sum(y.private_cash) AS private_cash, sum(y.private_in_kind) AS private_in_kind
	FROM @extschema@.award_year y
	GROUP BY y.award_id
), broken AS (
	-- a term longer than the support period
	SELECT w.id AS award_id, 'term' AS rule, 1 AS rule_order, w.first_year AS fiscal_year,
		   w.years::integer AS years, t.support_years::integer AS years_limit,
		   NULL::bigint AS won, NULL::bigint AS won_limit, NULL::numeric AS share, NULL::numeric AS share_limit,
		   format(@extschema@.in_language('과제 기간 %s년: 지원 기간은 최대 %s년', 'the award runs %s years; the sub-programme supports at most %s (지원 기간)'),
				  w.years, t.support_years) AS explanation
	FROM @extschema@.award w JOIN @extschema@.award_terms t ON t.award_id = w.id
	WHERE w.years > t.support_years
	UNION ALL
	-- a year's grant above the yearly cap
	SELECT w.id AS award_id, 'annual_cap' AS rule, 2 AS rule_order, y.fiscal_year, NULL::integer AS years, NULL::integer AS years_limit,
		   @extschema@.total(y.grant_amount) AS won, t.annual_cap AS won_limit, NULL::numeric AS share, NULL::numeric AS share_limit,
		   format(@extschema@.in_language('%s년도 지원금 %s원: 연 지원 한도 %s원 초과', 'the grant of fiscal year %s is %s원, above the cap of %s원 a year (지원 한도)'), y.fiscal_year,
				  to_char(@extschema@.total(y.grant_amount), 'FM999,999,999,999,999'), to_char(t.annual_cap, 'FM999,999,999,999,999'))
	FROM @extschema@.award w JOIN @extschema@.award_terms t ON t.award_id = w.id
		 JOIN @extschema@.award_year y ON y.award_id = w.id
	WHERE @extschema@.total(y.grant_amount) > t.annual_cap
	UNION ALL
	-- the grants of the whole term above the cap over the period
	SELECT w.id AS award_id, 'period_cap' AS rule, 3 AS rule_order, w.first_year AS fiscal_year, NULL::integer AS years,
		   NULL::integer AS years_limit, @extschema@.total(s.grant_amount) AS won, t.period_cap AS won_limit,
		   NULL::numeric AS share, NULL::numeric AS share_limit,
		   format(@extschema@.in_language('과제 지원금 합계 %s원: 지원기간 총 한도 %s원 초과',
										  'the award''s grants come to %s원 over its term, above the cap of %s원 for the whole period (지원 한도)'),
				  to_char(@extschema@.total(s.grant_amount), 'FM999,999,999,999,999'), to_char(t.period_cap, 'FM999,999,999,999,999'))
	FROM @extschema@.award w JOIN @extschema@.award_terms t ON t.award_id = w.id
		 JOIN totals s ON s.award_id = w.id
	WHERE @extschema@.total(s.grant_amount) > t.period_cap
	UNION ALL
	-- the grant's share of the project cost above the largest allowed
	SELECT w.id AS award_id, 'grant_share' AS rule, 4 AS rule_order, w.first_year AS fiscal_year, NULL::integer AS years, NULL::integer AS years_limit,
		   NULL::bigint AS won, NULL::bigint AS won_limit, @extschema@.total(s.grant_amount) / c.cost AS share, t.grant_share AS share_limit,
		   format(@extschema@.in_language('지원금이 총사업비의 %s%% (지원금 %s원, 총사업비 %s원): 지원금 비중 %s%% 초과', 'the grant is %s%% of the project cost (%s원 of %s원), above %s%% (지원금 비중)'),
				  @extschema@.share_text(@extschema@.total(s.grant_amount) / c.cost, t.grant_share),
				  to_char(@extschema@.total(s.grant_amount), 'FM999,999,999,999,999'), to_char(c.cost, 'FM999,999,999,999,999'),
				  round(100 * t.grant_share, 1))
	FROM @extschema@.award w JOIN @extschema@.award_terms t ON t.award_id = w.id
		 JOIN totals s ON s.award_id = w.id
		 CROSS JOIN LATERAL (SELECT @extschema@.total(s.grant_amount) + s.private_cash + s.private_in_kind AS cost) c
	WHERE c.cost > 0 AND @extschema@.total(s.grant_amount) > t.grant_share * c.cost
	UNION ALL
	-- the sub-programme's awards above its budget for the year (지원 규모)
	SELECT w.id AS award_id, 'programme_budget' AS rule, 5 AS rule_order, b.fiscal_year, NULL::integer AS years, NULL::integer AS years_limit,
		   b.awarded::bigint AS won, b.budget AS won_limit, NULL::numeric AS share, NULL::numeric AS share_limit,
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
SELECT b.award_id, w.program_id, g.name_ko AS program_name_ko, w.reference, w.recipient,
	   w.province_code, p.name_ko AS province_name_ko, p.short_ko AS province_short_ko, p.sort_order,
	   b.rule, b.rule_order,
	   @extschema@.in_language(CASE b.rule WHEN 'term' THEN '지원 기간' WHEN 'annual_cap' THEN '연 지원 한도'
										   WHEN 'period_cap' THEN '총 지원 한도'
										   WHEN 'grant_share' THEN '지원금 비중' WHEN 'programme_budget' THEN '지원 규모' END,
							   CASE b.rule WHEN 'term' THEN 'support period' WHEN 'annual_cap' THEN 'yearly cap'
										   WHEN 'period_cap' THEN 'cap over the period'
										   WHEN 'grant_share' THEN 'grant share' WHEN 'programme_budget' THEN 'programme budget' END) AS rule_label,
	   b.fiscal_year, b.years, b.years_limit, b.won, b.won_limit, b.share, b.share_limit, b.explanation
FROM broken b
	 JOIN @extschema@.award w ON w.id = b.award_id
	 JOIN @extschema@.program g ON g.id = w.program_id
	 LEFT JOIN @extschema@.province p ON p.code = w.province_code
ORDER BY b.award_id, b.rule_order, b.fiscal_year;
COMMENT ON VIEW @extschema@.award_compliance IS
'one row per award and broken support term: term (years), annual_cap (a year''s grant, won), period_cap (the grants of the whole term, won), grant_share (of the project cost, a fraction), programme_budget (the sub-programme''s awards in a year above its budget, won), each figure and limit in its own typed column, with the rule''s label (Korean, or English under regionpolicy.language = en), the programme''s and province''s names and a sentence; no row for an award that keeps them all';
-- end of 2.0.0
-- 2.0.0: award_totals gives the recipients' shares as bigint won
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
	   a.private_cash::bigint AS private_cash, a.private_in_kind::bigint AS private_in_kind,
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
	 -- the planned lines of the sub-programme's allocation programmes, per
	 -- province and year (a join, not a lateral subquery, which Citus
	 -- cannot plan over a distributed allocation); nothing planned is a
	 -- budget of 0: every column a number, never NULL
	 LEFT JOIN (SELECT py.award_program_id, py.fiscal_year, x.province_code, @extschema@.sum(x.amount) AS amount
				FROM @extschema@.award_program_year py
					 JOIN @extschema@.allocation x ON x.program_id = py.program_id AND x.fiscal_year = py.fiscal_year
				WHERE x.phase = 'planned'
				GROUP BY 1, 2, 3) pb
		ON pb.award_program_id = a.program_id AND pb.fiscal_year = a.fiscal_year AND pb.province_code = a.province_code
	 CROSS JOIN LATERAL (SELECT coalesce(pb.amount, '(0,0)'::@extschema@.funding) AS budgeted) b
ORDER BY a.program_id, p.sort_order, a.fiscal_year;
COMMENT ON VIEW @extschema@.award_totals IS
'per sub-programme, province and fiscal year: what the awards grant (granted: national, local, total, and the recipients'' shares, every won bigint) against the planned allocation of that sub-programme and province (budgeted); over_budget in won';
-- end of 2.0.0
-- 2.0.0: a narrow summary of awards for a terminal
CREATE VIEW @extschema@.award_summary AS
SELECT t.fiscal_year AS 연도, t.program_name_ko AS 사업, t.short_ko AS 시도, t.awards AS 과제,
	   t.granted_total_eok AS 지원금, t.budgeted_total_eok AS 예산
FROM @extschema@.award_totals t;
COMMENT ON VIEW @extschema@.award_summary IS
'award_totals, narrow: 연도, 사업, 시도, 과제 (awards) and 지원금 (granted) against 예산 (budgeted), in 억원';
-- end of 2.0.0
-- 2.0.0: stewards write on a Citus cluster, and a load asks who they are once
-- The provinces the session stewards.  The policies are checked where the
-- rows are: on a Citus worker, inside a query on a shard, where the
-- stewards are read from their shard on that node (node_table).  On one
-- server the same query is static, so that its plan is kept: each line
-- loaded through allocation_entry is a statement of its own and asks again.
CREATE FUNCTION @extschema@.steward_provinces()
RETURNS text[]
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	stewards text := @extschema@.node_table('@extschema@.province_steward');
	provinces text[];
BEGIN
	IF stewards = '@extschema@.province_steward'::regclass::text THEN
		RETURN ARRAY(SELECT DISTINCT s.province_code
					 FROM @extschema@.province_steward s
						  JOIN pg_catalog.pg_roles r ON r.rolname = s.role_name
					 WHERE pg_catalog.pg_has_role(session_user, r.oid, 'MEMBER')
					 ORDER BY 1);
	END IF;
	EXECUTE format('SELECT ARRAY(SELECT DISTINCT s.province_code FROM %s s JOIN pg_catalog.pg_roles r ON r.rolname = s.role_name
								  WHERE pg_catalog.pg_has_role(session_user, r.oid, ''MEMBER'') ORDER BY 1)', stewards)
		INTO provinces;
	RETURN provinces;
END
$$;
COMMENT ON FUNCTION @extschema@.steward_provinces() IS
'the provinces stewarded by a role the session''s login role is a member of, whatever role it has set';

-- Does the session act for a role that stewards this province?  False for
-- NULL (rows of no single province).  The policies ask it of every row; it
-- asks steward_provinces() once a statement (src/regionpolicy/steward.c).
CREATE OR REPLACE FUNCTION @extschema@.is_steward_of(province_code text)
RETURNS boolean
AS 'MODULE_PATHNAME', 'regionpolicy_is_steward_of'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.is_steward_of(text) IS
'true when the session''s login role is a member of a role that stewards the province (false for NULL), whatever role it has set';
-- end of 2.0.0
-- 2.0.0: a steward's diagnosis, written on a Citus cluster too
-- A diagnosis written as the table's owner, with the rights of the session
-- user checked first: on Citus, where cluster_diagnosis is a reference
-- table, a write locks the reference tables it refers to on the first
-- worker, which takes a write privilege on them that stewards must not
-- have ("Citus").  The session user needs what a direct write needs: INSERT
-- for a new diagnosis, UPDATE of each column a replacement changes, and the
-- stewardship of the cluster's province that year (or to own the table).
CREATE FUNCTION @extschema@.record_cluster_diagnosis(cluster_id integer, fiscal_year integer,
													 requested_stage integer, self_score numeric,
													 has_rnd_body boolean, workforce_program boolean,
													 note text DEFAULT NULL)
RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	p text := @extschema@.cluster_province(record_cluster_diagnosis.cluster_id, record_cluster_diagnosis.fiscal_year);
	there boolean;
	col text;
BEGIN
	IF cluster_id IS NULL OR fiscal_year IS NULL THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('a diagnosis needs its cluster and fiscal year'),
				  ERRCODE = 'not_null_violation';
	END IF;
	IF NOT pg_catalog.has_table_privilege(session_user, '@extschema@.cluster_diagnosis', 'SELECT') THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('permission denied for table cluster_diagnosis'),
				  ERRCODE = 'insufficient_privilege';
	END IF;
	there := EXISTS (SELECT 1 FROM @extschema@.cluster_diagnosis d
					 WHERE d.cluster_id = record_cluster_diagnosis.cluster_id
					   AND d.fiscal_year = record_cluster_diagnosis.fiscal_year);
	IF NOT there AND NOT pg_catalog.has_table_privilege(session_user, '@extschema@.cluster_diagnosis', 'INSERT') THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('permission denied for table cluster_diagnosis'),
				  ERRCODE = 'insufficient_privilege';
	END IF;
	IF there THEN
		FOREACH col IN ARRAY CASE WHEN note IS NULL THEN ARRAY['requested_stage', 'self_score', 'has_rnd_body', 'workforce_program']
								  ELSE ARRAY['requested_stage', 'self_score', 'has_rnd_body', 'workforce_program', 'note'] END LOOP
			IF NOT pg_catalog.has_column_privilege(session_user, '@extschema@.cluster_diagnosis', col, 'UPDATE') THEN
				RAISE EXCEPTION USING MESSAGE = @extschema@.message('permission denied for table cluster_diagnosis'),
						  ERRCODE = 'insufficient_privilege';
			END IF;
		END LOOP;
	END IF;
	IF NOT @extschema@.may_load(p) THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('permission denied to write the diagnosis of cluster %s for fiscal year %s (province %s)', cluster_id, fiscal_year, coalesce(p, @extschema@.message('(none)'))),
				  ERRCODE = 'insufficient_privilege',
				  HINT = @extschema@.message('Only members of the province''s steward role (see province_steward) may write its diagnoses.');
	END IF;
	-- (a diagnosis another session writes meanwhile makes the INSERT fail
	-- on the key, never a replacement the rights were not checked for)
	IF there THEN
		UPDATE @extschema@.cluster_diagnosis d
		SET requested_stage = record_cluster_diagnosis.requested_stage, self_score = record_cluster_diagnosis.self_score,
			has_rnd_body = record_cluster_diagnosis.has_rnd_body,
			workforce_program = record_cluster_diagnosis.workforce_program,
			note = coalesce(record_cluster_diagnosis.note, d.note)
		WHERE d.cluster_id = record_cluster_diagnosis.cluster_id AND d.fiscal_year = record_cluster_diagnosis.fiscal_year;
	ELSE
		INSERT INTO @extschema@.cluster_diagnosis (cluster_id, fiscal_year, requested_stage, self_score, has_rnd_body,
												   workforce_program, note)
		VALUES (cluster_id, fiscal_year, requested_stage, self_score, has_rnd_body, workforce_program, note);
	END IF;
	RETURN NOT there;
END
$$;
COMMENT ON FUNCTION @extschema@.record_cluster_diagnosis(integer, integer, integer, numeric, boolean, boolean, text) IS
'writes a cluster''s diagnosis for a fiscal year, or replaces it (its note kept when none is given), with the privileges and stewardship a direct write needs (42501 otherwise); true when it was new. Stewards write diagnoses this way on a Citus cluster';
-- end of 2.0.0
-- 2.0.0: a description of every column of every view
-- ============================================================================
-- 11. Descriptions of the views' columns
-- ============================================================================

-- BI tools show a column's COMMENT as its description ("BI tools and
-- spreadsheets").  Every column of every view of the schema gets one, by
-- its name: the same name means the same thing in every view.  A column a
-- later version adds without a description here fails test/37_bi.sql.
DO $comments$
DECLARE
	c record;
	part text;
	what text;
	description text;
BEGIN
	FOR c IN
		SELECT v.oid::pg_catalog.regclass AS view, a.attname::text AS col
		  FROM pg_catalog.pg_class v
		  JOIN pg_catalog.pg_attribute a ON a.attrelid = v.oid AND a.attnum > 0 AND NOT a.attisdropped
		 WHERE v.relnamespace = '@extschema@'::pg_catalog.regnamespace AND v.relkind = 'v'
		   AND pg_catalog.col_description(v.oid, a.attnum) IS NULL
	LOOP
		description := CASE c.col
			WHEN 'fiscal_year' THEN '회계연도 (fiscal year)'
			WHEN 'province_code' THEN '시·도 코드 (행정표준코드); NULL: no single province'
			WHEN 'province' THEN '시·도 (as written in the load)'
			WHEN 'province_name' THEN '시·도 이름 (full name)'
			WHEN 'province_name_ko' THEN '시·도 이름 (full name)'
			WHEN 'province_short' THEN '시·도 약칭 (short name)'
			WHEN 'province_short_ko' THEN '시·도 약칭 (short name)'
			WHEN 'short_ko' THEN '약칭 (short name)'
			WHEN 'name_ko' THEN '이름 (name)'
			WHEN 'sort_order' THEN 'order of Korean statistics (sort by it)'
			WHEN 'phase' THEN 'budget phase: planned, approved, adjusted, executed (never add phases together)'
			WHEN 'phase_ko' THEN '예산 단계 (계획, 확정, 추경, 집행), always Korean'
			WHEN 'ministry' THEN 'ministry code: MSS, MOTIE'
			WHEN 'ministry_ko' THEN '부처 (ministry), always Korean'
			WHEN 'program_id' THEN '사업 id (programme)'
			WHEN 'program' THEN '사업 (programme, as written in the load)'
			WHEN 'program_name_ko' THEN '사업명 (programme name)'
			WHEN 'municipality_code' THEN '시·군·구 코드'
			WHEN 'municipality' THEN '시·군·구 (as written in the load)'
			WHEN 'cluster_id' THEN '지역혁신협력지구 id (cluster)'
			WHEN 'cluster_name_ko' THEN '지역혁신협력지구 이름 (cluster name)'
			WHEN 'amount' THEN 'funding: 국비 and 지방비 (display; use the bigint columns in tools)'
			WHEN 'won' THEN 'won, exact (bigint)'
			WHEN 'eok' THEN '억원, exact decimal (display: most tools read it as a float)'
			WHEN 'part' THEN 'national, local or other'
			WHEN 'part_ko' THEN '국비, 지방비 or 기타'
			WHEN 'part_order' THEN '1 국비, 2 지방비, 3 기타 (stack in this order)'
			WHEN 'other' THEN '기타 (other money: neither 국비 nor 지방비; funds, 민자, bonds, own share), won (bigint, exact)'
			WHEN 'other_eok' THEN '기타 (other money), 억원, exact decimal (display)'
			WHEN '기타' THEN '기타 (other money, outside 합계), 억원'
			WHEN 'reference' THEN 'the line''s or award''s own reference (사업번호, 과제번호)'
			WHEN 'note' THEN 'note'
			WHEN 'pool' THEN 'the national pool of the fiscal year, won (bigint)'
			WHEN 'pool_eok' THEN 'the national pool, 억원'
			WHEN 'unit' THEN 'shares are whole multiples of this many won'
			WHEN 'stage' THEN '단계 (1 or 2)'
			WHEN 'score' THEN '성과평가 점수 (0 to 100)'
			WHEN 'grade' THEN '등급 (grade)'
			WHEN 'coefficient' THEN 'the grade''s funding coefficient'
			WHEN 'weight' THEN 'the cluster''s weight in the split'
			WHEN 'compliant' THEN 'runs every mandatory programme'
			WHEN 'problems' THEN 'what is missing, Korean or English (regionpolicy.language)'
			WHEN 'problem' THEN 'what is missing, Korean or English (regionpolicy.language)'
			WHEN 'explanation' THEN 'the rule broken, in a sentence (Korean or English)'
			WHEN 'likely_slip' THEN 'a figure that looks like a slip of the needed one (Korean or English)'
			WHEN 'refusal' THEN 'why stage 2 was refused (Korean or English)'
			ELSE NULL END;
		IF description IS NULL THEN
			-- money: [prefix_](national|local|total)[_eok]
			part := substring(c.col FROM '(national|local|total)(_eok)?$');
			IF part IS NOT NULL THEN
				what := pg_catalog.replace(substring(c.col FROM '^(.*?)_?(national|local|total)(_eok)?$'), '_', ' ');
				description := CASE part WHEN 'national' THEN '국비 (national funds)' WHEN 'local' THEN '지방비 (local funds)'
										  ELSE '합계 (total)' END
							   || CASE WHEN what <> '' THEN ', ' || what ELSE '' END
							   || CASE WHEN c.col LIKE '%\_eok' THEN ', 억원, exact decimal (display)' ELSE ', won (bigint, exact)' END;
			ELSE
				description := pg_catalog.replace(c.col, '_', ' ');
			END IF;
		END IF;
		EXECUTE pg_catalog.format('COMMENT ON COLUMN %s.%I IS %L', c.view, c.col, description);
	END LOOP;
END
$comments$;
-- end of 2.0.0
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

-- 2.0.0: the functions 1.3.0 had, with messages in the language lc_messages names
CREATE OR REPLACE FUNCTION @extschema@.reference_guard()
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
CREATE OR REPLACE FUNCTION @extschema@.key_check()
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
CREATE OR REPLACE FUNCTION @extschema@.program_no_cycle()
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
CREATE OR REPLACE FUNCTION @extschema@.region_years_refresh()
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
CREATE OR REPLACE FUNCTION @extschema@.province_refuse(name_or_code text, as_of date, context text DEFAULT NULL)
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
CREATE OR REPLACE FUNCTION @extschema@.allocation_scope_lock(province_code text, fiscal_year integer, phase text, program_id integer)
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
CREATE OR REPLACE FUNCTION @extschema@.entry_echo(value text)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT CASE WHEN value IS NULL THEN 'NULL'
				WHEN length(value) <= 60 THEN quote_literal(value)
				ELSE quote_literal(left(value, 57) || '...') || @extschema@.message(' (%s characters)', length(value)) END
$$;
CREATE OR REPLACE FUNCTION @extschema@.entry_bounded(value text, what text, line text)
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
CREATE OR REPLACE FUNCTION @extschema@.entry_plain(value text, what text, line text)
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
CREATE OR REPLACE FUNCTION @extschema@.entry_amount(amount text, "national" text, local text, unit text, line text)
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
CREATE OR REPLACE FUNCTION @extschema@.entry_same_line(first bigint, second bigint, line text)
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
CREATE OR REPLACE FUNCTION @extschema@.allocation_entry_tally()
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
		RETURN @extschema@.with_particles(format(@extschema@.in_language('%s %s: 자릿수가 하나 많은 %s(으)로 보임 (상위 사업에 필요한 값 %s)',
											  '%s %s looks like %s with a digit too many (the parent needs %s)'), part,
					  @extschema@.format_amount(printed, '억'), @extschema@.format_amount(round(printed / 10.0)::bigint, '억'),
					  @extschema@.format_amount(needed, '억')));
	ELSIF abs(printed * 10.0 - needed) <= step / 2 THEN
		RETURN @extschema@.with_particles(format(@extschema@.in_language('%s %s: 자릿수가 하나 빠진 %s(으)로 보임 (상위 사업에 필요한 값 %s)',
											  '%s %s looks like %s with a digit lost (the parent needs %s)'), part,
					  @extschema@.format_amount(printed, '억'), @extschema@.format_amount(printed * 10, '억'),
					  @extschema@.format_amount(needed, '억')));
	END IF;
	RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION @extschema@.grade_scale_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	year integer;
BEGIN
	FOR year IN SELECT DISTINCT valid_from FROM @extschema@.grade_scale LOOP
		IF NOT EXISTS (SELECT 1 FROM @extschema@.grade_scale WHERE valid_from = year AND min_score = 0) THEN
			RAISE EXCEPTION USING MESSAGE = @extschema@.message('the grade scale from %s has no grade for a score of 0', year),
					  ERRCODE = 'check_violation',
					  HINT = @extschema@.message('The lowest grade must start at min_score 0.');
		END IF;
		IF EXISTS (SELECT 1
				   FROM @extschema@.grade_scale lo JOIN @extschema@.grade_scale hi
						ON hi.valid_from = lo.valid_from AND hi.min_score > lo.min_score
				   WHERE lo.valid_from = year AND hi.coefficient < lo.coefficient) THEN
			RAISE EXCEPTION USING MESSAGE = @extschema@.message('the grade scale from %s is not monotone', year),
					  ERRCODE = 'check_violation',
					  DETAIL = @extschema@.message('A grade for higher scores has a smaller coefficient than a grade for lower scores.');
		END IF;
	END LOOP;
	RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION @extschema@.stage_weight_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF EXISTS (SELECT valid_from FROM @extschema@.stage_weight GROUP BY valid_from HAVING count(*) <> 2) THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('stage weights must be given for both stages'),
				  ERRCODE = 'check_violation';
	END IF;
	RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION @extschema@.cluster_stage(cluster_id integer, fiscal_year integer)
RETURNS smallint
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	result smallint;
BEGIN
	IF NOT EXISTS (SELECT 1 FROM @extschema@.cluster c WHERE c.id = cluster_stage.cluster_id) THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('there is no cluster %s', cluster_stage.cluster_id),
				  ERRCODE = 'invalid_parameter_value';
	END IF;
	SELECT s.stage INTO result
	FROM @extschema@.cluster_stages s
	WHERE s.cluster_id = cluster_stage.cluster_id AND s.fiscal_year = cluster_stage.fiscal_year;
	-- No diagnosis: the region has not asked for stage 2.
	RETURN coalesce(result, 1);
END
$$;
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
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('no evaluation for fiscal year %s of cluster %s', differential_funding.fiscal_year, missing),
				  ERRCODE = 'no_data_found',
				  HINT = @extschema@.message('Every cluster needs a row in cluster_evaluation before the pool can be split.');
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
CREATE OR REPLACE FUNCTION @extschema@.allocate_differential_funding(
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
			RAISE EXCEPTION USING MESSAGE = @extschema@.message('program %s already has %s allocations for fiscal year %s', allocate_differential_funding.program_id, allocate_differential_funding.phase, allocate_differential_funding.fiscal_year),
					  ERRCODE = 'unique_violation',
					  HINT = @extschema@.message('Pass replace => true to replace them.');
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
CREATE OR REPLACE FUNCTION @extschema@.award_term_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	w record;
	outside integer;
BEGIN
	-- (on a Citus shard, named table_shardid)
	IF regexp_replace(TG_TABLE_NAME, '_[0-9]+$', '') = 'award_year' THEN
		SELECT a.first_year, a.years, a.reference INTO w FROM @extschema@.award a WHERE a.id = NEW.award_id;
		IF FOUND AND (NEW.fiscal_year < w.first_year OR NEW.fiscal_year >= w.first_year + w.years) THEN
			RAISE EXCEPTION USING MESSAGE = @extschema@.message('fiscal year %s is outside the term of award %s (%s), %s to %s', NEW.fiscal_year, NEW.award_id, w.reference, w.first_year, w.first_year + w.years - 1),
					  ERRCODE = 'check_violation',
					  HINT = @extschema@.message('A year of an award lies from its first_year to first_year + years - 1; change the award''s term first.');
		END IF;
		RETURN NEW;
	END IF;
	SELECT min(y.fiscal_year) INTO outside FROM @extschema@.award_year y
	WHERE y.award_id = NEW.id AND (y.fiscal_year < NEW.first_year OR y.fiscal_year >= NEW.first_year + NEW.years);
	IF outside IS NOT NULL THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('award %s (%s) runs %s to %s, but has a year %s outside it', NEW.id, NEW.reference, NEW.first_year, NEW.first_year + NEW.years - 1, outside),
				  ERRCODE = 'check_violation',
				  HINT = @extschema@.message('Delete the award''s years outside its term (award_entry does so when an award is loaded again), or keep its term.');
	END IF;
	RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION @extschema@.award_entry_insert()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	line text := @extschema@.message('program %s, reference %s, recipient %s, fiscal year %s',
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
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('an award needs a reference, a recipient and its number of years (%s)', line),
				  ERRCODE = 'not_null_violation';
	END IF;
	PERFORM @extschema@.entry_plain(v_reference, 'reference', line), @extschema@.entry_plain(NEW.recipient, 'recipient', line);
	IF NOT @extschema@.business_number_valid(v_number) THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('invalid business registration number %s (%s)', @extschema@.entry_echo(NEW.business_number), line),
				  ERRCODE = 'invalid_parameter_value',
				  HINT = @extschema@.message('A 사업자등록번호 has ten digits, the last a check digit of the others: 220-81-62517.');
	END IF;
	v_program := @extschema@.entry_program(NEW.program, NEW.first_year, line);
	SELECT r.province_code, r.municipality_code INTO v_province, v_municipality
	FROM @extschema@.entry_region(NEW.province, NEW.municipality, NEW.first_year, NEW.as_of, line) r;
	IF v_province IS NULL THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('an award belongs to a province (%s)', line),
				  ERRCODE = 'not_null_violation';
	END IF;
	IF v_year < NEW.first_year OR v_year >= NEW.first_year + NEW.years THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('fiscal year %s is outside the award''s term, %s to %s (%s)', v_year, NEW.first_year, NEW.first_year + NEW.years - 1, line),
				  ERRCODE = 'check_violation';
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
CREATE OR REPLACE FUNCTION @extschema@.steward_guard()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	old_province text;
	-- the table's name, also on a Citus shard (named table_shardid)
	tbl text := regexp_replace(TG_TABLE_NAME, '_[0-9]+$', '');
BEGIN
	IF NOT pg_catalog.row_security_active(TG_RELID) THEN
		RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
	END IF;
	-- (plpgsql compiles trigger functions per table, so each branch only
	-- ever meets its own row type)
	IF tbl IN ('allocation', 'award') THEN
		old_province := OLD.province_code;
	ELSIF tbl = 'award_year' THEN
		old_province := @extschema@.award_province(OLD.award_id);
	ELSE
		old_province := @extschema@.cluster_province(OLD.cluster_id, OLD.fiscal_year);
	END IF;
	IF NOT @extschema@.is_steward_of(old_province) THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('permission denied to %s a row of province %s in %s', lower(TG_OP), coalesce(old_province, @extschema@.message('(none)')), tbl),
				  ERRCODE = 'insufficient_privilege',
				  HINT = @extschema@.message('Only members of the province''s steward role (see province_steward) may change its rows.');
	END IF;
	RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE OR REPLACE FUNCTION @extschema@.delete_allocation(allocation_id bigint)
RETURNS boolean
LANGUAGE plpgsql VOLATILE STRICT SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	p text;
BEGIN
	IF NOT pg_catalog.has_table_privilege(session_user, '@extschema@.allocation', 'SELECT') THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('permission denied for table allocation'),
				  ERRCODE = 'insufficient_privilege';
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
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('permission denied to delete allocation %s of province %s', allocation_id, coalesce(p, @extschema@.message('(none)'))),
				  ERRCODE = 'insufficient_privilege',
				  HINT = @extschema@.message('Only members of the province''s steward role (see province_steward) may delete its rows; lines of no single province are the owner''s.');
	END IF;
	IF p IS NULL THEN
		DELETE FROM @extschema@.allocation a WHERE a.id = allocation_id AND a.province_code IS NULL;
	ELSE
		DELETE FROM @extschema@.allocation a WHERE a.id = allocation_id AND a.province_code = p;
	END IF;
	RETURN true;
END
$$;
CREATE OR REPLACE FUNCTION @extschema@.delete_cluster_diagnosis(cluster_id integer, fiscal_year integer)
RETURNS boolean
LANGUAGE plpgsql VOLATILE STRICT SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	p text := @extschema@.cluster_province(delete_cluster_diagnosis.cluster_id, delete_cluster_diagnosis.fiscal_year);
BEGIN
	IF NOT pg_catalog.has_table_privilege(session_user, '@extschema@.cluster_diagnosis', 'SELECT') THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('permission denied for table cluster_diagnosis'),
				  ERRCODE = 'insufficient_privilege';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM @extschema@.cluster_diagnosis d
				   WHERE d.cluster_id = delete_cluster_diagnosis.cluster_id
					 AND d.fiscal_year = delete_cluster_diagnosis.fiscal_year) THEN
		RETURN false;
	END IF;
	IF NOT @extschema@.is_steward_of(p) THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('permission denied to delete the diagnosis of cluster %s for fiscal year %s (province %s)', delete_cluster_diagnosis.cluster_id, delete_cluster_diagnosis.fiscal_year, coalesce(p, @extschema@.message('(none)'))),
				  ERRCODE = 'insufficient_privilege',
				  HINT = @extschema@.message('Only members of the province''s steward role (see province_steward) may delete its diagnoses.');
	END IF;
	DELETE FROM @extschema@.cluster_diagnosis d
	WHERE d.cluster_id = delete_cluster_diagnosis.cluster_id AND d.fiscal_year = delete_cluster_diagnosis.fiscal_year;
	RETURN true;
END
$$;

-- The views made again: their privileges as they were, and those that were
-- not the extension's (they read your tables) are not now either.
DO $views$
DECLARE
	v text;
	g record;
BEGIN
	FOREACH v IN ARRAY ARRAY['reconciliation_detail', 'award_compliance', 'award_totals'] LOOP
		IF pg_catalog.current_setting('regionpolicy_upgrade.member_' || v) = 'false' THEN
			EXECUTE pg_catalog.format('ALTER EXTENSION regionpolicy DROP VIEW @extschema@.%I', v);
		END IF;
		FOR g IN SELECT a.grantee, a.privilege_type, a.is_grantable
				   FROM pg_catalog.aclexplode(NULLIF(pg_catalog.current_setting('regionpolicy_upgrade.acl_' || v), '')::pg_catalog.aclitem[]) a
				  WHERE a.grantee <> (SELECT c.relowner FROM pg_catalog.pg_class c
									  WHERE c.oid = pg_catalog.format('@extschema@.%I', v)::pg_catalog.regclass)
		LOOP
			EXECUTE pg_catalog.format('GRANT %s ON @extschema@.%I TO %s%s', g.privilege_type, v,
				CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(g.grantee)) END,
				CASE WHEN g.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END);
		END LOOP;
	END LOOP;
END
$views$;

-- differential_pool is your data, and the new views read your tables:
-- yours, like the tables and views of "Your data".
ALTER EXTENSION regionpolicy DROP TABLE @extschema@.differential_pool;
ALTER EXTENSION regionpolicy DROP VIEW @extschema@.differential_shares;
ALTER EXTENSION regionpolicy DROP VIEW @extschema@.region_summary;
ALTER EXTENSION regionpolicy DROP VIEW @extschema@.ministry_summary;
ALTER EXTENSION regionpolicy DROP VIEW @extschema@.municipality_summary;
ALTER EXTENSION regionpolicy DROP VIEW @extschema@.award_summary;
ALTER EXTENSION regionpolicy DROP VIEW @extschema@.allocation_entry;
ALTER EXTENSION regionpolicy DROP VIEW @extschema@.region_totals;
ALTER EXTENSION regionpolicy DROP VIEW @extschema@.region_totals_long;
ALTER EXTENSION regionpolicy DROP VIEW @extschema@.allocation_report;
ALTER EXTENSION regionpolicy DROP VIEW @extschema@.ministry_totals;
ALTER EXTENSION regionpolicy DROP VIEW @extschema@.superregion_totals;
ALTER EXTENSION regionpolicy DROP VIEW @extschema@.municipality_totals;
ALTER EXTENSION regionpolicy DROP VIEW @extschema@.award_terms;
