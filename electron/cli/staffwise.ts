/**
 * The `staffwise` command line: the same services and engine as the app, for scripts and spreadsheets.
 * Exit codes: 0 success, 1 failure while running, 2 bad arguments.
 */
import { parseArgs } from 'node:util';
import { createBackend, type Backend } from '../services/backend';
import { resolveDataDir } from '../services/dataDir';
import { UsageError, type CliIo, type Command } from './command';
import { capacityCommand } from './commands/capacity';
import { erlangCommand } from './commands/erlang';
import { forecastCommand } from './commands/forecast';
import { importCommand } from './commands/import';
import { requirementsCommand } from './commands/requirements';
import { rosterCommand } from './commands/roster';
import { scheduleCommand } from './commands/schedule';
import { planCommand } from './commands/plan';
import { scenarioCommand } from './commands/scenario';

export const commands: Command[] = [capacityCommand, erlangCommand, requirementsCommand, forecastCommand, importCommand, scheduleCommand, rosterCommand, planCommand, scenarioCommand];

function helpText(): string {
  return ['Usage: staffwise <command> [options]   (global: --data-dir PATH)', '', ...commands.map((c) => `  ${c.name.padEnd(14)} ${c.summary}\n  ${' '.repeat(14)} ${c.usage}`)].join('\n');
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === 'help') {
    io.out(helpText());
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`staffwise: unknown command "${name}" (try: ${commands.map((c) => c.name).join(', ')})`);
    return 2;
  }
  let backend: Backend | undefined;
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...command.options, 'data-dir': { type: 'string' } },
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    await command.run(values as Record<string, string | boolean | undefined>, {
      io,
      backend: () => (backend ??= createBackend({ dataDir: resolveDataDir(rest), log: io.err })),
    });
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`staffwise ${name}: ${message}. Usage: ${command.usage}`);
      return 2;
    }
    io.err(`staffwise ${name}: ${message}`);
    return 1;
  } finally {
    await backend?.close();
  }
}
