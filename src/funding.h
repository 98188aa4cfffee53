/*-------------------------------------------------------------------------
 *
 * funding.h
 *	  The funding type: a split of one amount of money between national
 *	  (국비) and local (지방비) funds, in whole won.
 *
 * The first half of this header is plain C (no PostgreSQL headers): the
 * struct and the amount parser and formatter, so that parse.c and format.c
 * can be compiled and fuzzed outside the server.  The second half, visible
 * only when postgres.h has been included first, holds the fmgr glue shared
 * by the backend files.
 *
 *-------------------------------------------------------------------------
 */
#ifndef REGIONPOLICY_FUNDING_H
#define REGIONPOLICY_FUNDING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/*
 * Sixteen bytes, two counts of won.  total = national + local is derived and
 * never stored; every value keeps national, local and their sum inside int64.
 */
typedef struct Funding
{
	int64_t		national;
	int64_t		local;
} Funding;

/* How an amount is written out. */
typedef enum FundingUnit
{
	FUNDING_UNIT_EOK,			/* decimal 억: 259.1억 (the default) */
	FUNDING_UNIT_WON,			/* bare won: 25910000000 */
	FUNDING_UNIT_KOREAN,		/* compound: 259억 1000만 */
	FUNDING_UNIT_MAN,			/* decimal 만: 2591000만 */
	FUNDING_UNIT_JO				/* decimal 조: 0.02591조 */
} FundingUnit;

/* Longest amount: "-92233조 7203억 6854만 7758원" is 36 bytes. */
#define FUNDING_AMOUNT_BUFLEN	48
#define FUNDING_TEXT_BUFLEN		(3 * FUNDING_AMOUNT_BUFLEN + 8)
/* won / unit written out exactly: 20 digits, a point, up to 63 decimals. */
#define FUNDING_RATIO_BUFLEN	96

typedef enum FundingParseStatus
{
	FUNDING_PARSE_OK = 0,
	FUNDING_PARSE_SYNTAX,		/* malformed: SQLSTATE 22P02 */
	FUNDING_PARSE_MISMATCH,		/* total disagrees with its parts: 22P02 */
	FUNDING_PARSE_RANGE			/* outside int64: 22003 */
} FundingParseStatus;

/* What went wrong, as English sentences for errdetail and errhint. */
typedef struct FundingParseError
{
	FundingParseStatus status;
	char		detail[256];
	char		hint[384];		/* empty when there is none */
} FundingParseError;

/* The components a literal may give; funding_resolve completes them. */
typedef enum FundingComponent
{
	FUNDING_NATIONAL,
	FUNDING_LOCAL,
	FUNDING_TOTAL
} FundingComponent;

#define FUNDING_NUM_COMPONENTS	3

typedef struct FundingParts
{
	bool		given[FUNDING_NUM_COMPONENTS];
	int64_t		value[FUNDING_NUM_COMPONENTS];
} FundingParts;

/* scan.c: one amount, units */
extern bool amount_parse(const char *str, size_t len, int64_t *result,
						 FundingParseError *err);
extern bool amount_parse_ex(const char *str, size_t len, bool approximate,
							int64_t *result, FundingParseError *err);
extern bool unit_parse(const char *str, size_t len, int64_t *result,
					   FundingParseError *err);
extern bool display_unit_parse(const char *str, size_t len,
							   FundingUnit *result);

/* parse.c: funding literals */
extern bool funding_resolve(const FundingParts *parts, Funding *result,
							FundingParseError *err);
extern bool funding_parse(const char *str, size_t len, Funding *result,
						  FundingParseError *err);

/*
 * The scanner that scan.c and parse.c share: a byte range read forward,
 * with bounded lookahead, and the first error recorded.
 */
typedef struct Scanner
{
	const char *p;				/* next byte to read */
	const char *end;			/* one past the last byte */
	FundingParseError *err;
} Scanner;

/* A word of a table: a unit with its power of ten, a digit with its value. */
typedef struct ScanWord
{
	const char *word;
	int			exponent;
} ScanWord;

/* What scan_amount learned besides the value. */
typedef struct AmountInfo
{
	bool		overflow;		/* outside int64: reported after syntax */
	bool		has_unit;		/* a myriad unit or 원 was written */
	bool		approximate;	/* read through 약, 가량, 내외 or 정도 */
	int			last_exp;		/* power of ten of the last group's unit */
	const char *from;			/* the amount's text, for messages */
	const char *to;
} AmountInfo;

/* Flags for scan_amount */
#define AMOUNT_SEPARATORS	0x01	/* "2,864" continues a number */
#define AMOUNT_UNIT_ALONE	0x02	/* a bare "원" means one won */
#define AMOUNT_APPROXIMATE	0x04	/* read 약/가량/내외/정도 figures */
#define AMOUNT_KEYED		0x08	/* inside the keyed form: words may follow */

static inline bool
scan_at_end(const Scanner *s)
{
	return s->p >= s->end;
}

static inline bool
scan_is_digit_at(const Scanner *s, const char *p)
{
	return p < s->end && *p >= '0' && *p <= '9';
}

/* Does the literal word start at p?  Advances nothing. */
static inline bool
scan_word_at(const Scanner *s, const char *p, const char *word, size_t len)
{
	return p <= s->end && (size_t) (s->end - p) >= len && memcmp(p, word, len) == 0;
}

#define scan_accept(s, literal)	scan_accept_n((s), (literal), sizeof(literal) - 1)

extern const ScanWord scan_myriad_units[];
extern const ScanWord scan_sub_units[];
extern bool scan_amount(Scanner *s, int flags, int64_t *result, AmountInfo *info);
extern bool scan_accept_n(Scanner *s, const char *word, size_t len);
extern bool scan_skip_spaces(Scanner *s);
extern int	scan_space_width(const Scanner *s, const char *p);
extern int	scan_unit_at(const Scanner *s, const char *p, const ScanWord *units, int nunits);
extern int	scan_snippet_length(const char *p, const char *end, int n);
extern bool scan_one_key_apart(unsigned a, unsigned b);
extern unsigned scan_syllable_at(const Scanner *s, const char *p);
extern bool scan_error_at(Scanner *s, const char *problem);
extern bool scan_syntax_error(Scanner *s, const char *what);
extern void scan_hint(Scanner *s, const char *text);
extern bool scan_range_error(Scanner *s, const char *what, const char *from, const char *to);
extern bool scan_number_at(const Scanner *s, const char *p);

/* format.c */
extern int	amount_format(int64_t won, FundingUnit unit, char *buf);
extern int	funding_format(const Funding *f, FundingUnit unit, char *buf);
extern int	ratio_format(int64_t won, int64_t unit, char *buf);

#ifdef PG_VERSION_NUM

#include "fmgr.h"

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

#endif							/* PG_VERSION_NUM */

#endif							/* REGIONPOLICY_FUNDING_H */
