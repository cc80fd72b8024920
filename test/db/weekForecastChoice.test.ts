import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase } from '../../db/open';
import { loadMigrations } from '../../db/migrate';
import { listForecastRuns } from '../../db/repositories/forecasts';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();
const shipped = loadMigrations();
const choiceMigration = shipped.findIndex((m) => m.name === 'week_forecast_choice');

describe('the week forecast choice migration', () => {
  it('marks runs stored before it as backtests when their as-of date is before the end of the history', () => {
    expect(choiceMigration).toBeGreaterThan(0);
    const file = join(tempDir(), 'staffwise.db');
    const before = openDatabase(file, { migrations: shipped.slice(0, choiceMigration) });
    const { db } = before;
    const queueId = Number(db.prepare("INSERT INTO queues (name, channel, interval_min) VALUES ('Billing', 'phone', 30)").run().lastInsertRowid);
    const interval = db.prepare("INSERT INTO interval_volumes (queue_id, start_local, utc_offset_min, status, volume) VALUES (?, ?, -300, 'open', 5)");
    interval.run(queueId, '2026-10-01T09:00');
    interval.run(queueId, '2026-11-21T09:00');
    const run = db.prepare(
      "INSERT INTO forecast_runs (queue_id, created_at, requested_method, method, interval_min, horizon_days, as_of, scores, details) VALUES (?, 'x', 'auto', 'combined', 30, 14, ?, '[]', ?)",
    );
    run.run(queueId, '2026-11-21', JSON.stringify({ dailyTotals: [{ date: '2026-11-23' }, { date: '2026-12-08' }] }));
    run.run(queueId, '2026-11-01', JSON.stringify({ dailyTotals: [] }));
    db.close();

    const after = openDatabase(file, { migrations: shipped });
    const runs = listForecastRuns(after.db, queueId);
    expect(runs.map((r) => [r.asOf, r.backtest, r.firstDay, r.lastDay])).toEqual([
      ['2026-11-01', true, '2026-11-02', '2026-11-15'],
      ['2026-11-21', false, '2026-11-22', '2026-12-08'],
    ]);
    after.db.close();
  });
});
