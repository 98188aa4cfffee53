-- Text input of funding: every form, unit and key of doc/regionpolicy.md, "Input", and every
-- way of getting it wrong, each with its SQLSTATE.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION regionpolicy CASCADE;
SET LOCAL search_path = regionpolicy, public;

CREATE TEMP TABLE accepted (input text, national bigint, local bigint);
INSERT INTO accepted VALUES
	-- the documented seven spellings of 929억 + 433억
	('(929억,433억)', 92900000000, 43300000000),
	('(929억, 433억, 1362억)', 92900000000, 43300000000),
	('(92900000000,43300000000)', 92900000000, 43300000000),
	('국비 929억원, 지방비 433억원', 92900000000, 43300000000),
	('총 1,362억원(국비 929억원, 지방비 433억원)', 92900000000, 43300000000),
	('(국비 929억, 지방비 433억)', 92900000000, 43300000000),
	('national=929억 local=433억', 92900000000, 43300000000),
	-- Korean amounts
	('(1조 2천억원, 0)', 1200000000000, 0),
	('(65조 2000억, 0)', 65200000000000, 0),
	('(65.2조, 0)', 65200000000000, 0),
	('(1억 2345만 6789원, 0)', 123456789, 0),
	('(5천원, 3만)', 5000, 30000),
	('(2백만원, 0)', 2000000, 0),
	('(2천억, 3천5백만원)', 200000000000, 35000000),
	('(천원, 백만원)', 1000, 1000000),
	('(1천2백3십4원, 3십)', 1234, 30),
	('(259.1억, 0, 259.1억)', 25910000000, 0),
	('(1.00000000억, 0.000000010억)', 100000000, 1),
	('(1억원, 2억 원)', 100000000, 200000000),
	('(929 억, 1원)', 92900000000, 1),
	('(만원, 억)', 10000, 100000000),
	-- grammar version 2: the remainder after a sub-unit, local levels add up,
	-- a key may touch its amount
	('(2천5,0)', 2005, 0),
	('시비 1, 도비 2', 0, 3),
	('국비1억', 100000000, 0),
	('(5000천원, 0)', 5000000, 0),
	('(-1억, △2억)', -100000000, -200000000),
	-- △ and a space, as a 결산 table prints a decrease
	('국비 △ 62,937,790원', -62937790, 0), ('(△ 5억, △　3억)', -500000000, -300000000),
	('총 △ 8억(국비 △ 5억, 도비 △3억)', -500000000, -300000000),
	('(-5, 5)', -5, 5),
	('(0,0)', 0, 0),
	('(-0, 0, -0)', 0, 0),
	('  ( 1 , 2 )  ', 1, 2),
	('(9223372036854775807,0)', 9223372036854775807, 0),
	('(-9223372036854775808,0)', -9223372036854775808, 0),
	('(9223372036854775807,-9223372036854775808)', 9223372036854775807, -9223372036854775808),
	('(0, -9223372036854775808, -9223372036854775808)', 0, -9223372036854775808),
	('(9223372조 368억 5477만 5807원, -1)', 9223372036854775807, -1),
	-- English, as ministries' English releases and wire services write it
	('national KRW 4.2 trillion', 4200000000000, 0), ('국비 184.6 billion won', 184600000000, 0),
	('(92.9 billion won, 43.3 billion won)', 92900000000, 43300000000),
	('national 92.9 billion won, local 43.3 billion won', 92900000000, 43300000000),
	('national 2.4 trillion won (US$1.8 billion)', 2400000000000, 0), ('지방비 52.9 trillion-won', 0, 52900000000000),
	('national 61-point-eight trillion won', 61800000000000, 0),
	('national 388-and-a-half trillion won', 388500000000000, 0),
	('national KRW 61-point-eight-five trillion', 61850000000000, 0),
	('national 4 trillion and 600 billion won', 4600000000000, 0),
	('national four trillion and six hundred billion won', 4600000000000, 0),
	('local 1 trillion 200 billion won', 0, 1200000000000),
	-- a spaced compound key
	('총 사업비 612억원(국비 306억원·지방비 306억원)', 30600000000, 30600000000),
	-- parts with no unit in a total of 백만원 or 천원 take that unit
	('총사업비 516백만원(국비 360, 도비 48, 군비 108)', 360000000, 156000000),
	('사업비 5,160천원(국비 3,600, 지방비 1,560)', 3600000, 1560000),
	-- a currency mark names won: ₩2 is 2 won, not 2 of the total's unit
	('총 3억 2원(국비 ₩2, 지방비 3억원)', 2, 300000000),
	('총 3억 2원(국비 \2, 지방비 300000000)', 2, 300000000),
	-- shares of the total in percent
	('사업비 150억원(국비 70%, 지방비 30%)', 10500000000, 4500000000),
	('총 100억원(국비 50%, 도비 25%, 시비 25%)', 5000000000, 5000000000),
	('사업비 150억원(국비 70.5 %, 지방비 29.5％)', 10575000000, 4425000000),
	('사업비 150억원(국비 70%, 지방비 30%(도비 20%, 시비 10%))', 10500000000, 4500000000),
	-- sentence joins and 각각
	('국비 873억원과 도비 112억원을 포함한 총 985억원', 87300000000, 11200000000),
	('국비 540억원, 도비 60억원을 포함해 총사업비 600억원', 54000000000, 6000000000),
	('국비 540억원과 도비 60억원을 포함한 600억원', 54000000000, 6000000000),
	('국비 100억원에 도비 50억원을 더한 총 150억원', 10000000000, 5000000000),
	('도·군비 각각 3억원', 0, 600000000),
	('국비 5억원, 도·군비 각각 3억원', 500000000, 600000000),
	('총 11억원(국비 5억원, 도·군비 각각 3억원)', 500000000, 600000000),
	-- separate keys of cities and counties are read in turn
	('시비와 군비는 각각 2억원과 1억원', 0, 300000000),
	('국비·시비·군비 각각 3억·2억·1억', 300000000, 300000000),
	-- a particle fits its key: 국비는, 총액은; in 국비이 억원, 이 is two
	('국비이 억원', 200000000, 0), ('국비는 2억원, 지방비가 1억원', 200000000, 100000000),
	('총액은 3억원(국비 2억원, 지방비 1억원)', 200000000, 100000000),
	-- a conversion is skipped only when it is a figure alone
	('국비 5억원(US$370,000), 도비 3억원', 500000000, 300000000),
	('national 2.4 trillion won (US$1.8 billion), local 1 trillion won', 2400000000000, 1000000000000),
	-- the backslash won mark wherever an amount may start
	('(\5000원,\3원)', 5000, 3), ('국비\5원, 지방비 3원', 5, 3),
	('국비와 지방비 각각 ₩1원과 \700000000원', 1, 700000000),
	-- a unitless part beside ones with units takes a total's unit
	('총 8억원(국비·도비 각각 5·3억)', 500000000, 300000000),
	-- with units of won alone a bare amount is won
	('국비 5, 지방비 3원', 5, 3), ('총 8000원(국비 5000, 지방비 3000)', 5000, 3000),
	('총 KRW 8(국비 5, 지방비 3)', 5, 3), ('(5원,3)', 5, 3), ('(0,3억)', 0, 300000000),
	('국비·지방비 각각 3억원', 300000000, 300000000),
	('국비와 지방비 각각 3억원 총 6억원', 300000000, 300000000),
	('국비와 도비는 각각 22억원과 5억원', 2200000000, 500000000),
	('국비와 도비 각 22억원, 5억원', 2200000000, 500000000),
	-- English splits and keys
	('149.4 billion won in national funding and 60.8 billion won in provincial funding', 149400000000, 60800000000),
	('1 billion won in national funding, 2 billion won in provincial funding and 3 billion won in city funding', 1000000000, 5000000000),
	('149.4 billion won in national funding', 149400000000, 0),
	('central government 1 billion won, local governments 0.5 billion won', 1000000000, 500000000),
	('Central Government 1억, Local Government 2억', 100000000, 200000000),
	('national 1억, provincial 2억, city 3억', 100000000, 500000000),
	('national one-point-six trillion won', 1600000000000, 0),
	('national One-hundred-trillion won', 100000000000000, 0),
	('national three hundred and five billion won', 305000000000, 0),
	('national three-point-83 trillion won', 3830000000000, 0),
	('national eleven-point-seven-trillion-won', 11700000000000, 0),
	('national 250-thousand won', 250000, 0),
	('national one-point-914 quadrillion won', 1914000000000000, 0),
	-- the compound form COPY loads (read by a short path; the same values)
	('국비 791만 9000원, 지방비 1억 472만 9000원', 7919000, 104729000),
	('국비 9999조 9999억 9999만 9999원, 지방비 1원', 9999999999999999, 1),
	('국비 1조 9000원, 지방비 7542598000원', 1000000009000, 7542598000),
	('국비 75억 4259만 8000원, 지방비 25억원', 7542598000, 2500000000),
	('국비 5억 원, 지방비 3억원', 500000000, 300000000),
	('국비 12345억원, 지방비 1억', 1234500000000, 100000000),
	-- Hanja units, the backslash won mark, an amount written twice
	('국비 5兆328億', 5032800000000, 0), ('국비 \45,300,000원', 45300000, 0), ('국비 금 이천만원정(₩20,000,000)', 20000000, 0),
	-- a total whose given parts are all of it: nothing is derived
	('총사업비 20억원(도비 6억원, 군비 14억원)', 0, 2000000000), ('총 10억원(국비 10억원)', 1000000000, 0),
	('총 8억원(시비 5억원, 구비 3억원)', 0, 800000000), ('국비 7억 원(총사업비 7억 원)', 700000000, 0),
	('총 10억원(지방비 10억원(도비 4억원, 시비 6억원))', 0, 1000000000), ('local 7 total 7', 0, 7),
	('총사업비 516백만원(도비 216, 군비 300)', 0, 516000000), ('총 10억원(국비 10)', 1000000000, 0),
	-- keyed forms
	('국비 1207억', 120700000000, 0),
	('지방비 433억', 0, 43300000000),
	('총 4,232억원(국비 2,854억원, 지방비 1,378억원)', 285400000000, 137800000000),
	('총 6,418억원(국비 3,759억원, 지방비 등 2,659억원)', 375900000000, 265900000000),
	('2,864억원(정부 2,049억원, 지방비 815억원)', 204900000000, 81500000000),
	('국고 1억, 시비 2억', 100000000, 200000000),
	('국비 1억, 도비 2억', 100000000, 200000000),
	('국비 1억, 시도비 2억', 100000000, 200000000),
	('국비 1억, 시·도비 2억', 100000000, 200000000),
	('국비 1억, 시ㆍ도비 2억', 100000000, 200000000),
	('국비 1억, 군비 2억', 100000000, 200000000),
	('국비 1억, 구비 2억', 100000000, 200000000),
	('국비 1억·지방비 2억', 100000000, 200000000),
	('국비 1억ㆍ지방비 2억', 100000000, 200000000),
	('국비:1억;지방비:2억', 100000000, 200000000),
	('국비 = 1억 지방비 = 2억', 100000000, 200000000),
	('National=1,LOCAL=2', 1, 2),
	('((((국비 1))))', 1, 0),
	('총 3억 (국비 1억, (지방비 2억))', 100000000, 200000000),
	('총 3억, (국비 1억, 지방비 2억)', 100000000, 200000000),
	('국비 1,234,567원', 1234567, 0),
	('국비 12345,678', 12345678, 0),
	('국비 5,000천원', 5000000, 0),
	-- a zero count of a unit is zero, as a 천원 or 백만원 table's zero cell reads
	('국비 0천원', 0, 0), ('국비 0백만원, 지방비 5백만원', 0, 5000000), ('(0천,0)', 0, 0),
	('국비 7,979,230천원, 시도비 0천원', 7979230000, 0), ('국비 0억원, 도비 3억원', 0, 300000000),
	-- Hangul numerals after a myriad unit: more than one syllable, or with 원
	('국비 5억이천만원', 520000000, 0), ('국비 일억이천삼백만원', 123000000, 0),
	('국비 오억이원, 지방비 3억', 500000002, 300000000), ('국비 5억이 원', 500000002, 0),
	('국비 5억 2', 500000002, 0), ('(5억이천원, 0)', 500002000, 0),
	(E'국비\u00a01억,\u3000지방비\t2억\n', 100000000, 200000000),
	-- budget tables' 천원 and 백만원 columns as a keyed pair, and the display
	-- unit korean's output read back (the short paths COPY takes)
	('국비 7,542,598천원, 지방비 8,259,914천원', 7542598000, 8259914000),
	('국비 0천원, 지방비 433,000천원', 0, 433000000), ('국비 07천원, 지방비 1천원', 7000, 1000),
	('국비 1,234백만원, 지방비 5백만원', 1234000000, 5000000),
	('국비 1,306억원, 지방비 1만원', 130600000000, 10000), ('국비 7,542,598,000원, 지방비 1원', 7542598000, 1),
	('국비 1234,567천원, 지방비 1천원', 1234567000, 1000),
	('국비 9,223,372,036,854,775,807원, 지방비 0원', 9223372036854775807, 0),
	('(75억 4259만 8000원,82억 5991만 4000원,158억 251만 2000원)', 7542598000, 8259914000),
	('(75억 4259만,82억)', 7542590000, 8200000000), ('(75억 4259만 8000원,3)', 7542598000, 3),
	('(1조 2억,0)', 1000200000000, 0), ('(5억원,3억)', 500000000, 300000000),
	-- korean's output of amounts below 1억, of cuts, of zero and of whole 억
	('(791만 9000원,1억 472만 9000원,1억 1264만 8000원)', 7919000, 104729000),
	('(7919만,10억 4729만,11억 2648만)', 79190000, 1047290000),
	('(-7919만,-1억,-1억 7919만)', -79190000, -100000000), ('(-5원,5원,0원)', -5, 5),
	('(0원,3억 2000만,3억 2000만)', 0, 320000000), ('(929억원,433억원,1362억원)', 92900000000, 43300000000),
	('(3원,5억)', 3, 500000000), ('국비 -5억원, 지방비 0원', -500000000, 0);

