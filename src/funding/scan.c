/*-------------------------------------------------------------------------
 *
 * scan.c
 *	  Reading one amount of money the way Korean documents write it
 *	  (doc/regionpolicy.md, "Input", grammar version 2), and units.
 *
 *	  an optional sign (- or △) and currency mark (₩, ￦, KRW), the
 *	  contract wrapper 금 … 원정; groups in strictly falling order of the
 *	  myriad units 경 조 억 만 and a last group with none; an optional 원.
 *	  A group's number is ASCII digits (the first group may carry a decimal),
 *	  digits and Hangul numerals with the sub-units 천 백 십, or both mixed.
 *
 * Plain C with no PostgreSQL dependency and no allocation (see parse.c).
 * Where a reader could take the text two ways (12억 5천: 5천만 or 5천원?)
 * the scanner refuses it and the hint shows both readings.
 *
 *-------------------------------------------------------------------------
 */
#include <stdio.h>
#include <string.h>

#include "scan.h"

/* Largest magnitude an amount may have: that of INT64_MIN. */
#define MAGNITUDE_LIMIT		((uint64_t) INT64_MAX + 1)

/*
 * Myriad units: each group of an amount ends with one, or with none.  The
 * Hanja that headlines and older documents write stand for the same units
 * (5兆328億, 418萬원).
 */
const ScanWord scan_myriad_units[SCAN_NMYRIAD] = {
	{"경", 16}, {"조", 12}, {"억", 8}, {"만", 4},
	{"京", 16}, {"兆", 12}, {"億", 8}, {"萬", 4},
	{"亿", 8}, {"万", 4}		/* simplified, and Japanese 万 */
};
#define NMYRIAD SCAN_NMYRIAD

/* Sub-units inside a group, in Hangul or Hanja. */
const ScanWord scan_sub_units[] = {
	{"천", 3}, {"백", 2}, {"십", 1}, {"千", 3}, {"百", 2}, {"十", 1}
};
#define NSUB 6

/* Hangul digits; 영 and 공 are zero. */
static const ScanWord hangul_digits[] = {
	{"일", 1}, {"이", 2}, {"삼", 3}, {"사", 4}, {"오", 5}, {"육", 6},
	{"륙", 6}, {"칠", 7}, {"팔", 8}, {"구", 9}, {"영", 0}, {"공", 0}
};
#define NHDIGITS 12

/* Words that make a figure approximate. */
typedef struct ApproxWord
{
	const char *word;
	bool		readable;		/* parse_amount(..., approximate => true) reads it */
} ApproxWord;

static const ApproxWord approx_suffixes[] = {
	{"가량", true}, {"내외", true}, {"정도", true}, {"안팎", true}, {"쯤", true},
	{"이상", false}, {"미만", false}, {"초과", false}, {"이하", false},
	{"余り", false}				/* Japanese: "a little over" */
};

/*
 * Words before an amount that make it approximate: 約, 约 and およそ of the
 * Japanese and Chinese editions of Korean news, and the English hedges.
 */
static const char *const approx_prefixes[] = {
	"約", "约", "およそ", "approximately", "approx.", "about", "around", "roughly", "some"
};

/* The won as the Japanese and Chinese editions write it, besides 원. */
static const char *const foreign_won[] = {"ウォン", "韓元", "韩元", "韓圜", "㌆"};

/*
 * Words after an amount that only describe it: 상당 ("worth"), 규모
 * ("on the scale of"), their Japanese 相当 and 規模, and English "scale".
 */
static const char *const describing_suffixes[] = {"상당", "규모", "相当", "規模"};

/* ---------------------------------------------------------------------
 * Errors
 * ---------------------------------------------------------------------
 */

/* Length in bytes of at most n UTF-8 characters starting at p. */
int
scan_snippet_length(const char *p, const char *end, int n)
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
bool
scan_error_at(Scanner *s, const char *problem)
{
	if (s->err->status == FUNDING_PARSE_OK)
	{
		int			len = scan_snippet_length(s->p, s->end, 20);

		s->err->status = FUNDING_PARSE_SYNTAX;
		if (s->p >= s->end)
			snprintf(s->err->detail, sizeof(s->err->detail),
					 T_("%s at the end of the input."), T_(problem));
		else
			snprintf(s->err->detail, sizeof(s->err->detail),
					 T_("%s at \"%.*s%s\"."), T_(problem), len, s->p,
					 s->p + len < s->end ? "…" : "");
	}
	return false;
}

/* The common case: "Expected <what> at ..." */
bool
scan_syntax_error(Scanner *s, const char *what)
{
	char		problem[512];

	snprintf(problem, sizeof(problem), T_("Expected %s"), T_(what));
	return scan_error_at(s, problem);
}

/* Set the hint of the error being reported (the first one only). */
void
scan_hint(Scanner *s, const char *fmt_text)
{
	if (s->err->hint[0] == '\0')
		snprintf(s->err->hint, sizeof(s->err->hint), "%s", T_(fmt_text));
}

bool
scan_range_error(Scanner *s, const char *what, const char *from, const char *to)
{
	int			len = scan_snippet_length(from, to, 40);

	s->err->status = FUNDING_PARSE_RANGE;
	snprintf(s->err->detail, sizeof(s->err->detail),
			 T_("The %s \"%.*s%s\" is outside the range of a 64-bit count of won."),
			 T_(what), len, from, from + len < to ? "…" : "");
	return false;
}

