/*-------------------------------------------------------------------------
 *
 * entry.c
 *	  allocation_entry's row trigger (doc/regionpolicy.md, "Loading"): a
 *	  line given by names, resolved and written into allocation.
 *
 *	  What a line at a time costs is what each line does, so a line does
 *	  here what a careful table's INSERT does, and the rest once:
 *
 *	  - the programme and the region a line names are looked up once per
 *		statement (a file names few), by the SQL functions that look them
 *		up and refuse (entry_program, entry_region); what they answered is
 *		kept for the rest of the statement;
 *	  - the amount is read by the type's input function; only what a load
 *		must refuse or read otherwise (a bare number, numbers in a unit,
 *		text the type refuses) goes to entry_amount, which reads or
 *		refuses it;
 *	  - the line's scope is locked once per statement (load.c);
 *	  - one statement finds an identical line (a probe of
 *		allocation_unreferenced_line_key or its national twin, and for a
 *		line without a reference one of allocation_line_hash_idx too), and
 *		one INSERT writes it, each a plan kept for the session; a line with
 *		a reference skips the first where its province has no line without
 *		one (looked at once a statement and scope, load.c);
 *	  - on Citus, where each of those statements goes to a worker, the
 *		lines wait and are written a batch at a time (batch.c).
 *
 *	  Every refusal is raised by the SQL function that has always raised it
 *	  (the line's description, entry_row_text, is built only then), so the
 *	  messages, their order and their SQLSTATEs are those of the SQL path.
 *	  Every query names its objects with the extension's schema and its
 *	  operators with pg_catalog's, whatever the session's search_path.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_collation.h"
#include "catalog/pg_namespace.h"
#include "catalog/pg_trigger.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "common/hashfn.h"
#include "executor/spi.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/hsearch.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#if PG_VERSION_NUM >= 160000
#include "nodes/miscnodes.h"
#endif

#include "entry.h"
#include "load.h"
#include "regionpolicy.h"

static const char *const column_names[N_COLUMNS] = {
	"program", "province", "fiscal_year", "phase", "amount", "national", "local",
	"unit", "reference", "note", "municipality", "as_of", "other"
};

/*
 * The statements the trigger runs, kept for the session, each with its
 * generic plan: planned once, not once a line (plans_generic).
 */
enum
{
	Q_ROW_TEXT, Q_PROGRAM, Q_REGION, Q_AMOUNT, Q_OTHER, Q_BOUNDED, Q_PLAIN,
	Q_SCOPE, Q_UNREFERENCED, Q_UNREFERENCED_NATIONAL,
	Q_TWIN, Q_TWIN_NATIONAL, Q_TWIN_ANY, Q_TWIN_ANY_NATIONAL,
	Q_IDENTICAL, Q_SAME_LINE, Q_INSERT,
	Q_INSERT_REFERENCED, Q_INSERT_REFERENCED_NATIONAL, N_QUERIES
};

typedef struct EntryPlans
{
	Oid			trigger_fn;		/* the function they were made for */
	bool		generic;		/* planned once (not on Citus) */
	Oid			funding_type;
	char	   *schema;			/* the extension's, quoted */
	SPIPlanPtr	plan[N_QUERIES];
} EntryPlans;

static EntryPlans session_plans;

/* what one statement keeps: the columns, and the look-ups made */
typedef struct EntryState
{
	Oid			relid;
	int			attnum[N_COLUMNS];
	Oid			funding_input;
	Oid			funding_ioparam;
	FmgrInfo	funding_in;
	FmgrInfo	reference_trim;
	HTAB	   *programs;
	HTAB	   *regions;
	MemoryContext cxt;
	bool		batch;			/* lines wait in batch.c (on Citus) */
} EntryState;

/* a look-up's arguments as bytes, the hash key of what it answered */
typedef struct LookupKey
{
	uint32		len;
	char	   *bytes;
} LookupKey;

typedef struct ProgramEntry
{
	LookupKey	key;
	int32		program_id;
} ProgramEntry;

typedef struct RegionEntry
{
	LookupKey	key;
	text	   *province_code;	/* NULL: a line of no single province */
	text	   *municipality_code;	/* NULL: none */
} RegionEntry;

static uint32
lookup_hash(const void *key, Size keysize)
{
	const LookupKey *k = (const LookupKey *) key;

	return hash_bytes((const unsigned char *) k->bytes, (int) k->len);
}

static int
lookup_match(const void *key1, const void *key2, Size keysize)
{
	const LookupKey *a = (const LookupKey *) key1;
	const LookupKey *b = (const LookupKey *) key2;

	return a->len == b->len && memcmp(a->bytes, b->bytes, a->len) == 0 ? 0 : 1;
}

