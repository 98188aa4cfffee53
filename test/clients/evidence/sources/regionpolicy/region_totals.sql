-- Plain numeric columns only: "amount" is the funding type, which the
-- connector would read as text.
SELECT fiscal_year, province_code, name_ko, short_ko, sort_order, phase,
       "national", local, total, national_eok, local_eok, total_eok, phase_ko
FROM regionpolicy.region_totals
