-- A dashboard without hand-written SQL: every view and set-returning
-- function that carries money has plain won and exact 억 columns; one
-- family of accessors, Korean among them; Korean labels and explanations,
-- English on request; the long format for stacked charts.
-- doc/regionpolicy.md, "BI tools and spreadsheets".
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION regionpolicy CASCADE;
SET LOCAL search_path = regionpolicy, public;
SET LOCAL client_min_messages = warning;
SELECT plan(20);

-- every output column of the schema's views and set-returning functions
CREATE TEMP VIEW outputs AS
SELECT 'view ' || c.relname AS object, a.attname::text AS col, a.atttypid AS typ
FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE c.relnamespace = 'regionpolicy'::regnamespace AND c.relkind = 'v'
UNION ALL
SELECT 'function ' || p.oid::regprocedure::text, x.name, x.typ
FROM pg_proc p
	 CROSS JOIN LATERAL unnest(p.proallargtypes, p.proargmodes, p.proargnames) AS x(typ, mode, name)
WHERE p.pronamespace = 'regionpolicy'::regnamespace AND p.proretset AND x.mode IN ('o', 't', 'b')
UNION ALL	-- a function returning rows of a composite type: that type's columns
SELECT 'function ' || p.oid::regprocedure::text, a.attname::text, a.atttypid
FROM pg_proc p
	 JOIN pg_type t ON t.oid = p.prorettype AND t.typrelid <> 0
	 JOIN pg_attribute a ON a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped
WHERE p.pronamespace = 'regionpolicy'::regnamespace AND p.proretset AND p.proallargtypes IS NULL;
-- a funding column c comes with c_national, c_local, c_total (bigint) and
-- c_national_eok, c_local_eok, c_total_eok (numeric); for "amount", without
-- the prefix
SELECT is((SELECT array_agg(DISTINCT o.object || '.' || o.col ORDER BY o.object || '.' || o.col)
		   FROM outputs o
				CROSS JOIN LATERAL (SELECT CASE WHEN o.col = 'amount' THEN '' ELSE o.col || '_' END AS p) x
				CROSS JOIN LATERAL unnest(ARRAY['national', 'local', 'total']) AS part
		   WHERE o.typ = 'regionpolicy.funding'::regtype
			 AND (NOT EXISTS (SELECT 1 FROM outputs b WHERE b.object = o.object AND b.col = x.p || part AND b.typ = 'int8'::regtype)
				  OR NOT EXISTS (SELECT 1 FROM outputs b WHERE b.object = o.object AND b.col = x.p || part || '_eok' AND b.typ = 'numeric'::regtype))),
		  NULL, 'every funding column of a view or set-returning function has plain won (bigint) and exact 억 (numeric) columns beside it');
SELECT cmp_ok((SELECT count(DISTINCT object) FROM outputs WHERE typ = 'regionpolicy.funding'::regtype), '>=', 10::bigint,
			  '… the check covers every report (views and functions with money)');
-- narrow summaries for a terminal: a few columns, 억
SELECT is((SELECT max(n) FROM (SELECT count(*) AS n FROM pg_attribute a
							   WHERE a.attrelid IN ('region_summary'::regclass, 'ministry_summary'::regclass,
													 'municipality_summary'::regclass, 'award_summary'::regclass)
								 AND a.attnum > 0 GROUP BY a.attrelid) x), 8::bigint,
		  'the summary views are at most eight columns wide');
-- every column of every view has a description, which BI tools show
SELECT is((SELECT array_agg(c.relname || '.' || a.attname ORDER BY c.relname, a.attname)
		   FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
		   WHERE c.relnamespace = 'regionpolicy'::regnamespace AND c.relkind = 'v' AND col_description(c.oid, a.attnum) IS NULL),
		  NULL, 'every column of every view has a COMMENT');
SELECT is(col_description('regionpolicy.region_totals'::regclass, 7), '국비 (national funds), won (bigint, exact)',
		  '… region_totals.national: 국비, in won');
