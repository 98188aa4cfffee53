/*-------------------------------------------------------------------------
 *
 * parse.c
 *	  Reading amounts of money and funding literals the way Korean
 *	  documents write them.
 *
 * Plain C with no PostgreSQL dependency and no allocation: the input is a
 * byte range, the result goes into caller storage, and an error fills a
 * fixed buffer.  Everything is one forward pass over the bytes with bounded
 * lookahead, so very long or deeply parenthesised input costs linear time
 * and no stack.  The grammar is described in doc/regionpolicy.md.
 *
 *-------------------------------------------------------------------------
 */
#include <stdio.h>
#include <string.h>

#include "funding.h"

/* Largest magnitude an amount may have: that of INT64_MIN. */
#define MAGNITUDE_LIMIT		((uint64_t) INT64_MAX + 1)

/* Flags for scan_amount */
#define AMOUNT_SEPARATORS	0x01	/* "2,864" continues a number */
#define AMOUNT_UNIT_ALONE	0x02	/* a bare "원" means one won */

typedef struct Scanner
{
	const char *p;				/* next byte to read */
	const char *end;			/* one past the last byte */
	FundingParseError *err;
} Scanner;


static const char *const component_names[FUNDING_NUM_COMPONENTS] = {
	"national", "local", "total"
};

typedef struct KeyWord
{
	const char *word;
	FundingComponent	component;
} KeyWord;

/*
 * Keys of the keyed form, longest first so that "총액" wins over "총" and
 * "시·도비" over nothing shorter.  ASCII words match case-insensitively.
 */
static const KeyWord keywords[] = {
	{"시ㆍ도비", FUNDING_LOCAL},
	{"시·도비", FUNDING_LOCAL},
	{"national", FUNDING_NATIONAL},
	{"지방비", FUNDING_LOCAL},
	{"시도비", FUNDING_LOCAL},
	{"local", FUNDING_LOCAL},
	{"total", FUNDING_TOTAL},
	{"국비", FUNDING_NATIONAL},
	{"국고", FUNDING_NATIONAL},
	{"정부", FUNDING_NATIONAL},
	{"시비", FUNDING_LOCAL},
	{"도비", FUNDING_LOCAL},
	{"군비", FUNDING_LOCAL},
	{"구비", FUNDING_LOCAL},
	{"합계", FUNDING_TOTAL},
	{"총액", FUNDING_TOTAL},
	{"총", FUNDING_TOTAL},
};

/* Myriad units: each group of an amount ends with one, or with none. */
typedef struct UnitWord
{
	const char *word;
	int			exponent;
} UnitWord;

static const UnitWord myriad_units[] = {
	{"조", 12}, {"억", 8}, {"만", 4}
};

static const UnitWord sub_units[] = {
	{"천", 3}, {"백", 2}, {"십", 1}
};

static const uint64_t pow10_u64[] = {
	1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL, 1000000ULL,
	10000000ULL, 100000000ULL, 1000000000ULL, 10000000000ULL,
	100000000000ULL, 1000000000000ULL, 10000000000000ULL
};

/* ---------------------------------------------------------------------
 * Error reporting
 * ---------------------------------------------------------------------
 */

/* Length in bytes of at most n UTF-8 characters starting at p. */
static int
snippet_length(const char *p, const char *end, int n)
{
	const char *q = p;

	while (q < end && n-- > 0)
	{
		q++;
		while (q < end && ((unsigned char) *q & 0xC0) == 0x80)
			q++;
	}
	return (int) (q - p);
}

/*
 * Record a syntax error at s->p: the problem, then where ("... at the end
 * of the input" or '... at "<the text there>"').  Only the first counts.
 */
static bool
error_at(Scanner *s, const char *problem)
{
	if (s->err->status == FUNDING_PARSE_OK)
	{
		int			len = snippet_length(s->p, s->end, 20);

		s->err->status = FUNDING_PARSE_SYNTAX;
		if (s->p >= s->end)
			snprintf(s->err->detail, sizeof(s->err->detail),
					 "%s at the end of the input.", problem);
		else
			snprintf(s->err->detail, sizeof(s->err->detail),
					 "%s at \"%.*s%s\".", problem, len, s->p,
					 s->p + len < s->end ? "…" : "");
	}
	return false;
}

