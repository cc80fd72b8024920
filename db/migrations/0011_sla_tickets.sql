-- Ticket exports kept ticket by ticket for SLA planning (issue 13): the backlog (tickets open over 24 h) and the
-- priority × tier mix. Each import replaces the stored tickets: an export is a snapshot of the help desk, and the
-- latest one is the current picture. Times are UTC epoch milliseconds.

-- The imports, newest last; the latest one's as-of time is when the backlog is counted.
CREATE TABLE sla_ticket_imports (
  id INTEGER PRIMARY KEY,
  imported_at TEXT NOT NULL,
  file_name TEXT,
  rows_read INTEGER NOT NULL CHECK (rows_read >= 0),
  bad_row_count INTEGER NOT NULL CHECK (bad_row_count >= 0),
  tickets INTEGER NOT NULL CHECK (tickets >= 0),
  -- The latest created or solved time in the export: the moment it reflects. NULL for an export with no tickets.
  as_of_utc_ms INTEGER,
  -- The zone wall-clock times in the export were read in (the workspace's).
  timezone TEXT NOT NULL
);

CREATE TABLE sla_tickets (
  id INTEGER PRIMARY KEY,
  created_utc_ms INTEGER NOT NULL,
  -- NULL: still open when exported.
  solved_utc_ms INTEGER CHECK (solved_utc_ms IS NULL OR solved_utc_ms >= created_utc_ms),
  priority TEXT NOT NULL CHECK (priority IN ('P1', 'P2', 'P3', 'P4', 'P5')),
  organization TEXT NOT NULL,
  -- Seconds agents worked on the ticket (e.g. Freshdesk's time tracked); NULL when the export has none for it.
  handle_sec REAL CHECK (handle_sec IS NULL OR handle_sec >= 0)
);

-- Which customer tier (a policy's tier id) each organization belongs to; edited in SLA policies.
CREATE TABLE sla_organization_tiers (
  organization TEXT PRIMARY KEY,
  tier TEXT,
  updated_at TEXT NOT NULL
);
