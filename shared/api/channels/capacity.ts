import { z } from 'zod';
import { capacityInputSchema, type CapacityInput, type CapacityResult } from '../../engine/capacity';
import type { SavedCalculation } from '../types';
import { emptyRequest, idRequest, nameField, returns } from './define';

export interface CapacityCurvePoint {
  utilization: number;
  requiredAgents: number;
  rosteredAgents?: number;
}

export const capacityChannels = {
  'capacity.calculate': { request: capacityInputSchema, response: returns<CapacityResult & { curve: CapacityCurvePoint[] }>() },
  'capacity.list': { request: emptyRequest, response: returns<SavedCalculation<CapacityInput>[]>() },
  'capacity.save': {
    request: z.object({ name: nameField, inputs: capacityInputSchema }).strict(),
    response: returns<SavedCalculation<CapacityInput>>(),
  },
  'capacity.delete': { request: idRequest, response: returns<{ deleted: boolean }>() },
};
