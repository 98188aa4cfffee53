#!/bin/bash
# Spreadsheets, for real: the documented export of allocation_report (CSV in
# UTF-8 with a byte-order mark, from psql) opened by LibreOffice Calc headless
# and read back.
#   - the shell recipe and the psql-script recipe (also for Windows psql, whose
#     client encoding is UHC) write the same bytes;
#   - converted to xlsx, the Korean names are shared strings and the amounts
#     (won and 억원 columns) are numeric cells with the exact values;
#   - converted to PDF, the names and amounts print, in an embedded Hangul font;
#   - what LibreOffice does without filter options, with and without the BOM,
#     is recorded (it depends on the LibreOffice version: 7.4 reads Windows-1252).
# Runs inside a cluster (PG* set by the caller, e.g. pg_virtualenv); installs
# LibreOffice Calc (nogui), poppler-utils, unzip and fonts-nanum if missing.
cd "$(dirname "$0")/.." && . lib/tap.sh
plan 20

tmp=$(mktemp -d /tmp/regionpolicy_sheet.XXXXXX)
db=rp_sheet_$$
cleanup() { dropdb --if-exists "$db" >/dev/null 2>&1; rm -rf "$tmp"; }
trap cleanup EXIT

# 1. Packages (Debian bookworm: libreoffice-calc-nogui 7.4, about 250 MB).
start=$(date +%s)
../.ci/deps libreoffice-calc-nogui poppler-utils unzip fonts-nanum >"$tmp/deps.log" 2>&1
status=$?
echo "# packages ready in $(($(date +%s) - start)) s$(grep -m1 '^installing:' "$tmp/deps.log" | sed 's/^/ (/; s/$/)/')"
{ [ $status -eq 0 ] && command -v soffice && command -v pdftotext && command -v pdffonts &&
	command -v unzip && [ -n "$(fc-list :lang=ko family)" ]; } >/dev/null
ok $? "LibreOffice Calc, poppler-utils, unzip and a Hangul font are installed"
[ $status -eq 0 ] || sed 's/^/# /' "$tmp/deps.log"
lo_version=$(timeout 60 soffice --version 2>/dev/null | head -1)
echo "# $lo_version"

# 2. A database with the extension and three allocations.
createdb "$db" &&
psql -X -q -v ON_ERROR_STOP=1 -d "$db" >/dev/null 2>"$tmp/setup.err" <<'SQL'
CREATE EXTENSION regionpolicy CASCADE;
INSERT INTO regionpolicy.program (id, ministry, fiscal_year, name_ko) VALUES (1001, 'MOTIE', 2024, '지역혁신협력지구 육성');
INSERT INTO regionpolicy.allocation (program_id, province_code, fiscal_year, amount) VALUES
 (1001, '48', 2024, '(160.72842억,25.14128억)'), (1001, '26', 2024, '(92900000000,43300000000)'), (1001, '50', 2024, '(7979230,1000)');
SQL
ok $? "database, extension and allocations for 경상남도, 부산광역시, 제주특별자치도"
sed 's/^/# /' "$tmp/setup.err"

# xlsx, CSV and cp1252 helpers.  grid: one line per row, tab-separated cells
# "s:text" (shared string), "n:number" (numeric cell, value normalized: 1E-005
# is 0.00001), "str:text" etc.  csv: the same for a CSV file, numbers as "n:".
cat >"$tmp/sheet.py" <<'PY'
import csv, re, sys, zipfile
import xml.etree.ElementTree as ET
from decimal import Decimal, InvalidOperation
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
def norm(v):
    return format(Decimal(v).normalize(), "f")
def col(ref):
    n = 0
    for ch in re.match(r"[A-Z]+", ref).group(0):
        n = n * 26 + ord(ch) - 64
    return n
def grid(path):
    z = zipfile.ZipFile(path)
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
            shared.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
    sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    for row in sheet.iter("{%s}row" % NS["m"]):
        cells = {}
        for c in row.findall("m:c", NS):
            t = c.get("t", "n")
            v = c.find("m:v", NS)
            v = v.text if v is not None else ""
            if t == "s":
                v = shared[int(v)]
            elif t == "n" and v != "":
                v = norm(v)
            cells[col(c.get("r"))] = "%s:%s" % (t, v)
        print("\t".join(cells.get(i, "") for i in range(1, max(cells, default=0) + 1)))