/* "1,250,000,000" */
static void
write_grouped(uint64_t v, char *buf, size_t size)
{
	char		digits[24];
	int			n = snprintf(digits, sizeof(digits), "%llu", (unsigned long long) v);
	size_t		o = 0;

	for (int i = 0; i < n && o + 2 < size; i++)
	{
		if (i > 0 && (n - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = digits[i];
	}
	buf[o] = '\0';
}

/* ---------------------------------------------------------------------
 * Lexical helpers
 * ---------------------------------------------------------------------
 */

/*
 * Width of the whitespace character at p, or 0.  Besides ASCII space, tab
 * and line breaks, documents pasted from word processors carry no-break
 * spaces (U+00A0) and ideographic spaces (U+3000).
 */
int
scan_space_width(const Scanner *s, const char *p)
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

bool
scan_skip_spaces(Scanner *s)
{
	const char *start = s->p;
	int			w;

	while ((w = scan_space_width(s, s->p)) > 0)
		s->p += w;
	return s->p > start;
}

/*
 * An amount quoted as a whole, as headlines quote figures: ‘100조원’,
 * “5억원”, '3천억 원', 「…」.  The scanner, past leading spaces, is narrowed
 * to what is inside when the text (but for trailing spaces) ends with the
 * matching closing mark.
 */
void
scan_strip_quotes(Scanner *s)
{
	static const char *const pairs[][2] = {
		{"‘", "’"}, {"“", "”"}, {"'", "'"}, {"\"", "\""}, {"「", "」"}, {"『", "』"}
	};
	const char *end = s->end;

	while (end > s->p && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++)
	{
		size_t		open = strlen(pairs[i][0]),
					close = strlen(pairs[i][1]);

		if ((size_t) (end - s->p) > open + close &&
			memcmp(s->p, pairs[i][0], open) == 0 && memcmp(end - close, pairs[i][1], close) == 0)
		{
			s->p += open;
			s->end = end - close;
			scan_skip_spaces(s);
			return;
		}
	}
}

bool
scan_accept_n(Scanner *s, const char *word, size_t len)
{
	if (!scan_word_at(s, s->p, word, len))
		return false;
	s->p += len;
	return true;
}

/* A Hangul syllable (U+AC00..U+D7A3) at p: its code point, or 0. */
unsigned
scan_syllable_at(const Scanner *s, const char *p)
{
	const unsigned char *u = (const unsigned char *) p;
	unsigned	cp;

	if (s->end - p < 3 || u[0] < 0xEA || u[0] > 0xED)
		return 0;
	cp = ((u[0] & 0x0F) << 12) | ((u[1] & 0x3F) << 6) | (u[2] & 0x3F);
	return (cp >= 0xAC00 && cp <= 0xD7A3) ? cp : 0;
}

/*
 * Which word of the table (each one Hangul syllable) starts at p?  -1 when
 * none.  Anything but a three-byte lead of 0xEA..0xED is rejected at the
 * first byte.
 */
int
scan_unit_at(const Scanner *s, const char *p, const ScanWord *units, int nunits)
{
	/* every unit is a three-byte character: Hangul (EA..ED) or Hanja (E4..E9) */
	if (s->end - p < 3 || (unsigned char) p[0] < 0xE4 || (unsigned char) p[0] > 0xED)
		return -1;
	for (int i = 0; i < nunits; i++)
	{
		if (p[0] == units[i].word[0] && p[1] == units[i].word[1] && p[2] == units[i].word[2])
			return i;
	}
	return -1;
}

static inline int
hangul_digit_at(const Scanner *s, const char *p)
{
	int			i = scan_unit_at(s, p, hangul_digits, NHDIGITS);

	return i < 0 ? -1 : hangul_digits[i].exponent;
}

static inline bool
sub_unit_at(const Scanner *s, const char *p)
{
	return scan_unit_at(s, p, scan_sub_units, NSUB) >= 0;
}

static inline bool
myriad_at(const Scanner *s, const char *p)
{
	return scan_unit_at(s, p, scan_myriad_units, NMYRIAD) >= 0;
}

/*
 * Two Hangul syllables one keystroke apart: they differ in exactly one of
 * initial, vowel and final (a compound vowel such as ㅝ counts as one key
 * away from either of its halves only through the table below).
 */
bool
scan_one_key_apart(unsigned a, unsigned b)
{
	int			ia,
				ma,
				fa,
				ib,
				mb,
				fb;
	int			diff;

	if (a == b || a < 0xAC00 || b < 0xAC00)
		return false;
	a -= 0xAC00;
	b -= 0xAC00;
	ia = a / 588;
	ma = (a / 28) % 21;
	fa = a % 28;
	ib = b / 588;
	mb = (b / 28) % 21;
	fb = b % 28;
	diff = (ia != ib) + (ma != mb) + (fa != fb);
	return diff == 1;
}

/* Which of the single-syllable words is the syllable at p one key from? */
static const char *
near_unit(const Scanner *s, const char *p)
{
	static const char *const words[] = {"원", "억", "만", "조", "천", "백", "십"};
	unsigned	cp = scan_syllable_at(s, p);

	if (cp == 0)
		return NULL;
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
	{
		Scanner		w = {words[i], words[i] + 3, NULL};

		if (scan_one_key_apart(cp, scan_syllable_at(&w, words[i])))
			return words[i];
	}
	return NULL;
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
		while (scan_is_digit_at(s, s->p))
		{
			unsigned	d = (unsigned) (*s->p - '0');

			if (__builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, d, &v))
				*overflow = true;
			s->p++;
			ndigits++;
		}
		if (separators && ndigits > 0 && !scan_at_end(s) && *s->p == ',' &&
			scan_is_digit_at(s, s->p + 1) && scan_is_digit_at(s, s->p + 2) &&
			scan_is_digit_at(s, s->p + 3) && !scan_is_digit_at(s, s->p + 4))
		{
			s->p++;
			continue;
		}
		break;
	}
	*value = v;
	return ndigits;
}

/*
 * Does a Hangul numeral start at p, rather than a word that begins with a
 * numeral syllable (구비, 사업비, 이상)?  The numeral syllables must run
 * up to a myriad unit, 원, a space, punctuation or the end.
 */
static bool
hangul_number_at(const Scanner *s, const char *p)
{
	const char *q = p;

	if (hangul_digit_at(s, q) < 0 && !sub_unit_at(s, q))
		return false;
	while (hangul_digit_at(s, q) >= 0 || sub_unit_at(s, q))
		q += 3;
	if (q >= s->end || myriad_at(s, q) || scan_word_at(s, q, "원", 3) ||
		scan_space_width(s, q) > 0 || scan_is_digit_at(s, q))
		return true;
	/* glued to something else Hangul: a word, not a number */
	return scan_syllable_at(s, q) == 0;
}

/* Could a number (of a group) start at p? */
bool
scan_number_at(const Scanner *s, const char *p)
{
	return scan_is_digit_at(s, p) || hangul_number_at(s, p);
}

/* ---------------------------------------------------------------------
 * One group's number
 * ---------------------------------------------------------------------
 */

typedef struct GroupNumber
{
	uint64_t	value;
	bool		overflow;
	int			ndigits;		/* > 0 when a number was read */
	bool		sub_units;		/* written with 천, 백 or 십 */
	int			unit_sub_exp;	/* 2 or 3 for digits and one 백 or 천 ("516백"), else 0 */
	bool		no_number;		/* a sub-unit alone, "천": a unit word, no digit */
	const char *frac;			/* decimal digits after a point, or NULL */
	int			fraclen;
	const char *point;			/* where the point stood */
	char		spelled[8];		/* the digits of a spelled fraction (61-point-eight) */
} GroupNumber;

/* A coefficient: ASCII digits, or one Hangul digit.  0 digits if none. */
static int
scan_coefficient(Scanner *s, bool separators, uint64_t *v, bool *overflow)
{
	int			d;

	if (scan_is_digit_at(s, s->p))
		return scan_digits(s, separators, v, overflow);
	d = hangul_digit_at(s, s->p);
	if (d >= 0 && hangul_number_at(s, s->p))
	{
		*v = (uint64_t) d;
		s->p += 3;
		return 1;
	}
	*v = 0;
	return 0;
}

/*
 * The number of one group: "2864", "259.1", "3천5백", "천", "1천44",
 * "이천오백", "2천 5백", "5,000천" (천원 tables).  Spaces may stand
 * between the terms of a sub-unit group.
 */
