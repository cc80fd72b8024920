/** Flags shared by the `erlang` and `requirements` commands, and the API field each one fills. */
import { numberFlag, type Command } from '../command';

type Values = Record<string, string | boolean | undefined>;

export const queueFlagOptions: Command['options'] = {
  'aht-sec': { type: 'string' },
  sl: { type: 'string' },
  'answer-sec': { type: 'string' },
  'max-occupancy': { type: 'string' },
  shrinkage: { type: 'string' },
  'patience-sec': { type: 'string' },
  concurrency: { type: 'string' },
  'asa-sec': { type: 'string' },
  'max-abandon': { type: 'string' },
  json: { type: 'boolean' },
};

/** API field → flag, so validation errors name what the user typed. */
export const FLAG_FOR_FIELD: Record<string, string> = {
  callsPerInterval: 'calls',
  intervalMin: 'interval-min',
  ahtSec: 'aht-sec',
  slTarget: 'sl',
  serviceLevel: 'sl',
  answerSec: 'answer-sec',
  maxOccupancy: 'max-occupancy',
  shrinkage: 'shrinkage',
  patienceSec: 'patience-sec',
  concurrency: 'concurrency',
  agents: 'agents',
  asaTargetSec: 'asa-sec',
  maxAsaSec: 'asa-sec',
  maxAbandon: 'max-abandon',
  handleSec: 'aht-sec',
  responseSec: 'response-sec',
};

export function queueFlags(values: Values) {
  return {
    ahtSec: numberFlag(values, 'aht-sec', true),
    slTarget: numberFlag(values, 'sl'),
    answerSec: numberFlag(values, 'answer-sec'),
    maxOccupancy: numberFlag(values, 'max-occupancy'),
    shrinkage: numberFlag(values, 'shrinkage'),
    patienceSec: numberFlag(values, 'patience-sec'),
    concurrency: numberFlag(values, 'concurrency'),
    asaTargetSec: numberFlag(values, 'asa-sec'),
    maxAbandon: numberFlag(values, 'max-abandon'),
  };
}
