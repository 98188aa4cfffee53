/*-------------------------------------------------------------------------
 *
 * arith.c
 *	  Arithmetic on funding values: + - and unary -, and scaling by a
 *	  numeric factor (* and /), each component rounded half away from zero
 *	  to whole won.
 *
 * No floating point: scaling is exact numeric arithmetic, and every
 * result is checked to stay inside int64 (22003), total included.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "common/int.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/numeric.h"

#include "funding.h"

static void
component_overflow(const char *op)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("funding out of range"),
			 errdetail("A component of the %s is outside the range of a 64-bit count of won.", _(op))));
}

PG_FUNCTION_INFO_V1(funding_add);
Datum
funding_add(PG_FUNCTION_ARGS)
{
	Funding    *a = PG_GETARG_FUNDING_P(0);
	Funding    *b = PG_GETARG_FUNDING_P(1);
	int64		national;
	int64		local;

	if (pg_add_s64_overflow(a->national, b->national, &national) ||
		pg_add_s64_overflow(a->local, b->local, &local))
		component_overflow("sum");
	PG_RETURN_FUNDING_P(funding_make(national, local));
}

PG_FUNCTION_INFO_V1(funding_sub);
Datum
funding_sub(PG_FUNCTION_ARGS)
{
	Funding    *a = PG_GETARG_FUNDING_P(0);
	Funding    *b = PG_GETARG_FUNDING_P(1);
	int64		national;
	int64		local;

	if (pg_sub_s64_overflow(a->national, b->national, &national) ||
		pg_sub_s64_overflow(a->local, b->local, &local))
		component_overflow("difference");
	PG_RETURN_FUNDING_P(funding_make(national, local));
}

PG_FUNCTION_INFO_V1(funding_neg);
Datum
funding_neg(PG_FUNCTION_ARGS)
{
	Funding    *a = PG_GETARG_FUNDING_P(0);

	if (a->national == PG_INT64_MIN || a->local == PG_INT64_MIN)
		component_overflow("negation");
	PG_RETURN_FUNDING_P(funding_make(-a->national, -a->local));
}

/* ---------------------------------------------------------------------
 * Scaling by a numeric
 * ---------------------------------------------------------------------
 */

static Datum
won_numeric(int64 won)
{
	return DirectFunctionCall1(int8_numeric, Int64GetDatum(won));
}

/* A whole numeric to int64, or 22003; the pure-C parser checks the range. */
static int64
whole_numeric_to_won(Datum num, const char *op)
{
	char	   *str = DatumGetCString(DirectFunctionCall1(numeric_out, num));
	int64_t		won;
	FundingParseError err;

	if (!amount_parse(str, strlen(str), &won, &err))
		component_overflow(op);
	pfree(str);
	return won;
}

static void
check_finite(Numeric factor)
{
	if (numeric_is_nan(factor)
#if PG_VERSION_NUM >= 140000
		|| numeric_is_inf(factor)
#endif
		)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot scale funding by a factor that is not finite")));
}

/* won * factor, rounded half away from zero; numeric_mul is exact. */
static int64
scale_mul(int64 won, Datum factor)
{
	Datum		product = DirectFunctionCall2(numeric_mul, won_numeric(won), factor);

	return whole_numeric_to_won(DirectFunctionCall2(numeric_round, product,
													Int32GetDatum(0)),
								"product");
}

/*
 * won / divisor, rounded half away from zero.  Dividing first and rounding
 * the quotient would round twice (numeric_div keeps a limited scale), so
 * take the truncated quotient and decide on the exact remainder:
 * away from zero when 2|remainder| >= |divisor|.
 */
static int64
scale_div(int64 won, Datum divisor, Datum abs_divisor, bool divisor_negative)
{
	Datum		dividend = won_numeric(won);
	Datum		quotient = DirectFunctionCall2(numeric_div_trunc, dividend, divisor);
	Datum		remainder = DirectFunctionCall2(numeric_mod, dividend, divisor);
	Datum		twice = DirectFunctionCall1(numeric_abs,
											DirectFunctionCall2(numeric_add, remainder, remainder));

	if (DatumGetInt32(DirectFunctionCall2(numeric_cmp, twice, abs_divisor)) >= 0)
	{
		bool		negative = (won < 0) != divisor_negative;

		quotient = DirectFunctionCall2(numeric_add, quotient,
									   won_numeric(negative ? -1 : 1));
	}
	return whole_numeric_to_won(quotient, "quotient");
}

static Datum
funding_mul_internal(Funding *f, Numeric factor)
{
	check_finite(factor);
	return FundingPGetDatum(funding_make(scale_mul(f->national, NumericGetDatum(factor)),
										 scale_mul(f->local, NumericGetDatum(factor))));
}

