/*-------------------------------------------------------------------------
 *
 * load.h
 *	  The state of one load through allocation_entry (load.c), for the
 *	  view's row trigger (entry.c).  Include postgres.h first.
 *
 *-------------------------------------------------------------------------
 */
#ifndef REGIONPOLICY_LOAD_H
#define REGIONPOLICY_LOAD_H

/* the row number (from 1) of the next line the statement reads */
extern int64 rp_load_row(void);
/* the next line's row number, taken: the row trigger's line */
extern int64 rp_load_take_row(void);

/*
 * True if this statement has already locked the scope; else remember it
 * and return false, so that the caller locks it now.  province: NULL for
 * lines of no single province.
 */
extern bool rp_load_scope_seen(text *province, int32 fiscal_year, text *phase, int32 program_id);

/*
 * Whether allocation holds lines of a province (NULL: of none) without a
 * reference, as this statement last looked since it last locked a scope
 * of the province; a line with a reference need not look for an identical
 * line without one where there is none.  Unknown until set; a province
 * whose code is too long to remember is always "some".
 */
typedef enum RpUnreferenced
{
	RP_UNREFERENCED_UNKNOWN,
	RP_UNREFERENCED_NONE,
	RP_UNREFERENCED_SOME
} RpUnreferenced;
extern RpUnreferenced rp_load_unreferenced(text *province);
extern void rp_load_set_unreferenced(text *province, RpUnreferenced state);

/* did this statement write allocation `id`?  If so, *row is the row that did */
extern bool rp_load_written(int64 id, int64 *row);

/*
 * count one line, inserted or replacing one, written as allocation `id`:
 * the next row's (rp_load_count, which takes it), or row's
 */
extern void rp_load_count(bool inserted, int64 id);
extern void rp_load_count_row(bool inserted, int64 id, int64 row);

#endif							/* REGIONPOLICY_LOAD_H */
