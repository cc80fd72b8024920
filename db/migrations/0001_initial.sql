-- Workspace: one per database file. Intervals are stored in the workspace's local wall-clock time (see interval_volumes).
CREATE TABLE workspace (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL,
  timezone TEXT NOT NULL,
  is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
  created_at TEXT NOT NULL
);

CREATE TABLE queues (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  channel TEXT NOT NULL CHECK (channel IN ('phone', 'chat', 'email', 'social')),
  interval_min INTEGER NOT NULL CHECK (interval_min IN (5, 15, 30, 60))
);

CREATE TABLE agents (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  team TEXT NOT NULL,
  -- JSON array of channels the agent is skilled for, e.g. ["phone","chat"].
  skills TEXT NOT NULL CHECK (json_valid(skills)),
  -- JSON object with contract rules (min/max minutes per week, max shifts, consecutive-day limits, weekends).
  contract TEXT NOT NULL CHECK (json_valid(contract)),
  timezone TEXT NOT NULL
);

-- Interval history. `start_local` is local wall-clock 'YYYY-MM-DDTHH:mm'; `utc_offset_min` tells apart the two
-- occurrences of a repeated hour on a fall-back day. Closed and missing intervals are rows with their own status,
-- never a zero volume.
CREATE TABLE interval_volumes (
  queue_id INTEGER NOT NULL REFERENCES queues(id) ON DELETE CASCADE,
  start_local TEXT NOT NULL,
  utc_offset_min INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'closed', 'missing')),
  volume REAL CHECK (volume IS NULL OR volume >= 0),
  aht_sec REAL CHECK (aht_sec IS NULL OR aht_sec > 0),
  CHECK ((status = 'open') = (volume IS NOT NULL)),
  PRIMARY KEY (queue_id, start_local, utc_offset_min)
) WITHOUT ROWID;

CREATE TABLE capacity_calculations (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  inputs TEXT NOT NULL CHECK (json_valid(inputs)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
