/** What the colours and marks on the grid mean. */
import { LockIcon } from './LockIcon';

export function Legend() {
  return (
    <p className="sched-legend muted">
      <span className="sb-key sb--early" /> Early <span className="sb-key sb--day" /> Core <span className="sb-key sb--late" /> Late <span className="sb-key sb--split" /> Split <span className="sb-key sb--custom" /> Custom
      <span className="sb-key sb-key--break" /> break <span className="sb-key sb-key--issue" /> breaks a rule · <LockIcon /> locked · times on a 00–24 h scale per day
    </p>
  );
}
