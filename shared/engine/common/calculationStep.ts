/** One line of a worked calculation, shown to the planner so every number can be checked by hand. */
export interface CalculationStep {
  label: string;
  formula: string;
  value: number;
  unit: string;
}