static bool
scan_group_number(Scanner *s, bool separators, GroupNumber *g)
{
	uint64_t	coef = 0;
	int			coef_digits;
	int			prev_exp = 4;
	int			terms = 0;
	bool		multidigit;
	bool		digit_coef = scan_is_digit_at(s, s->p);
	bool		remainder = false;
	const char *zero = NULL;	/* "0천": a zero count of the sub-unit */
	bool		bare_first = false; /* "천": the first sub-unit with no coefficient */

	memset(g, 0, sizeof(*g));
	coef_digits = scan_coefficient(s, separators, &coef, &g->overflow);
	if (coef_digits > 0 && scan_is_digit_at(s, s->p - 1) && !scan_at_end(s) &&
		*s->p == '.' && scan_is_digit_at(s, s->p + 1))
	{
		g->point = s->p;
		s->p++;
		g->frac = s->p;
		while (scan_is_digit_at(s, s->p))
			s->p++;
		g->fraclen = (int) (s->p - g->frac);
		if (sub_unit_at(s, s->p))
			return scan_error_at(s, "Found 천, 백 or 십 after a decimal fraction (write 1500억, not 1.5천억)");
	}
	if (coef_digits > 0 && !scan_at_end(s) && (*s->p == 'e' || *s->p == 'E') &&
		scan_is_digit_at(s, s->p - 1))
		return scan_error_at(s, "Found an exponent (amounts are written out in full)");

	if (!sub_unit_at(s, s->p))
	{
		g->value = coef;
		g->ndigits = coef_digits;
		return true;
	}

	/* Terms: [coefficient] sub-unit, in falling order; then a remainder. */
	multidigit = coef_digits > 1 || (coef_digits == 1 && coef > 9);
	g->sub_units = true;
	for (;;)
	{
		int			u = scan_unit_at(s, s->p, scan_sub_units, NSUB);
		int			exp = scan_sub_units[u].exponent;
		uint64_t	term;

		if (exp >= prev_exp)
			return scan_syntax_error(s, "sub-units in falling order (천, 백, 십)");
		if (zero != NULL)
		{
			/* "0천5백": zero thousands and five hundreds is no way to write 500 */
			s->p = zero;
			return scan_syntax_error(s, "a non-zero digit before the sub-unit (0천 alone is zero)");
		}
		if (coef_digits > 0 && coef == 0)
		{
			/* "0천원" is zero, as a 천원 table's zero cell reads */
			if (terms > 0 || !digit_coef)
				return scan_syntax_error(s, "a non-zero digit before the sub-unit");
			zero = s->p - coef_digits;
		}
		if (coef_digits == 0)
		{
			coef = 1;
			bare_first |= terms == 0;
		}
		if (__builtin_mul_overflow(coef, amount_pow10[exp], &term) ||
			__builtin_add_overflow(g->value, term, &g->value))
			g->overflow = true;
		s->p += 3;
		prev_exp = exp;
		terms++;

		/* What follows, possibly after spaces inside the group */
		{
			const char *before = s->p;
			const char *digits;

			scan_skip_spaces(s);
			digits = s->p;
			if (sub_unit_at(s, s->p) && hangul_number_at(s, s->p))
			{
				coef_digits = 0;
				continue;
			}
			if (!scan_number_at(s, s->p))
			{
				s->p = before;
				break;
			}
			coef_digits = scan_coefficient(s, separators, &coef, &g->overflow);
			if (sub_unit_at(s, s->p))
			{
				if (coef_digits > 1 || coef > 9)
				{
					s->p = digits;
					return scan_syntax_error(s, "a single digit before 천, 백 or 십");
				}
				continue;
			}
			if (!scan_at_end(s) && *s->p == '.' && scan_is_digit_at(s, s->p + 1))
				return scan_error_at(s, "Found a decimal point inside a number written with 천, 백 or 십");
			if (zero != NULL)
			{
				s->p = zero;
				return scan_syntax_error(s, "a non-zero digit before the sub-unit (0천 alone is zero)");
			}
			/* The remainder below the last sub-unit: 1천44, 2천5, 3십4 */
			if (coef >= amount_pow10[prev_exp])
			{
				s->p = digits;
				return scan_syntax_error(s, "a remainder smaller than the sub-unit before it (1천44억 is 1044억; 1천2345억 is not a number)");
			}
			if (__builtin_add_overflow(g->value, coef, &g->value))
				g->overflow = true;
			remainder = true;
			break;
		}
	}
	if (multidigit && terms > 1)
		return scan_syntax_error(s, "a single digit before each of several sub-units");
	/* "516백" (of 백만원) and "5,160천" (of 천원) are counts of a unit */
	if (digit_coef && terms == 1 && !remainder && (prev_exp == 2 || prev_exp == 3))
		g->unit_sub_exp = prev_exp;
	g->no_number = bare_first && terms == 1 && !remainder;
	g->ndigits = 1;
	return true;
}

/*
 * Add group * 10^exp plus its fraction to the running magnitude.  The
 * fraction is the decimal digits after the point; digits beyond the
 * unit's exponent would be fractions of a won and must be zero.
 */
static bool
add_group(Scanner *s, uint64_t *total, bool *overflow, const GroupNumber *g,
		  int exp)
{
	uint64_t	frac_won = 0;

	for (int j = 0; j < g->fraclen; j++)
	{
		unsigned	d = (unsigned) (g->frac[j] - '0');

		if (j < exp)
			frac_won += d * amount_pow10[exp - 1 - j];
		else if (d != 0)
		{
			s->p = g->frac + j;
			return scan_error_at(s, "Found a fraction of a won (amounts are whole won)");
		}
	}
	if (!*overflow)
	{
		uint64_t	v;

		/* (no division here: this runs for every amount COPY reads) */
		if (__builtin_mul_overflow(g->value, amount_pow10[exp], &v) ||
			__builtin_add_overflow(v, frac_won, &v) ||
			__builtin_add_overflow(*total, v, total))
			*overflow = true;
	}
	return true;
}

/* ---------------------------------------------------------------------
 * Amounts
 * ---------------------------------------------------------------------
 */

static bool
approximate_error(Scanner *s, const char *word, bool readable)
{
	char		problem[512];

	snprintf(problem, sizeof(problem),
			 T_("Found \"%s\", which makes the figure approximate (a funding value is exact)"), word);
	scan_error_at(s, problem);
	scan_hint(s, readable ?
			  gettext_noop("Give the exact figure. parse_amount(text, approximate => true) reads the figure that 약, 가량, 내외, 정도, 안팎, 쯤, 約 or about qualify.") :
			  gettext_noop("Give the exact figure: 여 (more than), 이상, 미만 and ranges name no single amount."));
	return false;
}

/*
 * 여 ("more than") after the digits, possibly after spaces: standing alone,
 * or before a myriad unit or 원 (56억6800여만원, 52억여원, 291억 여 원).  The
 * scanner is left where it was; on true it points at 여, for the message.
 */
static bool
more_than_at(Scanner *s)
{
	const char *before = s->p;

	scan_skip_spaces(s);
	if (scan_word_at(s, s->p, "여", 3) &&
		(!scan_syllable_at(s, s->p + 3) || myriad_at(s, s->p + 3) ||
		 scan_word_at(s, s->p + 3, "원", 3)))
		return true;
	s->p = before;
	return false;
}

/* An approximation word (suffix) at p: its index, or -1. */
static int
approx_suffix_at(const Scanner *s, const char *p)
{
	for (size_t i = 0; i < sizeof(approx_suffixes) / sizeof(approx_suffixes[0]); i++)
		if (scan_word_at(s, p, approx_suffixes[i].word, strlen(approx_suffixes[i].word)))
			return (int) i;
	return -1;
}

/*
 * The hint for "12억 5천": both readings, in words and in won.
 */
static void
ambiguity_hint(Scanner *s, const char *from, const char *to, uint64_t literal,
			   uint64_t last_group, int prev_exp, bool negative)
{
	char		text[96];
	char		lit[32],
				alt[32];
	const char *unit = prev_exp == 16 ? "조" : prev_exp == 12 ? "억" : "만";
	int			len = scan_snippet_length(from, to, 30);
	uint64_t	shorthand = literal - last_group;
	char		hint[sizeof(s->err->hint)];

	snprintf(text, sizeof(text), "%.*s", len, from);
	/* the shorthand drops the next lower myriad unit */
	if (!__builtin_mul_overflow(last_group, amount_pow10[prev_exp - 4], &last_group) &&
		!__builtin_add_overflow(shorthand, last_group, &shorthand))
		write_grouped(shorthand, alt, sizeof(alt));
	else
		snprintf(alt, sizeof(alt), T_("out of range"));
	write_grouped(literal, lit, sizeof(lit));
	snprintf(hint, sizeof(hint),
			 T_("\"%s\" could be %s%s (%s%s won, as speech shortens it) or %s원 (%s%s won). Write the unit: \"%s%s\" or \"%s원\"."),
			 text, text, unit, negative ? "-" : "", alt, text, negative ? "-" : "", lit,
			 text, unit, text);
	scan_hint(s, hint);
}

/*
 * The plain amounts output prints under 원 and 억, and COPY loads by the
 * million: an optional '-' and up to 18 digits, or up to 10 digits with up
 * to eight decimals and 억.  On success the scanner is left after the
 * amount; anything else returns false having moved and decided nothing,
 * for scan_amount to read in full.  The fuzzer checks that the two agree.
 */
bool
scan_plain_amount(Scanner *s, int64_t *result)
{
	const char *p = s->p;
	const char *end = s->end;
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
		if (nfrac == 0 || ndigits > 10 || !scan_word_at(s, p, "억", 3))
			return false;
		v = v * 100000000 + frac * amount_pow10[8 - nfrac];
		p += 3;
	}
	else if (scan_word_at(s, p, "억", 3))
	{
		if (ndigits > 10)
			return false;
		v *= 100000000;
		p += 3;
	}
	*result = negative ? -(int64_t) v : (int64_t) v;
	s->p = p;
	return true;
}

/* What scan_amount keeps while it reads the groups of an amount. */
typedef struct AmountGroups
{
	bool		negative;
	const char *start;			/* the first group */
	uint64_t	total;
	int			prev_exp;		/* the previous group's unit */
	int			exp_before_last;
	int			ngroups;
	uint64_t	last_group;
	bool		last_sub_units;
	const char *first_frac_point;
	bool		marked;			/* a currency mark before: ₩, KRW, \ */
	bool		contract;		/* 금 or 일금 before */
	bool		english;		/* million, billion or trillion */
	bool		no_number;		/* the first group has no digit: "천원", "억원" */
	const char *numeral;		/* the last group is one Hangul numeral: "5억이" */
} AmountGroups;

