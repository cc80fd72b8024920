-- Scenarios (issue 11): what-ifs on a capacity plan. A scenario is the plan plus named changes; every save is a
-- version holding the changes (JSON, validated by shared/engine/scenario/schema.ts before saving) and the diff of
-- which assumptions changed against the previous version. One scenario per plan may be the baseline the others are
-- compared with; promoting another leaves the old one, and all its versions, in place.
CREATE TABLE scenarios (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES capacity_plans (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  is_baseline INTEGER NOT NULL DEFAULT 0 CHECK (is_baseline IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (plan_id, name)
);
CREATE UNIQUE INDEX scenarios_one_baseline_per_plan ON scenarios (plan_id) WHERE is_baseline = 1;

CREATE TABLE scenario_versions (
  id INTEGER PRIMARY KEY,
  scenario_id INTEGER NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
  version INTEGER NOT NULL CHECK (version >= 1),
  changes TEXT NOT NULL CHECK (json_valid(changes)),
  -- Scenario settings (overtime rate), JSON.
  settings TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(settings)),
  -- JSON array of {type, change, field?, before?, after?} against the previous version (empty for version 1).
  diff TEXT NOT NULL CHECK (json_valid(diff)),
  note TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (scenario_id, version)
);
