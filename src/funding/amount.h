/*-------------------------------------------------------------------------
 *
 * amount.h
 *	  The amount API: reading and writing amounts of money and funding
 *	  values the way Korean documents write them, in plain C.
 *
 * No PostgreSQL header and no allocation: the input is a byte range, the
 * result goes into caller storage, and an error fills a fixed buffer, so
 * that the fuzz harness (fuzz/fuzz_funding.c) builds these files alone.
 * The server's side is funding.h.
 *
 *-------------------------------------------------------------------------
 */
#ifndef REGIONPOLICY_AMOUNT_H
#define REGIONPOLICY_AMOUNT_H

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
	FUNDING_UNIT_JO,			/* decimal 조: 0.02591조 */
	FUNDING_UNIT_EN				/* English: 25.91 billion won */
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

/*
 * What went wrong, as sentences for errdetail and errhint: English, or in
 * the server the funding message catalog's text in the language
 * lc_messages names.  T_() gives a message's text in that language and
 * marks it for the catalog; gettext_noop() only marks a message that a
 * function translates later (scan_error_at, scan_hint, share_error...).
 * Korean takes three bytes a syllable: the buffers leave room for it.
 */
typedef struct FundingParseError
{
	FundingParseStatus status;
	char		detail[512];
	char		hint[768];		/* empty when there is none */
} FundingParseError;

#ifdef FUNDING_NLS
extern const char *funding_gettext(const char *msgid) __attribute__((format_arg(1)));
#define T_(x) funding_gettext(x)
#else
#define T_(x) (x)
#endif
#ifndef gettext_noop
#define gettext_noop(x) (x)
#endif

/* The components a literal may give; funding_resolve checks them. */
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

/* format.c */
extern int	amount_format(int64_t won, FundingUnit unit, char *buf);
extern int	funding_format(const Funding *f, FundingUnit unit, char *buf);
extern int	ratio_format(int64_t won, int64_t unit, char *buf);

/* Powers of ten, 10^0 to 10^18, for the reader and the writer (format.c). */
extern const uint64_t amount_pow10[19];

#endif							/* REGIONPOLICY_AMOUNT_H */
