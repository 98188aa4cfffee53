#!/usr/bin/python3
"""LibreOffice Calc reads every report view through ODBC (psqlODBC), as a
user does with Data > Import, and every cell is compared with the
database (TAP).  Debian's /usr/bin/python3 (python3-uno, python3-psycopg2).

    lo_views.py PIPE DSN [BAD_DSN]

PIPE: a running `soffice --headless --accept=pipe,name=PIPE;urp;`.  DSN:
the documented data source (UpdatableCursors = 0); BAD_DSN, the same
without it, must fail with psqlODBC's ctid error.  The PG* variables name
the same database for psycopg2.  Calc holds numbers as doubles: bigint won
is exact below 2^53 won (the data stays below it), numeric as a double;
psqlODBC hands booleans over as 1 or 0.  Each view is imported by its query
(SELECT * FROM "regionpolicy"."view"), as LibreOffice's own table list
stays empty over psqlODBC here.
"""
import datetime
import os
import sys
import time

import psycopg2
import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.sheet.DataImportMode import SQL

n = 0
failed = 0


def ok(cond, what):
    global n, failed
    n += 1
    print(('ok %d - %s' if cond else 'not ok %d - %s') % (n, what))
    failed += 0 if cond else 1


def pv(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


pipe, dsn = sys.argv[1], sys.argv[2]
bad_dsn = sys.argv[3] if len(sys.argv) > 3 else None
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
ctx = None
for _ in range(240):
    try:
        ctx = resolver.resolve('uno:pipe,name=%s;urp;StarOffice.ComponentContext' % pipe)
        break
    except Exception:
        time.sleep(0.25)
if ctx is None:
    sys.exit('not ok 1 - soffice did not answer on pipe ' + pipe)
smgr = ctx.ServiceManager
desktop = smgr.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
tmp = os.environ.get('TMPDIR', '/tmp')


def data_source(name):
    """a Base document for the DSN, as LibreOffice makes one"""
    ds = smgr.createInstanceWithContext('com.sun.star.sdb.DatabaseContext', ctx).createInstance()
    ds.URL = 'sdbc:odbc:' + name
    ds.Info = (pv('CharSet', 'UTF-8'),)   # else Hangul is read in soffice's locale
    url = uno.systemPathToFileUrl(os.path.join(tmp, 'lo_%s_%d.odb' % (name, os.getpid())))
    ds.DatabaseDocument.storeAsURL(url, ())
    return url, None


def import_view(url, source):
    """Data > Import of a query into a hidden sheet: the cells, or None if Calc got nothing"""
    doc = desktop.loadComponentFromURL('private:factory/scalc', '_blank', 0, (pv('Hidden', True),))
    try:
        sheet = doc.Sheets.getByIndex(0)
        sheet.getCellRangeByName('A1').doImport((pv('DatabaseName', url), pv('SourceType', SQL),
                                                 pv('SourceObject', source), pv('IsNative', False)))
        if sheet.getCellByPosition(0, 0).Type.value == 'EMPTY':
            return None, None
        area = doc.getPropertyValue('UnnamedDatabaseRanges').getByTable(0).DataArea
        rng = sheet.getCellRangeByPosition(0, 0, area.EndColumn, area.EndRow)
        empty = set()
        for a in rng.queryEmptyCells().RangeAddresses:
            for r in range(a.StartRow, a.EndRow + 1):
                for c in range(a.StartColumn, a.EndColumn + 1):
                    empty.add((r, c))
        return rng.getDataArray(), empty
    finally:
        doc.close(True)


def row_set_error(url, source):
    """the error Calc swallowed, from a RowSet doing what Calc does"""
    rs = smgr.createInstanceWithContext('com.sun.star.sdb.RowSet', ctx)
    rs.DataSourceName, rs.Command, rs.CommandType = url, source, 2
    try:
        rs.execute()
        return ''
    except Exception as e:
        return str(getattr(e, 'Message', e)).replace('\0', '?')
    finally:
        rs.dispose()


db = psycopg2.connect('')
cur = db.cursor()
cur.execute("""SELECT c.relname FROM pg_class c WHERE c.relnamespace = 'regionpolicy'::regnamespace
               AND c.relkind = 'v' AND c.relname NOT IN ('allocation_entry', 'award_entry') ORDER BY 1""")
views = [r[0] for r in cur.fetchall()]

if bad_dsn:
    url, _ = data_source(bad_dsn)
    source = 'SELECT * FROM "regionpolicy"."region_totals"'
    cells, _ = import_view(url, source)
    msg = row_set_error(url, source)
    ok(cells is None and 'column "ctid" does not exist' in msg,
       "psqlODBC's default DSN: Calc imports nothing (%s)" % msg.strip().split('\n')[0][:60])

url, _ = data_source(dsn)
SERIAL0 = datetime.date(1899, 12, 30)
for v in views:
    source = 'SELECT * FROM "regionpolicy"."%s"' % v
    t0 = time.time()
    cells, empty = import_view(url, source)
    cur.execute('SELECT * FROM regionpolicy.%s' % v)
    rows = cur.fetchall()
    header = [d[0] for d in cur.description]
    if cells is None:
        ok(False, '%s: Calc imported nothing: %s' % (v, row_set_error(url, source)))
        continue
    wrong = []
    if list(cells[0]) != header:
        wrong.append('header %r' % (list(cells[0])[:3],))
    if len(cells) - 1 != len(rows):
        wrong.append('%d rows, not %d' % (len(cells) - 1, len(rows)))
    for r, row in enumerate(rows[:len(cells) - 1], start=1):
        for c, want in enumerate(row):
            got = cells[r][c]
            if want is None or want == '':
                good = (r, c) in empty
            elif isinstance(want, bool):
                # psqlODBC hands booleans over as characters (BoolsAsChar): 1 or 0
                good = got in ('1', '0', 1.0, 0.0) and (got in ('1', 1.0)) == want
            elif isinstance(want, int):
                good = isinstance(got, float) and abs(want) < 2 ** 53 and int(got) == want
            elif isinstance(want, datetime.date):
                good = isinstance(got, float) and SERIAL0 + datetime.timedelta(days=int(got)) == want
            elif hasattr(want, 'as_tuple'):       # numeric: a double in Calc
                good = isinstance(got, float) and got == float(want)
            else:
                good = isinstance(got, str) and got == str(want)
            if not good and len(wrong) < 3:
                wrong.append('%s row %d: %r for %r' % (header[c], r, got, want))
    ok(not wrong and len(rows) > 0,
       '%s: %d rows × %d columns, every cell as the database has it (%.1f s)%s'
       % (v, len(rows), len(header), time.time() - t0, '; ' + '; '.join(wrong) if wrong else ''))
print('1..%d' % n)
sys.exit(1 if failed else 0)
