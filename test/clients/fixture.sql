-- The data every client test reads: one illustrative programme in two
-- years, allocations with known amounts in several phases.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS regionpolicy CASCADE;
INSERT INTO regionpolicy.program (id, ministry, fiscal_year, name_ko) VALUES (1001, 'MOTIE', 2023, '클라이언트 시험');
INSERT INTO regionpolicy.allocation (id, program_id, province_code, fiscal_year, amount, phase) VALUES
	(1, 1001, '26', 2023, '국비 929억원, 지방비 433억원', 'planned'),
	(2, 1001, '48', 2023, '(259.1억,0)', 'planned'),
	(3, 1001, '50', 2023, '(9223372036854775807,-9223372036854775808)', 'adjusted');  -- a correction may be negative
-- what real data has besides: the next year, and a line's execution
INSERT INTO regionpolicy.program (id, ministry, fiscal_year, name_ko) VALUES (1002, 'MOTIE', 2024, '클라이언트 시험');
INSERT INTO regionpolicy.allocation (id, program_id, province_code, fiscal_year, amount, phase) VALUES
	(4, 1002, '26', 2024, '국비 950억원, 지방비 440억원', 'planned'),
	(5, 1001, '26', 2023, '국비 901억원, 지방비 420억원', 'executed');
-- and money that is neither 국비 nor 지방비 (기타)
UPDATE regionpolicy.allocation SET other = 2500000000 WHERE id = 4;
CREATE TABLE public.client_write (id serial PRIMARY KEY, amount regionpolicy.funding NOT NULL);
