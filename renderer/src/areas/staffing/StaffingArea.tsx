import { useEffect, useState } from 'react';
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

/** The tab is part of the address (#/staffing/capacity), so it survives reloads and can be linked. */
function tabFromHash(): string {
  const id = window.location.hash.split('/')[2];
  return TABS.some((t) => t.id === id) ? id : TABS[0].id;
}

export function StaffingArea() {
  const [tab, setTab] = useState(tabFromHash);
  useEffect(() => {
    const onHash = () => setTab(tabFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return (
    <>
      <div className="tabs" role="tablist" aria-label="Staffing calculators">
        {TABS.map((t) => (
          <a key={t.id} href={`#/staffing/${t.id}`} role="tab" aria-selected={tab === t.id} className={tab === t.id ? 'tab tab--active' : 'tab'}>
            {t.label}
          </a>
        ))}
      </div>
      {TABS.find((t) => t.id === tab)!.render()}
    </>
  );
}
