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
import { backupCommand } from './commands/backup';
import { costCommand } from './commands/cost';
import { slaCommand } from './commands/sla';
import { scenarioCommand } from './commands/scenario';

export const commands: Command[] = [capacityCommand, erlangCommand, requirementsCommand, forecastCommand, importCommand, scheduleCommand, rosterCommand, planCommand, scenarioCommand, backupCommand, costCommand, slaCommand];

function helpText(): string {
  return ['Usage: staffwise <command> [options]   (global: --data-dir PATH)', '', ...commands.map((c) => `  ${c.name.padEnd(14)} ${c.summary}\n  ${' '.repeat(14)} ${c.usage}`)].join('\n');
}

/**
 * The backend's diagnostic log on the command line. Notes (such as the backup taken before a migration) are shown
 * as one line; a failed call is not logged here, because the command reports it as its one error line and exits 1.
 * STAFFWISE_DEBUG=1 shows everything, stack traces included.
 */
function cliLog(io: CliIo): (message: string) => void {
  return (message) => {
    if (process.env.STAFFWISE_DEBUG) return io.err(message);
    const firstLine = message.split('\n', 1)[0]!;
    if (/^\[staffwise\] \S+ failed: /.test(firstLine)) return;
    io.err(firstLine);
  };
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
      backend: () => (backend ??= createBackend({ dataDir: resolveDataDir(rest), log: cliLog(io) })),
    });
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`staffwise ${name}: ${message}. Usage: ${command.usage}`);
      return 2;
    }
    io.err(`staffwise ${name}: ${firstLine(message)}`);
    return 1;
  } finally {
    await closeQuietly(backend);
  }
}

const firstLine = (message: string) => message.split('\n', 1)[0]!;

/** Closing a damaged or locked database can throw too; the command has already said what went wrong. */
async function closeQuietly(backend: Backend | undefined): Promise<void> {
  try {
    await backend?.close();
  } catch {
    // Nothing more to tell the user: the command's own outcome line stands.
  }
}
