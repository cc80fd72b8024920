/**
 * Said before solving: the locked shifts themselves make these rules impossible. The planner unlocks or moves them,
 * or re-solves anyway knowing which rules will break.
 */
import { useSchedule } from '../../stores/scheduleStore';

export function LockConflictsPanel() {
  const conflicts = useSchedule((s) => s.lockConflicts);
  if (!conflicts || conflicts.length === 0) return null;
  const { generate, set } = useSchedule.getState();
  return (
    <div className="notice notice--error" role="alert" data-testid="sched-lock-conflicts">
      <strong>The locked shifts make {conflicts.length === 1 ? 'a rule' : `${conflicts.length} rules`} impossible to keep — nothing was solved yet:</strong>
      <ul>{conflicts.map((c) => <li key={c}>{c}</li>)}</ul>
      <div className="sched-actions">
        <button type="button" onClick={() => void generate(true)} data-testid="sched-resolve-anyway">Re-solve anyway</button>
        <button type="button" className="secondary" onClick={() => set({ lockConflicts: undefined })}>Cancel</button>
      </div>
    </div>
  );
}
