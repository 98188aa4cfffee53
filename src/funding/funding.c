/*-------------------------------------------------------------------------
 *
 * funding.c
 *	  The funding type's I/O entry points, the display-unit setting,
 *	  constructors, accessors and unit functions.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "common/int.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "mb/pg_wchar.h"
#include "utils/guc.h"
#include "utils/numeric.h"

#include "funding.h"

PG_MODULE_MAGIC;

/* regionpolicy.display_unit */
int			funding_display_unit = FUNDING_UNIT_EOK;

static const struct config_enum_entry display_unit_options[] = {
	{"억", FUNDING_UNIT_EOK, false},
	{"eok", FUNDING_UNIT_EOK, false},
	{"원", FUNDING_UNIT_WON, false},
	{"won", FUNDING_UNIT_WON, false},
	{"korean", FUNDING_UNIT_KOREAN, false},
	{"en", FUNDING_UNIT_EN, false},
	/* 억 and 원 as an EUC_KR database spells them (SET arrives in its bytes) */
	{"\xbe\xef", FUNDING_UNIT_EOK, true},
	{"\xbf\xf8", FUNDING_UNIT_WON, true},
	{NULL, 0, false}
};

PGDLLEXPORT void _PG_init(void);

/*
 * On a Citus cluster a funding value's text is often made on the workers,
 * which never see a session's SET: the same query would print other units
 * than one server.  There the setting is refused in a session (and in a
 * connection's options); ALTER ROLE and ALTER DATABASE settings, which
 * Citus gives every node, are the way (doc/regionpolicy.md, "Citus").
 * No exception is made for Citus's own connections: they are told apart
 * only by an application_name, which any client can choose, and Citus
 * never needs to set this in a session.
 */
static bool
check_display_unit(int *newval, void **extra, GucSource source)
{
	if (source < PGC_S_CLIENT || source == PGC_S_TEST ||
		GetConfigOption("citus.version", true, false) == NULL)
		return true;
	GUC_check_errcode(ERRCODE_FEATURE_NOT_SUPPORTED);
	GUC_check_errmsg("regionpolicy.display_unit cannot be set in a session on a Citus cluster");
	GUC_check_errdetail("Citus computes funding text on the workers, which do not see this session's settings, so the same query could print different units.");
	GUC_check_errhint("Set it for a role or a database (ALTER ROLE ... SET regionpolicy.display_unit, ALTER DATABASE ... SET), which Citus applies on every node, or write funding_text(f, unit).");
	return false;
}

void
_PG_init(void)
{
	pg_bindtextdomain(TEXTDOMAIN);
	DefineCustomEnumVariable("regionpolicy.display_unit",
							 "Sets the unit in which funding values are displayed.",
							 "억 (alias eok) prints exact decimal 억, 원 (alias won) "
							 "prints whole won, korean prints compound amounts such "
							 "as 259억 1000만, en prints English such as 25.91 billion won.",
							 &funding_display_unit,
							 FUNDING_UNIT_EOK,
							 display_unit_options,
							 PGC_USERSET,
							 0,
							 check_display_unit, NULL, NULL);
}

/* ---------------------------------------------------------------------
 * Shared helpers
 * ---------------------------------------------------------------------
 */

/*
 * The parser and formatter work in UTF-8 (doc/regionpolicy.md, "Installation": UTF8 and EUC_KR
 * databases).  In an EUC_KR database, text that holds anything but ASCII is
 * converted on the way in and out; ASCII text (digits, "(929,433)", the
 * romanised units) needs nothing, and a UTF8 database never converts.
 */
static inline bool
needs_conversion(const char *str, size_t len)
{
	if (GetDatabaseEncoding() == PG_UTF8)
		return false;
	for (size_t i = 0; i < len; i++)
		if ((unsigned char) str[i] & 0x80)
			return true;
	return false;
}

