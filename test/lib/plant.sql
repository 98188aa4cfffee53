-- A planted look-alike of every function, aggregate and operator of the
-- extension, made by an unprivileged role in a public schema everyone may
-- create in (the default before PostgreSQL 15).  Each has the name of one
-- of ours and argument types a literal might fit better: all text, integers
-- for numbers, double precision (the numeric category's preferred type),
-- each argument alone replaced, and every shorter arity a default allows.
-- When one runs it raises WARNING PLANTED and tries to make its planter a
-- superuser, which succeeds if the caller is one.  Run as a superuser, in
-- psql, with the role rp_planter created beforehand.
GRANT CREATE ON SCHEMA public TO PUBLIC;
SET ROLE rp_planter;
DO $plant$
DECLARE
	f record;
	o record;
	sig text[];
	variant text[];
	variants text[];
	k integer;
	j integer;
	t text;
	n integer := 0;
	made integer := 0;
	replacements constant text[] := ARRAY['text', 'integer', 'smallint', 'bigint', 'numeric', 'double precision', 'date'];
	body constant text := $b$ BEGIN RAISE WARNING 'PLANTED %%', %L; BEGIN EXECUTE 'ALTER ROLE rp_planter SUPERUSER'; EXCEPTION WHEN OTHERS THEN NULL; END; RETURN NULL; END $b$;
BEGIN
	FOR f IN
		SELECT p.proname, p.prokind, p.pronargs, p.pronargdefaults,
			   ARRAY(SELECT format_type(u.t, NULL) FROM unnest(p.proargtypes::oid[]) WITH ORDINALITY AS u(t, i) ORDER BY u.i) AS args
		FROM pg_proc p
		WHERE p.pronamespace = 'regionpolicy'::regnamespace AND p.prokind IN ('f', 'a', 'w')
		  AND NOT EXISTS (SELECT 1 FROM unnest(p.proargtypes::oid[]) AS u(t) JOIN pg_type y ON y.oid = u.t WHERE y.typtype = 'p')
	LOOP
		FOR k IN greatest(f.pronargs - f.pronargdefaults, 1) .. f.pronargs LOOP
			sig := f.args[1:k];
			variants := ARRAY[]::text[];
			-- all text; numbers as integer; numbers as double precision
			variants := variants || array_to_string(array_fill('text'::text, ARRAY[k]), ',');
			variants := variants || array_to_string(ARRAY(SELECT CASE WHEN a IN ('numeric', 'bigint', 'smallint', 'double precision') THEN 'integer'
																	   WHEN a LIKE 'regionpolicy.%' OR a = 'date' THEN 'text' ELSE a END
														  FROM unnest(sig) AS a), ',');
			variants := variants || array_to_string(ARRAY(SELECT CASE WHEN a IN ('numeric', 'bigint', 'smallint', 'integer') THEN 'double precision' ELSE a END
														  FROM unnest(sig) AS a), ',');
			-- each argument alone replaced
			FOR j IN 1 .. k LOOP
				FOREACH t IN ARRAY replacements LOOP
					variant := sig;
					variant[j] := t;
					variants := variants || array_to_string(variant, ',');
				END LOOP;
			END LOOP;
			FOREACH t IN ARRAY variants LOOP
				n := n + 1;
				BEGIN
					IF f.prokind = 'f' THEN
						EXECUTE format('CREATE FUNCTION public.%I(%s) RETURNS text LANGUAGE plpgsql AS %L',
									   f.proname, t, format(body, f.proname || '(' || t || ')'));
					ELSE
						-- an aggregate runs its transition function as the caller, OVER () too
						EXECUTE format('CREATE FUNCTION public.planted_sfunc_%s(text, %s) RETURNS text LANGUAGE plpgsql AS %L',
									   n, t, format(body, f.proname || '(' || t || ')'));
						EXECUTE format('CREATE AGGREGATE public.%I(%s) (SFUNC = public.planted_sfunc_%s, STYPE = text)',
									   f.proname, t, n);
					END IF;
					made := made + 1;
				EXCEPTION WHEN OTHERS THEN
					NULL;
				END;
			END LOOP;
		END LOOP;
	END LOOP;

	FOR o IN
		SELECT DISTINCT op.oprname, format_type(op.oprleft, NULL) AS l, format_type(op.oprright, NULL) AS r, op.oprleft = 0 AS prefix
		FROM pg_operator op WHERE op.oprnamespace = 'regionpolicy'::regnamespace
	LOOP
		FOREACH t IN ARRAY replacements || ARRAY['real'] LOOP
			FOR j IN 1 .. 3 LOOP
				CONTINUE WHEN o.prefix AND j <> 2;
				n := n + 1;
				BEGIN
					IF o.prefix THEN
						EXECUTE format('CREATE FUNCTION public.planted_op_%s(%s) RETURNS text LANGUAGE plpgsql AS %L',
									   n, t, format(body, o.oprname || ' ' || t));
						EXECUTE format('CREATE OPERATOR public.%s (RIGHTARG = %s, FUNCTION = public.planted_op_%s)', o.oprname, t, n);
					ELSE
						EXECUTE format('CREATE FUNCTION public.planted_op_%s(%s, %s) RETURNS text LANGUAGE plpgsql AS %L',
									   n, CASE WHEN j = 2 THEN o.l ELSE t END, CASE WHEN j = 1 THEN o.r ELSE t END,
									   format(body, o.oprname || ' ' || t));
						EXECUTE format('CREATE OPERATOR public.%s (LEFTARG = %s, RIGHTARG = %s, FUNCTION = public.planted_op_%s)',
									   o.oprname, CASE WHEN j = 2 THEN o.l ELSE t END, CASE WHEN j = 1 THEN o.r ELSE t END, n);
					END IF;
					made := made + 1;
				EXCEPTION WHEN OTHERS THEN
					NULL;
				END;
			END LOOP;
		END LOOP;
	END LOOP;
	RAISE NOTICE 'planted % look-alikes', made;
END
$plant$;
RESET ROLE;
