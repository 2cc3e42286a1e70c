-- 005: work the web hands to the judge, and a record of regrades.
--
-- The web server runs unprivileged, but importing a package needs root (a
-- custom validator is built, a LaTeX statement converted, in the sandbox).
-- So an upload is spooled to a file and queued here as an import; the
-- judge claims it with a lease, like a submission (a judge that dies loses
-- it only until the lease expires), imports it and records the outcome.

CREATE TABLE imports (
    id INTEGER PRIMARY KEY,
    user_id INTEGER REFERENCES users (id),  -- who uploaded it (NULL: not through the web)
    file_name TEXT NOT NULL,    -- as uploaded: its suffix tells the archive type, its base name the problem's
    spool_path TEXT NOT NULL,   -- the uploaded file, in <data>/spool/; removed once imported or refused
    state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
    message TEXT,               -- done: what was added; failed: why, for a person to act on
    problem_id INTEGER REFERENCES problems (id),  -- done: the problem and its new test data version
    version INTEGER,
    lease_owner TEXT,
    lease_expires INTEGER,
    created_at INTEGER NOT NULL,
    finished_at INTEGER
);

CREATE INDEX imports_by_state ON imports (state, id);

-- A regrade remembers each submission's verdict and score from before, so
-- that the ones it changed can be shown once the new judgings are stored
-- (the submission row then holds the new ones; judgings keeps both).
CREATE TABLE regrades (
    id INTEGER PRIMARY KEY,
    user_id INTEGER REFERENCES users (id),  -- who asked (NULL: the command line)
    scope TEXT NOT NULL,        -- "submission 12", "problem aplusb", "user alice" or "all"
    created_at INTEGER NOT NULL
);

CREATE TABLE regrade_items (
    regrade_id INTEGER NOT NULL REFERENCES regrades (id),
    submission_id INTEGER NOT NULL REFERENCES submissions (id),
    old_verdict TEXT,
    old_score REAL,
    PRIMARY KEY (regrade_id, submission_id)
);