-- Rejected: malformed text, unknown unit or key, duplicate key, fraction of a won [22P02].
CREATE TEMP TABLE rejected (input text, code text);
INSERT INTO rejected VALUES
	-- the short paths leave these to the general reader, which refuses them
	('국비 7,54,598천원, 지방비 1천원', '22P02'), ('국비 1,0000천원, 지방비 1천원', '22P02'),
	('국비 9,223,372,036,854,775,808원, 지방비 0원', '22003'),
	('국비 9,223,372,036,854,775천원, 지방비 1천원', '22003'),
	('(5000만원,3)', '22P02'), ('(5억 1000만,3)', '22P02'), ('(1조원,1)', '22P02'),
	('(75억 4259만 8000원,82억 5991만 4000원,158억 251만 2001원)', '22P02'), ('(1억 12345만,1억)', '22P02'),
	-- English needs its currency; another currency alone is no amount of won
	('national 4.2 trillion', '22P02'), ('national $350 billion', '22P02'), ('national US$940 million', '22P02'),
	('national 1.2345678901 billion won', '22P02'),
	-- an amount written twice must agree, to the won, and in sign
	('국비 금 이천만원정(₩20,000,001)', '22P02'), ('국비 △9223372036854775808(0)', '22P02'),
	('national 61-point-eight won', '22P02'), ('national 1 billion 2 trillion won', '22P02'),
	('national 1 trillion 2000 billion won', '22P02'), ('national 4.5 trillion and 600 billion won', '22P02'),
	('national 4 trillion and 600 won', '22P02'), ('national 4 trillion and six-point-five billion won', '22P02'),
	-- 백만원 and 천원 parts must still add up; 3천5백만원 is a number, not a unit
	('총사업비 516백만원(국비 360, 지방비 100)', '22P02'), ('총 3천5백만원(국비 3, 지방비 2)', '22P02'),
	('총 5억원(국비 ₩3, 지방비 2억원)', '22P02'), ('총 5억원(국비 KRW 3, 지방비 2)', '22P02'),
	-- shares: all parts, both sides, 100%, whole won, of an exact total
	('사업비 150억원(국비 70%, 지방비 20%)', '22P02'), ('사업비 150억원(국비 70%)', '22P02'),
	('국비 70%, 지방비 30%', '22P02'), ('사업비 150억원(국비 70%, 지방비 45억원)', '22P02'),
	('사업비 1원(국비 50%, 지방비 50%)', '22P02'), ('약 150억원(국비 70%, 지방비 30%)', '22P02'),
	('사업비 150억원(국비 70%, 지방비 30%(도비 20%, 시비 20%))', '22P02'),
	('사업비 -150억원(국비 70%, 지방비 30%)', '22P02'), ('사업비 150억원(국비 1000%, 지방비 -900%)', '22P02'),
	-- joins and 각각 with no single reading
	('국비 540억원과 도비 60억원을 포함한 총 700억원', '22P02'), ('국비 540억원을 포함한 총 600억원', '22P02'),
	('국비 540억원과 도비 60억원을 포함한 지방비 600억원', '22P02'), ('국비 540억원을 포함한', '22P02'),
	('시·군비 각각 3억원', '22P02'), ('도·시·군비 각각 3억원', '22P02'), ('도비 각각 3억원', '22P02'),
	('시·도비 각각 3억원', '22P02'), ('시도비 각각 3억원', '22P02'), ('국비·시·도비 각각 3억원', '22P02'),
	-- a level's own unit is kept when another level takes the total's
	('총 10억원(국비 5, 도비 3, 시비 2원)', '22P02'), ('총사업비 516백만원(국비 360, 도비 48, 군비 108원)', '22P02'),
	('총 516백만원(국비 360, 지방비 156(도비 48, 군비 108원))', '22P02'),
	('total 2 billion won (national 1, provincial 1 won, city 0)', '22P02'),
	-- an amount with no unit beside one with a unit: 5 won, or 5억?
	('국비·도비 각각 5·3억원', '22P02'), ('국비와 도비는 각각 2천과 1천만원', '22P02'),
	('국비와 도비는 각각 이·일억원', '22P02'), ('국비 5, 도비 3억원', '22P02'),
	('국비 5억원과 지방비 3천', '22P02'), ('국비 12억, 지방비 5백', '22P02'),
	-- a conversion that is not a figure alone is not skipped
	('국비 5억원(US$370,000, 도비 3억원)', '22P02'), ('국비 5억원, 도비 3억원($220,000, 시비 1억원)', '22P02'),
	-- 국비 등: national and others
	('국비 등 10억원', '22P02'),
	-- a bare amount beside one in a unit above 원, whatever its size
	('국비 12,000, 지방비 3,000억원', '22P02'), ('국비 36,000, 지방비 15,600백만원', '22P02'),
	('국비 36,000, 지방비 15,600천원', '22P02'), ('national 12,000, local 3,000 billion won', '22P02'),
	('국비와 도비는 각각 12,000과 3,000만원', '22P02'), ('국비 △12000, 지방비 3억원', '22P02'),
	('(5억,3)', '22P02'), ('(5,3억)', '22P02'), ('(오, 3억)', '22P02'), ('(12000억, 3000)', '22P02'),
	('(1억 2345만, 6789)', '22P02'),
	-- ... and a total that agrees with one reading does not make it the only one
	('(5억,3원,500000003)', '22P02'), ('(5억 3000만원,3,5억 3000만 3원)', '22P02'),
	-- a key with a unit and no number: a blank or "-" cell joined to its unit
	('국비 천원', '22P02'), ('시도비 -천원', '22P02'), ('국비 백만원', '22P02'), ('국비 억원', '22P02'),
	('시도비 천원, 국비 5천원', '22P02'), ('국비 원', '22P02'), ('지방비 △백만원', '22P02'),
	('국비 5천원, 시도비 -천원', '22P02'), ('총 천원(국비 천원, 지방비 0천원)', '22P02'),
	('도·군비 각각 천원', '22P02'), ('국비는 억 원, 지방비는 억 원', '22P02'),
	-- one Hangul numeral after a myriad unit with no 원: a particle or a digit?
	('국비 5억이', '22P02'), ('국비 5억구', '22P02'), ('국비 5억이 투입된다', '22P02'),
	('국비 5억이, 지방비 3억이', '22P02'), ('국비 12억 5천만이', '22P02'), ('지방비 3만사', '22P02'),
	('(5억이,0)', '22P02'), ('(1조 오, 0)', '22P02'), ('국비 오억이', '22P02'), ('국비 5억이상', '22P02'),
	-- one decrease mark; a "-" apart from its number may be a dash
	('국비 △ △5', '22P02'), ('(△ △5,0)', '22P02'), ('(△ -5,0)', '22P02'), ('국비 - 5억', '22P02'),
	-- one local government's share written two ways is the same key twice
	('국비 1억원, 시·도비 1억원, 시도비 2억원', '22P02'), ('시ㆍ군비 1억, 시·군비 1억', '22P02'),
	('국비 1억, 시·군·구비 1억, 시군구비 1억', '22P02'),
	('국비와 도비는 각각 22억원과 5억원과 3억원', '22P02'), ('국비, 도비, 군비 각각 22억원과 5억원', '22P02'),
	-- English splits: private money, a side twice, a dangling and; a spelled number needs a scale
	('1 billion won in national funding and 2 billion won in private investment', '22P02'),
	('1 billion won in national funding and 2 billion won in national funding', '22P02'),
	('1 billion won in national funding and', '22P02'),
	('1 billion won in national funding or 2 billion won in local funding', '22P02'),
	('national one won', '22P02'), ('national one', '22P02'), ('national one-point-six won', '22P02'),
	-- a level under its Korean and its English name is the same key twice
	('도비 1억, provincial 1억', '22P02'), ('city 1억, 시비 2억', '22P02'),
	-- the compound form's edges are the general reader's
	('국비 1억 12345원, 지방비 1원', '22P02'), ('국비 1억 1억, 지방비 1원', '22P02'),
	('국비 1만 1억원, 지방비 1원', '22P02'), ('국비 9999조 9999억 9999만 9999원, 지방비 9223372036854775807원', '22003'),
	-- a total with one part has no single reading (the rest may be private)
	('합계 2900억, 지방비 816억', '22P02'), ('총액 10억 국비 4억', '22P02'),
	('총사업비 2.5억원, 정부 2억원', '22P02'), ('총사업비 184억원(국비 112억원)', '22P02'),
	('국비 7억 원(총사업비 12억 원)', '22P02'), ('local 5 total 7', '22P02'),
	('total -1, national 9223372036854775807', '22P02'), ('총 8억원(시비 5억원, 구비 2억원)', '22P02'),
	('총 10억원(국비 6)', '22P02'), ('총사업비 516백만원(도비 216, 군비 200)', '22P02'), ('약 10억원(국비 10억원)', '22P02'), ('총 10억원(국비 12억원)', '22P02'),
	-- grammar version 2 refuses a decimal in a group after a larger unit
	('(1억 0.5만, 0)', '22P02'),
	('', '22P02'), ('   ', '22P02'), ('()', '22P02'), ('(1)', '22P02'),
	('(1,2,3,4)', '22P02'), ('(1,2', '22P02'), ('1,2', '22P02'), ('(,2)', '22P02'),
	('(92.9e9,1)', '22P02'), ('(1E5,1)', '22P02'), ('(NaN,1)', '22P02'), ('(Infinity,0)', '22P02'),
	('(0.5원,1)', '22P02'), ('(0.000000001억,0)', '22P02'), ('(1.5,0)', '22P02'),
	('(2,864억,1)', '22P02'),			-- no separators in the tuple form
	('(１억,1)', '22P02'),				-- full-width digit
	('(٥,1)', '22P02'),					-- Arabic-Indic digit
	('(१,1)', '22P02'),					-- Devanagari digit
	('(1억-2억,0)', '22P02'), ('(1-2,0)', '22P02'), ('(1억 -2만,0)', '22P02'), ('(--1,0)', '22P02'), ('(- 1,0)', '22P02'),
	('(1억달러,0)', '22P02'), ('(1 2,0)', '22P02'), ('(1만 1억,0)', '22P02'), ('(1억 1억,0)', '22P02'),
	('(1조 12345억,0)', '22P02'), ('(12천5백,0)', '22P02'), ('(천천,0)', '22P02'),
	('(0천5백,0)', '22P02'), ('(0천 5,0)', '22P02'), ('(원,0)', '22P02'), ('(1원원,0)', '22P02'), ('(1억원 2만,0)', '22P02'),
	('(.5억,0)', '22P02'), ('(1.억,0)', '22P02'), ('(1.5천억,0)', '22P02'), ('(1.5천,0)', '22P02'),
	('국비 1억,', '22P02'), ('국비 1억, 국비 2억', '22P02'),
	('national 1 NATIONAL 2', '22P02'), ('총 5억', '22P02'), ('foo 1억', '22P02'),
	('nationalx=1', '22P02'), ('국비 1억 (지방비 2억', '22P02'),
	('국비 1억)', '22P02'), ('(국비 1)(지방비 2)', '22P02'), ('국비 1억,, 지방비 2억', '22P02'),
	('2864억 국비 1', '22P02'), ('((929억,433억))', '22P02'), ('국비 (1억)', '22P02'),
	-- total given and not equal to national + local [22P02]
	('(1억,2억,4억)', '22P02'), ('총 4억(국비 1억, 지방비 2억)', '22P02'),
	('(9223372036854775807,1,0)', '22P02'),
	-- out of range [22003]
	('(9223372036854775808,0)', '22003'), ('(-9223372036854775809,0)', '22003'),
	('(9223372036854775807,1)', '22003'), ('(-9223372036854775808,-1)', '22003'),
	('(99999999999999999999999999999999999,0)', '22003'), ('(10000000조,0)', '22003'),
	('국비 9223372036854775807, 지방비 1', '22003'),
	('total 9223372036854775807, local -1', '22P02'),
	('(0,0,9223372036854775808)', '22003');

