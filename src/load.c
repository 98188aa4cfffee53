/*-------------------------------------------------------------------------
 *
 * load.c
 *	  The tally of a load through allocation_entry: how many lines one
 *	  statement inserted and how many it replaced (doc/regionpolicy.md,
 *	  "Loading").  The view's statement triggers start and close a tally;
 *	  its row trigger counts each line.  Backend-local, no allocation.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "funcapi.h"
#include "utils/builtins.h"

#include "funding.h"

static int64 tally_inserted;
static int64 tally_replaced;
static int64 last_inserted = -1;	/* -1: no load closed yet */
static int64 last_replaced = -1;

PG_FUNCTION_INFO_V1(allocation_load_begin);
Datum
allocation_load_begin(PG_FUNCTION_ARGS)
{
	tally_inserted = 0;
	tally_replaced = 0;
	PG_RETURN_VOID();
}

/* count one line: true if inserted, false if it replaced one */
PG_FUNCTION_INFO_V1(allocation_load_count);
Datum
allocation_load_count(PG_FUNCTION_ARGS)
{
	if (PG_GETARG_BOOL(0))
		tally_inserted++;
	else
		tally_replaced++;
	PG_RETURN_VOID();
}

PG_FUNCTION_INFO_V1(allocation_load_end);
Datum
allocation_load_end(PG_FUNCTION_ARGS)
{
	last_inserted = tally_inserted;
	last_replaced = tally_replaced;
	tally_inserted = tally_replaced = 0;
	PG_RETURN_VOID();
}

/* (inserted, replaced) of the last load this session closed; NULLs before one */
PG_FUNCTION_INFO_V1(allocation_load_summary);
Datum
allocation_load_summary(PG_FUNCTION_ARGS)
{
	TupleDesc	tupdesc;
	Datum		values[2];
	bool		nulls[2] = {last_inserted < 0, last_replaced < 0};

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("allocation_load_summary must be called in a context that accepts a record")));
	values[0] = Int64GetDatum(last_inserted);
	values[1] = Int64GetDatum(last_replaced);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(tupdesc), values, nulls)));
}
