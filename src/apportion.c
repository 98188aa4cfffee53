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

static void apportion_error(const char *msg, const char *detail) pg_attribute_noreturn();

static void
apportion_error(const char *msg, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s", msg),
			 detail ? errdetail("%s", detail) : 0));
}

/* ---------------------------------------------------------------------
 * Weights
 * ---------------------------------------------------------------------
 */

/*
 * A non-negative finite numeric as mantissa and decimal scale, from its
 * text: "12.3400" is (1234, 2).  False when it does not fit.
 */
static bool
weight_to_scaled(Datum weight, uint64 *mantissa, int *scale)
{
	char	   *str = DatumGetCString(DirectFunctionCall1(numeric_out, weight));
	char	   *p = str;
	char	   *last_nonzero = NULL;
	uint64		m = 0;
	int			s = 0;
	bool		fraction = false;
	bool		ok = true;

	if (*p == '-')
		apportion_error("apportion weights must not be negative", NULL);
	if (*p < '0' || *p > '9')
		apportion_error("apportion weights must be finite numbers", NULL);

	/* Find where trailing fractional zeros start, then read up to there. */
	for (char *q = p; *q; q++)
	{
		if (*q == '.')
			fraction = true;
		else if (!fraction || *q != '0')
			last_nonzero = q;
	}
	fraction = false;
	for (; p <= last_nonzero && ok; p++)
	{
		if (*p == '.')
		{
			fraction = true;
			continue;
		}
		if (m > (PG_UINT64_MAX / 10 - 9))
			ok = false;
		m = m * 10 + (*p - '0');
		if (fraction)
			s++;
	}
	pfree(str);
	*mantissa = m;
	*scale = s;
	return ok && m <= (uint64) PG_INT64_MAX && s <= 18;
}

static int64
pow10_int64(int e)
{
	int64		v = 1;

	while (e-- > 0)
		v *= 10;
	return v;
}

/*
 * Read the weights of the partition.  Integer path when every weight is
 * below 2^63 once all are scaled to the largest scale, else numeric.
 */
static void
read_weights(WindowObject winobj, Rows *rows, MemoryContext cxt)
{
	uint64	   *mantissa = palloc(sizeof(uint64) * Max(rows->n, 1));
	int		   *scale = palloc(sizeof(int) * Max(rows->n, 1));
	int			max_scale = 0;

	rows->numeric = false;
	rows->weight_null = MemoryContextAlloc(cxt, sizeof(bool) * Max(rows->n, 1));
	for (int64 i = 0; i < rows->n; i++)
	{
		bool		isnull,
					isout;
		Datum		w = WinGetFuncArgInPartition(winobj, 1, (int) i, WINDOW_SEEK_HEAD,
												 false, &isnull, &isout);

		rows->weight_null[i] = isnull;
		if (isnull || rows->numeric)
			continue;
		if (!weight_to_scaled(w, &mantissa[i], &scale[i]))
			rows->numeric = true;
		else
			max_scale = Max(max_scale, scale[i]);
	}

	if (!rows->numeric)
	{
		rows->weight = MemoryContextAlloc(cxt, sizeof(int64) * Max(rows->n, 1));
		for (int64 i = 0; i < rows->n && !rows->numeric; i++)
		{
			int64		factor = pow10_int64(max_scale - scale[i]);
			int64		scaled;

			if (rows->weight_null[i])
				continue;
			if (pg_mul_s64_overflow((int64) mantissa[i], factor, &scaled))
				rows->numeric = true;
			else
				rows->weight[i] = scaled;
		}
	}
	pfree(mantissa);
	pfree(scale);

	if (rows->numeric)
	{
		Datum		zero = DirectFunctionCall1(int8_numeric, Int64GetDatum(0));

		/* Keep copies: the window's slot is reused for every row read. */
		rows->weight_num = MemoryContextAlloc(cxt, sizeof(Datum) * Max(rows->n, 1));
		for (int64 i = 0; i < rows->n; i++)
		{
			bool		isnull,
						isout;
			Datum		w = WinGetFuncArgInPartition(winobj, 1, (int) i, WINDOW_SEEK_HEAD,
													 false, &isnull, &isout);

			if (isnull)
				continue;
			if (numeric_is_nan(DatumGetNumeric(w))
#if PG_VERSION_NUM >= 140000
				|| numeric_is_inf(DatumGetNumeric(w))
#endif
				)
				apportion_error("apportion weights must be finite numbers", NULL);
			if (DatumGetInt32(DirectFunctionCall2(numeric_cmp, w, zero)) < 0)
				apportion_error("apportion weights must not be negative", NULL);
			rows->weight_num[i] = datumCopy(w, false, -1);
		}
	}
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
		c = DatumGetInt32(DirectFunctionCall2(numeric_cmp, b->remainder_num,
											  a->remainder_num));
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

	/* W */
	for (int64 i = 0; i < rows->n; i++)
	{
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
		if (rows->weight_null[i])
			continue;
		if (rows->numeric)
		{
			Datum		num = DirectFunctionCall2(numeric_mul, units_num, rows->weight_num[i]);
			Datum		q = DirectFunctionCall2(numeric_div_trunc, num, total_num);

			share[i] = numeric_to_int128(q);
			cand[ncand].remainder_num = DirectFunctionCall2(numeric_mod, num, total_num);
			if (DatumGetInt32(DirectFunctionCall2(numeric_cmp, cand[ncand].remainder_num, zero)) > 0)
				cand[ncand++].row = i;
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

		if (read_pool(winobj, is_funding, i, p) != have_pool ||
			(have_pool && (p[0] != pool[0] || p[1] != pool[1])))
			apportion_error("apportion pool differs between rows of a window partition",
							"The pool is the amount to split; give every row of the partition the same pool.");
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
						psprintf("The unit is " INT64_FORMAT " won.", unit));
	for (int c = 0; c < ncomp; c++)
	{
		if (pool[c] % unit != 0)
			apportion_error("apportion pool is not a multiple of the unit",
							psprintf("The pool " INT64_FORMAT " is not a multiple of " INT64_FORMAT ".",
									 pool[c], unit));
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
