/*-------------------------------------------------------------------------
 *
 * batch.c
 *	  allocation_entry's lines on Citus, written a batch at a time
 *	  (doc/regionpolicy.md, "Citus").  A line at a time sends the worker of
 *	  its province a statement or two a line (the look-up of an identical
 *	  line, the INSERT), and each costs Citus far more than the line costs
 *	  one server.  So there each line is still read, looked up, checked and
 *	  its scope locked as it comes (entry.c), and then waits here; up to
 *	  BATCH_LINES of them are written in a few statements: one look-up of
 *	  identical lines a province, one INSERT of them all, in their order
 *	  (ids follow the lines).
 *
 *	  A batch that could be refused is not written so: where two of its
 *	  lines are identical or the same line, where one is the same line as a
 *	  line an earlier batch of the statement wrote, where the look-up finds
 *	  an identical line there, or where a line's phase or money is one a
 *	  CHECK of allocation refuses, its lines are written one at a time, as
 *	  on one server (rp_entry_write), which refuses the first that must be
 *	  refused with the refusal a line at a time gives.  Nothing of the
 *	  batch has been written before that.
 *
 *	  The lines waiting are written when the statement ends (the view's
 *	  statement trigger, allocation_load_end), before a line of no single
 *	  province, and when another INSERT into the view in the same query
 *	  begins (allocation_load_begin).  A transaction or subtransaction that
 *	  aborts drops the lines it added, and a commit that found lines still
 *	  waiting would fail rather than lose them.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/xact.h"
#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "executor/spi.h"
#include "lib/stringinfo.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/hsearch.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

#include "entry.h"
#include "load.h"
#include "regionpolicy.h"

/*
 * Lines a batch: enough that a statement's cost is spread over many lines,
 * few enough that the INSERT's parameters (nine a line) stay far below
 * the protocol's 65,535.
 */
#define BATCH_LINES 2000

static MemoryContext batches;	/* every batch's context, the one waiting and one being written */
static MemoryContext batch_context;	/* the lines waiting, and nothing else */
static EntryWrite *waiting;
static int	nwaiting;
static SubTransactionId waiting_subid;	/* the oldest that added one */
static bool callbacks_registered;

/* the keys of the lines with a reference the statement's batches wrote */
static MemoryContext statement_context;
static HTAB *written_keys;

/* the probe of a province's lines for identical lines there, kept */
static SPIPlanPtr probe_plan;
static char *probe_schema;

typedef struct KeyEntry
{
	uint64		key;			/* hash key */
	int			index;			/* the batch's line */
	bool		referenced;		/* (identities) a line with a reference */
	bool		unreferenced;	/* (identities) a line without */
} KeyEntry;

/* the lines waiting, dropped */
static void
batch_drop(void)
{
	nwaiting = 0;
	waiting = NULL;
	if (batch_context != NULL)
		MemoryContextDelete(batch_context);
	batch_context = NULL;
}

static void
batch_xact_callback(XactEvent event, void *arg)
{
	switch (event)
	{
		case XACT_EVENT_PRE_COMMIT:
		case XACT_EVENT_PARALLEL_PRE_COMMIT:
		case XACT_EVENT_PRE_PREPARE:
			/* (cannot happen: entry.c batches lines only where that trigger fires) */
			if (nwaiting > 0)
			{
				int			n = nwaiting;

				batch_drop();
				elog(ERROR, "%d lines given to allocation_entry were not written: its statement trigger allocation_entry_tally_end did not run",
					 n);
			}
			break;
		case XACT_EVENT_ABORT:
		case XACT_EVENT_PARALLEL_ABORT:
		case XACT_EVENT_COMMIT:
		case XACT_EVENT_PARALLEL_COMMIT:
		case XACT_EVENT_PREPARE:
			/* (and what a batch that failed to be written left) */
			nwaiting = 0;
			waiting = NULL;
			batch_context = NULL;
			if (batches != NULL)
				MemoryContextReset(batches);
			rp_batch_end_statement();
			break;
		default:
			break;
	}
}