static HTAB *
lookup_table(const char *name, Size entrysize, MemoryContext cxt)
{
	HASHCTL		ctl;

	memset(&ctl, 0, sizeof(ctl));
	ctl.keysize = sizeof(LookupKey);
	ctl.entrysize = entrysize;
	ctl.hash = lookup_hash;
	ctl.match = lookup_match;
	ctl.hcxt = cxt;
	return hash_create(name, 64, &ctl, HASH_ELEM | HASH_FUNCTION | HASH_COMPARE | HASH_CONTEXT);
}

/* the memo's entry for the look-up whose arguments are key, or NULL */
static void *
memo_find(HTAB *memo, StringInfo key)
{
	LookupKey	k;

	k.len = key->len;
	k.bytes = key->data;
	return hash_search(memo, &k, HASH_FIND, NULL);
}

/* a new entry for key, its bytes kept in cxt */
static void *
memo_enter(HTAB *memo, StringInfo key, MemoryContext cxt)
{
	LookupKey	k;
	bool		found;

	k.len = key->len;
	k.bytes = MemoryContextAlloc(cxt, key->len);
	memcpy(k.bytes, key->data, key->len);
	return hash_search(memo, &k, HASH_ENTER, &found);
}

/* append a value to a key: a null flag, then its length and bytes */
static void
key_add(StringInfo key, Datum value, bool isnull, bool is_text)
{
	appendStringInfoChar(key, isnull ? 'n' : 'v');
	if (isnull)
		return;
	if (is_text)
	{
		text	   *t = DatumGetTextPP(value);
		uint32		len = VARSIZE_ANY_EXHDR(t);

		appendBinaryStringInfo(key, (const char *) &len, sizeof(len));
		appendBinaryStringInfo(key, VARDATA_ANY(t), len);
	}
	else
	{
		int32		v = DatumGetInt32(value);	/* integer or date */

		appendBinaryStringInfo(key, (const char *) &v, sizeof(v));
	}
}

/*
 * On a Citus node the plans are left to Citus, which plans a distributed
 * query for its parameters' values (it refuses a generic plan of one).
 */
static bool
plans_generic(void)
{
	return !OidIsValid(get_relname_relid("pg_dist_partition", PG_CATALOG_NAMESPACE));
}

