import { deferredDaySchema, staffingInputSchema, type DeferredDayInput, type StaffingInput } from '../../../shared/engine/staffing';
import type { ResponseOf } from '../../../shared/api/contract';
import { api } from '../api';
import { CAP, SHARE, SHRINKAGE } from '../components/parsePercent';
import { createCalculatorStore, fraction } from './createCalculatorStore';

export type ErlangField =
  | 'calls' | 'intervalMin' | 'ahtSec' | 'slPct' | 'answerSec' | 'maxOccupancyPct' | 'shrinkagePct'
  | 'patienceSec' | 'maxAbandonPct' | 'asaTargetSec' | 'concurrency' | 'agents';

const ERLANG_FIELD_FOR_PATH: Record<string, ErlangField> = {
  callsPerInterval: 'calls', intervalMin: 'intervalMin', ahtSec: 'ahtSec', slTarget: 'slPct', answerSec: 'answerSec',
  maxOccupancy: 'maxOccupancyPct', shrinkage: 'shrinkagePct', patienceSec: 'patienceSec', maxAbandon: 'maxAbandonPct',
  asaTargetSec: 'asaTargetSec', concurrency: 'concurrency', agents: 'agents',
};

/** Phone and chat: the published Erlang C example (100 calls in 30 min, AHT 180 s, 80% in 20 s). */
export const useErlang = createCalculatorStore<ErlangField, StaffingInput, ResponseOf<'staffing.solve'>>({
  initial: {
    calls: '100', intervalMin: '30', ahtSec: '180', slPct: '80', answerSec: '20', maxOccupancyPct: '85', shrinkagePct: '30',
    patienceSec: '', maxAbandonPct: '', asaTargetSec: '', concurrency: '1', agents: '',
  },
  optional: ['maxOccupancyPct', 'shrinkagePct', 'patienceSec', 'maxAbandonPct', 'asaTargetSec', 'concurrency', 'agents'],
  percentFields: {
    slPct: { what: 'Service level', range: SHARE },
    maxOccupancyPct: { what: 'Maximum occupancy', range: CAP },
    shrinkagePct: { what: 'Shrinkage', range: SHRINKAGE },
    maxAbandonPct: { what: 'Abandonment', range: SHARE },
  },
  toInput: (v) => ({
    callsPerInterval: v.calls,
    intervalMin: v.intervalMin,
    ahtSec: v.ahtSec,
    slTarget: fraction(v.slPct),
    answerSec: v.answerSec,
    maxOccupancy: fraction(v.maxOccupancyPct),
    shrinkage: fraction(v.shrinkagePct),
    patienceSec: v.patienceSec,
    maxAbandon: fraction(v.maxAbandonPct),
    asaTargetSec: v.asaTargetSec,
    concurrency: v.concurrency === 1 ? undefined : v.concurrency,
    agents: v.agents,
  }),
  schema: staffingInputSchema,
  fieldForPath: (path) => ERLANG_FIELD_FOR_PATH[path.split('.')[0]],
  compute: (input) => api['staffing.solve'](input),
});

export type EmailField = 'itemsPerDay' | 'handleMin' | 'responseHours' | 'openFromHour' | 'openToHour' | 'maxOccupancyPct' | 'shrinkagePct';

/** Email and tickets: about the demo's email queue on a weekday. */
export const useEmail = createCalculatorStore<EmailField, DeferredDayInput, ResponseOf<'staffing.deferredDay'>>({
  initial: { itemsPerDay: '420', handleMin: '8', responseHours: '4', openFromHour: '8', openToHour: '20', maxOccupancyPct: '90', shrinkagePct: '30' },
  optional: ['maxOccupancyPct', 'shrinkagePct'],
  percentFields: { maxOccupancyPct: { what: 'Maximum occupancy', range: CAP }, shrinkagePct: { what: 'Shrinkage', range: SHRINKAGE } },
  toInput: (v) => ({
    itemsPerDay: v.itemsPerDay,
    handleMin: v.handleMin,
    responseHours: v.responseHours,
    openFromHour: v.openFromHour,
    openToHour: v.openToHour,
    maxOccupancy: fraction(v.maxOccupancyPct),
    shrinkage: fraction(v.shrinkagePct),
  }),
  schema: deferredDaySchema,
  fieldForPath: (path) => {
    const key = path.split('.')[0];
    if (key === 'maxOccupancy') return 'maxOccupancyPct';
    if (key === 'shrinkage') return 'shrinkagePct';
    return ['itemsPerDay', 'handleMin', 'responseHours', 'openFromHour', 'openToHour'].includes(key) ? (key as EmailField) : undefined;
  },
  compute: (input) => api['staffing.deferredDay'](input),
});