static void
batch_subxact_callback(SubXactEvent event, SubTransactionId mySubid,
					   SubTransactionId parentSubid, void *arg)
{
	/* (lines added in it or in a subtransaction it started) */
	if (event == SUBXACT_EVENT_ABORT_SUB && nwaiting > 0 && waiting_subid >= mySubid)
		batch_drop();
}

void
rp_batch_add(const EntryWrite *w)
{
	EntryWrite *c;
	MemoryContext old;

	if (!callbacks_registered)
	{
		RegisterXactCallback(batch_xact_callback, NULL);
		RegisterSubXactCallback(batch_subxact_callback, NULL);
		callbacks_registered = true;
	}
	if (batches == NULL)
		batches = AllocSetContextCreate(TopMemoryContext, "regionpolicy batches",
										ALLOCSET_SMALL_SIZES);
	if (batch_context == NULL)
		batch_context = AllocSetContextCreate(batches, "regionpolicy batch",
											  ALLOCSET_DEFAULT_SIZES);
	old = MemoryContextSwitchTo(batch_context);
	if (waiting == NULL)
	{
		waiting = palloc(sizeof(EntryWrite) * BATCH_LINES);
		waiting_subid = GetCurrentSubTransactionId();
	}
	else if (GetCurrentSubTransactionId() < waiting_subid)
		waiting_subid = GetCurrentSubTransactionId();
	c = &waiting[nwaiting];

	/* the line as given: what its description in a message reads */
	memset(&c->line, 0, sizeof(Line));
	for (int i = 0; i < N_COLUMNS; i++)
		c->line.isnull[i] = true;
	c->line.row = w->line.row;
	c->line.isnull[C_FISCAL_YEAR] = w->line.isnull[C_FISCAL_YEAR];
	c->line.value[C_FISCAL_YEAR] = w->line.value[C_FISCAL_YEAR];
	{
		static const int texts[3] = {C_PROGRAM, C_PROVINCE, C_REFERENCE};

		for (int i = 0; i < 3; i++)
		{
			int			col = texts[i];

			c->line.isnull[col] = w->line.isnull[col];
			if (!w->line.isnull[col])
				c->line.value[col] = PointerGetDatum(DatumGetTextPCopy(w->line.value[col]));
		}
	}
	c->program_id = w->program_id;
	c->fiscal_year = w->fiscal_year;
	c->province_code = w->province_code ? DatumGetTextPCopy(PointerGetDatum(w->province_code)) : NULL;
	c->municipality_code = w->municipality_code ? DatumGetTextPCopy(PointerGetDatum(w->municipality_code)) : NULL;
	c->amount = datumCopy(w->amount, false, sizeof(Funding));
	c->phase = DatumGetTextPCopy(PointerGetDatum(w->phase));
	c->note = w->note ? DatumGetTextPCopy(PointerGetDatum(w->note)) : NULL;
	c->reference = w->reference ? DatumGetTextPCopy(PointerGetDatum(w->reference)) : NULL;
	c->other = w->other;
	c->other_null = w->other_null;
	MemoryContextSwitchTo(old);

	/* the statement's own line without a reference, as if written */
	if (c->reference == NULL)
		rp_load_set_unreferenced(c->province_code, RP_UNREFERENCED_SOME);
	if (++nwaiting == BATCH_LINES)
		rp_batch_flush();
}

/* a text's bytes into a key, with their length */
static void
key_text(StringInfo key, const text *t)
{
	int32		len = t == NULL ? -1 : (int32) VARSIZE_ANY_EXHDR(t);

	appendBinaryStringInfo(key, (const char *) &len, sizeof(len));
	if (t != NULL)
		appendBinaryStringInfo(key, VARDATA_ANY(t), len);
}

/*
 * 64 bits of a line's identity (province, fiscal year, phase, programme,
 * 시·군·구, amount: what makes two lines identical) or, with its reference,
 * of its key (what makes it the same line).  Two keys alike by chance make
 * only a batch written a line at a time.
 */
static uint64
line_key(StringInfo key, const text *province, int32 year, const text *phase, int32 program,
		 const text *municipality, const Funding *amount, const text *reference)
{
	resetStringInfo(key);
	appendStringInfoChar(key, reference != NULL ? 'k' : 'i');
	key_text(key, province);
	appendBinaryStringInfo(key, (const char *) &year, sizeof(year));
	key_text(key, phase);
	appendBinaryStringInfo(key, (const char *) &program, sizeof(program));
	key_text(key, municipality);
	if (reference != NULL)
		key_text(key, reference);
	else
		appendBinaryStringInfo(key, (const char *) amount, sizeof(Funding));
	return hash_bytes_extended((const unsigned char *) key->data, key->len, 0x5250);
}