SELECT plan((SELECT count(*)::int FROM accepted) + (SELECT count(*)::int FROM rejected) + 25);

SELECT is(f, funding(a.national, a.local), format('reads %s', a.input))
FROM accepted AS a, LATERAL (SELECT a.input::funding AS f) AS x;

-- The type is 16 fixed bytes.
SELECT is(pg_column_size('(1억,2억)'::funding), 16, 'pg_column_size is 16');
SELECT is((SELECT typlen FROM pg_type WHERE oid = 'funding'::regtype), 16::int2, 'typlen is 16, no varlena header');

SELECT throws_ok(format('SELECT %L::regionpolicy.funding', input), code, NULL,
				 format('rejects %s with %s', input, code))
FROM rejected;

-- Every rejection names the offending text.
-- What an input's error says: its SQLSTATE, DETAIL and HINT.
CREATE FUNCTION pg_temp.error_of(input text, OUT state text, OUT detail text, OUT hint text) LANGUAGE plpgsql AS $$
BEGIN
	PERFORM input::regionpolicy.funding;
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, detail = PG_EXCEPTION_DETAIL, hint = PG_EXCEPTION_HINT;
END
$$;
-- A total with one part: the HINT shows the reading if the rest were local.
SELECT is((SELECT hint FROM pg_temp.error_of('총사업비 2.5억원, 정부 2억원') WHERE state = '22P02'),
		  'If the rest (5000만) is local funds, give both parts: "국비 2억, 지방비 5000만"; if it is private money, give the national amount alone.',
		  'a total with one part is refused; the HINT gives the reading if the rest were local, and how to say so');
