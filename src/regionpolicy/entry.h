/*-------------------------------------------------------------------------
 *
 * entry.h
 *	  A line of allocation_entry as its row trigger reads it (entry.c), and
 *	  as it is written, at once or a batch at a time (batch.c).  Include
 *	  postgres.h first.
 *
 *-------------------------------------------------------------------------
 */
#ifndef REGIONPOLICY_ENTRY_H
#define REGIONPOLICY_ENTRY_H

/* the view's columns the trigger reads, by name */
enum
{
	C_PROGRAM, C_PROVINCE, C_FISCAL_YEAR, C_PHASE, C_AMOUNT, C_NATIONAL, C_LOCAL,
	C_UNIT, C_REFERENCE, C_NOTE, C_MUNICIPALITY, C_AS_OF, C_OTHER, N_COLUMNS
};

/* one line as the trigger reads it */
typedef struct Line
{
	Datum		value[N_COLUMNS];
	bool		isnull[N_COLUMNS];
	int64		row;
	Datum		row_text;		/* built only when a refusal needs it */
	bool		has_row_text;
} Line;

/*
 * A line read, looked up and checked, its scope locked: what is written.
 * line keeps what describes it in messages (its row, and its programme,
 * province, fiscal year and reference as given).
 */
typedef struct EntryWrite
{
	Line		line;
	int32		program_id;
	int32		fiscal_year;
	text	   *province_code;	/* NULL: a line of no single province */
	text	   *municipality_code;	/* NULL: none */
	Datum		amount;			/* funding */
	text	   *phase;
	text	   *note;			/* NULL: none */
	text	   *reference;		/* trimmed; NULL: none */
	int64		other;
	bool		other_null;
} EntryWrite;

/*
 * entry.c: write one line as a line at a time does (the look-up of an
 * identical line, the INSERT, the same line twice refused), counted; and
 * what batch.c needs of the session's statements.  Within SPI.
 */
extern void rp_entry_write(EntryWrite *w);
extern const char *rp_entry_schema(void);
extern Oid	rp_entry_funding_type(void);

/*
 * batch.c: on Citus, lines wait and are written a batch at a time.
 * rp_batch_add keeps a copy of the line; rp_batch_flush writes what
 * waits; rp_batch_end_statement forgets the statement's written keys.
 */
extern void rp_batch_add(const EntryWrite *w);
extern void rp_batch_flush(void);
extern void rp_batch_end_statement(void);

#endif							/* REGIONPOLICY_ENTRY_H */
