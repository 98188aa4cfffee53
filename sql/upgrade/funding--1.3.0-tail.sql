
-- What of yours converts text to funding: nothing to rebuild for 2.0.0,
-- which reads as 1.3.0 does, but named, so that you know what a version
-- that reads differently would ask you to rebuild.  (A warning: PostgreSQL
-- does not show an extension script's notices.)
DO $dependents$
DECLARE
	found text;
BEGIN
	SELECT pg_catalog.string_agg(kind || ' ' || object, '; ') INTO found FROM funding_input_dependents();
	IF found IS NOT NULL THEN
		RAISE WARNING 'objects of yours convert text to funding: %', found
			USING DETAIL = 'funding 2.0.0 reads text as 1.3.0 did: nothing to rebuild now.',
				  HINT = 'funding_input_dependents() lists them; NEWS.md ("What funding reads") lists, for each version, the inputs it reads differently.';
	END IF;
END
$dependents$;
