-- Weekly schedules. Shift templates are the site's own (seeded with Early, Core, Late and Split on first use) and
-- survive a demo reset. A schedule is one version of one week: drafts can be edited; a published version is
-- immutable (editing it starts a new draft). Each schedule keeps the requirements and templates it was solved
-- against, so its coverage and rule checks can be reproduced after the forecast or templates change.
CREATE TABLE shift_templates (
  id INTEGER PRIMARY KEY,
  -- The engine's template id ('early', 'core', …); shifts name their template by it.
  key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  -- The template as the schedule engine reads it (start window and step, segments, breaks, category, rules).
  definition TEXT NOT NULL CHECK (json_valid(definition)),
  position INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  updated_at TEXT NOT NULL
);

CREATE TABLE schedules (
  id INTEGER PRIMARY KEY,
  -- Monday of the week, local date 'YYYY-MM-DD'.
  week_start TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  status TEXT NOT NULL CHECK (status IN ('draft', 'published')),
  -- The version this draft was copied from, when it continues a published one (no foreign key: published rows
  -- are never updated, not even to clear this).
  based_on INTEGER,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  published_at TEXT,
  -- How it was solved: time limit, interval, weights.
  settings TEXT NOT NULL CHECK (json_valid(settings)),
  -- Requirement curves per skill plus where each queue's numbers came from (forecast run or history).
  requirements TEXT NOT NULL CHECK (json_valid(requirements)),
  templates TEXT NOT NULL CHECK (json_valid(templates)),
  -- The solver's summary, explanations of short intervals and rule violations at the last solve.
  summary TEXT CHECK (summary IS NULL OR json_valid(summary)),
  UNIQUE (week_start, version),
  CHECK ((status = 'published') = (published_at IS NOT NULL))
);

CREATE TABLE schedule_shifts (
  id INTEGER PRIMARY KEY,
  schedule_id INTEGER NOT NULL REFERENCES schedules(id) ON DELETE CASCADE,
  agent_id INTEGER NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
  -- Day of the week (0 = Monday) and its local date; times are minutes from that day's local midnight.
  day INTEGER NOT NULL CHECK (day BETWEEN 0 AND 6),
  date TEXT NOT NULL,
  start_min INTEGER NOT NULL CHECK (start_min >= 0),
  end_min INTEGER NOT NULL CHECK (end_min > start_min AND end_min <= 2880),
  segments TEXT NOT NULL CHECK (json_valid(segments)),
  breaks TEXT NOT NULL CHECK (json_valid(breaks)),
  template_key TEXT,
  skill TEXT NOT NULL,
  locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1))
);
CREATE INDEX schedule_shifts_by_schedule ON schedule_shifts (schedule_id, agent_id, day);

-- Scheduling details of an agent beyond the contract: availability windows, fixed weekdays off, preferences.
CREATE TABLE agent_schedule_preferences (
  agent_id INTEGER PRIMARY KEY REFERENCES agents(id) ON DELETE CASCADE,
  preferences TEXT NOT NULL CHECK (json_valid(preferences)),
  updated_at TEXT NOT NULL
);

-- A published version never changes: its shifts cannot be added, edited or moved to another schedule.
CREATE TRIGGER schedule_shifts_published_insert BEFORE INSERT ON schedule_shifts
WHEN (SELECT status FROM schedules WHERE id = NEW.schedule_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'a published schedule cannot be changed; edit a new draft'); END;

CREATE TRIGGER schedule_shifts_published_update BEFORE UPDATE ON schedule_shifts
WHEN (SELECT status FROM schedules WHERE id = OLD.schedule_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'a published schedule cannot be changed; edit a new draft'); END;

CREATE TRIGGER schedules_published_update BEFORE UPDATE ON schedules
WHEN OLD.status = 'published'
BEGIN SELECT RAISE(ABORT, 'a published schedule cannot be changed; edit a new draft'); END;

-- Schedules belong to the workspace's agents: replacing the workspace (demo reset) removes them.
CREATE TRIGGER schedules_cleared_with_workspace AFTER DELETE ON workspace
BEGIN DELETE FROM schedules; END;
