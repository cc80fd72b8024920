-- Which forecast run feeds a week's schedule requirements, and what a run is for.
--
-- A run "as of" an earlier date is a backtest: it is made to compare with what happened, not to plan with, so it
-- is never used for a week unless the planner chooses it. Runs stored before this column existed are backtests
-- when their as-of date is before the queue's last day of history (the only way one could be made then).
ALTER TABLE forecast_runs ADD COLUMN backtest INTEGER NOT NULL DEFAULT 0 CHECK (backtest IN (0, 1));
UPDATE forecast_runs SET backtest = 1
WHERE as_of < (SELECT max(substr(start_local, 1, 10)) FROM interval_volumes WHERE interval_volumes.queue_id = forecast_runs.queue_id);

-- The planner's choice of run per queue and week (Monday). No row: the newest non-backtest run that reaches the week.
CREATE TABLE week_forecast_choices (
  week_start TEXT NOT NULL,
  queue_id INTEGER NOT NULL REFERENCES queues(id) ON DELETE CASCADE,
  run_id INTEGER NOT NULL REFERENCES forecast_runs(id) ON DELETE CASCADE,
  chosen_at TEXT NOT NULL,
  PRIMARY KEY (week_start, queue_id)
);

-- Forecast handle time per interval (seconds), from the imported handle times; NULL where the history has none.
ALTER TABLE forecast_points ADD COLUMN aht_sec REAL CHECK (aht_sec IS NULL OR aht_sec > 0);
