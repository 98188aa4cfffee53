/*-------------------------------------------------------------------------
 *
 * funding.h
 *	  The funding type in the server: the fmgr glue shared by the files
 *	  that hold SQL-callable functions.  Include postgres.h first.
 *
 * A funding value is a split of one amount of money between national
 * (국비) and local (지방비) funds, in whole won: the struct Funding of
 * amount.h, which also reads and writes it.
 *
 *-------------------------------------------------------------------------
 */
#ifndef REGIONPOLICY_FUNDING_H
#define REGIONPOLICY_FUNDING_H

#ifndef PG_VERSION_NUM
#error "include postgres.h before funding.h"
#endif

#include "fmgr.h"
#include "utils/numeric.h"

#include "amount.h"

#include "export.h"

#define DatumGetFundingP(X)		((Funding *) DatumGetPointer(X))
#define FundingPGetDatum(X)		PointerGetDatum(X)
#define PG_GETARG_FUNDING_P(n)	DatumGetFundingP(PG_GETARG_DATUM(n))
#define PG_RETURN_FUNDING_P(x)	return FundingPGetDatum(x)

/*
 * Soft input errors exist from PostgreSQL 16; before, every error is hard.
 * From 16, VARDATA_ANY, VARSIZE and friends live in varatt.h, no longer
 * included by postgres.h.
 */
#if PG_VERSION_NUM >= 160000
#include "nodes/miscnodes.h"
#include "varatt.h"
#else
#define errsave(context, ...)	ereport(ERROR, __VA_ARGS__)
#define SOFT_ERROR_OCCURRED(escontext)	false
#endif

/*
 * PostgreSQL 18 replaced the trailing pg_attribute_noreturn() with a leading
 * pg_noreturn (C11 _Noreturn); before, GCC and Clang take the attribute in
 * front of the declaration just as well.
 */
#if PG_VERSION_NUM < 180000
#define pg_noreturn pg_attribute_noreturn()
#endif

/*
 * The library's messages come from the funding catalog, in the language
 * lc_messages names (doc/regionpolicy.md, "Messages"): errmsg() and its
 * kin look them up there, and so does _() here.  The reader's own
 * messages, in UTF-8, go through T_() (amount.h, funding.c).
 */
#undef TEXTDOMAIN
#define TEXTDOMAIN PG_TEXTDOMAIN("funding")
#undef _
#define _(x) dgettext(TEXTDOMAIN, x)

/* funding.c */
extern int	funding_display_unit;
extern Funding *funding_make(int64 national, int64 local);
extern int64 funding_total(const Funding *f);
extern const char *funding_input_utf8(const char *str, size_t *len);
extern text *funding_output_text(const char *buf, int len);
extern int64 funding_unit_arg(text *unit);
extern int64 funding_numeric_to_won(Numeric num, int64 unit, const char *which,
									text *unit_text);
extern Datum funding_in_unit_common(int64 won, text *unit_text);
extern void funding_report_parse_error(const FundingParseError *err,
									   bool whole_value, const char *input,
									   struct Node *escontext);

#endif							/* REGIONPOLICY_FUNDING_H */
