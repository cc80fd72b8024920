import { callApi, numberFlag, UsageError, type Command } from '../command';
import { readIntervalCounts, stringFlag, writeFileAtomically } from './files';
import { FLAG_FOR_FIELD, queueFlagOptions, queueFlags } from './staffingFlags';

export const requirementsCommand: Command = {
  name: 'requirements',
  summary: 'Required agents per interval for a volume series (timestamp,volume CSV in, timestamp,required,required_exact out)',
  usage:
    'staffwise requirements --volumes v.csv --aht-sec 180 --sl 0.8 --answer-sec 20 [--max-occupancy 0.85] [--shrinkage 0.3] [--patience-sec 300] [--concurrency 2] [--response-sec 14400 for deferred work] [--tz Zone] --out r.csv [--json]',
  options: { ...queueFlagOptions, volumes: { type: 'string' }, out: { type: 'string' }, tz: { type: 'string' }, 'response-sec': { type: 'string' } },
  async run(values, ctx) {
    const volumesPath = stringFlag(values, 'volumes');
    const outPath = stringFlag(values, 'out');
    const parsed = readIntervalCounts(volumesPath, 'volumes', typeof values.tz === 'string' ? values.tz : 'UTC');
    const flags = queueFlags(values);
    const responseSec = numberFlag(values, 'response-sec');
    const staffing =
      responseSec !== undefined
        ? { mode: 'deferred', handleSec: flags.ahtSec, responseSec, intervalMin: parsed.intervalMinutes, maxOccupancy: flags.maxOccupancy, shrinkage: flags.shrinkage }
        : {
            mode: 'live',
            intervalMin: parsed.intervalMinutes,
            ahtSec: flags.ahtSec,
            patienceSec: flags.patienceSec,
            shrinkage: flags.shrinkage,
            ...(flags.concurrency !== undefined && { concurrency: { concurrency: flags.concurrency, efficiency: 1 } }),
            targets: { answerSec: flags.answerSec ?? 0, serviceLevel: flags.slTarget, maxOccupancy: flags.maxOccupancy, maxAsaSec: flags.asaTargetSec, maxAbandon: flags.maxAbandon },
          };
    if (staffing.mode === 'live' && flags.slTarget === undefined && flags.asaTargetSec === undefined) {
      throw new UsageError('give a target: --sl with --answer-sec, or --asa-sec');
    }
    const result = await callApi(
      ctx,
      'staffing.requirements',
      { staffing, source: { kind: 'series', intervalMin: parsed.intervalMinutes, points: parsed.rows.map((r) => ({ start: r.localStart, volume: r.volume })) } },
      FLAG_FOR_FIELD,
    );
    const withRostered = flags.shrinkage !== undefined;
    const lines = [`timestamp,required,required_exact${withRostered ? ',rostered' : ''}`];
    for (const row of result.rows) {
      lines.push(`${row.start},${row.required ?? ''},${row.requiredExact?.toFixed(4) ?? ''}${withRostered ? `,${row.rostered ?? ''}` : ''}`);
    }
    writeFileAtomically(outPath, lines);
    const summary = { intervals: result.rows.length, intervalMin: result.intervalMin, requiredAgentHours: result.requiredAgentHours, peakRequired: result.peakRequired, out: outPath };
    ctx.io.out(values.json ? JSON.stringify(summary) : `Wrote ${summary.intervals} intervals (${summary.intervalMin}-minute) to ${outPath}: peak ${summary.peakRequired} agents, ${summary.requiredAgentHours.toFixed(1)} agent-hours.`);
  },
};
