-- Two extensions (doc/regionpolicy.md, "Installation"): funding alone,
-- trusted and relocatable; regionpolicy requires it and uses it in its own
-- schema; what of yours converts text to funding.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
SET LOCAL search_path = public;
SELECT plan(19);

-- funding alone, by the database's owner, who is not a superuser
CREATE ROLE rp_ext_owner LOGIN;
GRANT CREATE ON DATABASE regionpolicy_tap TO rp_ext_owner;
CREATE SCHEMA budget AUTHORIZATION rp_ext_owner;
SET LOCAL ROLE rp_ext_owner;
SELECT lives_ok($$CREATE EXTENSION funding SCHEMA budget$$, 'a role that is not a superuser installs funding (trusted)');
SELECT is((SELECT extnamespace::regnamespace::text || ' ' || extversion FROM pg_extension WHERE extname = 'funding'),
		  'budget 2.0.0', 'in the schema it names');
SELECT is('국비 929억원, 지방비 433억원'::budget.funding::text, '(929억,433억,1362억)', 'the type reads and writes');
SELECT is((SELECT budget.sum(f)::text FROM (VALUES ('(1억,2억)'::budget.funding), ('(3억,4억)')) v(f)),
		  '(4억,6억,10억)', 'its aggregates sum');
SELECT is(budget.funding_text('(160.66억,25.1억)'::budget.funding, '억', 1), '(160.7억,25.1억,185.8억)',
		  'funding_text rounds for reports');
SELECT is(budget.funding('7,979,230', '1,000', '천원')::text, '(79.7923억,0.01억,79.8023억)',
		  'funding(text, text, unit) reads numbers as spreadsheets write them');
SELECT throws_ok($$SELECT budget.plain_number('7,97,230')$$, '22P02', 'invalid amount number: "7,97,230"',
				 'plain_number refuses commas out of threes');
CREATE TABLE budget.line (t text, amount budget.funding);
INSERT INTO budget.line VALUES ('(1억,1억)', '(1억,1억)');
CREATE INDEX line_read ON budget.line ((t::budget.funding));
RESET ROLE;
SELECT is((SELECT string_agg(kind || ' ' || object, '; ') FROM budget.funding_input_dependents()),
		  'index budget.line_read', 'funding_input_dependents() names an index over text read as funding');
SELECT lives_ok($$ALTER EXTENSION funding SET SCHEMA public$$, 'funding is relocatable …');
SELECT is((SELECT sum(amount)::text FROM budget.line), '(1억,1억,2억)', '… and works where it went, the table''s column with it');
SELECT is((SELECT count(*)::int FROM pg_proc WHERE pronamespace = 'budget'::regnamespace), 0, '… nothing of it left behind');

-- regionpolicy uses funding in its own schema: one that nothing uses yet
-- is moved there, one that something uses is not
SELECT throws_ok($$CREATE EXTENSION regionpolicy$$, '55006', NULL,
				 'regionpolicy refuses a funding that objects of yours use in another schema (55006) …');
SELECT is((SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'funding'), 'public', '… and leaves it there');
DROP TABLE budget.line;
SELECT lives_ok($$CREATE EXTENSION regionpolicy$$, 'with nothing using it, funding is moved …');
SELECT is((SELECT string_agg(extname || ' ' || extnamespace::regnamespace::text, ', ' ORDER BY extname) FROM pg_extension
		   WHERE extname IN ('funding', 'regionpolicy')),
		  'funding regionpolicy, regionpolicy regionpolicy', '… into regionpolicy''s schema');
SELECT is((SELECT count(*)::int FROM pg_depend d JOIN pg_extension e ON e.oid = d.objid AND e.extname = 'regionpolicy'
		   JOIN pg_extension f ON f.oid = d.refobjid AND f.extname = 'funding'
		   WHERE d.classid = 'pg_extension'::regclass AND d.refclassid = 'pg_extension'::regclass), 1,
		  'regionpolicy depends on funding');
SELECT throws_ok($$DROP EXTENSION funding$$, '2BP01', NULL, 'funding cannot be dropped from under regionpolicy');

-- Each library only what is its own: the type's functions name funding,
-- the schema's regionpolicy
SELECT is((SELECT array_agg(DISTINCT e.extname || ':' || p.probin ORDER BY e.extname || ':' || p.probin)
		   FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
		   JOIN pg_extension e ON e.oid = d.refobjid
		   WHERE p.probin IS NOT NULL AND e.extname IN ('funding', 'regionpolicy')),
		  ARRAY['funding:$libdir/funding', 'regionpolicy:$libdir/regionpolicy'],
		  'the type''s C functions are in the funding library, the schema''s in regionpolicy''s');
SELECT is((SELECT count(*)::int FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
		   JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'regionpolicy'
		   WHERE p.prosrc LIKE 'funding\_%' AND p.probin IS NOT NULL), 0,
		  'regionpolicy has no C function of the type');

SELECT * FROM finish();
ROLLBACK;