/*
 * The four syllables output writes and COPY reads by the million, in EUC_KR
 * (KS X 1001) and UTF-8.  Text made of ASCII and these is transliterated
 * directly; anything else goes through PostgreSQL's conversion.  (Measured
 * on COPY of 3,000,000 "(108.66024억,50.61658억)" lines, the library with and
 * without this path swapped between 7 interleaved rounds: through
 * pg_server_to_any an EUC_KR database took 1.52× a UTF8 one, with it 1.04×.)
 */
static const struct
{
	unsigned char euckr[2];
	char		utf8[4];
}			euckr_units[] = {
	{{0xBE, 0xEF}, "억"}, {{0xB8, 0xB8}, "만"}, {{0xC1, 0xB6}, "조"}, {{0xBF, 0xF8}, "원"}
};

/*
 * Text of ASCII and the four units, transliterated between EUC_KR and
 * UTF-8 (to_utf8 says which way); NULL if it holds anything else.
 */
static char *
transliterate_units(const char *str, size_t len, bool to_utf8, size_t *outlen)
{
	size_t		from_len = to_utf8 ? 2 : 3;
	size_t		to_len = to_utf8 ? 3 : 2;
	char	   *out = palloc(len + len / 2 + 1);	/* at most 3 bytes for every 2 */
	char	   *o = out;

	for (size_t i = 0; i < len;)
	{
		int			u;

		if (!((unsigned char) str[i] & 0x80))
		{
			*o++ = str[i++];
			continue;
		}
		for (u = 0; u < 4; u++)
		{
			const char *from = to_utf8 ? (const char *) euckr_units[u].euckr : euckr_units[u].utf8;

			if (i + from_len <= len && memcmp(str + i, from, from_len) == 0)
				break;
		}
		if (u == 4)
		{
			pfree(out);
			return NULL;
		}
		memcpy(o, to_utf8 ? euckr_units[u].utf8 : (const char *) euckr_units[u].euckr, to_len);
		o += to_len;
		i += from_len;
	}
	*o = '\0';
	*outlen = o - out;
	return out;
}

/* str (server encoding) as UTF-8; *len updated.  May return str itself. */
const char *
funding_input_utf8(const char *str, size_t *len)
{
	char	   *u;
	size_t		ulen;

	if (!needs_conversion(str, *len))
		return str;
	if (GetDatabaseEncoding() == PG_EUC_KR &&
		(u = transliterate_units(str, *len, true, &ulen)) != NULL)
	{
		*len = ulen;
		return u;
	}
	u = pg_server_to_any(str, (int) *len, PG_UTF8);
	*len = strlen(u);
	return u;
}

/* buf (UTF-8, len bytes) in the server encoding, terminated. */
static char *
output_in_server_encoding(const char *buf, int len)
{
	char	   *e;
	size_t		elen;

	if (GetDatabaseEncoding() == PG_EUC_KR &&
		(e = transliterate_units(buf, len, false, &elen)) != NULL)
		return e;
	return pg_any_to_server(buf, len, PG_UTF8);
}

/* buf (UTF-8, len bytes) as text in the server encoding. */
text *
funding_output_text(const char *buf, int len)
{
	if (needs_conversion(buf, len))
		return cstring_to_text(output_in_server_encoding(buf, len));
	return cstring_to_text_with_len(buf, len);
}

/* A message buffer (UTF-8) converted in place to the server encoding. */
/*
 * The reader's messages in the language lc_messages names: the catalog's
 * text, which comes in the database's encoding, in UTF-8 as the reader
 * works (message_to_server converts what it writes back).
 */
const char *
funding_gettext(const char *msgid)
{
	const char *text = dgettext(TEXTDOMAIN, msgid);

	if (text == msgid)
		return msgid;
	return pg_server_to_any(text, (int) strlen(text), PG_UTF8);
}

static void
message_to_server(char *buf, size_t size)
{
	if (needs_conversion(buf, strlen(buf)))
		strlcpy(buf, pg_any_to_server(buf, (int) strlen(buf), PG_UTF8), size);
}