/* The name of a myriad unit's power of ten, for messages. */
static const char *
myriad_name(int exp)
{
	return exp == 16 ? "경" : exp == 12 ? "조" : exp == 8 ? "억" : "만";
}

/*
 * "국비 천원": a unit with no number, what a blank or "-" spreadsheet cell
 * joined to its unit gives.  Refused in the keyed form (doc/regionpolicy.md,
 * "Input"); the hint shows how to write none and how to write one.
 */
static bool
no_number_error(Scanner *s, const char *from, const char *to)
{
	int			len = scan_snippet_length(from, to, 12);
	char		hint[sizeof(s->err->hint)];

	s->p = from;
	scan_error_at(s, "Found a unit with no number before it");
	snprintf(hint, sizeof(hint),
			 T_("A blank or \"-\" spreadsheet cell joined to its unit reads as \"%.*s\", with no number. Write 0 for none (0%.*s), or the number (1%.*s)."),
			 len, from, len, from, len, from);
	scan_hint(s, hint);
	return false;
}

/*
 * "5억이": one Hangul numeral after a myriad unit, with no 원, is as likely
 * the particle 이 (5억이 투입된다) or another word as the digit two.  The
 * hint shows both readings; a text too long to repeat is left out of it.
 */
static bool
numeral_particle_error(Scanner *s, const AmountGroups *st, bool overflow)
{
	const char *before_end = st->numeral;
	int			len = scan_snippet_length(st->start, st->numeral + 3, 30);
	int			blen;
	char		with_digit[32],
				without_digit[32];
	char		hint[2 * sizeof(s->err->hint)];
	char		problem[512];
	unsigned long long digit = (unsigned long long) st->last_group;
	const char *sign = st->negative ? "-" : "";

	while (before_end > st->start && before_end[-1] == ' ')
		before_end--;
	blen = scan_snippet_length(st->start, before_end, 30);
	if (overflow)
	{
		snprintf(with_digit, sizeof(with_digit), T_("out of range"));
		snprintf(without_digit, sizeof(without_digit), T_("out of range"));
		sign = "";
	}
	else
	{
		write_grouped(st->total, with_digit, sizeof(with_digit) - 4);
		write_grouped(st->total - st->last_group, without_digit, sizeof(without_digit) - 4);
		strcat(with_digit, T_(" won"));
		strcat(without_digit, T_(" won"));
	}
	s->p = st->start;
	snprintf(problem, sizeof(problem),
			 T_("Found one Hangul numeral after %s with no 원, which reads two ways (a word such as the particle 이, or a digit)"),
			 myriad_name(st->exp_before_last));
	scan_error_at(s, problem);
	if (snprintf(hint, sizeof(hint),
				 T_("\"%.*s\" could be %.*s followed by the word %.3s (%s%s) or %.*s %llu원 (%s%s). Write \"%.*s\" alone, or \"%.*s %llu원\"."),
				 len, st->start, blen, st->start, st->numeral, sign, without_digit,
				 blen, st->start, digit, sign, with_digit,
				 blen, st->start, blen, st->start, digit) >= (int) sizeof(s->err->hint))
		snprintf(hint, sizeof(hint),
				 T_("The amount could end before the word %.3s (%s%s) or in the digit %llu (%s%s). Write the amount alone, or %llu원 at its end."),
				 st->numeral, sign, without_digit, digit, sign, with_digit, digit);
	scan_hint(s, hint);
	return false;
}

/*
 * English, as ministries' English releases and wire services write amounts:
 * a scale word after the number (184.6 billion won, KRW 7 Tn, 5.7-trillion-won).
 * Case does not matter; the word must end there.
 */
typedef struct EnglishWord
{
	const char *word;
	int			exponent;
} EnglishWord;

static const EnglishWord english_scales[] = {
	{"trillion", 12}, {"tril.", 12}, {"tril", 12}, {"tln", 12}, {"tn", 12},
	{"billion", 9}, {"bln", 9}, {"bn", 9},
	{"million", 6}, {"mln", 6}, {"mn", 6},
	{"quadrillion", 15}, {"thousand", 3}
};

static bool
ascii_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Does the English word start at p, in any case, and end there? */
bool
english_word_at(const Scanner *s, const char *p, const char *word)
{
	size_t		len = strlen(word);

	if ((size_t) (s->end - p) < len)
		return false;
	for (size_t i = 0; i < len; i++)
	{
		char		c = p[i];

		if (c >= 'A' && c <= 'Z')
			c = (char) (c - 'A' + 'a');
		if (c != word[i])
			return false;
	}
	return word[len - 1] == '.' || p + len >= s->end || !ascii_letter(p[len]);
}

/* An English scale after a number, possibly after a space or a hyphen. */
static int
scan_english_scale(Scanner *s)
{
	Scanner		look = *s;

	if (!scan_accept(&look, "-"))
		scan_skip_spaces(&look);
	for (size_t i = 0; i < sizeof(english_scales) / sizeof(english_scales[0]); i++)
	{
		if (english_word_at(&look, look.p, english_scales[i].word))
		{
			s->p = look.p + strlen(english_scales[i].word);
			return english_scales[i].exponent;
		}
	}
	return -1;
}

static const char *const english_digit_words[] = {
	"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"
};

/* A hyphen or one space between spelled words; false (nothing read) if neither. */
static bool
scan_word_gap(Scanner *s)
{
	return scan_accept(s, "-") || scan_accept(s, " ");
}

/* Does a scale word (after a gap) come next?  Nothing is read. */
static bool
english_scale_next(const Scanner *s)
{
	Scanner		look = *s;

	return scan_english_scale(&look) > 0;
}

/* One to ninety-nine in words: seven, seventeen, seventy, seventy-seven. */
static bool
scan_english_below_hundred(Scanner *s, uint64_t *value)
{
	static const char *const teens[] = {
		"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
		"seventeen", "eighteen", "nineteen"
	};
	static const char *const tens[] = {
		"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"
	};

	for (int i = 0; i < 10; i++)
		if (english_word_at(s, s->p, teens[i]))
		{
			s->p += strlen(teens[i]);
			*value = 10 + i;
			return true;
		}
	for (int i = 0; i < 8; i++)
		if (english_word_at(s, s->p, tens[i]))
		{
			Scanner		unit = *s;

			unit.p += strlen(tens[i]);
			s->p = unit.p;
			*value = 20 + 10 * i;
			if (scan_accept(&unit, "-"))
				for (int d = 1; d < 10; d++)
					if (english_word_at(&unit, unit.p, english_digit_words[d]))
					{
						s->p = unit.p + strlen(english_digit_words[d]);
						*value += d;
						break;
					}
			return true;
		}
	for (int d = 1; d < 10; d++)
		if (english_word_at(s, s->p, english_digit_words[d]))
		{
			s->p += strlen(english_digit_words[d]);
			*value = d;
			return true;
		}
	return false;
}

/*
 * A number below 1000 in words, as wire services spell figures out: one,
 * eleven, forty-two, One-hundred, three hundred and five.  In any case;
 * false, consuming nothing, if none starts here.
 */
static bool
scan_english_number(Scanner *s, uint64_t *value)
{
	Scanner		look = *s;
	uint64_t	v;

	if (!scan_english_below_hundred(&look, &v))
		return false;
	if (v < 10)
	{
		Scanner		h = look;

		if (scan_word_gap(&h) && english_word_at(&h, h.p, "hundred"))
		{
			Scanner		r;
			uint64_t	rest;

			h.p += 7;
			v *= 100;
			look = h;
			r = look;
			if (scan_word_gap(&r))
			{
				Scanner		r2 = r;

				if (english_word_at(&r2, r2.p, "and") && (r2.p += 3, scan_word_gap(&r2)))
					r = r2;
				if (scan_english_below_hundred(&r, &rest))
				{
					v += rest;
					look = r;
				}
			}
		}
	}
	*value = v;
	s->p = look.p;
	return true;
}

