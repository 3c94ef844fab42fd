// npm run bench: each benchmark measured against a peer in the same run where one exists, printed
// as one table. Numbers here are information, never pass/fail thresholds.
import { benchAgent } from './agent.js';
import { benchBilling } from './billing.js';
import { benchCredits } from './credits.js';
import { benchHttp } from './http.js';
import { benchMock } from './mock.js';
import { benchOpenapi } from './openapi.js';
import { benchRunner } from './runner.js';
import { benchScripts } from './scripts.js';
import type { BenchRow } from './types.js';
import { benchWebHost } from './web-host.js';
import { benchWorkspace } from './workspace.js';

const fmt = (n: number | undefined, digits = 1) => (n === undefined || Number.isNaN(n) ? '' : n.toFixed(digits));

async function main(): Promise<void> {
  const rows: BenchRow[] = [];
  const sections: [string, () => Promise<BenchRow[]>][] = [
    ['http', benchHttp],
    ['workspace', benchWorkspace],
    ['web host', () => benchWebHost()],
    ['scripts', benchScripts],
    ['runner', benchRunner],
    ['billing server', benchBilling],
    ['credits', benchCredits],
    ['agent', benchAgent],
    ['openapi', benchOpenapi],
    ['mock', benchMock],
  ];
  // `npm run bench -- http web` runs only the sections whose names contain one of the words.
  const only = process.argv.slice(2);
  for (const [name, run] of sections.filter(([n]) => only.length === 0 || only.some((w) => n.includes(w)))) {
    process.stderr.write(`bench: ${name}…\n`);
    try {
      rows.push(...(await run()));
    } catch (err) {
      rows.push({ name, value: NaN, unit: '', note: `failed: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}` });
    }
  }
  const header = ['benchmark', 'courier', 'unit', 'peer', 'peer value', 'ratio (courier/peer)', 'note'];
  const table = rows.map((r) => [r.name, fmt(r.value), r.unit, r.peer ?? '', fmt(r.peerValue), fmt(r.ratio, 2), r.note ?? '']);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
  console.log(line(header));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const row of table) console.log(line(row));
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