-- every won column is bigint: by name (a part of funding, won, a pool, a
-- cap, a company's share, what is over budget) and, the other way, every
-- numeric column is a share, a score, a coefficient, a weight or 억
SELECT is((SELECT array_agg(o.object || '.' || o.col || ' ' || format_type(o.typ, NULL) ORDER BY o.object, o.col)
		   FROM outputs o
		   WHERE (o.col ~ '^(national|local|total|other|won|won_limit|pool|unit|annual_cap|private_cash|private_in_kind|over_budget)$'
				  OR o.col ~ '_(national|local|total|won)$')
			 AND o.typ <> 'int8'::regtype
			 AND o.object NOT IN ('view allocation_entry', 'view award_entry')),	-- they take text, to load
		  NULL, 'every won column of every view and set-returning function is bigint');
SELECT is((SELECT array_agg(DISTINCT o.object || '.' || o.col ORDER BY o.object || '.' || o.col)
		   FROM outputs o
		   WHERE o.typ = 'numeric'::regtype
			 AND o.col !~ '(_eok|^eok|share|share_limit|score|coefficient|weight|ratio|quantity)$'
			 AND o.col NOT IN ('국비', '지방비', '합계', '기타', '지원금', '예산')
			 AND o.col !~ '^(score|self_score|min_score|coefficient|weight|grant_share|government_share|noncompliant_coefficient)'),
		  NULL, '… and every numeric column is 억, a share, a score, a coefficient or a weight, never won');

-- one family of accessors, callable unquoted, in Korean too
SELECT is(ARRAY[national_won('(929억,433억)'), local_won('(929억,433억)'), total_won('(929억,433억)'),
				국비('(929억,433억)'), 지방비('(929억,433억)'), 합계('(929억,433억)')],
		  ARRAY[92900000000, 43300000000, 136200000000, 92900000000, 43300000000, 136200000000]::bigint[],
		  'national_won, local_won, total_won, 국비, 지방비, 합계');

-- Korean labels beside the codes
INSERT INTO program (id, ministry, fiscal_year, name_ko) VALUES (1000, 'MOTIE', 2024, '지역혁신협력지구'), (1001, 'MSS', 2024, '지역주력산업 R&D');
INSERT INTO allocation (program_id, province_code, fiscal_year, amount, phase) VALUES
	(1000, '48', 2024, '(100억,50억)', 'planned'), (1001, '48', 2024, '(10억,0)', 'executed');
INSERT INTO allocation (program_id, province_code, fiscal_year, amount, phase, other) VALUES
	(1000, '26', 2024, '(30억,20억)', 'planned', 500000000);
SELECT is((SELECT array_agg(DISTINCT phase || '=' || phase_ko ORDER BY phase || '=' || phase_ko) FROM region_totals),
		  ARRAY['executed=집행', 'planned=계획'], 'phase_ko: 계획, 확정, 추경, 집행');
SELECT is((SELECT array_agg(DISTINCT ministry || '=' || ministry_ko ORDER BY ministry || '=' || ministry_ko) FROM ministry_totals),
		  ARRAY['MOTIE=산업통상자원부', 'MSS=중소벤처기업부'], 'ministry_ko: 산업통상자원부, 중소벤처기업부');
SELECT is((SELECT array_agg(DISTINCT phase_ko) FROM region_totals_as_of('2024-06-30') WHERE phase = 'planned'), ARRAY['계획'],
		  'region_totals_as_of has the label too');

-- the long format: one row per part, the same won
SELECT is((SELECT array_agg(format('%s %s %s %s', short_ko, phase_ko, part_ko, eok) ORDER BY fiscal_year, sort_order, phase, part_order)
		   FROM region_totals_long WHERE fiscal_year = 2024),
		  ARRAY['부산 계획 국비 30', '부산 계획 지방비 20', '부산 계획 기타 5', '경남 집행 국비 10', '경남 집행 지방비 0', '경남 집행 기타 0',
				'경남 계획 국비 100', '경남 계획 지방비 50', '경남 계획 기타 0'],
		  'region_totals_long: a row per province, phase and part (국비, 지방비, 기타), in sort_order');
SELECT is((SELECT sum(won) FROM region_totals_long), (SELECT sum(total + other)::numeric FROM region_totals),
		  '… and the parts add up to the totals and the other money');
SELECT is((SELECT format('%s %s %s', total, other, 합계) FROM region_totals JOIN region_summary ON 연도 = fiscal_year AND 시도 = short_ko AND 단계 = phase_ko
		   WHERE short_ko = '부산' AND fiscal_year = 2024), '5000000000 500000000 50',
		  'the other money is beside the total, never in it (region_totals, region_summary)');

-- explanations in Korean by default, English on request
INSERT INTO cluster_diagnosis VALUES (1, 2024, 2, 50, false, false);
SELECT is((SELECT refusal FROM cluster_stages WHERE cluster_id = 1 AND fiscal_year = 2024),
		  '자가진단 점수 50점이 기준 70점에 못 미침; R&D를 기획·평가·관리할 전담 조직 없음', 'a stage-2 refusal is explained in Korean …');
SELECT is((SELECT problem FROM cluster_compliance WHERE cluster_id = 1 AND fiscal_year = 2024),
		  '모든 단계가 운영해야 하는 인력양성 프로그램 없음', '… and so is a missing programme');
SET LOCAL regionpolicy.language = 'en';
SELECT is((SELECT refusal FROM cluster_stages WHERE cluster_id = 1 AND fiscal_year = 2024),
		  'self-diagnosis score 50 is below 70; no body to plan, evaluate and manage R&D', '… in English under regionpolicy.language = en');
SELECT is(slip_text('local', 45900000000, 4600000000), 'local 459억 looks like 45.9억 with a digit too many (the parent needs 46억)',
		  'likely slips in English …');
RESET regionpolicy.language;
SELECT is(slip_text('local', 45900000000, 4600000000), '지방비 459억: 자릿수가 하나 많은 45.9억으로 보임 (상위 사업에 필요한 값 46억)',
		  '… and in Korean');
SELECT throws_ok($$SET regionpolicy.language = 'fr'$$, '22023', NULL, 'only ko and en');
SELECT * FROM finish();
ROLLBACK;
