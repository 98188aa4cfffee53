/*-------------------------------------------------------------------------
 *
 * regionpolicy.h
 *	  The regionpolicy library: what SQL cannot do fast for the schema
 *	  (doc/regionpolicy.md, "Loading").  It reads funding values as the
 *	  funding library lays them out (amount.h) and calls nothing of that
 *	  library.  Include postgres.h first.
 *
 *-------------------------------------------------------------------------
 */
#ifndef REGIONPOLICY_REGIONPOLICY_H
#define REGIONPOLICY_REGIONPOLICY_H

#ifndef PG_VERSION_NUM
#error "include postgres.h before regionpolicy.h"
#endif

#include "fmgr.h"
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

#include "amount.h"
#include "export.h"

/*
 * The library's messages come from the regionpolicy catalog, in the
 * language lc_messages names (messages.c).
 */
/* PostgreSQL 18's leading pg_noreturn; before, the attribute (funding.h) */
#if PG_VERSION_NUM < 180000
#define pg_noreturn pg_attribute_noreturn()
#endif

#undef TEXTDOMAIN
#define TEXTDOMAIN PG_TEXTDOMAIN("regionpolicy")

/* the function of that name and arguments in the schema of the function self (sibling.c) */
extern Oid	rp_sibling_function(Oid self, const char *name, int nargs, const Oid *argtypes);
/* call the sibling name(text), its look-up cached in fn_extra (sibling.c) */
extern Datum rp_sibling_call_text(FunctionCallInfo fcinfo, const char *name, Datum arg, bool *isnull);

/*
 * allocation's rules of money not negative, as its CHECKs call them
 * (checks.c): a planned or approved line's amount and other money
 */
extern bool rp_budget_not_negative(const text *phase, const Funding *amount);
extern bool rp_other_not_negative(const text *phase, int64 other);

/* does the text begin as a spreadsheet formula does (formula.c)? */
extern bool rp_begins_formula(const char *s, int len);

extern char *rp_format_message(const char *msgid, int nargs, const char *const *args);
extern char *rp_message(const char *msgid, int nargs, const char *const *args);

#define PG_GETARG_FUNDING_P(n)	((Funding *) DatumGetPointer(PG_GETARG_DATUM(n)))

#endif							/* REGIONPOLICY_REGIONPOLICY_H */
