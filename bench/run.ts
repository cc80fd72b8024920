/**
 * `npm run bench`: runs every bench/*.bench.ts module in turn. Each module's default export prints its own tables.
 * Pass names to run a subset: `npm run bench -- erlang forecast`.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const here = fileURLToPath(new URL('.', import.meta.url));
// `--name value` pairs are options for the benches themselves (e.g. `--roster-sec 20`), not bench names.
const args = process.argv.slice(2);
const wanted = args.filter((arg, i) => !arg.startsWith('--') && !args[i - 1]?.startsWith('--'));
const modules = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();

for (const file of modules) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: () => Promise<void> | void };
  await mod.default();
}