-- A key with a unit and no number: the HINT names the empty cell.
SELECT is((SELECT detail FROM pg_temp.error_of('국비 5천원, 시도비 -천원') WHERE state = '22P02'),
		  'Found a unit with no number before it at "천원".',
		  'a key with a unit and no number is refused, naming the unit');
SELECT is((SELECT hint FROM pg_temp.error_of('국비 5천원, 시도비 -천원') WHERE state = '22P02'),
		  'A blank or "-" spreadsheet cell joined to its unit reads as "천원", with no number. Write 0 for none (0천원), or the number (1천원).',
		  'the HINT says a blank or "-" cell joined to its unit has no number, and to write 0');
-- One Hangul numeral after a myriad unit: the HINT shows both readings.
SELECT is((SELECT hint FROM pg_temp.error_of('국비 5억이 투입된다') WHERE state = '22P02'),
		  '"5억이" could be 5억 followed by the word 이 (500,000,000 won) or 5억 2원 (500,000,002 won). Write "5억" alone, or "5억 2원".',
		  'one numeral syllable after 억 is refused; the HINT shows the particle and the digit');
SELECT throws_ok('SELECT ''(1억,2억,4억)''::regionpolicy.funding', '22P02',
				 'invalid input syntax for type funding: "(1억,2억,4억)"',
				 'the message quotes the input');
