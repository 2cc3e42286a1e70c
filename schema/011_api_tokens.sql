-- 011: per-user API tokens for the read-only JSON API. As with sessions,
-- the token itself is shown once and only its hash is stored.

CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    last_used_at INTEGER,
    UNIQUE (user_id, name)
);