def csvgrid(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        for rec in csv.reader(f):
            out = []
            for v in rec:
                try:
                    out.append("n:" + norm(v) if v else "")
                except InvalidOperation:
                    out.append("s:" + v)
            print("\t".join(out))
def undo1252(s):
    # LibreOffice's Windows-1252 reading maps bytes cp1252 leaves undefined
    # (0x81 0x8D 0x8F 0x90 0x9D) to U+F1xx; reverse it and read the bytes as UTF-8.
    b = bytearray()
    for ch in s:
        o = ord(ch)
        if 0xF100 <= o <= 0xF1FF:
            b.append(o - 0xF100)
        else:
            b += ch.encode("cp1252")
    return b.decode("utf-8")
if sys.argv[1] == "grid":
    grid(sys.argv[2])
elif sys.argv[1] == "csv":
    csvgrid(sys.argv[2])
elif sys.argv[1] == "undo1252":
    for line in sys.stdin.read().splitlines():
        try:
            print(undo1252(line))
        except (UnicodeError, ValueError):
            print("?")
PY
py() { /usr/bin/python3 "$tmp/sheet.py" "$@"; }
# column <grid-file> <header>: the 1-based position of a column, by its name
column() { awk -F'\t' -v h="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "s:" h) print i }' "$1"; }
# cells <grid-file> <header>: that column's data cells, joined by |
cells() { local c; c=$(column "$1" "$2"); awk -F'\t' -v c="${c:-999}" 'NR > 1 { printf "%s%s", (NR > 2 ? "|" : ""), $c }' "$1"; }

amount_cols="national local total national_eok local_eok total_eok"
names_ko="지역혁신협력지구 육성|경상남도|부산광역시|제주특별자치도"
query="SELECT * FROM regionpolicy.allocation_report ORDER BY allocation_id"

# 3. The recipes.  (a) Linux/macOS shell: BOM, then \copy to stdout.
( cd "$tmp" && { printf '\xef\xbb\xbf'; psql -X -d "$db" -c "\copy ($query) TO STDOUT WITH (FORMAT csv, HEADER)"; } > report.csv )
is "$(head -c 4 "$tmp/report.csv" | od -An -tx1 | tr -d ' \n')" "efbbbf61" \
	"shell recipe: report.csv starts with one UTF-8 BOM, then the header"
py csv "$tmp/report.csv" >"$tmp/report.grid"
row48=$(awk -F'\t' -v c="$(column "$tmp/report.grid" province_code)" '$c == "n:48"' "$tmp/report.grid")
got=""
for h in program province_name $amount_cols; do
	got="$got $(printf '%s\n' "$row48" | cut -f"$(column "$tmp/report.grid" "$h")")"
done
is "${got# }" "s:지역혁신협력지구 육성 s:경상남도 n:16072842000 n:2514128000 n:18586970000 n:160.72842 n:25.14128 n:185.8697" \
	"shell recipe: the 경상남도 row has the names in UTF-8 and plain amounts (won and 억원)"

# (b) psql script (doc/report_csv.sql), for Windows psql too: run as
# an analyst would, from a client in UHC as on Korean Windows; \encoding UTF8,
# the BOM from the server through \gset, \o report.csv, COPY ... TO STDOUT.
mkdir "$tmp/win"
cp ../doc/report_csv.sql "$tmp/win/report_csv.sql"	# the documented script itself
( cd "$tmp/win" && PGCLIENTENCODING=UHC psql -X -d "$db" -f report_csv.sql >/dev/null ) &&
	cmp -s "$tmp/report.csv" "$tmp/win/report.csv"
ok $? "psql-script recipe (\\encoding UTF8, \\gset BOM, \\o, COPY) from a UHC client writes the same bytes"

# (c) Control file without BOM: \encoding UTF8 then \copy to a file, from UHC.
( cd "$tmp" && PGCLIENTENCODING=UHC psql -X -q -d "$db" -c '\encoding UTF8' \
	-c "\copy ($query) TO 'nobom.csv' WITH (FORMAT csv, HEADER)" >/dev/null ) &&
	cmp -s <(tail -c +4 "$tmp/report.csv") "$tmp/nobom.csv"
ok $? "\\encoding UTF8 + \\copy TO 'file' from a UHC client: the same CSV without the BOM"
cp "$tmp/report.csv" "$tmp/report_nf.csv"	# same bytes, converted without filter options
cp "$tmp/nobom.csv" "$tmp/nobom_nf.csv"

# 4. LibreOffice, headless, its own profile and HOME, bounded in time.
export HOME=$tmp/home
mkdir -p "$HOME" "$tmp/out"
convert() {	# convert <xlsx|pdf> <csv> [CSV filter options]
	local infilter=()
	[ -n "${3:-}" ] && infilter=("--infilter=CSV:$3")
	rm -f "$tmp/out/$(basename "$2" .csv).$1"
	timeout -k 10 120 soffice -env:UserInstallation="file://$tmp/lo" --headless --norestore \
		"${infilter[@]}" --convert-to "$1" --outdir "$tmp/out" "$2" >>"$tmp/soffice.log" 2>&1 &&
		[ -s "$tmp/out/$(basename "$2" .csv).$1" ]
}
utf8=44,34,76,1	# comma, double quote, UTF-8 (76), from line 1

start=$(date +%s)
convert xlsx "$tmp/report.csv" "$utf8"
ok $? "soffice --infilter=CSV:$utf8 --convert-to xlsx report.csv"
echo "# first conversion (new profile) took $(($(date +%s) - start)) s"
py grid "$tmp/out/report.xlsx" >"$tmp/x.grid" 2>>"$tmp/soffice.log"
shared=$(unzip -p "$tmp/out/report.xlsx" xl/sharedStrings.xml 2>/dev/null)
missing=""
IFS='|' read -ra names <<<"$names_ko"
for s in "${names[@]}"; do grep -qF ">$s<" <<<"$shared" || missing="$missing $s"; done
is "${missing:-none}" "none" "xlsx: xl/sharedStrings.xml holds 지역혁신협력지구 육성, 경상남도, 부산광역시, 제주특별자치도"
is "$(head -1 "$tmp/x.grid" | cut -f1)|$(cells "$tmp/x.grid" province_name)|$(cells "$tmp/x.grid" program)" \
	"s:allocation_id|s:경상남도|s:부산광역시|s:제주특별자치도|s:지역혁신협력지구 육성|s:지역혁신협력지구 육성|s:지역혁신협력지구 육성" \
	"xlsx: A1 is allocation_id (the BOM is not part of it) and the name cells are Korean, row by row"
got="" want=""
for h in $amount_cols; do
	got="$got $h=$(cells "$tmp/x.grid" "$h")"
	want="$want $h=$(cells "$tmp/report.grid" "$h")"
done
is "$got" "$want" "xlsx: every amount cell (won and 억원) is numeric (t=\"n\", not t=\"s\") with the exact value"
sheet=$(unzip -p "$tmp/out/report.xlsx" xl/worksheets/sheet1.xml 2>/dev/null)
missing=""
for v in 16072842000 160.72842 92900000000 136200000000 7979230 0.0797923; do
	grep -qE "<c r=\"[A-Z]+[0-9]+\"( s=\"[0-9]+\")?( t=\"n\")?><v>$v</v>" <<<"$sheet" || missing="$missing $v"
done
is "${missing:-none}" "none" "xlsx: sheet1.xml has <v>16072842000</v>, <v>160.72842</v>, <v>136200000000</v> … in numeric cells"

convert pdf "$tmp/report.csv" "$utf8"
ok $? "soffice --infilter=CSV:$utf8 --convert-to pdf report.csv"
text=$(pdftotext -layout "$tmp/out/report.pdf" - 2>/dev/null)
missing=""
for s in "${names[@]}"; do grep -qF "$s" <<<"$text" || missing="$missing $s"; done
is "${missing:-none}" "none" "pdf: the text has 지역혁신협력지구 육성, 경상남도, 부산광역시, 제주특별자치도"
missing=""
for v in 16072842000 2514128000 92900000000 136200000000 7979230 160.72842 25.14128 929 1362; do
	grep -qE "(^|[^0-9.])$v([^0-9.]|$)" <<<"$text" || missing="$missing $v"
done
is "${missing:-none}" "none" "pdf: the amounts print in full (16072842000, 136200000000, 160.72842 …), not as 1.6E+10"
fonts=$(pdffonts "$tmp/out/report.pdf" 2>/dev/null | awk 'NR > 2 { sub(/^[A-Z]+\+/, "", $1); print $1 }')
hangul=$(fc-list :lang=ko family | tr ',' '\n' | tr -d ' ' | sort -u)
found=$(grep -Fxf <(printf '%s\n' "$hangul") <<<"$fonts" | head -1)
[ -n "$found" ]
ok $? "pdf: embeds a Hangul font (${found:-none}; without one the names are boxes though pdftotext finds them)"

# 5. Without filter options (what a script gets from plain --convert-to; a
# double-click opens the import dialog instead, which this cannot test).
reading() {	# reading <grid>: UTF-8 | Windows-1252 | other, from the name cells
	local got
	got=$(cells "$1" province_name | sed 's/s://g')
	if [ "$got" = "경상남도|부산광역시|제주특별자치도" ]; then echo UTF-8
	elif [ "$(tr '|' '\n' <<<"$got" | py undo1252 | paste -sd'|')" = "경상남도|부산광역시|제주특별자치도" ]; then
		echo Windows-1252
	else echo other; fi
}
convert xlsx "$tmp/report_nf.csv" && py grid "$tmp/out/report_nf.xlsx" >"$tmp/nf.grid"
nf=$(reading "$tmp/nf.grid")
a1=$(head -1 "$tmp/nf.grid" | cut -f1)
echo "# with BOM, no filter options: $lo_version reads $nf; A1 is '${a1#s:}'"
[ "$nf" = UTF-8 ] && [ "$a1" = s:allocation_id ] || { [ "$nf" = Windows-1252 ] && [ "$a1" = "s:ï»¿allocation_id" ]; }
ok $? "BOM, no filter options: read as UTF-8 (BOM honoured) or as Windows-1252 (BOM shows as ï»¿ in A1): $nf"
got=""
for h in $amount_cols; do got="$got $h=$(cells "$tmp/nf.grid" "$h")"; done
is "$got" "$want" "BOM, no filter options: the amounts are numeric cells all the same (ASCII)"
convert pdf "$tmp/report_nf.csv"
if [ "$nf" = UTF-8 ]; then pdftotext "$tmp/out/report_nf.pdf" - 2>/dev/null | grep -qF 경상남도
else ! pdftotext "$tmp/out/report_nf.pdf" - 2>/dev/null | grep -qF 경상남도 && [ -s "$tmp/out/report_nf.pdf" ]; fi
ok $? "BOM, no filter options: the PDF agrees with the xlsx ($nf)"

convert xlsx "$tmp/nobom.csv" "$utf8" && py grid "$tmp/out/nobom.xlsx" >"$tmp/nb.grid"
is "$(reading "$tmp/nb.grid")|$(head -1 "$tmp/nb.grid" | cut -f1)" "UTF-8|s:allocation_id" \
	"no BOM, --infilter=CSV:$utf8: Korean intact (the filter option alone is enough for LibreOffice)"
convert xlsx "$tmp/nobom_nf.csv" && py grid "$tmp/out/nobom_nf.xlsx" >"$tmp/nbnf.grid"
nbnf=$(reading "$tmp/nbnf.grid")
echo "# no BOM, no filter options: $lo_version reads $nbnf"
[ "$nbnf" = UTF-8 ] || [ "$nbnf" = Windows-1252 ]
ok $? "no BOM, no filter options: read as UTF-8 or as Windows-1252 (garbled): $nbnf"
[ "$tap_failed" -eq 0 ] || { echo "# soffice log:"; sed 's/^/#   /' "$tmp/soffice.log"; }
done_testing
