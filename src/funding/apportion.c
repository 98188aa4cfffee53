/*-------------------------------------------------------------------------
 *
 * apportion.c
 *	  apportion(pool, weight [, unit]) OVER (...): split a pool across the
 *	  rows of a window partition in proportion to their weights, by the
 *	  largest-remainder (Hamilton) method, in multiples of unit.
 *
 * Each row gets floor(units * w / W) units; the units left over go one each
 * to the rows with the largest remainders, ties to the larger weight, then
 * to the earlier row in the window's order.  The shares add up to the pool
 * exactly.  A NULL weight takes no part and gets NULL.
 *
 * The partition is read and solved once, on its first row; later rows
 * look up their share.  Weights are numeric; when they fit 64-bit
 * integers after aligning their decimals (nearly always) the arithmetic is
 * exact 128-bit integer arithmetic, otherwise exact numeric arithmetic.
 * Either way O(n log n) for n rows.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "common/int.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/fmgrprotos.h"
#include "utils/memutils.h"
#include "utils/numeric.h"
#include "windowapi.h"

#include "funding.h"

/* What the first row of a partition computes for all its rows. */
typedef struct ApportionPartition
{
	bool		solved;
	bool		pool_null;		/* the pool (or unit) is NULL: every share is */
	bool	   *share_null;		/* per row */
	int64	   *share[2];		/* per row: national (or the bigint), local */
} ApportionPartition;

/* The rows of a partition as the solver sees them. */
typedef struct Rows
{
	int64		n;
	bool	   *weight_null;
	int64	   *weight;			/* integer path: weights * 10^scale */
	Datum	   *weight_num;		/* numeric path */
	bool		numeric;		/* which of the two */
} Rows;

/* A row competing for a leftover unit. */
typedef struct Candidate
{
	int128		remainder;		/* integer path */
	Datum		remainder_num;	/* numeric path */
	int64		row;
} Candidate;

pg_noreturn static void apportion_error(const char *msg, const char *detail);

static void
apportion_error(const char *msg, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s", _(msg)),
			 detail ? errdetail_internal("%s", _(detail)) : 0));
}

/* ---------------------------------------------------------------------
 * Weights
 *
 * Only the ratios of the weights matter, so each is read exactly as its
 * significant digits and the decimal exponent of the last one (12.3400 is
 * 1234 x 10^-2, 1200 is 12 x 10^2), and all are shifted by one power of ten
 * to whole numbers whose smallest non-zero one ends in a non-zero digit.
 * If every shifted weight fits int64, the solver works in 128-bit
 * integers; otherwise in whole numerics of at most APPORTION_MAX_DIGITS
 * digits, so that the work per row stays bounded whatever the weights'
 * magnitudes (9e131071 and 1 are fine; 1e16000 beside 1e-16000 spans
 * 32001 digits and is refused).
 * ---------------------------------------------------------------------
 */

#define APPORTION_MAX_DIGITS	1000

typedef struct WeightDigits
{
	char	   *digits;			/* significant digits, no leading or trailing zeros */
	int			ndigits;		/* 0 for a zero weight */
	int			low;			/* decimal exponent of the last digit */
} WeightDigits;

/* Read one weight's numeric text into wd; palloc'd in the current context. */
static void
weight_digits(Datum weight, WeightDigits *wd)
{
	char	   *str = DatumGetCString(DirectFunctionCall1(numeric_out, weight));
	char	   *point;
	char	   *first;
	char	   *last;
	char	   *out;

	if (*str == '-')
		apportion_error("apportion weights must not be negative",
						psprintf(_("A weight is %s."), str));
	if (*str < '0' || *str > '9')
		apportion_error("apportion weights must be finite numbers",
						psprintf(_("A weight is %s."), str));

	point = strchr(str, '.');
	if (point == NULL)
		point = str + strlen(str);

	/* First and last non-zero digits, skipping the point. */
	first = str;
	while (*first == '0' || *first == '.')
		first++;
	last = str + strlen(str) - 1;
	while (last >= first && (*last == '0' || *last == '.'))
		last--;

	wd->ndigits = 0;
	wd->low = 0;
	wd->digits = NULL;
	if (*first == '\0')
		return;					/* zero */

	out = wd->digits = palloc(last - first + 2);
	for (char *q = first; q <= last; q++)
		if (*q != '.')
			out[wd->ndigits++] = *q;
	out[wd->ndigits] = '\0';
	/* exponent of the last digit: positions left of the point count up */
	wd->low = (last < point) ? (int) (point - last - 1) : -(int) (last - point);
	pfree(str);
}

/*
 * Read the weights of the partition into rows, allocated in cxt.
 */