static void
plans_make(Oid trigger_fn, bool generic)
{
	char	   *nsp = get_namespace_name(get_func_namespace(trigger_fn));
	const char *n;
	Oid			fund;
	Oid			text_args[7] = {TEXTOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID};
	Oid			args[9];
	const char *twin_match =
		"  AND a.fiscal_year OPERATOR(pg_catalog.=) $2 AND a.phase OPERATOR(pg_catalog.=) $3"
		"  AND a.program_id OPERATOR(pg_catalog.=) $4 AND a.amount OPERATOR(%s.=) $5"
		"  AND coalesce(a.municipality_code, '') OPERATOR(pg_catalog.=) coalesce($6, '')";
	const char *columns = "program_id, province_code, fiscal_year, amount, phase, note, reference, municipality_code, other";
	const char *set = "DO UPDATE SET amount = EXCLUDED.amount, note = EXCLUDED.note, other = EXCLUDED.other"
		" RETURNING a.id, a.xmax OPERATOR(pg_catalog.=) 0";
	SPIPlanPtr *plan = session_plans.plan;

	if (nsp == NULL)
		elog(ERROR, "cache lookup failed for the namespace of function %u", trigger_fn);
	n = quote_identifier(nsp);
	{
		Oid			argtypes[5] = {TEXTOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID};

		fund = get_func_rettype(rp_sibling_function(trigger_fn, "entry_amount", 5, argtypes));
	}

	for (int i = 0; i < N_QUERIES; i++)
		if (plan[i] != NULL)
		{
			SPI_freeplan(plan[i]);
			plan[i] = NULL;
		}
	session_plans.trigger_fn = InvalidOid;

#define PREPARE(q, nargs, types, ...) \
	do { \
		SPIPlanPtr	p_ = SPI_prepare_cursor(psprintf(__VA_ARGS__), (nargs), (types), \
											generic ? CURSOR_OPT_GENERIC_PLAN : 0); \
		if (p_ == NULL) \
			elog(ERROR, "SPI_prepare failed: %s", SPI_result_code_string(SPI_result)); \
		SPI_keepplan(p_); \
		plan[q] = p_; \
	} while (0)

	args[0] = INT8OID; args[1] = TEXTOID; args[2] = TEXTOID; args[3] = INT4OID; args[4] = TEXTOID;
	PREPARE(Q_ROW_TEXT, 5, args, "SELECT %s.entry_row_text($1, $2, $3, $4, $5)", n);
	args[0] = TEXTOID; args[1] = INT4OID; args[2] = TEXTOID;
	PREPARE(Q_PROGRAM, 3, args, "SELECT %s.entry_program($1, $2, $3)", n);
	args[0] = TEXTOID; args[1] = TEXTOID; args[2] = INT4OID; args[3] = DATEOID; args[4] = TEXTOID;
	PREPARE(Q_REGION, 5, args, "SELECT r.province_code, r.municipality_code FROM %s.entry_region($1, $2, $3, $4, $5) r", n);
	PREPARE(Q_AMOUNT, 5, text_args, "SELECT %s.entry_amount($1, $2, $3, $4, $5)", n);
	PREPARE(Q_OTHER, 3, text_args, "SELECT %s.entry_other($1, $2, $3)", n);
	PREPARE(Q_BOUNDED, 3, text_args, "SELECT %s.entry_bounded($1, $2, $3)", n);
	PREPARE(Q_PLAIN, 3, text_args, "SELECT %s.entry_plain($1, $2, $3)", n);
	args[0] = TEXTOID; args[1] = INT4OID; args[2] = TEXTOID; args[3] = INT4OID;
	PREPARE(Q_SCOPE, 4, args, "SELECT %s.allocation_scope_lock($1, $2, $3, $4)", n);

	/*
	 * Whether there are lines without a reference at all (of a province,
	 * or of none): the first entry of allocation_unreferenced_line_key or
	 * its national twin, which lead with the amount (ORDER BY it leaves
	 * the planner no cheaper plan than that entry, however the table
	 * grows after the plan is made).  On Citus, lines of the province
	 * ($1): its one shard.
	 */
	args[0] = TEXTOID;
	if (generic)
		PREPARE(Q_UNREFERENCED, 1, args,
				"SELECT 1 FROM %s.allocation a WHERE a.reference IS NULL AND a.province_code IS NOT NULL"
				" AND $1 IS NOT NULL ORDER BY a.amount LIMIT 1", n);
	else
		PREPARE(Q_UNREFERENCED, 1, args,
				"SELECT 1 FROM %s.allocation a WHERE a.reference IS NULL"
				" AND a.province_code OPERATOR(pg_catalog.=) $1 LIMIT 1", n);
	PREPARE(Q_UNREFERENCED_NATIONAL, 1, args,
			"SELECT 1 FROM %s.allocation a WHERE a.reference IS NULL AND a.province_code IS NULL"
			" AND $1 IS NULL ORDER BY a.amount LIMIT 1", n);

	/*
	 * The identical line: the province compared by = where there is one,
	 * which on Citus reads the one shard of its province (IS NOT DISTINCT
	 * FROM would read every shard).  A line there without a reference is
	 * found by allocation_unreferenced_line_key (or its national twin), a
	 * line with one by allocation_line_hash_idx, which holds only those:
	 * a line with a reference looks for the first kind, a line without
	 * for both, the one without a reference first.
	 */
	args[0] = TEXTOID; args[1] = INT4OID; args[2] = TEXTOID; args[3] = INT4OID; args[4] = fund;
	args[5] = TEXTOID; args[6] = TEXTOID;
	twin_match = psprintf(twin_match, n);
	for (int national = 0; national <= 1; national++)
	{
		const char *province = national ? "a.province_code IS NULL" :
			"a.province_code IS NOT NULL AND a.province_code OPERATOR(pg_catalog.=) $1";
		char	   *unreferenced = psprintf("SELECT a.id, a.reference FROM %s.allocation a"
											" WHERE a.reference IS NULL AND %s%s",
											n, province, twin_match);
		/*
		 * (of no province: NULL given as $1, which leaves the planner no
		 * proof for allocation_national_line_key, whose scan for a line's
		 * year, phase and programme reads all of it, and a plan kept for
		 * the session made while it was small would go on doing so)
		 */
		char	   *referenced = psprintf("SELECT a.id, a.reference FROM %s.allocation a"
										  " WHERE a.reference IS NOT NULL"
										  "  AND %s.line_hash(a.province_code, a.fiscal_year, a.phase, a.program_id, a.amount)"
										  "   OPERATOR(pg_catalog.=) %s.line_hash($1, $2, $3, $4, $5)"
										  "  AND %s%s",
										  n, n, n, national ? "a.province_code IS NOT DISTINCT FROM $1" : province,
										  twin_match);

		/* ($7, the line's reference, is not read: it chose the statement) */
		PREPARE(national ? Q_TWIN_NATIONAL : Q_TWIN, 7, args, "%s LIMIT 1", unreferenced);
		PREPARE(national ? Q_TWIN_ANY_NATIONAL : Q_TWIN_ANY, 7, args,
				"SELECT t.id, t.reference FROM (%s UNION ALL %s) t"
				" ORDER BY t.reference NULLS FIRST LIMIT 1",
				unreferenced, referenced);
	}
	args[0] = INT8OID; args[1] = TEXTOID; args[2] = INT8OID; args[3] = INT8OID; args[4] = TEXTOID;
	args[5] = TEXTOID; args[6] = fund; args[7] = TEXTOID;
	PREPARE(Q_IDENTICAL, 8, args, "SELECT %s.entry_identical_line($1, $2, $3, $4, $5, $6, $7, $8)", n);
	args[0] = INT8OID; args[1] = INT8OID; args[2] = TEXTOID;
	PREPARE(Q_SAME_LINE, 3, args, "SELECT %s.entry_same_line($1, $2, $3)", n);

	/* the line: $1 programme … $9 other money, in the order of columns */
	args[0] = INT4OID; args[1] = TEXTOID; args[2] = INT4OID; args[3] = fund; args[4] = TEXTOID;
	args[5] = TEXTOID; args[6] = TEXTOID; args[7] = TEXTOID; args[8] = INT8OID;
	PREPARE(Q_INSERT, 9, args,
			"INSERT INTO %s.allocation AS a (%s) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
			" RETURNING a.id, true", n, columns);
	/* a line with a reference replaces what was loaded under it before */
	PREPARE(Q_INSERT_REFERENCED, 9, args,
			"INSERT INTO %s.allocation AS a (%s) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
			" ON CONFLICT (reference, province_code, fiscal_year, phase, program_id, (coalesce(municipality_code, '')))"
			"   WHERE reference IS NOT NULL AND province_code IS NOT NULL %s", n, columns, set);
	PREPARE(Q_INSERT_REFERENCED_NATIONAL, 9, args,
			"INSERT INTO %s.allocation AS a (%s) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
			" ON CONFLICT (reference, fiscal_year, phase, program_id)"
			"   WHERE reference IS NOT NULL AND province_code IS NULL %s", n, columns, set);
#undef PREPARE

	session_plans.funding_type = fund;
	if (session_plans.schema != NULL)
		pfree(session_plans.schema);
	session_plans.schema = MemoryContextStrdup(TopMemoryContext, n);
	session_plans.generic = generic;
	session_plans.trigger_fn = trigger_fn;
}

