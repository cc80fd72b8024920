/** The plan rolled up by month (a week counts in the month of its Thursday). */
import { useMemo } from 'react';
import type { PlanProjectionView } from '../../../../shared/api/channels/plan';
import { monthlyRollUp } from '../../../../shared/engine/plan/monthlyRollUp';
import { formatNumber } from '../../components/format';

export function MonthsPanel({ view }: { view: PlanProjectionView }) {
  const months = useMemo(() => monthlyRollUp(view.projection, view.weekStarts), [view]);
  return (
    <section className="panel">
      <h3>Months</h3>
      <p className="muted">A week counts in the month holding its Thursday. Contacts, shortfall and hires add up over the month’s weeks; FTE and headcount are the weekly means.</p>
      <table data-testid="plan-months">
        <thead>
          <tr>
            <th>Month</th>
            <th className="num">Weeks</th>
            <th className="num">Contacts</th>
            <th className="num">Required FTE (mean)</th>
            <th className="num">Effective FTE (mean)</th>
            <th className="num">Headcount (mean)</th>
            <th className="num">Shortfall (FTE-weeks)</th>
            <th className="num">Hires starting</th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.month}>
              <td>{m.month}</td>
              <td className="num">{m.weeks}</td>
              <td className="num">{formatNumber(Math.round(m.volume))}</td>
              <td className="num">{formatNumber(m.requiredFte, 1)}</td>
              <td className="num">{formatNumber(m.effectiveFte, 1)}</td>
              <td className="num">{formatNumber(m.headcount, 1)}</td>
              <td className={`num${m.shortfallFteWeeks > 1e-6 ? ' danger' : ''}`}>{formatNumber(m.shortfallFteWeeks, 1)}</td>
              <td className="num">{m.hires}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
