-- 006: each user's best result on each problem, kept up to date in the
-- transaction that stores a judging (db_judging_store), so that the problem
-- list and the gradebook read one row per (user, problem) instead of every
-- submission: their cost no longer grows with the number of submissions.

CREATE TABLE best_results (
    user_id INTEGER NOT NULL REFERENCES users (id),
    problem_id INTEGER NOT NULL REFERENCES problems (id),
    attempts INTEGER NOT NULL,  -- judged submissions
    solved INTEGER NOT NULL,    -- 1 if any of them was accepted
    best_score REAL,            -- the highest score (scoring problems), else NULL
    last_id INTEGER NOT NULL,   -- the newest judged one: its verdict is shown when none was accepted
    PRIMARY KEY (user_id, problem_id)
);

INSERT INTO best_results (user_id, problem_id, attempts, solved, best_score, last_id)
SELECT user_id, problem_id, COUNT(*), MAX(CASE WHEN verdict = 'AC' THEN 1 ELSE 0 END), MAX(score), MAX(id)
FROM submissions WHERE verdict IS NOT NULL GROUP BY user_id, problem_id;
