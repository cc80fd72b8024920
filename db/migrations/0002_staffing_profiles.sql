-- Staffing profiles: how a queue is staffed (live queueing targets or deferred-work response targets), saved by
-- name for the requirement tables now and for scheduling and planning later. The queue is referenced by name so a
-- profile survives a demo reset, which recreates the queues.
CREATE TABLE staffing_profiles (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  channel TEXT NOT NULL CHECK (channel IN ('phone', 'chat', 'email', 'social')),
  queue_name TEXT,
  settings TEXT NOT NULL CHECK (json_valid(settings)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
