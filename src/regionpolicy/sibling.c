/*-------------------------------------------------------------------------
 *
 * sibling.c
 *	  A C function of the schema that calls a SQL or PL/pgSQL one beside it
 *	  (is_steward_of calls steward_provinces, reference_trim calls
 *	  reference_trim_full) finds it in its own schema, whatever the
 *	  search_path: by the namespace of its own pg_proc row.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "nodes/makefuncs.h"
#include "parser/parse_func.h"
#include "utils/lsyscache.h"

#include "regionpolicy.h"

Oid
rp_sibling_function(Oid self, const char *name, int nargs, const Oid *argtypes)
{
	Oid			nsp = get_func_namespace(self);
	char	   *nspname = get_namespace_name(nsp);

	if (nspname == NULL)
		elog(ERROR, "cache lookup failed for namespace %u", nsp);
	return LookupFuncName(list_make2(makeString(nspname), makeString(pstrdup(name))),
						  nargs, argtypes, false);
}

/*
 * Call the sibling name(text) of the C function whose call fcinfo is, with
 * arg; its FmgrInfo is looked up once and kept in that call's fn_extra, which
 * the caller must not use for anything else.  Returns the result, or sets
 * *isnull.
 */
Datum
rp_sibling_call_text(FunctionCallInfo fcinfo, const char *name, Datum arg, bool *isnull)
{
	FmgrInfo   *fn = (FmgrInfo *) fcinfo->flinfo->fn_extra;
	LOCAL_FCINFO(call, 1);
	Datum		result;

	if (fn == NULL)
	{
		Oid			argtype = TEXTOID;
		Oid			oid = rp_sibling_function(fcinfo->flinfo->fn_oid, name, 1, &argtype);

		fn = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(FmgrInfo));
		fmgr_info_cxt(oid, fn, fcinfo->flinfo->fn_mcxt);
		fcinfo->flinfo->fn_extra = fn;
	}
	InitFunctionCallInfoData(*call, fn, 1, PG_GET_COLLATION(), NULL, NULL);
	call->args[0].value = arg;
	call->args[0].isnull = false;
	result = FunctionCallInvoke(call);
	*isnull = call->isnull;
	return result;
}
