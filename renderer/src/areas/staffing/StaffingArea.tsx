import { CapacityCalculator } from './CapacityCalculator';

export function StaffingArea() {
  return <CapacityCalculator />;
}
