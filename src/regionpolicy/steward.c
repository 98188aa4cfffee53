/*-------------------------------------------------------------------------
 *
 * steward.c
 *	  is_steward_of: does the session act for a role that stewards this
 *	  province (doc/regionpolicy.md, "Access control")?  The row-level
 *	  security policies ask it of every row a steward writes, so the
 *	  provinces the session stewards (steward_provinces(), which reads the
 *	  table, or on a Citus node its shard there) are asked once and kept
 *	  at the call site while the same statement runs in the same
 *	  transaction and subtransaction (a rolled-back one takes its writes
 *	  with it), nothing has been written since, and the session user is the
 *	  same.  Within one statement a query sees the stewards as they were when
 *	  it began, as a STABLE function's would; another session's change is
 *	  seen from the next statement.  Citus refuses the subquery that would let
 *	  a policy ask once, so the policies call this.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/xact.h"
#include "catalog/pg_type.h"
#include "miscadmin.h"
#include "storage/proc.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "regionpolicy.h"

#if PG_VERSION_NUM >= 170000
#define MY_LXID (MyProc->vxid.lxid)
#else
#define MY_LXID (MyProc->lxid)
#endif

typedef struct StewardCache
{
	/* when the answer was asked: it holds while all of these are the same */
	LocalTransactionId lxid;
	SubTransactionId subxact;
	TimestampTz statement;
	CommandId	command;
	Oid			session_user;
	/* the provinces, and the function that gives them */
	Oid			provinces_fn;
	int			count;
	text	  **provinces;
} StewardCache;

static void
ask(FunctionCallInfo fcinfo, StewardCache *cache)
{
	MemoryContext old;
	ArrayType  *arr;
	Datum	   *elems;
	bool	   *nulls;
	int			n;

	if (!OidIsValid(cache->provinces_fn))
		cache->provinces_fn = rp_sibling_function(fcinfo->flinfo->fn_oid, "steward_provinces", 0, NULL);
	arr = DatumGetArrayTypeP(OidFunctionCall0(cache->provinces_fn));
	deconstruct_array(arr, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &n);

	old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
	if (cache->provinces != NULL)
	{
		for (int i = 0; i < cache->count; i++)
			pfree(cache->provinces[i]);
		pfree(cache->provinces);
	}
	cache->provinces = palloc(sizeof(text *) * Max(n, 1));
	cache->count = 0;
	for (int i = 0; i < n; i++)
		if (!nulls[i])
			cache->provinces[cache->count++] = DatumGetTextPCopy(elems[i]);
	MemoryContextSwitchTo(old);

	cache->lxid = MY_LXID;
	cache->subxact = GetCurrentSubTransactionId();
	cache->statement = GetCurrentStatementStartTimestamp();
	cache->command = GetCurrentCommandId(false);
	cache->session_user = GetSessionUserId();
}

/* is_steward_of(province_code text) returns boolean; false for NULL */
PG_FUNCTION_INFO_V1(regionpolicy_is_steward_of);
Datum
regionpolicy_is_steward_of(PG_FUNCTION_ARGS)
{
	StewardCache *cache = (StewardCache *) fcinfo->flinfo->fn_extra;
	text	   *province;

	if (PG_ARGISNULL(0))
		PG_RETURN_BOOL(false);
	province = PG_GETARG_TEXT_PP(0);

	if (cache == NULL)
	{
		cache = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(StewardCache));
		fcinfo->flinfo->fn_extra = cache;
		ask(fcinfo, cache);
	}
	else if (cache->lxid != MY_LXID
			 || cache->subxact != GetCurrentSubTransactionId()
			 || cache->statement != GetCurrentStatementStartTimestamp()
			 || cache->command != GetCurrentCommandId(false)
			 || cache->session_user != GetSessionUserId())
		ask(fcinfo, cache);

	for (int i = 0; i < cache->count; i++)
	{
		text	   *p = cache->provinces[i];

		if (VARSIZE_ANY_EXHDR(p) == VARSIZE_ANY_EXHDR(province)
			&& memcmp(VARDATA_ANY(p), VARDATA_ANY(province), VARSIZE_ANY_EXHDR(p)) == 0)
			PG_RETURN_BOOL(true);
	}
	PG_RETURN_BOOL(false);
}
