import type { CliIo } from './command';

export interface Step {
  label: string;
  formula: string;
  value: number;
  unit: string;
}

/** Prints a worked calculation as aligned lines: label, formula, value and unit. */
export function printSteps(io: CliIo, steps: Step[]): void {
  const labelWidth = Math.max(...steps.map((s) => s.label.length));
  const formulaWidth = Math.max(...steps.map((s) => s.formula.length));
  for (const s of steps) {
    const value = Number.isInteger(s.value) ? String(s.value) : s.value.toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
    io.out(`${s.label.padEnd(labelWidth)}  ${s.formula.padEnd(formulaWidth)}  = ${value} ${s.unit}`);
  }
}