/* The common case: "Expected <what> at ..." */
static bool
syntax_error(Scanner *s, const char *what)
{
	char		problem[160];

	snprintf(problem, sizeof(problem), "Expected %s", what);
	return error_at(s, problem);
}

static bool
range_error(Scanner *s, const char *what, const char *from, const char *to)
{
	int			len = snippet_length(from, to, 40);

	s->err->status = FUNDING_PARSE_RANGE;
	snprintf(s->err->detail, sizeof(s->err->detail),
			 "The %s \"%.*s%s\" is outside the range of a 64-bit count of won.",
			 what, len, from, from + len < to ? "…" : "");
	return false;
}

/* ---------------------------------------------------------------------
 * Lexical helpers
 * ---------------------------------------------------------------------
 */

static inline bool
at_end(const Scanner *s)
{
	return s->p >= s->end;
}

static inline bool
is_digit_at(const Scanner *s, const char *p)
{
	return p < s->end && *p >= '0' && *p <= '9';
}

/* Does the literal word start at p?  Advances nothing. */
static inline bool
word_at(const Scanner *s, const char *p, const char *word, size_t len)
{
	return (size_t) (s->end - p) >= len && memcmp(p, word, len) == 0;
}

/* Consume a string literal if it is next. */
#define accept(s, literal)	accept_n((s), (literal), sizeof(literal) - 1)

static inline bool
accept_n(Scanner *s, const char *word, size_t len)
{
	if (!word_at(s, s->p, word, len))
		return false;
	s->p += len;
	return true;
}

/*
 * Width of the whitespace character at p, or 0.  Besides ASCII space, tab
 * and line breaks, documents pasted from word processors carry no-break
 * spaces (U+00A0) and ideographic spaces (U+3000).
 */
static inline int
space_width(const Scanner *s, const char *p)
{
	unsigned char c;

	if (p >= s->end)
		return 0;
	c = (unsigned char) *p;
	if (c == ' ' || (c >= '\t' && c <= '\r'))
		return 1;
	if (c == 0xC2 && s->end - p >= 2 && (unsigned char) p[1] == 0xA0)
		return 2;
	if (c == 0xE3 && s->end - p >= 3 && (unsigned char) p[1] == 0x80 &&
		(unsigned char) p[2] == 0x80)
		return 3;
	return 0;
}

/* Skip whitespace; report whether there was any. */
static inline bool
skip_spaces(Scanner *s)
{
	const char *start = s->p;
	int			w;

	while ((w = space_width(s, s->p)) > 0)
		s->p += w;
	return s->p > start;
}

/*
 * Which of the units in the table starts at p?  -1 when none.  Every unit
 * is one Hangul syllable, three bytes of UTF-8 with a lead byte of 0xEA to
 * 0xED, so anything else is rejected at the first byte.
 */
static inline int
unit_at(const Scanner *s, const char *p, const UnitWord *units, int nunits)
{
	if (s->end - p < 3 || (unsigned char) p[0] < 0xEA || (unsigned char) p[0] > 0xED)
		return -1;
	for (int i = 0; i < nunits; i++)
	{
		if (p[0] == units[i].word[0] && p[1] == units[i].word[1] && p[2] == units[i].word[2])
			return i;
	}
	return -1;
}

/*
 * A run of ASCII digits, with thousands separators when allowed: a comma
 * followed by exactly three digits continues the number.  Saturates and
 * sets *overflow beyond UINT64 range; returns the number of digits read.
 */
static int
scan_digits(Scanner *s, bool separators, uint64_t *value, bool *overflow)
{
	int			ndigits = 0;
	uint64_t	v = 0;

	for (;;)
	{
		while (is_digit_at(s, s->p))
		{
			unsigned	d = (unsigned) (*s->p - '0');

			if (__builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, d, &v))
				*overflow = true;
			s->p++;
			ndigits++;
		}
		if (separators && ndigits > 0 && !at_end(s) && *s->p == ',' &&
			is_digit_at(s, s->p + 1) && is_digit_at(s, s->p + 2) &&
			is_digit_at(s, s->p + 3) && !is_digit_at(s, s->p + 4))
		{
			s->p++;
			continue;
		}
		break;
	}
	*value = v;
	return ndigits;
}

