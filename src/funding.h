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

#include "amount.h"

/*
 * The library exports its fmgr entry points, the magic block and _PG_init,
 * nothing else: it is built with -fvisibility=hidden (see the Makefile), so
 * that no other extension's function of the same name (postgresql-unit's
 * unit_parse) can stand in for one of ours.  PostgreSQL 16 marks those
 * symbols PGDLLEXPORT itself; before, PGDLLEXPORT is empty on ELF
 * platforms and PG_FUNCTION_INFO_V1 leaves the function unmarked, so both
 * are given the marking here.
 */
#if PG_VERSION_NUM < 160000 && defined(__GNUC__) && !defined(_WIN32)
#undef PGDLLEXPORT
#define PGDLLEXPORT __attribute__((visibility("default")))
#undef PG_FUNCTION_INFO_V1
#define PG_FUNCTION_INFO_V1(funcname) \
extern PGDLLEXPORT Datum funcname(PG_FUNCTION_ARGS); \
extern PGDLLEXPORT const Pg_finfo_record * CppConcat(pg_finfo_,funcname)(void); \
const Pg_finfo_record * \
CppConcat(pg_finfo_,funcname) (void) \
{ \
	static const Pg_finfo_record my_finfo = { 1 }; \
	return &my_finfo; \
} \
extern int no_such_variable
#endif

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

/* funding.c */
extern int	funding_display_unit;
extern Funding *funding_make(int64 national, int64 local);
extern int64 funding_total(const Funding *f);
extern const char *funding_input_utf8(const char *str, size_t *len);
extern text *funding_output_text(const char *buf, int len);
extern void funding_report_parse_error(const FundingParseError *err,
									   bool whole_value, const char *input,
									   struct Node *escontext);

#endif							/* REGIONPOLICY_FUNDING_H */
