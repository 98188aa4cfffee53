"""psycopg2 (python3-psycopg2): plain numbers from allocation_report, a
funding column as text, a funding value written from a string parameter,
and binary transfer through COPY ... (FORMAT binary)."""
import io
import struct
from decimal import Decimal

import psycopg2

n = 0


def ok(cond, name):
    global n
    n += 1
    print(("ok %d - %s" if cond else "not ok %d - %s") % (n, name))


print("1..8")
conn = psycopg2.connect("")  # PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD from the environment
cur = conn.cursor()

cur.execute("SELECT national, local, total, national_eok, total_eok FROM regionpolicy.allocation_report WHERE allocation_id = 1")
row = cur.fetchone()
ok(row == (92900000000, 43300000000, 136200000000, Decimal("929"), Decimal("1362")),
   "allocation_report arrives as int and Decimal: %r" % (row,))
ok(all(isinstance(v, int) for v in row[:3]) and all(isinstance(v, Decimal) for v in row[3:]), "types are int and Decimal")

cur.execute("SET regionpolicy.display_unit = '원'")
cur.execute("SELECT amount FROM regionpolicy.allocation WHERE id = 3")
text = cur.fetchone()[0]
national, local, total = (int(x) for x in text.strip("()").split(","))
ok((national, local, total) == (9223372036854775807, -9223372036854775808, -1), "a funding column read as text and parsed: %s" % text)

cur.execute("SET regionpolicy.display_unit = '억'")
cur.execute("SELECT amount::text FROM regionpolicy.allocation WHERE id = 2")
ok(cur.fetchone()[0] == "(259.1억,0억,259.1억)", "the display unit applies to text results")

cur.execute("INSERT INTO public.client_write (amount) VALUES (%s) RETURNING regionpolicy.total(amount)",
            ("총 4,232억원(국비 2,854억원, 지방비 1,378억원)",))
ok(cur.fetchone()[0] == 423200000000, "a funding value written from a string parameter")

try:
    cur.execute("INSERT INTO public.client_write (amount) VALUES (%s)", ("(1억,2억,4억)",))
    ok(False, "a bad total raises")
except psycopg2.Error as e:
    ok(e.pgcode == "22P02", "a bad total raises 22P02 through the driver")
conn.rollback()

buf = io.BytesIO()
cur.copy_expert("COPY (SELECT amount FROM regionpolicy.allocation ORDER BY id) TO STDOUT (FORMAT binary)", buf)
data = buf.getvalue()
assert data[:11] == b"PGCOPY\n\xff\r\n\x00"
pos = 11 + 8
values = []
while True:
    (fields,) = struct.unpack_from(">h", data, pos)
    pos += 2
    if fields == -1:
        break
    (length,) = struct.unpack_from(">i", data, pos)
    pos += 4
    values.append(struct.unpack_from(">qq", data, pos))
    pos += length
ok(values[0] == (92900000000, 43300000000), "binary transfer: two big-endian int64")
ok(values[2] == (9223372036854775807, -9223372036854775808), "binary transfer at the int64 limits")
conn.close()
