#!/bin/bash
# psqlODBC (odbc-postgresql) through unixODBC's isql, the path Excel and
# Power BI take: plain numbers from allocation_report and a funding column as
# text; then pyodbc (the same driver) for a string parameter.
cd "$(dirname "$0")" && . ../lib/tap.sh
plan 5
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
host=${PGHOST:-localhost}
case "$host" in /*) servername=$host ;; *) servername=$host ;; esac
cat >"$dir/odbc.ini" <<INI
[regionpolicy]
Driver = PostgreSQL Unicode
Servername = $servername
Port = ${PGPORT:-5432}
Database = $PGDATABASE
Username = ${PGUSER:-postgres}
Password = ${PGPASSWORD:-}
ConnSettings = SET regionpolicy.display_unit = '원'
INI
export ODBCINI=$dir/odbc.ini

isql_query() { echo "$1" | isql -b -d'|' regionpolicy 2>&1 | tr -d '\r' | sed 's/ *$//' | grep -v '^$'; }

is "$(isql_query "SELECT national, local, total FROM regionpolicy.allocation_report WHERE allocation_id = 1")" \
   "92900000000|43300000000|136200000000" "isql reads allocation_report as plain numbers"
is "$(isql_query "SELECT total_eok FROM regionpolicy.allocation_report WHERE allocation_id = 2")" \
   "259.1" "isql reads the numeric 억원 column"
got=$(isql_query "SELECT amount FROM regionpolicy.allocation WHERE id = 2")
is "$got" "(25910000000,0,25910000000)" "isql reads a funding column as text, in the unit ConnSettings chose"
IFS=, read -r nat loc tot <<<"${got//[()]/}"
is "$((nat + loc))" "$tot" "the text parses to national + local = total"

written=$(/usr/bin/python3 - 2>&1 <<'PY'
import pyodbc
c = pyodbc.connect("DSN=regionpolicy", autocommit=True)
cur = c.cursor()
cur.execute("INSERT INTO public.client_write (amount) VALUES (CAST(? AS regionpolicy.funding)) RETURNING regionpolicy.total(amount)",
            "국비 1,607억원, 지방비 689억원")
print(cur.fetchone()[0])
PY
)
is "$written" "229600000000" "pyodbc (same driver) writes a funding value from a string parameter"
done_testing
