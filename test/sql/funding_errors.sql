--
-- funding_errors: the exact messages of rejected input
--
SET client_min_messages = error;	-- before 15, CREATE EXTENSION warns that public is writable
CREATE EXTENSION IF NOT EXISTS regionpolicy CASCADE;
RESET client_min_messages;
SET search_path = regionpolicy, public;
\set VERBOSITY default

SELECT ''::funding;
SELECT '(1억,2억,4억)'::funding;
SELECT '총 4,232억원(국비 2,854억원, 지방비 1,377억원)'::funding;
SELECT '(0.5원,0)'::funding;
SELECT '(92.9e9,0)'::funding;
SELECT '(NaN,0)'::funding;
SELECT '(2천2345,0)'::funding;
SELECT '(1만 1억,0)'::funding;
SELECT '(1조 12345억,0)'::funding;
SELECT '시비 1억, 시비 2억'::funding;
SELECT '국비 1억, 지방 2억'::funding;
SELECT '총 5억'::funding;
SELECT '(국비 1억'::funding;
SELECT '(9223372036854775808,0)'::funding;
SELECT '(9223372036854775807,1)'::funding;
SELECT '합계 -9223372036854775808, 국비 1'::funding;
SELECT parse_amount('2,86억');
SELECT parse_amount('1억 달러');
SELECT funding(0.5, 0, '원');
SELECT funding(1, 0, '달러');
SELECT in_unit(1, '3원');
SELECT format_amount(1, '천원');
SELECT round('(9223372036854775807,0)'::funding, '억');
SELECT funding(9223372036854775807, 1);
SELECT '{"national": 1, "local": 2, "total": 4}'::jsonb::funding;
SELECT '{"national": 1, "locale": 2}'::jsonb::funding;

-- Grammar version 2 (doc/regionpolicy.md, "Input"): what a reader could take two ways is
-- refused with both readings; approximations say why; typos get a guess.
SELECT parse_amount('12억 5천');
SELECT parse_amount('1조 5천');
SELECT parse_amount('3억 2백');
SELECT parse_amount('일억천');
SELECT parse_amount('4조3.500억');
SELECT parse_amount('1.5억 6000만');
SELECT parse_amount('약 1조6000억원');
SELECT parse_amount('45조원가량');
SELECT parse_amount('2조 8천 400여 억원');
SELECT parse_amount('1억~30억원');
SELECT parse_amount('5억언');
SELECT '국비 50억원, 민자 30억원'::funding;
SELECT '국미 50억원, 지방비 10억원'::funding;
SELECT '국비 50억, 지방비 100억(도비 40억, 시비 50억)'::funding;
SELECT '국비 50억, 도비 40억, 지방비 100억'::funding;
SELECT '총 1,812억원(국비 1,306, 지방비 500)'::funding;
SELECT '약 41억원(국비 26억 8000만원)'::funding;

-- A key with a unit and no number is an empty spreadsheet cell joined to its
-- unit (doc/regionpolicy.md, "Input"); a zero count of a unit is zero.
SELECT '시도비 -천원'::funding;
SELECT '국비 원, 지방비 3원'::funding;
SELECT parse_amount('0천5백');

-- One Hangul numeral after a myriad unit with no 원: the particle 이 (or
-- another word), or a digit?
SELECT '국비 5억이 투입된다'::funding;
SELECT parse_amount('-3조 2억구');

-- A decrease: △ may stand apart from its number; a "-" apart from it may be
-- a dash.
SELECT '국비 - 5억원'::funding;
SELECT parse_amount('△ △5');

-- A total whose one part is all of it derives nothing and is read; one whose
-- parts fall short still has no single reading.
SELECT '총 8억원(시비 5억원, 구비 3억원)'::funding;
SELECT '총 8억원(시비 5억원, 구비 2억원)'::funding;
SELECT '{"national": 5, "total": 7}'::jsonb::funding;
SELECT '총사업비 516백만원(도비 216, 군비 200)'::funding;
