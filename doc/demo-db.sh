#!/bin/bash
# make demo-db: the data of the dashboard test (several fiscal years and
# phases, 시·군·구, clusters with evaluations, a pool, awards) in a database
# that stays, for a BI tool to point at: a cluster "demo" of the installed
# major (made once with pg_createcluster), the database regionpolicy_demo
# made again each time, a role demo (password demo) that reads everything,
# with regionpolicy on its search path.  Prints the connection.
#   doc/demo-db.sh [major] [port]      (make demo-db; DEMO_PORT=)
#   doc/demo-db.sh --drop [major]       drops the cluster
set -eu
unset PGHOST PGPORT PGUSER PGDATABASE PGPASSWORD PGSERVICE
cd "$(dirname "$0")/.."
if [ "${1:-}" = --drop ]; then
	pg_dropcluster --stop "${2:-15}" demo
	exit
fi
major=${1:-15}
port=${2:-5499}
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
if ! pg_lsclusters -h | awk -v m="$major" '$1 == m && $2 == "demo"' | grep -q .; then
	if [ "$(id -u)" = 0 ]; then pg_createcluster "$major" demo -p "$port" >/dev/null
	else sudo pg_createcluster "$major" demo -p "$port" >/dev/null; fi
fi
if [ "$(id -u)" = 0 ]; then pg_ctlcluster "$major" demo start 2>/dev/null || true
else sudo pg_ctlcluster "$major" demo start 2>/dev/null || true; fi
port=$(pg_lsclusters -h | awk -v m="$major" '$1 == m && $2 == "demo" { print $3 }')
q() { as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$port" "$@"; }
q -d postgres -c "DROP DATABASE IF EXISTS regionpolicy_demo" -c "CREATE DATABASE regionpolicy_demo ENCODING 'UTF8' TEMPLATE template0"
q -d regionpolicy_demo -c "SET client_min_messages = warning" -c "CREATE EXTENSION regionpolicy CASCADE"
q -d regionpolicy_demo -c "SET client_min_messages = warning" -f test/clients/evidence/load.sql >/dev/null
q -d regionpolicy_demo >/dev/null <<'SQL'
DO $$ BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'demo') THEN CREATE ROLE demo LOGIN PASSWORD 'demo'; END IF;
END $$;
ALTER ROLE demo IN DATABASE regionpolicy_demo SET search_path = regionpolicy, "$user", public;
GRANT SELECT ON ALL TABLES IN SCHEMA regionpolicy TO demo;
SQL
echo "regionpolicy_demo is ready (PostgreSQL $major, cluster \"demo\", port $port):"
echo "  postgresql://demo:demo@localhost:$port/regionpolicy_demo"
echo "  host=localhost port=$port dbname=regionpolicy_demo user=demo password=demo"
echo "Drop it with: doc/demo-db.sh --drop $major"
