import type { CalculationStep } from '../../../shared/engine/common';
import { formatNumber } from './format';

/** The worked calculation: every intermediate value with the formula that produced it. */
export function StepsTable({ steps, testId }: { steps: CalculationStep[]; testId?: string }) {
  return (
    <table className="steps" data-testid={testId}>
      <thead>
        <tr>
          <th>Step</th>
          <th>Formula</th>
          <th className="num">Value</th>
        </tr>
      </thead>
      <tbody>
        {steps.map((step) => (
          <tr key={step.label}>
            <td>{step.label}</td>
            <td className="formula">{step.formula}</td>
            <td className="num">
              {formatNumber(step.value)} <span className="unit">{step.unit}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