static uint64
write_key(StringInfo key, const EntryWrite *w)
{
	return line_key(key, w->province_code, w->fiscal_year, w->phase, w->program_id,
					w->municipality_code, (const Funding *) DatumGetPointer(w->amount), w->reference);
}

static uint64
identity_key(StringInfo key, const EntryWrite *w)
{
	return line_key(key, w->province_code, w->fiscal_year, w->phase, w->program_id,
					w->municipality_code, (const Funding *) DatumGetPointer(w->amount), NULL);
}

static HTAB *
key_table(const char *name, long size, MemoryContext cxt)
{
	HASHCTL		ctl;

	memset(&ctl, 0, sizeof(ctl));
	ctl.keysize = sizeof(uint64);
	ctl.entrysize = sizeof(KeyEntry);
	ctl.hcxt = cxt;
	return hash_create(name, size, &ctl, HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
}

static bool
text_is(const text *t, const char *s)
{
	size_t		len = strlen(s);

	return VARSIZE_ANY_EXHDR(t) == len && memcmp(VARDATA_ANY(t), s, len) == 0;
}

/*
 * Would the batch's own lines, or a CHECK of allocation, refuse one of
 * them?  (The rules of allocation's CHECKs that entry.c has not applied
 * already: the phase, and plans and budgets not negative, by the
 * functions those CHECKs call.)
 */
static bool
batch_refusable(EntryWrite *lines, int n, HTAB *keys, StringInfo key)
{
	HTAB	   *identities = key_table("regionpolicy batch identities", n, CurrentMemoryContext);

	for (int i = 0; i < n; i++)
	{
		EntryWrite *w = &lines[i];
		KeyEntry   *e;
		bool		found;

		if (!text_is(w->phase, "planned") && !text_is(w->phase, "approved") &&
			!text_is(w->phase, "adjusted") && !text_is(w->phase, "executed"))
			return true;
		if (w->other_null ||
			!rp_budget_not_negative(w->phase, (const Funding *) DatumGetPointer(w->amount)) ||
			!rp_other_not_negative(w->phase, w->other))
			return true;

		/* the same line twice: in the batch, or in an earlier one */
		e = hash_search(keys, &(uint64) {write_key(key, w)}, HASH_ENTER, &found);
		if (found)
			return true;
		e->index = i;
		if (w->reference != NULL && written_keys != NULL &&
			hash_search(written_keys, &e->key, HASH_FIND, NULL) != NULL)
			return true;

		/* two identical lines of which one has no reference */
		e = hash_search(identities, &(uint64) {identity_key(key, w)}, HASH_ENTER, &found);
		if (!found)
			e->referenced = e->unreferenced = false;
		if (w->reference == NULL ? (e->referenced || e->unreferenced) : e->unreferenced)
			return true;
		if (w->reference == NULL)
			e->unreferenced = true;
		else
			e->referenced = true;
	}
	return false;
}

static void
probe_prepare(void)
{
	const char *n = rp_entry_schema();
	Oid			fund = rp_entry_funding_type();
	Oid			types[7] = {INT4ARRAYOID, TEXTARRAYOID, INT4ARRAYOID, get_array_type(fund), TEXTARRAYOID,
							BOOLARRAYOID, TEXTOID};
	const char *lines = "ROWS FROM (pg_catalog.unnest($1), pg_catalog.unnest($2), pg_catalog.unnest($3), pg_catalog.unnest($4),"
		" pg_catalog.unnest($5), pg_catalog.unnest($6)) AS u(fiscal_year, phase, program_id, amount, municipality_code, referenced)";
	const char *match = "a.province_code OPERATOR(pg_catalog.=) $7"
		" AND a.fiscal_year OPERATOR(pg_catalog.=) u.fiscal_year AND a.phase OPERATOR(pg_catalog.=) u.phase"
		" AND a.program_id OPERATOR(pg_catalog.=) u.program_id AND a.amount OPERATOR(%s.=) u.amount"
		" AND coalesce(a.municipality_code, '') OPERATOR(pg_catalog.=) coalesce(u.municipality_code, '')";
	char	   *m = psprintf(match, n);
	SPIPlanPtr	p;

	if (probe_plan != NULL && probe_schema != NULL && strcmp(probe_schema, n) == 0)
		return;
	if (probe_plan != NULL)
		SPI_freeplan(probe_plan);
	probe_plan = NULL;

	/*
	 * Each line's identical line without a reference by
	 * allocation_unreferenced_line_key, and that of a line without a
	 * reference with one by allocation_line_hash_idx, a probe a line
	 * (LATERAL … LIMIT 1); all of it on the shard of the province ($7).
	 */
	p = SPI_prepare(psprintf("SELECT 1 FROM %s CROSS JOIN LATERAL"
							 " (SELECT 1 FROM %s.allocation a WHERE a.reference IS NULL AND %s LIMIT 1) t"
							 " UNION ALL "
							 "SELECT 1 FROM %s CROSS JOIN LATERAL"
							 " (SELECT 1 FROM %s.allocation a WHERE a.reference IS NOT NULL"
							 "  AND %s.line_hash(a.province_code, a.fiscal_year, a.phase, a.program_id, a.amount)"
							 "   OPERATOR(pg_catalog.=) %s.line_hash($7, u.fiscal_year, u.phase, u.program_id, u.amount)"
							 "  AND %s LIMIT 1) t WHERE NOT u.referenced"
							 " LIMIT 1",
							 lines, n, m, lines, n, n, n, m),
					7, types);
	if (p == NULL)
		elog(ERROR, "SPI_prepare failed: %s", SPI_result_code_string(SPI_result));
	SPI_keepplan(p);
	probe_plan = p;
	if (probe_schema != NULL)
		pfree(probe_schema);
	probe_schema = MemoryContextStrdup(TopMemoryContext, n);
}

/*
 * Does allocation hold a line identical to one of the batch's, where one
 * of the two has no reference?  One statement a province, of the lines
 * that must look: those without a reference, and those with one where the
 * province has lines without.
 */
static bool
batch_identical_there(EntryWrite *lines, int n)
{
	bool	   *done = palloc0(sizeof(bool) * n);
	Datum	   *years = palloc(sizeof(Datum) * n);
	Datum	   *phases = palloc(sizeof(Datum) * n);
	Datum	   *programs = palloc(sizeof(Datum) * n);
	Datum	   *amounts = palloc(sizeof(Datum) * n);
	Datum	   *municipalities = palloc(sizeof(Datum) * n);
	bool	   *municipality_nulls = palloc(sizeof(bool) * n);
	Datum	   *referenced = palloc(sizeof(Datum) * n);
	Oid			fund = rp_entry_funding_type();
	int16		fund_len;
	bool		fund_byval;
	char		fund_align;

	get_typlenbyvalalign(fund, &fund_len, &fund_byval, &fund_align);
	probe_prepare();
	for (int i = 0; i < n; i++)
	{
		text	   *province = lines[i].province_code;
		bool		look_referenced;
		int			k = 0;

		if (done[i])
			continue;
		look_referenced = rp_load_unreferenced(province) != RP_UNREFERENCED_NONE;
		for (int j = i; j < n; j++)
		{
			EntryWrite *w = &lines[j];

			if (done[j] || VARSIZE_ANY_EXHDR(w->province_code) != VARSIZE_ANY_EXHDR(province) ||
				memcmp(VARDATA_ANY(w->province_code), VARDATA_ANY(province), VARSIZE_ANY_EXHDR(province)) != 0)
				continue;
			done[j] = true;
			if (w->reference != NULL && !look_referenced)
				continue;
			years[k] = Int32GetDatum(w->fiscal_year);
			phases[k] = PointerGetDatum(w->phase);
			programs[k] = Int32GetDatum(w->program_id);
			amounts[k] = w->amount;
			municipalities[k] = PointerGetDatum(w->municipality_code);
			municipality_nulls[k] = w->municipality_code == NULL;
			referenced[k] = BoolGetDatum(w->reference != NULL);
			k++;
		}
		if (k > 0)
		{
			int			dims[1] = {k};
			int			lbs[1] = {1};
			Datum		v[7];
			int			rc;

			v[0] = PointerGetDatum(construct_array(years, k, INT4OID, 4, true, TYPALIGN_INT));
			v[1] = PointerGetDatum(construct_array(phases, k, TEXTOID, -1, false, TYPALIGN_INT));
			v[2] = PointerGetDatum(construct_array(programs, k, INT4OID, 4, true, TYPALIGN_INT));
			v[3] = PointerGetDatum(construct_array(amounts, k, fund, fund_len, fund_byval, fund_align));
			v[4] = PointerGetDatum(construct_md_array(municipalities, municipality_nulls, 1, dims, lbs,
													  TEXTOID, -1, false, TYPALIGN_INT));
			v[5] = PointerGetDatum(construct_array(referenced, k, BOOLOID, 1, true, TYPALIGN_CHAR));
			v[6] = PointerGetDatum(province);
			rc = SPI_execute_plan(probe_plan, v, NULL, false, 1);
			if (rc < 0)
				elog(ERROR, "SPI_execute_plan failed: %s", SPI_result_code_string(rc));
			if (SPI_processed > 0)
				return true;
		}
	}
	return false;
}

/*
 * The batch in one INSERT, in the order of its lines; each line then
 * counted by its row, found again among the rows returned (Citus returns
 * them a shard at a time) by its key.
 */
static void
batch_insert(EntryWrite *lines, int n, HTAB *keys, StringInfo key)
{
	StringInfoData sql;
	int			nargs = 9 * n;
	Oid		   *types = palloc(sizeof(Oid) * nargs);
	Datum	   *values = palloc(sizeof(Datum) * nargs);
	char	   *nulls = palloc(sizeof(char) * nargs);
	int64	   *ids = palloc(sizeof(int64) * n);
	bool	   *inserted = palloc(sizeof(bool) * n);
	bool	   *returned = palloc0(sizeof(bool) * n);
	Oid			fund = rp_entry_funding_type();
	int			rc;

	initStringInfo(&sql);
	appendStringInfo(&sql, "INSERT INTO %s.allocation AS a (program_id, province_code, fiscal_year, amount, phase,"
					 " note, reference, municipality_code, other) VALUES ", rp_entry_schema());
	for (int i = 0; i < n; i++)
	{
		EntryWrite *w = &lines[i];
		int			p = 9 * i;
		Oid			t[9] = {INT4OID, TEXTOID, INT4OID, fund, TEXTOID, TEXTOID, TEXTOID, TEXTOID, INT8OID};
		Datum		v[9] = {Int32GetDatum(w->program_id), PointerGetDatum(w->province_code),
							Int32GetDatum(w->fiscal_year), w->amount, PointerGetDatum(w->phase),
							PointerGetDatum(w->note), PointerGetDatum(w->reference),
							PointerGetDatum(w->municipality_code), Int64GetDatum(w->other)};
		bool		isnull[9] = {false, false, false, false, false, w->note == NULL, w->reference == NULL,
								 w->municipality_code == NULL, false};

		appendStringInfo(&sql, "%s($%d, $%d, $%d, $%d, $%d, $%d, $%d, $%d, $%d)", i > 0 ? ", " : "",
						 p + 1, p + 2, p + 3, p + 4, p + 5, p + 6, p + 7, p + 8, p + 9);
		for (int c = 0; c < 9; c++)
		{
			types[p + c] = t[c];
			values[p + c] = v[c];
			nulls[p + c] = isnull[c] ? 'n' : ' ';
		}
	}
	/* a line with a reference replaces what was loaded under it before */
	appendStringInfoString(&sql,
						   " ON CONFLICT (reference, province_code, fiscal_year, phase, program_id, (coalesce(municipality_code, '')))"
						   "   WHERE reference IS NOT NULL AND province_code IS NOT NULL"
						   " DO UPDATE SET amount = EXCLUDED.amount, note = EXCLUDED.note, other = EXCLUDED.other"
						   " RETURNING a.id, a.xmax OPERATOR(pg_catalog.=) 0, a.province_code, a.fiscal_year, a.phase,"
						   "  a.program_id, a.municipality_code, a.amount, a.reference");
	rc = SPI_execute_with_args(sql.data, nargs, types, values, nulls, false, 0);
	if (rc < 0)
		elog(ERROR, "SPI_execute_with_args failed: %s", SPI_result_code_string(rc));
	if (SPI_processed != (uint64) n)
		elog(ERROR, "allocation_entry_insert: the INSERT into allocation of %d lines wrote %llu (does a BEFORE INSERT trigger on allocation skip some?)",
			 n, (unsigned long long) SPI_processed);
	for (uint64 r = 0; r < SPI_processed; r++)
	{
		HeapTuple	t = SPI_tuptable->vals[r];
		TupleDesc	d = SPI_tuptable->tupdesc;
		bool		isnull[9];
		Datum		v[9];
		KeyEntry   *e;
		uint64		k;

		for (int c = 0; c < 9; c++)
			v[c] = SPI_getbinval(t, d, c + 1, &isnull[c]);
		k = line_key(key, isnull[2] ? NULL : DatumGetTextPP(v[2]), DatumGetInt32(v[3]), DatumGetTextPP(v[4]),
					 DatumGetInt32(v[5]), isnull[6] ? NULL : DatumGetTextPP(v[6]),
					 (const Funding *) DatumGetPointer(v[7]), isnull[8] ? NULL : DatumGetTextPP(v[8]));
		e = hash_search(keys, &k, HASH_FIND, NULL);
		if (e == NULL || returned[e->index])
			elog(ERROR, "allocation_entry_insert: a row the INSERT into allocation returned is none of the lines written");
		returned[e->index] = true;
		ids[e->index] = DatumGetInt64(v[0]);
		inserted[e->index] = DatumGetBool(v[1]);
	}

	for (int i = 0; i < n; i++)
	{
		int64		twin_row;

		/* (an earlier batch's same line is written a line at a time) */
		if (!inserted[i] && rp_load_written(ids[i], &twin_row))
			elog(ERROR, "allocation_entry_insert: row " INT64_FORMAT " replaced row " INT64_FORMAT " of the same statement",
				 lines[i].line.row, twin_row);
		rp_load_count_row(inserted[i], ids[i], lines[i].line.row);
	}
}

/* remember the keys of the lines with a reference the statement wrote */
static void
keys_written(EntryWrite *lines, int n, StringInfo key)
{
	if (written_keys == NULL)
	{
		if (statement_context == NULL)
			statement_context = AllocSetContextCreate(TopMemoryContext, "regionpolicy batch statement",
													  ALLOCSET_DEFAULT_SIZES);
		written_keys = key_table("regionpolicy written keys", 1024, statement_context);
	}
	for (int i = 0; i < n; i++)
		if (lines[i].reference != NULL)
			hash_search(written_keys, &(uint64) {write_key(key, &lines[i])}, HASH_ENTER, NULL);
}

void
rp_batch_flush(void)
{
	MemoryContext batch;
	MemoryContext old;
	EntryWrite *lines = waiting;
	int			n = nwaiting;
	HTAB	   *keys;
	StringInfoData key;

	if (n == 0)
		return;
	/*
	 * The batch's lines, taken: lines added while it is written (by a
	 * trigger on allocation that loads lines, say) wait in a context of
	 * their own.
	 */
	batch = batch_context;
	batch_context = NULL;
	waiting = NULL;
	nwaiting = 0;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	old = MemoryContextSwitchTo(batch);
	initStringInfo(&key);
	keys = key_table("regionpolicy batch keys", n, batch);
	if (batch_refusable(lines, n, keys, &key) || batch_identical_there(lines, n))
	{
		/* written as on one server: the first refusal a line at a time */
		for (int i = 0; i < n; i++)
			rp_entry_write(&lines[i]);
	}
	else
		batch_insert(lines, n, keys, &key);
	keys_written(lines, n, &key);
	MemoryContextSwitchTo(old);
	SPI_finish();
	MemoryContextDelete(batch);
}

void
rp_batch_end_statement(void)
{
	written_keys = NULL;
	if (statement_context != NULL)
		MemoryContextReset(statement_context);
}
