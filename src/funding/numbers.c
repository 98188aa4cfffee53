/*-------------------------------------------------------------------------
 *
 * numbers.c
 *	  Numbers as spreadsheets and budget books write them, and amounts
 *	  rounded for reports (doc/regionpolicy.md, "Amounts for reports"):
 *	  plain_number('7,979,230'), funding('7,979,230', '1,000', '천원') and
 *	  funding_text(f, '억', 1).  In C, so that they call the type's own
 *	  functions wherever the extension is installed or moved.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "utils/builtins.h"

#include "funding.h"

/*
 * Digits, with commas only between groups of three (7,979,230), an
 * optional sign and decimals after a point; s[0..len) has no surrounding
 * spaces.
 */
static bool
is_plain_number(const char *s, size_t len)
{
	size_t		i = 0,
				run = 0;
	bool		grouped = false;

	if (i < len && (s[i] == '-' || s[i] == '+'))
		i++;
	for (; i < len && s[i] != '.'; i++)
	{
		if (s[i] >= '0' && s[i] <= '9')
			run++;
		else if (s[i] == ',' && run >= 1 && (grouped ? run == 3 : run <= 3))
		{
			grouped = true;
			run = 0;
		}
		else
			return false;
	}
	if (run == 0 || (grouped && run != 3))
		return false;
	if (i == len)
		return true;
	if (++i == len)				/* a point needs decimals after it */
		return false;
	for (; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/*
 * The number of a cell, with its sign: budget books print a cut as
 * "△ 62,937,790" (the mark, then often a space), like the keyed reader
 * takes it (doc/regionpolicy.md, "Input").
 */
static Numeric
plain_number(text *number, const char *what)
{
	char	   *str = text_to_cstring(number);
	size_t		len = strlen(str);
	const char *start = funding_input_utf8(str, &len);
	bool		cut = false;
	char	   *digits,
			   *d;

	while (len > 0 && *start == ' ')
	{
		start++;
		len--;
	}
	while (len > 0 && start[len - 1] == ' ')
		len--;
	if (len >= 3 && memcmp(start, "\xE2\x96\xB3", 3) == 0)	/* △ */
	{
		cut = true;
		start += 3;
		len -= 3;
		while (len > 0 && *start == ' ')
		{
			start++;
			len--;
		}
		if (len > 0 && (*start == '-' || *start == '+'))
			len = 0;			/* one sign only: refused below */
	}
	if (!is_plain_number(start, len))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid %s number: \"%s\"", _(what), str),
				 errdetail("Expected digits, with commas only between groups of three (7,979,230), a point before decimals (224.03817) and a sign (- or △) before them."),
				 errhint("Give the unit separately (unit => '천원'), or write the whole amount as text in the amount column ('국비 929억원, 지방비 433억원').")));
	d = digits = palloc(len + 2);
	if (cut)
		*d++ = '-';
	for (size_t i = 0; i < len; i++)
		if (start[i] != ',')
			*d++ = start[i];
	*d = '\0';
	return DatumGetNumeric(DirectFunctionCall3(numeric_in, CStringGetDatum(digits),
											   ObjectIdGetDatum(InvalidOid),
											   Int32GetDatum(-1)));
}

/* plain_number(number, what): '7,979,230' or '224.03817' as numeric */
PG_FUNCTION_INFO_V1(funding_plain_number);
Datum
funding_plain_number(PG_FUNCTION_ARGS)
{
	char	   *what = text_to_cstring(PG_GETARG_TEXT_PP(1));

	PG_RETURN_NUMERIC(plain_number(PG_GETARG_TEXT_PP(0), what));
}

/* funding('7,979,230', '1,000', '천원') */
PG_FUNCTION_INFO_V1(funding_from_plain_text);
Datum
funding_from_plain_text(PG_FUNCTION_ARGS)
{
	Numeric		national = plain_number(PG_GETARG_TEXT_PP(0), "national");
	Numeric		local = plain_number(PG_GETARG_TEXT_PP(1), "local");
	text	   *unit_text = PG_GETARG_TEXT_PP(2);
	int64		unit = funding_unit_arg(unit_text);

	PG_RETURN_FUNDING_P(funding_make(funding_numeric_to_won(national, unit, "national", unit_text),
									 funding_numeric_to_won(local, unit, "local", unit_text)));
}

/* one component of funding_text(f, unit, digits) */
static char *
rounded(int64 won, text *unit_text, int32 digits)
{
	Datum		n = funding_in_unit_common(won, unit_text);

	n = DirectFunctionCall2(numeric_round, n, Int32GetDatum(digits));
	return DatumGetCString(DirectFunctionCall1(numeric_out, n));
}

/* funding_text(f, '억', 1) = '(160.7억,25.1억,185.9억)': for reports only */
PG_FUNCTION_INFO_V1(funding_text_rounded);
Datum
funding_text_rounded(PG_FUNCTION_ARGS)
{
	Funding    *f = PG_GETARG_FUNDING_P(0);
	text	   *unit_text = PG_GETARG_TEXT_PP(1);
	int32		digits = PG_GETARG_INT32(2);
	char	   *given = text_to_cstring(unit_text);
	size_t		len = strlen(given);
	const char *u = funding_input_utf8(given, &len);
	char	   *unit = pnstrdup(u, len);	/* UTF-8, as the names below */
	const char *suffix;
	char	   *n,
			   *l,
			   *t,
			   *out;

	if (strcmp(unit, "억") == 0 || pg_strcasecmp(unit, "eok") == 0 || strcmp(unit, "억원") == 0)
		suffix = "억";
	else if (strcmp(unit, "만") == 0 || pg_strcasecmp(unit, "man") == 0 || strcmp(unit, "만원") == 0)
		suffix = "만";
	else if (strcmp(unit, "조") == 0 || pg_strcasecmp(unit, "jo") == 0 || strcmp(unit, "조원") == 0)
		suffix = "조";
	else if (strcmp(unit, "원") == 0 || pg_strcasecmp(unit, "won") == 0)
		suffix = "";
	else
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid display unit for rounded text: \"%s\"", given),
				 errhint("Use 억 (eok), 만 (man), 조 (jo) or 원 (won); korean amounts are not rounded.")));
	if (digits < 0 || digits > 16)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("digits must be between 0 and 16, not %d", digits)));
	n = rounded(f->national, unit_text, digits);
	l = rounded(f->local, unit_text, digits);
	t = rounded(funding_total(f), unit_text, digits);
	out = psprintf("(%s%s,%s%s,%s%s)", n, suffix, l, suffix, t, suffix);
	PG_RETURN_TEXT_P(funding_output_text(out, (int) strlen(out)));
}
