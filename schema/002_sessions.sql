-- 002: web sessions and failed logins (for throttling).
-- A session's token lives only in the browser's cookie; the database keeps
-- its hash, so a copy of the database holds no live session.

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    csrf_token TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);

CREATE INDEX sessions_by_expiry ON sessions (expires_at);

CREATE TABLE login_failures (
    id INTEGER PRIMARY KEY,
    user_name TEXT NOT NULL,
    address TEXT NOT NULL,
    at INTEGER NOT NULL
);

CREATE INDEX login_failures_by_name ON login_failures (user_name, at);
CREATE INDEX login_failures_by_address ON login_failures (address, at);
