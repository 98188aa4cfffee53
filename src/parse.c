/*-------------------------------------------------------------------------
 *
 * parse.c
 *	  Reading funding literals: the tuple form "(929억,433억)" and the
 *	  keyed form that press releases and local news print
 *	  ("총 1,812억원(국비 1,306억원, 도비 300억원, 시비 206억원)").
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

#include "scan.h"

static const char *const component_names[FUNDING_NUM_COMPONENTS] = {
	"national", "local", "total"
};

/* What a key names. */
typedef enum KeyKind
{
	KEY_NATIONAL,
	KEY_LOCAL,					/* 지방비: all local money */
	KEY_LEVEL,					/* 도비, 시비, …: one local government's share */
	KEY_TOTAL,
	KEY_OTHER					/* 민자, 자부담, …: money funding does not hold */
} KeyKind;

typedef struct KeyWord
{
	const char *word;
	unsigned char len;			/* strlen(word), so that a look-up measures nothing */
	KeyKind		kind;
} KeyWord;

#define KEY(w, kind) {w, sizeof(w) - 1, kind}

/* The longest match wins ("총사업비" over "총", "시·도비" over nothing). */
static const KeyWord keywords[] = {
	KEY("national", KEY_NATIONAL), KEY("국비", KEY_NATIONAL), KEY("국고", KEY_NATIONAL),
	KEY("정부", KEY_NATIONAL), KEY("central government", KEY_NATIONAL),
	KEY("local", KEY_LOCAL), KEY("지방비", KEY_LOCAL),
	KEY("local government", KEY_LOCAL), KEY("local governments", KEY_LOCAL),
	KEY("provincial", KEY_LEVEL), KEY("city", KEY_LEVEL),
	KEY("시ㆍ군ㆍ구비", KEY_LEVEL), KEY("시·군·구비", KEY_LEVEL),
	KEY("시ㆍ도비", KEY_LEVEL), KEY("시·도비", KEY_LEVEL), KEY("시ㆍ군비", KEY_LEVEL),
	KEY("시·군비", KEY_LEVEL), KEY("시군구비", KEY_LEVEL), KEY("시도비", KEY_LEVEL),
	KEY("시군비", KEY_LEVEL), KEY("시비", KEY_LEVEL), KEY("도비", KEY_LEVEL),
	KEY("군비", KEY_LEVEL), KEY("구비", KEY_LEVEL),
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

/* ---------------------------------------------------------------------
 * The tuple form
 * ---------------------------------------------------------------------
 */

typedef struct Parts
{
	FundingParts values;
	bool		overflow[FUNDING_NUM_COMPONENTS];
	bool		has_unit[FUNDING_NUM_COMPONENTS];
	const char *from[FUNDING_NUM_COMPONENTS];	/* the amount's text, for errors */
	const char *to[FUNDING_NUM_COMPONENTS];
} Parts;

static bool
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

/* "(national, local)" or "(national, local, total)": no separators. */
static bool
scan_tuple(Scanner *s, Parts *parts)
{
	AmountInfo	info;

	s->p++;						/* the "(" */
	scan_skip_spaces(s);
	if (!scan_component(s, parts, FUNDING_NATIONAL, 0, &info))
		return false;
	scan_skip_spaces(s);
	if (!scan_accept(s, ","))
		return scan_syntax_error(s, "\",\" and the local amount");
	scan_skip_spaces(s);
	if (!scan_component(s, parts, FUNDING_LOCAL, 0, &info))
		return false;
	scan_skip_spaces(s);
	if (scan_accept(s, ","))
	{
		scan_skip_spaces(s);
		if (!scan_component(s, parts, FUNDING_TOTAL, 0, &info))
			return false;
		scan_skip_spaces(s);
	}
	if (!scan_accept(s, ")"))
		return scan_syntax_error(s, "\")\"");
	scan_skip_spaces(s);
	if (!scan_at_end(s))
		return scan_syntax_error(s, "the end of the input");
	return true;
}

/* ---------------------------------------------------------------------
 * The keyed form
 * ---------------------------------------------------------------------
 */

/* Which key starts at p?  Its length in bytes, or 0; the longest wins. */
static size_t
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
static bool
amount_starts_at(const Scanner *s)
{
	int			which;

	if (key_at(s, s->p, &which) > 0)
		return false;
	return scan_number_at(s, s->p) ||
		(!scan_at_end(s) && *s->p == '-') ||
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

/* What the keyed reader gathers before it resolves. */
typedef struct Keyed
{
	Parts		parts;			/* national and total; local once resolved */
	bool		local_key;		/* 지방비 given */
	int64_t		local_key_value;
	bool		local_key_has_unit;
	bool		local_overflow;
	const char *local_from;
	const char *local_to;
	int			nlevels;		/* 도비, 시비, … given */
	uint64_t	level_seen;		/* which level keys, by index bit */
	bool		level_overflow;
	bool		levels_unitless;
	int64_t		levels[16];
	long		breakdown_depth;	/* depth of the "(" right after 지방비 */
	bool		level_outside_breakdown;
	bool		total_approximate;
	int			total_last_exp;
	/* shares of the total in percent (국비 70%), read as millionths of one */
	int			nshares;
	int			namounts;		/* parts given as amounts */
	bool		national_share;
	bool		local_share;
	const char *share_from;		/* the first share, for messages */
} Keyed;

/* The total, which may be approximate (약): keyed_parts() decides. */
static bool
scan_total(Scanner *s, Keyed *k)
{
	AmountInfo	info;

	if (!scan_component(s, &k->parts, FUNDING_TOTAL,
						AMOUNT_SEPARATORS | AMOUNT_APPROXIMATE | AMOUNT_KEYED, &info))
		return false;
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
			char		hint[64];

			snprintf(hint, sizeof(hint), "Did you mean \"%s\"?", near);
			scan_hint(s, hint);
		}
		return false;
	}
	if (keywords[*which].kind == KEY_OTHER)
	{
		char		problem[160];

		snprintf(problem, sizeof(problem),
				 "Found \"%s\", money that is neither national nor local (funding holds 국비 and 지방비 only)",
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

		if (scan_word_at(s, s->p, particles[i], len) &&
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

/* The amount after a key, recorded where its kind of key says. */
static bool
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
			return scan_component(s, parts, FUNDING_NATIONAL,
								  AMOUNT_SEPARATORS | AMOUNT_KEYED, &info);
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
			k->local_key = true;
			k->local_key_value = value;
			k->local_key_has_unit = info.has_unit;
			k->local_overflow = info.overflow;
			k->local_from = info.from;
			k->local_to = s->p;
			return true;
		case KEY_LEVEL:
			if (k->level_seen & ((uint64_t) 1 << which))
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
				took_share(k, key);
			else if (!scan_amount(s, AMOUNT_SEPARATORS | AMOUNT_KEYED, &value, &info))
				return false;
			else
			{
				k->namounts++;
				k->level_overflow |= info.overflow;
				if (!info.has_unit)
					k->levels_unitless = true;
			}
			k->level_seen |= (uint64_t) 1 << which;
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

/* ---------------------------------------------------------------------
 * 각각: one amount for each of several keys, or one for each in turn
 * ---------------------------------------------------------------------
 */

/* The index of a keyword, by its text. */
static int
keyword_index(const char *word)
{
	for (int i = 0; i < NKEYWORDS; i++)
		if (strcmp(keywords[i].word, word) == 0)
			return i;
	return -1;
}

/* What a key names in a list before 각각, as level keys where it is a pair. */
static int
each_components(int which, const char **out)
{
	const char *w = keywords[which].word;

	if (strcmp(w, "시·도비") == 0 || strcmp(w, "시ㆍ도비") == 0 || strcmp(w, "시도비") == 0)
	{
		out[0] = "시비";
		out[1] = "도비";
		return 2;
	}
	if (strcmp(w, "시·군비") == 0 || strcmp(w, "시ㆍ군비") == 0 || strcmp(w, "시군비") == 0)
	{
		out[0] = "시비";
		out[1] = "군비";
		return 2;
	}
	if (strcmp(w, "시·군·구비") == 0 || strcmp(w, "시ㆍ군ㆍ구비") == 0 || strcmp(w, "시군구비") == 0)
	{
		out[0] = "시비";
		out[1] = "군비";
		out[2] = "구비";
		return 3;
	}
	out[0] = w;
	return 1;
}

/* After an amount: a joining word and another amount (22억원과 5억원)? */
static bool
another_amount_at(Scanner *s, bool consume)
{
	Scanner		look = *s;

	if ((scan_word_at(&look, look.p, "과", 3) || scan_word_at(&look, look.p, "와", 3)) &&
		scan_space_width(&look, look.p + 3) > 0)
		look.p += 3;
	else if (!(scan_accept(&look, ",") || scan_accept(&look, "·") || scan_accept(&look, "ㆍ")))
		return false;
	scan_skip_spaces(&look);
	if (!amount_starts_at(&look))
		return false;
	if (consume)
		*s = look;
	return true;
}

/*
 * "도·군비 각각 3억원" (each of 도비 and 군비 3억) and "국비와 도비는 각각
 * 22억원과 5억원" (the amounts in turn): two or more keys joined by ·, 와/과,
 * 및 or a comma, then 각각 (or 각), then one amount or one amount per key.
 * 시·군비 before 각각 reads two ways (시비 and 군비, or every city and county)
 * and is refused.  Returns 1 with the pairs recorded and *last the last key,
 * 0 having consumed nothing when no such list starts here, -1 on error.
 */
static int
scan_each(Scanner *s, Keyed *k, long depth, int *last)
{
	static const char *const prefixes[][2] = {{"도", "도비"}, {"시", "시비"}, {"군", "군비"}, {"구", "구비"}};
	Scanner		look = *s;
	const char *words[8];
	const char *starts[8];
	int			n = 0;
	int			municipal = 0;
	const char *list_start = s->p;
	const char *amount_start;
	bool		in_turn;

	for (;;)
	{
		const char *start = look.p;
		const char *comp[3];
		int			ncomp = 0;
		int			which;
		size_t		len = 0;
		bool		prefix = false;

		/* 도·군비: a one-syllable prefix standing for its key */
		for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
		{
			if (scan_word_at(&look, look.p, prefixes[i][0], 3) &&
				(scan_word_at(&look, look.p + 3, "·", sizeof("·") - 1) ||
				 scan_word_at(&look, look.p + 3, "ㆍ", sizeof("ㆍ") - 1)) &&
				key_at(&look, look.p, &which) == 0)
			{
				comp[ncomp++] = prefixes[i][1];
				len = 3;
				prefix = true;
				break;
			}
		}
		if (!prefix)
		{
			len = key_at(&look, look.p, &which);
			if (len == 0 || keywords[which].kind == KEY_TOTAL || keywords[which].kind == KEY_OTHER)
				return 0;
			ncomp = each_components(which, comp);
		}
		for (int i = 0; i < ncomp; i++)
		{
			if (n == (int) (sizeof(words) / sizeof(words[0])))
				return 0;
			municipal += strcmp(comp[i], "시비") == 0 || strcmp(comp[i], "군비") == 0 ||
				strcmp(comp[i], "구비") == 0;
			words[n] = comp[i];
			starts[n++] = start;
		}
		look.p += len;
		if (prefix)
		{
			(void) (scan_accept(&look, "·") || scan_accept(&look, "ㆍ"));
			continue;
		}
		/* a particle on the last key: 국비와 도비는 각각 */
		{
			static const char *const particles_each[] = {"은", "는", "이", "가", "도"};

			for (size_t i = 0; i < sizeof(particles_each) / sizeof(particles_each[0]); i++)
				if (scan_word_at(&look, look.p, particles_each[i], 3) &&
					scan_space_width(&look, look.p + 3) > 0)
				{
					look.p += 3;
					break;
				}
		}
		{
			Scanner		after = look;

			scan_skip_spaces(&after);
			if ((scan_word_at(&after, after.p, "각각", 6) || scan_word_at(&after, after.p, "각", 3)) &&
				n >= 2)
			{
				after.p += scan_word_at(&after, after.p, "각각", 6) ? 6 : 3;
				if (scan_space_width(&after, after.p) > 0)
				{
					look = after;
					break;
				}
			}
		}
		/* joined to the next key */
		if ((scan_word_at(&look, look.p, "과", 3) || scan_word_at(&look, look.p, "와", 3)) &&
			scan_space_width(&look, look.p + 3) > 0)
			look.p += 3;
		else if (scan_accept(&look, "·") || scan_accept(&look, "ㆍ") || scan_accept(&look, ","))
			;
		else if (scan_skip_spaces(&look) && scan_accept(&look, "및"))
			;
		else
			return 0;
		scan_skip_spaces(&look);
	}

	if (municipal > 1)
	{
		s->p = list_start;
		scan_error_at(s, "Found 각각 after shares of cities, counties or districts together, which reads two ways (each of them once, or every city and county)");
		scan_hint(s, "Give each share with its own key and amount: 시비 3억원, 군비 3억원.");
		return -1;
	}
	scan_skip_spaces(&look);
	amount_start = look.p;
	*s = look;
	if (!scan_keyed_amount(s, k, keyword_index(words[0]), starts[0], depth))
		return -1;
	in_turn = another_amount_at(s, false);
	for (int i = 1; i < n; i++)
	{
		if (in_turn)
		{
			if (!another_amount_at(s, true))
			{
				scan_syntax_error(s, "an amount for each key before 각각, in turn");
				return -1;
			}
		}
		else
			s->p = amount_start;
		if (!scan_keyed_amount(s, k, keyword_index(words[i]), starts[i], depth))
			return -1;
	}
	if (in_turn && another_amount_at(s, false))
	{
		scan_error_at(s, "Found more amounts after 각각 than keys before it");
		return -1;
	}
	*last = keyword_index(words[n - 1]);
	return 1;
}

/* ---------------------------------------------------------------------
 * English splits: "149.4 billion won in national funding and 60.8 billion
 * won in provincial funding"
 * ---------------------------------------------------------------------
 */

typedef struct EnglishSide
{
	const char *word;
	const char *key;			/* the keyword it stands for; NULL: not public money */
} EnglishSide;

static const EnglishSide english_sides[] = {
	{"national", "national"}, {"government", "national"}, {"state", "national"},
	{"central government", "national"}, {"local", "local"}, {"local government", "local"},
	{"local governments", "local"},
	{"provincial", "도비"}, {"city", "시비"}, {"county", "군비"}, {"district", "구비"},
	{"private", NULL}, {"corporate", NULL}, {"company", NULL}
};

static const char *const english_money_words[] = {
	"funding", "funds", "subsidies", "subsidy", "money", "budget", "budgets", "spending",
	"investment", "investments", "contributions", "contribution", "grants", "coffers"
};

/* An English word at p, in any case, ending there; its length or 0. */
static size_t
english_word_len(const Scanner *s, const char *p, const char *word)
{
	size_t		len = strlen(word);

	if ((size_t) (s->end - p) < len)
		return 0;
	for (size_t i = 0; i < len; i++)
	{
		char		c = p[i];

		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (c != word[i])
			return 0;
	}
	if (p + len < s->end && ((p[len] >= 'a' && p[len] <= 'z') || (p[len] >= 'A' && p[len] <= 'Z')))
		return 0;
	return len;
}

/* " in national funding" after an amount: the side, or -1 (nothing read). */
static int
english_side_at(Scanner *s)
{
	Scanner		look = *s;
	size_t		len;
	int			side = -1;
	size_t		best = 0;

	if (!scan_skip_spaces(&look) || (len = english_word_len(&look, look.p, "in")) == 0)
		return -1;
	look.p += len;
	if (!scan_skip_spaces(&look))
		return -1;
	if ((len = english_word_len(&look, look.p, "the")) > 0)
	{
		look.p += len;
		scan_skip_spaces(&look);
	}
	for (int i = 0; i < (int) (sizeof(english_sides) / sizeof(english_sides[0])); i++)
		if ((len = english_word_len(&look, look.p, english_sides[i].word)) > best)
		{
			best = len;
			side = i;
		}
	if (side < 0)
		return -1;
	look.p += best;
	if (!scan_skip_spaces(&look))
		return -1;
	for (size_t i = 0; i < sizeof(english_money_words) / sizeof(english_money_words[0]); i++)
		if ((len = english_word_len(&look, look.p, english_money_words[i])) > 0)
		{
			s->p = look.p + len;
			return side;
		}
	return -1;
}

/*
 * Amounts each followed by the side it comes from, joined by "and" or
 * commas, to the end of the input.  Returns 0 having read nothing when the
 * first amount has no side after it, 1 when all is read, -1 on error.
 */
static int
scan_english_split(Scanner *s, Keyed *k)
{
	for (int n = 0;; n++)
	{
		Scanner		q = *s;
		FundingParseError quiet = {.status = FUNDING_PARSE_OK};
		const char *amount = s->p;
		int64_t		value;
		AmountInfo	info;
		int			side;
		size_t		len;
		bool		joined = false;

		q.err = &quiet;
		if (!scan_amount(&q, AMOUNT_SEPARATORS | AMOUNT_KEYED, &value, &info) ||
			(side = english_side_at(&q)) < 0)
		{
			if (n == 0)
				return 0;
			scan_syntax_error(s, "an amount and the side it comes from (60.8 billion won in provincial funding)");
			return -1;
		}
		if (english_sides[side].key == NULL)
		{
			char		problem[160];

			s->p = amount;
			snprintf(problem, sizeof(problem),
					 "Found %s money, neither national nor local (funding holds 국비 and 지방비 only)",
					 english_sides[side].word);
			scan_error_at(s, problem);
			scan_hint(s, "Leave out the private or other share, and give the total of national and local funds only (or no total).");
			return -1;
		}
		if (!scan_keyed_amount(s, k, keyword_index(english_sides[side].key), amount, 0))
			return -1;
		(void) english_side_at(s);	/* past the side, as the look-ahead found it */

		scan_skip_spaces(s);
		if (scan_accept(s, ","))
		{
			joined = true;
			scan_skip_spaces(s);
		}
		if ((len = english_word_len(s, s->p, "and")) > 0)
		{
			s->p += len;
			joined = true;
			scan_skip_spaces(s);
		}
		if (scan_at_end(s) && !joined)
			return 1;
		if (!joined)
		{
			scan_syntax_error(s, "\"and\" and another amount, or the end of the input");
			return -1;
		}
	}
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
	snprintf(s->err->detail, sizeof(s->err->detail), "%s", detail);
	snprintf(s->err->hint, sizeof(s->err->hint), "%s", hint);
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
	char		detail[256];

	if (k->namounts > 0)
		return share_error(s, FUNDING_PARSE_SYNTAX,
						   "Found shares in percent beside amounts.",
						   "Give every part as a share of the total (사업비 150억원(국비 70%, 지방비 30%)), or every part as an amount.");
	if (!parts->values.given[FUNDING_TOTAL])
		return share_error(s, FUNDING_PARSE_SYNTAX,
						   "Found shares in percent with no total they are shares of.",
						   "Give the total before the shares: 사업비 150억원(국비 70%, 지방비 30%).");
	if (parts->overflow[FUNDING_TOTAL])
		return true;			/* the total's range error is reported */
	if (k->total_approximate)
		return share_error(s, FUNDING_PARSE_SYNTAX,
						   "Found shares of an approximate total (약).",
						   "Shares give exact amounts only of an exact total; give the parts as amounts.");
	if (total < 0)
		return share_error(s, FUNDING_PARSE_SYNTAX,
						   "Found shares of a negative total.",
						   "Give the parts as amounts.");
	if (!k->national_share || (!k->local_key && k->nlevels == 0))
		return share_error(s, FUNDING_PARSE_SYNTAX,
						   "Found the share of national funds or of local funds, not both.",
						   "Give both shares (국비 70%, 지방비 30%); the rest of a total is not taken to be local funds.");

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
				 "The shares of national and local funds add up to %s, not 100%%.", sb);
		return share_error(s, FUNDING_PARSE_MISMATCH, detail,
						   "If the rest is other money (민자, 자부담), give the national and local parts as amounts and their sum as the total.");
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
					 "%s of %s is not a whole number of won.", pb, tb);
			return share_error(s, FUNDING_PARSE_SYNTAX, detail,
							   "Give the parts as amounts.");
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
				 "Found 지방비 together with shares of local governments (도비, 시비, …) that are not its breakdown.");
		snprintf(err->hint, sizeof(err->hint),
				 "Local funds are 지방비, or the sum of the local governments' shares; to give both, put the shares in parentheses right after 지방비: 지방비 100억(도비 40억, 시비 60억).");
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

		if (!parts->values.given[FUNDING_NATIONAL] || (!k->local_key && k->nlevels == 0))
		{
			err->status = FUNDING_PARSE_SYNTAX;
			snprintf(err->detail, sizeof(err->detail),
					 "Found amounts with no unit inside a total with a unit, but not both national and local.");
			snprintf(err->hint, sizeof(err->hint),
					 "Amounts with no unit take the total's unit only when national and local are both given and add up to the total; otherwise write their units.");
			return false;
		}
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
				if (!inherit_unit(&k->levels[i], k->total_last_exp) ||
					__builtin_add_overflow(levels_sum, k->levels[i], &levels_sum))
					levels_overflow = true;
			}
		}
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
					 "지방비 %s is not the sum of its breakdown, %s.", lb, sb);
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
				 "Found an approximate total (약) without both national and local amounts.");
		snprintf(err->hint, sizeof(err->hint),
				 "A total marked 약 is accepted only when national and local are both given and add up to it exactly.");
		return false;
	}
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
				  national ? "A total with a national amount and no local one has no single reading: the rest of a total is often private money (민간부담금), not local funds."
				  : "A total with a local amount and no national one has no single reading: the rest of a total is often private money (민간부담금), not national funds.");
	if (__builtin_sub_overflow(parts->value[FUNDING_TOTAL], given, &rest))
		return false;
	amount_format(given, FUNDING_UNIT_KOREAN, gb);
	amount_format(rest, FUNDING_UNIT_KOREAN, rb);
	amount_format(parts->value[FUNDING_TOTAL], FUNDING_UNIT_KOREAN, tb);
	snprintf(err->hint, sizeof(err->hint),
			 "If the rest (%s) is %s funds, give both parts: \"국비 %s, 지방비 %s\"; if it is private money, give the %s amount alone.",
			 rb, national ? "local" : "national", national ? gb : rb, national ? rb : gb,
			 national ? "national" : "local");
	return false;
}

