-- The last forms printed documents use around an amount (doc/regionpolicy.md,
-- "Input", 2.0.0): each read as a reader reads it, each refusal kept, and
-- the neighbours that must stay refused.  Real rows of each are in
-- test/data/real-amounts.tsv (test/11_corpus.sql); these are the forms
-- themselves, with the cases that border them.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION regionpolicy CASCADE;
SET LOCAL search_path = regionpolicy, public;
SELECT plan(37);

-- a share or a rate in parentheses describes the amount before it
SELECT is(parse_amount('96억 원(13.1%)'), 9600000000::bigint, 'a share in parentheses after an amount');
SELECT is(parse_amount('KRW 40.7 billion (13.2%)'), 40700000000::bigint, '… after an English amount');
SELECT is(parse_amount('5639억원(12.3%↑)'), 563900000000::bigint, '… a rate with an arrow');
SELECT is(parse_amount('19조1,000억원(증가율 28%)'), 19100000000000::bigint, '… a labelled rate');
SELECT is(parse_amount('3억원(△2.5%)'), 300000000::bigint, '… a cut as budget books print it');
SELECT is('국비 4조329억원(45.1%), 지방비 1조9,160억원(21.5%)'::funding, funding(4032900000000, 1916000000000),
		  'shares beside the parts of a split are read past, the parts are the value');
SELECT throws_ok($$SELECT '사업비 100억원(국비 70%)'::regionpolicy.funding$$, '22P02', NULL,
				 'a key inside the parentheses is the share of a total: one share alone is still refused');
SELECT throws_ok($$SELECT regionpolicy.parse_amount('5억원(국비 13%)')$$, '22P02', NULL, '… and is no rate beside an amount');
SELECT throws_ok($$SELECT regionpolicy.parse_amount('5억원(13%')$$, '22P02', NULL, 'an unclosed parenthesis is refused');
SELECT throws_ok($$SELECT regionpolicy.parse_amount('(13.1%)')$$, '22P02', NULL, 'a share alone is no amount');
SELECT throws_ok($$SELECT regionpolicy.parse_amount('1조원(약 13%)')$$, '22P02', NULL, 'an approximate share is not read past');

-- quotes around the whole text
SELECT is(parse_amount('‘100조원’'), 100000000000000::bigint, 'an amount in typographic single quotes');
SELECT is(parse_amount('“5억원”'), 500000000::bigint, '… in double quotes');
SELECT is(parse_amount('''3천억 원'''), 300000000000::bigint, '… in straight quotes');
SELECT is('‘국비 5억원, 지방비 3억원’'::funding, funding(500000000, 300000000), 'a quoted split');
SELECT throws_ok($$SELECT regionpolicy.parse_amount('‘100조원')$$, '22P02', NULL, 'an unmatched quote is refused');

-- 상당, 규모
SELECT is(parse_amount('1천8백30만원 상당'), 18300000::bigint, '상당 after an amount');
SELECT is(parse_amount('460억원규모'), 46000000000::bigint, '규모 glued to an amount');
SELECT is(parse_amount('460억 원 규모'), 46000000000::bigint, '규모 after a space');
SELECT is(parse_amount('2.5 trillion won scale'), 2500000000000::bigint, 'scale after an English amount');
SELECT throws_ok($$SELECT regionpolicy.parse_amount('3억원 규모의')$$, '22P02', NULL, 'a word that goes on (규모의) is not an amount');

-- approximations
SELECT throws_ok($$SELECT regionpolicy.parse_amount('100억원 안팎')$$, '22P02', NULL, '안팎 makes an amount approximate');
SELECT is(parse_amount('100억원 안팎', approximate => true), 10000000000::bigint, '… read with approximate => true');
SELECT is(parse_amount('3억원쯤', approximate => true), 300000000::bigint, '쯤, with approximate => true');
SELECT throws_ok($$SELECT regionpolicy.parse_amount('about 1.2 trillion won')$$, '22P02', NULL, 'about before an English amount');
SELECT is(parse_amount('about 1.2 trillion won', approximate => true), 1200000000000::bigint, '… read with approximate => true');
SELECT throws_ok($$SELECT regionpolicy.parse_amount('nearly 1.2 trillion won', approximate => true)$$, '22P02', NULL,
				 'nearly is an upper bound, not an approximation');

-- the Japanese and Chinese editions
SELECT is(parse_amount('269兆5000億ウォン'), 269500000000000::bigint, 'Japanese: 兆, 億, ウォン');
SELECT is(parse_amount('2兆8432億ウォン(約2540億円)'), 2843200000000::bigint, '… a conversion into yen skipped');
SELECT is(parse_amount('553万ウォン'), 5530000::bigint, '… 万');
SELECT is(parse_amount('312.9萬億韓元'), 312900000000000::bigint, 'Chinese: 萬億 is a 兆');
SELECT is(parse_amount('约1.2万亿韩元', approximate => true), 1200000000000::bigint, '… 约 and 万亿, approximate');
SELECT throws_ok($$SELECT regionpolicy.parse_amount('5000亿韩元(約4億ウォン)')$$, '22P02', NULL,
				 'a parenthesis naming won again is no conversion to skip');

-- 지방채 in a split, 〃
SELECT is('시비 40억원, 군비 334억원, 지방채 발행 72억원'::funding, funding(0, 44600000000),
		  'local money raised by bonds is local');
SELECT is('국비 100억원, 지방채 50억원'::funding, funding(10000000000, 5000000000), '지방채 beside 국비');
SELECT throws_ok($$SELECT regionpolicy.parse_amount('〃')$$, '22P02', NULL, '〃 names no amount by itself');
SELECT throws_like($$SELECT regionpolicy.parse_amount('〃')$$, '%〃%', '… and the message says so');

SELECT * FROM finish();
ROLLBACK;
