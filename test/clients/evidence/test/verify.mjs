// Checks an Evidence build of the regionpolicy dashboard against the database.
//
//   node test/verify.mjs EXPECTED.json URL [SCREENSHOT.png]
//
// EXPECTED.json is written by test/clients/evidence.sh from psql: { sources: {query: rows},
// page: {query: rows} } with the database's own rows for each source query
// (sources/regionpolicy/*.sql) and for the page's queries recomputed in
// PostgreSQL. URL serves build/. Every failed check is printed; the exit code
// is the number of failures (0 = pass).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { tableFromIPC } from 'apache-arrow';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const build = path.join(here, '..', 'build');
const [expectedFile, url, screenshot] = process.argv.slice(2);
const expected = JSON.parse(fs.readFileSync(expectedFile, 'utf8'));
const SOURCE = 'regionpolicy';

let failures = 0;
let passes = 0;
const check = (ok, what, detail = '') => {
	if (ok) passes++;
	else failures++;
	console.log(`${ok ? 'ok' : 'not ok'} ${passes + failures} - ${what}${!ok && detail ? `\n#       ${detail}` : ''}`);
};

// Integers (won, counts) must match exactly; fractional 억 values may differ
// in the last bits where DuckDB sums doubles and PostgreSQL sums numerics.
const same = (a, b) => {
	if (a === null || a === undefined || b === null) return (a ?? null) === b;
	if (typeof b !== 'number') return String(a) === String(b);
	if (Number.isInteger(b)) return Number(a) === b;
	return Math.abs(Number(a) - b) <= 1e-9 * Math.max(1, Math.abs(b));
};
const rowsEqual = (got, want, columns) => {
	if (got.length !== want.length) return `${got.length} rows, database has ${want.length}`;
	for (let i = 0; i < want.length; i++)
		for (const c of columns)
			if (!same(got[i][c], want[i][c]))
				return `row ${i} column ${c}: built ${JSON.stringify(got[i][c])}, database ${JSON.stringify(want[i][c])}`;
	return null;
};
const fmtInt = (n) => Number(n).toLocaleString('en-US', { maximumFractionDigits: 0 });
const fmtFix = (n, d) =>
	Number(n).toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

// 1. Source data: build/data/<source>/<query>/<query>.parquet, one per source query.
const manifest = JSON.parse(fs.readFileSync(path.join(build, 'data', 'manifest.json'), 'utf8'));
for (const [name, want] of Object.entries(expected.sources)) {
	const rel = `static/data/${SOURCE}/${name}/${name}.parquet`;
	check(manifest.renderedFiles?.[SOURCE]?.includes(rel), `manifest lists ${rel}`);
	const file = path.join(build, 'data', SOURCE, name, `${name}.parquet`);
	if (!fs.existsSync(file)) {
		check(false, `${name}.parquet exists`);
		continue;
	}
	const buf = fs.readFileSync(file);
	const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
	const got = await parquetReadObjects({ file: ab, compressors });
	const columns = want.length ? Object.keys(want[0]) : [];
	const diff = rowsEqual(got, want, columns);
	check(!diff, `${name}.parquet equals the database (${want.length} rows)`, diff);
	for (const c of ['national', 'local', 'total'])
		if (columns.includes(c))
			check(got.every((r) => Number.isSafeInteger(r[c])), `${name}.${c} is an exact integer`);
}

// 2. Page queries, as prerendered for the page: build/api/<md5(route)>/<md5(params)>/all-queries.json
//    maps <query>_data to build/api/prerendered_queries/<hash>.arrow.
const allQueries = JSON.parse(
	fs.readFileSync(
		path.join(build, 'api', '6666cd76f96956469e7be39d750cc7d9', 'd41d8cd98f00b204e9800998ecf8427e', 'all-queries.json'),
		'utf8'
	)
);
for (const [name, want] of Object.entries(expected.page)) {
	const hash = allQueries[`${name}_data`];
	const file = hash && path.join(build, 'api', 'prerendered_queries', `${hash}.arrow`);
	if (!file || !fs.existsSync(file)) {
		check(false, `page query ${name} was prerendered`, 'no arrow file: the query failed at build time');
		continue;
	}
	const got = tableFromIPC(fs.readFileSync(file)).toArray().map((r) => r.toJSON());
	const diff = rowsEqual(got, want, Object.keys(want[0] ?? {}));
	check(!diff, `page query ${name} equals the database`, diff);
}

// 3. The prerendered HTML: no Evidence error block.
// Evidence 39 / core-components 4.8 draw a failed query or component as
// ErrorChart (charts, tables), BigValueError or ValueError: each a box with
// Tailwind classes bg-red-50 + border-red-200, the component's name and the
// message; query errors also say "Error in Query" in the console.
const errorBlock = /class="[^"]*\bbg-red-50\b[^"]*\bborder-red-200\b[^"]*"/g;
const html = fs.readFileSync(path.join(build, 'index.html'), 'utf8');
const htmlErrors = html.match(errorBlock) ?? [];
check(htmlErrors.length === 0, 'prerendered index.html has no error block', `${htmlErrors.length} error block(s)`);

