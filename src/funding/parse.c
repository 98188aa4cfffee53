/*-------------------------------------------------------------------------
 *
 * parse.c
 *	  Reading funding literals: the entry point, the tuple form
 *	  "(929억,433억)", the short paths COPY takes, and the checks every
 *	  literal passes (funding_resolve).  The keyed form is keyed.c.
 *
 * Plain C with no PostgreSQL dependency and no allocation: the input is a
 * byte range, the result goes into caller storage, and an error fills a
 * fixed buffer.  Everything is one forward pass over the bytes with bounded
 * lookahead, so very long or deeply parenthesised input costs linear time
 * and no stack.  Amounts are read by scan.c; the grammar is doc/regionpolicy.md, "Input".
 *
 *-------------------------------------------------------------------------
 */
#include <stdio.h>
#include <string.h>

#include "keyed.h"

static const char *const component_names[FUNDING_NUM_COMPONENTS] = {
	gettext_noop("national"), gettext_noop("local"), gettext_noop("total")
};

/* ---------------------------------------------------------------------
 * The tuple form
 * ---------------------------------------------------------------------
 */

/*
 * "(national, local)" or "(national, local, total)": no separators.  A bare
 * amount beside one in a unit above 원, "(5억,3)", reads two ways (3 won or
 * 3억) and is refused.
 */
static bool
scan_tuple(Scanner *s, Parts *parts)
{
	AmountInfo	info;
	bool		scaled = false;
	const char *bare = NULL;

	s->p++;						/* the "(" */
	for (int c = 0; c < FUNDING_NUM_COMPONENTS; c++)
	{
		scan_skip_spaces(s);
		if (!scan_component(s, parts, (FundingComponent) c, 0, &info))
			return false;
		scaled |= info.last_exp > 0;	/* 5억; not 3억 2원 */
		if (!info.has_unit && parts->values.value[c] != 0 && bare == NULL)
			bare = info.from;
		scan_skip_spaces(s);
		if (c == FUNDING_TOTAL || !scan_accept(s, ","))
		{
			if (c == FUNDING_NATIONAL)
				return scan_syntax_error(s, "\",\" and the local amount");
			break;
		}
	}
	if (!scan_accept(s, ")"))
		return scan_syntax_error(s, "\")\"");
	scan_skip_spaces(s);
	if (!scan_at_end(s))
		return scan_syntax_error(s, "the end of the input");
	if (scaled && bare != NULL)
	{
		s->p = bare;
		scan_error_at(s, "Found an amount with no unit beside an amount in a unit above 원, which reads two ways (won, or that unit)");
		scan_hint(s, "Write the unit of every amount: (5억,3억), or (5억,3원) for won.");
		return false;
	}
	return true;
}

static bool
resolve_error(FundingParseError *err, FundingParseStatus status,
			  const char *detail)
{
	err->status = status;
	snprintf(err->detail, sizeof(err->detail), "%s", T_(detail));
	return false;
}

/*
 * A total with one part has no single value: the rest of a 총사업비 is often
 * the company's or a private share (민간부담금), not local funds.  Refused,
 * with the reading if the rest were local, written with both parts.
 */
static bool
total_with_one_part(const FundingParts *parts, FundingParseError *err)
{
	bool		national = parts->given[FUNDING_NATIONAL];
	int64_t		given = parts->value[national ? FUNDING_NATIONAL : FUNDING_LOCAL];
	int64_t		rest;
	char		gb[FUNDING_AMOUNT_BUFLEN],
				rb[FUNDING_AMOUNT_BUFLEN],
				tb[FUNDING_AMOUNT_BUFLEN];

	resolve_error(err, FUNDING_PARSE_SYNTAX,
				  national ? gettext_noop("A total with a national amount and no local one has no single reading: the rest of a total is often private money (민간부담금), not local funds.")
				  : gettext_noop("A total with a local amount and no national one has no single reading: the rest of a total is often private money (민간부담금), not national funds."));
	if (__builtin_sub_overflow(parts->value[FUNDING_TOTAL], given, &rest))
		return false;
	amount_format(given, FUNDING_UNIT_KOREAN, gb);
	amount_format(rest, FUNDING_UNIT_KOREAN, rb);
	amount_format(parts->value[FUNDING_TOTAL], FUNDING_UNIT_KOREAN, tb);
	snprintf(err->hint, sizeof(err->hint),
			 T_("If the rest (%s) is %s funds, give both parts: \"국비 %s, 지방비 %s\"; if it is private money, give the %s amount alone."),
			 rb, national ? T_("local") : T_("national"), national ? gb : rb, national ? rb : gb,
			 national ? T_("national") : T_("local"));
	return false;
}

