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
 * The state is a type of its own, funding_sum_state (doc/regionpolicy.md, "Aggregates"), not
 * internal: fixed length, with an exact text form "(national,local,count)"
 * and a binary form, so that an engine that ships partial states between
 * servers (Citus's worker_partial_agg/coord_combine_agg) keeps every
 * 128-bit partial sum, and parallel query needs no serialize/deserialize.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "common/int.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

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

/*
 * The state to update.  Inside its own aggregate the state belongs to the
 * aggregate and is updated in place; NULL starts a new one in the
 * aggregate's memory.  Called any other way (the functions are callable by
 * anyone, on states stored in tables), the argument is never touched: the
 * result is a copy, and NULL means an empty state.
 */
static FundingSumState *
state_to_update(FunctionCallInfo fcinfo, int argno)
{
	MemoryContext aggcontext;
	FundingSumState *state;

	if (AggCheckCallContext(fcinfo, &aggcontext))
	{
		if (!PG_ARGISNULL(argno))
			return (FundingSumState *) PG_GETARG_POINTER(argno);
		return (FundingSumState *) MemoryContextAllocZero(aggcontext,
														  sizeof(FundingSumState));
	}
	state = (FundingSumState *) palloc0(sizeof(FundingSumState));
	if (!PG_ARGISNULL(argno))
		memcpy(state, PG_GETARG_POINTER(argno), sizeof(FundingSumState));
	return state;
}

pg_noreturn static void
state_out_of_range(const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("funding sum state out of range"),
			 errdetail("The %s would leave the range of the state (128-bit sums, a 64-bit count).", _(what))));
}

/* state += sign * (national, local, count), every step checked. */
static void
state_add(FundingSumState *state, int128 national, int128 local, int64 count)
{
	if (__builtin_add_overflow(state->national, national, &state->national))
		state_out_of_range("national sum");
	if (__builtin_add_overflow(state->local, local, &state->local))
		state_out_of_range("local sum");
	if (pg_add_s64_overflow(state->count, count, &state->count))
		state_out_of_range("count");
	if (state->count < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot take a value out of an empty funding sum"),
				 errdetail("The state counts no value, so there is nothing to take back.")));
}

/* sfunc and msfunc of sum and avg */
PG_FUNCTION_INFO_V1(funding_sum_accum);
Datum
funding_sum_accum(PG_FUNCTION_ARGS)
{
	FundingSumState *state = state_to_update(fcinfo, 0);

	if (!PG_ARGISNULL(1))
	{
		Funding    *f = PG_GETARG_FUNDING_P(1);

		state_add(state, f->national, f->local, 1);
	}
	PG_RETURN_POINTER(state);
}

/* minvfunc: take a row back out of a sliding frame */
PG_FUNCTION_INFO_V1(funding_sum_inverse);
Datum
funding_sum_inverse(PG_FUNCTION_ARGS)
{
	FundingSumState *state = state_to_update(fcinfo, 0);

	if (!PG_ARGISNULL(1))
	{
		Funding    *f = PG_GETARG_FUNDING_P(1);

		state_add(state, -(int128) f->national, -(int128) f->local, -1);
	}
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(funding_sum_combine);
Datum
funding_sum_combine(PG_FUNCTION_ARGS)
{
	FundingSumState *a;
	FundingSumState *b;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_POINTER(state_to_update(fcinfo, 0));
	}
	b = (FundingSumState *) PG_GETARG_POINTER(1);
	/* a NULL first state: a new one, in our aggregate context, not b's */
	a = state_to_update(fcinfo, 0);
	state_add(a, b->national, b->local, b->count);
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

/* ---------------------------------------------------------------------
 * The state type's I/O: "(national,local,count)", exact decimals.
 * ---------------------------------------------------------------------
 */

/* Write v in decimal at buf (at least 41 bytes); return the length. */
static int
int128_to_text(int128 v, char *buf)
{
	char		tmp[40];
	char	   *p = tmp + sizeof(tmp);
	uint128		mag = v < 0 ? (uint128) (-(v + 1)) + 1 : (uint128) v;
	int			len = 0;

	do
	{
		*--p = (char) ('0' + (int) (mag % 10));
		mag /= 10;
	} while (mag != 0);
	if (v < 0)
		buf[len++] = '-';
	memcpy(buf + len, p, tmp + sizeof(tmp) - p);
	return len + (int) (tmp + sizeof(tmp) - p);
}

static void
state_syntax_error(const char *str, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type funding_sum_state: \"%s\"", str),
			 errdetail_internal("%s", _(detail))));
}