/*
 * Do the statement's lines wait to be written a batch at a time
 * (batch.c)?  On Citus, where a line at a time sends its worker a
 * statement or two a line, and only where the statement trigger that
 * writes what waits at the statement's end (allocation_entry_tally, after
 * INSERT) fires in this session.
 */
static bool
batch_lines(Oid trigger_fn, Relation rel)
{
	TriggerDesc *td = rel->trigdesc;
	Oid			tally;

	if (session_plans.generic || td == NULL || SessionReplicationRole == SESSION_REPLICATION_ROLE_REPLICA)
		return false;
	tally = rp_sibling_function(trigger_fn, "allocation_entry_tally", 0, NULL);
	for (int i = 0; i < td->numtriggers; i++)
	{
		Trigger    *t = &td->triggers[i];

		if (t->tgfoid == tally && TRIGGER_FOR_AFTER(t->tgtype) && !TRIGGER_FOR_ROW(t->tgtype) &&
			TRIGGER_FOR_INSERT(t->tgtype) && t->tgqual == NULL &&
			(t->tgenabled == TRIGGER_FIRES_ON_ORIGIN || t->tgenabled == TRIGGER_FIRES_ALWAYS))
			return true;
	}
	return false;
}

static EntryState *
state_make(FunctionCallInfo fcinfo, TriggerData *trigdata)
{
	MemoryContext cxt = fcinfo->flinfo->fn_mcxt;
	TupleDesc	desc = RelationGetDescr(trigdata->tg_relation);
	EntryState *state = MemoryContextAllocZero(cxt, sizeof(EntryState));
	Oid			argtype = TEXTOID;

	state->relid = RelationGetRelid(trigdata->tg_relation);
	for (int c = 0; c < N_COLUMNS; c++)
	{
		state->attnum[c] = SPI_fnumber(desc, column_names[c]);
		if (state->attnum[c] <= 0)
			elog(ERROR, "allocation_entry_insert: relation \"%s\" has no column \"%s\"",
				 RelationGetRelationName(trigdata->tg_relation), column_names[c]);
	}
	getTypeInputInfo(session_plans.funding_type, &state->funding_input, &state->funding_ioparam);
	fmgr_info_cxt(state->funding_input, &state->funding_in, cxt);
	fmgr_info_cxt(rp_sibling_function(fcinfo->flinfo->fn_oid, "reference_trim", 1, &argtype),
				  &state->reference_trim, cxt);
	state->cxt = cxt;
	state->batch = batch_lines(fcinfo->flinfo->fn_oid, trigdata->tg_relation);
	state->programs = lookup_table("regionpolicy entry programmes", sizeof(ProgramEntry), cxt);
	state->regions = lookup_table("regionpolicy entry regions", sizeof(RegionEntry), cxt);
	return state;
}

/* run a kept statement; its first row, or NULL when it returned none */
static HeapTuple
run(int q, Datum *values, const bool *isnull, int nargs)
{
	char		nulls[9];
	int			rc;

	Assert(nargs <= (int) sizeof(nulls));
	for (int i = 0; i < nargs; i++)
		nulls[i] = isnull[i] ? 'n' : ' ';
	rc = SPI_execute_plan(session_plans.plan[q], values, nulls, false, 1);
	if (rc < 0)
		elog(ERROR, "SPI_execute_plan failed: %s", SPI_result_code_string(rc));
	if (SPI_tuptable == NULL || SPI_processed == 0)
		return NULL;
	return SPI_tuptable->vals[0];
}

