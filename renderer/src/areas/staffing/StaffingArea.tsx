import { useState } from 'react';
import { CapacityCalculator } from './CapacityCalculator';
import { EmailCalculator } from './EmailCalculator';
import { ErlangCalculator } from './ErlangCalculator';
import { RequirementsView } from './RequirementsView';

const TABS = [
  { id: 'erlang', label: 'Phone & chat', render: () => <ErlangCalculator /> },
  { id: 'email', label: 'Email & tickets', render: () => <EmailCalculator /> },
  { id: 'requirements', label: 'Interval requirements', render: () => <RequirementsView /> },
  { id: 'capacity', label: 'Capacity equation', render: () => <CapacityCalculator /> },
];

export function StaffingArea() {
  const [tab, setTab] = useState(TABS[0].id);
  return (
    <>
      <div className="tabs" role="tablist" aria-label="Staffing calculators">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} className={tab === t.id ? 'tab tab--active' : 'tab'} onClick={() => setTab(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      {TABS.find((t) => t.id === tab)!.render()}
    </>
  );
}