/* An int128 in decimal at *pp, up to a delimiter. */
static int128
int128_from_text(const char **pp, const char *str)
{
	const char *p = *pp;
	bool		negative = false;
	uint128		mag = 0;
	uint128		limit;
	int			ndigits = 0;

	while (*p == ' ')
		p++;
	if (*p == '-')
	{
		negative = true;
		p++;
	}
	limit = negative ? (uint128) 1 << 127 : ((uint128) 1 << 127) - 1;
	while (*p >= '0' && *p <= '9')
	{
		unsigned	d = (unsigned) (*p++ - '0');

		if (mag > (limit - d) / 10)
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("value \"%s\" is out of range for type funding_sum_state", str),
					 errdetail("Each sum must fit in 128 bits.")));
		mag = mag * 10 + d;
		ndigits++;
	}
	if (ndigits == 0)
		state_syntax_error(str, "Expected a whole number.");
	while (*p == ' ')
		p++;
	*pp = p;
	if (negative)
		return mag == ((uint128) 1 << 127) ? (int128) (~(uint128) 0 << 127) : -(int128) mag;
	return (int128) mag;
}

PG_FUNCTION_INFO_V1(funding_sum_state_in);
Datum
funding_sum_state_in(PG_FUNCTION_ARGS)
{
	const char *str = PG_GETARG_CSTRING(0);
	const char *p = str;
	FundingSumState *state = palloc(sizeof(FundingSumState));
	int128		count;

	while (*p == ' ')
		p++;
	if (*p++ != '(')
		state_syntax_error(str, "Expected \"(national,local,count)\".");
	state->national = int128_from_text(&p, str);
	if (*p++ != ',')
		state_syntax_error(str, "Expected \",\" after the national sum.");
	state->local = int128_from_text(&p, str);
	if (*p++ != ',')
		state_syntax_error(str, "Expected \",\" after the local sum.");
	count = int128_from_text(&p, str);
	if (*p++ != ')')
		state_syntax_error(str, "Expected \")\" after the count.");
	while (*p == ' ')
		p++;
	if (*p != '\0')
		state_syntax_error(str, "Expected the end of the input after \")\".");
	if (count < 0 || count > PG_INT64_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("value \"%s\" is out of range for type funding_sum_state", str),
				 errdetail("The count must be between 0 and 2^63 - 1.")));
	state->count = (int64) count;
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(funding_sum_state_out);
Datum
funding_sum_state_out(PG_FUNCTION_ARGS)
{
	FundingSumState *state = (FundingSumState *) PG_GETARG_POINTER(0);
	char	   *buf = palloc(2 * 41 + 24 + 4);
	int			len = 0;

	buf[len++] = '(';
	len += int128_to_text(state->national, buf + len);
	buf[len++] = ',';
	len += int128_to_text(state->local, buf + len);
	buf[len++] = ',';
	len += int128_to_text(state->count, buf + len);
	buf[len++] = ')';
	buf[len] = '\0';
	PG_RETURN_CSTRING(buf);
}

/* Binary: national and local as 128-bit big-endian (high int64 first), count int64. */
PG_FUNCTION_INFO_V1(funding_sum_state_send);
Datum
funding_sum_state_send(PG_FUNCTION_ARGS)
{
	FundingSumState *state = (FundingSumState *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	send_int128(&buf, state->national);
	send_int128(&buf, state->local);
	pq_sendint64(&buf, state->count);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(funding_sum_state_recv);
Datum
funding_sum_state_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	FundingSumState *state = palloc(sizeof(FundingSumState));

	state->national = get_int128(buf);
	state->local = get_int128(buf);
	state->count = pq_getmsgint64(buf);
	if (state->count < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid funding_sum_state: negative count %lld", (long long) state->count)));
	PG_RETURN_POINTER(state);
}

/*
 * The serialize/deserialize pair of 1.0.0 and 1.1.0, whose state was
 * internal.  Unused since 1.2.0, but their install scripts name them, so
 * the library keeps them for CREATE EXTENSION ... VERSION '1.1.0' and the
 * upgrade path from there.
 */
PG_FUNCTION_INFO_V1(funding_sum_serialize);
Datum
funding_sum_serialize(PG_FUNCTION_ARGS)
{
	return funding_sum_state_send(fcinfo);
}

PG_FUNCTION_INFO_V1(funding_sum_deserialize);
Datum
funding_sum_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *sstate = PG_GETARG_BYTEA_PP(0);
	StringInfoData buf;
	Datum		result;

	initStringInfo(&buf);
	appendBinaryStringInfo(&buf, VARDATA_ANY(sstate), VARSIZE_ANY_EXHDR(sstate));
	result = DirectFunctionCall1(funding_sum_state_recv, PointerGetDatum(&buf));
	pfree(buf.data);
	return result;
}

static void
result_out_of_range(const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("funding out of range"),
			 errdetail("The %s is outside the range of a 64-bit count of won.", _(what))));
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
