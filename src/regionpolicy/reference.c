/*-------------------------------------------------------------------------
 *
 * reference.c
 *	  reference_trim: a reference as allocation and award store it
 *	  (doc/regionpolicy.md, "Loading"): Unicode NFC, without format
 *	  characters, each run of white space one space, trimmed; NULL when
 *	  nothing is left.  Every referenced line is checked against it, so a
 *	  reference of ASCII only (most are: 세부사업 and 과제 numbers) is
 *	  trimmed here, without the regular expressions: in ASCII, NFC and the
 *	  format characters change nothing, and white space is tab, line feed,
 *	  vertical tab, form feed, carriage return and space, in every server
 *	  encoding.  Any other reference goes to reference_trim_full, the
 *	  definition in SQL.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "utils/builtins.h"

#include "regionpolicy.h"

static inline bool
ascii_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

/* reference_trim(reference text) returns text, STRICT */
PG_FUNCTION_INFO_V1(regionpolicy_reference_trim);
Datum
regionpolicy_reference_trim(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	const char *s = VARDATA_ANY(t);
	int			len = VARSIZE_ANY_EXHDR(t);
	char	   *out;
	int			n = 0;
	bool		space = false;

	for (int i = 0; i < len; i++)
	{
		if ((unsigned char) s[i] >= 0x80)
		{
			bool		isnull;
			Datum		result = rp_sibling_call_text(fcinfo, "reference_trim_full", PointerGetDatum(t), &isnull);

			if (isnull)
				PG_RETURN_NULL();
			PG_RETURN_DATUM(result);
		}
	}

	/* ASCII: each run of white space one space; none at either end */
	out = palloc(len + 1);
	for (int i = 0; i < len; i++)
	{
		if (ascii_space(s[i]))
			space = true;
		else
		{
			if (space && n > 0)
				out[n++] = ' ';
			space = false;
			out[n++] = s[i];
		}
	}
	if (n == 0)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text_with_len(out, n));
}
