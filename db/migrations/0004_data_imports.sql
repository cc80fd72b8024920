-- Data imports: one row per successful import, written in the same transaction as its intervals, so the log says
-- what came into the workspace, when and from which file. Queues are kept by name (with what the import did to
-- each) so the log survives a demo reset, which recreates the queues.
CREATE TABLE data_imports (
  id INTEGER PRIMARY KEY,
  imported_at TEXT NOT NULL,
  format TEXT NOT NULL CHECK (format IN ('intervals', 'tickets')),
  file_name TEXT,
  rows_read INTEGER NOT NULL,
  bad_rows INTEGER NOT NULL,
  contacts REAL NOT NULL,
  date_from TEXT NOT NULL,
  date_to TEXT NOT NULL,
  intervals INTEGER NOT NULL,
  -- JSON array of {name, channel, created, intervalMin, intervals, contacts, replacedIntervals, rolledUpFrom?}.
  queues TEXT NOT NULL CHECK (json_valid(queues))
);
CREATE INDEX data_imports_by_time ON data_imports (imported_at);