/*
 * Fill in a missing component and check the total: with no total a missing
 * component is zero; a total needs both components, and they must agree.
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
		return total_with_one_part(parts, err);
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
 * The shapes COPY loads by the million, "(n,l)" or "(n,l,t)" with plain
 * amounts (scan_plain_amount): read without the general reader's
 * bookkeeping.  Anything else returns false having decided nothing.
 */
static bool
fast_tuple(const char *str, size_t len, FundingParts *parts)
{
	const char *end = str + len;
	Scanner		s = {str + 1, end, NULL};
	int			c = 0;

	if (len < 5 || str[0] != '(' || str[len - 1] != ')')
		return false;
	memset(parts, 0, sizeof(*parts));
	for (;;)
	{
		if (c == FUNDING_NUM_COMPONENTS || !scan_plain_amount(&s, &parts->value[c]))
			return false;
		parts->given[c++] = true;
		if (s.p < end && *s.p == ',')
			s.p++;
		else
			break;
	}
	return c >= 2 && s.p == end - 1;
}

/* Does the UTF-8 syllable at p (3 bytes, p + 3 <= end) equal w? */
#define SYLLABLE_IS(p, w) ((p)[0] == (w)[0] && (p)[1] == (w)[1] && (p)[2] == (w)[2])
/* The three bytes of a UTF-8 syllable at p (unsigned char *) as one number. */
#define SYLLABLE_CODE(p) (((uint32_t) (p)[0] << 16) | ((uint32_t) (p)[1] << 8) | (p)[2])

