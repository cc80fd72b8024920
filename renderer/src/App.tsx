import { useEffect, useState, type ReactNode } from 'react';
import { DashboardArea } from './areas/dashboard/DashboardArea';
import { DataArea } from './areas/data/DataArea';
import { ForecastArea } from './areas/forecast/ForecastArea';
import { HiringArea } from './areas/hiring/HiringArea';
import { ScenariosArea } from './areas/scenarios/ScenariosArea';
import { ScheduleArea } from './areas/schedule/ScheduleArea';
import { SlaArea } from './areas/sla/SlaArea';
import { StaffingArea } from './areas/staffing/StaffingArea';
import { useWorkspace } from './stores/workspaceStore';

interface Area {
  id: string;
  label: string;
  render(): ReactNode;
}

const AREAS: Area[] = [
  { id: 'dashboard', label: 'Dashboard', render: () => <DashboardArea /> },
  { id: 'forecast', label: 'Forecast', render: () => <ForecastArea /> },
  { id: 'staffing', label: 'Staffing', render: () => <StaffingArea /> },
  { id: 'schedule', label: 'Schedule', render: () => <ScheduleArea /> },
  { id: 'sla', label: 'SLA policies', render: () => <SlaArea /> },
  { id: 'hiring', label: 'Hiring & ramp', render: () => <HiringArea /> },
  { id: 'scenarios', label: 'Scenarios', render: () => <ScenariosArea /> },
  { id: 'data', label: 'Data', render: () => <DataArea /> },
];

function areaFromHash(): string {
  const id = window.location.hash.replace('#/', '').split('/')[0];
  return AREAS.some((a) => a.id === id) ? id : 'dashboard';
}

export function App() {
  const [areaId, setAreaId] = useState(areaFromHash);
  const { load, error, summary } = useWorkspace();

  useEffect(() => {
    void load();
    const onHash = () => setAreaId(areaFromHash());
    // Alt+1…7 jumps between areas from anywhere, as in the menu order.
    const onKey = (e: KeyboardEvent) => {
      const n = Number(e.key);
      if (e.altKey && n >= 1 && n <= AREAS.length) {
        e.preventDefault();
        window.location.hash = `#/${AREAS[n - 1].id}`;
      }
    };
    window.addEventListener('hashchange', onHash);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('keydown', onKey);
    };
  }, [load]);

  const area = AREAS.find((a) => a.id === areaId)!;
  return (
    <div className="shell">
      <nav className="nav" aria-label="Areas">
        <div className="brand">Staffwise</div>
        {AREAS.map((a, i) => (
          <a key={a.id} href={`#/${a.id}`} className={a.id === areaId ? 'active' : ''} aria-current={a.id === areaId ? 'page' : undefined} title={`Alt+${i + 1}`}>
            {a.label}
          </a>
        ))}
        <div className="nav__footer muted">{summary ? summary.name : 'Opening workspace…'}</div>
      </nav>
      <main className="main">
        {error && !summary && <div className="notice notice--error" role="alert">{error}</div>}
        {area.render()}
      </main>
    </div>
  );
}