/*
 * A new value, or an error with the given SQLSTATE and message when
 * national + local leaves int64.
 */
static Funding *
funding_make_or_fail(int64 national, int64 local, int sqlerrcode, const char *message)
{
	Funding    *result;
	int64		total;

	if (pg_add_s64_overflow(national, local, &total))
		ereport(ERROR,
				(errcode(sqlerrcode),
				 errmsg("%s", _(message)),
				 errdetail("National %lld plus local %lld won is outside the range of a 64-bit count of won.",
						   (long long) national, (long long) local)));
	result = (Funding *) palloc(sizeof(Funding));
	result->national = national;
	result->local = local;
	return result;
}

/* A new value, or 22003 when national + local leaves int64. */
Funding *
funding_make(int64 national, int64 local)
{
	return funding_make_or_fail(national, local, ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE,
								"funding out of range");
}

/* The invariant guarantees the sum fits. */
int64
funding_total(const Funding *f)
{
	return f->national + f->local;
}

/*
 * Raise (or, given an error-saving context, save) the error a parse
 * produced.  whole_value: a funding value was being read, not one amount.
 */
void
funding_report_parse_error(const FundingParseError *cerr, bool whole_value,
						   const char *input, struct Node *escontext)
{
	FundingParseError copy = *cerr;
	FundingParseError *err = &copy;

	message_to_server(err->detail, sizeof(err->detail));
	message_to_server(err->hint, sizeof(err->hint));
	if (err->status == FUNDING_PARSE_RANGE)
		errsave(escontext,
				errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				whole_value ?
				errmsg("value \"%s\" is out of range for type funding", input) :
				errmsg("amount \"%s\" is out of range", input),
				errdetail_internal("%s", err->detail),
				err->hint[0] ? errhint("%s", err->hint) : 0);
	else
		errsave(escontext,
				errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				whole_value ?
				errmsg("invalid input syntax for type funding: \"%s\"", input) :
				errmsg("invalid amount: \"%s\"", input),
				errdetail_internal("%s", err->detail),
				err->hint[0] ? errhint("%s", err->hint) : 0);
}

/* A unit argument such as '억', '천원' or '10원', in won; 22023 if bad. */
int64
funding_unit_arg(text *unit)
{
	char	   *str = text_to_cstring(unit);
	FundingParseError err;
	int64_t		value;
	size_t		len = strlen(str);
	const char *u = funding_input_utf8(str, &len);

	if (!unit_parse(u, len, &value, &err))
	{
		message_to_server(err.detail, sizeof(err.detail));
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid unit: \"%s\"", str),
				 errdetail_internal("%s", err.detail),
				 errhint("Use a positive amount of won such as 원, 10원, 천원, 만, 억 or 조.")));
	}
	pfree(str);
	return value;
}

/* unit_won(text): a unit as round() and in_unit() read it, in won */
PG_FUNCTION_INFO_V1(funding_unit_won);
Datum
funding_unit_won(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(funding_unit_arg(PG_GETARG_TEXT_PP(0)));
}

/* A display unit argument: 억/eok, 원/won, korean, 만/man, 조/jo. */
static FundingUnit
display_unit_arg(text *unit)
{
	char	   *str = text_to_cstring(unit);
	FundingUnit result;
	size_t		len = strlen(str);
	const char *u = funding_input_utf8(str, &len);

	if (!display_unit_parse(u, len, &result))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid display unit: \"%s\"", str),
				 errhint("Use 억 (eok), 원 (won), korean, 만 (man) or 조 (jo).")));
	pfree(str);
	return result;
}

/* ---------------------------------------------------------------------
 * Text and binary I/O
 * ---------------------------------------------------------------------
 */

