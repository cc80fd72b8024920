-- Forecast runs: the statistical forecast of one queue as the engine produced it (method chosen, backtest scores,
-- prediction bands). Planner adjustments live apart in forecast_adjustments so they can be reverted, and survive
-- re-running the statistics.
CREATE TABLE forecast_runs (
  id INTEGER PRIMARY KEY,
  queue_id INTEGER NOT NULL REFERENCES queues(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  requested_method TEXT NOT NULL,
  method TEXT NOT NULL,
  interval_min INTEGER NOT NULL,
  horizon_days INTEGER NOT NULL,
  -- Last local date of history the run saw (the forecast starts the day after).
  as_of TEXT NOT NULL,
  scores TEXT NOT NULL CHECK (json_valid(scores)),
  -- Daily totals, intraday profile, event estimates, band model and warnings, as the engine returned them.
  details TEXT NOT NULL CHECK (json_valid(details))
);
CREATE INDEX forecast_runs_by_queue ON forecast_runs (queue_id, created_at);

CREATE TABLE forecast_points (
  run_id INTEGER NOT NULL REFERENCES forecast_runs(id) ON DELETE CASCADE,
  start_local TEXT NOT NULL,
  forecast REAL NOT NULL,
  lo80 REAL NOT NULL,
  hi80 REAL NOT NULL,
  lo95 REAL NOT NULL,
  hi95 REAL NOT NULL,
  PRIMARY KEY (run_id, start_local)
) WITHOUT ROWID;

-- A planner's override of one day's total for a queue; its intervals keep the statistical intraday shape.
CREATE TABLE forecast_adjustments (
  queue_id INTEGER NOT NULL REFERENCES queues(id) ON DELETE CASCADE,
  date TEXT NOT NULL,
  total REAL NOT NULL CHECK (total >= 0),
  note TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (queue_id, date)
);

-- Holidays, releases, promotions: multipliers or additive effects over date ranges (value NULL = estimate it from
-- history), or closures. queue_id NULL applies to every queue.
CREATE TABLE forecast_events (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL CHECK (end_date >= start_date),
  effect TEXT NOT NULL CHECK (effect IN ('multiplier', 'additive', 'closed')),
  value REAL,
  queue_id INTEGER REFERENCES queues(id) ON DELETE CASCADE
);
