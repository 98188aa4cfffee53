/*-------------------------------------------------------------------------
 *
 * fuzz_funding.c
 *	  libFuzzer harness for the pure-C parser and formatter (src/scan.c,
 *	  src/parse.c, src/keyed.c, src/keyed_lists.c, src/format.c).
 *
 * Properties, each an abort() when broken:
 *	- the parsers read only the len bytes they are given (the input is an
 *	  exact-size heap copy, not NUL-terminated, so ASan sees any overread);
 *	- a value funding_parse() accepts keeps national + local in int64, and
 *	  re-formats and re-parses to itself under every display unit;
 *	- the same for amount_parse() and amount_format();
 *	- unit_parse() accepts only positive units, and ratio_format() agrees
 *	  with exact 128-bit arithmetic;
 *	- every error leaves a terminated detail and a status;
 *	- the short paths for plain tuples and the compound keyed form decide
 *	  exactly as the general parser;
 *	- parse_amount with approximate => true reads every amount the exact
 *	  reader reads, to the same value (it only adds 약/가량/내외/정도);
 *	- △ may stand apart from its number: "△" + text and "△ " + text are
 *	  read alike;
 *	- a total with one side that is all of it is read with the other side
 *	  zero, and one with a side short of it is refused (funding_resolve).
 *
 *-------------------------------------------------------------------------
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amount.h"

static const FundingUnit all_units[] = {
	FUNDING_UNIT_EOK, FUNDING_UNIT_WON, FUNDING_UNIT_KOREAN, FUNDING_UNIT_MAN, FUNDING_UNIT_JO
};

#define CHECK(cond) \
	do { if (!(cond)) { fprintf(stderr, "property failed: %s (line %d)\n", #cond, __LINE__); abort(); } } while (0)

static void
check_error(const FundingParseError *err)
{
	CHECK(err->status != FUNDING_PARSE_OK);
	CHECK(memchr(err->detail, '\0', sizeof(err->detail)) != NULL);
	CHECK(memchr(err->hint, '\0', sizeof(err->hint)) != NULL);
}

/* An exact-size copy of a formatted string, so overreads show. */
static char *
exact_copy(const char *s, size_t len)
{
	char	   *copy = malloc(len ? len : 1);

	memcpy(copy, s, len);
	return copy;
}

static void
check_funding(const char *buf, size_t size)
{
	Funding		f;
	FundingParseError err;
	int64_t		sum;

	/*
	 * A leading space turns the fast path off: the general parser must
	 * agree with whatever the fast path decided.
	 */
	{
		char	   *spaced = malloc(size + 1);
		Funding		g;
		FundingParseError err2;
		bool		ok1,
					ok2;

		spaced[0] = ' ';
		memcpy(spaced + 1, buf, size);
		ok1 = funding_parse(buf, size, &f, &err);
		ok2 = funding_parse(spaced, size + 1, &g, &err2);
		free(spaced);
		CHECK(ok1 == ok2);
		CHECK(ok1 ? (f.national == g.national && f.local == g.local) : err.status == err2.status);
		if (!ok1)
		{
			check_error(&err);
			return;
		}
	}
	CHECK(!__builtin_add_overflow(f.national, f.local, &sum));
	for (size_t i = 0; i < sizeof(all_units) / sizeof(all_units[0]); i++)
	{
		char		out[FUNDING_TEXT_BUFLEN + 1];
		int			len = funding_format(&f, all_units[i], out);
		char	   *copy;
		Funding		g;

		CHECK(len > 0 && len < FUNDING_TEXT_BUFLEN && (size_t) len == strlen(out));
		copy = exact_copy(out, len);
		CHECK(funding_parse(copy, len, &g, &err));
		CHECK(g.national == f.national && g.local == f.local);
		free(copy);
	}
}

/* "△" + text and "△ " + text: the same value, or the same kind of error. */
static void
check_decrease_mark(const char *buf, size_t size)
{
	static const char mark[] = "△";
	size_t		m = sizeof(mark) - 1;
	char	   *glued = malloc(m + size + 1);
	char	   *apart = malloc(m + 1 + size);
	int64_t		a,
				b;
	FundingParseError ea,
				eb;
	bool		ok_glued,
				ok_apart;

	memcpy(glued, mark, m);
	memcpy(glued + m, buf, size);
	memcpy(apart, mark, m);
	apart[m] = ' ';
	memcpy(apart + m + 1, buf, size);
	ok_glued = amount_parse(glued, m + size, &a, &ea);
	ok_apart = amount_parse(apart, m + 1 + size, &b, &eb);
	free(glued);
	free(apart);
	CHECK(ok_glued == ok_apart);
	CHECK(ok_glued ? a == b : ea.status == eb.status);
}

/* A total whose one given side is all of it; a side short of its total. */
static void
check_one_side(int64_t won)
{
	for (int c = FUNDING_NATIONAL; c <= FUNDING_LOCAL; c++)
	{
		FundingParts parts;
		FundingParseError err;
		Funding		f;

		memset(&parts, 0, sizeof(parts));
		parts.given[c] = parts.given[FUNDING_TOTAL] = true;
		parts.value[c] = parts.value[FUNDING_TOTAL] = won;
		CHECK(funding_resolve(&parts, &f, &err));
		CHECK(c == FUNDING_NATIONAL ? (f.national == won && f.local == 0) :
			  (f.national == 0 && f.local == won));
		if (won < INT64_MAX)
		{
			parts.value[FUNDING_TOTAL] = won + 1;
			CHECK(!funding_resolve(&parts, &f, &err));
			check_error(&err);
		}
	}
}

