SELECT fiscal_year, ministry, ministry_ko, phase, phase_ko, "national", local, total, total_eok
FROM regionpolicy.ministry_totals