/*
 * One amount in the compound form the Korean display unit writes and budget
 * tables print, "75억 4259만 8000원", "929억원" or "8000원": groups of one to
 * four digits (no leading zero) under 조, 억 and 만 in descending order, one
 * space apart, then either 원 on the last unit or a last group of digits
 * with 원.  A lone "digits원" may be longer.  Anything else returns false.
 */
static bool
fast_compound(const char **pp, const char *end, int64_t *result)
{
	const unsigned char *p = (const unsigned char *) *pp;
	const unsigned char *e = (const unsigned char *) end;
	int64_t		v = 0;
	int64_t		below = INT64_MAX;	/* units must descend: 조, 억, 만 */

	for (;;)
	{
		const unsigned char *digits = p;
		uint64_t	g = 0;		/* (wraps harmlessly past 19 digits: refused below) */
		int			nd;
		int64_t		unit;

		if (p >= e || *p < '1' || *p > '9')
			return false;
		while (p < e && (unsigned) (*p - '0') < 10)
			g = g * 10 + (unsigned) (*p++ - '0');
		if ((nd = (int) (p - digits)) > 15)
			return false;
		if (e - p < 3)
			return false;
		switch (SYLLABLE_CODE(p))
		{
			case 0xEC9B90:		/* 원: the last group */
				if (below != INT64_MAX && nd > 4)
					return false;
				*result = v + (int64_t) g;
				*pp = (const char *) p + 3;
				return true;
			case 0xECA1B0:		/* 조 */
				unit = (int64_t) 1000000000000;
				break;
			case 0xEC96B5:		/* 억 */
				unit = 100000000;
				break;
			case 0xEBA78C:		/* 만 */
				unit = 10000;
				break;
			default:
				return false;
		}
		if (unit >= below || nd > 4)
			return false;
		v += (int64_t) g * unit;
		below = unit;
		p += 3;
		if (e - p >= 3 && SYLLABLE_CODE(p) == 0xEC9B90)	/* 억원 */
		{
			*result = v;
			*pp = (const char *) p + 3;
			return true;
		}
		if (p == e || *p == ',')
		{
			*result = v;
			*pp = (const char *) p;
			return true;
		}
		/* one space, then the next group's digits */
		if (*p != ' ' || p + 1 >= e || (unsigned) (p[1] - '0') >= 10)
			return false;
		p++;
	}
}

