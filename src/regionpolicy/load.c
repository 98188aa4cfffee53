/*-------------------------------------------------------------------------
 *
 * load.c
 *	  The state of one load through allocation_entry (doc/regionpolicy.md,
 *	  "Loading"): how many lines the statement inserted and how many it
 *	  replaced; which allocation rows it wrote, by the statement's row
 *	  number, so that the same line twice in one statement is refused
 *	  naming both rows rather than "replaced" by its own twin; and which
 *	  line scopes (province, fiscal year, phase, programme) it has already
 *	  locked, so that each is locked once per statement; and whether each
 *	  province has lines without a reference, as last looked at since the
 *	  statement last locked one of its scopes.  The view's
 *	  statement triggers start and close a load; its row trigger records
 *	  each line.  Backend-local.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/hsearch.h"
#include "utils/memutils.h"

#include "entry.h"
#include "load.h"
#include "regionpolicy.h"

static int64 tally_inserted;
static int64 tally_replaced;
static int64 rows_seen;			/* lines the statement has read */
static int64 last_inserted = -1;	/* -1: no load closed yet */
static int64 last_replaced = -1;

/* what the statement under way has written and locked */
static MemoryContext load_context;
static HTAB *written_rows;		/* allocation id -> row number */
static HTAB *locked_scopes;		/* LineScope, locked by this statement */
static HTAB *province_lines;	/* ProvinceLines, by province */

typedef struct WrittenRow
{
	int64		id;				/* hash key */
	int64		row;
} WrittenRow;

/*
 * A line scope as a fixed-size key.  Province codes are two digits and
 * phases a word, so both fit; a longer one is never remembered, and its
 * scope is locked again (correct, only slower).
 */
#define SCOPE_TEXT_MAX 16
typedef struct LineScope
{
	int32		fiscal_year;
	int32		program_id;
	char		province[SCOPE_TEXT_MAX];
	char		phase[SCOPE_TEXT_MAX];
} LineScope;

/*
 * Whether allocation holds lines of a province without a reference, as
 * this statement last looked, since it last locked a scope of that
 * province ('' for lines of no single province).
 */
typedef struct ProvinceLines
{
	char		province[SCOPE_TEXT_MAX];	/* hash key */
	RpUnreferenced state;
} ProvinceLines;