static Datum
column(HeapTuple tuple, int n, bool *isnull)
{
	return SPI_getbinval(tuple, SPI_tuptable->tupdesc, n, isnull);
}

/* the line as messages describe it: "row 3: program '…', province '…', …" */
static Datum
row_text(Line *line)
{
	if (!line->has_row_text)
	{
		Datum		v[5] = {Int64GetDatum(line->row), line->value[C_PROGRAM], line->value[C_PROVINCE],
							line->value[C_FISCAL_YEAR], line->value[C_REFERENCE]};
		bool		n[5] = {false, line->isnull[C_PROGRAM], line->isnull[C_PROVINCE],
							line->isnull[C_FISCAL_YEAR], line->isnull[C_REFERENCE]};
		HeapTuple	t = run(Q_ROW_TEXT, v, n, 5);
		bool		isnull;

		line->row_text = SPI_datumTransfer(column(t, 1, &isnull), false, -1);
		line->has_row_text = true;
	}
	return line->row_text;
}

/* a refusal: the SQL function `q` given a value, what it is, and the line */
static void
check_with(int q, Datum value, bool isnull, const char *what, Line *line)
{
	Datum		v[3] = {value, CStringGetTextDatum(what), row_text(line)};
	bool		n[3] = {isnull, false, false};

	run(q, v, n, 3);
}

/* run the kept statement q given the line's columns cols, then its text */
static HeapTuple
run_for_line(int q, Line *line, const int *cols, int ncols)
{
	Datum		v[5];
	bool		n[5];

	Assert(ncols < (int) lengthof(v));
	for (int i = 0; i < ncols; i++)
	{
		v[i] = line->value[cols[i]];
		n[i] = line->isnull[cols[i]];
	}
	v[ncols] = row_text(line);
	n[ncols] = false;
	return run(q, v, n, ncols + 1);
}

static int32
line_program(EntryState *state, Line *line)
{
	static const int cols[2] = {C_PROGRAM, C_FISCAL_YEAR};
	StringInfoData key;
	ProgramEntry *e;

	if (line->isnull[C_PROGRAM] || line->isnull[C_FISCAL_YEAR])
	{
		/* refused by entry_program, which names what is missing */
		run_for_line(Q_PROGRAM, line, cols, 2);
		elog(ERROR, "entry_program accepted a line without a programme or a fiscal year");
	}
	initStringInfo(&key);
	key_add(&key, line->value[C_FISCAL_YEAR], false, false);
	key_add(&key, line->value[C_PROGRAM], false, true);
	e = memo_find(state->programs, &key);
	if (e == NULL)
	{
		HeapTuple	t = run_for_line(Q_PROGRAM, line, cols, 2);
		bool		isnull;
		Datum		id = column(t, 1, &isnull);

		if (isnull)
			elog(ERROR, "entry_program returned no programme");
		e = memo_enter(state->programs, &key, state->cxt);
		e->program_id = DatumGetInt32(id);
	}
	pfree(key.data);
	return e->program_id;
}

static RegionEntry *
line_region(EntryState *state, Line *line)
{
	static const int cols[4] = {C_PROVINCE, C_MUNICIPALITY, C_FISCAL_YEAR, C_AS_OF};
	StringInfoData key;
	RegionEntry *e;

	initStringInfo(&key);
	for (int i = 0; i < 4; i++)
		key_add(&key, line->value[cols[i]], line->isnull[cols[i]], i < 2);
	e = memo_find(state->regions, &key);
	if (e == NULL)
	{
		HeapTuple	t = run_for_line(Q_REGION, line, cols, 4);
		bool		isnull;
		Datum		d;
		MemoryContext old;
		text	   *province_code = NULL;
		text	   *municipality_code = NULL;

		if (t == NULL)
			elog(ERROR, "entry_region returned no row");
		old = MemoryContextSwitchTo(state->cxt);
		d = column(t, 1, &isnull);
		if (!isnull)
			province_code = DatumGetTextPCopy(d);
		d = column(t, 2, &isnull);
		if (!isnull)
			municipality_code = DatumGetTextPCopy(d);
		MemoryContextSwitchTo(old);
		e = memo_enter(state->regions, &key, state->cxt);
		e->province_code = province_code;
		e->municipality_code = municipality_code;
	}
	pfree(key.data);
	return e;
}

/*
 * Can the amount text be a bare number ('^\s*[-+]?[0-9][0-9,.]*\s*$', which
 * entry_amount refuses)?  Certainly not when it holds a character of ASCII
 * outside white space, digits, signs, commas and points, or a Hangul
 * syllable (a unit such as 억 or 원); otherwise entry_amount decides.
 */
