-- 009: a job that keeps killing its judge ends, instead of being taken again for ever.
--
-- Each claim of a submission or an import counts an attempt; the judge
-- gives up after five (a submission is then JE, an import failed) with
-- the reason in judge_error or message. A regrade starts the count again.

ALTER TABLE submissions ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE submissions ADD COLUMN judge_error TEXT;
ALTER TABLE imports ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