/*
 * Fill in a missing component and check the total: with no total a missing
 * component is zero; a total needs both components, and they must agree,
 * except that a total whose one part is all of it leaves nothing to derive
 * (총 8억원(시비 5억원, 구비 3억원) is all local: doc/regionpolicy.md,
 * "Input").
 */
bool
funding_resolve(const FundingParts *parts, Funding *result,
				FundingParseError *err)
{
	int64_t		n = parts->given[FUNDING_NATIONAL] ? parts->value[FUNDING_NATIONAL] : 0;
	int64_t		l = parts->given[FUNDING_LOCAL] ? parts->value[FUNDING_LOCAL] : 0;
	int64_t		t = parts->value[FUNDING_TOTAL];
	int64_t		sum;

	err->status = FUNDING_PARSE_OK;
	err->hint[0] = '\0';
	if (!parts->given[FUNDING_NATIONAL] && !parts->given[FUNDING_LOCAL])
		return resolve_error(err, FUNDING_PARSE_SYNTAX,
							 "A national or a local amount is needed as well as the total.");
	if (!parts->given[FUNDING_TOTAL])
	{
		if (__builtin_add_overflow(n, l, &sum))
			return resolve_error(err, FUNDING_PARSE_RANGE,
								 "The total of national and local is outside the range of a 64-bit count of won.");
	}
	else if (!parts->given[FUNDING_LOCAL] || !parts->given[FUNDING_NATIONAL])
	{
		if ((parts->given[FUNDING_NATIONAL] ? n : l) != t)
			return total_with_one_part(parts, err);
		/* the missing component is zero: n or l is, and the other is t */
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
			snprintf(sb, sizeof(sb), T_("outside the range of a 64-bit count of won"));
		else
			amount_format(sum, FUNDING_UNIT_KOREAN, sb);
		err->status = FUNDING_PARSE_MISMATCH;
		snprintf(err->detail, sizeof(err->detail),
				 T_("National %s plus local %s is %s, not the total %s."),
				 nb, lb, sb, tb);
		return false;
	}
	result->national = n;
	result->local = l;
	return true;
}

/* Does the UTF-8 syllable at p (3 bytes, p + 3 <= end) equal w? */
#define SYLLABLE_IS(p, w) ((p)[0] == (w)[0] && (p)[1] == (w)[1] && (p)[2] == (w)[2])
/* The three bytes of a UTF-8 syllable at p (unsigned char *) as one number. */
#define SYLLABLE_CODE(p) (((uint32_t) (p)[0] << 16) | ((uint32_t) (p)[1] << 8) | (p)[2])

/* What fast_compound read: nothing, an amount in a unit above 원, or in 원 */
#define COMPOUND_NONE 0
#define COMPOUND_IN_UNIT 1		/* "75억", "929억원", "75억 4259만" */
#define COMPOUND_IN_WON 2		/* "75억 4259만 8000원", "8000원", "0원" */
static int	fast_compound(const char **pp, const char *end, int64_t *result);

/*
 * The shapes COPY loads by the million, "(n,l)" or "(n,l,t)" with plain
 * amounts (scan_plain_amount) or compound ones, as the display unit korean
 * prints them ("(75억 4259만 8000원,82억 5991만 4000원,158억 251만
 * 2000원)", fast_compound): read without the general reader's
 * bookkeeping.  Anything else returns false having decided nothing.
 */
