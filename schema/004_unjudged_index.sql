-- 004: a student's submissions that were never judged (not those a regrade
-- put back in the queue), for the per-user limit on waiting submissions.
-- Partial, so it holds only the queue's new arrivals.

CREATE INDEX submissions_unjudged ON submissions (user_id) WHERE judging_id IS NULL;