PG_FUNCTION_INFO_V1(funding_in);
Datum
funding_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	Funding    *result;
	FundingParseError err;
	Funding		f;
	size_t		len = strlen(str);
	/* (a UTF8 database's text is read as it is, without a call) */
	const char *u = GetDatabaseEncoding() == PG_UTF8 ? str : funding_input_utf8(str, &len);

	if (!funding_parse(u, len, &f, &err))
	{
		funding_report_parse_error(&err, true, str, fcinfo->context);
		PG_RETURN_NULL();
	}
	result = (Funding *) palloc(sizeof(Funding));
	*result = f;
	PG_RETURN_FUNDING_P(result);
}

PG_FUNCTION_INFO_V1(funding_out);
Datum
funding_out(PG_FUNCTION_ARGS)
{
	Funding    *f = PG_GETARG_FUNDING_P(0);
	char	   *buf = palloc(FUNDING_TEXT_BUFLEN);
	int			len = funding_format(f, (FundingUnit) funding_display_unit, buf);

	if (needs_conversion(buf, len))
		PG_RETURN_CSTRING(output_in_server_encoding(buf, len));
	PG_RETURN_CSTRING(buf);
}

/* Two big-endian int64: national, local. */
PG_FUNCTION_INFO_V1(funding_recv);
Datum
funding_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int64		national = pq_getmsgint64(buf);
	int64		local = pq_getmsgint64(buf);

	PG_RETURN_FUNDING_P(funding_make_or_fail(national, local,
											 ERRCODE_INVALID_BINARY_REPRESENTATION,
											 "invalid external funding value"));
}

PG_FUNCTION_INFO_V1(funding_send);
Datum
funding_send(PG_FUNCTION_ARGS)
{
	Funding    *f = PG_GETARG_FUNDING_P(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint64(&buf, f->national);
	pq_sendint64(&buf, f->local);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---------------------------------------------------------------------
 * Constructors and accessors
 * ---------------------------------------------------------------------
 */

PG_FUNCTION_INFO_V1(funding_from_won);
Datum
funding_from_won(PG_FUNCTION_ARGS)
{
	PG_RETURN_FUNDING_P(funding_make(PG_GETARG_INT64(0), PG_GETARG_INT64(1)));
}

/* num * unit as whole won: 22P02 for a fraction of a won, 22003 if too big. */
int64
funding_numeric_to_won(Numeric num, int64 unit, const char *which, text *unit_text)
{
	Datum		product;
	char	   *str;
	int64_t		won;
	FundingParseError err;

	if (numeric_is_nan(num)
#if PG_VERSION_NUM >= 140000
		|| numeric_is_inf(num)
#endif
		)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("%s amount must be a finite number", _(which))));

	product = DirectFunctionCall2(numeric_mul, NumericGetDatum(num),
								  DirectFunctionCall1(int8_numeric,
													  Int64GetDatum(unit)));
	str = DatumGetCString(DirectFunctionCall1(numeric_out, product));
	if (!amount_parse(str, strlen(str), &won, &err))
	{
		char	   *numstr = DatumGetCString(DirectFunctionCall1(numeric_out,
																 NumericGetDatum(num)));
		char	   *unitstr = text_to_cstring(unit_text);

		if (err.status == FUNDING_PARSE_RANGE)
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("%s amount %s %s is out of range for type funding",
							_(which), numstr, unitstr)));
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("%s amount %s %s is not a whole number of won",
						_(which), numstr, unitstr),
				 errdetail("It is %s won.", str)));
	}
	return won;
}

/* funding(929, 433, '억') */
PG_FUNCTION_INFO_V1(funding_from_numeric);
Datum
funding_from_numeric(PG_FUNCTION_ARGS)
{
	text	   *unit_text = PG_GETARG_TEXT_PP(2);
	int64		unit = funding_unit_arg(unit_text);
	int64		national = funding_numeric_to_won(PG_GETARG_NUMERIC(0), unit,
										  "national", unit_text);
	int64		local = funding_numeric_to_won(PG_GETARG_NUMERIC(1), unit,
									   "local", unit_text);

	PG_RETURN_FUNDING_P(funding_make(national, local));
}

PG_FUNCTION_INFO_V1(funding_national);
Datum
funding_national(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(PG_GETARG_FUNDING_P(0)->national);
}

