-- report_csv.sql: regionpolicy.allocation_report as report.csv in UTF-8 with a
-- byte-order mark, which Excel needs to read Korean from a .csv; amounts are
-- plain numbers (won and 억원).  The same on Linux, macOS and Windows:
--   psql -X -d budget -f report_csv.sql
-- Needs a UTF8 database (U+FEFF has no EUC_KR equivalent).
-- No cell runs as a formula: references (and notes and recipients) that
-- begin with =, +, -, @, a tab or a carriage return are refused when they
-- are written (doc/regionpolicy.md, "Loading").
\encoding UTF8
SELECT convert_from('\xefbbbf', 'UTF8') AS bom \gset
\o report.csv
\qecho -n :bom
COPY (SELECT * FROM regionpolicy.allocation_report ORDER BY allocation_id) TO STDOUT WITH (FORMAT csv, HEADER);
\o
