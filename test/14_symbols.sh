#!/bin/bash
# Each shared library exports its fmgr entry points, the magic block and
# _PG_init, nothing else, so that another extension loaded in the same
# backend cannot stand in for one of our functions.  postgresql-unit also
# has a unit_parse(); both extensions are used in one session, in both load
# orders.
cd "$(dirname "$0")" && . lib/tap.sh
plan 8
libdir=$(${PG_CONFIG:-pg_config} --pkglibdir)
db=rp_symbols_$$
trap 'dropdb --if-exists $db' EXIT
q() { psql -X -q -t -A -v ON_ERROR_STOP=1 -d "$db" "$@"; }

# Each library: only fmgr entry points (with their info functions),
# Pg_magic_func and _PG_init.
strays() {
	echo "$1" | while read -r sym; do
		case $sym in
			Pg_magic_func|_PG_init) ;;
			pg_finfo_*) echo "$1" | grep -qx "${sym#pg_finfo_}" || echo "$sym" ;;
			*) echo "$1" | grep -qx "pg_finfo_$sym" || echo "$sym" ;;
		esac
	done | tr '\n' ' '
}
funding=$(nm -D --defined-only "$libdir/funding.so" | awk '{ print $3 }' | sort)
domain=$(nm -D --defined-only "$libdir/regionpolicy.so" | awk '{ print $3 }' | sort)
[ "$(echo "$funding" | wc -l)" -gt 100 ]
ok $? "nm -D lists funding.so's exports ($(echo "$funding" | wc -l))"
is "$(strays "$funding")" "" "every symbol funding.so exports is an fmgr entry point (or its info function), Pg_magic_func or _PG_init"
is "$(strays "$domain")" "" "every symbol regionpolicy.so exports is an fmgr entry point (or its info function), Pg_magic_func or _PG_init"
is "$(echo "$domain" | grep -c '^funding_\|^pg_finfo_funding_')" 0 "regionpolicy.so defines nothing of the type ($(echo "$domain" | wc -l) symbols, all its own)"
case " $(echo $funding) " in *" unit_parse "*|*" amount_parse "*|*" scan_amount "*) found=1 ;; *) found=0 ;; esac
is "$found" 0 "the amount reader's own functions (unit_parse, amount_parse, scan_amount) are not exported"

if [ ! -f "$(${PG_CONFIG:-pg_config} --sharedir)/extension/unit.control" ]; then
	for i in 1 2 3; do echo "ok $((tap_n + i)) # skip postgresql-unit is not installed"; done
	exit $((tap_failed > 0))
fi
createdb "$db"
q -c "CREATE EXTENSION unit; CREATE EXTENSION regionpolicy CASCADE" >/dev/null
is "$(q -c "SELECT '1 km'::unit::text" -c "SELECT regionpolicy.in_unit(100000000::bigint, '억')" | tr '\n' ' ')" \
   "1 km 1 " "postgresql-unit loaded first, then in_unit(bigint, '억') runs ours"
is "$(q -c "SELECT regionpolicy.in_unit(100000000::bigint, '억')" -c "SELECT '1 km'::unit::text" -c "SELECT regionpolicy.in_unit(25910000000::bigint, '억')" | tr '\n' ' ')" \
   "1 1 km 259.1 " "regionpolicy loaded first, then postgresql-unit, then ours again"
is "$(q -c "SELECT '(929억,433억)'::regionpolicy.funding::text, ('2 m'::unit * 3)::text")" \
   "(929억,433억,1362억)|6 m" "both types in one statement"
done_testing