// 4. The page in Chromium, after the client has loaded the parquet files into duckdb-wasm.
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu']
});
try {
	const page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
	const consoleErrors = [];
	page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
	page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
	const offsite = [];
	page.on('request', (r) => {
		const u = new URL(r.url());
		if (!['127.0.0.1', 'localhost'].includes(u.hostname) && !['data:', 'blob:'].includes(u.protocol))
			offsite.push(r.url());
	});
	await page.goto(url, { waitUntil: 'networkidle', timeout: 60000 });
	// Wait until no component still says Loading... (a failed query leaves none either: it shows its error).
	const settled = await page
		.waitForFunction(() => !document.body.innerText.includes('Loading...'), null, { timeout: 30000 })
		.then(() => true, () => false);
	check(settled, 'every component finished loading');
	await page.waitForTimeout(500);
	if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });

	const blocks = await page.$$eval('[class*="bg-red-50"][class*="border-red-200"]', (els) =>
		els.map((e) => e.innerText.replace(/\s+/g, ' ').trim().slice(0, 300))
	);
	check(blocks.length === 0, 'rendered page has no error block', blocks.join('\n       '));
	const queryErrors = consoleErrors.filter((t) => /Error in Query|Error in |pageerror/.test(t));
	check(queryErrors.length === 0, 'no query or page error in the console', queryErrors.map((t) => t.split('\n')[0]).join('\n       '));
	check(offsite.length === 0, 'the page requests nothing off this machine', offsite.join(' '));

	const text = await page.innerText('body');
	check(text.includes('지역 예산 배분'), 'title 지역 예산 배분 shown');
	const grand = expected.page.grand[0];
	check(text.includes(fmtInt(grand.total_won)), `BigValue shows the grand total ${fmtInt(grand.total_won)}`);
	check(await page.locator('div.chart canvas').count() > 0, 'the bar chart is drawn (echarts canvas)');

	// Each DataTable is in the DOM twice, once hidden (its print/fullscreen copy): keep the visible ones.
	const tables = await page.$$eval('table', (ts) =>
		ts.filter((t) => t.offsetParent !== null).map((t) => [...t.querySelectorAll('tr')]
			.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.innerText.trim()))
			.filter((cells) => cells.length > 0)) // Evidence 39 puts body rows straight in <table>, no <tbody>
	);
	const provinces = expected.page.provinces;
	const wantRows = provinces.map((r) => [
		String(r.fiscal_year), r.short_ko, r.name_ko, r.phase_ko,
		fmtInt(r.national), fmtInt(r.local), fmtInt(r.total), fmtFix(r.total_eok, 5)
	]);
	const gotRows = (tables[0] ?? []).map((cells) => cells.filter((c) => c !== ''));
	check(
		JSON.stringify(gotRows) === JSON.stringify(wantRows),
		`시도별 합계 table shows the database's ${wantRows.length} provinces and amounts`,
		`shown ${JSON.stringify(gotRows)}\n       wanted ${JSON.stringify(wantRows)}`
	);
	for (const r of provinces) check(text.includes(r.short_ko) && text.includes(r.name_ko), `province ${r.short_ko} (${r.name_ko}) shown`);
	const ministries = (tables[1] ?? []).map((cells) => cells.filter((c) => c !== ''));
	check(
		expected.page.ministries.every((m, i) => ministries[i]?.includes(m.ministry_ko) && ministries[i]?.includes(fmtInt(m.total))),
		'부처별 합계 table shows each ministry, in Korean, and its total',
		JSON.stringify(ministries)
	);
	check((tables[2] ?? []).length === expected.page.stages.length, `클러스터 단계 table has ${expected.page.stages.length} rows`);
} finally {
	await browser.close();
}

console.log(`evidence: ${passes} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