static bool
maybe_bare_number(text *amount)
{
	const unsigned char *s = (const unsigned char *) VARDATA_ANY(amount);
	int			len = VARSIZE_ANY_EXHDR(amount);
	int			encoding = GetDatabaseEncoding();

	for (int i = 0; i < len; i++)
	{
		unsigned char c = s[i];

		if (c < 0x80)
		{
			if (!(c == ' ' || (c >= '\t' && c <= '\r') || (c >= '0' && c <= '9') ||
				  c == '+' || c == '-' || c == ',' || c == '.'))
				return false;
		}
		/* a lead byte of U+A000 to U+DFFF (Hangul syllables) in UTF-8 */
		else if (encoding == PG_UTF8 && c >= 0xEA && c <= 0xED)
			return false;
		/* a lead byte of a Hangul syllable in EUC-KR (KS X 1001 rows 16-40) */
		else if (encoding == PG_EUC_KR && c >= 0xB0 && c <= 0xC8)
			return false;
	}
	return true;
}

/* the line's funding value */
static Datum
line_amount(EntryState *state, Line *line)
{
	if (!line->isnull[C_AMOUNT] && line->isnull[C_NATIONAL] && line->isnull[C_LOCAL] &&
		line->isnull[C_UNIT] && !maybe_bare_number(DatumGetTextPP(line->value[C_AMOUNT])))
	{
		char	   *str = TextDatumGetCString(line->value[C_AMOUNT]);
		Datum		result;

#if PG_VERSION_NUM >= 160000
		ErrorSaveContext escontext = {T_ErrorSaveContext};

		if (InputFunctionCallSafe(&state->funding_in, str, state->funding_ioparam, -1,
								  (Node *) &escontext, &result))
			return result;
#else
		bool		refused = false;
		MemoryContext cxt = CurrentMemoryContext;

		/*
		 * The type's input function reads and allocates, nothing else (no
		 * lock, buffer or file), so its refusal of the text may be set
		 * aside; entry_amount below raises it again, naming the line.
		 */
		PG_TRY();
		{
			result = InputFunctionCall(&state->funding_in, str, state->funding_ioparam, -1);
		}
		PG_CATCH();
		{
			ErrorData  *edata;

			MemoryContextSwitchTo(cxt);
			edata = CopyErrorData();
			if (edata->sqlerrcode != ERRCODE_INVALID_TEXT_REPRESENTATION &&
				edata->sqlerrcode != ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE)
				PG_RE_THROW();
			FlushErrorState();
			FreeErrorData(edata);
			refused = true;
		}
		PG_END_TRY();
		if (!refused)
			return result;
#endif
	}
	{
		static const int cols[4] = {C_AMOUNT, C_NATIONAL, C_LOCAL, C_UNIT};
		HeapTuple	t = run_for_line(Q_AMOUNT, line, cols, 4);
		bool		isnull;
		Datum		d = column(t, 1, &isnull);

		if (isnull)
			elog(ERROR, "entry_amount returned no amount");
		return SPI_datumTransfer(d, false, sizeof(Funding));
	}
}

/* a text value, or NULL when it is missing */
static text *
text_value(Line *line, int c)
{
	return line->isnull[c] ? NULL : DatumGetTextPP(line->value[c]);
}

