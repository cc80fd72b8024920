-- Issue 9 (nothing long on the main thread): a token that every transaction writing queues or interval history
-- replaces (db/repositories/historyRevision.ts). The workspace summary keeps its aggregates of the whole history
-- until the token changes, whichever connection wrote: a job's worker, the CLI or a second host. Unlike
-- PRAGMA data_version it does not move when other tables change (a stored forecast or schedule), so those writes
-- cost no re-aggregation of two years of history on the thread that serves the UI.
CREATE TABLE history_revision (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  token TEXT NOT NULL
);
INSERT INTO history_revision (id, token) VALUES (1, lower(hex(randomblob(8))));