PG_FUNCTION_INFO_V1(funding_local);
Datum
funding_local(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(PG_GETARG_FUNDING_P(0)->local);
}

PG_FUNCTION_INFO_V1(funding_total_won);
Datum
funding_total_won(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(funding_total(PG_GETARG_FUNDING_P(0)));
}

/* national / total, NULL when the total is zero */
PG_FUNCTION_INFO_V1(funding_national_share);
Datum
funding_national_share(PG_FUNCTION_ARGS)
{
	Funding    *f = PG_GETARG_FUNDING_P(0);
	int64		total = funding_total(f);

	if (total == 0)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(DirectFunctionCall2(numeric_div,
										DirectFunctionCall1(int8_numeric, Int64GetDatum(f->national)),
										DirectFunctionCall1(int8_numeric, Int64GetDatum(total))));
}

/* ---------------------------------------------------------------------
 * Amounts and units
 * ---------------------------------------------------------------------
 */

/*
 * parse_amount('2,864억원') = 286400000000; parse_amount('약 45조원',
 * approximate => true) reads the figure that 약 qualifies.
 */
PG_FUNCTION_INFO_V1(funding_parse_amount);
Datum
funding_parse_amount(PG_FUNCTION_ARGS)
{
	char	   *str = text_to_cstring(PG_GETARG_TEXT_PP(0));
	bool		approximate = PG_NARGS() > 1 && PG_GETARG_BOOL(1);
	int64_t		won;
	FundingParseError err;
	size_t		len = strlen(str);
	const char *u = funding_input_utf8(str, &len);

	if (!amount_parse_ex(u, len, approximate, &won, &err))
		funding_report_parse_error(&err, false, str, NULL);
	PG_RETURN_INT64(won);
}

/* format_amount(25910000000, '억') = '259.1억' */
PG_FUNCTION_INFO_V1(funding_format_amount);
Datum
funding_format_amount(PG_FUNCTION_ARGS)
{
	int64		won = PG_GETARG_INT64(0);
	FundingUnit unit = display_unit_arg(PG_GETARG_TEXT_PP(1));
	char		buf[FUNDING_AMOUNT_BUFLEN];
	int			len = amount_format(won, unit, buf);

	PG_RETURN_TEXT_P(funding_output_text(buf, len));
}

/* 22023: a unit whose quotients need not end (3원, 7천원). */
static void
not_a_decimal_unit(text *unit_text, int64 unit)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("amounts in unit \"%s\" are not exact decimals",
					text_to_cstring(unit_text)),
			 errdetail("The unit is %lld won.", (long long) unit),
			 errhint("Use a unit whose only prime factors are 2 and 5, such as 10원, 천원, 억 or 5천원.")));
}

/* in_unit(25910000000, '억') = 259.1, exactly */
Datum
funding_in_unit_common(int64 won, text *unit_text)
{
	int64		unit = funding_unit_arg(unit_text);
	char		buf[FUNDING_RATIO_BUFLEN];

	if (ratio_format(won, unit, buf) < 0)
		not_a_decimal_unit(unit_text, unit);
	return DirectFunctionCall3(numeric_in, CStringGetDatum(buf),
							   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
}

PG_FUNCTION_INFO_V1(funding_in_unit);
Datum
funding_in_unit(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(funding_in_unit_common(PG_GETARG_INT64(0), PG_GETARG_TEXT_PP(1)));
}

/* in_unit(1234567, '천원'): an integer literal has an exact match */
PG_FUNCTION_INFO_V1(funding_in_unit_int4);
Datum
funding_in_unit_int4(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(funding_in_unit_common(PG_GETARG_INT32(0), PG_GETARG_TEXT_PP(1)));
}

/* funding_text(f, 'korean') */
PG_FUNCTION_INFO_V1(funding_text_in_unit);
Datum
funding_text_in_unit(PG_FUNCTION_ARGS)
{
	Funding    *f = PG_GETARG_FUNDING_P(0);
	FundingUnit unit = display_unit_arg(PG_GETARG_TEXT_PP(1));
	char		buf[FUNDING_TEXT_BUFLEN];
	int			len = funding_format(f, unit, buf);

	PG_RETURN_TEXT_P(funding_output_text(buf, len));
}

/*
 * v to a multiple of unit: half away from zero when rounding, toward zero
 * when truncating (절사).
 */
static int64
to_multiple(int64 v, int64 unit, bool round)
{
	int64		q = v / unit;
	int64		r = v % unit;
	int64		result;

	if (round && r != 0 && (r > 0 ? r >= unit - r : -r >= unit + r))
		q += (v > 0) ? 1 : -1;
	if (pg_mul_s64_overflow(q, unit, &result))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("funding out of range"),
				 errdetail("%lld won rounded to a multiple of %lld won is outside the range of a 64-bit count of won.",
						   (long long) v, (long long) unit)));
	return result;
}

