#!/bin/bash
# LibreOffice Calc over ODBC (psqlODBC), as doc/regionpolicy.md ("BI tools
# and spreadsheets") gives the data source: every report view imported
# (Data > Import, headless, through python3-uno) and every cell compared
# with the database; psqlODBC's default data source fails on views, with
# the error the doc names.  TAP.
cd "$(dirname "$0")" || exit 1
dir=$(mktemp -d)
pipe=rp_lo_$$
trap '[ -n "${soffice:-}" ] && kill "$soffice" 2>/dev/null; rm -rf "$dir"' EXIT
driver=$(ls /usr/lib/*/odbc/psqlodbcw.so 2>/dev/null | head -1)
# the data source of the doc: the driver "PostgreSQL Unicode", UpdatableCursors = 0
cat >"$dir/odbcinst.ini" <<INI
[PostgreSQL Unicode]
Driver = $driver
INI
for name in regionpolicy regionpolicy_default; do
	cat <<INI
[$name]
Driver = PostgreSQL Unicode
Servername = ${PGHOST:-localhost}
Port = ${PGPORT:-5432}
Database = $PGDATABASE
Username = ${PGUSER:-postgres}
Password = ${PGPASSWORD:-}
$([ $name = regionpolicy ] && echo "UpdatableCursors = 0")
INI
done >"$dir/odbc.ini"
export ODBCSYSINI=$dir ODBCINI=/dev/null HOME=$dir
/usr/lib/libreoffice/program/soffice --headless --invisible --norestore --nologo --nodefault --nolockcheck \
	"-env:UserInstallation=file://$dir/profile" "--accept=pipe,name=$pipe;urp;StarOffice.ComponentContext" \
	>"$dir/soffice.log" 2>&1 &
soffice=$!
/usr/bin/python3 lo_views.py "$pipe" regionpolicy regionpolicy_default
status=$?
/usr/bin/python3 - "$pipe" <<'PY' 2>/dev/null
import sys, uno
local = uno.getComponentContext()
r = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
ctx = r.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % sys.argv[1])
try:
    ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx).terminate()
except Exception:
    pass
PY
wait "$soffice" 2>/dev/null
soffice=
exit $status
