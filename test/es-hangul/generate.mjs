// Differential-test input generator: Korean money-amount texts written by es-hangul.
// Usage: node generate.mjs [seed=1] > amounts.tsv
// Output (TSV, no header): <value: decimal integer, won> \t <text> \t <how>
// Every line carries the TRUE value. Some texts are wrong (see README): a reader
// must refuse them or read them right, never return a different value.
import { spawnSync } from 'node:child_process';
import { numberToHangul, numberToHangulMixed, amountToHangul } from 'es-hangul';

// numberToHangulMixed formats each myriad group with Number#toLocaleString() and no
// locale argument, so its output depends on the process locale (de-DE gives "2.345만",
// fr-FR gives "2 345만" with U+202F). Pin en-US (LC_ALL=C) by re-running ourselves.
if (new Intl.NumberFormat().resolvedOptions().locale !== 'en-US') {
  if (process.env.ESHANGUL_REEXEC) throw new Error('could not pin ICU default locale to en-US');
  const r = spawnSync(process.execPath, process.argv.slice(1), {
    stdio: 'inherit', env: { ...process.env, LC_ALL: 'C', ESHANGUL_REEXEC: '1' },
  });
  process.exit(r.status ?? 1);
}

const seed = Number.parseInt(process.argv[2] ?? '1', 10);
if (!Number.isSafeInteger(seed)) throw new Error(`bad seed: ${process.argv[2]}`);

// mulberry32: small, well-known 32-bit seeded PRNG; rand() in [0,1).
let state = seed >>> 0;
function rand() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const randInt = (n) => Math.floor(rand() * n); // 0..n-1, n small
const pow10 = (k) => 10n ** BigInt(k);
// Uniform BigInt in [0, 10^k): one random decimal digit at a time.
const randBelowPow10 = (k) => {
  let s = '0';
  for (let i = 0; i < k; i++) s += randInt(10);
  return BigInt(s);
};
// Log-uniform BigInt in [1, 10^maxExp). The float 10^(u*maxExp) fixes the magnitude
// and the top 15 significant digits (exact in a double); lower digits are drawn uniformly.
function logUniform(maxExp) {
  const x = Math.floor(10 ** (rand() * maxExp)); // 1 <= x < 10^maxExp
  const digits = String(BigInt(x)).length;
  const drop = Math.max(0, digits - 15);
  const hi = BigInt(Math.floor(x / 10 ** drop));
  return hi * pow10(drop) + randBelowPow10(drop);
}
// Sparse values: mostly 0 and 1 digits, which stress the implied-1 and empty-group rules.
function sparse() {
  const len = 1 + randInt(16);
  let s = String(rand() < 0.6 ? 1 : 1 + randInt(9));
  for (let i = 1; i < len; i++) { const r = rand(); s += r < 0.6 ? '0' : r < 0.9 ? '1' : randInt(10); }
  return BigInt(s);
}

// ---- value set (deduplicated, insertion order kept) ----
const values = new Set();
const add = (v) => values.add(BigInt(v));
// Edges: hand-picked values, then around every power of ten up to 10^16.
for (const v of [0, 1, 9, 10, 11, 19, 20, 99, 100, 101, 110, 111, 999, 1000, 1001, 1010, 1100, 1111,
  9999, 10000, 10001, 10010, 10100, 11000, 11111, 99999, 99999999, 100000000, 100000001,
  100010000, 101000000, 110000000, 111000000, 111100000, 111110000, 111111111, 1001000000]) add(v);
for (let k = 1; k <= 16; k++) {
  for (const v of [pow10(k) - 1n, pow10(k), pow10(k) + 1n, 11n * pow10(k - 1), 2n * pow10(k - 1)]) add(v);
  if (k >= 4) add(pow10(k) + pow10(k - 4)); // e.g. 10^12 + 10^8 (1조 1억)
}
for (const v of [10n ** 12n + 10000n, 2n ** 53n - 1n, 2n ** 53n, 2n ** 53n + 1n, 2n ** 53n + 2n]) add(v);
for (let i = 0; i < 20000; i++) add(logUniform(16));                 // 1 .. 10^16-1
for (let i = 0; i < 3000; i++) add(logUniform(12) * 10000n);         // whole 만원
for (let i = 0; i < 3000; i++) add(logUniform(8) * 100000000n);      // whole 억원
for (let i = 0; i < 3000; i++) add(sparse());

// ---- emit ----
// numberToHangul / numberToHangulMixed take a JS number and work from number.toString():
// only feed values whose double prints back as exactly the same digits (every safe integer,
// and the even integers above 2^53 up to 10^16). Others are skipped for these two and
// counted on stderr. amountToHangul takes a string, so every value is fed as its decimal string.
const out = [];
let skipped = 0;
const emit = (v, text, how) => out.push(`${v}\t${text}\t${how}`);
for (const v of values) {
  const s = v.toString();
  if (String(Number(s)) === s) {
    const n = Number(s);
    for (const [name, fn] of [['numberToHangul', numberToHangul], ['numberToHangulMixed', numberToHangulMixed]]) {
      const plain = fn(n), spaced = fn(n, { spacing: true });
      emit(s, plain, name);
      emit(s, plain + '원', `${name}+원`);
      emit(s, spaced, `${name}{spacing}`);
      emit(s, spaced + '원', `${name}{spacing}+원`);
      emit(s, spaced + ' 원', `${name}{spacing}+_원`);
    }
  } else skipped++;
  const a = amountToHangul(s);
  emit(s, a, 'amountToHangul');
  emit(s, a + '원', 'amountToHangul+원');
}
process.stdout.write(out.join('\n') + '\n');
process.stderr.write(`seed=${seed} values=${values.size} lines=${out.length} ` +
  `skipped_for_number_api=${skipped} (not exactly representable as a JS number)\n`);
