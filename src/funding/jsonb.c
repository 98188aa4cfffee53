/*-------------------------------------------------------------------------
 *
 * jsonb.c
 *	  Casts between funding and JSON: {"national": n, "local": l,
 *	  "total": t}, amounts in won.
 *
 * With a cast to json and jsonb in place, to_json(), to_jsonb(),
 * row_to_json() and json_agg() write funding columns as these objects
 * rather than as strings.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"

#include "funding.h"

static char *
funding_json_text(const Funding *f)
{
	return psprintf("{\"national\": " INT64_FORMAT ", \"local\": " INT64_FORMAT
					", \"total\": " INT64_FORMAT "}",
					f->national, f->local, funding_total(f));
}

PG_FUNCTION_INFO_V1(funding_to_jsonb);
Datum
funding_to_jsonb(PG_FUNCTION_ARGS)
{
	return DirectFunctionCall1(jsonb_in,
							   CStringGetDatum(funding_json_text(PG_GETARG_FUNDING_P(0))));
}

PG_FUNCTION_INFO_V1(funding_to_json);
Datum
funding_to_json(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(funding_json_text(PG_GETARG_FUNDING_P(0))));
}

pg_noreturn static void bad_json(Jsonb *jb, const char *detail);

static void
bad_json(Jsonb *jb, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("cannot cast jsonb %s to type funding",
					JsonbToCString(NULL, &jb->root, VARSIZE(jb))),
			 errdetail_internal("%s", _(detail))));
}

/* A member's value in won: a JSON number, or a string such as "929억". */
static int64
json_amount(Jsonb *jb, const char *key, JsonbValue *v)
{
	char	   *str;
	int64_t		won;
	FundingParseError err;

	if (v->type == jbvNumeric)
		str = DatumGetCString(DirectFunctionCall1(numeric_out,
												  NumericGetDatum(v->val.numeric)));
	else if (v->type == jbvString)
		str = pnstrdup(v->val.string.val, v->val.string.len);
	else
		bad_json(jb, psprintf(_("The value of \"%s\" is neither a number of won nor an amount such as \"929억\"."), key));
	{
		size_t		len = strlen(str);
		const char *u = funding_input_utf8(str, &len);

		if (!amount_parse(u, len, &won, &err))
			funding_report_parse_error(&err, false, str, NULL);
	}
	return won;
}

PG_FUNCTION_INFO_V1(funding_from_jsonb);
Datum
funding_from_jsonb(PG_FUNCTION_ARGS)
{
	Jsonb	   *jb = PG_GETARG_JSONB_P(0);
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken r;
	FundingParts parts;
	FundingParseError err;
	Funding		f;

	if (!JB_ROOT_IS_OBJECT(jb))
		bad_json(jb, "A funding value is a JSON object with the keys \"national\", \"local\" and \"total\".");

	memset(&parts, 0, sizeof(parts));
	it = JsonbIteratorInit(&jb->root);
	while ((r = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		char	   *key;
		int			c;

		if (r != WJB_KEY)
			continue;
		key = pnstrdup(v.val.string.val, v.val.string.len);
		if (strcmp(key, "national") == 0)
			c = FUNDING_NATIONAL;
		else if (strcmp(key, "local") == 0)
			c = FUNDING_LOCAL;
		else if (strcmp(key, "total") == 0)
			c = FUNDING_TOTAL;
		else
			bad_json(jb, psprintf(_("Unknown key \"%s\": the keys are \"national\", \"local\" and \"total\"."), key));
		r = JsonbIteratorNext(&it, &v, true);
		Assert(r == WJB_VALUE);
		parts.value[c] = json_amount(jb, key, &v);
		parts.given[c] = true;
	}

	if (!funding_resolve(&parts, &f, &err))
	{
		char	   *str = JsonbToCString(NULL, &jb->root, VARSIZE(jb));

		funding_report_parse_error(&err, true, str, NULL);
	}
	PG_RETURN_FUNDING_P(funding_make(f.national, f.local));
}
