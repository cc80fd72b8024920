/**
 * Required versus scheduled agents per interval, for one skill or all, over the week or one day. Short intervals
 * are filled red; clock hours where fewer than half the required agents are scheduled are listed under the chart
 * and marked on it. It follows the schedule live, also while a shift is being dragged.
 */
import { useMemo, useState } from 'react';
import type { ChartConfiguration } from 'chart.js';
import type { CoverageReport } from '../../../../shared/engine/schedule';
import { ChartCanvas } from '../../components/LineChart';
import { formatNumber } from '../../components/format';
import { formatClock, WEEKDAY_SHORT } from '../../../../shared/calendar/days';


export interface LowHour {
  day: number;
  hour: number;
  skill: string;
  required: number;
  scheduled: number;
}

/** Curves for the chosen skill ('all' sums them). */
function curves(coverage: CoverageReport, skill: string): { required: Float64Array; scheduled: Float64Array } {
  const chosen = skill === 'all' ? coverage.skills : coverage.skills.filter((s) => s.skill === skill);
  const n = coverage.days * (1440 / coverage.intervalMinutes);
  const required = new Float64Array(n);
  const scheduled = new Float64Array(n);
  for (const s of chosen) {
    for (let t = 0; t < n; t++) {
      required[t] += s.required[t];
      scheduled[t] += s.scheduled[t];
    }
  }
  return { required, scheduled };
}

/** Clock hours (per skill) whose mean scheduled agents fall below half the mean required. */
export function hoursBelowHalf(coverage: CoverageReport): LowHour[] {
  const perHour = 60 / coverage.intervalMinutes;
  const found: LowHour[] = [];
  for (const s of coverage.skills) {
    for (let h = 0; h < coverage.days * 24; h++) {
      let required = 0;
      let scheduled = 0;
      for (let k = 0; k < perHour; k++) {
        required += s.required[h * perHour + k] / perHour;
        scheduled += s.scheduled[h * perHour + k] / perHour;
      }
      if (required > 0.05 && scheduled < 0.5 * required) found.push({ day: Math.floor(h / 24), hour: h % 24, skill: s.skill, required, scheduled });
    }
  }
  return found;
}

