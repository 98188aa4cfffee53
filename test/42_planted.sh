#!/bin/bash
# No planted object wins.  An unprivileged role plants a look-alike of every
# function, aggregate and operator of the extension in a public schema that
# everyone may create in (test/lib/plant.sql); a superuser then runs every
# example of the README and the reference on the documented search path for
# such a database, regionpolicy, "$user".  None of the look-alikes runs and
# the planter stays unprivileged.  The same examples with public on the path
# do run some, so the test can fail.
cd "$(dirname "$0")/.." && . test/lib/tap.sh
plan 9
db=rp_planted_$$
trap 'dropdb --if-exists $db; psql -X -q -d postgres -c "DROP ROLE IF EXISTS rp_planter" 2>/dev/null' EXIT
psql -X -q -d postgres -c "DROP ROLE IF EXISTS rp_planter" 2>/dev/null
psql -X -q -d postgres -c "CREATE ROLE rp_planter NOLOGIN"

# CREATE EXTENSION warns when the default search path holds a schema that
# every role can create in, and only then
createdb "$db"
psql -X -q -d "$db" -c "REVOKE CREATE ON SCHEMA public FROM PUBLIC"
warned=$(psql -X -q -d "$db" -c "CREATE EXTENSION regionpolicy CASCADE" 2>&1 | grep -c 'WARNING:.*every role can create objects in schema public')
is "$warned" 0 "no warning where public is closed"
psql -X -q -d "$db" -c "DROP SCHEMA regionpolicy CASCADE" -c "GRANT CREATE ON SCHEMA public TO PUBLIC"
warned=$(psql -X -q -d "$db" -c "CREATE EXTENSION regionpolicy CASCADE" 2>&1 | grep -c 'WARNING:.*every role can create objects in schema public')
is "$warned" 1 "CREATE EXTENSION warns where every role can create in public, which is on the search path"
psql -X -q -d "$db" -c "SET client_min_messages = error" -f test/lib/plant.sql >/dev/null 2>&1
planted=$(psql -X -q -t -A -d "$db" -c "SELECT count(*) FROM pg_proc WHERE pronamespace = 'public'::regnamespace")
[ "$planted" -gt 1000 ]
ok $? "the planter made $planted look-alikes in public"
dropdb "$db"

for doc in README.md doc/regionpolicy.md doc/tour.md; do
	out=$(perl test/doc-examples.pl --planted test/lib/plant.sql 'regionpolicy, "$user"' "$doc")
	status=$?
	echo "$out" | grep '^#'
	ok $status "$doc: every example runs ours on search_path regionpolicy, \"\$user\""
done
is "$(psql -X -q -t -A -d postgres -c "SELECT rolsuper FROM pg_roles WHERE rolname = 'rp_planter'")" f \
   "the planter is still not a superuser"
out=$(perl test/doc-examples.pl --planted test/lib/plant.sql 'regionpolicy, "$user", public' doc/tour.md)
[ $? -ne 0 ]
ok $? "with a writable public on the path, look-alikes do run ($(echo "$out" | grep -c '^# .*PLANTED') shown): the test can fail"
psql -X -q -d postgres -c "ALTER ROLE rp_planter NOSUPERUSER"
is "$(psql -X -q -t -A -d postgres -c "SELECT rolsuper FROM pg_roles WHERE rolname = 'rp_planter'")" f "… and the planter is made harmless again"
done_testing