static bool
fast_tuple(const char *str, size_t len, FundingParts *parts)
{
	const char *end = str + len;
	Scanner		s = {str + 1, end, NULL};
	int			c = 0;
	bool		scaled = false;
	bool		bare = false;
	bool		compound;		/* try the compound form first */
	const unsigned char *last;	/* the last syllable, before ")" */

	if (len < 5 || str[0] != '(' || str[len - 1] != ')')
		return false;
	/*
	 * (korean's tuples end in "원)" or "만)" but for a total of whole 억;
	 * 억's end in "억)", plain ones in a digit)
	 */
	last = (const unsigned char *) end - 4;
	compound = SYLLABLE_CODE(last) == 0xEC9B90 || SYLLABLE_CODE(last) == 0xEBA78C;
	memset(parts, 0, sizeof(*parts));
	for (;;)
	{
		const char *from = s.p;
		const char *q = s.p;
		int			read = COMPOUND_NONE;

		if (c == FUNDING_NUM_COMPONENTS)
			return false;
		/*
		 * A plain amount, or the compound form, which a plain amount reads
		 * only the start of: its first group and a space ("75억" of "75억
		 * 4259만"), or digits and a syllable ("7919" of "7919만 2000원",
		 * "929억" of "929억원"); (the closing parenthesis stops
		 * fast_compound's digit loops)
		 */
		if (compound && (read = fast_compound(&q, end, &parts->value[c])) != COMPOUND_NONE)
			s.p = q;
		else if (!scan_plain_amount(&s, &parts->value[c]) ||
				 (s.p < end && (*s.p == ' ' || (unsigned char) *s.p >= 0x80)))
		{
			q = from;
			if ((read = fast_compound(&q, end, &parts->value[c])) == COMPOUND_NONE)
				return false;
			s.p = q;
			compound = true;	/* (the next amount is likely compound too) */
		}
		/*
		 * In a unit above 원 (ending in 억, 조 or 만, or in 억원, 만원 or
		 * 조원; a compound amount whose last group is 원, "75억 4259만
		 * 8000원", is not), or plain digits: once one amount is in a unit,
		 * a plain one reads two ways.
		 */
		if (read == COMPOUND_IN_UNIT || (read == COMPOUND_NONE && (unsigned char) s.p[-1] >= 0x80))
			scaled = true;
		else if (read == COMPOUND_NONE && parts->value[c] != 0)
			bare = true;
		parts->given[c++] = true;
		if (s.p < end && *s.p == ',')
			s.p++;
		else
			break;
	}
	/* "(5억,3)" reads two ways: the general reader refuses it */
	return c >= 2 && s.p == end - 1 && !(scaled && bare);
}

/*
 * One amount in the compound form the Korean display unit writes and budget
 * tables print, "75억 4259만 8000원", "929억원" or "8000원": groups of one to
 * four digits (no leading zero) under 조, 억 and 만 in descending order, one
 * space apart, then either 원 on the last unit or a last group of digits
 * with 원.  A lone "digits원" may be longer.  A minus sign may stand before
 * the first digit ("-7919만", as korean prints a cut), and "0원" is zero.
 * Returns whether the amount ends in a unit above 원 or in 원, or
 * COMPOUND_NONE for anything else.  The caller makes sure a byte that is not
 * a digit stands before end.
 */
