/*-------------------------------------------------------------------------
 *
 * line.c
 *	  line_hash: one bigint for a line's province, fiscal year, phase,
 *	  programme and amount, so that looking for a line identical to another
 *	  (doc/regionpolicy.md, "Loading") is one probe of a small index whose
 *	  inserts cost little.  Equal lines hash equal; a look-up compares the
 *	  columns themselves after the probe, so a collision only costs a row.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "common/hashfn.h"
#include "utils/builtins.h"

#include "regionpolicy.h"

static uint64
hash_text_arg(FunctionCallInfo fcinfo, int n, uint64 seed)
{
	text	   *t;

	if (PG_ARGISNULL(n))
		return hash_combine64(seed, UINT64CONST(0x9e3779b97f4a7c15));
	t = PG_GETARG_TEXT_PP(n);
	return hash_combine64(seed, hash_bytes_extended((const unsigned char *) VARDATA_ANY(t),
													VARSIZE_ANY_EXHDR(t), 0));
}

static uint64
hash_int64(int64 v, uint64 seed)
{
	return hash_combine64(seed, hash_bytes_uint32_extended((uint32) v, (uint64) (v >> 32)));
}

/* line_hash(province_code, fiscal_year, phase, program_id, amount) */
PG_FUNCTION_INFO_V1(allocation_line_hash);
Datum
allocation_line_hash(PG_FUNCTION_ARGS)
{
	uint64		h = 0;

	h = hash_text_arg(fcinfo, 0, h);
	h = hash_int64(PG_ARGISNULL(1) ? -1 : PG_GETARG_INT32(1), h);
	h = hash_text_arg(fcinfo, 2, h);
	h = hash_int64(PG_ARGISNULL(3) ? -1 : PG_GETARG_INT32(3), h);
	if (!PG_ARGISNULL(4))
	{
		Funding    *f = PG_GETARG_FUNDING_P(4);

		h = hash_int64(f->national, h);
		h = hash_int64(f->local, h);
	}
	PG_RETURN_INT64((int64) h);
}