/* ---------------------------------------------------------------------
 * Amounts
 * ---------------------------------------------------------------------
 */

/*
 * The number of one group written with the sub-units 천, 백, 십:
 * "3천5백" = 3500, "천" = 1000, "2백" = 200, "1천2백3십4" = 1234.  A
 * coefficient is one digit, except that a lone sub-unit may carry any
 * number ("5,000천원", as budget tables in 천원 write it).  Units after 십
 * ("3십4") are allowed; after 천 or 백 they are not, because "2천5"
 * means 2005 to some readers and 2500 to others.
 *
 * On entry the coefficient of the first sub-unit has been read (coef,
 * coef_digits == 0 when there was none) and s->p is at that sub-unit.
 */
static bool
scan_sub_units(Scanner *s, uint64_t coef, int coef_digits, bool separators,
			   uint64_t *value, bool *overflow)
{
	uint64_t	v = 0;
	int			prev_exp = 4;
	int			count = 0;
	bool		multidigit = coef_digits > 1 || (coef_digits == 1 && coef > 9);

	for (;;)
	{
		int			u = unit_at(s, s->p, sub_units, 3);
		int			exp;

		if (u < 0)
			return syntax_error(s, "천, 백 or 십");
		exp = sub_units[u].exponent;
		if (exp >= prev_exp)
			return syntax_error(s, "sub-units in falling order (천, 백, 십)");
		if (coef_digits > 0 && coef == 0)
			return syntax_error(s, "a non-zero digit before the sub-unit");
		if (coef_digits == 0)
			coef = 1;
		{
			uint64_t	term;

			if (__builtin_mul_overflow(coef, pow10_u64[exp], &term) ||
				__builtin_add_overflow(v, term, &v))
				*overflow = true;
		}
		s->p += 3;				/* one Hangul syllable */
		prev_exp = exp;
		count++;

		if (is_digit_at(s, s->p))
		{
			const char *digits = s->p;

			coef_digits = scan_digits(s, separators, &coef, overflow);
			if (unit_at(s, s->p, sub_units, 3) >= 0)
			{
				if (coef_digits > 1)
				{
					s->p = digits;
					return syntax_error(s, "a single digit before 천, 백 or 십");
				}
				continue;
			}
			/* Trailing units: only after 십, and only one digit. */
			if (prev_exp != 1 || coef_digits != 1 || coef == 0)
			{
				s->p = digits;
				return syntax_error(s, "천, 백 or 십 after the digits, or a unit");
			}
			if (__builtin_add_overflow(v, coef, &v))
				*overflow = true;
			break;
		}
		if (unit_at(s, s->p, sub_units, 3) >= 0)
		{
			coef_digits = 0;
			continue;
		}
		break;
	}
	if (multidigit && count > 1)
		return syntax_error(s, "a single digit before each of several sub-units");
	*value = v;
	return true;
}

/*
 * Add group * 10^exp plus its fraction to the running magnitude.  The
 * fraction is the decimal digits after the point; digits beyond the
 * unit's exponent would be fractions of a won and must be zero.
 */
static bool
add_group(Scanner *s, uint64_t *total, bool *overflow, uint64_t group,
		  int exp, const char *frac, int fraclen)
{
	uint64_t	frac_won = 0;

	for (int j = 0; j < fraclen; j++)
	{
		unsigned	d = (unsigned) (frac[j] - '0');

		if (j < exp)
			frac_won += d * pow10_u64[exp - 1 - j];
		else if (d != 0)
		{
			s->p = frac + j;
			return error_at(s, "Found a fraction of a won (amounts are whole won)");
		}
	}
	if (!*overflow)
	{
		uint64_t	g;

		/* (no division here: this runs for every amount COPY reads) */
		if (__builtin_mul_overflow(group, pow10_u64[exp], &g) ||
			__builtin_add_overflow(g, frac_won, &g) ||
			__builtin_add_overflow(*total, g, total))
			*overflow = true;
	}
	return true;
}