static void
read_weights(WindowObject winobj, Rows *rows, MemoryContext cxt)
{
	MemoryContext scratch = AllocSetContextCreate(CurrentMemoryContext,
												  "apportion weights",
												  ALLOCSET_DEFAULT_SIZES);
	MemoryContext old = MemoryContextSwitchTo(scratch);
	WeightDigits *wd = palloc(sizeof(WeightDigits) * Max(rows->n, 1));
	bool		any = false;
	int			shift = 0;
	int			top = 0;

	rows->numeric = false;
	rows->weight_null = MemoryContextAllocZero(cxt, sizeof(bool) * Max(rows->n, 1));
	for (int64 i = 0; i < rows->n; i++)
	{
		bool		isnull,
					isout;
		Datum		w;

		CHECK_FOR_INTERRUPTS();
		w = WinGetFuncArgInPartition(winobj, 1, (int) i, WINDOW_SEEK_HEAD,
									 false, &isnull, &isout);
		rows->weight_null[i] = isnull;
		if (isnull)
			continue;
		weight_digits(w, &wd[i]);
		if (wd[i].ndigits == 0)
			continue;
		if (!any || wd[i].low < shift)
			shift = wd[i].low;
		if (!any || wd[i].low + wd[i].ndigits - 1 > top)
			top = wd[i].low + wd[i].ndigits - 1;
		any = true;
	}

	if ((int64) top - shift + 1 > APPORTION_MAX_DIGITS)
		apportion_error("apportion weights span too many digits",
						psprintf(_("The weights of this partition range from 10^%d to 10^%d, %d significant digits; at most %d are supported."),
								 shift, top, top - shift + 1, APPORTION_MAX_DIGITS));

	/* Integer path when every shifted weight fits int64. */
	rows->weight = MemoryContextAllocZero(cxt, sizeof(int64) * Max(rows->n, 1));
	for (int64 i = 0; i < rows->n && !rows->numeric; i++)
	{
		int64		v = 0;

		CHECK_FOR_INTERRUPTS();
		if (rows->weight_null[i] || wd[i].ndigits == 0)
			continue;
		if (wd[i].ndigits + (wd[i].low - shift) > 18)
		{
			rows->numeric = true;
			break;
		}
		for (int k = 0; k < wd[i].ndigits; k++)
			v = v * 10 + (wd[i].digits[k] - '0');
		for (int k = 0; k < wd[i].low - shift; k++)
			v *= 10;
		rows->weight[i] = v;
	}

	if (rows->numeric)
	{
		Datum		zero = DirectFunctionCall1(int8_numeric, Int64GetDatum(0));
		char	   *buf = palloc(APPORTION_MAX_DIGITS + 1);

		rows->weight_num = MemoryContextAllocZero(cxt, sizeof(Datum) * Max(rows->n, 1));
		for (int64 i = 0; i < rows->n; i++)
		{
			Datum		num;
			int			len;

			CHECK_FOR_INTERRUPTS();
			if (rows->weight_null[i])
				continue;
			if (wd[i].ndigits == 0)
				num = zero;
			else
			{
				len = wd[i].ndigits + (wd[i].low - shift);
				memcpy(buf, wd[i].digits, wd[i].ndigits);
				memset(buf + wd[i].ndigits, '0', len - wd[i].ndigits);
				buf[len] = '\0';
				num = DirectFunctionCall3(numeric_in, CStringGetDatum(buf),
										  ObjectIdGetDatum(InvalidOid),
										  Int32GetDatum(-1));
			}
			MemoryContextSwitchTo(cxt);
			rows->weight_num[i] = datumCopy(num, false, -1);
			MemoryContextSwitchTo(scratch);
		}
	}
	MemoryContextSwitchTo(old);
	MemoryContextDelete(scratch);
}

/* ---------------------------------------------------------------------
 * The largest-remainder method
 * ---------------------------------------------------------------------
 */

static int
weight_cmp(const Rows *rows, int64 a, int64 b)
{
	if (rows->numeric)
		return DatumGetInt32(DirectFunctionCall2(numeric_cmp,
												 rows->weight_num[a],
												 rows->weight_num[b]));
	return (rows->weight[a] > rows->weight[b]) - (rows->weight[a] < rows->weight[b]);
}

/* Largest remainder first, then larger weight, then earlier row. */
static int
candidate_cmp(const void *pa, const void *pb, void *arg)
{
	const Candidate *a = pa;
	const Candidate *b = pb;
	const Rows *rows = arg;
	int			c;

	if (rows->numeric)
	{
		CHECK_FOR_INTERRUPTS();
		c = DatumGetInt32(DirectFunctionCall2(numeric_cmp, b->remainder_num,
											  a->remainder_num));
	}
	else
		c = (b->remainder > a->remainder) - (b->remainder < a->remainder);
	if (c == 0)
		c = weight_cmp(rows, b->row, a->row);
	if (c == 0)
		c = (a->row > b->row) - (a->row < b->row);
	return c;
}

