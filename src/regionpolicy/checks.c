/*-------------------------------------------------------------------------
 *
 * checks.c
 *	  The rules three of allocation's CHECK constraints call
 *	  (doc/regionpolicy.md, "Tables"): a planned or approved line's money
 *	  is not negative, neither its amount (national and local) nor its
 *	  other money; a reference is stored as reference_trim leaves it, and
 *	  no longer than a reference is.  Each statement that writes
 *	  allocation reads its CHECKs from their stored text, so a load a line
 *	  at a time (allocation_entry) reads them for every line: as
 *	  expressions of SQL these three were 3,828 characters of that text,
 *	  as calls of these functions they are 1,081 (bench/README.md).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "mb/pg_wchar.h"
#include "utils/builtins.h"

#include "regionpolicy.h"

/* adjustments and execution may be negative (cuts, recoveries) */
static bool
phase_may_be_negative(const text *phase)
{
	const char *s = VARDATA_ANY(phase);
	int			len = VARSIZE_ANY_EXHDR(phase);

	return (len == 8 && (memcmp(s, "adjusted", 8) == 0 || memcmp(s, "executed", 8) == 0));
}

bool
rp_budget_not_negative(const text *phase, const Funding *amount)
{
	return phase_may_be_negative(phase) || (amount->national >= 0 && amount->local >= 0);
}

bool
rp_other_not_negative(const text *phase, int64 other)
{
	return phase_may_be_negative(phase) || other >= 0;
}

/* budget_not_negative(phase text, amount funding) returns boolean, STRICT */
PG_FUNCTION_INFO_V1(regionpolicy_budget_not_negative);
Datum
regionpolicy_budget_not_negative(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(rp_budget_not_negative(PG_GETARG_TEXT_PP(0), PG_GETARG_FUNDING_P(1)));
}

/* other_not_negative(phase text, other bigint) returns boolean, STRICT */
PG_FUNCTION_INFO_V1(regionpolicy_other_not_negative);
Datum
regionpolicy_other_not_negative(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(rp_other_not_negative(PG_GETARG_TEXT_PP(0), PG_GETARG_INT64(1)));
}

/*
 * reference_stored(reference text) returns boolean, STRICT: reference_trim
 * gives the reference back as it is (NULL, for a reference of nothing but
 * white space, is not), and it has at most 200 characters
 */
PG_FUNCTION_INFO_V1(regionpolicy_reference_stored);
Datum
regionpolicy_reference_stored(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	int			len = VARSIZE_ANY_EXHDR(t);
	bool		isnull;
	Datum		result = rp_sibling_call_text(fcinfo, "reference_trim", PointerGetDatum(t), &isnull);
	text	   *trimmed;

	if (isnull)
		PG_RETURN_BOOL(false);
	trimmed = DatumGetTextPP(result);
	PG_RETURN_BOOL(VARSIZE_ANY_EXHDR(trimmed) == len &&
				   memcmp(VARDATA_ANY(trimmed), VARDATA_ANY(t), len) == 0 &&
				   pg_mbstrlen_with_len(VARDATA_ANY(t), len) <= 200);
}
