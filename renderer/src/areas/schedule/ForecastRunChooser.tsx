/**
 * Which forecast run feeds each queue's requirements in the chosen week. The automatic choice is the newest run
 * reaching the week that is not a backtest; the planner may pick another run reaching the week — a backtest too, on
 * purpose — and the choice is stored for that queue and week. Changing it reloads the requirements Generate uses.
 */
import { useEffect } from 'react';
import type { WeekForecastQueue } from '../../../../shared/api/channels/forecastChoice';
import { countOf } from '../../../../shared/text/plural';
import { useWeekForecast } from '../../stores/weekForecastStore';

type Run = WeekForecastQueue['runs'][number];

const describeRun = (run: Run) =>
  `#${run.id} · ${run.method} · ${run.backtest ? 'backtest ' : ''}as of ${run.asOf} · reaches ${countOf(run.daysInWeek, 'day')} of the week`;

export function ForecastRunChooser({ weekStart }: { weekStart: string }) {
  const runs = useWeekForecast((s) => s.runs);
  const error = useWeekForecast((s) => s.error);
  const load = useWeekForecast((s) => s.load);
  const choose = useWeekForecast((s) => s.choose);
  useEffect(() => {
    void load(weekStart);
  }, [load, weekStart]);

  if (!runs || runs.weekStart !== weekStart) return error ? <div className="notice notice--error" role="alert">{error}</div> : null;
  return (
    <div className="panel" data-testid="sched-forecast-runs">
      <h3>Forecast runs for the week of {weekStart}</h3>
      <p className="muted">
        Automatic: the newest forecast run that reaches the week and is not a backtest. A run made “as of” an earlier date is a backtest (made to compare with what happened) and is used only if you choose it here. Your choice is kept for this queue and week.
      </p>
      <table className="list">
        <thead><tr><th>Queue</th><th>Forecast run used</th></tr></thead>
        <tbody>
          {runs.queues.map((q) => {
            const automatic = q.runs.find((r) => r.id === q.automaticRunId);
            return (
              <tr key={q.queueId}>
                <td>{q.queueName}</td>
                <td>
                  {q.runs.length === 0 ? (
                    <span className="muted" data-testid={`sched-run-none-${q.queueId}`}>No run reaches this week: its history is used where there is one. {q.lookedFor}</span>
                  ) : (
                    <select
                      aria-label={`Forecast run for ${q.queueName}`}
                      value={q.chosenRunId ?? ''}
                      onChange={(e) => void choose(q.queueId, e.target.value === '' ? null : Number(e.target.value))}
                      data-testid={`sched-run-${q.queueId}`}
                    >
                      <option value="">{automatic ? `Automatic: ${describeRun(automatic)}` : 'Automatic: none (only backtests reach this week; history is used)'}</option>
                      {q.runs.map((r) => <option key={r.id} value={r.id}>{describeRun(r)}</option>)}
                    </select>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {error && <div className="notice notice--error" role="alert">{error}</div>}
    </div>
  );
}