/*
 * The keyed form COPY loads by the million, "국비 75억 4259만 8000원,
 * 지방비 25억 4112만 3000원" (the two keys in this order, ", " between,
 * amounts as fast_compound reads them), read without the general reader's
 * look-ups.  Anything else returns false having decided nothing; the
 * fuzz harness checks that the general reader agrees whenever this
 * decides.
 */
static bool
fast_keyed(const char *str, size_t len, FundingParts *parts)
{
	const char *p = str;
	const char *end = str + len;

	if (len < 27 || !SYLLABLE_IS(p, "국") || !SYLLABLE_IS(p + 3, "비") || p[6] != ' ')
		return false;
	p += 7;
	if (!fast_compound(&p, end, &parts->value[FUNDING_NATIONAL]) ||
		end - p < 12 || p[0] != ',' || p[1] != ' ' ||
		!SYLLABLE_IS(p + 2, "지") || !SYLLABLE_IS(p + 5, "방") ||
		!SYLLABLE_IS(p + 8, "비") || p[11] != ' ')
		return false;
	p += 12;
	if (!fast_compound(&p, end, &parts->value[FUNDING_LOCAL]) || p != end)
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
	Keyed		k;
	Parts	   *parts = &k.parts;
	bool		tuple = false;

	err->hint[0] = '\0';
	if (fast_tuple(str, len, &parts->values) || fast_keyed(str, len, &parts->values))
		return funding_resolve(&parts->values, result, err);

	memset(&k, 0, sizeof(k));
	err->status = FUNDING_PARSE_OK;
	scan_skip_spaces(&s);
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
	else if (!scan_keyed(&s, &k) || !keyed_parts(&s, &k))
		return false;
	for (int c = 0; c < FUNDING_NUM_COMPONENTS; c++)
	{
		if (parts->values.given[c] && parts->overflow[c])
		{
			char		what[32];

			snprintf(what, sizeof(what), "%s amount", component_names[c]);
			return scan_range_error(&s, what, parts->from[c], parts->to[c]);
		}
	}
	return funding_resolve(&parts->values, result, err);
}
