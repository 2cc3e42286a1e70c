-- 003: an index covering the gradebook: it groups a student's judged
-- submissions to each problem straight from the index, without a sort and
-- without reading the rows (whose sources make them large). At 100,000
-- submissions: 35 ms, against 225 ms on (user_id, problem_id, id) alone and
-- 300 ms sorting the table (`make bench`, tests/bench/db_bench.c).

CREATE INDEX submissions_by_user_problem ON submissions (user_id, problem_id, verdict, score, id);
