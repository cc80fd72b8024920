/** Prints a benchmark result as an aligned text table, so `npm run bench` output reads like a report. */
export type Cell = string | number | boolean | null | undefined;

export function formatCell(value: Cell): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return String(value);
    return Number.isInteger(value) ? String(value) : value.toFixed(Math.abs(value) >= 100 ? 1 : 3);
  }
  return String(value);
}

export function printTable(title: string, columns: string[], rows: Cell[][]): void {
  const text = rows.map((row) => row.map(formatCell));
  const widths = columns.map((c, i) => Math.max(c.length, ...text.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
  console.log(`\n${title}`);
  console.log(line(columns));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const r of text) console.log(line(r));
}

/** Where the shared reference data lives; benchmarks that need it say so plainly when it is absent. */
export function sharedDataDir(): string {
  return process.env.STAFFWISE_SHARED_DIR ?? new URL('../../shared/', import.meta.url).pathname;
}

/** A bench option: `--name value` on the command line (`npm run bench -- roster --roster-sec 20`), else the variable. */
export function benchOption(name: string, envName: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : process.env[envName];
}