/*
 * The fraction wire services write with "point" before a scale word:
 * 61-point-eight trillion won, three-point-83 trillion won, 388-and-a-half
 * trillion won.  Taken, into g's fraction, only when a scale word follows;
 * returns the scale's exponent, or -1 with nothing consumed.
 */
static int
scan_spelled_fraction(Scanner *s, GroupNumber *g)
{
	Scanner		look = *s;
	int			n = 0;
	int			e;

	if (g->frac != NULL || !scan_word_gap(&look))
		return -1;
	if (english_word_at(&look, look.p, "point"))
	{
		look.p += 5;
		if (!scan_word_gap(&look))
			return -1;
		if (scan_is_digit_at(&look, look.p))
		{
			while (scan_is_digit_at(&look, look.p))
			{
				if (n == (int) sizeof(g->spelled))
					return -1;
				g->spelled[n++] = *look.p++;
			}
		}
		else
			for (;;)
			{
				int			d;

				for (d = 0; d < 10 && !english_word_at(&look, look.p, english_digit_words[d]); d++)
					;
				if (d == 10 || n == (int) sizeof(g->spelled))
					return -1;
				look.p += strlen(english_digit_words[d]);
				g->spelled[n++] = (char) ('0' + d);
				/* more digits: point-eight-five */
				if (look.end - look.p < 2 || look.p[0] != '-' || !ascii_letter(look.p[1]) ||
					english_scale_next(&look))
					break;
				look.p++;
			}
	}
	else if (english_word_at(&look, look.p, "and") &&
			 (look.p += 3, scan_word_gap(&look)) &&
			 english_word_at(&look, look.p, "a") &&
			 (look.p += 1, scan_word_gap(&look)) &&
			 english_word_at(&look, look.p, "half"))
	{
		look.p += 4;
		g->spelled[n++] = '5';
	}
	else
		return -1;
	if ((e = scan_english_scale(&look)) < 0)
		return -1;
	g->frac = g->spelled;
	g->fraclen = n;
	g->point = s->p;
	s->p = look.p;
	return e;
}

/*
 * A first group spelled out: one-point-six trillion won, One-hundred-trillion
 * won, eleven-point-seven-trillion-won.  Only before a scale word; returns
 * its exponent, or -1 with nothing consumed.
 */
static int
scan_spelled_group(Scanner *s, GroupNumber *g)
{
	Scanner		look = *s;
	int			e;

	memset(g, 0, sizeof(*g));
	if (!scan_english_number(&look, &g->value))
		return -1;
	if ((e = scan_spelled_fraction(&look, g)) < 0 &&
		(e = scan_english_scale(&look)) < 0)
		return -1;
	g->ndigits = 1;
	s->p = look.p;
	return e;
}

/*
 * After an English group: does another follow, a smaller scale, possibly
 * after "and" (4 trillion and 600 billion won)?  Leaves s at its number.
 */
static bool
english_group_follows(Scanner *s, bool separators)
{
	Scanner		look = *s;
	FundingParseError quiet = {.status = FUNDING_PARSE_OK};
	GroupNumber g;

	look.err = &quiet;
	if (!scan_skip_spaces(&look))
		return false;
	if (english_word_at(&look, look.p, "and"))
	{
		look.p += 3;
		if (!scan_skip_spaces(&look))
			return false;
	}
	if (!scan_at_end(&look) && ascii_letter(*look.p))
	{
		Scanner		q = look;	/* four trillion and six hundred billion */

		if (scan_spelled_group(&q, &g) <= 0)
			return false;
	}
	else if (!scan_is_digit_at(&look, look.p))
		return false;
	else
	{
		Scanner		q = look;

		if (!scan_group_number(&q, separators, &g) || g.sub_units ||
			scan_english_scale(&q) < 0)
			return false;
	}
	s->p = look.p;
	return true;
}

/* won or KRW after an amount, after a space or a hyphen (52.9 trillion-won) */
static bool
scan_english_won(Scanner *s)
{
	Scanner		look = *s;

	if (!scan_accept(&look, "-"))
		scan_skip_spaces(&look);
	if (english_word_at(&look, look.p, "won") || english_word_at(&look, look.p, "krw"))
	{
		s->p = look.p + 3;
		return true;
	}
	return false;
}

/*
 * A conversion into another currency in parentheses after a won figure,
 * which the figure does not need: 2.4 trillion won (US$1.8 billion).
 */
static void
skip_conversion(Scanner *s)
{
	static const char *const marks[] = {"US$", "USD", "$", "€", "EUR", "¥", "JPY", "£", "GBP", "CNY"};
	static const char *const hedges[] = {"approximately", "approx.", "about", "around", "roughly", "some"};
	Scanner		look = *s;

	scan_skip_spaces(&look);
	if (!scan_accept(&look, "("))
		return;
	scan_skip_spaces(&look);
	/* (approximately $1.03 billion): a conversion is an approximation anyway */
	for (size_t i = 0; i < sizeof(hedges) / sizeof(hedges[0]); i++)
	{
		if (english_word_at(&look, look.p, hedges[i]))
		{
			look.p += strlen(hedges[i]);
			scan_skip_spaces(&look);
			break;
		}
	}
	for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++)
	{
		if (scan_word_at(&look, look.p, marks[i], strlen(marks[i])))
		{
			/* only a figure, (US$1.8 billion): never a part after it */
			uint64_t	v;
			bool		overflow = false;

			look.p += strlen(marks[i]);
			scan_skip_spaces(&look);
			if (scan_digits(&look, true, &v, &overflow) == 0)
				return;
			if (!scan_at_end(&look) && *look.p == '.' && scan_is_digit_at(&look, look.p + 1))
			{
				look.p++;
				(void) scan_digits(&look, false, &v, &overflow);
			}
			(void) scan_english_scale(&look);
			scan_skip_spaces(&look);
			if (scan_accept(&look, ")"))
				s->p = look.p;
			return;
		}
	}
}

/* ウォン, 韓元, 韩元, 韓圜 or ㌆ at the scanner: the won of a Japanese or
 * Chinese edition; the scanner is moved past it. */
static bool
accept_foreign_won(Scanner *s)
{
	for (size_t i = 0; i < sizeof(foreign_won) / sizeof(foreign_won[0]); i++)
		if (scan_accept_n(s, foreign_won[i], strlen(foreign_won[i])))
			return true;
	return false;
}

/*
 * After a won amount of a Japanese or Chinese edition, its conversion to
 * another currency in parentheses, as those editions add it:
 * 2兆8432億ウォン(約2540億円), 728兆韓元（約新台幣15.8兆元）,
 * 639万亿韩元(4730亿美元).  Skipped when what is inside names another
 * currency and no won; anything else is left to the caller.
 */
static void
skip_foreign_conversion(Scanner *s)
{
	static const char *const currencies[] = {"円", "元", "ドル", "美金", "台幣", "台币", "人民幣", "人民币"};
	Scanner		look = *s;
	const char *close;
	const char *inside;
	bool		foreign = false;

	scan_skip_spaces(&look);
	if (!scan_accept(&look, "(") && !scan_accept(&look, "（"))
		return;
	inside = look.p;
	for (close = inside; close < look.end && *close != ')' && *close != '(' &&
		 !scan_word_at(&look, close, "）", 3); close++)
		;
	if (close >= look.end || *close == '(' || close - inside > 80)
		return;
	for (const char *p = inside; p < close; p++)
	{
		if (scan_word_at(&look, p, "원", 3) || scan_word_at(&look, p, "₩", 3))
			return;
		for (size_t i = 0; i < sizeof(foreign_won) / sizeof(foreign_won[0]); i++)
			if (scan_word_at(&look, p, foreign_won[i], strlen(foreign_won[i])))
				return;
		for (size_t i = 0; i < sizeof(currencies) / sizeof(currencies[0]); i++)
			if (scan_word_at(&look, p, currencies[i], strlen(currencies[i])))
				foreign = true;
	}
	if (foreign)
		s->p = close + (*close == ')' ? 1 : 3);
}

