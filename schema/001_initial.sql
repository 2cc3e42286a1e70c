-- 001: users, problems and their test data versions, submissions, judgings
-- (one per attempt: a regrade adds one and keeps the old) and per-test results.
-- Portable SQL: a PostgreSQL backend will run the same statements, so no
-- SQLite-only types or functions. Times are Unix seconds.

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL CHECK (role IN ('student', 'instructor', 'admin')),
    password_hash TEXT,
    created_at INTEGER NOT NULL
);

CREATE TABLE problems (
    id INTEGER PRIMARY KEY,
    short_name TEXT NOT NULL UNIQUE,   -- the package directory's (or archive's) name
    title TEXT NOT NULL,
    visible INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL
);

-- Each import of a package is a new test data version; submissions are
-- judged against the problem's newest version, and a judging records which.
CREATE TABLE problem_versions (
    id INTEGER PRIMARY KEY,
    problem_id INTEGER NOT NULL REFERENCES problems (id),
    version INTEGER NOT NULL,
    package_dir TEXT NOT NULL,
    format TEXT NOT NULL,
    time_limit REAL NOT NULL,
    memory_mb INTEGER NOT NULL,
    output_mb INTEGER NOT NULL,
    test_count INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (problem_id, version)
);

CREATE TABLE submissions (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    problem_id INTEGER NOT NULL REFERENCES problems (id),
    language TEXT NOT NULL,
    file_name TEXT NOT NULL,
    source BLOB NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('queued', 'judging', 'done')),
    -- The newest finished judging's result, kept here for the lists.
    verdict TEXT,
    score REAL,
    judging_id INTEGER,
    -- A worker's claim: another may take the submission once it expires.
    lease_owner TEXT,
    lease_expires INTEGER,
    submitted_at INTEGER NOT NULL
);

CREATE TABLE judgings (
    id INTEGER PRIMARY KEY,
    submission_id INTEGER NOT NULL REFERENCES submissions (id),
    problem_version_id INTEGER NOT NULL REFERENCES problem_versions (id),
    verdict TEXT NOT NULL,
    score REAL,
    compile_output TEXT,
    max_cpu_ms INTEGER NOT NULL,
    max_mem_kb INTEGER NOT NULL,
    judge TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    finished_at INTEGER NOT NULL
);

CREATE TABLE test_results (
    judging_id INTEGER NOT NULL REFERENCES judgings (id),
    test_index INTEGER NOT NULL,
    test_name TEXT NOT NULL,
    sample INTEGER NOT NULL,
    verdict TEXT NOT NULL,
    cpu_ms INTEGER NOT NULL,
    wall_ms INTEGER NOT NULL,
    mem_kb INTEGER NOT NULL,
    message TEXT NOT NULL,
    PRIMARY KEY (judging_id, test_index)
);

-- What the pages and the queue ask for: a user's, a problem's, a verdict's
-- submissions, newest first; the queue in order; a submission's judgings.
CREATE INDEX submissions_by_user ON submissions (user_id, id);
CREATE INDEX submissions_by_problem ON submissions (problem_id, id);
CREATE INDEX submissions_by_verdict ON submissions (verdict, id);
CREATE INDEX submissions_by_state ON submissions (state, id);
CREATE INDEX judgings_by_submission ON judgings (submission_id, id);
CREATE INDEX problem_versions_by_problem ON problem_versions (problem_id, version);
