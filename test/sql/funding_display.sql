--
-- funding_display: exact text output under every display unit
--
SET client_min_messages = error;	-- before 15, CREATE EXTENSION warns that public is writable
CREATE EXTENSION IF NOT EXISTS regionpolicy CASCADE;
RESET client_min_messages;
SET search_path = regionpolicy, public;

CREATE TABLE display_sample (label text, f funding);
INSERT INTO display_sample VALUES
	('MOTIE clusters 2023', '국비 929억원, 지방비 433억원'),
	('MOTIE plan 2023', '총 4,232억원(국비 2,854억원, 지방비 1,378억원)'),
	('MSS plan 2023', '2,864억원(정부 2,049억원, 지방비 815억원)'),
	('지역주력산업지원', '(259.1억,0,259.1억)'),
	('projects', '(65.2조,0)'),
	('one won', '(1,0)'),
	('a cut', '(-3천5백만원,△1억 2345만 6789원)'),
	('zero', '(0,0)'),
	('int64 limits', '(9223372036854775807,-9223372036854775808)');

SHOW regionpolicy.display_unit;
SELECT label, f FROM display_sample;
SET regionpolicy.display_unit = '원';
SELECT label, f FROM display_sample;
SET regionpolicy.display_unit = 'korean';
SELECT label, f FROM display_sample;
SET regionpolicy.display_unit = 'won';
SHOW regionpolicy.display_unit;
SET regionpolicy.display_unit = 'eok';
SHOW regionpolicy.display_unit;
RESET regionpolicy.display_unit;

-- one amount, each unit
SELECT u, format_amount(-123456789012, u) AS amount
FROM unnest(ARRAY['억', 'eok', '원', 'won', 'korean', '만', '조']) AS u;

-- exact numerics
SELECT in_unit(25910000000, '억'), in_unit(25910000000, '조'), in_unit(25910000000, '천원'),
	   in_unit(-5, '10원'), in_unit(0, '억');
SELECT national_share('(929억,433억)');

-- JSON
SELECT f::jsonb FROM display_sample WHERE label = 'MOTIE clusters 2023';
SELECT to_json(d) FROM display_sample AS d WHERE label = 'one won';

DROP TABLE display_sample;
