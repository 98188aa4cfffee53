/*-------------------------------------------------------------------------
 *
 * messages.c
 *	  The schema's messages in the user's language (doc/regionpolicy.md,
 *	  "Messages"): message(msgid, args...) looks msgid up in the
 *	  regionpolicy message catalog under lc_messages, as PostgreSQL's own
 *	  messages are, fills in its arguments and writes Korean particles
 *	  after them the way the word before them is read (45.9억으로,
 *	  929억이, 2로).
 *
 * Catalogs are UTF-8, and so is everything here: the message, looked up,
 * filled in and finished, is converted to the database encoding last, so
 * that an EUC_KR database gets its messages in EUC_KR.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <ctype.h>

#include "funcapi.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

#include "regionpolicy.h"

/*
 * A particle written both ways in a catalog, "(으)로": after a word that
 * ends in a consonant the first form, else the second.  (으)로 also takes
 * 로 after ㄹ (서울로, 1일로... 1로).
 */
typedef struct Particle
{
	const char *marker;
	const char *after_consonant;
	const char *after_vowel;
} Particle;

static const Particle particles[] = {
	{"(으)로", "으로", "로"},
	{"(이)가", "이", "가"},
	{"(은)는", "은", "는"},
	{"(을)를", "을", "를"},
	{"(과)와", "과", "와"},
	{"(이)나", "이나", "나"},
	{"(이)라", "이라", "라"},
};

/* How a word ends when read aloud: no consonant, ㄹ, or another consonant. */
typedef enum Ending
{
	ENDING_UNKNOWN,				/* a Latin letter, a sign: keep both forms */
	ENDING_VOWEL,
	ENDING_RIEUL,
	ENDING_CONSONANT
} Ending;

/* Decode the UTF-8 character that ends at end (exclusive); 0 if none. */
static pg_wchar
char_before(const char *start, const char *end, const char **at)
{
	const char *p = end;

	if (p <= start)
		return 0;
	do
		p--;
	while (p > start && (*p & 0xC0) == 0x80);
	*at = p;
	return utf8_to_unicode((const unsigned char *) p);
}

/*
 * The ending of a number as Korean reads it: 45.9 is 사십오 점 구, 10 is
 * 십, 1,000 천, 20000 이만, 3억 (written 300000000) 삼억.
 */
static Ending
number_ending(const char *start, const char *end)
{
	const char *p = end;
	bool		point = false;
	int			zeros = 0;
	char		last = 0;

	while (p > start && (isdigit((unsigned char) p[-1]) || p[-1] == ',' || p[-1] == '.'))
		if (*--p == '.')
			point = true;
	/* after a point each digit is read alone: 45.9 ends in 구, 1.0 in 영 */
	if (point)
		last = end[-1];
	else
	{
		for (const char *q = end; q > p; q--)
		{
			if (q[-1] == ',')
				continue;
			if (q[-1] != '0')
			{
				last = q[-1];
				break;
			}
			zeros++;
		}
		if (last == 0)
			return ENDING_CONSONANT;	/* 영 */
		if (zeros % 4 != 0)
			return ENDING_CONSONANT;	/* 십, 백, 천 */
		if (zeros > 0)
			return zeros / 4 % 4 == 3 ? ENDING_VOWEL : ENDING_CONSONANT;	/* 만, 억, 조, 경 */
	}
	switch (last)
	{
		case '1':				/* 일 */
		case '7':				/* 칠 */
		case '8':				/* 팔 */
			return ENDING_RIEUL;
		case '0':				/* 영 */
		case '3':				/* 삼 */
		case '6':				/* 육 */
			return ENDING_CONSONANT;
		default:				/* 이, 사, 오, 구 */
			return ENDING_VOWEL;
	}
}

static Ending
word_ending(const char *start, const char *end)
{
	const char *at = end;
	pg_wchar	c;

	/* look through closing quotes: "해운대구"로 reads as 해운대구로 */
	for (;;)
	{
		c = char_before(start, at, &at);
		if (c != '"' && c != '\'' && c != 0x201D && c != 0x2019 &&
			c != 0x300D && c != 0x300F)
			break;
	}
	if (c >= 0xAC00 && c <= 0xD7A3)
	{
		int			final = (c - 0xAC00) % 28;

		return final == 0 ? ENDING_VOWEL : final == 8 ? ENDING_RIEUL : ENDING_CONSONANT;
	}
	if (c >= '0' && c <= '9')
		return number_ending(start, at + 1);
	if (c == '%')
		return ENDING_VOWEL;	/* 퍼센트 */
	return ENDING_UNKNOWN;
}

/* Append to buf the particle marked at p, if one is; returns its length. */
static int
append_particle(StringInfo buf, const char *p)
{
	for (int i = 0; i < lengthof(particles); i++)
	{
		const Particle *k = &particles[i];
		size_t		len = strlen(k->marker);
		Ending		e;

		if (strncmp(p, k->marker, len) != 0)
			continue;
		e = word_ending(buf->data, buf->data + buf->len);
		if (e == ENDING_UNKNOWN || buf->len == 0)
			appendStringInfoString(buf, k->marker);
		else if (e == ENDING_VOWEL || (e == ENDING_RIEUL && i == 0))
			appendStringInfoString(buf, k->after_vowel);
		else
			appendStringInfoString(buf, k->after_consonant);
		return (int) len;
	}
	return 0;
}