export function CoverageChart({ coverage, dates }: { coverage: CoverageReport; dates: string[] }) {
  const [skill, setSkill] = useState('all');
  const [day, setDay] = useState<number | 'week'>('week');
  const perDay = 1440 / coverage.intervalMinutes;
  const low = useMemo(() => hoursBelowHalf(coverage), [coverage]);
  const lowShown = low.filter((l) => (skill === 'all' || l.skill === skill) && (day === 'week' || l.day === day));

  const config = useMemo<ChartConfiguration>(() => {
    const { required, scheduled } = curves(coverage, skill);
    const from = day === 'week' ? 0 : day * perDay;
    const to = day === 'week' ? required.length : from + perDay;
    const labels: string[] = [];
    const req: number[] = [];
    const sched: number[] = [];
    const short: (number | null)[] = [];
    const flagged: (number | null)[] = [];
    const lowKeys = new Set(low.filter((l) => skill === 'all' || l.skill === skill).map((l) => l.day * 24 + l.hour));
    for (let t = from; t < to; t++) {
      const d = Math.floor(t / perDay);
      const minute = (t % perDay) * coverage.intervalMinutes;
      labels.push(day === 'week' ? `${WEEKDAY_SHORT[d]} ${formatClock(minute)}` : formatClock(minute));
      req.push(round2(required[t]));
      sched.push(round2(scheduled[t]));
      short.push(required[t] - scheduled[t] > 1e-6 ? round2(required[t] - scheduled[t]) : null);
      flagged.push(lowKeys.has(d * 24 + Math.floor(minute / 60)) ? round2(scheduled[t]) : null);
    }
    return {
      type: 'line',
      data: {
        labels,
        datasets: [
          { label: 'Required', data: req, borderColor: '#111827', backgroundColor: '#111827', borderWidth: 1.5, pointRadius: 0, stepped: 'before' },
          { label: 'Scheduled', data: sched, borderColor: '#2563eb', backgroundColor: 'rgba(37,99,235,0.12)', borderWidth: 1.5, pointRadius: 0, stepped: 'before', fill: 'origin' },
          { type: 'bar', label: 'Short (required − scheduled)', data: short, backgroundColor: 'rgba(220,38,38,0.55)', barPercentage: 1, categoryPercentage: 1 },
          { label: 'Below 50% of required', data: flagged, borderColor: 'transparent', backgroundColor: '#dc2626', pointRadius: 3, pointStyle: 'triangle', showLine: false },
        ],
      },
      options: {
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: { ticks: { maxTicksLimit: day === 'week' ? 14 : 12, autoSkip: true } },
          y: { beginAtZero: true, title: { display: true, text: 'Agents' } },
        },
      },
    } as ChartConfiguration;
  }, [coverage, skill, day, perDay, low]);

  return (
    <div className="panel" data-testid="sched-coverage">
      <div className="sched-chart-head">
        <h3>Coverage: required versus scheduled</h3>
        <label>
          Skill{' '}
          <select value={skill} onChange={(e) => setSkill(e.target.value)} aria-label="Coverage skill">
            <option value="all">All skills (summed)</option>
            {coverage.skills.map((s) => <option key={s.skill} value={s.skill}>{s.skill}</option>)}
          </select>
        </label>
        <label>
          Day{' '}
          <select value={String(day)} onChange={(e) => setDay(e.target.value === 'week' ? 'week' : Number(e.target.value))} aria-label="Coverage day">
            <option value="week">Whole week</option>
            {dates.map((d, i) => <option key={d} value={i}>{WEEKDAY_SHORT[i]} {d}</option>)}
          </select>
        </label>
      </div>
      <ChartCanvas config={config} label="Required and scheduled agents per interval, with short intervals in red" height={240} />
      <p className="muted">
        Scheduled = agents on shift in the interval, not on a break (a shift or break covering part of an interval counts by its share). Short = required − scheduled where positive; red triangles mark clock hours with fewer than half the required agents.
      </p>
      <table className="list sched-skills" data-testid="sched-coverage-table">
        <thead>
          <tr><th>Skill</th><th className="num">Required agent-hours</th><th className="num">Scheduled</th><th className="num">Short</th><th className="num">Over</th><th className="num">Hours below 50%</th></tr>
        </thead>
        <tbody>
          {coverage.skills.map((s) => (
            <tr key={s.skill}>
              <td>{s.skill}</td>
              <td className="num">{formatNumber(s.requiredHours, 1)}</td>
              <td className="num">{formatNumber(s.scheduledHours, 1)}</td>
              <td className="num">{formatNumber(s.underHours, 1)}</td>
              <td className="num">{formatNumber(s.overHours, 1)}</td>
              <td className="num">{low.filter((l) => l.skill === s.skill).length}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {lowShown.length > 0 && (
        <details className="sched-low">
          <summary>{lowShown.length} clock hours below 50% of the requirement{skill !== 'all' ? ` (${skill})` : ''}{day !== 'week' ? ` on ${WEEKDAY_SHORT[day]}` : ''}</summary>
          <ul>
            {lowShown.slice(0, 60).map((l) => (
              <li key={`${l.skill}-${l.day}-${l.hour}`}>
                {WEEKDAY_SHORT[l.day]} {dates[l.day]} {formatClock(l.hour * 60)}–{formatClock(l.hour * 60 + 60)} {l.skill}: {formatNumber(l.scheduled, 1)} scheduled of {formatNumber(l.required, 1)} required (mean over the hour)
              </li>
            ))}
            {lowShown.length > 60 && <li className="muted">… and {lowShown.length - 60} more</li>}
          </ul>
        </details>
      )}
    </div>
  );
}

const round2 = (n: number) => Math.round(n * 100) / 100;
