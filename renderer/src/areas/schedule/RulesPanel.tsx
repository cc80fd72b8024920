/** Every rule the shifts break as they are now. */
import { memo } from 'react';
import type { ScheduleView } from '../../../../shared/api/channels/schedule';
import type { RuleViolation } from '../../../../shared/engine/schedule/rules';

export const RulesPanel = memo(function RulesPanel({ violations, view }: { violations: RuleViolation[]; view: ScheduleView }) {
  if (violations.length === 0) return <div className="panel" data-testid="sched-rules"><h3>Rules</h3><p className="ok">Every shift keeps every contract, rest, days-off and skill rule.</p></div>;
  const names = new Map(view.agents.map((a) => [String(a.id), a.name]));
  return (
    <div className="panel" data-testid="sched-rules">
      <h3>Rules broken ({violations.length})</h3>
      <p className="muted">Marked in red on the shifts involved. Fix them by dragging, or lock what must stay and re-solve.</p>
      <ul>{violations.map((v, i) => <li key={i}><strong>{names.get(v.agentId) ?? v.agentId}</strong> · {v.rule}: {v.message}</li>)}</ul>
    </div>
  );
});
