-- since 1.3.0
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