/*
 * A share or a rate in parentheses after an amount, which describes it and
 * is no part of it: (13.1%), (12.3%↑), (△2.1%), (증가율 28%).  A key inside
 * (국비 70%) is the keyed form's share of a total, never skipped here.
 */
static void
skip_share_note(Scanner *s)
{
	static const char *const labels[] = {"증가율", "증감률", "비중", "전년 대비", "전년대비", "증가", "감소"};
	static const char *const signs[] = {"+", "-", "△", "▲", "▼", "↑", "↓"};
	Scanner		look = *s;
	uint64_t	v;
	bool		overflow = false;
	bool		fullwidth;

	scan_skip_spaces(&look);
	fullwidth = scan_word_at(&look, look.p, "（", 3);
	if (!scan_accept(&look, "(") && !scan_accept(&look, "（"))
		return;
	scan_skip_spaces(&look);
	for (size_t i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		if (scan_accept_n(&look, labels[i], strlen(labels[i])))
		{
			scan_skip_spaces(&look);
			break;
		}
	for (size_t i = 0; i < sizeof(signs) / sizeof(signs[0]); i++)
		if (scan_accept_n(&look, signs[i], strlen(signs[i])))
			break;
	if (scan_digits(&look, false, &v, &overflow) == 0)
		return;
	if (!scan_at_end(&look) && *look.p == '.' && scan_is_digit_at(&look, look.p + 1))
	{
		look.p++;
		(void) scan_digits(&look, false, &v, &overflow);
	}
	if (!scan_accept(&look, "%") && !scan_accept(&look, "％"))
		return;
	for (size_t i = 0; i < sizeof(signs) / sizeof(signs[0]); i++)
		if (scan_accept_n(&look, signs[i], strlen(signs[i])))
			break;
	scan_skip_spaces(&look);
	if (fullwidth ? scan_accept(&look, "）") : scan_accept(&look, ")"))
		s->p = look.p;
}

/*
 * 상당 ("worth"), 규모 ("on the scale of"), 相当, 規模, or after an English
 * figure "scale": words that describe the amount before them.
 */
static void
skip_describing_suffix(Scanner *s, bool english)
{
	const char *before = s->p;

	scan_skip_spaces(s);
	for (size_t i = 0; i < sizeof(describing_suffixes) / sizeof(describing_suffixes[0]); i++)
	{
		size_t		len = strlen(describing_suffixes[i]);

		if (scan_word_at(s, s->p, describing_suffixes[i], len) && !scan_syllable_at(s, s->p + len))
		{
			s->p += len;
			return;
		}
	}
	if (english && english_word_at(s, s->p, "scale"))
	{
		s->p += 5;
		return;
	}
	s->p = before;
}

/* 약 (about), a sign and a currency mark in either order, 금 (contract). */
static bool
scan_amount_prefix(Scanner *s, int flags, AmountGroups *st, AmountInfo *info)
{
	/* 〃, "the same as above": a table's cell that names no amount itself */
	if (scan_word_at(s, s->p, "〃", 3))
	{
		scan_error_at(s, "Found 〃 (the same as the cell above), which names no amount by itself");
		scan_hint(s, "Write the amount the cell above gives.");
		return false;
	}
	/* 約, 约, およそ, about, approximately ... before the figure */
	for (size_t i = 0; i < sizeof(approx_prefixes) / sizeof(approx_prefixes[0]); i++)
	{
		size_t		len = strlen(approx_prefixes[i]);
		const char *after = s->p + len;

		if (!scan_word_at(s, s->p, approx_prefixes[i], len) ||
			(ascii_letter(approx_prefixes[i][0]) &&
			 (scan_space_width(s, after) == 0 || !english_word_at(s, s->p, approx_prefixes[i]))) ||
			(!ascii_letter(approx_prefixes[i][0]) && scan_space_width(s, after) == 0 &&
			 !scan_is_digit_at(s, after)))
			continue;
		if (!(flags & AMOUNT_APPROXIMATE))
			return approximate_error(s, approx_prefixes[i], true);
		info->approximate = true;
		s->p = after;
		scan_skip_spaces(s);
		break;
	}
	if (scan_word_at(s, s->p, "약", 3) &&
		(scan_space_width(s, s->p + 3) > 0 || scan_is_digit_at(s, s->p + 3) ||
		 hangul_number_at(s, s->p + 3)))
	{
		if (!(flags & AMOUNT_APPROXIMATE))
			return approximate_error(s, "약", true);
		info->approximate = true;
		s->p += 3;
		scan_skip_spaces(s);
	}

	for (int round = 0; round < 2; round++)
	{
		if (!st->negative && !scan_at_end(s) && *s->p == '-')
		{
			st->negative = true;
			s->p++;
			if (scan_space_width(s, s->p) > 0)
			{
				Scanner		look = *s;

				scan_skip_spaces(&look);
				if (scan_number_at(&look, look.p))
				{
					/* "국비 - 5억": a minus, or a dash between key and amount? */
					s->p--;
					scan_error_at(s, "Found a space between \"-\" and its number, which reads two ways (a minus, or a dash before the amount)");
					scan_hint(s, "Write a decrease with the sign against its number (-5억) or with △ (△ 5억), and leave a dash out.");
					return false;
				}
			}
		}
		else if (!st->negative && scan_accept(s, "△"))	/* budget books write cuts so */
		{
			st->negative = true;
			/* "△ 62,937,790": 결산 tables print a space after the mark */
			scan_skip_spaces(s);
		}
		/* \ is the won sign as CP949 and EUC-KR fonts draw it */
		if (scan_accept(s, "₩") || scan_accept(s, "￦") || scan_accept(s, "KRW") || scan_accept(s, "\\"))
		{
			st->marked = true;
			info->has_unit = true;	/* ₩3 is 3 won, never 3 of a total's unit */
			scan_skip_spaces(s);
		}
	}
	/* 금 or 일금 (一金) before an amount: the contract form */
	if (scan_word_at(s, s->p, "금", 3) || scan_word_at(s, s->p, "일금", 6))
	{
		Scanner		look = *s;

		look.p += scan_word_at(s, s->p, "금", 3) ? 3 : 6;
		(void) scan_accept(&look, ":");
		scan_skip_spaces(&look);
		if (scan_number_at(&look, look.p))
		{
			s->p = look.p;
			st->contract = true;
			info->has_unit = true;	/* 금 3 is 3 won */
		}
	}
	st->start = s->p;
	return true;
}

/*
 * The myriad unit after a group's number, possibly after spaces; -1 and the
 * scanner unmoved when there is none.  A unit alone ("만원") counts only
 * right after the number.
 */
static int
scan_group_unit(Scanner *s, const GroupNumber *g)
{
	const char *before = s->p;
	int			u;

	scan_skip_spaces(s);
	u = scan_unit_at(s, s->p, scan_myriad_units, NMYRIAD);
	if (u >= 0 && (g->ndigits > 0 || s->p == before))
	{
		s->p += 3;
		/* 万亿, 萬億: ten thousand 億, a 兆 (312.9萬億韓元, 1.2万亿韩元) */
		if (scan_myriad_units[u].exponent == 4 && u >= 4 &&
			(scan_word_at(s, s->p, "億", 3) || scan_word_at(s, s->p, "亿", 3)))
		{
			s->p += 3;
			return 5;			/* 兆 */
		}
		return u;
	}
	s->p = before;
	return -1;
}

/* A group with no digits: a unit alone means one of it, first only. */
static bool
check_empty_group(Scanner *s, int flags, const AmountGroups *st, GroupNumber *g,
				  int u, const char *group_start)
{
	const char *typo;

	if (u >= 0 && st->ngroups == 0)
		g->value = 1;
	else if (st->ngroups == 0 && (flags & AMOUNT_UNIT_ALONE) &&
			 scan_word_at(s, s->p, "원", 3))
		g->value = 1;
	else if ((flags & AMOUNT_KEYED) && st->ngroups == 0 && u < 0 &&
			 scan_word_at(s, group_start, "원", 3))
		return no_number_error(s, group_start, group_start + 3);	/* "국비 원" */
	else
	{
		s->p = group_start;
		if ((typo = near_unit(s, s->p)) != NULL && st->ngroups == 0)
		{
			char		hint[256];

			snprintf(hint, sizeof(hint), T_("Did you mean \"%s\"?"), typo);
			scan_syntax_error(s, "an amount");
			scan_hint(s, hint);
			return false;
		}
		return scan_syntax_error(s, "an amount");
	}
	return true;
}

/* The rules between groups: falling units, decimals first only, < 10000. */
static bool
check_group(Scanner *s, const AmountGroups *st, const GroupNumber *g, int exp,
			const char *group_start)
{
	if (exp >= st->prev_exp)
	{
		s->p = group_start;
		return scan_syntax_error(s, st->english ? gettext_noop("scales in falling order (trillion, billion, million)") :
								 gettext_noop("units in falling order (경, 조, 억, 만)"));
	}
	if (g->frac != NULL && st->ngroups > 0)
	{
		char		hint[512];

		s->p = g->point;
		scan_error_at(s, "Found a decimal point in a group after a larger unit");
		if (g->fraclen == 3)
			snprintf(hint, sizeof(hint),
					 T_("A point followed by three digits reads as a thousands separator typed as a point; if that is meant, write a comma (%.*s,%.*s)."),
					 (int) (g->point - group_start), group_start, g->fraclen, g->frac);
		else
			snprintf(hint, sizeof(hint), T_("Only the first group of an amount may carry a decimal."));
		scan_hint(s, hint);
		return false;
	}
	if (st->english && st->ngroups > 0 && exp > 0 &&
		(g->overflow || g->value >= amount_pow10[st->prev_exp - exp]))
	{
		s->p = group_start;
		return scan_syntax_error(s, "a group below the larger scale before it (4 trillion and 600 billion won)");
	}
	if (st->ngroups > 0 && (g->overflow || g->value >= 10000))
	{
		s->p = group_start;
		return scan_syntax_error(s, "at most four digits after a larger unit");
	}
	if (st->ngroups > 0 && st->first_frac_point != NULL)
	{
		s->p = group_start;
		scan_error_at(s, "Found a group after a decimal amount that already reaches into it");
		scan_hint(s, "Write the amount once: 1.5억 is 1억 5000만, so \"1.5억 6000만\" overlaps; write 2억 1000만 or 1.5억 alone.");
		return false;
	}
	return true;
}

/* The groups, each a number and a myriad unit, the last one with none. */
static bool
scan_groups(Scanner *s, int flags, AmountGroups *st, AmountInfo *info)
{
	bool		separators = (flags & AMOUNT_SEPARATORS) != 0;

	for (;;)
	{
		const char *group_start = s->p;
		GroupNumber g;
		int			exp = 0;
		int			spelled_exp;
		int			u;

		/* one-point-six trillion won: a number in words before a scale */
		if ((st->ngroups == 0 || st->english) && !scan_at_end(s) && ascii_letter(*s->p) &&
			(spelled_exp = scan_spelled_group(s, &g)) > 0)
		{
			exp = spelled_exp;
			st->english = true;
			u = -1;
		}
		else if (!scan_group_number(s, separators, &g))
			return false;
		else if (g.ndigits > 0 && more_than_at(s))	/* 여: "more than" */
			return approximate_error(s, "여", false);
		else if ((u = scan_group_unit(s, &g)) >= 0)
			exp = scan_myriad_units[u].exponent;
		else if ((st->ngroups == 0 || st->english) && g.ndigits > 0 && !g.sub_units)
		{
			int			e = scan_spelled_fraction(s, &g);

			if (e < 0)
				e = scan_english_scale(s);
			if (e > 0)
			{
				exp = e;
				st->english = true;
			}
		}
		if (g.ndigits == 0 && !check_empty_group(s, flags, st, &g, u, group_start))
			return false;
		if (!check_group(s, st, &g, exp, group_start))
			return false;
		if (st->ngroups == 0 && g.frac != NULL)
			st->first_frac_point = g.point;
		info->overflow = info->overflow || g.overflow;
		if (!add_group(s, &st->total, &info->overflow, &g, exp))
		{
			if (exp == 0 && (flags & AMOUNT_KEYED))
				scan_hint(s, "Write the unit the part is in (국비 10.5억원): a part with no unit is won, and takes a total's unit only as a whole number.");
			return false;
		}
		if (st->ngroups == 0)
			st->no_number = !st->english && (g.ndigits == 0 || g.no_number);
		/* one numeral syllable after a myriad unit: 5억이 */
		st->numeral = st->ngroups > 0 && exp == 0 && !st->english &&
			s->p - group_start == 3 && hangul_digit_at(s, group_start) > 0 ?
			group_start : NULL;
		st->exp_before_last = st->prev_exp;
		st->prev_exp = exp;
		st->ngroups++;
		st->last_group = g.value;
		st->last_sub_units = g.sub_units;
		info->last_exp = exp;
		if ((exp == 4 && g.unit_sub_exp == 2) || (exp == 0 && g.unit_sub_exp == 3))
			info->last_exp = exp + g.unit_sub_exp;	/* 백만원, 천원 */
		if (exp > 0)
			info->has_unit = true;

		if (st->english)
		{
			/* 4 trillion and 600 billion won: another scale */
			if (!english_group_follows(s, separators))
				return true;
			continue;
		}
		if (exp == 0)
			return true;

		/* Another group follows if a number comes next. */
		{
			const char *before = s->p;

			scan_skip_spaces(s);
			if (!scan_number_at(s, s->p))
			{
				s->p = before;
				return true;
			}
		}
	}
}

/*
 * An amount written twice, in figures and in words, as contracts and
 * judgments do (금 이천만원정(₩20,000,000), 248억(이백사십팔억) 원,
 * ₩56,000,000 (오천육백만 원)): the restatement in parentheses is read once
 * more and must agree.  Returns false with an error when it disagrees; a
 * parenthesis that holds no amount is left for the caller (a keyed
 * breakdown, say).
 */
static bool
scan_restatement(Scanner *s, int flags, const AmountGroups *st)
{
	Scanner		look = *s;
	AmountInfo	inner;
	int64_t		again;
	bool		again_negative;
	uint64_t	again_magnitude;

	if (flags & AMOUNT_ONCE)
		return true;
	scan_skip_spaces(&look);
	if (!scan_accept(&look, "("))
		return true;
	scan_skip_spaces(&look);
	if (!scan_number_at(&look, look.p) && !scan_word_at(&look, look.p, "₩", sizeof("₩") - 1) &&
		!scan_word_at(&look, look.p, "\\", 1) && !scan_word_at(&look, look.p, "￦", sizeof("￦") - 1))
		return true;
	{
		FundingParseError quiet = {.status = FUNDING_PARSE_OK};
		Scanner		q = look;

		q.err = &quiet;
		if (!scan_amount(&q, AMOUNT_SEPARATORS | AMOUNT_ONCE, &again, &inner) || inner.overflow)
			return true;
		look.p = q.p;
	}
	(void) (scan_accept(&look, "-.") || scan_accept(&look, "-"));	/* marks against alteration */
	scan_skip_spaces(&look);
	if (!scan_accept(&look, ")"))
		return true;
	/* compared as sign and magnitude: the first may be INT64_MIN's */
	again_negative = again < 0;
	again_magnitude = again_negative ? (uint64_t) (-(again + 1)) + 1 : (uint64_t) again;
	if (again_magnitude != st->total || (st->total != 0 && again_negative != st->negative))
	{
		scan_error_at(s, "Found the amount written twice, and the two disagree");
		scan_hint(s, "Write it once, or make the restatement in parentheses the same amount.");
		return false;
	}
	s->p = look.p;
	return true;
}

/*
 * After the groups: an optional 원 (원정 and 원임 as contracts write it), the
 * ambiguous 12억 5천, approximation words, and a unit one keystroke off.
 */
static bool
scan_amount_suffix(Scanner *s, int flags, const AmountGroups *st, AmountInfo *info)
{
	bool		won = false;

	if (scan_english_won(s))
	{
		won = true;
		info->has_unit = true;
	}
	else if (st->english && !st->marked)
		return scan_syntax_error(s, "won or KRW after the amount (an English figure names its currency)");
	else if (!scan_restatement(s, flags, st))
		return false;
	else
	{
		const char *before = s->p;

		scan_skip_spaces(s);
		if (accept_foreign_won(s))
		{
			won = true;
			info->has_unit = true;
		}
		else if (scan_accept(s, "원"))
		{
			const char *after_won = s->p;

			won = true;
			info->has_unit = true;
			/* 원정 (整), also 원 정: "exactly", with or without 금 before; 원임: "it is" */
			scan_skip_spaces(s);
			if ((scan_word_at(s, s->p, "정", 3) || scan_word_at(s, s->p, "整", 3)) &&
				!scan_syllable_at(s, s->p + 3))
				s->p += 3;		/* (not 정부, the key) */
			else
			{
				s->p = after_won;
				if (scan_word_at(s, s->p, "임", 3) && !scan_syllable_at(s, s->p + 3))
					s->p += 3;
			}
			if (!scan_restatement(s, flags, st))
				return false;
		}
		else
			s->p = before;
	}
	if (st->english || won || st->marked)
	{
		skip_conversion(s);
		skip_foreign_conversion(s);
	}
	/* 96억 원(13.1%), KRW 40.7 billion (13.2%): a share or a rate beside it */
	if (info->has_unit || won)
		skip_share_note(s);
	/* 460억원 규모, 1천8백30만원 상당, 2.5 trillion won scale */
	skip_describing_suffix(s, st->english || won);

	/* "국비 천원", "시도비 -천원": an empty cell joined to its unit */
	if ((flags & AMOUNT_KEYED) && st->no_number && st->ngroups == 1 &&
		!st->marked && !st->contract)
		return no_number_error(s, st->start, s->p);

	/* "5억이": the particle 이, or 5억 2원?  Refuse, showing both. */
	if (st->numeral != NULL && st->prev_exp == 0 && !won)
		return numeral_particle_error(s, st, info->overflow);

	/* 12억 5천: 5천만 or 5천원?  Refuse, showing both. */
	if (st->ngroups >= 2 && st->prev_exp == 0 && st->last_sub_units && !won &&
		st->exp_before_last > 4)
	{
		const char *amount_end = s->p;

		s->p = st->start;
		scan_error_at(s, "Found a last group written with 천, 백 or 십 and no unit after a larger unit, which reads two ways");
		ambiguity_hint(s, st->start, amount_end, st->total, st->last_group,
					   st->exp_before_last, st->negative);
		return false;
	}

	{
		const char *before = s->p;
		int			a;

		if (more_than_at(s))
			return approximate_error(s, "여", false);
		scan_skip_spaces(s);
		if (!scan_at_end(s) && (*s->p == '~' || scan_word_at(s, s->p, "～", 3)))
			return approximate_error(s, "~", false);
		a = approx_suffix_at(s, s->p);
		if (a >= 0)
		{
			if (!(flags & AMOUNT_APPROXIMATE) || !approx_suffixes[a].readable)
				return approximate_error(s, approx_suffixes[a].word,
										 approx_suffixes[a].readable);
			info->approximate = true;
			s->p += strlen(approx_suffixes[a].word);
		}
		else
			s->p = before;
	}

	/* "5억언": a unit one keystroke off, glued to the amount */
	{
		const char *typo = near_unit(s, s->p);

		if (typo != NULL && !scan_syllable_at(s, s->p + 3) &&
			!(flags & AMOUNT_KEYED))
		{
			char		hint[256];

			snprintf(hint, sizeof(hint), T_("Did you mean \"%s\"?"), typo);
			scan_error_at(s, "Found an unknown unit");
			scan_hint(s, hint);
			return false;
		}
	}
	return true;
}

/*
 * One amount.  On success the scanner is left just after the amount
 * (trailing spaces not consumed).  A value outside int64 is not a syntax
 * error: info->overflow is set and parsing goes on, so that malformed text
 * is reported as such before any range error.
 */
bool
scan_amount(Scanner *s, int flags, int64_t *result, AmountInfo *info)
{
	AmountGroups st;

	memset(info, 0, sizeof(*info));
	info->from = s->p;

	/* A plain amount that ends the component is read as it is. */
	if (!(flags & AMOUNT_SEPARATORS))
	{
		Scanner		plain = *s;

		if (scan_plain_amount(&plain, result) &&
			(scan_at_end(&plain) || *plain.p == ',' || *plain.p == ')'))
		{
			info->has_unit = plain.p - s->p >= 3 && memcmp(plain.p - 3, "억", 3) == 0;
			info->last_exp = info->has_unit ? 8 : 0;
			s->p = info->to = plain.p;
			return true;
		}
	}

	memset(&st, 0, sizeof(st));
	st.prev_exp = 17;
	if (!scan_amount_prefix(s, flags, &st, info) ||
		!scan_groups(s, flags, &st, info) ||
		!scan_amount_suffix(s, flags, &st, info))
		return false;

	info->to = s->p;
	if (st.total > (st.negative ? MAGNITUDE_LIMIT : (uint64_t) INT64_MAX))
		info->overflow = true;
	if (info->overflow)
		*result = 0;
	else if (st.negative)
		*result = (st.total == MAGNITUDE_LIMIT) ? INT64_MIN : -(int64_t) st.total;
	else
		*result = (int64_t) st.total;
	return true;
}

/* Parse the whole of str as one amount, with thousands separators. */
bool
amount_parse_ex(const char *str, size_t len, bool approximate, int64_t *result,
				FundingParseError *err)
{
	Scanner		s = {str, str + len, err};
	const char *start;
	AmountInfo	info;

	err->status = FUNDING_PARSE_OK;
	err->hint[0] = '\0';
	scan_skip_spaces(&s);
	scan_strip_quotes(&s);
	start = s.p;
	if (!scan_amount(&s, AMOUNT_SEPARATORS | (approximate ? AMOUNT_APPROXIMATE : 0),
					 result, &info))
		return false;
	scan_skip_spaces(&s);
	if (!scan_at_end(&s))
		return scan_syntax_error(&s, "the end of the amount");
	if (info.overflow)
		return scan_range_error(&s, "amount", start, s.end);
	return true;
}

bool
amount_parse(const char *str, size_t len, int64_t *result,
			 FundingParseError *err)
{
	return amount_parse_ex(str, len, false, result, err);
}

/* the first len bytes of a and b equal but for ASCII case */
static bool
ascii_caseless_equal(const char *a, const char *b, size_t len)
{
	for (size_t i = 0; i < len; i++)
	{
		unsigned char x = (unsigned char) a[i];
		unsigned char y = (unsigned char) b[i];

		if (x >= 'A' && x <= 'Z')
			x += 'a' - 'A';
		if (y >= 'A' && y <= 'Z')
			y += 'a' - 'A';
		if (x != y)
			return false;
	}
	return true;
}

/*
 * A unit to count or round in: "억", "천원", "10원", "원", "1000", or one of
 * the romanised names won, man, eok, jo in any case.  Positive.
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
	AmountInfo	info;

	err->status = FUNDING_PARSE_OK;
	err->hint[0] = '\0';
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
	{
		if (len == strlen(names[i].name) &&
			ascii_caseless_equal(str, names[i].name, len))
		{
			*result = names[i].value;
			return true;
		}
	}
	scan_skip_spaces(&s);
	start = s.p;
	if (!scan_amount(&s, AMOUNT_SEPARATORS | AMOUNT_UNIT_ALONE, result, &info))
		return false;
	scan_skip_spaces(&s);
	if (!scan_at_end(&s))
		return scan_syntax_error(&s, "the end of the unit");
	if (info.overflow)
		return scan_range_error(&s, "unit", start, s.end);
	if (*result <= 0)
	{
		s.p = start;
		return scan_syntax_error(&s, "a positive unit");
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
		{"조", FUNDING_UNIT_JO}, {"조원", FUNDING_UNIT_JO}, {"jo", FUNDING_UNIT_JO},
		{"en", FUNDING_UNIT_EN}
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