SELECT throws_ok('SELECT ''(9223372036854775808,0)''::regionpolicy.funding', '22003',
				 'value "(9223372036854775808,0)" is out of range for type funding',
				 'the range message quotes the input');

-- Shares: what the refusals say.
SELECT is((SELECT detail FROM pg_temp.error_of('사업비 150억원(국비 70%, 지방비 20%)') WHERE state = '22P02'),
		  'The shares of national and local funds add up to 90%, not 100%.',
		  'shares that do not add up to 100% are refused, with their sum');
SELECT is((SELECT detail FROM pg_temp.error_of('사업비 1억 1원(국비 33.3%, 지방비 66.7%)') WHERE state = '22P02'),
		  '33.3% of 1억 1원 is not a whole number of won.',
		  'a share that is not whole won is refused, naming it');
SELECT is((SELECT hint FROM pg_temp.error_of('사업비 150억원(국비 70%)') WHERE state = '22P02'),
		  'Give both shares (국비 70%, 지방비 30%); the rest of a total is not taken to be local funds.',
		  'one share alone is refused: the rest is not taken to be local');

SELECT is((SELECT detail FROM pg_temp.error_of('시·군비 각각 3억원') WHERE state = '22P02'),
		  'Found 각각 after a key that names several local governments together, which reads two ways (each of them once, or all of them together) at "시·군비 각각 3억원".',
		  '시·군비 각각 is refused: it reads two ways');

