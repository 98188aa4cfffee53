/*-------------------------------------------------------------------------
 *
 * format.c
 *	  Writing amounts and funding values in a display unit.
 *
 * Plain C, no allocation: the caller passes a buffer of at least
 * FUNDING_AMOUNT_BUFLEN (one amount) or FUNDING_TEXT_BUFLEN (a funding
 * value) bytes.  Every form written here is exact and is read back by
 * parse.c to the same value.
 *
 *-------------------------------------------------------------------------
 */
#include <string.h>

#include "amount.h"

static const char digit_pairs[201] =
	"00010203040506070809"
	"10111213141516171819"
	"20212223242526272829"
	"30313233343536373839"
	"40414243444546474849"
	"50515253545556575859"
	"60616263646566676869"
	"70717273747576777879"
	"80818283848586878889"
	"90919293949596979899";

const uint64_t amount_pow10[19] = {
	1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL, 1000000ULL,
	10000000ULL, 100000000ULL, 1000000000ULL, 10000000000ULL,
	100000000000ULL, 1000000000000ULL, 10000000000000ULL,
	100000000000000ULL, 1000000000000000ULL, 10000000000000000ULL,
	100000000000000000ULL, 1000000000000000000ULL
};

/* Write v in decimal at buf; return the number of bytes (no terminator). */
static int
write_u64(uint64_t v, char *buf)
{
	char		tmp[20];
	char	   *p = tmp + sizeof(tmp);
	int			len;

	while (v >= 100)
	{
		unsigned	r = (unsigned) (v % 100);

		v /= 100;
		p -= 2;
		memcpy(p, digit_pairs + 2 * r, 2);
	}
	if (v >= 10)
	{
		p -= 2;
		memcpy(p, digit_pairs + 2 * v, 2);
	}
	else
		*--p = (char) ('0' + v);
	len = (int) (tmp + sizeof(tmp) - p);
	memcpy(buf, p, len);
	return len;
}

/* Exactly width digits, zero-padded. */
static void
write_padded(uint64_t v, int width, char *buf)
{
	for (int i = width - 1; i >= 0; i--)
	{
		buf[i] = (char) ('0' + v % 10);
		v /= 10;
	}
}

static inline uint64_t
magnitude(int64_t v)
{
	return v < 0 ? (uint64_t) (-(v + 1)) + 1 : (uint64_t) v;
}

/*
 * "-ipart.fraction" where the fraction is fpart / 10^scale, its trailing
 * zeros dropped; terminated.  Returns the length.
 */
static int
write_decimal(bool negative, uint64_t ipart, uint64_t fpart, int scale,
			  char *buf)
{
	char	   *p = buf;

	if (negative)
		*p++ = '-';
	p += write_u64(ipart, p);
	if (fpart != 0)
	{
		int			width = scale;

		while (fpart % 10 == 0)
		{
			fpart /= 10;
			width--;
		}
		*p++ = '.';
		write_padded(fpart, width, p);
		p += width;
	}
	*p = '\0';
	return (int) (p - buf);
}

/* won / 10^scale as an exact decimal: 25910000000 at scale 8 is "259.1". */
static int
decimal_format(int64_t won, int scale, char *buf)
{
	uint64_t	mag = magnitude(won);

	return write_decimal(won < 0, mag / amount_pow10[scale],
						 mag % amount_pow10[scale], scale, buf);
}

/*
 * won / unit as an exact decimal, for any positive unit whose only prime
 * factors are 2 and 5 (10원, 5천원, 억, 2097152원, ...): such a quotient
 * ends after at most 63 decimals.  buf needs FUNDING_RATIO_BUFLEN bytes.
 * Returns -1 for other units, whose quotients need not end.
 */