/* A whole, non-negative numeric below 2^127 as int128. */
static int128
numeric_to_int128(Datum num)
{
	char	   *str = DatumGetCString(DirectFunctionCall1(numeric_out, num));
	int128		v = 0;

	for (char *p = str; *p; p++)
		v = v * 10 + (*p - '0');
	pfree(str);
	return v;
}

/*
 * Split units (0 <= units <= 2^63) over the rows: share[i] =
 * floor(units * w_i / W) plus one for the leftover's winners.  Rows with
 * NULL weight are left alone.
 */
static void
hamilton(const Rows *rows, int128 units, int128 *share)
{
	Datum		zero = DirectFunctionCall1(int8_numeric, Int64GetDatum(0));
	Candidate  *cand = palloc(sizeof(Candidate) * Max(rows->n, 1));
	int64		ncand = 0;
	int128		assigned = 0;
	int128		total_weight = 0;
	Datum		units_num = 0,
				total_num = 0;
	bool		any = false;
	MemoryContext scratch = AllocSetContextCreate(CurrentMemoryContext,
												  "apportion quotas",
												  ALLOCSET_DEFAULT_SIZES);

	/* W */
	for (int64 i = 0; i < rows->n; i++)
	{
		CHECK_FOR_INTERRUPTS();
		if (rows->weight_null[i])
			continue;
		any = true;
		if (rows->numeric)
			total_num = total_num ?
				DirectFunctionCall2(numeric_add, total_num, rows->weight_num[i]) :
				rows->weight_num[i];
		else
			total_weight += rows->weight[i];
	}
	if (units == 0)
	{
		for (int64 i = 0; i < rows->n; i++)
			share[i] = 0;
		pfree(cand);
		MemoryContextDelete(scratch);
		return;
	}
	if (!any)
		apportion_error("cannot apportion a non-zero pool over rows that all have NULL weights", NULL);
	if (rows->numeric ?
		DatumGetInt32(DirectFunctionCall2(numeric_cmp, total_num, zero)) == 0 :
		total_weight == 0)
		apportion_error("cannot apportion a non-zero pool when all weights are zero", NULL);

	if (rows->numeric)
		units_num = DirectFunctionCall3(numeric_in,
										CStringGetDatum(psprintf("%llu", (unsigned long long) units)),
										ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));

	/* Quotas: whole parts now, remainders for the leftover. */
	for (int64 i = 0; i < rows->n; i++)
	{
		CHECK_FOR_INTERRUPTS();
		if (rows->weight_null[i])
			continue;
		if (rows->numeric)
		{
			/* intermediates in scratch, reset per row; remainders kept */
			MemoryContext old = MemoryContextSwitchTo(scratch);
			Datum		num = DirectFunctionCall2(numeric_mul, units_num, rows->weight_num[i]);
			Datum		q = DirectFunctionCall2(numeric_div_trunc, num, total_num);
			Datum		rem = DirectFunctionCall2(numeric_mod, num, total_num);

			share[i] = numeric_to_int128(q);
			MemoryContextSwitchTo(old);
			if (DatumGetInt32(DirectFunctionCall2(numeric_cmp, rem, zero)) > 0)
			{
				cand[ncand].remainder_num = datumCopy(rem, false, -1);
				cand[ncand++].row = i;
			}
			MemoryContextReset(scratch);
		}
		else
		{
			int128		num = units * rows->weight[i];
			int128		q = num / total_weight;

			share[i] = q;
			cand[ncand].remainder = num - q * total_weight;
			if (cand[ncand].remainder > 0)
				cand[ncand++].row = i;
		}
		assigned += share[i];
	}

	/* Fewer than ncand units are left over; each goes to a best candidate. */
	if (units > assigned)
	{
		int64		leftover = (int64) (units - assigned);

		qsort_arg(cand, ncand, sizeof(Candidate), candidate_cmp, (void *) rows);
		Assert(leftover <= ncand);
		for (int64 k = 0; k < leftover; k++)
			share[cand[k].row]++;
	}
	pfree(cand);
	MemoryContextDelete(scratch);
}

/* ---------------------------------------------------------------------
 * Solving a partition
 * ---------------------------------------------------------------------
 */