SELECT is((SELECT hint FROM pg_temp.error_of('총 15.5억원(국비 10.5, 지방비 5)') WHERE state = '22P02'),
		  'Write the unit the part is in (국비 10.5억원): a part with no unit is won, and takes a total''s unit only as a whole number.',
		  'a unitless part with a fraction is refused, saying to write its unit');

-- A range error names the part that is out of range, not another one.
SELECT is((SELECT detail FROM pg_temp.error_of('총 1억(국비 5000만원, 지방비 99999999999)') WHERE state = '22003'),
		  'The local amount "99999999999" is outside the range of a 64-bit count of won.',
		  'a unitless local part out of range in the total''s unit is named as local');
SELECT is((SELECT detail FROM pg_temp.error_of('총 1억(국비 99999999999, 지방비 5000)') WHERE state = '22003'),
		  'The national amount "99999999999" is outside the range of a 64-bit count of won.',
		  'a unitless national part out of range is named as national');
SELECT matches((SELECT detail FROM pg_temp.error_of('총 1억(국비 5000, 도비 99999999999, 시비 1)') WHERE state = '22003'),
		  '^The local amount ', 'a local government''s share out of range is named as local');

-- An attacker's inputs: long, deep, strange.  Never a crash, never a wrong value.
SELECT throws_ok(format('SELECT %L::regionpolicy.funding', '(' || repeat('9', 1000000) || ',0)'),
				 '22003', NULL, 'a million digits is out of range');