/*
 * The message catalog's text for msgid (UTF-8), or msgid itself.  The
 * catalog is bound to UTF-8 (settings.c), whatever the database's encoding.
 */
static const char *
lookup_message(const char *msgid)
{
	return dgettext(TEXTDOMAIN, msgid);
}

/* A message() call that does not fit its text: 22023, in the user's language. */
pg_noreturn static void
malformed_message(const char *msgid, const char *problem)
{
	const char *args[1] = {msgid};

	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg_internal("%s", rp_message(problem, 1, args))));
}

/*
 * Fill in a message: %s takes the next argument, %N$s the N-th, %% is a
 * per cent sign; a particle marker after anything is written as it is read.
 * Everything is UTF-8.
 */
char *
rp_format_message(const char *msgid, int nargs, const char *const *args)
{
	const char *fmt = lookup_message(msgid);
	StringInfoData buf;
	int			next = 0;

	initStringInfo(&buf);
	for (const char *p = fmt; *p;)
	{
		int			n;

		if (*p == '(' && (n = append_particle(&buf, p)) > 0)
		{
			p += n;
			continue;
		}
		if (*p != '%')
		{
			appendStringInfoChar(&buf, *p++);
			continue;
		}
		p++;
		if (*p == '%')
		{
			appendStringInfoChar(&buf, '%');
			p++;
			continue;
		}
		n = next;
		if (isdigit((unsigned char) *p))
		{
			n = 0;
			while (isdigit((unsigned char) *p) && n < 1000)
				n = n * 10 + (*p++ - '0');
			if (*p++ != '$' || n < 1)
				malformed_message(msgid, gettext_noop("message \"%s\" has a malformed argument number"));
			n--;
		}
		else
			next++;
		if (*p++ != 's')
			malformed_message(msgid, gettext_noop("message \"%s\" has a conversion other than %%s or %%N$s"));
		if (n >= nargs)
			malformed_message(msgid, gettext_noop("message \"%s\" needs more arguments than it is given"));
		appendStringInfoString(&buf, args[n]);
	}
	return buf.data;
}

/* The same for C callers, in the database encoding. */
char *
rp_message(const char *msgid, int nargs, const char *const *args)
{
	char	   *msg = rp_format_message(msgid, nargs, args);

	return pg_any_to_server(msg, strlen(msg), PG_UTF8);
}

/*
 * message(msgid text [, VARIADIC args "any"]): arguments are written with
 * their type's output function, NULL as nothing (as format() writes it).
 */
PG_FUNCTION_INFO_V1(regionpolicy_message);
Datum
regionpolicy_message(PG_FUNCTION_ARGS)
{
	text	   *msgid_text;
	char	   *msgid;
	Datum	   *values = NULL;
	Oid		   *types = NULL;
	bool	   *nulls = NULL;
	int			nargs = 0;
	const char **args;
	char	   *result;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	msgid_text = PG_GETARG_TEXT_PP(0);
	msgid = text_to_cstring(msgid_text);
	msgid = pg_server_to_any(msgid, strlen(msgid), PG_UTF8);
	if (PG_NARGS() > 1)
	{
		nargs = extract_variadic_args(fcinfo, 1, true, &values, &types, &nulls);
		if (nargs < 0)			/* VARIADIC NULL */
			nargs = 0;
	}
	args = palloc(sizeof(char *) * (nargs + 1));
	for (int i = 0; i < nargs; i++)
	{
		Oid			output;
		bool		varlena;
		char	   *s;

		if (nulls[i])
		{
			args[i] = "";
			continue;
		}
		getTypeOutputInfo(types[i], &output, &varlena);
		s = OidOutputFunctionCall(output, values[i]);
		args[i] = pg_server_to_any(s, strlen(s), PG_UTF8);
	}
	result = rp_format_message(msgid, nargs, args);
	PG_RETURN_TEXT_P(cstring_to_text(pg_any_to_server(result, strlen(result), PG_UTF8)));
}

/*
 * with_particles(text): a Korean text whose particles are written both
 * ways, "(으)로", finished as message() finishes them; for the texts the
 * views give in the language regionpolicy.language names.
 */
PG_FUNCTION_INFO_V1(regionpolicy_with_particles);
Datum
regionpolicy_with_particles(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	char	   *s = text_to_cstring(t);
	StringInfoData buf;

	s = pg_server_to_any(s, strlen(s), PG_UTF8);
	initStringInfo(&buf);
	for (const char *p = s; *p;)
	{
		int			n = *p == '(' ? append_particle(&buf, p) : 0;

		if (n > 0)
			p += n;
		else
			appendStringInfoChar(&buf, *p++);
	}
	PG_RETURN_TEXT_P(cstring_to_text(pg_any_to_server(buf.data, buf.len, PG_UTF8)));
}
