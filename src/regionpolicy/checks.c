/*-------------------------------------------------------------------------
 *
 * checks.c
 *	  The rules two of allocation's CHECK constraints call
 *	  (doc/regionpolicy.md, "Tables"): a planned or approved line's money
 *	  is not negative, neither its amount (national and local) nor its
 *	  other money.  Each statement that writes allocation reads its CHECKs
 *	  from their stored text, so a load a line at a time (allocation_entry)
 *	  reads them for every line: as expressions of SQL they were half of
 *	  that text, as calls of these functions they are a sixth of it
 *	  (bench/README.md).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "utils/builtins.h"

#include "regionpolicy.h"

/* adjustments and execution may be negative (cuts, recoveries) */
static bool
phase_may_be_negative(text *phase)
{
	const char *s = VARDATA_ANY(phase);
	int			len = VARSIZE_ANY_EXHDR(phase);

	return (len == 8 && (memcmp(s, "adjusted", 8) == 0 || memcmp(s, "executed", 8) == 0));
}

/* budget_not_negative(phase text, amount funding) returns boolean, STRICT */
PG_FUNCTION_INFO_V1(regionpolicy_budget_not_negative);
Datum
regionpolicy_budget_not_negative(PG_FUNCTION_ARGS)
{
	Funding    *f = PG_GETARG_FUNDING_P(1);

	PG_RETURN_BOOL(phase_may_be_negative(PG_GETARG_TEXT_PP(0)) || (f->national >= 0 && f->local >= 0));
}

/* other_not_negative(phase text, other bigint) returns boolean, STRICT */
PG_FUNCTION_INFO_V1(regionpolicy_other_not_negative);
Datum
regionpolicy_other_not_negative(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(phase_may_be_negative(PG_GETARG_TEXT_PP(0)) || PG_GETARG_INT64(1) >= 0);
}
