-- 008: failed logins are counted per address and per (address, name)
-- (web/session.c), and those older than the 15-minute window are deleted as
-- new ones come in: a flood of wrong logins from ever new addresses would
-- otherwise grow the table for ever.
CREATE INDEX login_failures_by_time ON login_failures (at);
