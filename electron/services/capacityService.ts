import { calculateCapacity, requiredAgentsByUtilization } from '../../shared/engine/capacity';
import { deleteCapacityCalculation, listCapacityCalculations, saveCapacityCalculation } from '../../db/repositories/capacityCalculations';
import type { Handlers, ServiceContext } from './handlers';

/** Utilizations plotted on the sensitivity chart: 50% to 100% in 5-point steps. */
const CURVE_UTILIZATIONS = Array.from({ length: 11 }, (_, i) => 0.5 + i * 0.05);

export function capacityHandlers(ctx: ServiceContext): Pick<Handlers, 'capacity.calculate' | 'capacity.list' | 'capacity.save' | 'capacity.delete'> {
  return {
    'capacity.calculate': (input) => ({ ...calculateCapacity(input), curve: requiredAgentsByUtilization(input, CURVE_UTILIZATIONS) }),
    'capacity.list': () => listCapacityCalculations(ctx.db()),
    'capacity.save': ({ name, inputs }) => saveCapacityCalculation(ctx.db(), name, inputs),
    'capacity.delete': ({ id }) => ({ deleted: deleteCapacityCalculation(ctx.db(), id) }),
  };
}
