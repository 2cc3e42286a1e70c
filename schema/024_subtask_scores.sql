-- A scoring judging's subtasks: the test groups directly under secret,
-- when secret adds them up (judge/package/grading.h). An IOI scoreboard
-- sums each subtask's best score over a participant's submissions, so two
-- submissions that solve different subtasks together score both.
CREATE TABLE judging_subtasks (
    judging_id INTEGER NOT NULL REFERENCES judgings (id),
    subtask_index INTEGER NOT NULL,    -- from 0, in the package's order
    name TEXT NOT NULL,                -- the group's path: "secret/1-small"
    score REAL NOT NULL,
    max_score REAL,                    -- NULL: the legacy model says none
    PRIMARY KEY (judging_id, subtask_index)
);
