-- Long-range capacity plans (Hiring & ramp). A plan is the planner's own: like saved calculations it survives a
-- demo reset. Its assumptions (hours per FTE, occupancy, attrition, costs, hiring rules and the editable week
-- table) are one JSON document validated by the app (shared/api/channels/plan.ts) before every save; its hiring
-- classes are rows, so other areas (scenarios, the schedule) can refer to them.
CREATE TABLE ramp_curves (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  -- JSON array, one entry per week of ramp: {"load": 0.25, "focus": "…", "support": "…"}; load is a fraction.
  weeks TEXT NOT NULL CHECK (json_valid(weeks) AND json_array_length(weeks) BETWEEN 1 AND 52),
  updated_at TEXT NOT NULL
);

CREATE TABLE capacity_plans (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  -- Monday of week 0, local date 'YYYY-MM-DD'.
  start_week TEXT NOT NULL CHECK (start_week GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  weeks INTEGER NOT NULL CHECK (weeks BETWEEN 13 AND 104),
  document TEXT NOT NULL CHECK (json_valid(document)),
  -- The plan whose new hires appear as agents in the weekly Schedule (at most one).
  linked_to_schedule INTEGER NOT NULL DEFAULT 0 CHECK (linked_to_schedule IN (0, 1)),
  -- The last optimiser run that set the classes: cost breakdown, proven bound and the explanations (JSON), or NULL.
  optimisation TEXT CHECK (optimisation IS NULL OR json_valid(optimisation)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX capacity_plans_one_linked ON capacity_plans (linked_to_schedule) WHERE linked_to_schedule = 1;

CREATE TABLE plan_classes (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES capacity_plans(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('replacement', 'growth', 'new-tier', 'seasonal')),
  -- Monday of the class's first week of ramp.
  start_week TEXT NOT NULL,
  size INTEGER NOT NULL CHECK (size BETWEEN 1 AND 500),
  ramp_curve_id INTEGER NOT NULL REFERENCES ramp_curves(id) ON DELETE RESTRICT,
  label TEXT NOT NULL,
  -- The channel the hires are trained for (their schedule skill).
  skill TEXT NOT NULL CHECK (skill IN ('phone', 'chat', 'email', 'social')),
  -- 'optimiser' classes are the hiring optimiser's choice and are replaced when it runs again; the planner's own
  -- classes stay as they are (it hires around them).
  origin TEXT NOT NULL DEFAULT 'planner' CHECK (origin IN ('planner', 'optimiser')),
  position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX plan_classes_by_plan ON plan_classes (plan_id, position);

-- New hires of the linked plan's classes, as agents of the workspace so the Schedule can give them shifts. Removing
-- a class (or its plan) removes its agents; replacing the workspace removes the agents and with them these rows.
CREATE TABLE plan_hires (
  agent_id INTEGER PRIMARY KEY REFERENCES agents(id) ON DELETE CASCADE,
  class_id INTEGER NOT NULL REFERENCES plan_classes(id) ON DELETE CASCADE
);
CREATE INDEX plan_hires_by_class ON plan_hires (class_id);
CREATE TRIGGER plan_hires_remove_agent AFTER DELETE ON plan_hires
BEGIN DELETE FROM agents WHERE id = OLD.agent_id; END;

-- Daily contact history older than the interval history (the long-range forecast learns yearly seasonality from
-- it). Days covered by interval_volumes are not stored here: their totals are summed from the intervals, so the two
-- never disagree.
CREATE TABLE daily_volumes (
  queue_id INTEGER NOT NULL REFERENCES queues(id) ON DELETE CASCADE,
  date TEXT NOT NULL,
  volume REAL NOT NULL CHECK (volume >= 0),
  aht_sec REAL CHECK (aht_sec IS NULL OR aht_sec > 0),
  PRIMARY KEY (queue_id, date)
) WITHOUT ROWID;