static void
check_amount(const char *buf, size_t size)
{
	int64_t		won;
	FundingParseError err;

	int64_t		approx_won;
	FundingParseError approx_err;
	bool		approx_ok = amount_parse_ex(buf, size, true, &approx_won, &approx_err);

	if (!approx_ok)
		check_error(&approx_err);
	if (!amount_parse(buf, size, &won, &err))
	{
		check_error(&err);
		return;
	}
	CHECK(approx_ok && approx_won == won);
	check_one_side(won);
	for (size_t i = 0; i < sizeof(all_units) / sizeof(all_units[0]); i++)
	{
		char		out[FUNDING_AMOUNT_BUFLEN + 1];
		int			len = amount_format(won, all_units[i], out);
		char	   *copy;
		int64_t		again;

		CHECK(len > 0 && len < FUNDING_AMOUNT_BUFLEN && (size_t) len == strlen(out));
		copy = exact_copy(out, len);
		CHECK(amount_parse(copy, len, &again, &err));
		CHECK(again == won);
		free(copy);
	}
}

/* Decimal digits of v, most significant first; returns the count. */
static int
decimal_digits(uint64_t v, int *d)
{
	int			n = 0;
	int			tmp[20];

	do
		tmp[n++] = (int) (v % 10);
	while ((v /= 10) != 0);
	for (int i = 0; i < n; i++)
		d[i] = tmp[n - 1 - i];
	return n;
}

/*
 * ratio_format(won, unit) is won / unit exactly, or -1: with the output
 * read as digits / 10^scale, check digits * unit == |won| * 10^scale by
 * schoolbook multiplication of decimal digit strings (the quotient may
 * have 80 digits, more than any machine integer holds).
 */
static void
check_ratio(int64_t won, int64_t unit)
{
	char		out[FUNDING_RATIO_BUFLEN + 1];
	int			len = ratio_format(won, unit, out);
	int			digits[FUNDING_RATIO_BUFLEN];
	int			ndigits = 0;
	int			ud[20];
	int			nud;
	int			lhs[FUNDING_RATIO_BUFLEN + 20] = {0};
	int			rhs[FUNDING_RATIO_BUFLEN + 20] = {0};
	int			nlhs;
	int			nrhs;
	int			scale = 0;
	bool		fraction = false;
	bool		negative = false;
	bool		nonzero = false;
	uint64_t	mag = won < 0 ? (uint64_t) (-(won + 1)) + 1 : (uint64_t) won;

	if (len < 0)
		return;
	CHECK(len < FUNDING_RATIO_BUFLEN && (size_t) len == strlen(out));
	for (const char *p = out; *p; p++)
	{
		if (*p == '-')
			negative = true;
		else if (*p == '.')
			fraction = true;
		else
		{
			CHECK(*p >= '0' && *p <= '9');
			digits[ndigits++] = *p - '0';
			nonzero |= *p != '0';
			scale += fraction;
		}
	}
	CHECK(!fraction || out[len - 1] != '0');
	/* lhs = digits * unit, little-endian digit array */
	nud = decimal_digits((uint64_t) unit, ud);
	nlhs = ndigits + nud;
	for (int i = 0; i < ndigits; i++)
		for (int j = 0; j < nud; j++)
			lhs[(ndigits - 1 - i) + (nud - 1 - j)] += digits[i] * ud[j];
	for (int k = 0; k < nlhs + 1; k++)
	{
		lhs[k + 1] += lhs[k] / 10;
		lhs[k] %= 10;
	}
	/* rhs = |won| * 10^scale: its digits shifted up by scale */
	{
		int			wd[20];
		int			nwd = decimal_digits(mag, wd);

		for (int i = 0; i < nwd; i++)
			rhs[scale + nwd - 1 - i] = wd[i];
		nrhs = scale + nwd;
	}
	for (int k = 0; k < FUNDING_RATIO_BUFLEN + 20; k++)
		CHECK(lhs[k] == rhs[k]);
	(void) nrhs;
	CHECK(negative == (won < 0 && nonzero));
}

static void
check_unit(const char *buf, size_t size, const uint8_t *data)
{
	int64_t		unit;
	FundingParseError err;
	FundingUnit du;

	if (unit_parse(buf, size, &unit, &err))
	{
		int64_t		won = 0;

		CHECK(unit > 0);
		memcpy(&won, data, size < sizeof(won) ? size : sizeof(won));
		check_ratio(won, unit);
		check_ratio(INT64_MIN, unit);
		check_ratio(INT64_MAX, unit);
	}
	else
		check_error(&err);
	(void) display_unit_parse(buf, size, &du);
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *buf = exact_copy((const char *) data, size);

	check_funding(buf, size);
	check_amount(buf, size);
	check_decrease_mark(buf, size);
	check_unit(buf, size, data);
	free(buf);
	return 0;
}
