#!/usr/bin/python3
"""pandas.read_sql of every view of schema regionpolicy (TAP): each view's
bigint won columns must arrive as int64, exact; the numeric 억 columns arrive
as float64 (display), funding columns as text (object), as the README's "BI
tools" section says.

    /usr/bin/python3 pandas_dtypes.py postgresql+psycopg2:///regionpolicy_bi

Money columns: columns named national/local/total, *_national, *_local,
*_total (and the like): each must be bigint (by name and by type: a numeric
won column fails) and arrive as int64; the entry views' text columns are
input.  The fixture must give every view rows (an empty result types every
column as object).
"""
import re
import sys

import pandas as pd
import sqlalchemy as sa

url = sys.argv[1]
engine = sa.create_engine(url)

MONEY = re.compile(r'(^|_)(national|local|total|won|cash|kind|budget)$')

with engine.connect() as conn:
    views = [r[0] for r in conn.execute(sa.text(
        "SELECT table_name FROM information_schema.views WHERE table_schema = 'regionpolicy' ORDER BY 1"))]
    pgtypes = {}
    for v, c, t in conn.execute(sa.text(
            "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) "
            "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'regionpolicy' AND c.relkind = 'v' AND a.attnum > 0 AND NOT a.attisdropped")):
        pgtypes[(v, c)] = t

n = 0
failed = 0
for v in views:
    df = pd.read_sql(f'SELECT * FROM regionpolicy.{v}', engine)
    notes = []
    wrong = []
    for col, dt in df.dtypes.items():
        pgt = pgtypes.get((v, col), '?')
        if pgt == 'bigint' and MONEY.search(col) and dt != 'int64':
            wrong.append(f'{col} ({pgt}) arrives as {dt}')
        # by name: a won column that is not bigint would arrive as a float
        if MONEY.search(col) and not col.endswith('_eok') and pgt not in ('bigint', 'text'):
            wrong.append(f'{col} is {pgt}, not bigint won')
        if pgt == 'numeric' and col.endswith('_eok'):
            notes.append(f'{col} as {dt}')
        if pgt == 'regionpolicy.funding':
            notes.append(f'{col} (funding) as {dt}')
    n += 1
    if len(df) == 0:
        print(f'not ok {n} - {v}: no rows to read (the fixture must give every view rows)')
        failed += 1
    elif wrong:
        print(f'not ok {n} - {v}: ' + '; '.join(wrong))
        failed += 1
    else:
        print(f'ok {n} - {v}: every bigint won column arrives as int64 ({len(df)} rows)')
    if notes:
        print('#   display and text columns: ' + ', '.join(notes))
print(f'1..{n}')
print(f'# pandas {pd.__version__}, SQLAlchemy {sa.__version__}')
sys.exit(1 if failed else 0)