/* The pool of row i: one or two components, or NULL. */
static bool
read_pool(WindowObject winobj, bool is_funding, int64 i, int64 pool[2])
{
	bool		isnull,
				isout;
	Datum		d = WinGetFuncArgInPartition(winobj, 0, (int) i, WINDOW_SEEK_HEAD,
											 false, &isnull, &isout);

	if (isnull)
		return false;
	if (is_funding)
	{
		Funding    *f = DatumGetFundingP(d);

		pool[0] = f->national;
		pool[1] = f->local;
	}
	else
	{
		pool[0] = DatumGetInt64(d);
		pool[1] = 0;
	}
	return true;
}

static bool
read_unit(WindowObject winobj, int nargs, int64 i, int64 *unit)
{
	bool		isnull,
				isout;
	Datum		d;

	*unit = 1;
	if (nargs < 3)
		return true;
	d = WinGetFuncArgInPartition(winobj, 2, (int) i, WINDOW_SEEK_HEAD,
								 false, &isnull, &isout);
	if (isnull)
		return false;
	*unit = DatumGetInt64(d);
	return true;
}

static void
solve(WindowObject winobj, ApportionPartition *part, bool is_funding, int nargs)
{
	MemoryContext cxt = GetMemoryChunkContext(part);
	int			ncomp = is_funding ? 2 : 1;
	int64		n = WinGetPartitionRowCount(winobj);
	int64		pool[2] = {0, 0};
	int64		unit = 1;
	bool		have_pool;
	bool		have_unit;
	Rows		rows;
	int128	   *units_share;

	/* The pool and unit are the same on every row of the partition. */
	have_pool = read_pool(winobj, is_funding, 0, pool);
	have_unit = read_unit(winobj, nargs, 0, &unit);
	for (int64 i = 1; i < n; i++)
	{
		int64		p[2] = {0, 0};
		int64		u;

		CHECK_FOR_INTERRUPTS();
		if (read_pool(winobj, is_funding, i, p) != have_pool ||
			(have_pool && (p[0] != pool[0] || p[1] != pool[1])))
			apportion_error("apportion pool differs between rows of a window partition",
							gettext_noop("The pool is the amount to split; give every row of the partition the same pool."));
		if (read_unit(winobj, nargs, i, &u) != have_unit || (have_unit && u != unit))
			apportion_error("apportion unit differs between rows of a window partition", NULL);
	}

	part->share_null = MemoryContextAlloc(cxt, sizeof(bool) * Max(n, 1));
	if (!have_pool || !have_unit)
	{
		part->pool_null = true;
		part->solved = true;
		return;
	}
	if (unit <= 0)
		apportion_error("apportion unit must be positive",
						psprintf(_("The unit is %lld won."), (long long) unit));
	for (int c = 0; c < ncomp; c++)
	{
		if (pool[c] % unit != 0)
			apportion_error("apportion pool is not a multiple of the unit",
							psprintf(_("The pool %lld is not a multiple of %lld."),
									 (long long) pool[c], (long long) unit));
	}

	rows.n = n;
	read_weights(winobj, &rows, cxt);
	for (int64 i = 0; i < n; i++)
		part->share_null[i] = rows.weight_null[i];

	units_share = palloc(sizeof(int128) * Max(n, 1));
	for (int c = 0; c < ncomp; c++)
	{
		int64		units = pool[c] / unit;
		bool		negative = units < 0;
		int64	   *share = MemoryContextAlloc(cxt, sizeof(int64) * Max(n, 1));

		/* A negative pool is split as its magnitude, then negated. */
		hamilton(&rows, negative ? -(int128) units : (int128) units, units_share);
		for (int64 i = 0; i < n; i++)
		{
			CHECK_FOR_INTERRUPTS();
			if (!rows.weight_null[i])
				share[i] = (int64) ((negative ? -units_share[i] : units_share[i]) * unit);
		}
		part->share[c] = share;
	}
	pfree(units_share);
	part->solved = true;
}

static Datum
apportion_common(FunctionCallInfo fcinfo, bool is_funding)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	ApportionPartition *part;
	int64		pos;

	part = (ApportionPartition *) WinGetPartitionLocalMemory(winobj, sizeof(ApportionPartition));
	if (!part->solved)
		solve(winobj, part, is_funding, PG_NARGS());

	pos = WinGetCurrentPosition(winobj);
	if (part->pool_null || part->share_null[pos])
		PG_RETURN_NULL();
	if (is_funding)
		PG_RETURN_FUNDING_P(funding_make(part->share[0][pos], part->share[1][pos]));
	PG_RETURN_INT64(part->share[0][pos]);
}

PG_FUNCTION_INFO_V1(apportion_bigint);
Datum
apportion_bigint(PG_FUNCTION_ARGS)
{
	return apportion_common(fcinfo, false);
}

PG_FUNCTION_INFO_V1(apportion_funding);
Datum
apportion_funding(PG_FUNCTION_ARGS)
{
	return apportion_common(fcinfo, true);
}
