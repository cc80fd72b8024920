import { runCli } from '../../electron/cli/staffwise';

/** Runs one `staffwise` command in this process and collects what it printed and its exit code. */
export async function runStaffwise(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