int
ratio_format(int64_t won, int64_t unit, char *buf)
{
	uint64_t	mag = magnitude(won);
	uint64_t	rest = (uint64_t) unit;
	uint64_t	rem;
	char	   *p = buf;

	if (unit <= 0)
		return -1;
	while (rest % 2 == 0)
		rest /= 2;
	while (rest % 5 == 0)
		rest /= 5;
	if (rest != 1)
		return -1;

	if (won < 0)
		*p++ = '-';
	p += write_u64(mag / (uint64_t) unit, p);
	rem = mag % (uint64_t) unit;
	if (rem != 0)
	{
		*p++ = '.';
		/* Long division; rem < unit <= 2^63, so rem * 10 needs 128 bits. */
		while (rem != 0)
		{
			unsigned __int128 r = (unsigned __int128) rem * 10;

			*p++ = (char) ('0' + (int) (r / (uint64_t) unit));
			rem = (uint64_t) (r % (uint64_t) unit);
		}
	}
	*p = '\0';
	return (int) (p - buf);
}

/* Put suffix (terminated) at buf + len; return the new length. */
static int
with_suffix(char *buf, int len, const char *suffix)
{
	size_t		slen = strlen(suffix);

	memcpy(buf + len, suffix, slen + 1);
	return len + (int) slen;
}

/* "1조 2345억 6789만 1234원"; zero is "0원". */
static int
korean_format(int64_t won, char *buf)
{
	static const char *const unit_words[] = {"조", "억", "만", "원"};
	uint64_t	mag = magnitude(won);
	uint64_t	groups[4];
	char	   *p = buf;
	bool		first = true;

	if (mag == 0)
		return with_suffix(buf, 0, "0원");

	groups[0] = mag / amount_pow10[12];
	groups[1] = mag / amount_pow10[8] % 10000;
	groups[2] = mag / amount_pow10[4] % 10000;
	groups[3] = mag % 10000;
	if (won < 0)
		*p++ = '-';
	for (int i = 0; i < 4; i++)
	{
		if (groups[i] == 0)
			continue;
		if (!first)
			*p++ = ' ';
		p += write_u64(groups[i], p);
		p = buf + with_suffix(buf, (int) (p - buf), unit_words[i]);
		first = false;
	}
	return (int) (p - buf);
}

/* One amount as output prints it. */
/*
 * English, as the ministries' English releases write amounts: the largest
 * of trillion, billion and million the amount reaches, exactly (as many
 * decimals as it needs), then won: 92.9 billion won, 4.2 trillion won,
 * 5,000 won as 5000 won.  The input reads every one of them back.
 */
static int
english_format(int64_t won, char *buf)
{
	uint64_t	mag = magnitude(won);
	int			scale = mag >= amount_pow10[12] ? 12 : mag >= amount_pow10[9] ? 9 : mag >= amount_pow10[6] ? 6 : 0;
	const char *word = scale == 12 ? " trillion won" : scale == 9 ? " billion won" : scale == 6 ? " million won" : " won";
	int			len = write_decimal(won < 0, mag / amount_pow10[scale], mag % amount_pow10[scale], scale, buf);

	return with_suffix(buf, len, word);
}

int
amount_format(int64_t won, FundingUnit unit, char *buf)
{
	int			len;

	switch (unit)
	{
		case FUNDING_UNIT_WON:
			len = 0;
			if (won < 0)
				buf[len++] = '-';
			len += write_u64(magnitude(won), buf + len);
			buf[len] = '\0';
			return len;
		case FUNDING_UNIT_KOREAN:
			return korean_format(won, buf);
		case FUNDING_UNIT_MAN:
			return with_suffix(buf, decimal_format(won, 4, buf), "만");
		case FUNDING_UNIT_JO:
			return with_suffix(buf, decimal_format(won, 12, buf), "조");
		case FUNDING_UNIT_EN:
			return english_format(won, buf);
		case FUNDING_UNIT_EOK:
		default:
			return with_suffix(buf, decimal_format(won, 8, buf), "억");
	}
}

/* "(national,local,total)" */
int
funding_format(const Funding *f, FundingUnit unit, char *buf)
{
	/* The invariant keeps the sum in range; unsigned arithmetic avoids UB. */
	int64_t		total = (int64_t) ((uint64_t) f->national + (uint64_t) f->local);
	char	   *p = buf;

	*p++ = '(';
	p += amount_format(f->national, unit, p);
	*p++ = ',';
	p += amount_format(f->local, unit, p);
	*p++ = ',';
	p += amount_format(total, unit, p);
	*p++ = ')';
	*p = '\0';
	return (int) (p - buf);
}
