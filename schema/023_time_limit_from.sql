-- How a test data version's time limit was set: the package's own
-- ("problem.yaml limits.time_limit", ".timelimit", ...), or derived from
-- its accepted submissions ("derived: 0.120 s (accepted/a.c) x 5"); ''
-- once an instructor sets it (settings page, `verdict problem set`).
ALTER TABLE problem_versions ADD COLUMN time_limit_from TEXT NOT NULL DEFAULT '';
