// An independent literal reader (not regionpolicy's code): adds to each line
// of generate.mjs's output the number its text says, as a Korean reader reads
// it, or "" where it cannot.  Usage: node literal.mjs < amounts.tsv
// Rules: 일..구 and Arabic groups (commas ignored) are coefficients; 십 백 천
// multiply the pending coefficient (1 if none); 만 억 조 경 close a myriad
// group (1 if the group is empty); 영 alone is 0; spaces and 원 are ignored.
import { createInterface } from 'node:readline';

const DIG = { 영: 0n, 일: 1n, 이: 2n, 삼: 3n, 사: 4n, 오: 5n, 육: 6n, 칠: 7n, 팔: 8n, 구: 9n };
const SMALL = { 십: 10n, 백: 100n, 천: 1000n };
const BIG = { 만: 10n ** 4n, 억: 10n ** 8n, 조: 10n ** 12n, 경: 10n ** 16n };

function read(text) {
  const t = text.replace(/원$/, '').replace(/[\s,]/g, '');
  if (t === '영' || t === '0') return 0n;
  let total = 0n, group = 0n, cur = null, lastBig = null;
  for (const m of t.matchAll(/\d+|./gu)) {
    const c = m[0];
    if (/^\d+$/.test(c) || (c in DIG && c !== '영')) {
      if (cur !== null) return null;
      cur = /^\d+$/.test(c) ? BigInt(c) : DIG[c];
    } else if (c in SMALL) {
      group += (cur ?? 1n) * SMALL[c]; cur = null;
    } else if (c in BIG) {
      if (lastBig !== null && BIG[c] >= lastBig) return null;
      const g = group + (cur ?? 0n);
      total += (g === 0n ? 1n : g) * BIG[c]; group = 0n; cur = null; lastBig = BIG[c];
    } else return null;
  }
  return total + group + (cur ?? 0n);
}

for await (const line of createInterface({ input: process.stdin })) {
  const [, text] = line.split('\t');
  const got = read(text);
  process.stdout.write(`${line}\t${got === null ? '' : got}\n`);
}