/*
 * One amount: optional sign, groups in falling order of 조, 억, 만 and a
 * last group with no unit, optional 원.  On success the scanner is left
 * just after the amount (trailing spaces not consumed).  A value outside
 * int64 is not a syntax error: *overflow is set and parsing goes on, so
 * that malformed text is reported as such before any range error.
 */
static bool
scan_amount(Scanner *s, int flags, int64_t *result, bool *overflow)
{
	bool		separators = (flags & AMOUNT_SEPARATORS) != 0;
	bool		negative = false;
	uint64_t	total = 0;
	int			prev_exp = 13;
	int			ngroups = 0;

	*overflow = false;
	if (!at_end(s) && *s->p == '-')
	{
		negative = true;
		s->p++;
	}
	else if (accept(s, "△"))	/* Korean budget books write cuts so */
		negative = true;

	for (;;)
	{
		const char *group_start = s->p;
		uint64_t	group = 0;
		bool		group_overflow = false;
		int			ndigits;
		const char *frac = NULL;
		int			fraclen = 0;
		int			exp = 0;
		int			u;

		ndigits = scan_digits(s, separators, &group, &group_overflow);
		if (ndigits > 0 && !at_end(s) && *s->p == '.' && is_digit_at(s, s->p + 1))
		{
			s->p++;
			frac = s->p;
			while (is_digit_at(s, s->p))
				s->p++;
			fraclen = (int) (s->p - frac);
		}
		if (ndigits > 0 && !at_end(s) && (*s->p == 'e' || *s->p == 'E'))
			return error_at(s, "Found an exponent (amounts are written out in full)");
		if (unit_at(s, s->p, sub_units, 3) >= 0)
		{
			/* "1.5천억" would be 1500억 to a reader: no fractions here */
			if (frac != NULL)
				return error_at(s, "Found 천, 백 or 십 after a decimal fraction (write 1500억, not 1.5천억)");
			if (!scan_sub_units(s, group, ndigits, separators, &group,
								&group_overflow))
				return false;
			ndigits = 1;
		}

		/* The group's myriad unit, if any, possibly after spaces. */
		{
			const char *before = s->p;

			skip_spaces(s);
			u = unit_at(s, s->p, myriad_units, 3);
			if (u >= 0 && (ndigits > 0 || s->p == before))
			{
				exp = myriad_units[u].exponent;
				s->p += 3;		/* one Hangul syllable */
			}
			else
			{
				s->p = before;
				u = -1;
			}
		}

		if (ndigits == 0)
		{
			/* "만원", "억": a myriad unit alone means one of it, first only. */
			if (u >= 0 && ngroups == 0)
				group = 1;
			else if (ngroups == 0 && (flags & AMOUNT_UNIT_ALONE) &&
					 word_at(s, s->p, "원", sizeof("원") - 1))
				group = 1;
			else
			{
				s->p = group_start;
				return syntax_error(s, "an amount");
			}
		}

		if (exp >= prev_exp)
		{
			s->p = group_start;
			return syntax_error(s, "units in falling order (조, 억, 만)");
		}
		if (ngroups > 0 && (group_overflow || group >= 10000))
		{
			s->p = group_start;
			return syntax_error(s, "fewer than four digits after a larger unit");
		}
		*overflow = *overflow || group_overflow;
		if (!add_group(s, &total, overflow, group, exp, frac, fraclen))
			return false;
		ngroups++;
		prev_exp = exp;

		if (exp == 0)
			break;

		/* Another group follows if a number or sub-unit comes next. */
		{
			const char *before = s->p;

			skip_spaces(s);
			if (!is_digit_at(s, s->p) && unit_at(s, s->p, sub_units, 3) < 0)
			{
				s->p = before;
				break;
			}
		}
	}

	/* Optional 원, possibly after spaces. */
	{
		const char *before = s->p;

		skip_spaces(s);
		if (!accept(s, "원"))
			s->p = before;
	}

	if (total > (negative ? MAGNITUDE_LIMIT : (uint64_t) INT64_MAX))
		*overflow = true;
	if (*overflow)
		*result = 0;
	else if (negative)
		*result = (total == MAGNITUDE_LIMIT) ? INT64_MIN : -(int64_t) total;
	else
		*result = (int64_t) total;
	return true;
}