static int
fast_compound(const char **pp, const char *end, int64_t *result)
{
	const unsigned char *p = (const unsigned char *) *pp;
	const unsigned char *e = (const unsigned char *) end;
	int64_t		v = 0;
	int64_t		below = INT64_MAX;	/* units must descend: 조, 억, 만 */
	bool		negative = false;

	if (p >= e)
		return COMPOUND_NONE;
	if ((unsigned) (*p - '1') >= 9)
	{
		if (e - p >= 4 && p[0] == '0' && SYLLABLE_CODE(p + 1) == 0xEC9B90)
		{
			*result = 0;		/* 0원 */
			*pp = (const char *) p + 4;
			return COMPOUND_IN_WON;
		}
		if (*p != '-' || e - p < 2 || (unsigned) (p[1] - '1') >= 9)
			return COMPOUND_NONE;
		negative = true;
		p++;
	}
	for (;;)
	{
		/* (a group begins with a digit 1 to 9: checked above and below) */
		const unsigned char *digits = p;
		uint64_t	g = (unsigned) (*p++ - '0');	/* (wraps harmlessly past 19 digits: refused below) */
		unsigned	d;
		uint32_t	code;
		int			nd;
		int64_t		unit;

		while ((d = (unsigned) (*p - '0')) < 10)	/* (a non-digit stands before e) */
		{
			g = g * 10 + d;
			p++;
		}
		nd = (int) (p - digits);	/* (at most 4 in a group, 15 alone) */
		if (e - p < 3)
			return COMPOUND_NONE;
		code = SYLLABLE_CODE(p);
		if (code == 0xEBA78C)	/* 만 */
			unit = 10000;
		else if (code == 0xEC96B5)	/* 억 */
			unit = 100000000;
		else if (code == 0xEC9B90)	/* 원: the last group */
		{
			if (nd > (below != INT64_MAX ? 4 : 15))
				return COMPOUND_NONE;
			v += (int64_t) g;
			*result = negative ? -v : v;
			*pp = (const char *) p + 3;
			return COMPOUND_IN_WON;
		}
		else if (code == 0xECA1B0)	/* 조 */
			unit = (int64_t) 1000000000000;
		else
			return COMPOUND_NONE;
		if (unit >= below || nd > 4)
			return COMPOUND_NONE;
		v += (int64_t) g * unit;
		below = unit;
		p += 3;
		/* one space, then the next group's digits */
		if (p + 1 < e && *p == ' ' && (unsigned) (p[1] - '1') < 9)
		{
			p++;
			continue;
		}
		if (e - p >= 3 && SYLLABLE_CODE(p) == 0xEC9B90)	/* 억원 */
			p += 3;
		else if (!(p == e || *p == ',' || *p == ')'))
			return COMPOUND_NONE;
		*result = negative ? -v : v;
		*pp = (const char *) p;
		return COMPOUND_IN_UNIT;
	}
}

/*
 * One amount as budget tables print it, "7,542,598천원", "1,306억원",
 * "0천원": digits, in groups of three after commas if it has any, then one
 * unit word, 원, 천원, 만원, 백만원 or 억원, written together.  Anything else
 * (a decimal, a space before the unit, a product past int64) returns false
 * and leaves it to the general reader.  The caller makes sure a byte that is
 * not a digit stands before end.
 */
static bool
fast_grouped(const char **pp, const char *end, int64_t *result)
{
	const unsigned char *p = (const unsigned char *) *pp;
	const unsigned char *e = (const unsigned char *) end;
	const unsigned char *digits = p;
	int64_t		v = 0;
	int64_t		unit;
	int			group = 0;		/* digits since the last comma */

	for (;;)
	{
		if ((unsigned) (*p - '0') < 10)
		{
			if (__builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, (int64_t) (*p - '0'), &v))
				return false;
			group++;
			p++;
		}
		else if (*p == ',' && group >= 1 && e - p > 4 &&
				 (unsigned) (p[1] - '0') < 10 && (unsigned) (p[2] - '0') < 10 &&
				 (unsigned) (p[3] - '0') < 10 && (unsigned) (p[4] - '0') >= 10)
		{
			/* a thousands separator: three digits after it, at most three before the first */
			if (group > 3 || (group != 3 && p - digits != group))
				return false;
			group = 0;
			p++;
		}
		else
			break;
	}
	if (p == digits || (group != 3 && group != p - digits) || e - p < 3)
		return false;
	switch (SYLLABLE_CODE(p))
	{
		case 0xEC9B90:			/* 원 */
			unit = 1;
			p += 3;
			break;
		case 0xECB29C:			/* 천원 */
			unit = 1000;
			break;
		case 0xEBA78C:			/* 만원 */
			unit = 10000;
			break;
		case 0xEC96B5:			/* 억원 */
			unit = 100000000;
			break;
		case 0xEBB0B1:			/* 백만원 */
			if (e - p < 9 || SYLLABLE_CODE(p + 3) != 0xEBA78C)
				return false;
			unit = 1000000;
			p += 3;
			break;
		default:
			return false;
	}
	if (unit > 1)
	{
		if (e - p < 6 || SYLLABLE_CODE(p + 3) != 0xEC9B90)
			return false;
		p += 6;
	}
	if (__builtin_mul_overflow(v, unit, &v))
		return false;
	*result = v;
	*pp = (const char *) p;
	return true;
}