PG_FUNCTION_INFO_V1(funding_mul);
Datum
funding_mul(PG_FUNCTION_ARGS)
{
	return funding_mul_internal(PG_GETARG_FUNDING_P(0), PG_GETARG_NUMERIC(1));
}

PG_FUNCTION_INFO_V1(numeric_mul_funding);
Datum
numeric_mul_funding(PG_FUNCTION_ARGS)
{
	return funding_mul_internal(PG_GETARG_FUNDING_P(1), PG_GETARG_NUMERIC(0));
}

PG_FUNCTION_INFO_V1(funding_div);
Datum
funding_div(PG_FUNCTION_ARGS)
{
	Funding    *f = PG_GETARG_FUNDING_P(0);
	Numeric		divisor = PG_GETARG_NUMERIC(1);
	int			sign;
	Datum		abs_divisor;

	check_finite(divisor);
	sign = DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(divisor),
											 won_numeric(0)));
	if (sign == 0)
		ereport(ERROR,
				(errcode(ERRCODE_DIVISION_BY_ZERO),
				 errmsg("division by zero")));
	abs_divisor = DirectFunctionCall1(numeric_abs, NumericGetDatum(divisor));
	PG_RETURN_FUNDING_P(funding_make(scale_div(f->national, NumericGetDatum(divisor),
											   abs_divisor, sign < 0),
									 scale_div(f->local, NumericGetDatum(divisor),
											   abs_divisor, sign < 0)));
}

/* ---------------------------------------------------------------------
 * Integer factors and divisors.  f * 2, 2 * f and f / 3 have operators of
 * their own (doc/regionpolicy.md, "Installation"): an exact-type match in the extension's schema, so
 * that no operator planted in another schema wins overload resolution,
 * and integer arithmetic instead of numeric.
 * ---------------------------------------------------------------------
 */

static int64
int_mul(int64 won, int64 factor)
{
	int64		result;

	if (pg_mul_s64_overflow(won, factor, &result))
		component_overflow("product");
	return result;
}

/* won / divisor rounded half away from zero; divisor is not zero. */
static int64
int_div(int64 won, int64 divisor)
{
	int128		q = (int128) won / divisor;
	int128		r = (int128) won % divisor;
	int128		abs_r = r < 0 ? -r : r;
	int128		abs_d = divisor < 0 ? -(int128) divisor : (int128) divisor;

	if (2 * abs_r >= abs_d)
		q += ((won < 0) != (divisor < 0)) ? -1 : 1;
	if (q < PG_INT64_MIN || q > PG_INT64_MAX)
		component_overflow("quotient");
	return (int64) q;
}

static Datum
funding_mul_int(Funding *f, int64 factor)
{
	return FundingPGetDatum(funding_make(int_mul(f->national, factor),
										 int_mul(f->local, factor)));
}

static Datum
funding_div_int(Funding *f, int64 divisor)
{
	if (divisor == 0)
		ereport(ERROR,
				(errcode(ERRCODE_DIVISION_BY_ZERO),
				 errmsg("division by zero")));
	return FundingPGetDatum(funding_make(int_div(f->national, divisor),
										 int_div(f->local, divisor)));
}

PG_FUNCTION_INFO_V1(funding_mul_int8);
Datum
funding_mul_int8(PG_FUNCTION_ARGS)
{
	return funding_mul_int(PG_GETARG_FUNDING_P(0), PG_GETARG_INT64(1));
}

PG_FUNCTION_INFO_V1(int8_mul_funding);
Datum
int8_mul_funding(PG_FUNCTION_ARGS)
{
	return funding_mul_int(PG_GETARG_FUNDING_P(1), PG_GETARG_INT64(0));
}

PG_FUNCTION_INFO_V1(funding_mul_int4);
Datum
funding_mul_int4(PG_FUNCTION_ARGS)
{
	return funding_mul_int(PG_GETARG_FUNDING_P(0), PG_GETARG_INT32(1));
}

PG_FUNCTION_INFO_V1(int4_mul_funding);
Datum
int4_mul_funding(PG_FUNCTION_ARGS)
{
	return funding_mul_int(PG_GETARG_FUNDING_P(1), PG_GETARG_INT32(0));
}

PG_FUNCTION_INFO_V1(funding_div_int8);
Datum
funding_div_int8(PG_FUNCTION_ARGS)
{
	return funding_div_int(PG_GETARG_FUNDING_P(0), PG_GETARG_INT64(1));
}

PG_FUNCTION_INFO_V1(funding_div_int4);
Datum
funding_div_int4(PG_FUNCTION_ARGS)
{
	return funding_div_int(PG_GETARG_FUNDING_P(0), PG_GETARG_INT32(1));
}