/* Parse the whole of str as one amount, with thousands separators. */
bool
amount_parse(const char *str, size_t len, int64_t *result,
			 FundingParseError *err)
{
	Scanner		s = {str, str + len, err};
	const char *start;
	bool		overflow;

	err->status = FUNDING_PARSE_OK;
	skip_spaces(&s);
	start = s.p;
	if (!scan_amount(&s, AMOUNT_SEPARATORS, result, &overflow))
		return false;
	skip_spaces(&s);
	if (!at_end(&s))
		return syntax_error(&s, "the end of the amount");
	if (overflow)
		return range_error(&s, "amount", start, s.end);
	return true;
}

/*
 * A unit to count or round in: "억", "천원", "10원", "1000", or one of the
 * romanised names won, man, eok, jo.  Positive.
 */
bool
unit_parse(const char *str, size_t len, int64_t *result,
		   FundingParseError *err)
{
	static const struct
	{
		const char *name;
		int64_t		value;
	}			names[] = {
		{"won", 1}, {"man", 10000}, {"eok", 100000000},
		{"jo", 1000000000000}
	};
	Scanner		s = {str, str + len, err};
	const char *start;
	bool		overflow;

	err->status = FUNDING_PARSE_OK;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
	{
		if (len == strlen(names[i].name) &&
			strncmp(str, names[i].name, len) == 0)
		{
			*result = names[i].value;
			return true;
		}
	}
	skip_spaces(&s);
	start = s.p;
	if (!scan_amount(&s, AMOUNT_SEPARATORS | AMOUNT_UNIT_ALONE, result, &overflow))
		return false;
	skip_spaces(&s);
	if (!at_end(&s))
		return syntax_error(&s, "the end of the unit");
	if (overflow)
		return range_error(&s, "unit", start, s.end);
	if (*result <= 0)
	{
		s.p = start;
		return syntax_error(&s, "a positive unit");
	}
	return true;
}

