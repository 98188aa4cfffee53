/*-------------------------------------------------------------------------
 *
 * settings.c
 *	  The regionpolicy library's magic block and its setting,
 *	  regionpolicy.language: the language of the views' labels and
 *	  explanations (doc/regionpolicy.md, "BI tools").  The funding type's
 *	  own setting, regionpolicy.display_unit, is the funding library's;
 *	  it is loaded first, so that the prefix is reserved with both names
 *	  known.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"
#include "miscadmin.h"
#include "utils/guc.h"

#include "regionpolicy.h"

PG_MODULE_MAGIC;

static int	regionpolicy_language = 0;

static const struct config_enum_entry language_options[] = {
	{"ko", 0, false},
	{"en", 1, false},
	{NULL, 0, false}
};

PGDLLEXPORT void _PG_init(void);

void
_PG_init(void)
{
	load_file("$libdir/funding", false);
	/*
	 * The message catalog, in UTF-8 whatever the database's encoding:
	 * messages.c converts what it makes to the database's encoding last.
	 */
	pg_bindtextdomain(TEXTDOMAIN);
#ifdef ENABLE_NLS
	bind_textdomain_codeset(TEXTDOMAIN, "UTF-8");
#endif
	DefineCustomEnumVariable("regionpolicy.language",
							 "Sets the language of the explanations and labels the views give.",
							 "ko (the default) writes them in Korean, en in English.",
							 &regionpolicy_language,
							 0,
							 language_options,
							 PGC_USERSET,
							 0,
							 NULL, NULL, NULL);
#if PG_VERSION_NUM >= 150000
	MarkGUCPrefixReserved("regionpolicy");
#else
	EmitWarningsOnPlaceholders("regionpolicy");
#endif
}
