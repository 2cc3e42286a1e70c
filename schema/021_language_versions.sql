-- 021: the version of each language the judge host has, for the problem
-- page: the first line of the language's version command (languages.yaml),
-- run in a box by `verdict judge` at its start. The web server cannot run
-- programs, so it reads them here.

CREATE TABLE language_versions (
    language TEXT PRIMARY KEY,      -- the language's id
    version TEXT NOT NULL,          -- "gcc (Debian 12.2.0-14+deb12u1) 12.2.0, -std=gnu17", or why there is none
    installed INTEGER NOT NULL,     -- 1, or 0: version says why not
    fingerprint TEXT NOT NULL,      -- the toolchain as found (program size and time): a change means look again
    checked_at INTEGER NOT NULL
);