static void
load_state_reset(void)
{
	HASHCTL		ctl;

	if (load_context == NULL)
		load_context = AllocSetContextCreate(TopMemoryContext, "regionpolicy load",
											 ALLOCSET_SMALL_SIZES);
	else
		MemoryContextReset(load_context);

	memset(&ctl, 0, sizeof(ctl));
	ctl.keysize = sizeof(int64);
	ctl.entrysize = sizeof(WrittenRow);
	ctl.hcxt = load_context;
	written_rows = hash_create("regionpolicy written rows", 256, &ctl,
							   HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);

	memset(&ctl, 0, sizeof(ctl));
	ctl.keysize = sizeof(LineScope);
	ctl.entrysize = sizeof(LineScope);
	ctl.hcxt = load_context;
	locked_scopes = hash_create("regionpolicy locked scopes", 16, &ctl,
								HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);

	memset(&ctl, 0, sizeof(ctl));
	ctl.keysize = SCOPE_TEXT_MAX;
	ctl.entrysize = sizeof(ProvinceLines);
	ctl.hcxt = load_context;
	province_lines = hash_create("regionpolicy province lines", 16, &ctl,
								 HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
}

/* a province as a key; false if it is too long to be one */
static bool
province_key(text *province, char *key)
{
	memset(key, 0, SCOPE_TEXT_MAX);
	if (province == NULL)
		return true;
	/* a NULL province is the empty key, which no code is */
	if (VARSIZE_ANY_EXHDR(province) >= SCOPE_TEXT_MAX || VARSIZE_ANY_EXHDR(province) == 0)
		return false;
	memcpy(key, VARDATA_ANY(province), VARSIZE_ANY_EXHDR(province));
	return true;
}

RpUnreferenced
rp_load_unreferenced(text *province)
{
	char		key[SCOPE_TEXT_MAX];
	ProvinceLines *p;

	if (province_lines == NULL || !province_key(province, key))
		return RP_UNREFERENCED_SOME;	/* (never skips a look) */
	p = hash_search(province_lines, key, HASH_FIND, NULL);
	return p == NULL ? RP_UNREFERENCED_UNKNOWN : p->state;
}

void
rp_load_set_unreferenced(text *province, RpUnreferenced state)
{
	char		key[SCOPE_TEXT_MAX];
	ProvinceLines *p;

	/* (no load under way: nothing is remembered, and nothing skipped) */
	if (province_lines == NULL || !province_key(province, key))
		return;
	p = hash_search(province_lines, key, HASH_ENTER, NULL);
	p->state = state;
}

PG_FUNCTION_INFO_V1(allocation_load_begin);
Datum
allocation_load_begin(PG_FUNCTION_ARGS)
{
	/*
	 * Lines still waiting (batch.c) are those of an INSERT into the view
	 * earlier in this same query (a statement with two): a (sub)transaction
	 * that aborts drops its own, so none of a failed statement is left.
	 */
	rp_batch_flush();
	rp_batch_end_statement();
	tally_inserted = 0;
	tally_replaced = 0;
	rows_seen = 0;
	load_state_reset();
	PG_RETURN_VOID();
}

int64
rp_load_row(void)
{
	return rows_seen + 1;
}

int64
rp_load_take_row(void)
{
	return ++rows_seen;
}

/* the row number (from 1) of the line the statement is at */
PG_FUNCTION_INFO_V1(allocation_load_row);
Datum
allocation_load_row(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(rp_load_row());
}

/*
 * The row number of this statement that wrote allocation `id`, or NULL if
 * none did (or no load is under way).
 */
bool
rp_load_written(int64 id, int64 *row)
{
	WrittenRow *w;

	if (written_rows == NULL)
		return false;
	w = hash_search(written_rows, &id, HASH_FIND, NULL);
	if (w == NULL)
		return false;
	*row = w->row;
	return true;
}

PG_FUNCTION_INFO_V1(allocation_load_written);
Datum
allocation_load_written(PG_FUNCTION_ARGS)
{
	int64		row;

	if (!rp_load_written(PG_GETARG_INT64(0), &row))
		PG_RETURN_NULL();
	PG_RETURN_INT64(row);
}

/*
 * Count one line (true if inserted, false if it replaced one) written as
 * allocation `id`, and remember which row of the statement wrote it.
 */
void
rp_load_count(bool inserted, int64 id)
{
	rp_load_count_row(inserted, id, rp_load_take_row());
}

void
rp_load_count_row(bool inserted, int64 id, int64 row)
{
	WrittenRow *w;
	bool		found;

	if (written_rows == NULL)
		load_state_reset();
	w = hash_search(written_rows, &id, HASH_ENTER, &found);
	w->row = row;
	if (inserted)
		tally_inserted++;
	else
		tally_replaced++;
}

PG_FUNCTION_INFO_V1(allocation_load_count);
Datum
allocation_load_count(PG_FUNCTION_ARGS)
{
	rp_load_count(PG_GETARG_BOOL(0), PG_GETARG_INT64(1));
	PG_RETURN_VOID();
}

bool
rp_load_scope_seen(text *province, int32 fiscal_year, text *phase, int32 program_id)
{
	LineScope	key;
	bool		found;

	memset(&key, 0, sizeof(key));
	key.fiscal_year = fiscal_year;
	key.program_id = program_id;
	if (VARSIZE_ANY_EXHDR(phase) >= SCOPE_TEXT_MAX)
		return false;
	memcpy(key.phase, VARDATA_ANY(phase), VARSIZE_ANY_EXHDR(phase));
	if (province != NULL)
	{
		/* a NULL province is the empty key, which no code is */
		if (VARSIZE_ANY_EXHDR(province) >= SCOPE_TEXT_MAX ||
			VARSIZE_ANY_EXHDR(province) == 0)
			return false;
		memcpy(key.province, VARDATA_ANY(province), VARSIZE_ANY_EXHDR(province));
	}
	if (locked_scopes == NULL)
		load_state_reset();
	hash_search(locked_scopes, &key, HASH_ENTER, &found);
	return found;
}

/*
 * True if this statement has already locked the scope; else remember it
 * and return false, so that the caller locks it now.
 */
PG_FUNCTION_INFO_V1(allocation_load_scope_seen);
Datum
allocation_load_scope_seen(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3))
		PG_RETURN_BOOL(false);
	PG_RETURN_BOOL(rp_load_scope_seen(PG_ARGISNULL(0) ? NULL : PG_GETARG_TEXT_PP(0), PG_GETARG_INT32(1),
									  PG_GETARG_TEXT_PP(2), PG_GETARG_INT32(3)));
}

PG_FUNCTION_INFO_V1(allocation_load_end);
Datum
allocation_load_end(PG_FUNCTION_ARGS)
{
	/* the statement's lines still waiting to be written (batch.c) */
	rp_batch_flush();
	rp_batch_end_statement();
	last_inserted = tally_inserted;
	last_replaced = tally_replaced;
	tally_inserted = tally_replaced = 0;
	rows_seen = 0;
	if (load_context != NULL)
		MemoryContextReset(load_context);
	written_rows = NULL;
	locked_scopes = NULL;
	province_lines = NULL;
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
				 errmsg_internal("%s", rp_message("allocation_load_summary must be called in a context that accepts a record", 0, NULL))));
	values[0] = Int64GetDatum(last_inserted);
	values[1] = Int64GetDatum(last_replaced);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(tupdesc), values, nulls)));
}

/*
 * load_allocations reports its counts here too, so that
 * allocation_load_summary() tells of the session's last load, whichever
 * way it came in.
 */
PG_FUNCTION_INFO_V1(allocation_load_record);
Datum
allocation_load_record(PG_FUNCTION_ARGS)
{
	last_inserted = PG_GETARG_INT64(0);
	last_replaced = PG_GETARG_INT64(1);
	PG_RETURN_VOID();
}
