/*-------------------------------------------------------------------------
 *
 * compare.c
 *	  Equality, ordering, hashing and sort support of funding values.
 *
 * The order is total, then national: the natural order of amounts of
 * money, refined so that values with equal totals but different splits
 * are distinct and ordered.  Equal means both components equal.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "common/hashfn.h"
#include "utils/sortsupport.h"

#include "funding.h"

static inline int
funding_compare(const Funding *a, const Funding *b)
{
	int64		ta = funding_total(a);
	int64		tb = funding_total(b);

	if (ta != tb)
		return ta < tb ? -1 : 1;
	if (a->national != b->national)
		return a->national < b->national ? -1 : 1;
	return 0;
}

static inline bool
funding_equal(const Funding *a, const Funding *b)
{
	return a->national == b->national && a->local == b->local;
}

#define FUNDING_CMP_FUNCTION(name, expr) \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	Funding    *a = PG_GETARG_FUNDING_P(0); \
	Funding    *b = PG_GETARG_FUNDING_P(1); \
\
	PG_RETURN_BOOL(expr); \
}

FUNDING_CMP_FUNCTION(funding_eq, funding_equal(a, b))
FUNDING_CMP_FUNCTION(funding_ne, !funding_equal(a, b))
FUNDING_CMP_FUNCTION(funding_lt, funding_compare(a, b) < 0)
FUNDING_CMP_FUNCTION(funding_le, funding_compare(a, b) <= 0)
FUNDING_CMP_FUNCTION(funding_gt, funding_compare(a, b) > 0)
FUNDING_CMP_FUNCTION(funding_ge, funding_compare(a, b) >= 0)

PG_FUNCTION_INFO_V1(funding_cmp);
Datum
funding_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(funding_compare(PG_GETARG_FUNDING_P(0), PG_GETARG_FUNDING_P(1)));
}

/* For min() and max(): return one of the inputs, no copy. */
PG_FUNCTION_INFO_V1(funding_smaller);
Datum
funding_smaller(PG_FUNCTION_ARGS)
{
	Funding    *a = PG_GETARG_FUNDING_P(0);
	Funding    *b = PG_GETARG_FUNDING_P(1);

	PG_RETURN_FUNDING_P(funding_compare(a, b) <= 0 ? a : b);
}

PG_FUNCTION_INFO_V1(funding_larger);
Datum
funding_larger(PG_FUNCTION_ARGS)
{
	Funding    *a = PG_GETARG_FUNDING_P(0);
	Funding    *b = PG_GETARG_FUNDING_P(1);

	PG_RETURN_FUNDING_P(funding_compare(a, b) >= 0 ? a : b);
}

/* Equal values have equal bytes (two integers, no padding). */
PG_FUNCTION_INFO_V1(funding_hash);
Datum
funding_hash(PG_FUNCTION_ARGS)
{
	return hash_any((unsigned char *) PG_GETARG_FUNDING_P(0), sizeof(Funding));
}

PG_FUNCTION_INFO_V1(funding_hash_extended);
Datum
funding_hash_extended(PG_FUNCTION_ARGS)
{
	return hash_any_extended((unsigned char *) PG_GETARG_FUNDING_P(0),
							 sizeof(Funding), PG_GETARG_INT64(1));
}

/* ---------------------------------------------------------------------
 * Sort support
 *
 * Sorting by reference means a pointer chase per comparison; abbreviated
 * keys carry the total in the Datum itself, so most comparisons of a sort
 * never touch the values.  Only equal totals go to the full comparator.
 * ---------------------------------------------------------------------
 */

static int
funding_fastcmp(Datum x, Datum y, SortSupport ssup)
{
	return funding_compare(DatumGetFundingP(x), DatumGetFundingP(y));
}

#if SIZEOF_DATUM == 8

static Datum
funding_abbrev_convert(Datum original, SortSupport ssup)
{
	return Int64GetDatum(funding_total(DatumGetFundingP(original)));
}

#if PG_VERSION_NUM < 150000
static int
funding_abbrev_cmp(Datum x, Datum y, SortSupport ssup)
{
	int64		a = DatumGetInt64(x);
	int64		b = DatumGetInt64(y);

	return (a > b) - (a < b);
}
#endif

/* The total is as discriminating as a key of 64 bits can be. */
static bool
funding_abbrev_abort(int memtupcount, SortSupport ssup)
{
	return false;
}

#endif

PG_FUNCTION_INFO_V1(funding_sortsupport);
Datum
funding_sortsupport(PG_FUNCTION_ARGS)
{
	SortSupport ssup = (SortSupport) PG_GETARG_POINTER(0);

	ssup->comparator = funding_fastcmp;
#if SIZEOF_DATUM == 8
	if (ssup->abbreviate)
	{
		ssup->abbrev_converter = funding_abbrev_convert;
		ssup->abbrev_abort = funding_abbrev_abort;
		ssup->abbrev_full_comparator = funding_fastcmp;
		/*
		 * The abbreviated key is the total, an int64: from PostgreSQL 15 on,
		 * with the server's own comparator, tuplesort sorts it with its
		 * inlined quicksort for signed datums.
		 */
#if PG_VERSION_NUM >= 150000
		ssup->comparator = ssup_datum_signed_cmp;
#else
		ssup->comparator = funding_abbrev_cmp;
#endif
	}
#endif
	PG_RETURN_VOID();
}
