/*-------------------------------------------------------------------------
 *
 * keyed.c
 *	  The keyed form that press releases and local news print: keys and
 *	  their amounts ("총 1,812억원(국비 1,306억원, 도비 300억원, 시비
 *	  206억원)"), shares in percent, joining words, and how the parts
 *	  gathered become national, local and total.
 *
 * Plain C, no allocation, one forward pass with bounded lookahead (see
 * parse.c).  The grammar is doc/regionpolicy.md, "Input".
 *
 *-------------------------------------------------------------------------
 */
#include <stdio.h>
#include <string.h>

#include "keyed.h"

typedef struct KeyWord
{
	const char *word;
	unsigned char len;			/* strlen(word), so that a look-up measures nothing */
	KeyKind		kind;
	const char *same;			/* another spelling of this key, or NULL */
} KeyWord;

#define KEY(w, kind) {w, sizeof(w) - 1, kind, NULL}
#define KEY_SAME(w, kind, same) {w, sizeof(w) - 1, kind, same}

/* The longest match wins ("총사업비" over "총", "시·도비" over nothing). */
static const KeyWord keywords[] = {
	KEY("national", KEY_NATIONAL), KEY("국비", KEY_NATIONAL), KEY("국고", KEY_NATIONAL),
	KEY("정부", KEY_NATIONAL), KEY("central government", KEY_NATIONAL),
	KEY("local", KEY_LOCAL), KEY("지방비", KEY_LOCAL),
	KEY("local government", KEY_LOCAL), KEY("local governments", KEY_LOCAL),
	KEY_SAME("provincial", KEY_LEVEL, "도비"), KEY_SAME("city", KEY_LEVEL, "시비"),
	KEY_SAME("시ㆍ군ㆍ구비", KEY_LEVEL, "시군구비"), KEY_SAME("시·군·구비", KEY_LEVEL, "시군구비"),
	KEY_SAME("시ㆍ도비", KEY_LEVEL, "시도비"), KEY_SAME("시·도비", KEY_LEVEL, "시도비"),
	KEY_SAME("시ㆍ군비", KEY_LEVEL, "시군비"), KEY_SAME("시·군비", KEY_LEVEL, "시군비"),
	KEY("시군구비", KEY_LEVEL), KEY("시도비", KEY_LEVEL),
	KEY("시군비", KEY_LEVEL), KEY("시비", KEY_LEVEL), KEY("도비", KEY_LEVEL),
	KEY("군비", KEY_LEVEL), KEY("구비", KEY_LEVEL),
	/* local money raised by bonds: 지방채 발행 72억원 */
	KEY_SAME("지방채 발행", KEY_LEVEL, "지방채"), KEY("지방채", KEY_LEVEL),
	KEY("total", KEY_TOTAL), KEY("총사업비", KEY_TOTAL), KEY("총 사업비", KEY_TOTAL), KEY("사업비", KEY_TOTAL),
	KEY("합계", KEY_TOTAL), KEY("총액", KEY_TOTAL), KEY("총", KEY_TOTAL), KEY("모두", KEY_TOTAL),
	KEY("민자", KEY_OTHER), KEY("민간", KEY_OTHER), KEY("자부담", KEY_OTHER),
	KEY("기타", KEY_OTHER), KEY("기업", KEY_OTHER)
};
#define NKEYWORDS ((int) (sizeof(keywords) / sizeof(keywords[0])))
/* (Keyed.level_seen has a bit for each) */
_Static_assert(sizeof(keywords) / sizeof(keywords[0]) <= 64, "at most 64 keywords");

/* Particles a key may carry: 국비는, 도비가, 국비로 */
static const char *const particles[] = {"으로", "은", "는", "이", "가", "도", "로"};

/*
 * Does the particle fit the key that ends at key_end?  은, 이 and 으로 follow
 * a final consonant (총액은), 는, 가 and 로 a vowel (국비는); so in
 * "국비이 억원" 이 is the numeral two, not a particle.
 */
bool
particle_fits(const Scanner *s, const char *key_end, const char *particle)
{
	unsigned	code;
	bool		final;

	if (strcmp(particle, "도") == 0 || (unsigned char) key_end[-1] < 0x80 ||
		(code = scan_syllable_at(s, key_end - 3)) == 0)
		return true;
	final = (code - 0xAC00) % 28 != 0;
	if (strcmp(particle, "은") == 0 || strcmp(particle, "이") == 0 || strcmp(particle, "으로") == 0)
		return final;
	return !final;
}

KeyKind
keyword_kind(int which)
{
	return keywords[which].kind;
}

