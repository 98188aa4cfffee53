/*-------------------------------------------------------------------------
 *
 * export.h
 *	  Which symbols a library of this tree exports.  Include postgres.h and
 *	  fmgr.h first.
 *
 *-------------------------------------------------------------------------
 */
#ifndef REGIONPOLICY_EXPORT_H
#define REGIONPOLICY_EXPORT_H

/*
 * Each library (funding, regionpolicy) exports its fmgr entry points, the
 * magic block and _PG_init, nothing else: it is built with
 * -fvisibility=hidden (see the Makefile), so
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

#endif							/* REGIONPOLICY_EXPORT_H */
