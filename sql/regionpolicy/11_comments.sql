-- 2.0.0: a description of every column of every view
-- ============================================================================
-- 11. Descriptions of the views' columns
-- ============================================================================

-- BI tools show a column's COMMENT as its description ("BI tools and
-- spreadsheets").  Every column of every view of the schema gets one, by
-- its name: the same name means the same thing in every view.  A column a
-- later version adds without a description here fails test/37_bi.sql.
DO $comments$
DECLARE
	c record;
	part text;
	what text;
	description text;
BEGIN
	FOR c IN
		SELECT v.oid::pg_catalog.regclass AS view, a.attname::text AS col
		  FROM pg_catalog.pg_class v
		  JOIN pg_catalog.pg_attribute a ON a.attrelid = v.oid AND a.attnum > 0 AND NOT a.attisdropped
		 WHERE v.relnamespace = '@extschema@'::pg_catalog.regnamespace AND v.relkind = 'v'
		   AND pg_catalog.col_description(v.oid, a.attnum) IS NULL
	LOOP
		description := CASE c.col
			WHEN 'fiscal_year' THEN '회계연도 (fiscal year)'
			WHEN 'province_code' THEN '시·도 코드 (행정표준코드); NULL: no single province'
			WHEN 'province' THEN '시·도 (as written in the load)'
			WHEN 'province_name' THEN '시·도 이름 (full name)'
			WHEN 'province_name_ko' THEN '시·도 이름 (full name)'
			WHEN 'province_short' THEN '시·도 약칭 (short name)'
			WHEN 'province_short_ko' THEN '시·도 약칭 (short name)'
			WHEN 'short_ko' THEN '약칭 (short name)'
			WHEN 'name_ko' THEN '이름 (name)'
			WHEN 'sort_order' THEN 'order of Korean statistics (sort by it)'
			WHEN 'phase' THEN 'budget phase: planned, approved, adjusted, executed (never add phases together)'
			WHEN 'phase_ko' THEN '예산 단계 (계획, 확정, 추경, 집행), always Korean'
			WHEN 'ministry' THEN 'ministry code: MSS, MOTIE'
			WHEN 'ministry_ko' THEN '부처 (ministry), always Korean'
			WHEN 'program_id' THEN '사업 id (programme)'
			WHEN 'program' THEN '사업 (programme, as written in the load)'
			WHEN 'program_name_ko' THEN '사업명 (programme name)'
			WHEN 'municipality_code' THEN '시·군·구 코드'
			WHEN 'municipality' THEN '시·군·구 (as written in the load)'
			WHEN 'cluster_id' THEN '지역혁신협력지구 id (cluster)'
			WHEN 'cluster_name_ko' THEN '지역혁신협력지구 이름 (cluster name)'
			WHEN 'amount' THEN 'funding: 국비 and 지방비 (display; use the bigint columns in tools)'
			WHEN 'won' THEN 'won, exact (bigint)'
			WHEN 'eok' THEN '억원, exact decimal (display: most tools read it as a float)'
			WHEN 'part' THEN 'national, local or other'
			WHEN 'part_ko' THEN '국비, 지방비 or 기타'
			WHEN 'part_order' THEN '1 국비, 2 지방비, 3 기타 (stack in this order)'
			WHEN 'other' THEN '기타 (other money: neither 국비 nor 지방비; funds, 민자, bonds, own share), won (bigint, exact)'
			WHEN 'other_eok' THEN '기타 (other money), 억원, exact decimal (display)'
			WHEN '기타' THEN '기타 (other money, outside 합계), 억원'
			WHEN 'reference' THEN 'the line''s or award''s own reference (사업번호, 과제번호)'
			WHEN 'note' THEN 'note'
			WHEN 'pool' THEN 'the national pool of the fiscal year, won (bigint)'
			WHEN 'pool_eok' THEN 'the national pool, 억원'
			WHEN 'unit' THEN 'shares are whole multiples of this many won'
			WHEN 'stage' THEN '단계 (1 or 2)'
			WHEN 'score' THEN '성과평가 점수 (0 to 100)'
			WHEN 'grade' THEN '등급 (grade)'
			WHEN 'coefficient' THEN 'the grade''s funding coefficient'
			WHEN 'weight' THEN 'the cluster''s weight in the split'
			WHEN 'compliant' THEN 'runs every mandatory programme'
			WHEN 'problems' THEN 'what is missing, Korean or English (regionpolicy.language)'
			WHEN 'problem' THEN 'what is missing, Korean or English (regionpolicy.language)'
			WHEN 'explanation' THEN 'the rule broken, in a sentence (Korean or English)'
			WHEN 'likely_slip' THEN 'a figure that looks like a slip of the needed one (Korean or English)'
			WHEN 'refusal' THEN 'why stage 2 was refused (Korean or English)'
			ELSE NULL END;
		IF description IS NULL THEN
			-- money: [prefix_](national|local|total)[_eok]
			part := substring(c.col FROM '(national|local|total)(_eok)?$');
			IF part IS NOT NULL THEN
				what := pg_catalog.replace(substring(c.col FROM '^(.*?)_?(national|local|total)(_eok)?$'), '_', ' ');
				description := CASE part WHEN 'national' THEN '국비 (national funds)' WHEN 'local' THEN '지방비 (local funds)'
										  ELSE '합계 (total)' END
							   || CASE WHEN what <> '' THEN ', ' || what ELSE '' END
							   || CASE WHEN c.col LIKE '%\_eok' THEN ', 억원, exact decimal (display)' ELSE ', won (bigint, exact)' END;
			ELSE
				description := pg_catalog.replace(c.col, '_', ' ');
			END IF;
		END IF;
		EXECUTE pg_catalog.format('COMMENT ON COLUMN %s.%I IS %L', c.view, c.col, description);
	END LOOP;
END
$comments$;
-- end of 2.0.0
