/*-------------------------------------------------------------------------
 *
 * keyed.h
 *	  The keyed form's internals, for parse.c, keyed.c and keyed_lists.c
 *	  only: what a key names, the parts gathered so far, and the readers
 *	  the files share.
 *
 *-------------------------------------------------------------------------
 */
#ifndef REGIONPOLICY_KEYED_H
#define REGIONPOLICY_KEYED_H

#include "scan.h"

/* What a key names. */
typedef enum KeyKind
{
	KEY_NATIONAL,
	KEY_LOCAL,					/* 지방비: all local money */
	KEY_LEVEL,					/* 도비, 시비, …: one local government's share */
	KEY_TOTAL,
	KEY_OTHER					/* 민자, 자부담, …: money funding does not hold */
} KeyKind;

/* The components read so far, with what errors need to name them. */
typedef struct Parts
{
	FundingParts values;
	bool		overflow[FUNDING_NUM_COMPONENTS];
	bool		has_unit[FUNDING_NUM_COMPONENTS];
	const char *from[FUNDING_NUM_COMPONENTS];	/* the amount's text, for errors */
	const char *to[FUNDING_NUM_COMPONENTS];
} Parts;

/* What the keyed reader gathers before it resolves. */
typedef struct Keyed
{
	Parts		parts;			/* national and total; local once resolved */
	bool		local_key;		/* 지방비 given */
	int64_t		local_key_value;
	bool		local_key_has_unit;
	bool		local_overflow;
	const char *local_from;
	const char *local_to;
	int			nlevels;		/* 도비, 시비, … given */
	uint64_t	level_seen;		/* which level keys, by index bit */
	bool		level_overflow;
	bool		levels_unitless;
	int64_t		levels[16];
	bool		levels_has_unit[16];
	bool		any_scaled;		/* some amount ends in a unit above 원 */
	const char *bare;			/* the first amount with no unit, not 0 */
	long		breakdown_depth;	/* depth of the "(" right after 지방비 */
	bool		level_outside_breakdown;
	bool		total_approximate;
	int			total_last_exp;
	/* shares of the total in percent (국비 70%), read as millionths of one */
	int			nshares;
	int			namounts;		/* parts given as amounts */
	bool		national_share;
	bool		local_share;
	const char *share_from;		/* the first share, for messages */
} Keyed;

/* keyed.c */
extern size_t key_at(const Scanner *s, const char *p, int *which);
extern KeyKind keyword_kind(int which);
extern const char *keyword_word(int which);
extern int	keyword_index(const char *word);
extern bool particle_fits(const Scanner *s, const char *key_end, const char *particle);
extern bool amount_starts_at(const Scanner *s);
extern bool scan_component(Scanner *s, Parts *parts, FundingComponent c, int flags,
						   AmountInfo *info);
extern bool scan_keyed_amount(Scanner *s, Keyed *k, int which, const char *key, long depth);
extern bool keyed_read(Scanner *s, Parts *parts);

/* keyed_lists.c */
extern int	scan_each(Scanner *s, Keyed *k, long depth, int *last);
extern int	scan_english_split(Scanner *s, Keyed *k);

#endif							/* REGIONPOLICY_KEYED_H */