static Datum
funding_to_multiple(FunctionCallInfo fcinfo, bool round)
{
	Funding    *f = PG_GETARG_FUNDING_P(0);
	int64		unit = funding_unit_arg(PG_GETARG_TEXT_PP(1));

	PG_RETURN_FUNDING_P(funding_make(to_multiple(f->national, unit, round),
									 to_multiple(f->local, unit, round)));
}

PG_FUNCTION_INFO_V1(funding_round);
Datum
funding_round(PG_FUNCTION_ARGS)
{
	return funding_to_multiple(fcinfo, true);
}

PG_FUNCTION_INFO_V1(funding_trunc);
Datum
funding_trunc(PG_FUNCTION_ARGS)
{
	return funding_to_multiple(fcinfo, false);
}

/*
 * in_unit(sum(national), '억'): a numeric amount of won (a sum of bigint
 * columns is numeric) in a unit, exactly.  For a unit 2^a 5^b won, with
 * k = max(a, b): amount / unit = amount * (10^k / unit) / 10^k, where
 * 10^k / unit is a whole number, so the result is an exact decimal.
 */
PG_FUNCTION_INFO_V1(funding_in_unit_numeric);
Datum
funding_in_unit_numeric(PG_FUNCTION_ARGS)
{
	Numeric		amount = PG_GETARG_NUMERIC(0);
	text	   *unit_text = PG_GETARG_TEXT_PP(1);
	int64		unit = funding_unit_arg(unit_text);
	int64		rest = unit;
	int			twos = 0,
				fives = 0,
				k;
	Datum		multiplier = DirectFunctionCall1(int8_numeric, Int64GetDatum(1));
	Datum		result;

	while (rest % 2 == 0)
	{
		rest /= 2;
		twos++;
	}
	while (rest % 5 == 0)
	{
		rest /= 5;
		fives++;
	}
	if (rest != 1)
		not_a_decimal_unit(unit_text, unit);
	k = Max(twos, fives);
	/* 10^k / unit = 2^(k - twos) * 5^(k - fives) */
	for (int i = 0; i < k - twos; i++)
		multiplier = DirectFunctionCall2(numeric_mul, multiplier,
										 DirectFunctionCall1(int8_numeric, Int64GetDatum(2)));
	for (int i = 0; i < k - fives; i++)
		multiplier = DirectFunctionCall2(numeric_mul, multiplier,
										 DirectFunctionCall1(int8_numeric, Int64GetDatum(5)));
	result = DirectFunctionCall2(numeric_mul, NumericGetDatum(amount), multiplier);
	if (k > 0)
		result = DirectFunctionCall2(numeric_mul, result,
									 DirectFunctionCall3(numeric_in,
														 CStringGetDatum(psprintf("1e-%d", k)),
														 ObjectIdGetDatum(InvalidOid),
														 Int32GetDatum(-1)));
#if PG_VERSION_NUM >= 130000
	result = DirectFunctionCall1(numeric_trim_scale, result);
#endif
	PG_RETURN_DATUM(result);
}
