SELECT cluster_id, province_code, province, fiscal_year, requested_stage,
       self_score, has_rnd_body, workforce_program, stage, refusal
FROM regionpolicy.cluster_stages
