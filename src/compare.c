/*-------------------------------------------------------------------------
 *
 * compare.c
 *	  Equality, ordering and hashing of funding values.
 *
 * The order is total, then national: the natural order of amounts of
 * money, refined so that values with equal totals but different splits
 * are distinct and ordered.  Equal means both components equal.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "funding.h"

static inline bool
funding_equal(const Funding *a, const Funding *b)
{
	return a->national == b->national && a->local == b->local;
}

PG_FUNCTION_INFO_V1(funding_eq);
Datum
funding_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(funding_equal(PG_GETARG_FUNDING_P(0), PG_GETARG_FUNDING_P(1)));
}

PG_FUNCTION_INFO_V1(funding_ne);
Datum
funding_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!funding_equal(PG_GETARG_FUNDING_P(0), PG_GETARG_FUNDING_P(1)));
}