/* The unit names that output can be written in. */
bool
display_unit_parse(const char *str, size_t len, FundingUnit *result)
{
	static const struct
	{
		const char *name;
		FundingUnit unit;
	}			names[] = {
		{"억", FUNDING_UNIT_EOK}, {"억원", FUNDING_UNIT_EOK}, {"eok", FUNDING_UNIT_EOK},
		{"원", FUNDING_UNIT_WON}, {"won", FUNDING_UNIT_WON},
		{"korean", FUNDING_UNIT_KOREAN},
		{"만", FUNDING_UNIT_MAN}, {"만원", FUNDING_UNIT_MAN}, {"man", FUNDING_UNIT_MAN},
		{"조", FUNDING_UNIT_JO}, {"조원", FUNDING_UNIT_JO}, {"jo", FUNDING_UNIT_JO}
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
	{
		if (len == strlen(names[i].name) &&
			strncmp(str, names[i].name, len) == 0)
		{
			*result = names[i].unit;
			return true;
		}
	}
	return false;
}

/* ---------------------------------------------------------------------
 * Funding literals
 * ---------------------------------------------------------------------
 */

typedef struct Parts
{
	FundingParts values;
	bool		overflow[FUNDING_NUM_COMPONENTS];
	const char *from[FUNDING_NUM_COMPONENTS];	/* the amount's text, for errors */
	const char *to[FUNDING_NUM_COMPONENTS];
} Parts;

static bool
scan_component(Scanner *s, Parts *parts, FundingComponent c, int flags)
{
	parts->from[c] = s->p;
	if (!scan_amount(s, flags, &parts->values.value[c], &parts->overflow[c]))
		return false;
	parts->to[c] = s->p;
	parts->values.given[c] = true;
	return true;
}

/* "(national, local)" or "(national, local, total)": no separators. */
static bool
scan_tuple(Scanner *s, Parts *parts)
{
	s->p++;						/* the "(" */
	skip_spaces(s);
	if (!scan_component(s, parts, FUNDING_NATIONAL, 0))
		return false;
	skip_spaces(s);
	if (!accept(s, ","))
		return syntax_error(s, "\",\" and the local amount");
	skip_spaces(s);
	if (!scan_component(s, parts, FUNDING_LOCAL, 0))
		return false;
	skip_spaces(s);
	if (accept(s, ","))
	{
		skip_spaces(s);
		if (!scan_component(s, parts, FUNDING_TOTAL, 0))
			return false;
		skip_spaces(s);
	}
	if (!accept(s, ")"))
		return syntax_error(s, "\")\"");
	skip_spaces(s);
	if (!at_end(s))
		return syntax_error(s, "the end of the input");
	return true;
}

/* Which key starts at p?  Returns its length in bytes, or 0. */
static size_t
key_at(const Scanner *s, const char *p, FundingComponent *component)
{
	unsigned char c = p < s->end ? (unsigned char) *p : 0;

	/* Keys begin with n, l, t (any case) or a Hangul syllable. */
	if (!(c >= 0xEA && c <= 0xED) && c != 'n' && c != 'N' && c != 'l' && c != 'L' &&
		c != 't' && c != 'T')
		return 0;
	for (size_t i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++)
	{
		const char *w = keywords[i].word;
		size_t		len = strlen(w);

		if ((size_t) (s->end - p) < len)
			continue;
		if ((unsigned char) w[0] < 0x80)
		{
			size_t		j;

			for (j = 0; j < len; j++)
			{
				char		c = p[j];

				if (c >= 'A' && c <= 'Z')
					c += 'a' - 'A';
				if (c != w[j])
					break;
			}
			if (j < len)
				continue;
			/* "nationalx" is not "national" */
			if (p + len < s->end &&
				((p[len] >= 'a' && p[len] <= 'z') ||
				 (p[len] >= 'A' && p[len] <= 'Z') ||
				 (p[len] >= '0' && p[len] <= '9') || p[len] == '_'))
				continue;
		}
		else if (memcmp(p, w, len) != 0)
			continue;
		*component = keywords[i].component;
		return len;
	}
	return 0;
}

/* Could an amount start here?  (A key or "(" cannot.) */
static bool
amount_starts_at(const Scanner *s)
{
	return is_digit_at(s, s->p) ||
		(!at_end(s) && *s->p == '-') ||
		word_at(s, s->p, "△", sizeof("△") - 1) ||
		unit_at(s, s->p, sub_units, 3) >= 0 ||
		unit_at(s, s->p, myriad_units, 3) >= 0;
}

/* A pair separator: ",", "·", "ㆍ" or ";". */
static bool
accept_pair_separator(Scanner *s)
{
	return accept(s, ",") || accept(s, ";") || accept(s, "·") || accept(s, "ㆍ");
}

static bool
unknown_key(Scanner *s)
{
	return syntax_error(s, "a key (national, local, total, 국비, 지방비, 시비, 도비, 총, 합계, …)");
}

/*
 * "국비 929억원, 지방비 433억원", "총 1,362억원(국비 929억원, 지방비
 * 433억원)", "national=929억 local=433억".  Parentheses may open before any
 * pair and must all close at the end.
 */
static bool
scan_keyed(Scanner *s, Parts *parts)
{
	long		depth = 0;

	/*
	 * "2,864억원(정부 2,049억원, 지방비 815억원)": an amount with no key
	 * before a parenthesised list is the total of its parts.
	 */
	if (amount_starts_at(s))
	{
		if (!scan_component(s, parts, FUNDING_TOTAL, AMOUNT_SEPARATORS))
			return false;
		skip_spaces(s);
		if (at_end(s) || *s->p != '(')
			return syntax_error(s, "a parenthesised list of national and local amounts after the total");
	}

	for (;;)
	{
		FundingComponent	c;
		size_t		keylen;
		const char *key;

		skip_spaces(s);
		while (accept(s, "("))
		{
			depth++;
			skip_spaces(s);
		}
		key = s->p;
		keylen = key_at(s, s->p, &c);
		if (keylen == 0)
			return unknown_key(s);
		s->p += keylen;
		if (parts->values.given[c])
		{
			s->p = key;
			return syntax_error(s, c == FUNDING_LOCAL ?
								"each of national, local and total at most once (시비, 도비 and the other local keys name the same component)" :
								"each of national, local and total at most once");
		}

		/* "지방비 등 2,659억원": the document's "and others" after a key */
		{
			const char *before = s->p;

			if (!(skip_spaces(s) && accept(s, "등") && space_width(s, s->p) > 0))
				s->p = before;
		}

		/* key-value separator: spaces, or "=" / ":" with optional spaces */
		{
			bool		spaced = skip_spaces(s);

			if (accept(s, "=") || accept(s, ":"))
				skip_spaces(s);
			else if (!spaced)
				return syntax_error(s, "a space, \"=\" or \":\" after the key");
		}

		if (!scan_component(s, parts, c, AMOUNT_SEPARATORS))
			return false;

		{
			bool		spaced = skip_spaces(s);

			if (at_end(s) || *s->p == ')')
				break;
			if (accept_pair_separator(s))
				continue;
			if (!spaced && *s->p != '(')
				return syntax_error(s, "\",\", \"·\", \";\" or a space between pairs");
		}
	}

	while (depth > 0 && accept(s, ")"))
	{
		depth--;
		skip_spaces(s);
	}
	if (!at_end(s))
		return syntax_error(s, depth > 0 ? "\")\"" : "the end of the input");
	if (depth > 0)
		return syntax_error(s, "\")\"");
	return true;
}

static bool
resolve_error(FundingParseError *err, FundingParseStatus status,
			  const char *detail)
{
	err->status = status;
	snprintf(err->detail, sizeof(err->detail), "%s", detail);
	return false;
}

/*
 * Fill in a missing component and check the total: with no total a missing
 * component is zero; with a total and one component the other is derived;
 * with all three they must agree.
 */
bool
funding_resolve(const FundingParts *parts, Funding *result,
				FundingParseError *err)
{
	int64_t		n = parts->value[FUNDING_NATIONAL];
	int64_t		l = parts->value[FUNDING_LOCAL];
	int64_t		t = parts->value[FUNDING_TOTAL];
	int64_t		sum;

	err->status = FUNDING_PARSE_OK;
	if (!parts->given[FUNDING_NATIONAL] && !parts->given[FUNDING_LOCAL])
		return resolve_error(err, FUNDING_PARSE_SYNTAX,
							 "A national or a local amount is needed as well as the total.");
	if (!parts->given[FUNDING_TOTAL])
	{
		if (__builtin_add_overflow(n, l, &sum))
			return resolve_error(err, FUNDING_PARSE_RANGE,
								 "The total of national and local is outside the range of a 64-bit count of won.");
	}
	else if (!parts->given[FUNDING_LOCAL])
	{
		if (__builtin_sub_overflow(t, n, &l))
			return resolve_error(err, FUNDING_PARSE_RANGE,
								 "The local amount (total minus national) is outside the range of a 64-bit count of won.");
	}
	else if (!parts->given[FUNDING_NATIONAL])
	{
		if (__builtin_sub_overflow(t, l, &n))
			return resolve_error(err, FUNDING_PARSE_RANGE,
								 "The national amount (total minus local) is outside the range of a 64-bit count of won.");
	}
	else if (__builtin_add_overflow(n, l, &sum) || sum != t)
	{
		char		nb[FUNDING_AMOUNT_BUFLEN],
					lb[FUNDING_AMOUNT_BUFLEN],
					sb[FUNDING_AMOUNT_BUFLEN],
					tb[FUNDING_AMOUNT_BUFLEN];

		amount_format(n, FUNDING_UNIT_KOREAN, nb);
		amount_format(l, FUNDING_UNIT_KOREAN, lb);
		amount_format(t, FUNDING_UNIT_KOREAN, tb);
		if (__builtin_add_overflow(n, l, &sum))
			snprintf(sb, sizeof(sb), "outside the range of a 64-bit count of won");
		else
			amount_format(sum, FUNDING_UNIT_KOREAN, sb);
		err->status = FUNDING_PARSE_MISMATCH;
		snprintf(err->detail, sizeof(err->detail),
				 "National %s plus local %s is %s, not the total %s.",
				 nb, lb, sb, tb);
		return false;
	}
	result->national = n;
	result->local = l;
	return true;
}

/*
 * A fast path for the shapes COPY loads by the million: "(n,l)" or
 * "(n,l,t)", each amount an optional '-' and bare digits, or digits with up
 * to eight decimals and 억 — exactly what output prints under 원 and 억.
 * Anything else (spaces, other units, long numbers) returns false having
 * decided nothing, and the general parser reads the text; the fuzzer checks
 * that the two agree.
 */
static bool
fast_amount(const char **pp, const char *end, int64_t *result)
{
	const char *p = *pp;
	bool		negative = false;
	uint64_t	v = 0;
	int			ndigits = 0;

	if (p < end && *p == '-')
	{
		negative = true;
		p++;
	}
	while (p < end && (unsigned) (*p - '0') < 10)
	{
		if (++ndigits > 18)
			return false;
		v = v * 10 + (unsigned) (*p++ - '0');
	}
	if (ndigits == 0)
		return false;
	if (p < end && *p == '.')
	{
		uint64_t	frac = 0;
		int			nfrac = 0;

		p++;
		while (p < end && (unsigned) (*p - '0') < 10)
		{
			if (++nfrac > 8)
				return false;
			frac = frac * 10 + (unsigned) (*p++ - '0');
		}
		if (nfrac == 0 || ndigits > 10 || !(end - p >= 3 && memcmp(p, "억", 3) == 0))
			return false;
		v = v * 100000000 + frac * pow10_u64[8 - nfrac];
		p += 3;
	}
	else if (end - p >= 3 && memcmp(p, "억", 3) == 0)
	{
		if (ndigits > 10)
			return false;
		v *= 100000000;
		p += 3;
	}
	*result = negative ? -(int64_t) v : (int64_t) v;
	*pp = p;
	return true;
}

static bool
fast_tuple(const char *str, size_t len, FundingParts *parts)
{
	const char *p = str + 1;
	const char *end = str + len;
	int			c = 0;

	if (len < 5 || str[0] != '(' || str[len - 1] != ')')
		return false;
	memset(parts, 0, sizeof(*parts));
	for (;;)
	{
		if (c == FUNDING_NUM_COMPONENTS || !fast_amount(&p, end, &parts->value[c]))
			return false;
		parts->given[c++] = true;
		if (p < end && *p == ',')
			p++;
		else
			break;
	}
	return c >= 2 && p == end - 1;
}

bool
funding_parse(const char *str, size_t len, Funding *result,
			  FundingParseError *err)
{
	Scanner		s = {str, str + len, err};
	Parts		parts;
	bool		tuple = false;

	if (fast_tuple(str, len, &parts.values))
		return funding_resolve(&parts.values, result, err);

	memset(&parts, 0, sizeof(parts));
	err->status = FUNDING_PARSE_OK;
	skip_spaces(&s);
	if (at_end(&s))
		return syntax_error(&s, "a funding value such as \"(929억,433억)\" or \"국비 929억원, 지방비 433억원\"");

	if (*s.p == '(')
	{
		Scanner		look = s;
		FundingComponent	c;

		look.p++;
		skip_spaces(&look);
		while (!at_end(&look) && *look.p == '(')
		{
			look.p++;
			skip_spaces(&look);
		}
		tuple = key_at(&look, look.p, &c) == 0;
	}
	if (tuple ? !scan_tuple(&s, &parts) : !scan_keyed(&s, &parts))
		return false;
	for (int c = 0; c < FUNDING_NUM_COMPONENTS; c++)
	{
		if (parts.values.given[c] && parts.overflow[c])
		{
			char		what[32];

			snprintf(what, sizeof(what), "%s amount", component_names[c]);
			return range_error(&s, what, parts.from[c], parts.to[c]);
		}
	}
	return funding_resolve(&parts.values, result, err);
}
