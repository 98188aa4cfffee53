-- The long format: a stacked bar of 국비 and 지방비 takes it as it is.
SELECT fiscal_year, province_code, short_ko, sort_order, phase, phase_ko, part, part_ko, part_order, won, eok
FROM regionpolicy.region_totals_long
