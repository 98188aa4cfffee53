-- The database encodings regionpolicy supports (SPEC §5): UTF8, and EUC_KR,
-- the encoding of many Korean legacy databases.  The install script itself
-- is ASCII (make writes every other character as a U&'' escape, see
-- sql/ascii.pl), so this check runs first in any database and says why.
DO $encoding$
BEGIN
	IF pg_catalog.getdatabaseencoding() NOT IN ('UTF8', 'EUC_KR') THEN
		RAISE EXCEPTION 'regionpolicy cannot be installed in a % database', pg_catalog.getdatabaseencoding()
			USING ERRCODE = 'feature_not_supported',
				  DETAIL = 'It reads and writes Korean amounts, names and keys in Hangul, which need a database encoding that holds Hangul: UTF8 or EUC_KR.',
				  HINT = 'Create the database with ENCODING ''UTF8'' (or ''EUC_KR'' for a Korean legacy system), for example CREATE DATABASE budget ENCODING ''UTF8'' TEMPLATE template0.';
	END IF;
END
$encoding$;
-- (Its messages are ASCII: a LATIN1 or SQL_ASCII server could not print Hangul.)
