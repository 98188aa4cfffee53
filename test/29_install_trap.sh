#!/bin/bash
# Installing is safe against a prepared trap, and the recommended search_path
# cannot be hijacked (doc/regionpolicy.md, "Installation"): CREATE EXTENSION refuses a
# regionpolicy schema it did not create (42501), and with regionpolicy
# before public every operator and aggregate users write on funding is ours
# even when public holds exact-type look-alikes.
cd "$(dirname "$0")" && . lib/tap.sh
plan 16
db=rp_trap_$$
trap 'dropdb --if-exists $db; psql -X -q -d postgres -c "DROP ROLE IF EXISTS rp_trap_mallory" 2>/dev/null' EXIT
# (the warning that public is writable, before PostgreSQL 15, is not what is tested here)
q() { psql -X -q -t -A -d "$db" -v VERBOSITY=sqlstate "$@" 2>&1 | grep -v '^WARNING:  01000$\|^NOTICE:  00000$'; }

createdb "$db"
psql -X -q -d postgres -c "CREATE ROLE rp_trap_mallory" >/dev/null
q -c "CREATE SCHEMA regionpolicy AUTHORIZATION rp_trap_mallory" >/dev/null
is "$(q -c 'CREATE EXTENSION regionpolicy CASCADE')" "ERROR:  42501" "a schema made beforehand by another role is refused (42501)"
is "$(q -c "SELECT count(*) FROM pg_extension WHERE extname = 'regionpolicy'")" "0" "… and nothing is installed"
q -c "DROP SCHEMA regionpolicy; CREATE SCHEMA regionpolicy; CREATE FUNCTION regionpolicy.funding(integer, integer) RETURNS integer LANGUAGE sql AS 'SELECT 1'" >/dev/null
is "$(q -c 'CREATE EXTENSION regionpolicy CASCADE')" "ERROR:  42501" "a superuser's schema that already holds objects is refused"
q -c "DROP SCHEMA regionpolicy CASCADE; CREATE SCHEMA regionpolicy; GRANT CREATE ON SCHEMA regionpolicy TO rp_trap_mallory" >/dev/null
is "$(q -c 'CREATE EXTENSION regionpolicy CASCADE')" "ERROR:  42501" "a superuser's empty schema that another role may create in is refused"
q -c "DROP SCHEMA regionpolicy; CREATE SCHEMA regionpolicy" >/dev/null
is "$(q -c 'CREATE EXTENSION regionpolicy CASCADE')" "" "a superuser's empty schema is used, as pg_restore needs"
# … as for a restore, which creates the user tables after the extension
# (doc/regionpolicy.md, "Your data, pg_dump and DROP EXTENSION")
user_tables="SELECT count(*) FROM pg_class WHERE relnamespace = 'regionpolicy'::regnamespace
	AND relname IN ('allocation', 'award', 'award_year', 'cluster_diagnosis', 'cluster_evaluation', 'province_steward', 'region_totals')"
is "$(q -c "$user_tables")" "0" "… without the user tables and their views, which a restore creates"
q -c "DROP EXTENSION regionpolicy, funding; DROP SCHEMA regionpolicy; CREATE SCHEMA regionpolicy" >/dev/null
psql -X -q -d "$db" -c 'CREATE EXTENSION regionpolicy CASCADE' 2>&1 | grep -q 'WARNING:  regionpolicy was installed without its user tables, for a restore'
ok $? "… and says so, with what to do, outside a restore"
q -c "DROP EXTENSION regionpolicy, funding; DROP SCHEMA IF EXISTS regionpolicy" >/dev/null
# (one -c per statement: before PostgreSQL 15, -c prints only the last result)
is "$(q -c BEGIN -c 'SAVEPOINT s' -c 'CREATE EXTENSION regionpolicy CASCADE' -c "$user_tables" -c ROLLBACK)" "7" \
   "a schema CREATE EXTENSION makes in a subtransaction is its own (the user tables are created)"
is "$(q -c 'CREATE EXTENSION regionpolicy CASCADE')" "" "with no such schema, CREATE EXTENSION installs"
is "$(q -c "$user_tables")" "7" "… with the user tables and their views"
# funding installed earlier elsewhere, used by nothing: moved, with a warning
q -c "DROP SCHEMA regionpolicy CASCADE" -c "CREATE EXTENSION funding SCHEMA public" >/dev/null
psql -X -q -d "$db" -c 'CREATE EXTENSION regionpolicy' 2>&1 | grep -q 'WARNING:  moving the extension funding from schema "public" to "regionpolicy"'
ok $? "a funding installed earlier in public, used by nothing, is moved into regionpolicy's schema, with a warning"

# Exact-type look-alikes planted in public, as a hostile user could.
q >/dev/null <<'SQL'
CREATE FUNCTION public.evil_mul(regionpolicy.funding, integer) RETURNS regionpolicy.funding LANGUAGE sql AS $$SELECT '(666,0)'::regionpolicy.funding$$;
CREATE FUNCTION public.evil_lmul(integer, regionpolicy.funding) RETURNS regionpolicy.funding LANGUAGE sql AS $$SELECT '(666,0)'::regionpolicy.funding$$;
CREATE FUNCTION public.evil_nmul(regionpolicy.funding, numeric) RETURNS regionpolicy.funding LANGUAGE sql AS $$SELECT '(666,0)'::regionpolicy.funding$$;
CREATE FUNCTION public.evil_div(regionpolicy.funding, integer) RETURNS regionpolicy.funding LANGUAGE sql AS $$SELECT '(666,0)'::regionpolicy.funding$$;
CREATE FUNCTION public.evil_sf(regionpolicy.funding, regionpolicy.funding) RETURNS regionpolicy.funding LANGUAGE sql AS $$SELECT '(666,0)'::regionpolicy.funding$$;
CREATE OPERATOR public.* (LEFTARG = regionpolicy.funding, RIGHTARG = integer, FUNCTION = public.evil_mul);
CREATE OPERATOR public.* (LEFTARG = integer, RIGHTARG = regionpolicy.funding, FUNCTION = public.evil_lmul);
CREATE OPERATOR public.* (LEFTARG = regionpolicy.funding, RIGHTARG = numeric, FUNCTION = public.evil_nmul);
CREATE OPERATOR public./ (LEFTARG = regionpolicy.funding, RIGHTARG = integer, FUNCTION = public.evil_div);
CREATE AGGREGATE public.sum(regionpolicy.funding) (SFUNC = public.evil_sf, STYPE = regionpolicy.funding);
SQL
path="SET search_path = regionpolicy, \"\$user\", public;"
is "$(q -c "$path SELECT '(1억,2억)'::funding * 2")" "(2억,4억,6억)" "f * 2 is ours with the recommended search_path"
is "$(q -c "$path SELECT 2 * '(1억,2억)'::funding")" "(2억,4억,6억)" "2 * f is ours"
is "$(q -c "$path SELECT '(1억,2억)'::funding * 0.5")" "(0.5억,1억,1.5억)" "f * 0.5 is ours"
is "$(q -c "$path SELECT '(3억,6억)'::funding / 3")" "(1억,2억,3억)" "f / 3 is ours"
is "$(q -c "$path SELECT sum(f) FROM (VALUES ('(1억,2억)'::funding), ('(1억,2억)')) v(f)")" "(2억,4억,6억)" "sum(f) is ours"
done_testing
