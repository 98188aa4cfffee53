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

/* What went wrong, as one English sentence for errdetail. */
typedef struct FundingParseError
{
	FundingParseStatus status;
	char		detail[256];
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

/* parse.c */
extern bool funding_resolve(const FundingParts *parts, Funding *result,
							FundingParseError *err);
extern bool funding_parse(const char *str, size_t len, Funding *result,
						  FundingParseError *err);
extern bool amount_parse(const char *str, size_t len, int64_t *result,
						 FundingParseError *err);
extern bool unit_parse(const char *str, size_t len, int64_t *result,
					   FundingParseError *err);
extern bool display_unit_parse(const char *str, size_t len,
							   FundingUnit *result);

/* format.c */
extern int	amount_format(int64_t won, FundingUnit unit, char *buf);
extern int	funding_format(const Funding *f, FundingUnit unit, char *buf);
extern int	ratio_format(int64_t won, int64_t unit, char *buf);

#ifdef PG_VERSION_NUM

#include "fmgr.h"

#define DatumGetFundingP(X)		((Funding *) DatumGetPointer(X))
#define FundingPGetDatum(X)		PointerGetDatum(X)
#define PG_GETARG_FUNDING_P(n)	DatumGetFundingP(PG_GETARG_DATUM(n))
#define PG_RETURN_FUNDING_P(x)	return FundingPGetDatum(x)

/* Soft input errors exist from PostgreSQL 16; before, every error is hard. */
#if PG_VERSION_NUM >= 160000
#include "nodes/miscnodes.h"
#else
#define errsave(context, ...)	ereport(ERROR, __VA_ARGS__)
#define SOFT_ERROR_OCCURRED(escontext)	false
#endif

/* funding.c */
extern int	funding_display_unit;
extern Funding *funding_make(int64 national, int64 local);
extern int64 funding_total(const Funding *f);
extern void funding_report_parse_error(const FundingParseError *err,
									   bool whole_value, const char *input,
									   struct Node *escontext);

#endif							/* PG_VERSION_NUM */

#endif							/* REGIONPOLICY_FUNDING_H */