/* A keyword's text, the same for every spelling of one key (시도비 for 시·도비). */
const char *
keyword_word(int which)
{
	return keywords[which].same != NULL ? keywords[which].same : keywords[which].word;
}

/* The index of a keyword, by its text. */
int
keyword_index(const char *word)
{
	for (int i = 0; i < NKEYWORDS; i++)
		if (strcmp(keywords[i].word, word) == 0)
			return i;
	return -1;
}

/* One amount into component c of parts, with its text for messages. */
bool
scan_component(Scanner *s, Parts *parts, FundingComponent c, int flags,
			   AmountInfo *info)
{
	if (!scan_amount(s, flags, &parts->values.value[c], info))
		return false;
	parts->from[c] = info->from;
	parts->to[c] = s->p;
	parts->overflow[c] = info->overflow;
	parts->has_unit[c] = info->has_unit;
	parts->values.given[c] = true;
	return true;
}

/* ---------------------------------------------------------------------
 * The keyed form
 * ---------------------------------------------------------------------
 */

/* Which key starts at p?  Its length in bytes, or 0; the longest wins. */
size_t
key_at(const Scanner *s, const char *p, int *which)
{
	unsigned char c = p < s->end ? (unsigned char) *p : 0;
	size_t		best = 0;

	/* Keys begin with c, l, n, p, t (any case) or a Hangul syllable. */
	if (c >= 'A' && c <= 'Z')
		c += 'a' - 'A';
	if (!(c >= 0xEA && c <= 0xED) && c != 'c' && c != 'l' && c != 'n' && c != 'p' && c != 't')
		return 0;
	for (int i = 0; i < NKEYWORDS; i++)
	{
		const char *w = keywords[i].word;
		size_t		len = keywords[i].len;

		if ((size_t) (s->end - p) < len || len <= best)
			continue;
		if ((unsigned char) w[0] >= 0x80 && (w[0] != p[0] || w[2] != p[2]))
			continue;			/* (the first syllable's first and last bytes differ) */
		if ((unsigned char) w[0] < 0x80)
		{
			size_t		j;

			for (j = 0; j < len; j++)
			{
				char		ch = p[j];

				if (ch >= 'A' && ch <= 'Z')
					ch += 'a' - 'A';
				if (ch != w[j])
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
		best = len;
		*which = i;
	}
	return best;
}

/* "국미" for "국비": a Hangul key with one syllable one keystroke off. */
static const char *
near_key(const Scanner *s, const char *p)
{
	for (int i = 0; i < NKEYWORDS; i++)
	{
		const char *w = keywords[i].word;
		size_t		len = strlen(w);
		Scanner		wk = {w, w + len, NULL};
		int			off = 0;
		size_t		j;

		if ((unsigned char) w[0] < 0x80 || keywords[i].kind == KEY_OTHER ||
			(size_t) (s->end - p) < len)
			continue;
		for (j = 0; j < len; j += 3)
		{
			unsigned	a = scan_syllable_at(s, p + j);
			unsigned	b = scan_syllable_at(&wk, w + j);

			if (a == 0 || b == 0)
				break;
			if (a != b)
			{
				if (!scan_one_key_apart(a, b))
					break;
				off++;
			}
		}
		if (j >= len && off == 1 && scan_syllable_at(s, p + len) == 0)
			return w;
	}
	return NULL;
}

/* Could an amount start here (and not a key)? */
bool
amount_starts_at(const Scanner *s)
{
	int			which;

	if (key_at(s, s->p, &which) > 0)
		return false;
	return scan_number_at(s, s->p) ||
		(!scan_at_end(s) && (*s->p == '-' || *s->p == '\\')) ||
		scan_word_at(s, s->p, "△", sizeof("△") - 1) ||
		scan_word_at(s, s->p, "약", 3) ||
		scan_word_at(s, s->p, "₩", sizeof("₩") - 1) ||
		scan_word_at(s, s->p, "￦", sizeof("￦") - 1) ||
		scan_word_at(s, s->p, "KRW", 3) ||
		scan_unit_at(s, s->p, scan_myriad_units, SCAN_NMYRIAD) >= 0;
}

/*
 * A joining word standing alone: 및, 그리고, 등 (before a total).  Returns
 * 0 for none, 1 for 및/그리고, 2 for 등.
 */
static int
accept_joining_word(Scanner *s)
{
	static const char *const words[] = {"그리고", "및", "등"};

	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
	{
		size_t		len = strlen(words[i]);

		if (scan_word_at(s, s->p, words[i], len) &&
			(scan_space_width(s, s->p + len) > 0 || s->p + len >= s->end))
		{
			s->p += len;
			return i == 2 ? 2 : 1;
		}
	}
	return 0;
}

/*
 * What an amount's unit tells about the list: "국비 5, 도비 3억원" has a
 * bare 5 beside an amount in 억, 5 won or 5억, and is refused in
 * keyed_parts unless a total gives the bare amounts its unit.
 */
static void
note_amount(Keyed *k, const AmountInfo *info, int64_t value)
{
	if (info->last_exp > 0)
		k->any_scaled = true;	/* 5억, 516백만원; not 3억 2원 */
	if (!info->has_unit && value != 0 && k->bare == NULL)
		k->bare = info->from;
}

/* The total, which may be approximate (약): keyed_parts() decides. */
static bool
scan_total(Scanner *s, Keyed *k)
{
	AmountInfo	info;

	if (!scan_component(s, &k->parts, FUNDING_TOTAL,
						AMOUNT_SEPARATORS | AMOUNT_APPROXIMATE | AMOUNT_KEYED, &info))
		return false;
	note_amount(k, &info, k->parts.values.value[FUNDING_TOTAL]);
	k->total_approximate = info.approximate;
	k->total_last_exp = info.last_exp;
	return true;
}

static bool
duplicate_key(Scanner *s)
{
	return scan_syntax_error(s, "each key at most once (the same key twice)");
}

/*
 * A key, any particle and 등 after it, and the separator before its amount.
 * Sets *which to the keyword; refuses money that is neither national nor
 * local.
 */
static bool
scan_key(Scanner *s, int *which)
{
	size_t		keylen = key_at(s, s->p, which);

	if (keylen == 0)
	{
		const char *near = near_key(s, s->p);

		scan_syntax_error(s, "a key (national, local, total, 국비, 지방비, 도비, 시비, 군비, 구비, 총, 합계, …)");
		if (near != NULL)
		{
			char		hint[256];

			snprintf(hint, sizeof(hint), T_("Did you mean \"%s\"?"), near);
			scan_hint(s, hint);
		}
		return false;
	}
	if (keywords[*which].kind == KEY_OTHER)
	{
		char		problem[512];

		snprintf(problem, sizeof(problem),
				 T_("Found \"%s\", money that is neither national nor local (funding holds 국비 and 지방비 only)"),
				 keywords[*which].word);
		scan_error_at(s, problem);
		scan_hint(s, "Leave out the private or other share, and give the total of national and local funds only (or no total).");
		return false;
	}
	s->p += keylen;

	/* a particle: 국비는, 도비가 */
	for (size_t i = 0; i < sizeof(particles) / sizeof(particles[0]); i++)
	{
		size_t		len = strlen(particles[i]);

		if (scan_word_at(s, s->p, particles[i], len) && particle_fits(s, s->p, particles[i]) &&
			(scan_space_width(s, s->p + len) > 0 || scan_is_digit_at(s, s->p + len) ||
			 scan_word_at(s, s->p + len, "=", 1) || scan_word_at(s, s->p + len, ":", 1)))
		{
			s->p += len;
			break;
		}
	}

	/* "지방비 등 2,659억원": the document's "and others" after a key */
	{
		const char *before = s->p;

		if (!(scan_skip_spaces(s) && scan_accept(s, "등") && scan_space_width(s, s->p) > 0))
			s->p = before;
		else if (keywords[*which].kind == KEY_NATIONAL)
		{
			/* 국비 등 10억원: national and what else? */
			s->p = before;
			scan_skip_spaces(s);
			scan_error_at(s, "Found 등 (\"and others\") after national funds, whose other money has no key");
			scan_hint(s, "Give national and local funds each with its key: 국비 7억원, 지방비 3억원.");
			return false;
		}
	}

	/* key-value separator: spaces, "=" / ":", or nothing (국비12억원) */
	{
		bool		spaced = scan_skip_spaces(s);

		if (scan_accept(s, "=") || scan_accept(s, ":"))
			scan_skip_spaces(s);
		else if (!spaced && !amount_starts_at(s))
			return scan_syntax_error(s, "a space, \"=\" or \":\" after the key");
	}
	return true;
}

/*
 * A share in percent where an amount would stand: "70%", "12.5 %", "70％",
 * in millionths of a percent (70% is 70000000).  False, consuming nothing,
 * when the text there is not a share.
 */
static bool
scan_share(Scanner *s, int64_t *share)
{
	const char *p = s->p;
	int64_t		v = 0;
	int			nd = 0;
	int			nf = 0;

	while (scan_is_digit_at(s, p) && nd < 4)
	{
		v = v * 10 + (*p++ - '0');
		nd++;
	}
	if (nd == 0 || nd > 3)
		return false;
	if (scan_word_at(s, p, ".", 1) && scan_is_digit_at(s, p + 1))
	{
		for (p++; scan_is_digit_at(s, p); p++)
		{
			if (++nf > 6)
				return false;
			v = v * 10 + (*p - '0');
		}
	}
	v *= (int64_t) amount_pow10[6 - nf];
	while (scan_word_at(s, p, " ", 1))
		p++;
	if (scan_word_at(s, p, "%", 1))
		p++;
	else if (scan_word_at(s, p, "％", sizeof("％") - 1))
		p += sizeof("％") - 1;
	else
		return false;
	*share = v;
	s->p = p;
	return true;
}

/* A share has been read (scan_share); counted for keyed_shares(). */
static bool
took_share(Keyed *k, const char *key)
{
	if (k->nshares++ == 0)
		k->share_from = key;
	return true;
}

/*
 * A level's bit in Keyed.level_seen, one for each key however it is
 * written: provincial is 도비, 시·도비 and 시ㆍ도비 are 시도비.
 */
static uint64_t
level_bit(int which)
{
	if (keywords[which].same != NULL)
		which = keyword_index(keywords[which].same);
	return (uint64_t) 1 << which;
}

/* The amount after a key, recorded where its kind of key says. */
bool
scan_keyed_amount(Scanner *s, Keyed *k, int which, const char *key, long depth)
{
	Parts	   *parts = &k->parts;
	AmountInfo	info;
	int64_t		value;

	switch (keywords[which].kind)
	{
		case KEY_NATIONAL:
			if (parts->values.given[FUNDING_NATIONAL])
			{
				s->p = key;
				return duplicate_key(s);
			}
			if (scan_share(s, &value))
			{
				parts->values.given[FUNDING_NATIONAL] = true;
				parts->values.value[FUNDING_NATIONAL] = value;
				parts->has_unit[FUNDING_NATIONAL] = true;
				parts->from[FUNDING_NATIONAL] = key;
				parts->to[FUNDING_NATIONAL] = s->p;
				k->national_share = true;
				return took_share(k, key);
			}
			k->namounts++;
			if (!scan_component(s, parts, FUNDING_NATIONAL,
								AMOUNT_SEPARATORS | AMOUNT_KEYED, &info))
				return false;
			note_amount(k, &info, parts->values.value[FUNDING_NATIONAL]);
			return true;
		case KEY_TOTAL:
			if (parts->values.given[FUNDING_TOTAL])
			{
				s->p = key;
				return duplicate_key(s);
			}
			return scan_total(s, k);
		case KEY_LOCAL:
			if (k->local_key)
			{
				s->p = key;
				return duplicate_key(s);
			}
			if (k->nlevels > 0)
			{
				s->p = key;
				scan_error_at(s, "Found 지방비 after the shares of local governments");
				scan_hint(s, "Give either 지방비, or the local governments' shares (도비, 시비, …), or 지방비 followed by its breakdown in parentheses: 지방비 100억(도비 40억, 시비 60억).");
				return false;
			}
			if (scan_share(s, &value))
			{
				k->local_key = true;
				k->local_key_value = value;
				k->local_key_has_unit = true;
				k->local_from = key;
				k->local_to = s->p;
				k->local_share = true;
				return took_share(k, key);
			}
			if (!scan_amount(s, AMOUNT_SEPARATORS | AMOUNT_KEYED, &value, &info))
				return false;
			k->namounts++;
			note_amount(k, &info, value);
			k->local_key = true;
			k->local_key_value = value;
			k->local_key_has_unit = info.has_unit;
			k->local_overflow = info.overflow;
			k->local_from = info.from;
			k->local_to = s->p;
			return true;
		case KEY_LEVEL:
			if (k->level_seen & level_bit(which))
			{
				s->p = key;
				return duplicate_key(s);
			}
			if (k->nlevels >= (int) (sizeof(k->levels) / sizeof(k->levels[0])))
			{
				s->p = key;
				return scan_syntax_error(s, "fewer local-government shares");
			}
			if (scan_share(s, &value))
			{
				took_share(k, key);
				k->levels_has_unit[k->nlevels] = true;
			}
			else if (!scan_amount(s, AMOUNT_SEPARATORS | AMOUNT_KEYED, &value, &info))
				return false;
			else
			{
				k->namounts++;
				note_amount(k, &info, value);
				k->level_overflow |= info.overflow;
				k->levels_has_unit[k->nlevels] = info.has_unit;
				if (!info.has_unit)
					k->levels_unitless = true;
			}
			k->level_seen |= level_bit(which);
			k->levels[k->nlevels++] = value;
			if (k->local_key && depth != k->breakdown_depth)
				k->level_outside_breakdown = true;
			return true;
		case KEY_OTHER:
			break;				/* refused by scan_key */
	}
	return false;
}

/* What follows a pair. */
typedef enum PairEnd
{
	PAIR_ERROR,
	PAIR_NEXT,					/* another pair */
	PAIR_LAST					/* the end of the list */
} PairEnd;

/*
 * 을 포함한, 를 포함해, 을 포함하여 ("including") and 을 더한 ("plus") after an
 * amount, before the total.  Consumes the words when they are there.
 */
static bool
including_total(Scanner *s)
{
	static const char *const verbs[] = {"포함하여", "포함해서", "포함한", "포함해", "더하여", "더한", "더해"};
	Scanner		look = *s;

	if (!(scan_accept(&look, "을") || scan_accept(&look, "를")) || !scan_skip_spaces(&look))
		return false;
	for (size_t i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
	{
		size_t		len = strlen(verbs[i]);

		if (scan_word_at(&look, look.p, verbs[i], len) &&
			(scan_space_width(&look, look.p + len) > 0 ||
			 scan_word_at(&look, look.p + len, ",", 1)))
		{
			s->p = look.p + len;
			if (scan_word_at(s, s->p, ",", 1))
				s->p++;
			return true;
		}
	}
	return false;
}

/*
 * Between pairs: ",", ";", "·", 과/와, 및, 등 or spaces; the breakdown of
 * 지방비 in parentheses; "… 등 1121억원", the total after the parts.
 */
static PairEnd
scan_between_pairs(Scanner *s, Keyed *k, KeyKind kind, long depth)
{
	bool		spaced = scan_skip_spaces(s);
	bool		joined = false;
	bool		deung = false;
	int			jw;

	if (scan_at_end(s) || *s->p == ')')
		return PAIR_LAST;
	/* 지방비 100억(도비 40억, 시비 60억): its breakdown */
	if (kind == KEY_LOCAL && *s->p == '(')
	{
		k->breakdown_depth = depth + 1;
		return PAIR_NEXT;
	}
	/* 40억원과 군비 10억원; 100억원에 도비 50억원을 더한 총 150억원 */
	if (!spaced && (scan_word_at(s, s->p, "과", 3) || scan_word_at(s, s->p, "와", 3) ||
					scan_word_at(s, s->p, "에", 3)) &&
		scan_space_width(s, s->p + 3) > 0)
	{
		s->p += 3;
		joined = true;
	}
	/* "도비 60억원을 포함한 총 600억원": the parts, then their total */
	else if (!spaced && including_total(s))
	{
		int			which;

		scan_skip_spaces(s);
		if (amount_starts_at(s))
			deung = true;
		else if (key_at(s, s->p, &which) == 0 || keywords[which].kind != KEY_TOTAL)
		{
			scan_syntax_error(s, "the total after 포함한 or 더한 (\"…을 포함한 총 600억원\")");
			return PAIR_ERROR;
		}
		joined = true;
	}
	else if (scan_accept(s, ",") || scan_accept(s, ";") ||
			 scan_accept(s, "·") || scan_accept(s, "ㆍ"))
		joined = true;
	scan_skip_spaces(s);
	while ((jw = accept_joining_word(s)) != 0)
	{
		joined = true;
		deung |= jw == 2;
		scan_skip_spaces(s);
	}
	/* "국고 831억원과 지방비 290억원 등 1121억원": the total */
	if (deung && amount_starts_at(s))
	{
		if (k->parts.values.given[FUNDING_TOTAL])
		{
			duplicate_key(s);
			return PAIR_ERROR;
		}
		if (!scan_total(s, k))
			return PAIR_ERROR;
		scan_skip_spaces(s);
		if (scan_at_end(s) || *s->p == ')')
			return PAIR_LAST;
		scan_syntax_error(s, "the end of the input after the total");
		return PAIR_ERROR;
	}
	if (!joined && !spaced && *s->p != '(')
	{
		scan_syntax_error(s, "\",\", \"·\", \";\", 과/와, 및 or a space between pairs");
		return PAIR_ERROR;
	}
	return PAIR_NEXT;
}

/*
 * Read "국비 929억원, 지방비 433억원", "총 1,362억원(국비 929억원, 지방비
 * 433억원)", "national=929억 local=433억", "국비 226억원, 시비 431억원,
 * 구비 83억원", "국비 40억원과 군비 10억원 등 총 50억원".  Parentheses may
 * open before any pair and must all close at the end.
 */
static bool
scan_keyed(Scanner *s, Keyed *k)
{
	long		depth = 0;

	k->breakdown_depth = -1;

	/*
	 * "2,864억원(정부 2,049억원, 지방비 815억원)": an amount with no key
	 * before a parenthesised list is the total of its parts.
	 */
	if (amount_starts_at(s))
	{
		int			split = scan_english_split(s, k);

		if (split != 0)
			return split > 0;
		if (!scan_total(s, k))
			return false;
		scan_skip_spaces(s);
		if (scan_at_end(s) || *s->p != '(')
			return scan_syntax_error(s, "a parenthesised list of national and local amounts after the total");
	}

	for (;;)
	{
		int			which = -1;
		const char *key;
		PairEnd		next;
		int			each;

		scan_skip_spaces(s);
		while (scan_accept(s, "("))
		{
			depth++;
			scan_skip_spaces(s);
		}
		key = s->p;
		each = scan_each(s, k, depth, &which);
		if (each < 0)
			return false;
		if (each == 0 &&
			(!scan_key(s, &which) || !scan_keyed_amount(s, k, which, key, depth)))
			return false;
		next = scan_between_pairs(s, k, keywords[which].kind, depth);
		if (next == PAIR_ERROR)
			return false;
		if (next == PAIR_LAST)
			break;
	}

	while (depth > 0 && scan_accept(s, ")"))
	{
		depth--;
		scan_skip_spaces(s);
	}
	if (!scan_at_end(s))
		return scan_syntax_error(s, depth > 0 ? "\")\"" : "the end of the input");
	if (depth > 0)
		return scan_syntax_error(s, "\")\"");
	return true;
}

/* Multiply a unitless part by the total's unit: "총 1,812억원(국비 1,306, …)". */
static bool
inherit_unit(int64_t *v, int exp)
{
	int64_t		r = *v;

	for (int i = 0; i < exp; i++)
		if (__builtin_mul_overflow(r, 10, &r))
			return false;
	*v = r;
	return true;
}

/* "70.5%": a share in millionths of a percent written out. */
static void
share_format(int64_t share, char *buf, size_t size)
{
	int64_t		frac = share % 1000000;
	int			digits = 6;

	if (frac == 0)
	{
		snprintf(buf, size, "%lld%%", (long long) (share / 1000000));
		return;
	}
	while (frac % 10 == 0)
	{
		frac /= 10;
		digits--;
	}
	snprintf(buf, size, "%lld.%0*lld%%", (long long) (share / 1000000), digits,
			 (long long) frac);
}

/* share (at most 100%) of total (>= 0) in won, if a whole number. */
static bool
share_of(int64_t total, int64_t share, int64_t *won)
{
	const int64_t hundred = 100000000;	/* 100% */
	int64_t		rest = (total % hundred) * share;	/* < 10^16 */

	if (rest % hundred != 0)
		return false;
	*won = total / hundred * share + rest / hundred;
	return true;
}

static bool
share_error(Scanner *s, FundingParseStatus status, const char *detail, const char *hint)
{
	s->err->status = status;
	snprintf(s->err->detail, sizeof(s->err->detail), "%s", T_(detail));
	snprintf(s->err->hint, sizeof(s->err->hint), "%s", T_(hint));
	return false;
}

/*
 * Parts given as shares of the total, "사업비 150억원(국비 70%, 지방비
 * 30%)": every part a share, the shares of national and local funds adding
 * up to 100%, and each a whole number of won of an exact total.  The
 * shares become amounts in place.
 */
static bool
keyed_shares(Scanner *s, Keyed *k)
{
	Parts	   *parts = &k->parts;
	int64_t		total = parts->values.value[FUNDING_TOTAL];
	int64_t		sum;
	int64_t	   *slots[2 + 16];
	int			nslots = 0;
	char		detail[512];

	if (k->namounts > 0)
		return share_error(s, FUNDING_PARSE_SYNTAX,
						   gettext_noop("Found shares in percent beside amounts."),
						   gettext_noop("Give every part as a share of the total (사업비 150억원(국비 70%, 지방비 30%)), or every part as an amount."));
	if (!parts->values.given[FUNDING_TOTAL])
		return share_error(s, FUNDING_PARSE_SYNTAX,
						   gettext_noop("Found shares in percent with no total they are shares of."),
						   gettext_noop("Give the total before the shares: 사업비 150억원(국비 70%, 지방비 30%)."));
	if (parts->overflow[FUNDING_TOTAL])
		return true;			/* the total's range error is reported */
	if (k->total_approximate)
		return share_error(s, FUNDING_PARSE_SYNTAX,
						   gettext_noop("Found shares of an approximate total (약)."),
						   gettext_noop("Shares give exact amounts only of an exact total; give the parts as amounts."));
	if (total < 0)
		return share_error(s, FUNDING_PARSE_SYNTAX,
						   gettext_noop("Found shares of a negative total."),
						   gettext_noop("Give the parts as amounts."));
	if (!k->national_share || (!k->local_key && k->nlevels == 0))
		return share_error(s, FUNDING_PARSE_SYNTAX,
						   gettext_noop("Found the share of national funds or of local funds, not both."),
						   gettext_noop("Give both shares (국비 70%, 지방비 30%); the rest of a total is not taken to be local funds."));

	sum = parts->values.value[FUNDING_NATIONAL];
	slots[nslots++] = &parts->values.value[FUNDING_NATIONAL];
	if (k->local_key)
	{
		sum += k->local_key_value;
		slots[nslots++] = &k->local_key_value;
	}
	for (int i = 0; i < k->nlevels; i++)
	{
		if (!k->local_key)
			sum += k->levels[i];
		slots[nslots++] = &k->levels[i];
	}
	if (sum != 100000000)
	{
		char		sb[32];

		share_format(sum, sb, sizeof(sb));
		snprintf(detail, sizeof(detail),
				 T_("The shares of national and local funds add up to %s, not 100%%."), sb);
		return share_error(s, FUNDING_PARSE_MISMATCH, detail,
						   gettext_noop("If the rest is other money (민자, 자부담), give the national and local parts as amounts and their sum as the total."));
	}
	for (int i = 0; i < nslots; i++)
	{
		int64_t		share = *slots[i];

		if (!share_of(total, share, slots[i]))
		{
			char		pb[32],
						tb[FUNDING_AMOUNT_BUFLEN];

			share_format(share, pb, sizeof(pb));
			amount_format(total, FUNDING_UNIT_KOREAN, tb);
			snprintf(detail, sizeof(detail),
					 T_("%s of %s is not a whole number of won."), pb, tb);
			return share_error(s, FUNDING_PARSE_SYNTAX, detail,
							   gettext_noop("Give the parts as amounts."));
		}
	}
	return true;
}

/*
 * Turn what the keyed reader gathered into national/local/total parts:
 * local from 지방비 or from the sum of the levels (checked against 지방비
 * when both are given), unitless parts in the total's unit, and the rules
 * for an approximate total.
 */
static bool
keyed_parts(Scanner *s, Keyed *k)
{
	Parts	   *parts = &k->parts;
	FundingParseError *err = s->err;
	int64_t		levels_sum = 0;
	bool		levels_overflow = k->level_overflow;
	bool		inherit;

	if (k->nshares > 0 && !keyed_shares(s, k))
		return false;
	for (int i = 0; i < k->nlevels; i++)
		if (__builtin_add_overflow(levels_sum, k->levels[i], &levels_sum))
			levels_overflow = true;

	if (k->local_key && k->nlevels > 0 && k->level_outside_breakdown)
	{
		err->status = FUNDING_PARSE_SYNTAX;
		snprintf(err->detail, sizeof(err->detail),
				 T_("Found 지방비 together with shares of local governments (도비, 시비, …) that are not its breakdown."));
		snprintf(err->hint, sizeof(err->hint),
				 T_("Local funds are 지방비, or the sum of the local governments' shares; to give both, put the shares in parentheses right after 지방비: 지방비 100억(도비 40억, 시비 60억)."));
		return false;
	}

	/* parts with no unit inside a total with one take the total's unit */
	inherit = parts->values.given[FUNDING_TOTAL] && parts->has_unit[FUNDING_TOTAL] &&
		k->total_last_exp > 0 &&
		((parts->values.given[FUNDING_NATIONAL] && !parts->has_unit[FUNDING_NATIONAL]) ||
		 (k->local_key && !k->local_key_has_unit) ||
		 (k->nlevels > 0 && k->levels_unitless));
	if (inherit)
	{
		bool		one_side = !parts->values.given[FUNDING_NATIONAL] ||
			(!k->local_key && k->nlevels == 0);

		/* a part that leaves int64 in the total's unit is named itself */
		if (parts->values.given[FUNDING_NATIONAL] && !parts->has_unit[FUNDING_NATIONAL] &&
			!inherit_unit(&parts->values.value[FUNDING_NATIONAL], k->total_last_exp))
			parts->overflow[FUNDING_NATIONAL] = true;
		if (k->local_key && !k->local_key_has_unit &&
			!inherit_unit(&k->local_key_value, k->total_last_exp))
			k->local_overflow = true;
		if (k->nlevels > 0 && k->levels_unitless)
		{
			levels_sum = 0;
			for (int i = 0; i < k->nlevels; i++)
			{
				if ((!k->levels_has_unit[i] && !inherit_unit(&k->levels[i], k->total_last_exp)) ||
					__builtin_add_overflow(levels_sum, k->levels[i], &levels_sum))
					levels_overflow = true;
			}
		}

		/*
		 * With one side only, the parts must be all of the total: 총사업비
		 * 516백만원(도비 216, 군비 300) is all local, and nothing is derived.
		 */
		if (one_side)
		{
			bool		national = parts->values.given[FUNDING_NATIONAL];
			int64_t		side = national ? parts->values.value[FUNDING_NATIONAL] :
				k->local_key ? k->local_key_value : levels_sum;
			bool		over = national ? parts->overflow[FUNDING_NATIONAL] :
				k->local_key ? k->local_overflow : levels_overflow;

			if (over || parts->overflow[FUNDING_TOTAL] ||
				side != parts->values.value[FUNDING_TOTAL])
			{
				err->status = FUNDING_PARSE_SYNTAX;
				snprintf(err->detail, sizeof(err->detail),
						 T_("Found amounts with no unit inside a total with a unit, on one side only, that are not all of the total."));
				snprintf(err->hint, sizeof(err->hint),
						 T_("Amounts with no unit take the total's unit only when they add up to the total; otherwise write their units."));
				return false;
			}
		}
	}
	else if (k->bare != NULL && k->any_scaled)
	{
		/* "국비 5, 도비 3억원", "국비·도비 각각 5·3억원": 5 won, or 5억? */
		s->p = k->bare;
		scan_error_at(s, "Found an amount with no unit beside an amount in a unit above 원, which reads two ways (won, or that unit)");
		scan_hint(s, "Write the unit of every amount (국비 5억원, 도비 3억원), or 원 after an amount in won.");
		return false;
	}

	if (k->local_key)
	{
		parts->values.given[FUNDING_LOCAL] = true;
		parts->values.value[FUNDING_LOCAL] = k->local_key_value;
		parts->overflow[FUNDING_LOCAL] = k->local_overflow;
		parts->from[FUNDING_LOCAL] = k->local_from;
		parts->to[FUNDING_LOCAL] = k->local_to;
		if (k->nlevels > 0 && !levels_overflow && !k->local_overflow &&
			levels_sum != k->local_key_value)
		{
			char		lb[FUNDING_AMOUNT_BUFLEN],
						sb[FUNDING_AMOUNT_BUFLEN];

			amount_format(k->local_key_value, FUNDING_UNIT_KOREAN, lb);
			amount_format(levels_sum, FUNDING_UNIT_KOREAN, sb);
			err->status = FUNDING_PARSE_MISMATCH;
			snprintf(err->detail, sizeof(err->detail),
					 T_("지방비 %s is not the sum of its breakdown, %s."), lb, sb);
			return false;
		}
	}
	else if (k->nlevels > 0)
	{
		parts->values.given[FUNDING_LOCAL] = true;
		parts->values.value[FUNDING_LOCAL] = levels_sum;
		parts->overflow[FUNDING_LOCAL] = levels_overflow;
		parts->from[FUNDING_LOCAL] = "the local governments' shares";
		parts->to[FUNDING_LOCAL] = parts->from[FUNDING_LOCAL] + strlen(parts->from[FUNDING_LOCAL]);
	}

	if (k->total_approximate &&
		!(parts->values.given[FUNDING_NATIONAL] && parts->values.given[FUNDING_LOCAL]))
	{
		err->status = FUNDING_PARSE_SYNTAX;
		snprintf(err->detail, sizeof(err->detail),
				 T_("Found an approximate total (약) without both national and local amounts."));
		snprintf(err->hint, sizeof(err->hint),
				 T_("A total marked 약 is accepted only when national and local are both given and add up to it exactly."));
		return false;
	}
	return true;
}

/* The keyed form, from s to the end: its parts, resolved. */
bool
keyed_read(Scanner *s, Parts *parts)
{
	Keyed		k;

	memset(&k, 0, sizeof(k));
	if (!scan_keyed(s, &k) || !keyed_parts(s, &k))
		return false;
	*parts = k.parts;
	return true;
}