SELECT throws_ok(format('SELECT %L::regionpolicy.funding', repeat('(', 1000000)),
				 '22P02', NULL, 'a million open parentheses are malformed');
SELECT is(format('%s국비 1%s', repeat('(', 100000), repeat(')', 100000))::funding,
		  funding(1, 0), 'a hundred thousand balanced parentheses are fine');
SELECT is(('(' || repeat('0', 1000000) || '1,0)')::funding, funding(1, 0),
		  'a million leading zeros are still one won');
SELECT is(('(1.' || repeat('0', 1000000) || '억,0)')::funding, funding(100000000, 0),
		  'a million trailing zeros in a fraction are exact');
SELECT throws_ok(format('SELECT %L::regionpolicy.funding', '(1억 ' || repeat('1만 ', 10000) || ',0)'),
				 '22P02', NULL, 'repeated units are malformed');

-- PostgreSQL 16 and later: soft input errors, so pg_input_is_valid() works.
CREATE FUNCTION pg_temp.soft_errors() RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
	valid boolean;
	message text;
BEGIN
	IF current_setting('server_version_num')::int < 160000 THEN
		RETURN NEXT skip('soft input errors need PostgreSQL 16', 3);
		RETURN;
	END IF;
	EXECUTE 'SELECT pg_input_is_valid($1, $2)' INTO valid USING '(1억,2억)', 'regionpolicy.funding';
	RETURN NEXT is(valid, true, 'pg_input_is_valid accepts a good value');
	EXECUTE 'SELECT pg_input_is_valid($1, $2)' INTO valid USING '(1억,2억,4억)', 'regionpolicy.funding';
	RETURN NEXT is(valid, false, 'pg_input_is_valid refuses a bad total without raising');
	EXECUTE 'SELECT sql_error_code FROM pg_input_error_info($1, $2)' INTO message USING '(9223372036854775808,0)', 'regionpolicy.funding';
	RETURN NEXT is(message, '22003', 'pg_input_error_info reports 22003 for out of range');
END $$;
SELECT * FROM pg_temp.soft_errors();

SELECT * FROM finish();
ROLLBACK;
