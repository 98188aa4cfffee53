/*-------------------------------------------------------------------------
 *
 * formula.c
 *	  begins_formula: text that a spreadsheet would take for a formula
 *	  (doc/regionpolicy.md, "Loading"), a cell beginning with =, +, -, @,
 *	  a tab or a carriage return.  The CHECK constraints of allocation and
 *	  award call it for every row written.  As a SQL function with its
 *	  search_path pinned it could not be inlined: each row paid a call
 *	  that sets and restores search_path, and each statement parsed its
 *	  text again, which a load a line at a time does for every line.  The
 *	  six characters are ASCII, and in every server encoding a first byte
 *	  of ASCII is that character.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "utils/builtins.h"

#include "regionpolicy.h"

bool
rp_begins_formula(const char *s, int len)
{
	if (len <= 0)
		return false;
	switch (s[0])
	{
		case '-':
		case '=':
		case '+':
		case '@':
		case '\t':
		case '\r':
			return true;
		default:
			return false;
	}
}

/* begins_formula(value text) returns boolean, STRICT */
PG_FUNCTION_INFO_V1(regionpolicy_begins_formula);
Datum
regionpolicy_begins_formula(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);

	PG_RETURN_BOOL(rp_begins_formula(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t)));
}
