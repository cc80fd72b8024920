-- SLA policies, the tier structure, the cost model and the planning checklist (issue 13). None of these belong to
-- the workspace's agents or history, so they survive a demo reset.

-- One SLA policy with everything needed to turn it into staffing: the priority × tier matrix (with tier
-- multipliers and entered cells), the ticket mix, the business hours the clock runs in, the staffing settings
-- (handle time, occupancy cap, shrinkage) and the team it is checked against. The typical week of tickets comes
-- from `volume_source`: {"kind":"sample","ticketsPerMonth":1200} (the blueprint's pattern) or
-- {"kind":"queue","queueName":"…"} (that queue's last four weeks of history).
CREATE TABLE sla_policies (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  policy TEXT NOT NULL CHECK (json_valid(policy)),
  mix TEXT NOT NULL CHECK (json_valid(mix)),
  business_hours TEXT NOT NULL CHECK (json_valid(business_hours)),
  settings TEXT NOT NULL CHECK (json_valid(settings)),
  volume_source TEXT NOT NULL CHECK (json_valid(volume_source)),
  headcount INTEGER NOT NULL CHECK (headcount >= 0),
  -- The policy the Dashboard projects compliance for; at most one.
  active INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX sla_policies_one_active ON sla_policies (active) WHERE active = 1;

-- The L1/L2/L3 structure: preset ratio, resolution shares, handle time per tier and the skill-routing matrix, with
-- the daily volume and agent day it is sized for. One per workspace file.
CREATE TABLE tier_structures (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  definition TEXT NOT NULL CHECK (json_valid(definition)),
  tickets_per_day REAL NOT NULL CHECK (tickets_per_day >= 0),
  productive_hours REAL NOT NULL CHECK (productive_hours > 0),
  utilization REAL NOT NULL CHECK (utilization > 0 AND utilization <= 1),
  updated_at TEXT NOT NULL
);

-- Full-cost model inputs (salary and benefits, tools per seat, training, overhead, tickets per day, working days).
CREATE TABLE cost_model_inputs (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  inputs TEXT NOT NULL CHECK (json_valid(inputs)),
  updated_at TEXT NOT NULL
);

-- Planning calendar: which review was done for which period ('2026-11', '2026-Q4', '2026').
CREATE TABLE planning_checklist (
  item_key TEXT NOT NULL,
  period TEXT NOT NULL,
  done_at TEXT NOT NULL,
  PRIMARY KEY (item_key, period)
);
