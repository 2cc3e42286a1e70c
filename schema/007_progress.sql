-- 007: how far a judging has got, for the submission page while it runs:
-- the tests run so far (0 while compiling). Written with each lease renewal,
-- reset when a judge claims the submission.
ALTER TABLE submissions ADD COLUMN tests_done INTEGER NOT NULL DEFAULT 0;
