/*-------------------------------------------------------------------------
 *
 * keyed_lists.c
 *	  Lists in the keyed form beyond key-and-amount pairs: 각각 after
 *	  several keys ("도·군비 각각 3억원", "국비와 도비는 각각 22억원과
 *	  5억원") and English splits ("149.4 billion won in national funding
 *	  and 60.8 billion won in provincial funding").
 *
 * Plain C, no allocation (see parse.c).  The grammar is doc/regionpolicy.md,
 * "Input".
 *
 *-------------------------------------------------------------------------
 */
#include <stdio.h>
#include <string.h>

#include "keyed.h"

/* ---------------------------------------------------------------------
 * 각각: one amount for each of several keys, or one for each in turn
 * ---------------------------------------------------------------------
 */


/* What a key names in a list before 각각, as level keys where it is a pair. */
static int
each_components(int which, const char **out)
{
	const char *w = keyword_word(which);

	if (strcmp(w, "시도비") == 0)
	{
		out[0] = "시비";
		out[1] = "도비";
		return 2;
	}
	if (strcmp(w, "시군비") == 0)
	{
		out[0] = "시비";
		out[1] = "군비";
		return 2;
	}
	if (strcmp(w, "시군구비") == 0)
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
 * The keys of a list before 각각, from s: keys joined by ·, 와/과, 및 or a
 * comma, a one-syllable prefix standing for its key (도·군비), and pairs
 * such as 시·도비 taken apart.  Returns how many, with s just after 각각, or
 * 0 (s unchanged) when no such list starts here.  *compound counts the
 * keys that name several local governments together (시·도비, 시·군비).
 */
static int
scan_each_keys(Scanner *s, const char **words, const char **starts, int max,
			   int *compound)
{
	static const char *const prefixes[][2] = {{"도", "도비"}, {"시", "시비"}, {"군", "군비"}, {"구", "구비"}};
	static const char *const particles_each[] = {"은", "는", "이", "가", "도"};
	Scanner		look = *s;
	int			n = 0;

	*compound = 0;
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
			if (len == 0 || keyword_kind(which) == KEY_TOTAL || keyword_kind(which) == KEY_OTHER)
				return 0;
			ncomp = each_components(which, comp);
			if (ncomp > 1)
				(*compound)++;
		}
		for (int i = 0; i < ncomp; i++)
		{
			if (n == max)
				return 0;
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
		for (size_t i = 0; i < sizeof(particles_each) / sizeof(particles_each[0]); i++)
			if (scan_word_at(&look, look.p, particles_each[i], 3) &&
				particle_fits(&look, look.p, particles_each[i]) &&
				scan_space_width(&look, look.p + 3) > 0)
			{
				look.p += 3;
				break;
			}
		{
			Scanner		after = look;
			size_t		each_len;

			scan_skip_spaces(&after);
			each_len = scan_word_at(&after, after.p, "각각", 6) ? 6 :
				scan_word_at(&after, after.p, "각", 3) ? 3 : 0;
			if (each_len > 0 && n >= 2 && scan_space_width(&after, after.p + each_len) > 0)
			{
				s->p = after.p + each_len;
				return n;
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
}

/*
 * "도·군비 각각 3억원" (each of 도비 and 군비 3억) and "국비와 도비는 각각
 * 22억원과 5억원" (the amounts in turn): two or more keys (scan_each_keys),
 * then 각각 (or 각), then one amount or one amount per key.  시·군비 or
 * 시·도비 before 각각 reads two ways (시비 and 군비, or every city and
 * county together) and is refused.  Returns 1 with the pairs recorded and
 * *last the last key, 0 having consumed nothing when no such list starts
 * here, -1 on error.
 */
int
scan_each(Scanner *s, Keyed *k, long depth, int *last)
{
	const char *words[8];
	const char *starts[8];
	const char *list_start = s->p;
	const char *amount_start;
	Scanner		look = *s;
	int			compound;
	int			n;
	bool		in_turn;

	n = scan_each_keys(&look, words, starts, (int) (sizeof(words) / sizeof(words[0])), &compound);
	if (n == 0)
		return 0;
	if (compound > 0)
	{
		s->p = list_start;
		scan_error_at(s, "Found 각각 after a key that names several local governments together, which reads two ways (each of them once, or all of them together)");
		scan_hint(s, "Give each share with its own key and amount (시비 3억원, 군비 3억원), or the key once with its amount (시·군비 3억원).");
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
	return english_word_at(s, p, word) ? strlen(word) : 0;
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
int
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
			char		problem[512];

			s->p = amount;
			snprintf(problem, sizeof(problem),
					 T_("Found %s money, neither national nor local (funding holds 국비 and 지방비 only)"),
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

