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
