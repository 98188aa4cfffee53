/*-------------------------------------------------------------------------
 *
 * scan.h
 *	  The scanner's internals, shared by the amount reader (scan.c) and the
 *	  funding literal readers (parse.c, keyed.c, keyed_lists.c), and by no
 *	  other file.
 *
 *-------------------------------------------------------------------------
 */
#ifndef REGIONPOLICY_SCAN_H
#define REGIONPOLICY_SCAN_H

#include "amount.h"

/*
 * The scanner: a byte range read forward,
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
	bool		has_unit;		/* a myriad unit, 원 or a currency mark */
	bool		approximate;	/* read through 약, 가량, 내외 or 정도 */
	int			last_exp;		/* power of ten of the last group's unit (백만원: 6) */
	const char *from;			/* the amount's text, for messages */
	const char *to;
} AmountInfo;

/* Flags for scan_amount */
#define AMOUNT_SEPARATORS	0x01	/* "2,864" continues a number */
#define AMOUNT_UNIT_ALONE	0x02	/* a bare "원" means one won */
#define AMOUNT_APPROXIMATE	0x04	/* read 약/가량/내외/정도 figures */
#define AMOUNT_KEYED		0x08	/* inside the keyed form: words may follow */
#define AMOUNT_ONCE		0x10	/* a restatement in parentheses: no second one inside */

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

#define SCAN_NMYRIAD 10
extern const ScanWord scan_myriad_units[SCAN_NMYRIAD];
extern const ScanWord scan_sub_units[];
extern bool scan_amount(Scanner *s, int flags, int64_t *result, AmountInfo *info);
extern bool scan_accept_n(Scanner *s, const char *word, size_t len);
extern void scan_strip_quotes(Scanner *s);
extern bool scan_skip_spaces(Scanner *s);
extern int	scan_space_width(const Scanner *s, const char *p);
extern int	scan_unit_at(const Scanner *s, const char *p, const ScanWord *units, int nunits);
extern int	scan_snippet_length(const char *p, const char *end, int n);
extern bool scan_one_key_apart(unsigned a, unsigned b);
extern unsigned scan_syllable_at(const Scanner *s, const char *p);
extern bool english_word_at(const Scanner *s, const char *p, const char *word);
extern bool scan_error_at(Scanner *s, const char *problem);
extern bool scan_syntax_error(Scanner *s, const char *what);
extern void scan_hint(Scanner *s, const char *text);
extern bool scan_range_error(Scanner *s, const char *what, const char *from, const char *to);
extern bool scan_number_at(const Scanner *s, const char *p);

extern bool scan_plain_amount(Scanner *s, int64_t *result);

#endif							/* REGIONPOLICY_SCAN_H */
