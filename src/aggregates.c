/*-------------------------------------------------------------------------
 *
 * aggregates.c
 *	  sum(funding) and avg(funding): exact, parallel, and with inverse
 *	  transitions for sliding window frames.
 *
 * The state holds 128-bit sums, so intermediate sums may leave int64 as
 * long as the result fits.  It is allocated once per group in the
 * aggregate context and updated in place: one transition call per row,
 * no allocation per row.  min() and max() need no state of their own (see
 * funding_smaller/funding_larger in compare.c).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "libpq/pqformat.h"

#include "funding.h"

#ifndef HAVE_INT128
#error "regionpolicy needs a compiler with 128-bit integers"
#endif

typedef struct FundingSumState
{
	int128		national;
	int128		local;
	int64		count;			/* non-NULL inputs */
} FundingSumState;

#define INT64_FITS(x)	((x) >= PG_INT64_MIN && (x) <= PG_INT64_MAX)

static FundingSumState *
new_state(FunctionCallInfo fcinfo)
{
	MemoryContext aggcontext;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "aggregate function called in non-aggregate context");
	return (FundingSumState *) MemoryContextAllocZero(aggcontext,
													  sizeof(FundingSumState));
}

/* sfunc and msfunc of sum and avg */
PG_FUNCTION_INFO_V1(funding_sum_accum);
Datum
funding_sum_accum(PG_FUNCTION_ARGS)
{
	FundingSumState *state = PG_ARGISNULL(0) ? new_state(fcinfo) :
		(FundingSumState *) PG_GETARG_POINTER(0);

	if (!PG_ARGISNULL(1))
	{
		Funding    *f = PG_GETARG_FUNDING_P(1);

		state->national += f->national;
		state->local += f->local;
		state->count++;
	}
	PG_RETURN_POINTER(state);
}

/* minvfunc: take a row back out of a sliding frame */
PG_FUNCTION_INFO_V1(funding_sum_inverse);
Datum
funding_sum_inverse(PG_FUNCTION_ARGS)
{
	FundingSumState *state = PG_ARGISNULL(0) ? new_state(fcinfo) :
		(FundingSumState *) PG_GETARG_POINTER(0);

	if (!PG_ARGISNULL(1))
	{
		Funding    *f = PG_GETARG_FUNDING_P(1);

		state->national -= f->national;
		state->local -= f->local;
		state->count--;
	}
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(funding_sum_combine);
Datum
funding_sum_combine(PG_FUNCTION_ARGS)
{
	FundingSumState *a = PG_ARGISNULL(0) ? NULL : (FundingSumState *) PG_GETARG_POINTER(0);
	FundingSumState *b = PG_ARGISNULL(1) ? NULL : (FundingSumState *) PG_GETARG_POINTER(1);

	if (b == NULL)
	{
		if (a == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(a);
	}
	if (a == NULL)
	{
		/* The result must live in our aggregate context, not b's. */
		a = new_state(fcinfo);
		*a = *b;
		PG_RETURN_POINTER(a);
	}
	a->national += b->national;
	a->local += b->local;
	a->count += b->count;
	PG_RETURN_POINTER(a);
}

static void
send_int128(StringInfo buf, int128 v)
{
	pq_sendint64(buf, (int64) (v >> 64));
	pq_sendint64(buf, (int64) (uint64) v);
}

static int128
get_int128(StringInfo buf)
{
	int64		hi = pq_getmsgint64(buf);
	uint64		lo = (uint64) pq_getmsgint64(buf);

	return (int128) (((uint128) hi << 64) | lo);
}

PG_FUNCTION_INFO_V1(funding_sum_serialize);
Datum
funding_sum_serialize(PG_FUNCTION_ARGS)
{
	FundingSumState *state = (FundingSumState *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "aggregate function called in non-aggregate context");
	pq_begintypsend(&buf);
	send_int128(&buf, state->national);
	send_int128(&buf, state->local);
	pq_sendint64(&buf, state->count);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(funding_sum_deserialize);
Datum
funding_sum_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *sstate = PG_GETARG_BYTEA_PP(0);
	FundingSumState *state;
	StringInfoData buf;

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "aggregate function called in non-aggregate context");
	initStringInfo(&buf);
	appendBinaryStringInfo(&buf, VARDATA_ANY(sstate), VARSIZE_ANY_EXHDR(sstate));
	state = (FundingSumState *) palloc(sizeof(FundingSumState));
	state->national = get_int128(&buf);
	state->local = get_int128(&buf);
	state->count = pq_getmsgint64(&buf);
	pq_getmsgend(&buf);
	pfree(buf.data);
	PG_RETURN_POINTER(state);
}

static void
result_out_of_range(const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("funding out of range"),
			 errdetail("The %s is outside the range of a 64-bit count of won.", what)));
}

/* A value from 128-bit components, or 22003 if any of them, or their total, does not fit. */
static Funding *
funding_from_int128(int128 national, int128 local, const char *what)
{
	int128		total = national + local;

	if (!INT64_FITS(national) || !INT64_FITS(local) || !INT64_FITS(total))
		result_out_of_range(what);
	return funding_make((int64) national, (int64) local);
}

PG_FUNCTION_INFO_V1(funding_sum_final);
Datum
funding_sum_final(PG_FUNCTION_ARGS)
{
	FundingSumState *state = PG_ARGISNULL(0) ? NULL : (FundingSumState *) PG_GETARG_POINTER(0);

	if (state == NULL || state->count == 0)
		PG_RETURN_NULL();
	PG_RETURN_FUNDING_P(funding_from_int128(state->national, state->local, "sum"));
}

/* sum / count, rounded half away from zero */
static int128
divide_round(int128 sum, int64 count)
{
	int128		q = sum / count;
	int128		r = sum % count;

	if (r < 0)
		r = -r;
	if (r >= count - r)
		q += (sum < 0) ? -1 : 1;
	return q;
}

PG_FUNCTION_INFO_V1(funding_avg_final);
Datum
funding_avg_final(PG_FUNCTION_ARGS)
{
	FundingSumState *state = PG_ARGISNULL(0) ? NULL : (FundingSumState *) PG_GETARG_POINTER(0);

	if (state == NULL || state->count == 0)
		PG_RETURN_NULL();
	PG_RETURN_FUNDING_P(funding_from_int128(divide_round(state->national, state->count),
											divide_round(state->local, state->count),
											"average"));
}