static bool
begins_formula(text *t)
{
	return t != NULL && rp_begins_formula(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
}

static bool
blank(text *t)
{
	const char *s = VARDATA_ANY(t);

	for (int i = 0; i < (int) VARSIZE_ANY_EXHDR(t); i++)
		if (s[i] != ' ')
			return false;
	return true;
}

/*
 * Write a line (within SPI): look for an identical line, insert it or
 * replace the line of its reference, refuse the same line twice, count it.
 */
void
rp_entry_write(EntryWrite *w)
{
	Datum		province = PointerGetDatum(w->province_code);
	Datum		municipality = PointerGetDatum(w->municipality_code);
	Datum		phase = PointerGetDatum(w->phase);
	Datum		reference = PointerGetDatum(w->reference);
	bool		reference_null = w->reference == NULL;
	HeapTuple	t;
	bool		isnull;
	int64		id;
	bool		inserted;

	/*
	 * A line identical to one already there (programme, province, year,
	 * phase, 시·군·구 and amount) would double the total when one of the two
	 * has no reference: a load run again without references, or run with
	 * references after one without.  (Two identical loads without a
	 * reference at once are refused by the unique index itself.)  A line
	 * with a reference looks only for one without, so not at all where
	 * the province has none (allocation_entry_insert looked), this
	 * statement's own such lines counted as it writes them.
	 */
	if (reference_null || rp_load_unreferenced(w->province_code) != RP_UNREFERENCED_NONE)
	{
		Datum		v[7] = {province, Int32GetDatum(w->fiscal_year), phase, Int32GetDatum(w->program_id),
							w->amount, municipality, reference};
		bool		n[7] = {w->province_code == NULL, false, false, false, false,
							w->municipality_code == NULL, reference_null};

		t = run(!reference_null ? (w->province_code != NULL ? Q_TWIN : Q_TWIN_NATIONAL) :
				w->province_code != NULL ? Q_TWIN_ANY : Q_TWIN_ANY_NATIONAL, v, n, 7);
		if (t != NULL)
		{
			Datum		v8[8];
			bool		n8[8];
			int64		twin_row;

			v8[0] = column(t, 1, &n8[0]);
			v8[1] = column(t, 2, &n8[1]);
			n8[2] = !rp_load_written(DatumGetInt64(v8[0]), &twin_row);
			v8[2] = Int64GetDatum(n8[2] ? 0 : twin_row);
			v8[3] = Int64GetDatum(w->line.row);
			n8[3] = false;
			v8[4] = row_text(&w->line);
			n8[4] = false;
			v8[5] = phase;
			n8[5] = false;
			v8[6] = w->amount;
			n8[6] = false;
			v8[7] = reference;
			n8[7] = reference_null;
			run(Q_IDENTICAL, v8, n8, 8);
			elog(ERROR, "entry_identical_line did not refuse the line");
		}
	}

	{
		Datum		v[9] = {Int32GetDatum(w->program_id), province, Int32GetDatum(w->fiscal_year), w->amount,
							phase, PointerGetDatum(w->note), reference, municipality, Int64GetDatum(w->other)};
		bool		n[9] = {false, w->province_code == NULL, false, false, false, w->note == NULL,
							reference_null, w->municipality_code == NULL, w->other_null};

		t = run(reference_null ? Q_INSERT :
				w->province_code != NULL ? Q_INSERT_REFERENCED : Q_INSERT_REFERENCED_NATIONAL,
				v, n, 9);
		if (t == NULL)
			elog(ERROR, "allocation_entry_insert: the INSERT into allocation wrote no row (does a BEFORE INSERT trigger on allocation skip it?)");
		id = DatumGetInt64(column(t, 1, &isnull));
		inserted = DatumGetBool(column(t, 2, &isnull));
	}

	/*
	 * A line this very statement wrote is the same line given twice, not
	 * one to replace.
	 */
	if (!inserted)
	{
		int64		twin_row;

		if (rp_load_written(id, &twin_row))
		{
			Datum		v[3] = {Int64GetDatum(twin_row), Int64GetDatum(w->line.row), row_text(&w->line)};
			bool		n[3] = {false, false, false};

			run(Q_SAME_LINE, v, n, 3);
		}
	}
	rp_load_count_row(inserted, id, w->line.row);
	if (reference_null)
		rp_load_set_unreferenced(w->province_code, RP_UNREFERENCED_SOME);
}

const char *
rp_entry_schema(void)
{
	return session_plans.schema;
}

Oid
rp_entry_funding_type(void)
{
	return session_plans.funding_type;
}

PG_FUNCTION_INFO_V1(allocation_entry_insert);
Datum
allocation_entry_insert(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	EntryState *state;
	HeapTuple	tuple;
	Line		line;
	text	   *reference;
	Datum		reference_trimmed = (Datum) 0;
	bool		reference_null = true;
	int32		program_id;
	RegionEntry *region;
	Datum		amount;
	Datum		other = Int64GetDatum(0);
	bool		other_null = false;
	Datum		phase;
	HeapTuple	t;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_INSTEAD(trigdata->tg_event) ||
		!TRIGGER_FIRED_FOR_ROW(trigdata->tg_event) || !TRIGGER_FIRED_BY_INSERT(trigdata->tg_event))
		elog(ERROR, "allocation_entry_insert: not fired as an INSTEAD OF INSERT row trigger");
	tuple = trigdata->tg_trigtuple;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	state = (EntryState *) fcinfo->flinfo->fn_extra;
	if (state == NULL || state->relid != RelationGetRelid(trigdata->tg_relation))
	{
		/* the statement's first line */
		bool		generic = plans_generic();

		if (session_plans.trigger_fn != fcinfo->flinfo->fn_oid || session_plans.generic != generic)
			plans_make(fcinfo->flinfo->fn_oid, generic);
		fcinfo->flinfo->fn_extra = state = state_make(fcinfo, trigdata);
	}

	for (int c = 0; c < N_COLUMNS; c++)
		line.value[c] = heap_getattr(tuple, state->attnum[c], RelationGetDescr(trigdata->tg_relation),
									 &line.isnull[c]);
	line.row = rp_load_take_row();
	line.has_row_text = false;

	/* the reference: bounded, trimmed, no formula; the note: no formula */
	reference = text_value(&line, C_REFERENCE);
	if (reference != NULL)
	{
		if (VARSIZE_ANY_EXHDR(reference) > 200 &&
			pg_mbstrlen_with_len(VARDATA_ANY(reference), VARSIZE_ANY_EXHDR(reference)) > 200)
			check_with(Q_BOUNDED, line.value[C_REFERENCE], false, "reference", &line);
		/* (NULL when nothing is left) */
		{
			LOCAL_FCINFO(call, 1);

			InitFunctionCallInfoData(*call, &state->reference_trim, 1, DEFAULT_COLLATION_OID, NULL, NULL);
			call->args[0].value = PointerGetDatum(reference);
			call->args[0].isnull = false;
			reference_trimmed = FunctionCallInvoke(call);
			reference_null = call->isnull;
		}
		if (!reference_null && begins_formula(DatumGetTextPP(reference_trimmed)))
			check_with(Q_PLAIN, reference_trimmed, false, "reference", &line);
	}
	if (begins_formula(text_value(&line, C_NOTE)))
		check_with(Q_PLAIN, line.value[C_NOTE], false, "note", &line);

	program_id = line_program(state, &line);
	region = line_region(state, &line);
	amount = line_amount(state, &line);
	if (!line.isnull[C_OTHER] && !blank(text_value(&line, C_OTHER)))
	{
		static const int cols[2] = {C_OTHER, C_UNIT};

		t = run_for_line(Q_OTHER, &line, cols, 2);
		other = column(t, 1, &other_null);
	}
	phase = line.isnull[C_PHASE] ? CStringGetTextDatum("planned") : line.value[C_PHASE];

	/*
	 * The line's scope, locked once per statement, so that no concurrent
	 * load adds an identical line unseen (allocation_scope).
	 */
	if (!rp_load_scope_seen(region->province_code, DatumGetInt32(line.value[C_FISCAL_YEAR]),
							DatumGetTextPP(phase), program_id))
	{
		Datum		v[4] = {PointerGetDatum(region->province_code), line.value[C_FISCAL_YEAR], phase,
							Int32GetDatum(program_id)};
		bool		n[4] = {region->province_code == NULL, false, false, false};

		run(Q_SCOPE, v, n, 4);
		/*
		 * The scope may hold lines without a reference that a load
		 * committed since the province was last looked at: look again
		 * before a line with a reference skips its look-up.
		 */
		if (rp_load_unreferenced(region->province_code) == RP_UNREFERENCED_NONE)
			rp_load_set_unreferenced(region->province_code, RP_UNREFERENCED_UNKNOWN);
	}

	/*
	 * Whether the province has lines without a reference, looked at once
	 * its scope is locked (which no other load can add to until this
	 * transaction ends), for a line with a reference: where it has none,
	 * the line need not look for an identical one.
	 */
	if (!reference_null && rp_load_unreferenced(region->province_code) == RP_UNREFERENCED_UNKNOWN)
	{
		Datum		v[1] = {PointerGetDatum(region->province_code)};
		bool		n[1] = {region->province_code == NULL};

		rp_load_set_unreferenced(region->province_code,
								 run(region->province_code != NULL ? Q_UNREFERENCED : Q_UNREFERENCED_NATIONAL,
									 v, n, 1) != NULL ? RP_UNREFERENCED_SOME : RP_UNREFERENCED_NONE);
	}

	{
		EntryWrite	w;

		w.line = line;
		w.program_id = program_id;
		w.fiscal_year = DatumGetInt32(line.value[C_FISCAL_YEAR]);
		w.province_code = region->province_code;
		w.municipality_code = region->municipality_code;
		w.amount = amount;
		w.phase = DatumGetTextPP(phase);
		w.note = text_value(&line, C_NOTE);
		w.reference = reference_null ? NULL : DatumGetTextPP(reference_trimmed);
		w.other = other_null ? 0 : DatumGetInt64(other);
		w.other_null = other_null;
		/*
		 * On Citus a line waits to be written with others (batch.c), but
		 * for a line of no single province, before which those waiting are
		 * written, so that lines are written in their order.
		 */
		if (state->batch && w.province_code != NULL)
			rp_batch_add(&w);
		else
		{
			if (state->batch)
				rp_batch_flush();
			rp_entry_write(&w);
		}
	}

	SPI_finish();
	return PointerGetDatum(tuple);
}

/*
 * entry_check(): the default of the entry views' column entry_check, so
 * evaluated for every line loaded.  Under session_replication_role =
 * replica (which replication and some bulk tools set) a view's triggers do
 * not fire, and a load would report its rows having written nothing; it
 * is refused instead.
 */
PG_FUNCTION_INFO_V1(regionpolicy_entry_check);
Datum
regionpolicy_entry_check(PG_FUNCTION_ARGS)
{
	if (SessionReplicationRole == SESSION_REPLICATION_ROLE_REPLICA)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg_internal("%s", rp_message("nothing can be loaded through an entry view under session_replication_role = replica", 0, NULL)),
				 errdetail_internal("%s", rp_message("The view's triggers, which write the lines, do not fire under that setting: the rows would be lost.", 0, NULL)),
				 errhint("%s", rp_message("RESET session_replication_role (or SET it to origin), then load again.", 0, NULL))));
	PG_RETURN_NULL();
}