/*
 * The keyed form COPY loads by the million, "국비 75억 4259만 8000원,
 * 지방비 25억 4112만 3000원" or "국비 7,542,598천원, 지방비 8,259,914천원"
 * (the two keys in this order, ", " between, amounts as fast_compound or
 * fast_grouped reads them), read without the general reader's
 * look-ups.  Anything else returns false having decided nothing; the
 * fuzz harness checks that the general reader agrees whenever this
 * decides.
 */
static bool
fast_keyed(const char *str, size_t len, FundingParts *parts)
{
	const char *p = str;
	const char *end = str + len;

	/* (the last byte, of a syllable, stops fast_compound's digit loops) */
	if (len < 27 || (unsigned char) end[-1] < 0x80 ||
		!SYLLABLE_IS(p, "국") || !SYLLABLE_IS(p + 3, "비") || p[6] != ' ')
		return false;
	p += 7;
	if (!(fast_compound(&p, end, &parts->value[FUNDING_NATIONAL]) ||
		  fast_grouped(&p, end, &parts->value[FUNDING_NATIONAL])) ||
		end - p < 12 || p[0] != ',' || p[1] != ' ' ||
		!SYLLABLE_IS(p + 2, "지") || !SYLLABLE_IS(p + 5, "방") ||
		!SYLLABLE_IS(p + 8, "비") || p[11] != ' ')
		return false;
	p += 12;
	if (!(fast_compound(&p, end, &parts->value[FUNDING_LOCAL]) ||
		  fast_grouped(&p, end, &parts->value[FUNDING_LOCAL])) || p != end)
		return false;
	parts->given[FUNDING_NATIONAL] = parts->given[FUNDING_LOCAL] = true;
	parts->given[FUNDING_TOTAL] = false;
	parts->value[FUNDING_TOTAL] = 0;
	return true;
}

bool
funding_parse(const char *str, size_t len, Funding *result,
			  FundingParseError *err)
{
	Scanner		s = {str, str + len, err};
	Parts		p;
	Parts	   *parts = &p;
	bool		tuple = false;

	err->hint[0] = '\0';
	if (fast_tuple(str, len, &parts->values) || fast_keyed(str, len, &parts->values))
		return funding_resolve(&parts->values, result, err);

	memset(parts, 0, sizeof(*parts));
	err->status = FUNDING_PARSE_OK;
	scan_skip_spaces(&s);
	scan_strip_quotes(&s);
	if (scan_at_end(&s))
		return scan_syntax_error(&s, "a funding value such as \"(929억,433억)\" or \"국비 929억원, 지방비 433억원\"");

	if (*s.p == '(')
	{
		Scanner		look = s;
		int			which;

		look.p++;
		scan_skip_spaces(&look);
		while (!scan_at_end(&look) && *look.p == '(')
		{
			look.p++;
			scan_skip_spaces(&look);
		}
		tuple = key_at(&look, look.p, &which) == 0;
	}
	if (tuple)
	{
		if (!scan_tuple(&s, parts))
			return false;
	}
	else if (!keyed_read(&s, parts))
		return false;
	for (int c = 0; c < FUNDING_NUM_COMPONENTS; c++)
	{
		if (parts->values.given[c] && parts->overflow[c])
		{
			char		what[96];

			snprintf(what, sizeof(what), T_("%s amount"), T_(component_names[c]));
			return scan_range_error(&s, what, parts->from[c], parts->to[c]);
		}
	}
	return funding_resolve(&parts->values, result, err);
}
